"""Feature: the action-step ledger, every step of every cycle and where each chain of steps led.

Overdue flags are for staff and the team only; the page says what date it counts from.
"""

from __future__ import annotations

from ..analysis import measures, trends
from ..model import ActionStep, School
from ..render import paths
from ..render.site import Page, Site
from . import Contribution


def contribute(site: Site) -> Contribution:
    schools: list[tuple[School, trends.ActionCounts, list[trends.Chain]]] = []
    overdue: list[tuple[School, ActionStep]] = []
    steps: list[ActionStep] = []
    for school in site.portfolio.schools:
        mine = [a for c in sorted(school.cycles, key=lambda c: c.date) for a in c.actions]
        if not mine:
            continue
        steps.extend(mine)
        schools.append((school, trends.action_counts(mine), trends.chains(mine)))
        if site.rules.show_overdue:
            overdue.extend((school, a) for a in trends.overdue(mine, site.today))
    if not steps:
        return Contribution()
    measured = [
        v
        for s, _, _ in schools
        for a in (x for c in s.cycles for x in c.actions)
        if (v := site.verdict(s, a)) is not None
    ]
    context = {
        "counts": trends.action_counts(steps),
        "verdicts": measures.counts(measured) if measured else (),
        "overdue": sorted(overdue, key=lambda sa: (sa[1].due or site.today, sa[0].id, sa[1].key)),
        "schools": schools,
    }
    t = site.t.plain
    return Contribution(
        pages=[
            Page(
                paths.LEDGER,
                t("ledger.title"),
                "ledger",
                "ledger.html",
                context,
                in_nav=True,
                menu=t("menu.ledger"),
                parent=paths.HOME,
                label=t("ledger.label"),
                order=20,
            )
        ]
    )
