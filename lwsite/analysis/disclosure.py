"""The public disclosure rule: small counts are protected where they are, big totals are kept.

What is protected. A walkthrough's visits rated on one characteristic are split in two halves of
the continuum ("Not Evident or Developing", "Providing or Sustaining"); so are a school's school
year (the sum of its walkthroughs) and the district's school year (the sum of its schools). The
number of visits rated at each of these levels (the *total*) is public. A half below
``min_group`` visits is a *small count*: no reader may see it, or work it out exactly, from
anything the public build publishes.

How it is published. Every figure is the number of visits in the upper half, published as an
interval ``[lo, hi]`` of that count (exact when ``lo == hi``):

1. A figure whose halves are both at least ``min_group`` starts exact. A figure with a small
   half is top- or bottom-coded, as state report cards code shares: the small half is published
   as "fewer than N" (``[0, N-1]``) and the other half as "at least T-N+1" of the total ``T``.
   Every interval is a cell of a partition of 0..T fixed in advance (``interval``), so where a
   value lies in its interval says nothing, even to a reader who knows this rule.
2. The figures of one characteristic form a tree of sums (district year > school year of a
   school > walkthrough), and a reader who knows every total and every interval can narrow each
   interval further (``feasible``: exact for a tree of sums, see there). Wherever a small half
   could then be pinned to one value, more is coded, *at the lowest level first*: a walkthrough
   beside it is widened before any school year, and a school year before the district's. A
   widened figure moves to its cell in a coarser partition (a grid of 2, 4, 8 ... visits).
3. A figure is *shown* when its interval is at most ``SHOWN_POINTS`` (30) percentage points of
   its total wide; otherwise the pages say "not shown" (downloads still carry its interval).

The totals of school years and of the district are almost never widened, so the big figures a
family or a board wants stay exact. Staff and team builds see exact figures (``exact``).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

SHOWN_POINTS = 30  # a range wider than this many percentage points is "not shown"


@dataclass(frozen=True)
class Span:
    """A published count: exact (``lo == hi``) or an interval, of a known ``total``.

    It never holds the true value of a count it does not show exactly: what a page, chart or
    download prints of a figure comes from here and nowhere else.
    """

    lo: int
    hi: int
    total: int

    @property
    def exact(self) -> bool:
        return self.lo == self.hi

    @property
    def value(self) -> int | None:
        return self.lo if self.exact else None

    @property
    def points(self) -> float:
        """The interval's width in percentage points of its total."""
        return 100 * (self.hi - self.lo) / self.total if self.total else 0.0

    @property
    def shown(self) -> bool:
        """A number, or a range at most SHOWN_POINTS wide (a wider one is hidden in all but name)."""
        return self.total > 0 and self.points <= SHOWN_POINTS

    @property
    def share(self) -> tuple[int, int] | None:
        """Whole percentages of the total (low, high), halves rounded up, when shown."""
        if not self.shown:
            return None
        return percent(self.lo, self.total), percent(self.hi, self.total)

    def complement(self) -> Span:
        """The other half of the same total."""
        return Span(self.total - self.hi, self.total - self.lo, self.total)


def percent(part: int, whole: int) -> int:
    """A whole percentage, a half rounded up (37.5% is 38%, 12.5% is 13%), as reports round."""
    return (200 * part + whole) // (2 * whole)


def exact(value: int, total: int) -> Span:
    return Span(value, value, total)


