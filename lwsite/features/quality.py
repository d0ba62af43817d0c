"""Feature: the team's evidence-quality pages (a calibration aid, never a score of a person)."""

from __future__ import annotations

from ..analysis import coach
from ..analysis.quality import REWRITE_PROMPTS
from ..render import paths
from ..render.site import Page, Site
from . import Contribution

PORTFOLIO_PAGE = "quality/index.md"


def contribute(site: Site) -> Contribution:
    out = Contribution()
    if not site.rules.show_quality_report:
        return out
    portfolio = site.portfolio
    flags = coach.flags(portfolio)
    overall, by_school, by_cycle = coach.summarise(portfolio)
    cycles = {f"{c.school}/{c.id}": c for c in portfolio.cycles}
    t = site.t.plain
    out.pages.append(
        Page(
            PORTFOLIO_PAGE,
            t("menu.quality"),
            "quality",
            "quality.html",
            {
                "overall": overall,
                "by_school": by_school,
                "by_cycle": [(cycles[s.label], s) for s in by_cycle],
                "prompts": REWRITE_PROMPTS,
            },
            parent=paths.HOME,
            label=t("quality.label"),
            order=90,
            in_nav=True,
            menu=t("menu.quality"),
        )
    )
    for cycle in portfolio.cycles:
        if not cycle.scripts:
            continue
        school = site.school(cycle.school)
        mine = [f for f in flags if f.cycle == cycle.id and f.school == cycle.school]
        out.pages.append(
            Page(
                paths.cycle(cycle, "quality"),
                t("quality.cycle_title", school=school.name, date=site.date(cycle.date)),
                "quality-cycle",
                "quality_cycle.html",
                {
                    "school": school,
                    "cycle": cycle,
                    "flags": mine,
                    "share": coach.evidence_share([cycle], cycle.id),
                    "prompts": REWRITE_PROMPTS,
                },
                parent=paths.cycle(cycle),
                label=t("quality.cycle_label"),
                order=80,
            )
        )
    return out
