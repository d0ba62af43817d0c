"""Charts: Vega-Lite specifications (plain dicts) rendered to static SVG at build time.

A chart's title is not drawn in the SVG: the page shows it as the figure's caption, and the
SVG carries it (and a text description of every figure) for screen readers.

Rendering uses vl-convert, offline. An SVG is cached on disk under the hash of its
specification, so an unchanged chart is never rendered twice; ``ChartCache`` counts what it
rendered and what it took from the cache. Charts are rendered when a page shows them, so
commands that only need data (``lwsite export``) render none.

One colour scale serves the levels of a continuum everywhere: a single-hue ramp from light
to dark, ordered like the levels, so that it reads in greyscale print and for colour-blind
readers; bar segments are outlined so that neighbouring levels stay apart.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

# ColorBrewer "Blues", light to dark: levels take evenly spaced steps of it.
RAMP = ("#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")
OUTLINE = "#333333"
# Several series (one per characteristic): Okabe-Ito colours, told apart by shape and dash too.
SERIES = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
SHAPES = ("circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "circle")
DASHES = ([1, 0], [6, 3], [2, 2], [8, 2, 2, 2], [4, 4], [1, 3], [10, 4])
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
CONFIG: dict[str, Any] = {
    "font": FONT,
    "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 180},
    "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom", "direction": "vertical",
               "labelLimit": 400},
    "view": {"stroke": None},
    "background": "white",
}


# Room around the plot: the browser's font may be wider than the one vl-convert measures with.
PADDING = {"left": 24, "right": 24, "top": 6, "bottom": 6}
LINES = "split(datum.label, '\\n')"  # axis labels wrapped by ``wrap``


def wrap(label: str, width: int = 22) -> str:
    """A long label on several lines (joined by a newline, which axes split with LINES)."""
    return "\n".join(textwrap.wrap(label, width)) or label


def level_colours(count: int) -> list[str]:
    """``count`` colours of the ramp, evenly spaced, lightest first."""
    if count <= 1:
        return [RAMP[-2]]
    # leave out the palest step: it would vanish on a white page
    steps = len(RAMP) - 1
    return [RAMP[1 + round(i * (steps - 1) / (count - 1))] for i in range(count)]


@dataclass
class ChartCache:
    """SVGs by the hash of their specification, on disk when a folder is given."""

    folder: Path | None = None
    rendered: int = 0
    cached: int = 0
    _memory: dict[str, str] = field(default_factory=dict)

    def svg(self, spec: dict[str, Any]) -> str:
        digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode("utf-8")).hexdigest()
        if digest in self._memory:
            self.cached += 1
            return self._memory[digest]
        path = self.folder / f"{digest[:2]}/{digest}.svg" if self.folder else None
        if path is not None and path.is_file():
            svg = path.read_text(encoding="utf-8")
            self.cached += 1
        else:
            import vl_convert

            svg = str(vl_convert.vegalite_to_svg(spec))
            self.rendered += 1
            if path is not None:
                _write_atomically(path, svg)
        self._memory[digest] = svg
        return svg


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)


@dataclass(frozen=True)
class Chart:
    """A chart to show inline: its specification, a title and a text description."""

    spec: dict[str, Any]
    title: str
    description: str
    cache: ChartCache = field(compare=False, repr=False)

    def inline(self, ident: str) -> Markup:
        """The SVG as an image with an accessible name and description (ids unique per page)."""
        svg = self.cache.svg(self.spec)
        head = re.match(r"<svg\b[^>]*>", svg)
        if head is None:
            raise ValueError("vl-convert returned no <svg> element")
        opening = head.group(0)[:-1] + f' role="img" aria-labelledby="{ident}-t {ident}-d" focusable="false">'
        inner = (f'<title id="{ident}-t">{escape(self.title)}</title>'
                 f'<desc id="{ident}-d">{escape(self.description)}</desc>')
        return Markup(opening + inner + svg[head.end():])


# specifications --------------------------------------------------------------------------
def stacked_bars(rows: list[dict[str, Any]], levels: list[str], *, x_title: str = "Visits") -> dict[str, Any]:
    """Horizontal stacked bars: one bar per ``row["bar"]``, a segment per level.

    ``rows`` hold ``bar``, ``level`` (a label of ``levels``), ``order`` and ``count``; only
    shown counts belong in them. Horizontal bars keep a phone-wide chart readable however
    many bars there are: the chart grows in height, not in width.
    """
    bars = list(dict.fromkeys(r["bar"] for r in rows))
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "config": CONFIG,
        "padding": PADDING,
        "width": 300,
        "height": max(40, 26 * len(bars)),
        "data": {"values": rows},
        "mark": {"type": "bar", "stroke": OUTLINE, "strokeWidth": 0.75},
        "encoding": {
            "y": {"field": "bar", "type": "nominal", "sort": bars, "title": None},
            "x": {"field": "count", "type": "quantitative", "title": x_title, "stack": "zero",
                  "axis": {"tickMinStep": 1, "format": "d"}},
            "color": {"field": "level", "type": "nominal", "title": "Level",
                      "scale": {"domain": levels, "range": level_colours(len(levels))},
                      "sort": levels},
            "order": {"field": "order", "type": "ordinal"},
            "description": {"field": "label", "type": "nominal"},
        },
    }


def lines(rows: list[dict[str, Any]], series: list[str], *, y_title: str) -> dict[str, Any]:
    """A line per series over time: ``rows`` hold ``date`` (ISO), ``series``, ``value`` (0-100)."""
    scale = {"domain": series, "range": list(SERIES[: len(series)])}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "config": CONFIG,
        "padding": PADDING,
        "width": 300,
        "height": 180,
        "data": {"values": rows},
        "encoding": {
            "x": {"field": "date", "type": "temporal", "title": "Walkthrough",
                  "axis": {"format": "%b %Y", "labelAngle": -40, "tickCount": 6}},
            "y": {"field": "value", "type": "quantitative", "title": y_title,
                  "scale": {"domain": [0, 100]}, "axis": {"format": "d"}},
            "color": {"field": "series", "type": "nominal", "title": "Characteristic", "scale": scale, "sort": series},
            "description": {"field": "label", "type": "nominal"},
        },
        "layer": [
            {"mark": {"type": "line", "strokeWidth": 2},
             "encoding": {"strokeDash": {"field": "series", "type": "nominal", "title": "Characteristic",
                                         "scale": {"domain": series, "range": list(DASHES[: len(series)])}}}},
            {"mark": {"type": "point", "filled": True, "size": 70, "stroke": OUTLINE, "strokeWidth": 0.5},
             "encoding": {"shape": {"field": "series", "type": "nominal", "title": "Characteristic",
                                    "scale": {"domain": series, "range": list(SHAPES[: len(series)])}}}},
        ],
    }


def heat_map(rows: list[dict[str, Any]], columns: list[str], row_order: list[str], *, legend_title: str
             ) -> dict[str, Any]:
    """Cells of ``row`` x ``column`` shaded by ``value`` (0-100), each labelled with ``text``.

    Long row and column names are wrapped onto several lines; a cell whose ``value`` is None
    (not shown) is left unshaded and keeps its ``text``.
    """
    cells = [r | {"row": wrap(r["row"], 28), "column": wrap(r["column"], 14)} for r in rows]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "config": CONFIG,
        "padding": PADDING,
        "data": {"values": cells},
        "encoding": {
            "x": {"field": "column", "type": "nominal", "sort": [wrap(c, 14) for c in columns], "title": None,
                  "axis": {"orient": "bottom", "labelAngle": 0, "labelExpr": LINES, "labelLimit": 0}},
            "y": {"field": "row", "type": "nominal", "sort": [wrap(r, 28) for r in row_order], "title": None,
                  "axis": {"labelExpr": LINES, "labelLimit": 0}},
        },
        "width": max(120, 110 * len(columns)),
        "height": max(40, 44 * len(row_order)),
        "layer": [
            {"mark": {"type": "rect", "stroke": "white", "strokeWidth": 2},
             "encoding": {
                 "color": {"field": "value", "type": "quantitative", "title": legend_title,
                           "scale": {"domain": [0, 100], "range": [RAMP[0], RAMP[-1]]},
                           "legend": {"format": "d", "direction": "horizontal", "gradientLength": 160}},
                 "opacity": {"condition": {"test": "datum.value === null", "value": 0}, "value": 1},
                 "description": {"field": "label", "type": "nominal"}}},
            {"mark": {"type": "text", "fontSize": 12, "fontWeight": "bold"},
             "encoding": {
                 "text": {"field": "text", "type": "nominal"},
                 "color": {"condition": {"test": "datum.value >= 62", "value": "white"}, "value": "black"}}},
        ],
    }


RANGE_COLOUR = "#f0f0f0"  # the part of a bar that could lie on either side: a pale band, outlined


def share_bars(rows: list[dict[str, Any]], levels: list[str], *, range_label: str | None = None) -> dict[str, Any]:
    """Horizontal bars of shares (0-100%), one per ``row["bar"]``, a segment per band.

    ``rows`` hold ``bar``, ``level`` (one of ``levels``, or ``range_label`` for the part of
    the bar a range leaves open), ``start`` and ``end`` (percent) and ``label``. Bars are
    shares, so walkthroughs of 8 and 55 visits compare; a range is drawn as a pale band
    between its halves, never as an exact value.
    """
    bars = list(dict.fromkeys(r["bar"] for r in rows))
    domain = levels + ([range_label] if range_label else [])
    colours = level_colours(len(levels)) + ([RANGE_COLOUR] if range_label else [])
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "config": CONFIG,
        "padding": PADDING,
        "width": 300,
        "height": max(40, 26 * len(bars)),
        "data": {"values": rows},
        "mark": {"type": "bar", "stroke": OUTLINE, "strokeWidth": 0.75},
        "encoding": {
            "y": {"field": "bar", "type": "nominal", "sort": bars, "title": None,
                  "axis": {"labelExpr": LINES, "labelLimit": 0}},
            "x": {"field": "start", "type": "quantitative", "title": "Share of visits rated (%)",
                  "scale": {"domain": [0, 100]}, "axis": {"format": "d", "values": [0, 25, 50, 75, 100]}},
            "x2": {"field": "end"},
            "color": {"field": "level", "type": "nominal", "title": "Level",
                      "scale": {"domain": domain, "range": colours}, "sort": domain},
            "description": {"field": "label", "type": "nominal"},
        },
    }


def share_over_time(points: list[dict[str, Any]], years: list[dict[str, Any]], series: list[str], *,
                    y_title: str) -> dict[str, Any]:
    """The share in the upper half over time, one colour per series (characteristic).

    ``points``: one per walkthrough, with ``date`` (ISO), ``series``, ``low`` and ``high``
    (percent: equal for an exact share, else a range drawn as a vertical bar) and ``label``.
    ``years``: one per school year, with ``start`` and ``end`` (ISO dates), ``series``,
    ``low``, ``high`` and ``label``: drawn as a band (or a line when exact) across the year.
    """
    scale = {"domain": series, "range": list(SERIES[: len(series)])}
    colour = {"field": "series", "type": "nominal", "title": "Characteristic", "scale": scale, "sort": series,
              "legend": {"labelExpr": LINES, "labelLimit": 0}}
    x = {"field": "date", "type": "temporal", "title": "Date of the walkthrough",
         "axis": {"format": "%b %Y", "labelAngle": -40, "tickCount": 6}}
    y = {"field": "low", "type": "quantitative", "title": y_title, "scale": {"domain": [0, 100]},
         "axis": {"format": "d"}}
    layers: list[dict[str, Any]] = []
    ranged = [y for y in years if y["low"] < y["high"]]
    level = [y for y in years if y["low"] == y["high"]]
    if ranged:  # a school year given as a range: a band across the year (empty layers are left out:
        # an empty mark group would be an image without a name)
        layers.append({
            "data": {"values": ranged},
            "mark": {"type": "rect", "opacity": 0.25, "stroke": None},
            "encoding": {"x": x | {"field": "start"}, "x2": {"field": "end"},
                         "y": y, "y2": {"field": "high"}, "color": colour,
                         "description": {"field": "label", "type": "nominal"}},
        })
    if level:  # an exact school year: a dashed line across the year
        layers.append({
            "data": {"values": level},
            "mark": {"type": "rule", "strokeWidth": 2, "strokeDash": [4, 3]},
            "encoding": {"x": x | {"field": "start"}, "x2": {"field": "end"}, "y": y,
                         "color": colour, "description": {"field": "label", "type": "nominal"}},
        })
    spread = [p for p in points if p["low"] < p["high"]]
    if spread:  # a walkthrough given as a range: a vertical bar from its low to its high share
        layers.append({
            "data": {"values": spread},
            "mark": {"type": "rule", "strokeWidth": 3},
            "encoding": {"x": x, "y": y, "y2": {"field": "high"}, "color": colour,
                         "description": {"field": "label", "type": "nominal"}},
        })
    exact = [p for p in points if p["low"] == p["high"]]
    if exact:
        layers.append({
            "data": {"values": exact},
            "mark": {"type": "point", "filled": True, "size": 70, "stroke": OUTLINE, "strokeWidth": 0.5},
            "encoding": {"x": x, "y": y, "color": colour,
                         "shape": {"field": "series", "type": "nominal", "title": "Characteristic",
                                   "scale": {"domain": series, "range": list(SHAPES[: len(series)])}},
                         "description": {"field": "label", "type": "nominal"}},
        })
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "config": CONFIG,
        "padding": PADDING,
        "width": 300,
        "height": 200,
        "layer": layers,
    }
