"""Calibration: do the team's observers see the same thing? Pure functions, exact figures.

A script may record each observer's own level before the team agreed its rating
(``Script.independent``, by role, never by name). From those levels, per walkthrough and
characteristic (and for a whole walkthrough):

- **exact agreement**: of every pair of observers who rated the same visit on the same
  characteristic, the share who gave the same level;
- **agreement within one level**: the share of those pairs at most one level apart;
- **agreement with the consensus**: of every observer's own level on a visit the team then
  rated, the share equal to the team's agreed rating;
- **Krippendorff's alpha for ordinal data**: agreement corrected for the agreement the levels'
  own frequencies would give by chance, counting a near miss as less of a disagreement than a
  far one. It allows a different set of raters per visit and missing ratings, as walkthrough
  groups have. Formulas of Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":
  a coincidence matrix over pairable values, the ordinal metric from the values' frequencies.

Fewer than ``MIN_PAIRS`` pairs are too few to judge agreement: pages print no figure for them.
Nothing here is ever broken down by observer or role.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..model import Cycle, Framework
from .disclosure import percent

MIN_PAIRS = 10  # fewer pairs of observers are too few to judge agreement

# The field's reference values, drawn on the charts as references (never as targets for a person).
EXACT_CERTIFICATION = 80  # % exact agreement: a common rule to certify one observer against master ratings
EXACT_WITH_NONE_FAR = 75  # % exact, with no rating more than one level apart: a rule some states accept
ALPHA_RELIABLE = 0.8  # Krippendorff: rely on data with alpha at least .800
ALPHA_TENTATIVE = 0.667  # Krippendorff: .667 to .800 for tentative conclusions only

Metric = Callable[[int, int, Sequence[Fraction]], Fraction]


def _nominal(c: int, k: int, n: Sequence[Fraction]) -> Fraction:
    return Fraction(0 if c == k else 1)


def _interval(c: int, k: int, n: Sequence[Fraction]) -> Fraction:
    return Fraction((c - k) ** 2)


def _ordinal(c: int, k: int, n: Sequence[Fraction]) -> Fraction:
    """Krippendorff's ordinal metric: the values' frequencies from c to k, less half of each end's."""
    lo, hi = min(c, k), max(c, k)
    return (sum(n[lo : hi + 1], Fraction(0)) - (n[lo] + n[hi]) / 2) ** 2


METRICS: dict[str, Metric] = {"nominal": _nominal, "ordinal": _ordinal, "interval": _interval}


def alpha(units: Iterable[Sequence[int]], metric: str = "ordinal") -> float | None:
    """Krippendorff's alpha over units, each the values (ranks from 0) its observers gave.

    A unit with fewer than two values is not pairable and is left out (missing ratings). None
    when no unit is pairable, or when every pairable value is the same (no variation: alpha is
    undefined, 0/0).
    """
    distance = METRICS[metric]
    pairable = [list(u) for u in units if len(u) >= 2]
    if not pairable:
        return None
    size = max(v for u in pairable for v in u) + 1
    coincidences: dict[tuple[int, int], Fraction] = defaultdict(Fraction)
    for unit in pairable:
        counts = Counter(unit)
        for c, nc in counts.items():
            for k, nk in counts.items():
                pairs = nc * (nk - 1) if c == k else nc * nk
                coincidences[(c, k)] += Fraction(pairs, len(unit) - 1)
    n = [sum((coincidences[(c, k)] for k in range(size)), Fraction(0)) for c in range(size)]
    total = sum(n, Fraction(0))
    observed = sum((o * distance(c, k, n) for (c, k), o in coincidences.items()), Fraction(0))
    expected = sum((n[c] * n[k] * distance(c, k, n) for c in range(size) for k in range(size)), Fraction(0))
    if expected == 0:
        return None
    return float(1 - (total - 1) * observed / expected)


@dataclass(frozen=True)
class Agreement:
    """How far observers agreed, over some visits and characteristics (never by observer)."""

    levels: int  # independent levels recorded
    pairs: int  # pairs of observers who rated the same visit on the same characteristic
    exact: int  # of those pairs, the same level
    within_one: int  # of those pairs, at most one level apart
    compared: int  # independent levels given on a visit the team then rated (consensus)
    with_consensus: int  # of those, the same level as the team's rating
    alpha: float | None  # Krippendorff's alpha, ordinal

    @property
    def enough(self) -> bool:
        """Enough pairs to judge agreement (pages print no figure otherwise)."""
        return self.pairs >= MIN_PAIRS

    @property
    def exact_percent(self) -> int | None:
        return percent(self.exact, self.pairs) if self.pairs else None

    @property
    def within_one_percent(self) -> int | None:
        return percent(self.within_one, self.pairs) if self.pairs else None

    @property
    def consensus_percent(self) -> int | None:
        return percent(self.with_consensus, self.compared) if self.compared else None


def agreement(units: Sequence[tuple[Sequence[int], int | None]]) -> Agreement:
    """Agreement over units: each the ranks observers gave on their own, and the team's (None: no rating)."""
    pairs = exact = within = compared = same = 0
    for values, consensus in units:
        for i, a in enumerate(values):
            for b in values[i + 1 :]:
                pairs += 1
                exact += a == b
                within += abs(a - b) <= 1
        if consensus is not None:
            compared += len(values)
            same += sum(1 for v in values if v == consensus)
    return Agreement(sum(len(v) for v, _ in units), pairs, exact, within, compared, same, alpha(v for v, _ in units))


def units(cycle: Cycle, framework: Framework, characteristic: str | None = None) -> list[tuple[list[int], int | None]]:
    """A cycle's units of calibration: one per visit and characteristic with independent levels,
    as ranks of the framework's levels (lowest 0), with the team's rating of it if any."""
    rank = {lv.id: i for i, lv in enumerate(framework.levels)}
    given: dict[tuple[int, str], list[int]] = {}
    for r in cycle.independent:
        if characteristic is None or r.characteristic == characteristic:
            given.setdefault((r.visit, r.characteristic), []).append(rank[r.level])
    agreed = {(r.visit, r.characteristic): rank[r.level] for r in cycle.ratings}
    return [(values, agreed.get(k)) for k, values in sorted(given.items())]


@dataclass(frozen=True)
class CycleCalibration:
    """One walkthrough's agreement: over all its characteristics, and for each one of its lens."""

    cycle: Cycle
    overall: Agreement
    by_characteristic: tuple[tuple[str, Agreement], ...]  # lens order


def cycle_calibration(cycle: Cycle, framework: Framework) -> CycleCalibration | None:
    """None when no observer recorded an independent level."""
    if not cycle.independent:
        return None
    per = tuple((cid, agreement(units(cycle, framework, cid))) for cid in cycle.focus.characteristics)
    return CycleCalibration(cycle, agreement(units(cycle, framework)), per)


def school_calibration(
    cycles: Iterable[Cycle], framework_of: Callable[[Cycle], Framework | None]
) -> list[CycleCalibration]:
    """The walkthroughs with independent levels, in date order."""
    out = []
    for c in sorted(cycles, key=lambda c: (c.date, c.id)):
        fw = framework_of(c)
        found = cycle_calibration(c, fw) if fw is not None else None
        if found is not None:
            out.append(found)
    return out
