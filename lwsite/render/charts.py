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
    "legend": {
        "labelFontSize": 12,
        "titleFontSize": 12,
        "orient": "bottom",
        "direction": "vertical",
        "labelLimit": 400,
    },
    "view": {"stroke": None},
    "background": "white",
}


# Room around the plot: the browser's font may be wider than the one vl-convert measures with.
PADDING = {"left": 24, "right": 24, "top": 6, "bottom": 6}
# A phone's chart: narrow enough (about 320 px in all) that it is never scaled down, so its
# 12 px text stays 12 px; labels wrap instead of growing the chart.
NARROW_PADDING = {"left": 16, "right": 8, "top": 6, "bottom": 6}
LINES = "split(datum.label, '\\n')"  # axis labels wrapped by ``wrap``


@dataclass(frozen=True)
class Words:
    """The words a chart draws besides its data, and the locale of its dates (None: Vega's,
    which is English): the caller gives them in the page's language."""

    share_axis: str = "Share of visits rated (%)"
    level: str = "Level"
    characteristic: str = "Characteristic"
    date_axis: str = "Date of the walkthrough"
    target: str = "Target of an action step"  # the legend's name for a measured step's target line
    locale: dict[str, Any] | None = None


ENGLISH = Words()


def vega_locale(language: str) -> dict[str, Any] | None:
    """Vega's time-format locale for a language, from Babel's CLDR data (month and day names);
    None for English, whose names are Vega's own."""
    from .dates import locale_of

    loc = locale_of(language)
    if loc.language == "en":
        return None
    months = loc.months["format"]
    days = loc.days["format"]
    periods = loc.day_periods["format"]["abbreviated"]
    return {
        "time": {
            "dateTime": "%x, %X",
            "date": "%d/%m/%Y",
            "time": "%H:%M:%S",
            "periods": [str(periods.get("am", "AM")), str(periods.get("pm", "PM"))],
            # CLDR numbers weekdays from Monday (0); Vega's lists start on Sunday
            "days": [str(days["wide"][(i + 6) % 7]) for i in range(7)],
            "shortDays": [str(days["abbreviated"][(i + 6) % 7]) for i in range(7)],
            "months": [str(months["wide"][i]) for i in range(1, 13)],
            "shortMonths": [str(months["abbreviated"][i]).rstrip(".") for i in range(1, 13)],
        }
    }


def _config(words: Words) -> dict[str, Any]:
    return CONFIG if words.locale is None else CONFIG | {"locale": words.locale}


def wrap(label: str, width: int = 22) -> str:
    """A long label on several lines (joined by a newline, which axes split with LINES); a word
    longer than a line keeps its line rather than being cut."""
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) or label


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
    Path(tmp).replace(path)


@dataclass(frozen=True)
class Chart:
    """A chart to show inline: its specification, a title and a text description.

    ``narrow`` is the same chart drawn for a phone (at most about 320 px wide, so its text is
    never scaled below its font size); pages show one or the other by the width of the screen.
    """

    spec: dict[str, Any]
    title: str
    description: str
    cache: ChartCache = field(compare=False, repr=False)
    narrow: dict[str, Any] | None = None

    def _svg(self, spec: dict[str, Any], ident: str) -> str:
        svg = self.cache.svg(spec)
        # ids inside the drawing (gradients, clip paths) are made unique on the page
        for inner_id in dict.fromkeys(re.findall(r'\bid="([^"]+)"', svg)):
            mine = f"{ident}-{inner_id}"
            svg = (
                svg.replace(f'id="{inner_id}"', f'id="{mine}"')
                .replace(f"url(#{inner_id})", f"url(#{mine})")
                .replace(f'href="#{inner_id}"', f'href="#{mine}"')
            )
        head = re.match(r"<svg\b[^>]*>", svg)
        if head is None:
            raise ValueError("vl-convert returned no <svg> element")
        opening = head.group(0)[:-1] + f' role="img" aria-labelledby="{ident}-t {ident}-d" focusable="false">'
        inner = (
            f'<title id="{ident}-t">{escape(str(self.title))}</title>'
            f'<desc id="{ident}-d">{escape(str(self.description))}</desc>'
        )
        return opening + inner + svg[head.end() :]

    def inline(self, ident: str) -> Markup:
        """The SVG as an image with an accessible name and description (ids unique per page)."""
        if self.narrow is None:
            return Markup(self._svg(self.spec, ident))
        return Markup(
            f'<div class="lw-chart-wide">{self._svg(self.spec, ident)}</div>'
            f'<div class="lw-chart-narrow">{self._svg(self.narrow, ident + "-n")}</div>'
        )


