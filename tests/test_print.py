"""Printing: communication pages printed to PDF in headless Chromium, pages counted with pdfinfo.

Every family letter and every highlights handout of the demo must fit on one US Letter
page; announcements, summaries and observer packets are printed for a few cycles (the
ones with hand-written messages and the upcoming one) and must print, in reasonable length.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from conftest import require_chromium
from gates import page_kinds

ONE_PAGE = ("family-letter", "family-letter-es", "highlights")
PRINTED = ("announcement", "summary")


def pdf_pages(pdf: Path) -> tuple[int, str]:
    """(page count, page size) as pdfinfo reports them."""
    pdfinfo = shutil.which("pdfinfo")
    assert pdfinfo, "pdfinfo is missing: apt-get install poppler-utils"
    out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE)
    size = re.search(r"^Page size:\s+(.+)$", out, re.MULTILINE)
    assert pages and size, out
    return int(pages.group(1)), size.group(1)


def _cycles(site: Path) -> list[Path]:
    """The folders of the built cycle pages (found by their page kind, not by where they sit)."""
    return sorted(p.parent for p in page_kinds(site)["cycle"])


def _chosen(site: Path) -> list[Path]:
    """Cycles whose every material is printed: those with hand-written messages, and the upcoming ones."""
    content = site.parent / "content" / "schools"
    special = {f"{m.parents[3].name}/{m.parents[1].name}" for m in content.glob("*/cycles/*/messages/*.md")}
    chosen = [c for c in _cycles(site) if f"{c.parent.name}/{c.name}" in special or not (c / "summary").exists()]
    return chosen[:4]


def _print(page: Any, url: str, pdf: Path) -> tuple[int, str]:
    page.goto(url)
    assert page.locator("[data-lw-print]").first.is_visible(), url
    page.pdf(path=str(pdf), format="Letter", prefer_css_page_size=True)
    return pdf_pages(pdf)


def test_letters_print_to_pdf(demo_sites: dict[str, Path], serve: Any, browser: Any, tmp_path: Path) -> None:
    site = demo_sites["public"]
    base = serve(site)
    jobs: list[tuple[Path, str]] = []
    for cycle in _cycles(site):
        jobs += [(cycle, part) for part in ONE_PAGE if (cycle / part / "index.html").exists()]
    for cycle in _chosen(site):
        jobs += [(cycle, part) for part in PRINTED if (cycle / part / "index.html").exists()]
    assert len({c for c, p in jobs if p == "family-letter"}) == len(_cycles(site))
    counts: dict[str, int] = {}
    page = browser.new_page()
    for cycle, part in jobs:
        rel = (cycle / part).relative_to(site).as_posix()
        pdf = tmp_path / (rel.replace("/", "_") + ".pdf")
        pages, size = _print(page, f"{base}{rel}/", pdf)
        assert "612 x 792" in size, f"{rel}: not US Letter ({size})"
        counts[rel] = pages
    page.close()
    print("\nprinted pages (public):")
    for rel, pages in sorted(counts.items()):
        print(f"  {pages}  {rel}")
    too_long = {rel: n for rel, n in counts.items() if rel.rsplit("/", 1)[1] in ONE_PAGE and n != 1}
    assert not too_long, f"must fit on one page: {too_long}"
    assert all(1 <= n <= 3 for rel, n in counts.items()), counts


def test_observer_packets_print_a_sheet_per_visit(
    demo_sites: dict[str, Path], serve: Any, browser: Any, tmp_path: Path
) -> None:
    site = demo_sites["team"]
    base = serve(site)
    counts = {}
    page = browser.new_page()
    # a packet holds each visit's room: the team has one only for a walkthrough still to come
    packets = sorted(site.rglob("observer-packet/index.html"))
    assert packets, "the demo's upcoming walkthrough has no observer packet"
    for cycle in (p.parent.parent for p in packets):
        rel = (cycle / "observer-packet").relative_to(site).as_posix()
        html = (site / rel / "index.html").read_text(encoding="utf-8")
        sheets = html.count('class="lw-sheet lw-page-break"')
        groups = html.count('class="lw-packet')
        assert sheets and groups, rel
        pages, _ = _print(page, f"{base}{rel}/", tmp_path / (rel.replace("/", "_") + ".pdf"))
        counts[rel] = pages
        # each group's packet starts a new sheet of paper, and so does every scripting sheet
        assert groups + sheets <= pages <= 3 * groups + sheets, (rel, groups, sheets, pages)
    page.close()
    print("\nprinted pages (team observer packets):", counts)
    assert counts


def test_chromium_command_line_prints_a_family_letter(demo_sites: dict[str, Path], serve: Any, tmp_path: Path) -> None:
    """The print-to-PDF a person runs by hand: `chromium --headless --print-to-pdf`."""
    chromium = require_chromium()
    site = demo_sites["public"]
    letter = next(c for c in _cycles(site) if (c / "family-letter-es").exists()) / "family-letter-es"
    url = serve(site) + letter.relative_to(site).as_posix() + "/"
    pdf = tmp_path / "letter.pdf"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            url,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert pdf.is_file(), "Chromium wrote no PDF"
    pages, size = pdf_pages(pdf)
    assert pages == 1 and "612 x 792" in size, (pages, size)
