"""Feature: trend pages. A page per school, one for the district, one per characteristic.

Every figure comes from ``site.figures`` (protected for the audience by the disclosure rule);
charts are built here from the same figures as the data tables beside them, and every
sentence that prints a figure comes from ``lwsite.render.sentences``. Schools are always
listed in the portfolio's order, never sorted by a figure: nothing here ranks schools. Public
pages compare school years, not schools, unless ``privacy.public_school_comparison`` is true.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..analysis import measures, trends
from ..analysis.disclosure import percent
from ..analysis.figures import Depth, Distribution, Figures, Rated, change
from ..analysis.measures import Verdict
from ..model import Characteristic, Claim, Cycle, Framework, School, school_year_bounds
from ..render import charts, paths
from ..render.charts import Chart
from ..render.site import Page, Site
from . import Contribution, downloads


# what the pages show ---------------------------------------------------------------------
@dataclass(frozen=True)
class YearFigure:
    """One school year of a characteristic (of one school, or of the district)."""

    year: str
    distribution: Distribution | None  # None: no visit rated on it that year
    depth: Depth | None
    previous: str | None = None  # the school year before with visits rated on it
    change: int | None = None  # percentage points from that year, when both shares are exact


@dataclass(frozen=True)
class CharacteristicTrend:
    """One characteristic across a school's walkthroughs that looked at it."""

    characteristic: Characteristic
    framework: Framework
    cycles: tuple[Cycle, ...]  # whose lens held it, in date order (planned ones included)
    rated: tuple[Rated, ...]
    years: tuple[YearFigure, ...]
    depths: tuple[tuple[Cycle, Depth | None], ...]  # walkthroughs that have happened
    patterns: tuple[tuple[Cycle, Claim], ...]
    chart: Chart | None
    upper: str  # "Providing or above"
    looked_at: str  # the sentence: how many walkthroughs looked at it, and which are planned
    not_rated: str  # the sentence on walkthroughs that looked at it without rating, or ""
    rows: tuple[tuple[str, str | None, Distribution], ...]  # the data table: walkthroughs, then school years
    steps: tuple[Verdict, ...] = ()  # measured action steps of the school that target it


@dataclass(frozen=True)
class YearRow:
    """One school year of a characteristic: across the district, and per school when allowed."""

    year: str
    district: Distribution | None
    schools: tuple[tuple[School, Distribution | None, bool], ...]  # (school, figures, looked at it)
    depth: Depth | None


@dataclass(frozen=True)
class DistrictTrend:
    characteristic: Characteristic
    framework: Framework
    use: tuple[trends.LensUse, ...]
    years: tuple[YearRow, ...]
    chart: Chart | None
    upper: str


def contribute(site: Site) -> Contribution:
    out = Contribution()
    p, t = site.portfolio, site.t.plain
    figures = site.trend_figures
    for school in p.schools:
        if not school.cycles:
            continue
        out.pages.append(
            Page(
                paths.school_trends(school),
                t("trends.at_school", school=school.name),
                "trends",
                "trends_school.html",
                school_context(site, figures, school),
                parent=paths.school(school),
                label=t("trends.school_label"),
                order=10,
            )
        )
    if p.kind == "district" and p.cycles:
        out.pages.append(
            Page(
                paths.TRENDS,
                t("trends.district_title", name=p.name),
                "trends-district",
                "trends_district.html",
                district_context(site, figures),
                in_nav=True,
                menu=t("menu.trends"),
                parent=paths.HOME,
                label=t("trends.district_label"),
                order=10,
            )
        )
    for fw in p.frameworks:
        for ch in fw.characteristics:
            out.pages.append(
                Page(
                    paths.characteristic(fw.id, ch.id),
                    str(ch.title),
                    "characteristic",
                    "characteristic.html",
                    characteristic_context(site, figures, fw, ch),
                    parent=paths.framework(fw),
                    label=t("characteristic.label", characteristic=ch.title),
                )
            )
    return out


