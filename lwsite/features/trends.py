"""Feature: trend pages. A page per school, one for the district, one per characteristic.

Every figure comes from ``site.figures`` (protected for the audience); charts are built here
from the same figures as the data tables beside them. Schools are always listed in the
portfolio's order, never sorted by a figure: nothing here ranks schools. Public pages
compare school years, not schools, unless ``privacy.public_school_comparison`` is true.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..analysis import trends
from ..analysis.figures import Distribution, Figures, Rated, Seen
from ..model import Characteristic, Claim, Cycle, Framework, Portfolio, School
from ..render import charts, paths
from ..render.charts import Chart
from ..render.site import Page, Site, fmt_date
from . import Contribution, downloads


# what the pages show ---------------------------------------------------------------------
@dataclass(frozen=True)
class CharacteristicTrend:
    """One characteristic across a school's cycles that looked at it."""

    characteristic: Characteristic
    framework: Framework
    cycles: tuple[Cycle, ...]  # whose lens held it, in date order
    rated: tuple[Rated, ...]
    seen: tuple[Seen, ...]
    patterns: tuple[tuple[Cycle, Claim], ...]
    chart: Chart | None
    upper: str  # "Providing or above"

    @property
    def rows(self) -> list[tuple[str, str, Distribution]]:
        """(walkthrough, its page, its distribution) for the data table."""
        return [(fmt_date(r.cycle.date), paths.cycle(r.cycle), r.distribution) for r in self.rated]

    @property
    def seen_shown(self) -> bool:
        """Whether any figure of the evidence table is shown (for the public, often none is)."""
        return any(s.visits.shown or s.items.shown for s in self.seen)

    @property
    def unrated(self) -> list[Cycle]:
        done = {r.cycle.id for r in self.rated}
        return [c for c in self.cycles if c.id not in done]


@dataclass(frozen=True)
class YearRow:
    """One school year of a characteristic: across the district, and per school when allowed."""

    year: str
    district: Distribution | None
    schools: tuple[tuple[School, Distribution | None, bool], ...]  # (school, figures, looked at it)


@dataclass(frozen=True)
class DistrictTrend:
    characteristic: Characteristic
    framework: Framework
    use: tuple[trends.LensUse, ...]
    years: tuple[YearRow, ...]
    chart: Chart | None
    upper: str


def contribute(site: Site, full: Portfolio) -> Contribution:
    out = Contribution()
    p = site.portfolio
    figures = site.trend_figures
    for school in p.schools:
        if not school.cycles:
            continue
        out.pages.append(Page(
            paths.school_trends(school), f"Trends at {school.name}", "trends", "trends_school.html",
            school_context(site, figures, school), parent=paths.school(school),
            label="Trends: what the walkthroughs saw, walkthrough by walkthrough", order=10,
        ))
    if p.kind == "district" and p.cycles:
        out.pages.append(Page(
            paths.TRENDS, f"Trends across {p.name}", "trends-district", "trends_district.html",
            district_context(site, figures), in_nav=True, parent=paths.HOME,
            label="Trends across the district: each characteristic, school year by school year", order=10,
        ))
    for fw in p.frameworks:
        for ch in fw.characteristics:
            out.pages.append(Page(
                paths.characteristic(fw.id, ch.id), ch.title, "characteristic", "characteristic.html",
                characteristic_context(site, figures, fw, ch), parent=paths.framework(fw),
                label=f"{ch.title}: every walkthrough that looked at it",
            ))
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
        "cycles": sorted(school.cycles, key=lambda c: c.date, reverse=True),
        "files": downloads.listing(site.rules),
    }


def characteristic_trend(site: Site, figures: Figures, fw: Framework, school: School, cid: str) -> CharacteristicTrend:
    ch = fw.characteristic(cid)
    assert ch is not None
    cycles = tuple(trends.cycles_with(school.cycles, fw, cid))
    rated = tuple(figures.rated(cycles, cid))
    seen = tuple(s for c in cycles if (s := figures.seen(c, cid)) is not None)
    patterns = tuple((c, p) for c in cycles if c.debrief for p in c.debrief.patterns if p.characteristic == cid)
    chart = None
    if rated:
        chart = distribution_chart(
            site, [(fmt_date(r.cycle.date, "short"), r.distribution) for r in rated],
            title=f"{ch.title}: visits at each level",
            what=f"visits rated on '{ch.title}', walkthrough by walkthrough at {school.name}",
        )
    return CharacteristicTrend(ch, fw, cycles, rated, seen, patterns, chart, trends.upper_label(fw))