# specifications --------------------------------------------------------------------------
def heat_map(
    rows: list[dict[str, Any]],
    columns: list[str],
    row_order: list[str],
    *,
    legend_title: str,
    narrow: bool = False,
    words: Words = ENGLISH,
) -> dict[str, Any]:
    """Cells of ``row`` x ``column`` shaded by ``value`` (0-100), each labelled with ``text``.

    Long row and column names are wrapped onto several lines; a cell whose ``value`` is None
    (not shown) is left unshaded and keeps its ``text``. ``narrow``: a phone's version, with
    narrower cells and shorter lines.
    """
    row_width, column_width, cell = (12, 10, 72) if narrow else (28, 14, 110)
    cells = [r | {"row": wrap(r["row"], row_width), "column": wrap(r["column"], column_width)} for r in rows]
    lines = max(wrap(r, row_width).count("\n") + 1 for r in row_order)
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "config": _config(words),
        "padding": NARROW_PADDING if narrow else PADDING,
        "data": {"values": cells},
        "encoding": {
            "x": {
                "field": "column",
                "type": "nominal",
                "sort": [wrap(c, column_width) for c in columns],
                "title": None,
                "axis": {"orient": "bottom", "labelAngle": 0, "labelExpr": LINES, "labelLimit": 0},
            },
            "y": {
                "field": "row",
                "type": "nominal",
                "sort": [wrap(r, row_width) for r in row_order],
                "title": None,
                "axis": {"labelExpr": LINES, "labelLimit": 0},
            },
        },
        "width": max(cell, cell * len(columns)),
        "height": max(40, max(44, 15 * lines + 10) * len(row_order)),
        "layer": [
            {
                "mark": {"type": "rect", "stroke": "white", "strokeWidth": 2},
                "encoding": {
                    "color": {
                        "field": "value",
                        "type": "quantitative",
                        "title": legend_title,
                        "scale": {"domain": [0, 100], "range": [RAMP[0], RAMP[-1]]},
                        "legend": {"format": "d", "direction": "horizontal", "gradientLength": 120 if narrow else 160},
                    },
                    "opacity": {"condition": {"test": "datum.value === null", "value": 0}, "value": 1},
                    "description": {"field": "label", "type": "nominal"},
                },
            },
            {
                "mark": {"type": "text", "fontSize": 12, "fontWeight": "bold"},
                "encoding": {
                    "text": {"field": "text", "type": "nominal"},
                    "color": {"condition": {"test": "datum.value >= 62", "value": "white"}, "value": "black"},
                },
            },
        ],
    }


RANGE_COLOUR = "#f0f0f0"  # the part of a bar that could lie on either side: a pale band, outlined


def share_bars(
    rows: list[dict[str, Any]],
    levels: list[str],
    *,
    range_label: str | None = None,
    narrow: bool = False,
    words: Words = ENGLISH,
) -> dict[str, Any]:
    """Horizontal bars of shares (0-100%), one per ``row["bar"]``, a segment per band.

    ``rows`` hold ``bar``, ``level`` (one of ``levels``, or ``range_label`` for the part of
    the bar a range leaves open), ``start`` and ``end`` (percent) and ``label``. Bars are
    shares, so walkthroughs of 8 and 55 visits compare; a range is drawn as a pale band
    between its halves, never as an exact value. ``narrow``: a phone's version.
    """
    width = 12 if narrow else 24
    data = [r | {"bar": wrap(r["bar"], width)} for r in rows]
    bars = list(dict.fromkeys(r["bar"] for r in data))
    domain = levels + ([range_label] if range_label else [])
    colours = level_colours(len(levels)) + ([RANGE_COLOUR] if range_label else [])
    lines = max(r["bar"].count("\n") + 1 for r in data)
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "config": _config(words),
        "padding": NARROW_PADDING if narrow else PADDING,
        "width": 170 if narrow else 300,
        "height": max(40, (14 + 14 * lines) * len(bars)),
        "data": {"values": data},
        "mark": {"type": "bar", "stroke": OUTLINE, "strokeWidth": 0.75},
        "encoding": {
            "y": {
                "field": "bar",
                "type": "nominal",
                "sort": bars,
                "title": None,
                "axis": {"labelExpr": LINES, "labelLimit": 0},
            },
            "x": {
                "field": "start",
                "type": "quantitative",
                "title": words.share_axis,
                "scale": {"domain": [0, 100]},
                "axis": {"format": "d", "values": [0, 50, 100] if narrow else [0, 25, 50, 75, 100]},
            },
            "x2": {"field": "end"},
            "color": {
                "field": "level",
                "type": "nominal",
                "title": words.level,
                "scale": {"domain": domain, "range": colours},
                "sort": domain,
                "legend": {"labelLimit": 0, "labelExpr": LINES} if narrow else {},
            },
            "description": {"field": "label", "type": "nominal"},
        },
    }