# a school --------------------------------------------------------------------------------
def school_context(site: Site, figures: Figures, school: School) -> dict[str, Any]:
    items: list[CharacteristicTrend] = []
    for fw in trends.frameworks_in_use(site.portfolio):
        for cid in trends.lens_characteristics(school.cycles, fw):
            items.append(characteristic_trend(site, figures, fw, school, cid))
    return {
        "school": school,
        "items": items,
        "overview": overview_chart(site, school, items),
        "targets": drawn_targets([it for it in items if it.rated]),
        "cycles": sorted(school.cycles, key=lambda c: c.date, reverse=True),
        "files": downloads.listing(site.rules, site.t),
    }


def characteristic_trend(site: Site, figures: Figures, fw: Framework, school: School, cid: str) -> CharacteristicTrend:
    ch = fw.characteristic(cid)
    assert ch is not None
    cycles = tuple(trends.cycles_with(school.cycles, fw, cid))
    happened = [c for c in cycles if c.date <= site.today]
    rated = tuple(figures.rated(cycles, cid))
    years = tuple(
        with_changes(
            [
                YearFigure(
                    y,
                    figures.school_year(school.id, y, fw, cid),
                    figures.depth([c for c in happened if c.school_year == y], cid),
                )
                for y in trends.school_years(happened)
            ]
        )
    )
    patterns = tuple((c, p) for c in cycles if c.debrief for p in c.debrief.patterns if p.characteristic == cid)
    t = site.t.plain
    bars = [(site.date(r.cycle.date, "short"), r.distribution) for r in rated]
    bars += [(t("chart.year_bar", year=y.year), y.distribution) for y in years if y.distribution is not None]
    chart = (
        share_chart(
            site,
            bars,
            title=t("trends.levels_caption", characteristic=ch.title),
            what=t("chart.what_school", characteristic=ch.title, school=school.name),
        )
        if bars
        else None
    )
    rows: list[tuple[str, str | None, Distribution]] = [
        (site.date(r.cycle.date), paths.cycle(r.cycle), r.distribution) for r in rated
    ]
    rows += [(site.say.school_year(y.year), None, y.distribution) for y in years if y.distribution is not None]
    steps = tuple(
        v
        for c in school.cycles
        for a in c.actions
        if (v := site.verdict(school, a)) is not None and v.target.characteristic == cid and v.framework.id == fw.id
    )
    return CharacteristicTrend(
        ch,
        fw,
        cycles,
        rated,
        years,
        tuple((c, figures.depth([c], cid)) for c in happened),
        patterns,
        chart,
        upper_label(site, fw),
        site.say.looked_at(cycles, site.today),
        site.say.not_rated(cycles, rated, site.today),
        tuple(rows),
        steps,
    )


def with_changes(years: Sequence[YearFigure]) -> list[YearFigure]:
    """School years with the change from the school year before that rated the characteristic."""
    out: list[YearFigure] = []
    before: YearFigure | None = None
    for y in years:
        if y.distribution is not None and before is not None and before.distribution is not None:
            y = replace(y, previous=before.year, change=change(before.distribution, y.distribution))
        out.append(y)
        if y.distribution is not None:
            before = y
    return out


