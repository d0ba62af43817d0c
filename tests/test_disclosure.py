"""The disclosure rule, property-tested: no small count can be seen or worked out, and the big figures show.

The attacker here is written apart from ``lwsite.analysis.disclosure``: it sees only what a
public reader sees (every figure's interval and total, which figures add up to which), tries
every set of true values consistent with all of it, and fails the test if a count below
``min_group`` has only one possible value. The auditor (``lwsite.analysis.audit``) is checked
against the same attacker, and against published figures tampered with on purpose.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
from collections.abc import Sequence
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lwsite import model as m
from lwsite.analysis import audit
from lwsite.analysis.disclosure import SHOWN_POINTS, Node, Span, feasible, interval, protect
from lwsite.analysis.figures import Figures
from lwsite.audience import Rules

# a district: school years -> schools -> walkthroughs, each (upper half, visits rated)
walkthrough = st.integers(1, 9).flatmap(lambda t: st.tuples(st.integers(0, t), st.just(t)))
district = st.lists(
    st.lists(st.lists(walkthrough, min_size=1, max_size=3), min_size=1, max_size=3), min_size=1, max_size=2
)


def tree(shape: list[list[list[tuple[int, int]]]]) -> list[Node]:
    roots = []
    for y, schools in enumerate(shape):
        kids = []
        for s, walks in enumerate(schools):
            leaves = [Node(("w", y, s, k), v, t) for k, (v, t) in enumerate(walks)]
            kids.append(Node(("s", y, s), sum(n.value for n in leaves), sum(n.total for n in leaves), leaves))
        roots.append(Node(("d", y), sum(n.value for n in kids), sum(n.total for n in kids), kids))
    return roots


def worlds(
    published: dict[Any, tuple[int, int]], sums: dict[Any, list[Any]], leaves: Sequence[Any]
) -> list[dict[Any, int]]:
    """Every assignment of true values that agrees with what is published (intervals and sums)."""
    out = []
    for combo in itertools.product(*(range(published[k][0], published[k][1] + 1) for k in leaves)):
        world = dict(zip(leaves, combo, strict=True))
        for parent in sorted(sums, key=lambda k: -len(k)):  # schools before district years
            world[parent] = sum(world[k] for k in sums[parent])
        if all(published[k][0] <= world[k] <= published[k][1] for k in published):
            out.append(world)
    return out


def attack(
    published: dict[Any, tuple[int, int]],
    sums: dict[Any, list[Any]],
    leaves: Sequence[Any],
    truth: dict[Any, tuple[int, int]],
    min_group: int,
) -> None:
    """Fail when the truth is not a world the reader considers, or a small count has one value."""
    found = worlds(published, sums, leaves)
    values = {k: v for k, (v, _) in truth.items()}
    assert any(all(w[k] == values[k] for k in values) for w in found), "the truth must stay possible"
    for k, (v, t) in truth.items():
        if v < min_group or t - v < min_group:
            assert len({w[k] for w in found}) >= 2, (k, v, t, published[k])


@settings(max_examples=500, deadline=None)
@given(shape=district, min_group=st.integers(2, 4))
def test_no_small_count_can_be_worked_out(shape: list[list[list[tuple[int, int]]]], min_group: int) -> None:
    roots = tree(shape)
    protect(roots, min_group)
    nodes = [n for r in roots for n in r.walk()]
    published = {n.key: (n.lo, n.hi) for n in nodes}
    leaves = [n.key for n in nodes if not n.children]
    if math.prod(published[k][1] - published[k][0] + 1 for k in leaves) > 20_000:
        return  # too many worlds to try: hypothesis shrinks towards small ones anyway
    sums = {n.key: [c.key for c in n.children] for n in nodes if n.children}
    attack(published, sums, leaves, {n.key: (n.value, n.total) for n in nodes}, min_group)
    # what is published is exactly what a reader can work out: never more precise, never less
    every = worlds(published, sums, leaves)
    for n in nodes:
        seen = [w[n.key] for w in every]
        assert (min(seen), max(seen)) == (n.lo, n.hi), n.key


@settings(max_examples=300, deadline=None)
@given(shape=district, min_group=st.integers(2, 4))
def test_feasible_is_what_every_world_allows(shape: list[list[list[tuple[int, int]]]], min_group: int) -> None:
    """``feasible`` (the rule's own view of the reader) against brute force, on any intervals."""
    roots = tree(shape)
    for n in (n for r in roots for n in r.walk()):
        n.lo, n.hi = max(0, n.value - (n.total % 3)), min(n.total, n.value + (n.total % 2))
    nodes = [n for r in roots for n in r.walk()]
    published = {n.key: (n.lo, n.hi) for n in nodes}
    leaves = [n.key for n in nodes if not n.children]
    sums = {n.key: [c.key for c in n.children] for n in nodes if n.children}
    every = worlds(published, sums, leaves)
    seen = feasible(roots)
    for n in nodes:
        values = [w[n.key] for w in every]
        assert (min(values), max(values)) == seen[n], n.key


def test_big_figures_show_on_a_realistic_district() -> None:
    """Walkthroughs of 7 to 12 visits, 1 to 3 a year per school, any split: district years always show,
    school years almost always, walkthroughs in at least 95% of cases."""
    import random

    rng = random.Random(7)
    shown = {"w": [0, 0], "s": [0, 0], "d": [0, 0]}
    for _ in range(400):
        shape = []
        for _year in range(2):
            schools = []
            for _school in range(3):
                walks = []
                for _walk in range(rng.randint(1, 3)):
                    t, p = rng.randint(7, 12), rng.random()
                    walks.append((sum(rng.random() < p for _ in range(t)), t))
                schools.append(walks)
            shape.append(schools)
        roots = tree(shape)
        protect(roots, 3)
        for n in (n for r in roots for n in r.walk()):
            level = str(cast(tuple[object, ...], n.key)[0])  # a node's key: (level, ...)
            shown[level][0] += n.span.shown
            shown[level][1] += 1
    rates = {k: a / b for k, (a, b) in shown.items()}
    print(rates)
    assert rates["d"] == 1.0 and rates["s"] >= 0.99 and rates["w"] >= 0.95, rates


@pytest.mark.parametrize("min_group", [2, 3, 4, 5])
def test_intervals_are_cells_of_a_partition_fixed_in_advance(min_group: int) -> None:
    """At every step the values 0..T fall into cells that are the same whatever the value, so a reader
    who knows the rule learns nothing from where a value lies: no small value is ever alone in a
    cell, and each step's cells are unions of the step before's (widening never narrows)."""
    for total in range(1, 41):
        for step in range(7):
            cells: dict[tuple[int, int], list[int]] = {}
            for value in range(total + 1):
                cell = interval(value, total, min_group, step)
                cells.setdefault(cell, []).append(value)
                if step:
                    before = interval(value, total, min_group, step - 1)
                    assert cell[0] <= before[0] and before[1] <= cell[1], (total, step, value)
            for (lo, hi), values in cells.items():
                assert values == list(range(lo, hi + 1)), (total, step, lo, hi, values)
                small = [v for v in values if v < min_group or total - v < min_group]
                assert not small or len(values) >= 2, (total, step, values)


def test_a_span_is_shown_up_to_30_points() -> None:
    assert SHOWN_POINTS == 30
    assert Span(7, 10, 10).shown and Span(0, 2, 10).shown and not Span(0, 4, 10).shown
    assert Span(0, 2, 7).shown and not Span(0, 2, 6).shown and Span(5, 5, 5).shown
    assert Span(8, 10, 10).share == (80, 100) and Span(0, 4, 10).share is None
    assert Span(8, 10, 10).complement() == Span(0, 2, 10)


def test_a_small_half_is_coded_and_the_total_kept() -> None:
    roots = tree([[[(8, 10)]]])  # one walkthrough: 8 of 10 upper, so 2 lower
    protect(roots, 3)
    leaf = roots[0].children[0].children[0]
    assert (leaf.lo, leaf.hi) == (8, 10) and (roots[0].lo, roots[0].hi) == (8, 10)
    roots = tree([[[(5, 10), (6, 10)]]])  # both big: exact everywhere
    protect(roots, 3)
    assert all(n.lo == n.hi == n.value for n in roots[0].walk())


def test_a_walkthrough_beside_a_small_one_becomes_a_range_not_the_school_year() -> None:
    roots = tree([[[(8, 10), (5, 9)], [(6, 12)]]])  # 2 lower in the first walkthrough
    protect(roots, 3)
    district, school, other = roots[0], roots[0].children[0], roots[0].children[1]
    small, beside = school.children
    assert district.lo == district.hi and other.lo == other.hi  # the big figures stay exact
    assert small.hi - small.lo >= 1 and beside.hi - beside.lo >= 1  # protected where they are


# through the pipeline's Figures: what the public pages and downloads print -----------------------------------
FW = m.Framework(
    "fw",
    "Continuum",
    tuple(m.Level(i, i) for i in ("NE", "D", "P", "S")),
    (m.Section("s", "S", (m.Characteristic("talk", "Talk", "s"),)),),
)


def cycle(school: str, number: int, day: dt.date, upper: int, total: int) -> m.Cycle:
    """A walkthrough of ``total`` rated visits, ``upper`` of them Providing or above."""
    levels = ["P"] * upper + ["D"] * (total - upper)
    visits = tuple(m.ScheduledVisit(v + 1, m.TimeBlock(dt.time(8, 0), 15), "A") for v in range(total))
    scripts = tuple(m.Script(v + 1, "", (), ratings=(m.Rating(v + 1, "talk", lv),)) for v, lv in enumerate(levels))
    return m.Cycle(
        id=f"{day.isoformat()}-c{number}",
        school=school,
        date=day,
        slug=f"c{number}",
        school_year=m.school_year_of(day, (8, 1)),
        path="",
        focus=m.Focus("Q?", "fw", ("talk",)),
        team=m.Team((m.TeamMember("Principal", group="A"),), hall_work=3),
        schedule=m.Schedule(day, None, visits, None),
        outline=m.Outline(None, (), None, total, (), ()),
        scripts=scripts,
    )


def portfolio(shape: list[list[list[tuple[int, int]]]], min_group: int, compare: bool) -> m.Portfolio:
    """shape: schools -> school years -> walkthroughs (upper, total)."""
    schools = []
    for s, years in enumerate(shape):
        mine = [
            cycle(f"s{s}", n, dt.date(2020 + y, 10, 1 + n), upper, total)
            for y, walks in enumerate(years)
            for n, (upper, total) in enumerate(walks)
        ]
        schools.append(m.School(f"s{s}", f"School {s}", "", cycles=tuple(mine)))
    return m.Portfolio(
        "P",
        "district",
        frameworks=(FW,),
        schools=tuple(schools),
        privacy=m.Privacy(min_group=min_group, public_school_comparison=compare),
    )


@settings(max_examples=200, deadline=None)
@given(
    shape=st.lists(st.lists(st.lists(walkthrough, max_size=2), min_size=1, max_size=2), min_size=1, max_size=3),
    compare=st.booleans(),
    min_group=st.integers(2, 4),
)
def test_the_public_figures_give_no_small_count_away(
    shape: list[list[list[tuple[int, int]]]], compare: bool, min_group: int
) -> None:
    p = portfolio(shape, min_group, compare)
    if not p.cycles:
        return
    figures = Figures(p, Rules.for_portfolio(p, m.Audience.PUBLIC))
    published: dict[Any, tuple[int, int]] = {}
    truth: dict[Any, tuple[int, int]] = {}
    sums: dict[Any, list[Any]] = {}
    for c in p.cycles:
        d = figures.cycle(c, "talk")
        assert d is not None and d.total == len(c.ratings)
        low, high = d.bands
        assert (low.count.lo, low.count.hi) == (d.total - high.count.hi, d.total - high.count.lo)
        for band in (low, high):  # a number on a page is never a small count
            assert band.count.value is None or band.count.value >= min_group
        published[c.id, c.school] = (high.count.lo, high.count.hi)
        truth[c.id, c.school] = (sum(1 for r in c.ratings if r.level == "P"), d.total)
        sums.setdefault(("year", c.school, c.school_year), []).append((c.id, c.school))
    for (_, school, year), parts in list(sums.items()):
        d = figures.school_year(school, year, FW, "talk")
        assert d is not None
        published["year", school, year] = (d.upper.lo, d.upper.hi)
        truth["year", school, year] = (sum(truth[k][0] for k in parts), sum(truth[k][1] for k in parts))
    school_years = list(sums)
    for year in {c.school_year for c in p.cycles}:
        d = figures.district_year(year, FW, "talk")
        assert d is not None
        parts = [k for k in school_years if k[2] == year]
        sums["district", year] = parts
        published["district", year] = (d.upper.lo, d.upper.hi)
        truth["district", year] = (sum(truth[k][0] for k in parts), sum(truth[k][1] for k in parts))
    leaves = [(c.id, c.school) for c in p.cycles]
    if math.prod(published[k][1] - published[k][0] + 1 for k in leaves) > 20_000:
        return
    attack(published, sums, leaves, truth, min_group)


def test_staff_figures_are_exact_level_by_level() -> None:
    p = portfolio([[[(2, 9)]]], 3, False)
    figures = Figures(p, Rules.for_portfolio(p, m.Audience.STAFF))
    d = figures.cycle(p.cycles[0], "talk")
    assert d is not None and [b.label for b in d.bands] == ["NE", "D", "P", "S"]
    assert [b.count.value for b in d.bands] == [0, 7, 2, 0] and d.upper.value == 2


# the auditor ------------------------------------------------------------------------------------------------
def published_json(p: m.Portfolio) -> dict[str, Any]:
    """A minimal portfolio.json as the downloads write it, from the public figures."""
    figures = Figures(p, Rules.for_portfolio(p, m.Audience.PUBLIC))

    def dist(d: Any) -> dict[str, Any]:
        low, high = d.bands
        return {
            "visits_rated": d.total,
            "NE+D": {"value": low.count.value, "low": low.count.lo, "high": low.count.hi},
            "P+S": {"value": high.count.value, "low": high.count.lo, "high": high.count.hi},
        }

    schools = []
    for s in p.schools:
        years = {c.school_year for c in s.cycles}
        schools.append(
            {
                "id": s.id,
                "cycles": [
                    {
                        "id": c.id,
                        "school_year": c.school_year,
                        "focus": {"framework": "fw"},
                        "ratings": {"talk": dist(figures.cycle(c, "talk"))},
                    }
                    for c in s.cycles
                ],
                "ratings_by_school_year": {"talk": {y: dist(figures.school_year(s.id, y, FW, "talk")) for y in years}},
            }
        )
    years = {c.school_year for c in p.cycles}
    return {
        "schools": schools,
        "district_by_school_year": {"talk": {y: dist(figures.district_year(y, FW, "talk")) for y in years}},
    }


def test_the_auditor_passes_what_the_rule_publishes() -> None:
    p = portfolio([[[(8, 10), (5, 9)], [(4, 8)]], [[(6, 12)], [(1, 7), (5, 10)]]], 3, False)
    assert audit.audit(published_json(p), p, 3) == []


def test_the_auditor_catches_a_small_count_printed_exactly() -> None:
    p = portfolio([[[(8, 10), (5, 9)]]], 3, False)
    data = published_json(p)
    first = data["schools"][0]["cycles"][0]["ratings"]["talk"]
    first["P+S"] |= {"value": 8, "low": 8, "high": 8}
    problems = audit.audit(data, p, 3)
    assert problems and "a reader can work out a count below 3" in problems[0].message
    assert "2020-10-01-c0" in problems[0].message


def test_the_auditor_catches_a_count_worked_out_by_subtraction() -> None:
    """The walkthrough beside the small one printed exactly: the school year minus it gives the small one away."""
    p = portfolio([[[(8, 10), (5, 9)]]], 3, False)
    data = published_json(p)
    data["schools"][0]["cycles"][1]["ratings"]["talk"]["P+S"] |= {"value": 5, "low": 5, "high": 5}
    data["schools"][0]["ratings_by_school_year"]["talk"]["2020-21"]["P+S"] |= {"value": 13, "low": 13, "high": 13}
    problems = audit.audit(data, p, 3)
    assert any("2020-10-01-c0" in pr.message for pr in problems), problems


def test_the_auditor_catches_a_figure_that_contradicts_the_records() -> None:
    p = portfolio([[[(5, 10)]]], 3, False)
    data = published_json(p)
    data["schools"][0]["cycles"][0]["ratings"]["talk"]["P+S"] |= {"value": 6, "low": 6, "high": 6}
    assert any("contradict" in pr.message for pr in audit.audit(data, p, 3))


@pytest.mark.parametrize("name", ["portfolio.json"])
def test_a_public_build_stops_when_the_audit_fails(tmp_path: Any, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The pipeline runs the auditor on every public build: break the rule and the build reports it."""
    from helpers import FIXTURES

    import lwsite.analysis.figures as figures_module
    from lwsite.pipeline import Settings, prepare

    def exact_everywhere(roots: Sequence[Node], min_group: int) -> None:  # the rule is gone
        for node in (n for r in roots for n in r.walk()):
            node.lo = node.hi = node.value

    monkeypatch.setattr(figures_module, "protect", exact_everywhere)
    prepared = prepare(Settings(FIXTURES / "trends" / "content", today=dt.date(2026, 11, 22)))
    errors = [pr for pr in prepared.problems if not pr.warning]
    assert errors and all(pr.path == f"downloads/{name}" for pr in errors)
    assert "privacy audit" in errors[0].message and "nothing was written" in errors[0].message
    json.dumps([str(e) for e in errors])
