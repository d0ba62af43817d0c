"""Small-cell suppression: public figures never show, or let a reader work out, a small count.

Every count the public sees that comes from records it may not see one by one (ratings per
visit, scripted evidence) belongs to exactly one *relation*: a set of cells whose total the
reader is assumed to know (a walkthrough's visits rated on one characteristic, split into
the two halves of the continuum; its scripted visits, split into those with and without
evidence of a characteristic; its evidence items, split by characteristic).

``protect_relation`` hides, in each relation:

1. every cell below ``min_group`` (*primary*: shown as "fewer than N");
2. then, smallest first, further cells (*complementary*: shown as "not shown") until neither
   the hidden cells' sum (the total minus the shown cells, which a reader can work out) is
   below ``min_group``, nor any hidden cell is pinned to one value by that sum and what the
   labels say of each cell (see ``_ranges``);
3. if hiding every cell still pins one (a total of 4 in two cells that are each "fewer than
   3"), every cell becomes "not shown", which says nothing of any one cell.

The check assumes a reader who knows this algorithm, so a complementary cell is also known
to be no larger than any cell still shown.

Sums over relations (a school year's visits rated "Providing or above") are *aggregates*
of *parts*: cells of relations, or smaller aggregates, nested like school years in the
district (``Guard.aggregate``). A part is known when its figure is shown; otherwise a reader
knows a range for it. An aggregate is shown when it has no unknown part, or at least two
whose sum, and the sum of their complements, are both at least ``min_group`` and which its
figure does not pin to one value each. Otherwise it is "not shown", and its parent sees it
as one unknown part. Because aggregates nest, the parts of each equation a reader has are
exactly the ones checked together.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

FEWER = "fewer"  # a primary cell: the count is below min_group
HIDDEN = "hidden"  # a complementary cell, or any cell of a relation hidden whole


@dataclass(frozen=True)
class Count:
    """A figure as an audience sees it: the number, or why it is not shown."""

    value: int | None
    reason: str | None = None  # FEWER or HIDDEN when value is None
    min_group: int = 0

    @property
    def shown(self) -> bool:
        return self.value is not None

    @property
    def text(self) -> str:
        if self.value is not None:
            return str(self.value)
        if self.reason == FEWER:
            return f"fewer than {self.min_group}"
        return "not shown"

    def __str__(self) -> str:
        return self.text


def _ranges(values: Mapping[Hashable, int], reason: Mapping[Hashable, str], min_group: int
            ) -> dict[Hashable, tuple[int, int]]:
    """What a reader who knows this algorithm can tell of each hidden cell's value.

    "fewer than N" is 0..N-1. A complementary "not shown" cell is at least N (else it would
    say "fewer than N") and at most the smallest cell still shown (it was the smallest shown
    when it was hidden). When every cell is "not shown", a cell is anywhere from 0 to the total.
    """
    total = sum(values.values())
    if all(r == HIDDEN for r in reason.values()) and len(reason) == len(values):
        return {k: (0, total) for k in reason}
    shown = [v for k, v in values.items() if k not in reason]
    ceiling = min(shown) if shown else total
    return {k: (0, min_group - 1) if r == FEWER else (min_group, ceiling) for k, r in reason.items()}


def pinned(ranges: Mapping[Hashable, tuple[int, int]], hidden_sum: int) -> set[Hashable]:
    """The hidden cells that a known sum and each cell's range fix to one value.

    With one linear sum and a range per cell, every integer value between a cell's lowest
    and highest feasible value is feasible, so a cell is pinned exactly when they meet.
    """
    out = set()
    for key, (lo, hi) in ranges.items():
        others_lo = sum(r[0] for k, r in ranges.items() if k != key)
        others_hi = sum(r[1] for k, r in ranges.items() if k != key)
        if max(lo, hidden_sum - others_hi) == min(hi, hidden_sum - others_lo):
            out.add(key)
    return out


def protect_relation(values: Mapping[Hashable, int], min_group: int) -> dict[Hashable, Count]:
    """The cells of one relation as the public sees them (its total is assumed known)."""
    reason: dict[Hashable, str] = {k: FEWER for k, v in values.items() if v < min_group}
    while reason:
        hidden_sum = sum(values[k] for k in reason)
        ranges = _ranges(values, reason, min_group)
        if hidden_sum >= min_group and not pinned(ranges, hidden_sum):
            break
        shown = sorted((v, i, k) for i, (k, v) in enumerate(values.items()) if k not in reason)
        if shown:
            reason[shown[0][2]] = HIDDEN
            continue
        # every cell hidden and still pinned: drop every range
        reason = {k: HIDDEN for k in values}
        break
    return {k: Count(None, reason[k], min_group) if k in reason else Count(v) for k, v in values.items()}


@dataclass(frozen=True)
class Part:
    """One part of an aggregate: its value and what a reader can tell of it."""

    value: int
    total: int  # the part's whole (its relation's total, or the sum of an aggregate's wholes)
    lo: int
    hi: int

    @property
    def known(self) -> bool:
        return self.lo == self.hi


@dataclass
class Guard:
    """The protected figures of one build: relations, and aggregates over their cells.

    With ``active`` false (staff and team builds) every figure is exact.
    """

    min_group: int
    active: bool
    _values: dict[Hashable, int] = field(default_factory=dict)
    _cells: dict[Hashable, Count] = field(default_factory=dict)
    _relation_of: dict[Hashable, Hashable] = field(default_factory=dict)
    _members: dict[Hashable, tuple[Hashable, ...]] = field(default_factory=dict)
    _aggregates: dict[Hashable, tuple[Count, Part]] = field(default_factory=dict)

    def relation(self, name: Hashable, values: Mapping[Hashable, int]) -> dict[Hashable, Count]:
        """Register one relation (cells keyed by keys unique in the build) and protect it."""
        if name in self._members:
            raise ValueError(f"relation {name!r} registered twice")
        cells = protect_relation(values, self.min_group) if self.active else {k: Count(v) for k, v in values.items()}
        for key, value in values.items():
            if key in self._relation_of:
                raise ValueError(f"cell {key!r} belongs to two relations")
            self._relation_of[key] = name
            self._values[key] = value
            self._cells[key] = cells[key]
        self._members[name] = tuple(values)
        return cells

    def cell(self, key: Hashable) -> Count:
        return self._cells[key]

    def relation_total(self, name: Hashable) -> Count:
        return Count(sum(self._values[k] for k in self._members[name]))

    def part(self, key: Hashable) -> Part:
        """What a reader can tell of one cell, from its relation's shown cells, total and labels."""
        members = self._members[self._relation_of[key]]
        value, total = self._values[key], sum(self._values[k] for k in members)
        if self._cells[key].shown:
            return Part(value, total, value, value)
        values = {k: self._values[k] for k in members}
        reason = {k: self._cells[k].reason or HIDDEN for k in members if not self._cells[k].shown}
        ranges = _ranges(values, reason, self.min_group)
        hidden_sum = total - sum(v for k, v in values.items() if k not in reason)
        lo, hi = ranges[key]
        others = [r for k, r in ranges.items() if k != key]
        return Part(value, total, max(lo, hidden_sum - sum(r[1] for r in others)),
                    min(hi, hidden_sum - sum(r[0] for r in others)))

    def aggregate(self, name: Hashable, parts: Sequence[Part]) -> tuple[Count, Part]:
        """The sum of some parts: shown only when it pins no unknown part (see the module doc).

        Registered by name: asking again for the same aggregate gives the same answer.
        """
        if name in self._aggregates:
            return self._aggregates[name]
        value, total = sum(p.value for p in parts), sum(p.total for p in parts)
        unknown = [p for p in parts if not p.known]
        hidden_sum = value - sum(p.value for p in parts if p.known)
        shown = not self.active or not unknown or (
            len(unknown) >= 2
            and hidden_sum >= self.min_group
            and sum(p.total for p in unknown) - hidden_sum >= self.min_group
            and not pinned({i: (p.lo, p.hi) for i, p in enumerate(unknown)}, hidden_sum)
        )
        if shown:
            result = (Count(value), Part(value, total, value, value))
        else:
            known = value - hidden_sum
            result = (Count(None, HIDDEN, self.min_group),
                      Part(value, total, known + sum(p.lo for p in unknown), known + sum(p.hi for p in unknown)))
        self._aggregates[name] = result
        return result


def share(part: Count, whole: Count) -> int | None:
    """A whole percentage, only when both figures are shown and the whole is not zero."""
    if part.value is None or whole.value is None or whole.value == 0:
        return None
    return round(100 * part.value / whole.value)
