"""The trend figures one audience may see: every count any page, chart or download shows.

Numbers come from the whole portfolio (ratings per visit and scripts are not in the public
view). Staff and team see exact figures, level by level. The public sees ratings in the two
halves of the continuum, published under the disclosure rule (``lwsite.analysis.disclosure``):
for every characteristic, its figures form a tree of sums (the district's school year, a
school's school year, a walkthrough), protected together, so that no small count can be
worked out from any combination of them.

Evidence is measured as evidence items per visit scripted: how much scripted evidence stands
behind a characteristic's figures. Items are notes, not classrooms, so they are not counts
of visits; the public sees the measure when at least ``min_group`` visits were scripted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..audience import Rules
from ..model import Cycle, Framework, Level, Portfolio
from . import trends
from .disclosure import Node, Span, exact, protect

CycleKey = tuple[str, str]  # (school id, cycle id)
FigureKey = tuple[str, ...]  # (scope, ...ids)
WALKTHROUGH, SCHOOL_YEAR, DISTRICT_YEAR = "walkthrough", "school-year", "district-year"


def key(cycle: Cycle) -> CycleKey:
    return (cycle.school, cycle.id)


@dataclass(frozen=True)
class Band:
    """A level of the continuum, or (for the public) a half of it, with its count."""

    label: str
    levels: tuple[Level, ...]
    count: Span


@dataclass(frozen=True)
class Distribution:
    """Visits rated in each band (lowest first), as the audience sees them."""

    bands: tuple[Band, ...]
    upper: Span  # visits rated in the upper half of the continuum
    scope: str  # WALKTHROUGH, SCHOOL_YEAR or DISTRICT_YEAR

    @property
    def total(self) -> int:
        """Visits rated (always public)."""
        return self.upper.total

    @property
    def shown(self) -> bool:
        return self.upper.shown

    @property
    def upper_share(self) -> tuple[int, int] | None:
        """The share rated in the upper half, in whole percent (low, high), when shown."""
        return self.upper.share


@dataclass(frozen=True)
class Rated:
    """One characteristic in one walkthrough: its distribution and the change from the one before."""

    cycle: Cycle
    characteristic: str
    distribution: Distribution
    previous: Cycle | None  # the school's previous walkthrough that rated it
    change: int | None  # percentage points of the upper share, when both shares are exact


@dataclass(frozen=True)
class Depth:
    """How much evidence stands behind a characteristic's figures: items per visit scripted."""

    items: int  # evidence items tagged with it
    visits: int  # visits scripted
    shown: bool

    @property
    def per_visit(self) -> float | None:
        """To one decimal, a half rounded up."""
        return (20 * self.items + self.visits) // (2 * self.visits) / 10 if self.shown and self.visits else None


def bands(framework: Framework, halves: bool, joiner: str = " or ") -> list[tuple[str, tuple[Level, ...]]]:
    """The bands figures are shown in: every level, or the two halves of the continuum, named by
    their levels joined with ``joiner`` (" or ", in the page's language)."""
    if not halves:
        return [(lv.label, (lv,)) for lv in framework.levels]
    upper = set(trends.upper_levels(framework))
    low = tuple(lv for lv in framework.levels if lv.id not in upper)
    high = tuple(lv for lv in framework.levels if lv.id in upper)
    return [(joiner.join(lv.label for lv in half), half) for half in (low, high)]