def overview_chart(site: Site, school: School, items: Sequence[CharacteristicTrend]) -> Chart | None:
    """The share in the upper half over time: walkthroughs as points (or ranges), school years as bands."""
    mine = [it for it in items if it.rated]
    if not mine:
        return None
    t = site.t.plain
    upper = upper_label(site, mine[0].framework)
    points: list[dict[str, Any]] = []
    years: list[dict[str, Any]] = []
    summary: list[str] = []
    start = site.portfolio.school_year_start
    for it in mine:
        name = charts.wrap(it.characteristic.title, 40)
        said = []
        for r in it.rated:
            found = r.distribution.upper_share
            if found is None:
                continue
            text = site.say.share(r.distribution)
            points.append(
                {
                    "date": r.cycle.date.isoformat(),
                    "series": name,
                    "low": found[0],
                    "high": found[1],
                    "label": f"{it.characteristic.title}, {site.date(r.cycle.date, 'short')}: {text}",
                }
            )
            said.append(f"{site.date(r.cycle.date, 'short')} {text}")
        for y in it.years:
            found = y.distribution.upper_share if y.distribution else None
            if found is None or y.distribution is None:
                continue
            first, last = school_year_bounds(y.year, start)
            text = site.say.share(y.distribution)
            years.append(
                {
                    "start": first.isoformat(),
                    "end": last.isoformat(),
                    "series": name,
                    "low": found[0],
                    "high": found[1],
                    "label": t("chart.year_point", characteristic=it.characteristic.title, year=y.year, text=text),
                }
            )
            said.append(t("chart.year_said", year=y.year, text=text))
        if said:
            summary.append(f"{it.characteristic.title}: " + ", ".join(said))
    if not points and not years:
        return None
    targets = target_lines(site, mine)
    series = [charts.wrap(it.characteristic.title, 40) for it in mine]
    title = t("chart.over_time_title", upper=upper)
    words = chart_words(site)
    y_title = t("chart.rated_axis", upper=upper)
    spec = charts.share_over_time(points, years, series, y_title=y_title, targets=targets, words=words)
    short = {name: charts.wrap(name.replace("\n", " "), 28) for name in series}
    narrow = charts.share_over_time(
        [p | {"series": short[p["series"]]} for p in points],
        [y | {"series": short[y["series"]]} for y in years],
        [short[n] for n in series],
        y_title=y_title,
        narrow=True,
        targets=[g | {"series": short[g["series"]]} for g in targets],
        words=words,
    )
    drawn = (" " + t("chart.targets_drawn", targets="; ".join(g["label"] for g in targets))) if targets else ""
    return Chart(
        spec,
        title,
        t("chart.over_time_description", upper=upper, school=school.name, figures="; ".join(summary)) + drawn,
        site.charts,
        narrow,
    )


def drawn_targets(items: Sequence[CharacteristicTrend]) -> list[Verdict]:
    """The measured steps whose target the share-over-time chart draws: a target at the first level of the
    upper half (the chart's own measure), from the step's walkthrough to the one that judged it."""
    return [
        v for it in items for v in it.steps if v.target.level == measures.boundary(it.framework) and v.judge is not None
    ]


def target_lines(site: Site, items: Sequence[CharacteristicTrend]) -> list[dict[str, Any]]:
    out = []
    for v in drawn_targets(items):
        assert v.judge is not None
        out.append(
            {
                "start": v.step.agreed.isoformat(),
                "end": v.judge.date.isoformat(),
                "series": charts.wrap(v.characteristic_title, 40),
                "target": v.target.share,
                "label": site.t.plain(
                    "chart.target_label",
                    characteristic=v.characteristic_title,
                    share=site.say.percent(v.target.share),
                    date=site.date(v.step.agreed, "short"),
                    verdict=site.say.VERDICT_LABELS[v.state].lower(),
                ),
            }
        )
    return out


