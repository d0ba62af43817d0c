"""Feature: coverage. Which grades and subjects the visits reached, year by year; for the
walkthrough team, which rooms were visited and how long ago, never-visited rooms first.
"""

from __future__ import annotations

from ..analysis import trends
from ..model import grade_order
from ..render import paths
from ..render.site import Page, Site
from . import Contribution


def contribute(site: Site) -> Contribution:
    p = site.portfolio
    if not p.cycles:
        return Contribution()
    schools = []
    for school in p.schools:
        visited = [c for c in school.cycles if c.date <= site.today]
        years = trends.school_years(visited)
        by_year = {y: trends.grade_subject_counts(c for c in visited if c.school_year == y) for y in years}
        this_year = max(years) if years else None
        rooms = trends.room_coverage(school, site.today) if site.rules.show_rooms and school.rooms else []
        schools.append(
            {
                "school": school,
                "years": years,
                "by_year": by_year,
                "visits": {y: sum(c.outline.visits for c in visited if c.school_year == y) for y in years},
                "grades": sorted({g for y in years for g in by_year[y][0]}, key=grade_order),
                "subjects": sorted({s for y in years for s in by_year[y][1]}),
                "rooms": rooms,
                "this_year": this_year,
                "seen_this_year": sum(
                    1
                    for r in rooms
                    if r.last is not None
                    and this_year is not None
                    and r.last >= min(c.date for c in visited if c.school_year == this_year)
                ),
            }
        )
    t = site.t.plain
    return Contribution(
        pages=[
            Page(
                paths.COVERAGE,
                t("coverage.title"),
                "coverage",
                "coverage.html",
                {"schools": schools},
                parent=paths.HOME,
                in_nav=True,
                menu=t("menu.coverage"),
                label=t("coverage.label"),
                order=30,
            )
        ]
    )