class Figures:
    """The trend figures of one build, protected for its audience."""

    def __init__(self, full: Portfolio, rules: Rules, joiner: str = " or ") -> None:
        self.rules = rules
        self.joiner = joiner  # joins the levels of a half in its name
        self.halves = rules.suppress_small_counts
        self.min_group = rules.min_group
        self.frameworks = {f.id: f for f in full.frameworks}
        self._cycles = {key(c): c for c in full.cycles}
        self._levels: dict[FigureKey, dict[str, int]] = {}  # figure key -> visits per level id
        self._spans: dict[FigureKey, Span] = {}  # figure key -> published upper half
        self._build(full)

    # building ------------------------------------------------------------------------------
    def _build(self, full: Portfolio) -> None:
        roots: list[Node] = []
        for fw in self.frameworks.values():
            upper = set(trends.upper_levels(fw))
            for cid in trends.lens_characteristics(full.cycles, fw):
                rated = [c for c in trends.cycles_with(full.cycles, fw, cid) if trends.rated(c, cid)]
                for year in trends.school_years(rated):
                    schools = []
                    for school in full.schools:
                        mine = [c for c in rated if c.school == school.id and c.school_year == year]
                        if not mine:
                            continue
                        leaves = []
                        k: FigureKey
                        for c in mine:
                            counts = trends.rating_counts(c, fw, cid)
                            k = (WALKTHROUGH, c.school, c.id, cid)
                            self._levels[k] = counts
                            leaves.append(Node(k, sum(counts[lv] for lv in upper), sum(counts.values())))
                        k = (SCHOOL_YEAR, school.id, year, fw.id, cid)
                        self._levels[k] = _add(self._levels[_key(leaf)] for leaf in leaves)
                        schools.append(Node(k, sum(n.value for n in leaves), sum(n.total for n in leaves), leaves))
                    k = (DISTRICT_YEAR, year, fw.id, cid)
                    self._levels[k] = _add(self._levels[_key(s)] for s in schools)
                    roots.append(Node(k, sum(n.value for n in schools), sum(n.total for n in schools), schools))
        if self.rules.suppress_small_counts:
            protect(roots, self.min_group)
        for root in roots:
            for node in root.walk():
                protected = self.rules.suppress_small_counts
                self._spans[_key(node)] = node.span if protected else exact(node.value, node.total)

    def _distribution(self, k: FigureKey, fw: Framework) -> Distribution:
        upper = self._spans[k]
        counted: tuple[Band, ...]
        if self.halves:
            (low_label, low), (high_label, high) = bands(fw, True, self.joiner)
            counted = (Band(low_label, low, upper.complement()), Band(high_label, high, upper))
        else:
            counts = self._levels[k]
            counted = tuple(
                Band(label, levels, exact(counts[levels[0].id], upper.total)) for label, levels in bands(fw, False)
            )
        return Distribution(counted, upper, k[0])

    def framework(self, cycle: Cycle) -> Framework:
        return self.frameworks[cycle.focus.framework]

    # ratings --------------------------------------------------------------------------------
    def cycle(self, cycle: Cycle, characteristic: str) -> Distribution | None:
        """One walkthrough's visits rated on a characteristic (None when none were)."""
        k = (WALKTHROUGH, cycle.school, cycle.id, characteristic)
        return self._distribution(k, self.framework(cycle)) if k in self._spans else None

    def school_year(self, school: str, year: str, framework: Framework, characteristic: str) -> Distribution | None:
        """One school's school year: the sum of its walkthroughs that rated the characteristic."""
        k = (SCHOOL_YEAR, school, year, framework.id, characteristic)
        return self._distribution(k, framework) if k in self._spans else None

    def district_year(self, year: str, framework: Framework, characteristic: str) -> Distribution | None:
        """A school year across every school that rated the characteristic."""
        k = (DISTRICT_YEAR, year, framework.id, characteristic)
        return self._distribution(k, framework) if k in self._spans else None

    def rated(self, series: Sequence[Cycle], characteristic: str) -> list[Rated]:
        """The walkthroughs of one school that rated a characteristic, in date order, with changes."""
        out: list[Rated] = []
        for cycle in sorted(series, key=lambda c: (c.date, c.id)):
            dist = self.cycle(cycle, characteristic)
            if dist is None:
                continue
            prev = out[-1] if out else None
            out.append(
                Rated(
                    cycle,
                    characteristic,
                    dist,
                    prev.cycle if prev else None,
                    change(prev.distribution, dist) if prev else None,
                )
            )
        return out

    # evidence -------------------------------------------------------------------------------
    def depth(self, cycles: Iterable[Cycle], characteristic: str) -> Depth | None:
        """Evidence items tagged with a characteristic per visit scripted, over walkthroughs
        that scripted visits and looked at it (None when none did)."""
        mine = [self._cycles[key(c)] for c in cycles]
        mine = [c for c in mine if c.scripts and characteristic in c.focus.characteristics]
        if not mine:
            return None
        items = sum(trends.evidence_counts(c).get(characteristic, 0) for c in mine)
        visits = sum(len(c.scripts) for c in mine)
        return Depth(items, visits, shown=not self.rules.suppress_small_counts or visits >= self.min_group)


def change(before: Distribution, after: Distribution) -> int | None:
    """Percentage points between two upper shares, when both are exact."""
    a, b = before.upper_share, after.upper_share
    if a is None or b is None or a[0] != a[1] or b[0] != b[1]:
        return None
    return b[0] - a[0]


def _key(node: Node) -> FigureKey:
    assert isinstance(node.key, tuple)
    return node.key


def _add(parts: Iterable[dict[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in parts:
        for level, n in part.items():
            out[level] = out.get(level, 0) + n
    return out