def share_chart(site: Site, bars: Sequence[tuple[str, Distribution]], *, title: str, what: str) -> Chart | None:
    """Bars of shares, a segment per band; a range is a pale band between the halves, never a
    made-up exact value; a figure that is not shown is not drawn."""
    t = site.t.plain
    either = t("chart.range")
    labels = [b.label for b in bars[0][1].bands]
    rows: list[dict[str, Any]] = []
    ranged = False
    for bar, dist in bars:
        if not dist.shown:
            continue
        total = dist.total
        at = 0.0
        for i, band in enumerate(dist.bands):
            span = band.count
            if span.exact:
                size = 100 * span.lo / total
                if size:
                    rows.append(
                        {
                            "bar": bar,
                            "level": band.label,
                            "start": at,
                            "end": at + size,
                            "label": f"{bar}: {band.label} {site.say.percent(percent(span.lo, total))}",
                        }
                    )
                at += size
                continue
            # a range: the band's sure part, then the part that could lie on either side
            sure = 100 * span.lo / total
            if sure:
                rows.append(
                    {
                        "bar": bar,
                        "level": band.label,
                        "start": at,
                        "end": at + sure,
                        "label": t(
                            "chart.at_least", bar=bar, band=band.label, share=site.say.percent(percent(span.lo, total))
                        ),
                    }
                )
            width = 100 * (span.hi - span.lo) / total
            rows.append(
                {
                    "bar": bar,
                    "level": either,
                    "start": at + sure,
                    "end": at + sure + width,
                    "label": t("chart.either_half", bar=bar, points=percent(span.hi - span.lo, total)),
                }
            )
            ranged = True
            at += sure + width
            nxt = dist.bands[i + 1].count if i + 1 < len(dist.bands) else None
            if nxt is not None:  # the other half: what the range leaves sure of it
                size = 100 * nxt.lo / total
                if size:
                    rows.append(
                        {
                            "bar": bar,
                            "level": dist.bands[i + 1].label,
                            "start": at,
                            "end": at + size,
                            "label": t(
                                "chart.at_least",
                                bar=bar,
                                band=dist.bands[i + 1].label,
                                share=site.say.percent(percent(nxt.lo, total)),
                            ),
                        }
                    )
            break
    if not rows:
        return None
    description = t(
        "chart.bars_description",
        what=what,
        figures="; ".join(
            f"{bar}: "
            + (
                t(
                    "chart.bar_rated",
                    visits=site.say.plural(d.total, "visit"),
                    bands=", ".join(f"{b.label} {site.say.count(b.count)}" for b in d.bands),
                )
                if d.shown
                else site.say.share(d)
            )
            for bar, d in bars
        ),
    )
    label = either if ranged else None
    words = chart_words(site)
    return Chart(
        charts.share_bars(rows, labels, range_label=label, words=words),
        title,
        description,
        site.charts,
        charts.share_bars(rows, labels, range_label=label, narrow=True, words=words),
    )