# the tree of sums ------------------------------------------------------------------------
@dataclass(eq=False)
class Node:
    """One figure: ``value`` of ``total`` visits in the upper half; a sum of its ``children``."""

    key: Hashable
    value: int
    total: int
    children: list[Node] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)
    step: int = 0  # how far up its ladder of coarser intervals the figure has moved
    lo: int = 0
    hi: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.value <= self.total:
            raise ValueError(f"{self.key!r}: {self.value} of {self.total}")
        if self.children:
            if sum(c.value for c in self.children) != self.value or sum(c.total for c in self.children) != self.total:
                raise ValueError(f"{self.key!r} is not the sum of its children")
            for c in self.children:
                c.parent = self

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else self.parent.depth + 1

    def walk(self) -> Iterable[Node]:
        yield self
        for c in self.children:
            yield from c.walk()

    def small(self, min_group: int) -> bool:
        return self.value < min_group or self.total - self.value < min_group

    @property
    def span(self) -> Span:
        return Span(self.lo, self.hi, self.total)

    @property
    def hidden(self) -> bool:
        return self.lo == 0 and self.hi == self.total


def interval(value: int, total: int, min_group: int, step: int) -> tuple[int, int]:
    """The cell of a figure's value at a step of its ladder (step 0: the least coded).

    At each step the values 0..total are partitioned into cells, the same for every value, so
    a cell says nothing of where in it the value lies, even to a reader who knows this rule:

    - step 0: the small values of the upper half, 0..N-1, are one cell ("fewer than N"), so are
      those of the lower half (T-N+1..T: "at least T-N+1"), and every other value is exact; on a
      total under 2N, where every value has a small half, the cells are 0..N-1 and N..T;
    - step k: cells of a grid of width 2^k from 0, where the cells that hold a small value merge
      into the lowest and the highest cell. Each step's cells are unions of the step before's.
    """
    low, high = min_group - 1, total - min_group + 1  # 0..low and high..total are small
    if total < 2 * min_group:
        if total <= min_group or step > 0:
            return 0, total
        return (0, low) if value <= low else (min_group, total)
    width = 1 << step
    bottom = (low // width + 1) * width - 1  # the lowest cell: every grid cell that holds a small value
    top = high // width * width  # the highest cell
    if bottom >= top:
        return 0, total
    if value <= bottom:
        return 0, bottom
    if value >= top:
        return top, total
    lo = value // width * width
    return lo, min(lo + width - 1, top - 1)


def feasible(roots: Sequence[Node]) -> dict[Node, tuple[int, int]]:
    """What a reader can tell of every figure: its interval narrowed by every sum it is part of.

    Exact for a tree of sums with an interval on every node: bottom up, a node can take the
    values of its interval that its children's achievable values can add up to (a sum of
    integer intervals is an integer interval); top down, a child can take the values that leave
    its siblings a way to make up its parent's feasible value.
    """
    reach: dict[Node, tuple[int, int]] = {}

    def up(node: Node) -> tuple[int, int]:
        lo, hi = node.lo, node.hi
        if node.children:
            parts = [up(c) for c in node.children]
            lo, hi = max(lo, sum(p[0] for p in parts)), min(hi, sum(p[1] for p in parts))
        reach[node] = (lo, hi)
        return lo, hi

    out: dict[Node, tuple[int, int]] = {}

    def down(node: Node, lo: int, hi: int) -> None:
        out[node] = (lo, hi)
        parts = [reach[c] for c in node.children]
        low, high = sum(p[0] for p in parts), sum(p[1] for p in parts)
        for c, (clo, chi) in zip(node.children, parts, strict=True):
            down(c, max(clo, lo - (high - chi)), min(chi, hi - (low - clo)))

    for root in roots:
        lo, hi = up(root)
        down(root, lo, hi)
    return out


def leaks(roots: Sequence[Node], min_group: int) -> list[Node]:
    """Figures with a small half that a reader can pin to one value, highest level first."""
    seen = feasible(roots)
    bad = [n for root in roots for n in root.walk() if n.small(min_group) and seen[n][0] == seen[n][1]]
    return sorted(bad, key=lambda n: n.depth)


class _Protection:
    """The widening moves of ``protect``, for one ``min_group``.

    A walkthrough widens up its ladder of grid cells. A sum (a school year) has two states:
    its own interval (exact, or coded when a half is small), or *open*: no interval of its own,
    so a reader knows of it only what its parts add up to, which says nothing new.

    A pinned small figure is repaired by the cheapest move that frees it, looked for nearest
    first: widening one walkthrough under its parent (opening the sums between them), then
    one under its grandparent, and so on. A move's cost is how many percentage points the
    published figures lose, sums weighing more than walkthroughs, so the big figures stay exact.
    """

    WEIGHT = (10.0, 3.0, 1.0)  # by depth: the district's year, a school's year, a walkthrough

    def __init__(self, min_group: int) -> None:
        self.min_group = min_group

    def widen(self, node: Node) -> bool:
        """A walkthrough's next coarser interval, or a sum opened; False when already as coarse."""
        if (node.lo, node.hi) == (0, node.total):
            return False
        if node.children:
            node.lo, node.hi = 0, node.total
            return True
        step = node.step + 1
        while True:
            lo, hi = interval(node.value, node.total, self.min_group, step)
            if (lo, hi) != (node.lo, node.hi):
                node.step, node.lo, node.hi = step, lo, hi
                return True
            step += 1

    def cost(self, root: Node) -> float:
        seen = feasible([root])
        return sum(
            self.WEIGHT[min(n.depth, 2)] * 100 * (seen[n][1] - seen[n][0]) / n.total for n in root.walk() if n.total
        )

    def repair(self, node: Node) -> bool:
        """Free a pinned small figure by the cheapest nearest move; False when nothing can."""
        root = node
        while root.parent is not None:
            root = root.parent
        nodes = list(root.walk())
        base = {n: (n.step, n.lo, n.hi) for n in nodes}

        def restore(state: dict[Node, tuple[int, int, int]]) -> None:
            for n, (step, lo, hi) in state.items():
                n.step, n.lo, n.hi = step, lo, hi

        def free() -> bool:
            lo, hi = feasible([root])[node]
            return lo < hi

        tried: set[Node] = set()
        scopes = [node] if node.children else []
        at: Node | None = node.parent
        while at is not None:
            scopes.append(at)
            at = at.parent
        for scope in scopes:
            best: tuple[float, dict[Node, tuple[int, int, int]]] | None = None
            leaves = [n for n in scope.walk() if not n.children and n not in tried]
            for leaf in leaves:
                tried.add(leaf)
                restore(base)
                up = leaf.parent
                while up is not None and up is not scope and (node.children or up not in _ancestors(node)):
                    self.widen(up)  # open the sums between the walkthrough and the scope
                    up = up.parent
                ok = free()
                while not ok and self.widen(leaf):
                    ok = free()
                if ok:
                    found = self.cost(root)
                    if best is None or found < best[0]:
                        best = (found, {n: (n.step, n.lo, n.hi) for n in nodes})
            if best is not None:
                restore(best[1])
                return True
        restore(base)
        # no walkthrough frees it: open the nearest sum above it that is not open yet
        at = node.parent
        while at is not None:
            if self.widen(at):
                return True
            at = at.parent
        return False


def _ancestors(node: Node) -> set[Node]:
    out: set[Node] = set()
    at = node.parent
    while at is not None:
        out.add(at)
        at = at.parent
    return out


def protect(roots: Sequence[Node], min_group: int) -> None:
    """Set every figure's published interval (``lo``, ``hi``) so that no small count leaks.

    The interval left on each figure is what a reader can work out of it (``feasible``): never
    more than the rule allows, and never less than the reader knows anyway.
    """
    moves = _Protection(min_group)
    nodes = [node for root in roots for node in root.walk()]
    for node in nodes:
        node.step = 0
        node.lo, node.hi = interval(node.value, node.total, min_group, 0)
    while True:
        bad = leaks(roots, min_group)
        if not bad:
            break
        if not moves.repair(bad[0]):
            # nothing near it can widen: hide every figure of its tree (their totals stay known)
            top = bad[0]
            while top.parent is not None:
                top = top.parent
            for node in top.walk():
                node.lo, node.hi = 0, node.total
    seen = feasible(roots)
    for node in nodes:
        node.lo, node.hi = seen[node]
