"""Reading built pages the way a reader sees them: tables by caption, charts by their marks."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[str, list[list[str]]]] = []
        self._stack: list[tuple[list[str], list[list[str]]]] = []  # (caption parts, rows)
        self._cell: list[str] | None = None
        self._caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._stack.append(([], []))
        elif tag == "caption":
            self._caption = True
        elif tag == "tr" and self._stack:
            self._stack[-1][1].append([])
        elif tag in ("td", "th") and self._stack:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._stack:
            caption, rows = self._stack.pop()
            self.tables.append((" ".join("".join(caption).split()), rows))
        elif tag == "caption":
            self._caption = False
        elif tag in ("td", "th") and self._cell is not None and self._stack:
            self._stack[-1][1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._caption and self._stack:
            self._stack[-1][0].append(data)
        elif self._cell is not None:
            self._cell.append(data)


def tables(html: str) -> dict[str, list[list[str]]]:
    """Every table of a page by its caption: rows of cell texts, the header row first."""
    parser = _Tables()
    parser.feed(html)
    out: dict[str, list[list[str]]] = {}
    for caption, rows in parser.tables:
        assert caption not in out, f"two tables captioned {caption!r}"
        out[caption] = rows
    return out


def figure(html: str, ident: str) -> str:
    """The HTML of one chart's figure (its SVG and its data table)."""
    match = re.search(rf'<figure class="lw-chart" id="{re.escape(ident)}">(.*?)</figure>', html, re.DOTALL)
    assert match, f"no chart figure {ident}"
    return match.group(1)


def chart_marks(figure_html: str) -> dict[str, str]:
    """The marks (bars, points, cells) of a chart's SVG: accessible label -> path data."""
    svg = re.search(r"<svg\b.*?</svg>", figure_html, re.DOTALL)
    assert svg, "the figure has no inline SVG"
    marks = {}
    for tag in re.findall(r"<path\b[^>]*>", svg.group(0)):
        label, data = re.search(r'aria-label="([^"]+)"', tag), re.search(r' d="([^"]+)"', tag)
        if 'role="graphics-symbol"' in tag and label and data:
            marks[label.group(1)] = data.group(1)
    return marks


def bar_length(path_data: str) -> float:
    """The horizontal length of a bar drawn as ``M x,y h W v H h -W Z``."""
    match = re.match(r"M[-\d.]+,[-\d.]+h([-\d.]+)", path_data)
    assert match, path_data
    return float(match.group(1))


def read(site: Path, path: str) -> str:
    return (
        (site / path / "index.html").read_text(encoding="utf-8")
        if not path.endswith((".csv", ".json"))
        else (site / path).read_text(encoding="utf-8")
    )