TARGET_DASH = [1, 3]


def share_over_time(
    points: list[dict[str, Any]],
    years: list[dict[str, Any]],
    series: list[str],
    *,
    y_title: str,
    narrow: bool = False,
    targets: list[dict[str, Any]] | None = None,
    words: Words = ENGLISH,
) -> dict[str, Any]:
    """The share in the upper half over time, one colour per series (characteristic).

    ``points``: one per walkthrough, with ``date`` (ISO), ``series``, ``low`` and ``high``
    (percent: equal for an exact share, else a range drawn as a vertical bar) and ``label``.
    ``years``: one per school year, with ``start`` and ``end`` (ISO dates), ``series``,
    ``low``, ``high`` and ``label``: drawn as a band (or a line when exact) across the year.
    ``targets``: measured action steps' targets, with ``start`` and ``end`` (ISO dates: the step's
    walkthrough and the one that judges it), ``series``, ``target`` (percent) and ``label``: drawn
    as a dotted line, named in the legend as a target.
    ``narrow``: a phone's version (series names are wrapped by the caller).
    """
    scale = {"domain": series, "range": list(SERIES[: len(series)])}
    colour = {
        "field": "series",
        "type": "nominal",
        "title": words.characteristic,
        "scale": scale,
        "sort": series,
        "legend": {"labelExpr": LINES, "labelLimit": 0},
    }
    x = {
        "field": "date",
        "type": "temporal",
        "title": words.date_axis,
        "axis": {"format": "%b %Y", "labelAngle": -40, "tickCount": 3 if narrow else 6},
    }
    y = {
        "field": "low",
        "type": "quantitative",
        "title": y_title,
        "scale": {"domain": [0, 100]},
        "axis": {"format": "d"},
    }
    layers: list[dict[str, Any]] = []
    ranged = [y for y in years if y["low"] < y["high"]]
    level = [y for y in years if y["low"] == y["high"]]
    if ranged:  # a school year given as a range: a band across the year (empty layers are left out:
        # an empty mark group would be an image without a name)
        layers.append(
            {
                "data": {"values": ranged},
                "mark": {"type": "rect", "opacity": 0.25, "stroke": None},
                "encoding": {
                    "x": x | {"field": "start"},
                    "x2": {"field": "end"},
                    "y": y,
                    "y2": {"field": "high"},
                    "color": colour,
                    "description": {"field": "label", "type": "nominal"},
                },
            }
        )
    if level:  # an exact school year: a dashed line across the year
        layers.append(
            {
                "data": {"values": level},
                "mark": {"type": "rule", "strokeWidth": 2, "strokeDash": [4, 3]},
                "encoding": {
                    "x": x | {"field": "start"},
                    "x2": {"field": "end"},
                    "y": y,
                    "color": colour,
                    "description": {"field": "label", "type": "nominal"},
                },
            }
        )
    spread = [p for p in points if p["low"] < p["high"]]
    if spread:  # a walkthrough given as a range: a vertical bar from its low to its high share
        layers.append(
            {
                "data": {"values": spread},
                "mark": {"type": "rule", "strokeWidth": 3},
                "encoding": {
                    "x": x,
                    "y": y,
                    "y2": {"field": "high"},
                    "color": colour,
                    "description": {"field": "label", "type": "nominal"},
                },
            }
        )
    if targets:
        layers.append(
            {
                "data": {"values": [t | {"kind": words.target} for t in targets]},
                "mark": {"type": "rule", "strokeWidth": 2},
                "encoding": {
                    "x": x | {"field": "start"},
                    "x2": {"field": "end"},
                    "y": y | {"field": "target"},
                    "color": colour | {"legend": None},
                    "strokeDash": {
                        "field": "kind",
                        "type": "nominal",
                        "title": None,
                        "scale": {"domain": [words.target], "range": [TARGET_DASH]},
                        # on a phone, above the plot: beside the other legend it would not fit
                        "legend": {"orient": "top" if narrow else "bottom"},
                    },
                    "description": {"field": "label", "type": "nominal"},
                },
            }
        )
    exact = [p for p in points if p["low"] == p["high"]]
    if exact:
        layers.append(
            {
                "data": {"values": exact},
                "mark": {"type": "point", "filled": True, "size": 70, "stroke": OUTLINE, "strokeWidth": 0.5},
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": colour,
                    "shape": {
                        "field": "series",
                        "type": "nominal",
                        "title": words.characteristic,
                        "scale": {"domain": series, "range": list(SHAPES[: len(series)])},
                    },
                    "description": {"field": "label", "type": "nominal"},
                },
            }
        )
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "config": _config(words),
        "padding": NARROW_PADDING if narrow else PADDING,
        "width": 220 if narrow else 300,
        "height": 200,
        "layer": layers,
    }


