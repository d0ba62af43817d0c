"""What the quality gates check: one page of each kind, read from the built output."""

from __future__ import annotations

import re
from pathlib import Path

KIND_RE = re.compile(r'data-lw-kind="([a-z0-9-]+)"')


def page_kinds(site: Path) -> dict[str, list[Path]]:
    """Every built HTML page grouped by its lwsite kind ("docs" for the user's own pages)."""
    kinds: dict[str, list[Path]] = {}
    for path in sorted(site.rglob("*.html")):
        if path.name == "404.html":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        match = KIND_RE.search(text)
        kinds.setdefault(match.group(1) if match else "docs", []).append(path)
    return kinds


def edition(site: Path, page: Path) -> str:
    """The language edition a page belongs to: "" for the site's own language (at the root), else
    the folder of the language's own site (``es``: it has its own search index)."""
    first = page.relative_to(site).parts[0]
    return first if (site / first / "search" / "search_index.json").is_file() else ""


def samples(site: Path, per_kind: int = 1) -> list[Path]:
    """One (or a few) pages of every kind in every language: the gates' sample of the site."""
    out: list[Path] = []
    for _, pages in sorted(page_kinds(site).items()):
        by_edition: dict[str, list[Path]] = {}
        for page in pages:
            by_edition.setdefault(edition(site, page), []).append(page)
        for _, mine in sorted(by_edition.items()):
            # the largest pages of a kind show the most of its template
            out.extend(sorted(mine, key=lambda p: -p.stat().st_size)[:per_kind])
    return out


def url_of(site: Path, page: Path, base: str) -> str:
    rel = page.relative_to(site).as_posix()
    rel = rel.removesuffix("index.html")
    return base + rel
