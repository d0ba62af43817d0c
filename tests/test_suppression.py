"""Small-cell suppression, property-tested: no public figure is small, and none can be worked out.

The attacker here is written apart from ``lwsite.analysis.suppression``: it sees only what a
public reader sees (shown counts, totals, the labels "fewer than N" and "not shown", and every
shown sum over walkthroughs), tries every set of values consistent with all of it, and fails
the test if any hidden count has only one possible value.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from lwsite import model as m
from lwsite.analysis.figures import Figures
from lwsite.analysis.suppression import Count, protect_relation
from lwsite.audience import Rules

FEWER, NOT_SHOWN = "fewer than", "not shown"


def label_range(count: Count, others: Sequence[Count], total: int, min_group: int) -> tuple[int, int]:
    """What a reader can tell of one count of a relation from the labels alone."""
    if count.shown:
        assert count.value is not None
        return count.value, count.value
    if count.text.startswith(FEWER):
        return 0, min_group - 1
    if any(o.text.startswith(FEWER) for o in others):
        # a count hidden beside a small one is not small, and no larger than any count still shown
        shown = [o.value for o in others if o.value is not None]
        return min_group, min(shown, default=total)
    return 0, total


def feasible(ranges: Sequence[tuple[int, int]], total: int) -> list[tuple[int, ...]]:
    return [combo for combo in itertools.product(*(range(lo, hi + 1) for lo, hi in ranges)) if sum(combo) == total]


# one relation --------------------------------------------------------------------------
@settings(max_examples=400, deadline=None)
@given(values=st.lists(st.integers(0, 12), min_size=2, max_size=5), min_group=st.integers(2, 5))
def test_a_relation_never_shows_or_gives_away_a_small_count(values: list[int], min_group: int) -> None:
    if not sum(values):
        return  # nothing at all: there is no count to protect
    cells = protect_relation(dict(enumerate(values)), min_group)
    shown = [c for c in cells.values() if c.shown]
    assert all((c.value or 0) >= min_group for c in shown)
    assert all(not cells[i].shown for i, v in enumerate(values) if v < min_group)
    total = sum(values)
    ranges = [label_range(c, [o for j, o in cells.items() if j != i], total, min_group) for i, c in cells.items()]
    worlds = feasible(ranges, total)
    assert tuple(values) in worlds, "the truth must be one of the worlds a reader considers"
    for i, c in cells.items():
        if not c.shown:
            assert len({w[i] for w in worlds}) >= 2, (values, {k: v.text for k, v in cells.items()})
    hidden = [v for i, v in enumerate(values) if not cells[i].shown]
    if hidden and any(c.text.startswith(FEWER) for c in cells.values()):
        assert sum(hidden) >= min_group, "the hidden counts together are a count too"


# walkthroughs, school years and the district ------------------------------------------------
FW = m.Framework("fw", "Continuum", tuple(m.Level(i, i) for i in ("NE", "D", "P", "S")),
                 (m.Section("s", "S", (m.Characteristic("talk", "Talk", "s"),)),))


def cycle(school: str, number: int, day: dt.date, upper: int, total: int) -> m.Cycle:
    """A walkthrough of ``total`` rated visits, ``upper`` of them Providing or above."""
    levels = ["P"] * upper + ["D"] * (total - upper)
    visits = tuple(m.ScheduledVisit(v + 1, m.TimeBlock(dt.time(8, 0), 15), "A") for v in range(total))
    scripts = tuple(m.Script(v + 1, "", (), ratings=(m.Rating(v + 1, "talk", lv),)) for v, lv in enumerate(levels))
    return m.Cycle(
        id=f"{day.isoformat()}-c{number}", school=school, date=day, slug=f"c{number}",
        school_year=m.school_year_of(day, (8, 1)), path="", focus=m.Focus("Q?", "fw", ("talk",)),
        team=m.Team((m.TeamMember("Principal", group="A"),), hall_work=3),
        schedule=m.Schedule(day, None, visits, None), outline=m.Outline(None, (), None, total, (), ()),
        scripts=scripts,
    )


walkthrough = st.integers(1, 7).flatmap(lambda t: st.tuples(st.integers(0, t), st.just(t)))
district = st.lists(st.lists(st.lists(walkthrough, min_size=0, max_size=2), min_size=1, max_size=2),
                    min_size=1, max_size=3)  # schools -> years -> walkthroughs (upper, total)


@settings(max_examples=300, deadline=None)
@given(shape=district, compare=st.booleans(), min_group=st.integers(2, 4))
def test_no_sum_over_walkthroughs_gives_a_hidden_count_away(
    shape: list[list[list[tuple[int, int]]]], compare: bool, min_group: int
) -> None:
    schools, cycles = [], []
    for s, years in enumerate(shape):
        mine = []
        for y, walks in enumerate(years):
            for n, (upper, total) in enumerate(walks):
                mine.append(cycle(f"s{s}", n, dt.date(2020 + y, 10, 1 + n), upper, total))
        schools.append(m.School(f"s{s}", f"School {s}", "", cycles=tuple(mine)))
        cycles.extend(mine)
    if not cycles:
        return
    portfolio = m.Portfolio("P", "district", frameworks=(FW,), schools=tuple(schools),
                            privacy=m.Privacy(min_group=min_group, public_school_comparison=compare))
    figures = Figures(portfolio, Rules.for_portfolio(portfolio, m.Audience.PUBLIC))

    # what a reader sees: each walkthrough's halves and total, and every sum the pages show
    truth, ranges, equations = {}, {}, []
    for c in cycles:
        d = figures.cycle(c, "talk")
        assert d is not None
        low, high = d.bands[0].count, d.bands[1].count
        total = d.total.value
        assert total is not None
        upper = sum(1 for r in c.ratings if r.level == "P")
        truth[c.id, c.school] = upper
        for band in (low, high):
            assert not band.shown or (band.value or 0) >= min_group
        hi_lo, hi_hi = label_range(high, [low], total, min_group)
        lo_lo, lo_hi = label_range(low, [high], total, min_group)
        ranges[c.id, c.school] = (max(hi_lo, total - lo_hi), min(hi_hi, total - lo_lo))
    groups: list[tuple[list[m.Cycle], str | None, str]] = []
    for year in sorted({c.school_year for c in cycles}):
        groups.append(([c for c in cycles if c.school_year == year], None, year))
        if compare:
            groups += [([c for c in cycles if c.school_year == year and c.school == s.id], s.id, year)
                       for s in schools]
    for members, school, year in groups:
        d = figures.year(cycles, "talk", year, school)
        if d is None:
            continue
        assert [(c.id, c.school) for c in members] and d.total.value == sum(len(c.ratings) for c in members)
        for band in d.bands:
            assert not band.count.shown or (band.count.value or 0) >= min_group
        if d.bands[1].count.shown:
            equations.append(([(c.id, c.school) for c in members], d.bands[1].count.value))

    unknown = [k for k, (lo, hi) in ranges.items() if lo != hi]
    known = {k: lo for k, (lo, hi) in ranges.items() if lo == hi}
    worlds = []
    for combo in itertools.product(*(range(ranges[k][0], ranges[k][1] + 1) for k in unknown)):
        world = known | dict(zip(unknown, combo, strict=True))
        if all(sum(world[k] for k in keys) == value for keys, value in equations):
            worlds.append(world)
    assert truth in worlds
    for k in unknown:
        assert len({w[k] for w in worlds}) >= 2, (k, shape, compare, min_group)
