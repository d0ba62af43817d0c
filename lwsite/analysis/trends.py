"""Trends: evidence aggregated across visits, cycles and schools. Pure functions, exact figures.

Everything here is exact and for any audience; ``lwsite.analysis.figures`` turns these
figures into what one audience may see (small counts suppressed for the public).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import (
    EXTENTS,
    HORIZONS,
    STATUSES,
    ActionStep,
    Cycle,
    Extent,
    Framework,
    Horizon,
    Portfolio,
    School,
    Status,
    grade_order,
)
from ..scheduling import RoomHistory, coverage

UNTAGGED = ""  # the key of evidence tied to no characteristic


# per cycle -------------------------------------------------------------------------------
def rated(cycle: Cycle, characteristic: str) -> bool:
    """Whether any visit of the cycle was rated on the characteristic."""
    return any(r.characteristic == characteristic for r in cycle.ratings)


def rating_counts(cycle: Cycle, framework: Framework, characteristic: str) -> dict[str, int]:
    """Visits rated at each level of the framework (lowest first), for one characteristic."""
    counts = Counter(r.level for r in cycle.ratings if r.characteristic == characteristic)
    return {lv.id: counts.get(lv.id, 0) for lv in framework.levels}


def evidence_counts(cycle: Cycle) -> dict[str, int]:
    """Evidence items per characteristic of the lens, in lens order, and untagged ones (key "")."""
    counts = Counter(e.characteristic or UNTAGGED for e in cycle.evidence)
    out = {cid: counts.get(cid, 0) for cid in cycle.focus.characteristics}
    out[UNTAGGED] = counts.get(UNTAGGED, 0)
    return out


def visits_with_evidence(cycle: Cycle, characteristic: str) -> tuple[int, int]:
    """(scripted visits with at least one item tagged with it, scripted visits)."""
    scripted = len(cycle.scripts)
    seen = sum(1 for s in cycle.scripts if any(e.characteristic == characteristic for e in s.evidence))
    return seen, scripted


def extents(cycle: Cycle) -> dict[Extent, int]:
    """How many of the debrief's patterns have each extent (few, some, many, most)."""
    counts = Counter(p.extent for p in cycle.debrief.patterns) if cycle.debrief else Counter()
    return {e: counts.get(e, 0) for e in EXTENTS}


def upper_levels(framework: Framework) -> tuple[str, ...]:
    """The upper half of the continuum ("Providing or above" on a four-level one)."""
    levels = framework.levels
    return tuple(lv.id for lv in levels[len(levels) // 2 :])


def upper_label(framework: Framework) -> str:
    first = framework.levels[len(framework.levels) // 2]
    return first.label if first == framework.levels[-1] else f"{first.label} or above"


# per school and across the district ------------------------------------------------------
def cycles_with(cycles: Iterable[Cycle], framework: Framework, characteristic: str) -> list[Cycle]:
    """Cycles whose lens held the characteristic, in date order."""
    mine = (c for c in cycles if c.focus.framework == framework.id and characteristic in c.focus.characteristics)
    return sorted(mine, key=lambda c: (c.date, c.school, c.id))


def lens_characteristics(cycles: Iterable[Cycle], framework: Framework) -> list[str]:
    """Characteristics of the framework that any of the cycles looked at, in framework order."""
    seen = {cid for c in cycles if c.focus.framework == framework.id for cid in c.focus.characteristics}
    return [ch.id for ch in framework.characteristics if ch.id in seen]


def school_years(cycles: Iterable[Cycle]) -> list[str]:
    return sorted({c.school_year for c in cycles})


@dataclass(frozen=True)
class LensUse:
    """Which schools looked at a characteristic, and in which school years."""

    school: School
    years: tuple[str, ...]  # school years with a walkthrough that looked at it (empty: never)
    planned: tuple[str, ...] = ()  # school years with only walkthroughs still to come that will


def lens_use(portfolio: Portfolio, framework: Framework, characteristic: str, today: dt.date) -> list[LensUse]:
    """Every school, in the portfolio's order (never ranked), with the years it looked at it."""
    out = []
    for s in portfolio.schools:
        mine = cycles_with(s.cycles, framework, characteristic)
        done = school_years(c for c in mine if c.date <= today)
        out.append(LensUse(s, tuple(done), tuple(y for y in school_years(mine) if y not in done)))
    return out


def frameworks_in_use(portfolio: Portfolio) -> list[Framework]:
    used = {c.focus.framework for c in portfolio.cycles}
    return [f for f in portfolio.frameworks if f.id in used]


# action steps ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ActionCounts:
    by_status: tuple[tuple[Status, int], ...]
    by_horizon: tuple[tuple[Horizon | None, int], ...]  # None: no horizon given
    total: int


def action_counts(steps: Sequence[ActionStep]) -> ActionCounts:
    status = Counter(s.status for s in steps)
    horizon = Counter(s.timeframe for s in steps)
    return ActionCounts(
        tuple((k, status.get(k, 0)) for k in STATUSES),
        tuple((k, horizon.get(k, 0)) for k in (*HORIZONS, None) if k is not None or horizon.get(None)),
        len(steps),
    )


def overdue(steps: Iterable[ActionStep], today: dt.date) -> list[ActionStep]:
    """Steps whose due date has passed and that are neither done nor dropped, oldest due first."""
    return sorted((s for s in steps if s.is_overdue(today)), key=lambda s: (s.due or today, s.cycle, s.id))


@dataclass(frozen=True)
class Chain:
    """Steps carried from cycle to cycle, oldest first; the last one says how it ended."""

    steps: tuple[ActionStep, ...]

    @property
    def last(self) -> ActionStep:
        return self.steps[-1]

    @property
    def ended(self) -> bool:
        return not self.last.open


def chains(steps: Sequence[ActionStep]) -> list[Chain]:
    """Every chain of carried steps of one school (a step no later step carries ends one).

    A step carried by two later steps starts two chains that share their beginning.
    """
    by_key = {s.key: s for s in steps}
    carried = {s.carries for s in steps if s.carries}
    out = []
    for end in steps:
        if end.key in carried:
            continue
        chain = [end]
        seen = {end.key}
        while chain[-1].carries in by_key and chain[-1].carries not in seen:
            prev = by_key[chain[-1].carries or ""]
            seen.add(prev.key)
            chain.append(prev)
        out.append(Chain(tuple(reversed(chain))))
    return sorted(out, key=lambda c: (c.steps[0].cycle, c.steps[0].id, c.last.cycle))


# coverage --------------------------------------------------------------------------------
def grade_subject_counts(cycles: Iterable[Cycle]) -> tuple[dict[str, int], dict[str, int]]:
    """Visits by grade and by subject, summed over the cycles' outlines."""
    grades: Counter[str] = Counter()
    subjects: Counter[str] = Counter()
    for c in cycles:
        grades.update(dict(c.outline.grades))
        subjects.update(dict(c.outline.subjects))
    return dict(sorted(grades.items(), key=lambda kv: grade_order(kv[0]))), dict(sorted(subjects.items()))


def room_coverage(school: School, today: dt.date) -> list[RoomHistory]:
    """The school's rooms, never visited first, then longest ago (team audience only)."""
    earlier = [(c.date, room) for c in school.cycles if c.date <= today for room in c.rooms]
    return coverage(school.rooms, earlier)