def upper_label(site: Site, fw: Framework) -> str:
    """ "Providing or above": the upper half of a framework's continuum, named by its first level."""
    first = fw.levels[len(fw.levels) // 2]
    return str(first.label) if first == fw.levels[-1] else site.t.plain("figures.upper", level=first.label)


def chart_words(site: Site) -> charts.Words:
    """The words of a chart's axes and legends, and its dates' locale, in the edition's language."""
    t = site.t.plain
    return charts.Words(
        share_axis=t("chart.share_axis"),
        level=t("chart.level"),
        characteristic=t("chart.characteristic"),
        date_axis=t("chart.date_axis"),
        target=t("chart.target_legend"),
        locale=charts.vega_locale(site.lang),
    )


# the district ----------------------------------------------------------------------------
def district_context(site: Site, figures: Figures) -> dict[str, Any]:
    p = site.portfolio
    items: list[DistrictTrend] = []
    for fw in trends.frameworks_in_use(p):
        for cid in trends.lens_characteristics(p.cycles, fw):
            items.append(district_trend(site, figures, fw, cid))
    return {
        "items": items,
        "compare": site.rules.compare_schools,
        "heat_maps": heat_maps(site, items) if site.rules.compare_schools else [],
        "files": downloads.listing(site.rules, site.t),
    }


def district_trend(site: Site, figures: Figures, fw: Framework, cid: str) -> DistrictTrend:
    ch = fw.characteristic(cid)
    assert ch is not None
    p = site.portfolio
    cycles = [c for c in trends.cycles_with(p.cycles, fw, cid) if c.date <= site.today]
    years = []
    for year in trends.school_years(cycles):
        per_school = (
            tuple(
                (
                    s,
                    figures.school_year(s.id, year, fw, cid),
                    any(c.school == s.id and c.school_year == year for c in cycles),
                )
                for s in p.schools
            )
            if site.rules.compare_schools
            else ()
        )
        years.append(
            YearRow(
                year,
                figures.district_year(year, fw, cid),
                per_school,
                figures.depth([c for c in cycles if c.school_year == year], cid),
            )
        )
    rated = [(f"{y.year}", y.district) for y in years if y.district is not None]
    t = site.t.plain
    chart = (
        share_chart(
            site,
            rated,
            title=t("trends.levels_by_year_caption", characteristic=ch.title),
            what=t("chart.what_district", characteristic=ch.title, name=p.name),
        )
        if rated
        else None
    )
    use = tuple(trends.lens_use(p, fw, cid, site.today))
    return DistrictTrend(ch, fw, use, tuple(years), chart, upper_label(site, fw))


def heat_maps(site: Site, items: Sequence[DistrictTrend]) -> list[tuple[str, Chart]]:
    """Per school year, newest first: each characteristic at each school (schools never ranked)."""
    schools = [str(s.name) for s in site.portfolio.schools]
    t = site.t.plain
    out = []
    years = sorted({y.year for it in items for y in it.years}, reverse=True)
    for year in years:
        rows, order, lines = [], [], []
        upper = ""
        for it in items:
            row = next((y for y in it.years if y.year == year), None)
            if row is None:
                continue
            upper = upper_label(site, it.framework)
            cells = []
            for school, dist, looked in row.schools:
                if not looked or dist is None:
                    continue
                found = dist.upper_share
                text = site.say.share(dist)
                value = (found[0] + found[1]) / 2 if found and found[0] == found[1] else None
                rows.append(
                    {
                        "row": str(it.characteristic.title),
                        "column": str(school.name),
                        "value": value,
                        "text": text,
                        "label": f"{it.characteristic.title}, {school.name}: {text}",
                    }
                )
                cells.append(f"{school.name} {text}")
            if cells:
                order.append(str(it.characteristic.title))
                lines.append(f"{it.characteristic.title}: " + ", ".join(cells))
        if not rows:
            continue
        title = t("chart.heat_title", year=year, upper=upper)
        legend = t("chart.heat_legend", upper=upper)
        words = chart_words(site)
        spec = charts.heat_map(rows, schools, order, legend_title=legend, words=words)
        narrow = charts.heat_map(rows, schools, order, legend_title=legend, narrow=True, words=words)
        out.append(
            (
                year,
                Chart(
                    spec,
                    title,
                    t("chart.heat_description", year=year, upper=upper, figures="; ".join(lines)),
                    site.charts,
                    narrow,
                ),
            )
        )
    return out


# a characteristic ------------------------------------------------------------------------
def characteristic_context(site: Site, figures: Figures, fw: Framework, ch: Characteristic) -> dict[str, Any]:
    p = site.portfolio
    cycles = trends.cycles_with(p.cycles, fw, ch.id)
    happened = [c for c in cycles if c.date <= site.today]
    years = [
        YearFigure(
            y, figures.district_year(y, fw, ch.id), figures.depth([c for c in happened if c.school_year == y], ch.id)
        )
        for y in trends.school_years(happened)
    ]
    rated = [(y.year, y.distribution) for y in years if y.distribution is not None]
    t = site.t.plain
    chart = (
        share_chart(
            site,
            rated,
            title=t("trends.levels_by_year_caption", characteristic=ch.title),
            what=t("chart.what_characteristic", characteristic=ch.title),
        )
        if rated
        else None
    )
    return {
        "framework": fw,
        "characteristic": ch,
        "cycles": cycles,
        "years": years,
        "chart": chart,
        "depth": {(c.school, c.id): figures.depth([c], ch.id) for c in happened},
        "trend_pages": [s for s in p.schools if any(c.school == s.id for c in cycles)],
        "upper": upper_label(site, fw),
        "looked_at": site.say.looked_at(cycles, site.today),
    }
