"""The pure trend functions on the trends fixture, against figures counted by hand from its files."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import FIXTURES

from lwsite import model as m
from lwsite.analysis import trends
from lwsite.load.portfolio import load


@pytest.fixture(scope="module")
def portfolio() -> m.Portfolio:
    loaded = load(FIXTURES / "trends" / "content")
    assert loaded.portfolio is not None, loaded.problems.items
    return loaded.portfolio


def cycle(p: m.Portfolio, school: str, cid: str) -> m.Cycle:
    s = p.school(school)
    assert s is not None
    return next(c for c in s.cycles if c.id == cid)


def test_rating_counts_in_level_order(portfolio: m.Portfolio) -> None:
    fw = portfolio.frameworks[0]
    assert trends.rating_counts(cycle(portfolio, "east", "2024-10-01-start"), fw, "talk") == {
        "NE": 2,
        "D": 3,
        "P": 2,
        "S": 1,
    }
    assert trends.rating_counts(cycle(portfolio, "east", "2024-10-01-start"), fw, "questions") == {
        "NE": 0,
        "D": 6,
        "P": 2,
        "S": 0,
    }
    unrated = cycle(portfolio, "west", "2025-09-30-questions")
    assert not trends.rated(unrated, "questions")
    assert trends.upper_levels(fw) == ("P", "S") and trends.upper_label(fw) == "Providing or above"


def test_evidence_counts_and_visits_with_evidence(portfolio: m.Portfolio) -> None:
    first = cycle(portfolio, "east", "2024-10-01-start")
    assert trends.evidence_counts(first) == {"talk": 6, "questions": 2, trends.UNTAGGED: 1}
    assert trends.visits_with_evidence(first, "talk") == (6, 8)  # visits 1, 2, 4, 6, 7, 8
    assert trends.visits_with_evidence(first, "questions") == (2, 8)  # visits 1 and 5
    west = cycle(portfolio, "west", "2025-09-30-questions")
    assert trends.evidence_counts(west) == {"questions": 3, trends.UNTAGGED: 2}
    assert trends.visits_with_evidence(west, "questions") == (3, 5)


def test_pattern_extents(portfolio: m.Portfolio) -> None:
    assert trends.extents(cycle(portfolio, "east", "2024-10-01-start")) == {"few": 0, "some": 1, "many": 0, "most": 0}
    assert trends.extents(cycle(portfolio, "east", "2025-10-07-again")) == {"few": 0, "some": 0, "many": 0, "most": 0}


def test_series_and_lens_use(portfolio: m.Portfolio) -> None:
    fw = portfolio.frameworks[0]
    talk = trends.cycles_with(portfolio.cycles, fw, "talk")
    assert [c.id for c in talk] == ["2024-10-01-start", "2024-11-05-first", "2025-02-04-follow", "2025-10-07-again"]
    use = {u.school.id: (u.years, u.planned) for u in trends.lens_use(portfolio, fw, "questions", dt.date(2026, 1, 1))}
    assert use == {"east": (("2024-25",), ()), "west": (("2025-26",), ())}
    # a walkthrough still to come is planned, not looked at
    use = {u.school.id: (u.years, u.planned) for u in trends.lens_use(portfolio, fw, "questions", dt.date(2025, 9, 1))}
    assert use == {"east": (("2024-25",), ()), "west": ((), ("2025-26",))}
    assert trends.lens_characteristics(portfolio.cycles, fw) == ["talk", "questions"]


def test_action_counts_overdue_and_chains(portfolio: m.Portfolio) -> None:
    east = portfolio.school("east")
    assert east is not None
    steps = [a for c in sorted(east.cycles, key=lambda c: c.date) for a in c.actions]
    counts = trends.action_counts(steps)
    assert dict(counts.by_status) == {"planned": 1, "in-progress": 1, "done": 1, "dropped": 0}
    assert dict(counts.by_horizon) == {"week": 0, "month": 2, "year": 1}
    assert [a.id for a in trends.overdue(steps, dt.date(2025, 10, 1))] == ["stems-whole-class"]
    assert [a.id for a in trends.overdue(steps, dt.date(2026, 1, 1))] == ["stems-whole-class", "stems-science"]
    (chain,) = trends.chains(steps)
    assert [a.id for a in chain.steps] == ["stems", "stems-whole-class", "stems-science"]
    assert not chain.ended and chain.last.status == "planned"


def test_a_step_carried_twice_starts_two_chains() -> None:
    first = m.ActionStep("a", "Stems", "Coach", "2024-10-01-x", status="done")
    left = m.ActionStep("b", "Stems in maths", "Maths team", "2025-01-01-y", status="done", carries=first.key)
    right = m.ActionStep("c", "Stems in science", "Science team", "2025-01-01-y", status="dropped", carries=first.key)
    chains = trends.chains([first, left, right])
    assert [[a.id for a in c.steps] for c in chains] == [["a", "b"], ["a", "c"]]
    assert all(c.ended for c in chains)


def test_coverage_by_grade_subject_and_room(portfolio: m.Portfolio) -> None:
    west = portfolio.school("west")
    assert west is not None
    grades, subjects = trends.grade_subject_counts(west.cycles)
    assert grades == {"6": 4, "7": 4, "8": 3}
    assert subjects == {"English": 3, "Mathematics": 4, "Science": 4}
    east = portfolio.school("east")
    assert east is not None
    # before the third walkthrough, E5-E8 were last seen on Oct 1, 2024; E9, E10 (once) and E1-E4 (twice) on Feb 4, 2025
    rooms = trends.room_coverage(east, dt.date(2025, 6, 1))
    assert [(h.room.code, h.last, h.times) for h in rooms][:5] == [
        ("E5", dt.date(2024, 10, 1), 1),
        ("E6", dt.date(2024, 10, 1), 1),
        ("E7", dt.date(2024, 10, 1), 1),
        ("E8", dt.date(2024, 10, 1), 1),
        ("E9", dt.date(2025, 2, 4), 1),
    ]  # seen once, before E1-E4 (twice)
    assert m.grade_order("K") < m.grade_order("2") < m.grade_order("10") < m.grade_order("Adult")
