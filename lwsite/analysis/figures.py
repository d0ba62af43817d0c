"""The trend figures one audience may see, all from one ``Guard``.

Numbers come from the whole portfolio (ratings per visit and scripts are not in the public
view); every count that comes from such records goes through the build's guard, so each
page, chart, CSV and JSON file of a build shows the same figures.

Staff and team see exact figures, level by level. The public sees ratings in the two halves
of the continuum ("Not Evident or Developing", "Providing or Sustaining"): a walkthrough of
8 to 12 visits split four ways has a count below ``min_group`` almost every time, split two
ways it can usually be shown. Counts below ``min_group`` are suppressed
(``lwsite.analysis.suppression``); sums over walkthroughs nest as walkthrough, school year of
a school (only where schools may be compared), school year of the district.

Relations:
- a cycle's visits rated on one characteristic, by level (public: by half of the continuum);
- a cycle's scripted visits, with and without evidence of one characteristic;
- a cycle's evidence items, by characteristic and untagged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..audience import Rules
from ..model import Cycle, Framework, Level, Portfolio
from . import trends
from .suppression import HIDDEN, Count, Guard, Part, share

CycleKey = tuple[str, str]  # (school id, cycle id)


def key(cycle: Cycle) -> CycleKey:
    return (cycle.school, cycle.id)


@dataclass(frozen=True)
class Band:
    """A level of the continuum, or (for the public) a half of it, with its count."""

    label: str
    levels: tuple[Level, ...]
    count: Count


@dataclass(frozen=True)
class Distribution:
    """Visits rated in each band (lowest first), as the audience sees them."""

    bands: tuple[Band, ...]
    total: Count  # the visits rated
    upper: Count  # the visits rated in the upper half of the continuum

    @property
    def upper_share(self) -> int | None:
        return share(self.upper, self.total)


@dataclass(frozen=True)
class Rated:
    """One characteristic in one cycle: its distribution and the change from the cycle before."""

    cycle: Cycle
    characteristic: str
    distribution: Distribution
    previous: Cycle | None  # the school's previous cycle that rated it
    change: int | None  # percentage points of the upper share, when both are shown


@dataclass(frozen=True)
class Seen:
    """Scripted visits with evidence of one characteristic, and the items tagged with it."""

    cycle: Cycle
    characteristic: str
    visits: Count  # scripted visits with at least one item tagged with it
    scripted: Count  # scripted visits
    items: Count  # evidence items tagged with it

    @property
    def visit_share(self) -> int | None:
        return share(self.visits, self.scripted)


def bands(framework: Framework, halves: bool) -> list[tuple[str, tuple[Level, ...]]]:
    """The bands figures are shown in: every level, or the two halves of the continuum."""
    if not halves:
        return [(lv.label, (lv,)) for lv in framework.levels]
    upper = set(trends.upper_levels(framework))
    low = tuple(lv for lv in framework.levels if lv.id not in upper)
    high = tuple(lv for lv in framework.levels if lv.id in upper)
    return [(" or ".join(lv.label for lv in half), half) for half in (low, high)]


class Figures:
    """The protected trend figures of one build."""

    def __init__(self, full: Portfolio, rules: Rules) -> None:
        self.rules = rules
        self.halves = rules.suppress_small_counts
        self.guard = Guard(rules.min_group, active=rules.suppress_small_counts)
        self.frameworks = {f.id: f for f in full.frameworks}
        self._cycles: dict[CycleKey, Cycle] = {}
        for cycle in full.cycles:
            self._register(cycle)

    def _register(self, cycle: Cycle) -> None:
        k = key(cycle)
        self._cycles[k] = cycle
        framework = self.frameworks[cycle.focus.framework]
        for cid in cycle.focus.characteristics:
            if trends.rated(cycle, cid):
                counts = trends.rating_counts(cycle, framework, cid)
                self.guard.relation(("rated", *k, cid), {
                    ("rated", *k, cid, label): sum(counts[lv.id] for lv in levels)
                    for label, levels in bands(framework, self.halves)})
            if cycle.scripts:
                seen, scripted = trends.visits_with_evidence(cycle, cid)
                self.guard.relation(("seen", *k, cid), {("seen", *k, cid, True): seen,
                                                        ("seen", *k, cid, False): scripted - seen})
        if cycle.scripts:
            items = trends.evidence_counts(cycle)
            self.guard.relation(("items", *k), {("items", *k, cid): n for cid, n in items.items()})

    def framework(self, cycle: Cycle) -> Framework:
        return self.frameworks[cycle.focus.framework]

    def _full(self, cycle: Cycle) -> Cycle:
        return self._cycles[key(cycle)]

    # ratings ------------------------------------------------------------------------------
    def cycle(self, cycle: Cycle, characteristic: str) -> Distribution | None:
        """One walkthrough's visits rated on a characteristic (None when none were)."""
        full = self._full(cycle)
        if not trends.rated(full, characteristic):
            return None
        fw = self.framework(full)
        name = ("rated", *key(cycle), characteristic)
        counted = tuple(Band(label, levels, self.guard.cell((*name, label)))
                        for label, levels in bands(fw, self.halves))
        return Distribution(counted, self.guard.relation_total(name), self._upper(fw, counted))

    def year(self, cycles: Iterable[Cycle], characteristic: str, year: str, school: str | None = None
             ) -> Distribution | None:
        """Visits rated on a characteristic in one school year: of one school, or of every school.

        A district year sums its schools' years where schools may be compared (those figures
        are shown too), and its walkthroughs directly where they may not.
        """
        mine = sorted((c for c in cycles if c.school_year == year and (school is None or c.school == school)
                       and trends.rated(self._full(c), characteristic)), key=key)
        if not mine:
            return None
        fw = self.framework(mine[0])
        if any(c.focus.framework != fw.id for c in mine):
            raise ValueError("a school year's figures sum cycles of one framework only")
        counted = tuple(Band(label, levels, self._band_part(mine, characteristic, year, school, label)[0])
                        for label, levels in bands(fw, self.halves))
        total = Count(sum(self.guard.relation_total(("rated", *key(c), characteristic)).value or 0 for c in mine))
        return Distribution(counted, total, self._upper(fw, counted))

    def _upper(self, fw: Framework, counted: Sequence[Band]) -> Count:
        """The visits in the upper half: one band (public), or the sum of its levels' bands."""
        upper = set(trends.upper_levels(fw))
        counts = [b.count for b in counted if b.levels[0].id in upper]
        if len(counts) == 1:
            return counts[0]
        if all(c.shown for c in counts):
            return Count(sum(c.value or 0 for c in counts))
        return Count(None, HIDDEN, self.guard.min_group)


    def _band_part(self, cycles: Sequence[Cycle], characteristic: str, year: str, school: str | None,
                   label: str) -> tuple[Count, Part]:
        if school is None and self.rules.compare_schools:
            parts = [self._band_part([c for c in cycles if c.school == sid], characteristic, year, sid, label)[1]
                     for sid in sorted({c.school for c in cycles})]
        else:
            parts = [self.guard.part(("rated", *key(c), characteristic, label)) for c in cycles]
        return self.guard.aggregate(("year", characteristic, year, school, label), parts)

    def rated(self, series: Sequence[Cycle], characteristic: str) -> list[Rated]:
        """The cycles of one school that rated a characteristic, in date order, with changes."""
        out: list[Rated] = []
        for cycle in sorted(series, key=lambda c: (c.date, c.id)):
            dist = self.cycle(cycle, characteristic)
            if dist is None:
                continue
            prev = out[-1] if out else None
            change = None
            if prev is not None and dist.upper_share is not None and prev.distribution.upper_share is not None:
                change = dist.upper_share - prev.distribution.upper_share
            out.append(Rated(cycle, characteristic, dist, prev.cycle if prev else None, change))
        return out

    # evidence -----------------------------------------------------------------------------
    def seen(self, cycle: Cycle, characteristic: str) -> Seen | None:
        full = self._full(cycle)
        if not full.scripts or characteristic not in full.focus.characteristics:
            return None
        k = key(cycle)
        name = ("seen", *k, characteristic)
        return Seen(cycle, characteristic, self.guard.cell((*name, True)), self.guard.relation_total(name),
                    self.guard.cell(("items", *k, characteristic)))

    def items(self, cycle: Cycle) -> dict[str, Count]:
        """Evidence items per characteristic of the lens and untagged (key ""), as shown."""
        full = self._full(cycle)
        if not full.scripts:
            return {}
        return {cid: self.guard.cell(("items", *key(cycle), cid)) for cid in trends.evidence_counts(full)}
