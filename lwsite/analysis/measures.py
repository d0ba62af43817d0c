"""Measured action steps: did the step's target show at the walkthrough that judges it?

A step's structured measure (``ActionStep.target``) names a characteristic, a level and a share
of visits rated at or above it, and when to judge it: at the school's next walkthrough that
rates the characteristic, or its first such walkthrough on or after a date. The step is *met*
when that walkthrough's share is at least the target.

``verdict`` is a pure function of the audience's view and figures (``Figures``). Staff and team
figures are exact, level by level. The public's are the upper half of the continuum, published
as an interval: the public sees a verdict only for a target at the boundary of the halves (the
first level of the upper half), and only when the published interval already implies it (its
low share at least the target: met; its high share below it: not met), so that a verdict never
narrows a published range. Otherwise the public reads that the result is not shown publicly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import ActionStep, Cycle, Framework, Portfolio, Target
from . import trends
from .disclosure import Span
from .figures import Distribution, Figures

MET, NOT_MET, PENDING, WITHHELD = "met", "not-met", "not-yet-measured", "not-shown"
STATES = (MET, NOT_MET, PENDING, WITHHELD)


@dataclass(frozen=True)
class Verdict:
    """What the walkthrough that judges a measured step showed, as an audience may read it."""

    step: ActionStep
    target: Target
    state: str  # MET, NOT_MET, PENDING (no walkthrough has judged it yet) or WITHHELD (public only)
    framework: Framework
    judge: Cycle | None = None  # the walkthrough that judged it
    reached: Span | None = None  # visits rated at or above the level, of visits rated (MET and NOT_MET)

    @property
    def level_label(self) -> str:
        """ "Providing or above" ("Sustaining" for the top level)."""
        levels = self.framework.levels
        i = next(i for i, lv in enumerate(levels) if lv.id == self.target.level)
        return levels[i].label if i == len(levels) - 1 else f"{levels[i].label} or above"

    @property
    def characteristic_title(self) -> str:
        found = self.framework.characteristic(self.target.characteristic)
        return found.title if found else self.target.characteristic

    @property
    def judged(self) -> bool:
        return self.state in (MET, NOT_MET)


def boundary(framework: Framework) -> str:
    """The first level of the upper half of the continuum: the only level the public's halves can judge."""
    return trends.upper_levels(framework)[0]


def judging_cycle(
    step: ActionStep, target: Target, cycles: Iterable[Cycle], figures: Figures, framework: Framework, today: dt.date
) -> Cycle | None:
    """The school's first walkthrough after the step's (on or after ``by`` when a date) that has
    happened and rated the characteristic on the same framework."""
    for c in sorted(cycles, key=lambda c: (c.date, c.id)):
        if c.date <= step.agreed or c.date > today or c.focus.framework != framework.id:
            continue
        if isinstance(target.by, dt.date) and c.date < target.by:
            continue
        if figures.cycle(c, target.characteristic) is not None:
            return c
    return None


def reached(dist: Distribution, framework: Framework, level: str) -> Span | None:
    """Visits rated at or above a level, when the audience's bands tell it (None otherwise)."""
    ids = [lv.id for lv in framework.levels]
    above = set(ids[ids.index(level) :])
    chosen = [b for b in dist.bands if {lv.id for lv in b.levels} <= above]
    if {lv.id for b in chosen for lv in b.levels} != above:
        return None
    if len(chosen) == 1:
        return chosen[0].count
    return Span(sum(b.count.lo for b in chosen), sum(b.count.hi for b in chosen), dist.total)


def verdict(
    step: ActionStep, cycles: Sequence[Cycle], figures: Figures, framework: Framework, today: dt.date
) -> Verdict | None:
    """The verdict on a measured step (None for a step without a structured measure)."""
    target = step.target
    if target is None:
        return None
    judge = judging_cycle(step, target, cycles, figures, framework, today)
    if judge is None:
        return Verdict(step, target, PENDING, framework)
    dist = figures.cycle(judge, target.characteristic)
    assert dist is not None
    public = figures.halves
    span = None if public and target.level != boundary(framework) else reached(dist, framework, target.level)
    if span is None or (public and not span.shown):
        return Verdict(step, target, WITHHELD, framework, judge)
    if 100 * span.lo >= target.share * span.total:
        return Verdict(step, target, MET, framework, judge, span)
    if 100 * span.hi < target.share * span.total:
        return Verdict(step, target, NOT_MET, framework, judge, span)
    return Verdict(step, target, WITHHELD, framework, judge)  # a published range that straddles the target


def verdicts(portfolio: Portfolio, figures: Figures, today: dt.date) -> dict[str, Verdict]:
    """Every measured step's verdict, by step key (``cycle-id/action-id`` within its school)."""
    out: dict[str, Verdict] = {}
    for school in portfolio.schools:
        for c in school.cycles:
            fw = portfolio.framework(c.focus.framework)
            for step in c.actions:
                found = verdict(step, school.cycles, figures, fw, today) if fw is not None else None
                if found is not None:
                    out[f"{school.id}/{step.key}"] = found
    return out


def counts(found: Iterable[Verdict]) -> tuple[tuple[str, int], ...]:
    """Verdicts by state (every state but WITHHELD always listed; WITHHELD when there is one)."""
    states = [v.state for v in found]
    return tuple((s, states.count(s)) for s in STATES if s != WITHHELD or s in states)