def overview_chart(site: Site, school: School, items: Sequence[CharacteristicTrend]) -> Chart | None:
    """The share in the upper half of the continuum, over time, one line per characteristic."""
    lines = [(it, [r for r in it.rated if r.distribution.upper_share is not None]) for it in items]
    lines = [(it, rs) for it, rs in lines if len(rs) >= 2]
    if not lines:
        return None
    fw = lines[0][0].framework
    upper = trends.upper_label(fw)
    rows, summary = [], []
    for it, rs in lines:
        for r in rs:
            value = r.distribution.upper_share
            rows.append({"date": r.cycle.date.isoformat(), "series": it.characteristic.title, "value": value,
                         "label": f"{it.characteristic.title}, {fmt_date(r.cycle.date, 'short')}: {value}%"})
        summary.append(f"{it.characteristic.title}: " + ", ".join(
            f"{fmt_date(r.cycle.date, 'short')} {r.distribution.upper_share}%" for r in rs))
    series = [it.characteristic.title for it, _ in lines]
    title = f"Visits rated {upper}, as a share of visits rated"
    return Chart(charts.lines(rows, series, y_title=f"% {upper}"), title,
                 f"Line chart of the share of visits rated {upper} at {school.name}, walkthrough by walkthrough. "
                 + "; ".join(summary) + ".", site.charts)


def distribution_chart(site: Site, bars: Sequence[tuple[str, Distribution]], *, title: str,
                       what: str) -> Chart | None:
    """Stacked bars of shown counts; counts that are not shown are not charted."""
    labels = [b.label for b in bars[0][1].bands]
    rows = []
    for bar, dist in bars:
        for i, band in enumerate(dist.bands):
            if band.count.value:  # shown and not zero
                rows.append({"bar": bar, "level": band.label, "order": i, "count": band.count.value,
                             "label": f"{bar}: {band.label} {band.count.value}"})
    if not rows:
        return None
    description = f"Stacked bars of {what}. " + "; ".join(
        f"{bar}: {dist.total.text} rated, " + ", ".join(f"{b.label} {b.count.text}" for b in dist.bands)
        for bar, dist in bars) + "."
    return Chart(charts.stacked_bars(rows, labels), title, description, site.charts)


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
        "files": downloads.listing(site.rules),
    }


def district_trend(site: Site, figures: Figures, fw: Framework, cid: str) -> DistrictTrend:
    ch = fw.characteristic(cid)
    assert ch is not None
    p = site.portfolio
    cycles = trends.cycles_with(p.cycles, fw, cid)
    years = []
    for year in trends.school_years(cycles):
        per_school = tuple(
            (s, figures.year(cycles, cid, year, s.id), any(c.school == s.id and c.school_year == year for c in cycles))
            for s in p.schools
        ) if site.rules.compare_schools else ()
        years.append(YearRow(year, figures.year(cycles, cid, year), per_school))
    rated = [(y.year, y.district) for y in years if y.district is not None]
    chart = distribution_chart(
        site, rated, title=f"{ch.title}: visits at each level, by school year",
        what=f"visits rated on '{ch.title}' across {p.name}, school year by school year",
    ) if rated else None
    return DistrictTrend(ch, fw, tuple(trends.lens_use(p, fw, cid)), tuple(years), chart, trends.upper_label(fw))


def heat_maps(site: Site, items: Sequence[DistrictTrend]) -> list[tuple[str, Chart]]:
    """Per school year, newest first: each characteristic at each school (schools never ranked)."""
    schools = [s.name for s in site.portfolio.schools]
    out = []
    years = sorted({y.year for it in items for y in it.years}, reverse=True)
    for year in years:
        rows, order, lines = [], [], []
        upper = ""
        for it in items:
            row = next((y for y in it.years if y.year == year), None)
            if row is None:
                continue
            upper = trends.upper_label(it.framework)
            cells = []
            for school, dist, looked in row.schools:
                if not looked or dist is None:
                    continue
                value = dist.upper_share
                text = f"{value}%" if value is not None else "–"
                rows.append({"row": it.characteristic.title, "column": school.name, "value": value, "text": text,
                             "label": f"{it.characteristic.title}, {school.name}: {text}"})
                cells.append(f"{school.name} {text if value is not None else 'not shown'}")
            if cells:
                order.append(it.characteristic.title)
                lines.append(f"{it.characteristic.title}: " + ", ".join(cells))
        if not rows:
            continue
        title = f"{year}: share of visits rated {upper}, by school"
        spec = charts.heat_map(rows, schools, order, legend_title=f"% {upper}")
        out.append((year, Chart(spec, title, f"Heat map, school year {year}, of the share of visits rated {upper} "
                                "for each characteristic at each school that looked at it. " + "; ".join(lines) + ".",
                                site.charts)))
    return out


# a characteristic ------------------------------------------------------------------------
def characteristic_context(site: Site, figures: Figures, fw: Framework, ch: Characteristic) -> dict[str, Any]:
    p = site.portfolio
    cycles = trends.cycles_with(p.cycles, fw, ch.id)
    years = [(y, figures.year(cycles, ch.id, y)) for y in trends.school_years(cycles)]
    rated = [(y, d) for y, d in years if d is not None]
    chart = distribution_chart(
        site, rated, title=f"{ch.title}: visits at each level, by school year",
        what=f"visits rated on '{ch.title}' in every walkthrough that looked at it, school year by school year",
    ) if rated else None
    return {
        "framework": fw, "characteristic": ch, "cycles": cycles, "years": years, "chart": chart,
        "seen": {(c.school, c.id): figures.seen(c, ch.id) for c in cycles},
        "trend_pages": [s for s in p.schools if any(c.school == s.id for c in cycles)],
        "upper": trends.upper_label(fw),
    }