REFERENCE_COLOUR = "#555555"
REFERENCE_DASHES = ([6, 3], [2, 2])


def agreement_over_time(
    points: list[dict[str, Any]],
    references: list[dict[str, Any]],
    series: list[str],
    *,
    y_title: str,
    domain: tuple[float, float],
    percent: bool,
    narrow: bool = False,
    words: Words = ENGLISH,
) -> dict[str, Any]:
    """Agreement of a school's walkthroughs over time, one line per measure, with reference values.

    ``points``: ``date`` (ISO), ``series`` (one of ``series``), ``value`` and ``label``.
    ``references``: ``series`` (its name, which says it is a reference), ``value``, ``label``:
    drawn across the whole chart as grey dashed lines and named in the legend beside the
    measures. ``percent``: values are percentages (else a coefficient such as alpha).
    """
    names = series + [r["series"] for r in references]
    colours = list(SERIES[: len(series)]) + [REFERENCE_COLOUR] * len(references)
    dashes = [[1, 0]] * len(series) + [
        list(REFERENCE_DASHES[i % len(REFERENCE_DASHES)]) for i in range(len(references))
    ]
    wrapped = {n: wrap(n, 26 if narrow else 40) for n in names}
    scale = [wrapped[n] for n in names]
    legend = {"labelExpr": LINES, "labelLimit": 0, "symbolType": "stroke", "symbolStrokeWidth": 2}
    # colour and dash share one legend: the same field, order and domain, each its own range
    colour, dash = (
        {
            "field": "series",
            "type": "nominal",
            "title": None,
            "sort": scale,
            "scale": {"domain": scale, "range": values},
            "legend": legend,
        }
        for values in (colours, dashes)
    )
    y = {
        "field": "value",
        "type": "quantitative",
        "title": y_title,
        "scale": {"domain": list(domain)},
        "axis": {"format": "d" if percent else ".1f"},
    }
    x = {
        "field": "date",
        "type": "temporal",
        "title": words.date_axis,
        "axis": {"format": "%b %Y", "labelAngle": -40, "tickCount": 3 if narrow else 6},
    }
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "config": _config(words),
        "padding": NARROW_PADDING if narrow else PADDING,
        "width": 220 if narrow else 300,
        "height": 200,
        "layer": [
            {
                "data": {"values": [r | {"series": wrapped[r["series"]]} for r in references]},
                "mark": {"type": "rule", "strokeWidth": 1.5},
                "encoding": {
                    "y": y,
                    "color": colour,
                    "strokeDash": dash,
                    "description": {"field": "label", "type": "nominal"},
                },
            },
            {
                "data": {"values": [p | {"series": wrapped[p["series"]]} for p in points]},
                "mark": {"type": "line", "strokeWidth": 2, "point": {"filled": True, "size": 60}},
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": colour,
                    "strokeDash": dash,
                    "description": {"field": "label", "type": "nominal"},
                },
            },
        ],
    }
