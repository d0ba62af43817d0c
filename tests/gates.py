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


def samples(site: Path, per_kind: int = 1) -> list[Path]:
    """One (or a few) pages of every kind: the gates' sample of the site."""
    out: list[Path] = []
    for _, pages in sorted(page_kinds(site).items()):
        # the largest pages of a kind show the most of its template
        out.extend(sorted(pages, key=lambda p: -p.stat().st_size)[:per_kind])
    return out


def url_of(site: Path, page: Path, base: str) -> str:
    rel = page.relative_to(site).as_posix()
    rel = rel.removesuffix("index.html")
    return base + rel
