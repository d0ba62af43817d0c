"""Every sentence template that prints a figure, in each of its cases: exact, range, hidden,
too few rated, upcoming, not looked at, not rated, first rated, change exact or not."""

from __future__ import annotations

import datetime as dt

import pytest

from lwsite import model as m
from lwsite.analysis.disclosure import Span
from lwsite.analysis.figures import Band, Depth, Distribution, Rated
from lwsite.render.sentences import Say

say = Say("en", 3)

UPPER = "Providing or above"
LOW = m.Level("D", "Developing")
HIGH = m.Level("P", "Providing")


def dist(lo: int, hi: int, total: int) -> Distribution:
    upper = Span(lo, hi, total)
    return Distribution((Band("Developing", (LOW,), upper.complement()), Band("Providing", (HIGH,), upper)),
                        upper, "walkthrough")


def cycle(day: dt.date, visits: int = 10, scripted: int = 0) -> m.Cycle:
    return m.Cycle(id=f"{day.isoformat()}-x", school="s", date=day, slug="x", school_year="2025-26", path="",
                   focus=m.Focus("Q?", "fw", ("talk",)), team=m.Team(()),
                   schedule=m.Schedule(day, None, (), None),
                   outline=m.Outline(None, (), None, visits, (), (), scripted=scripted))


FEB, OCT = cycle(dt.date(2026, 2, 10)), cycle(dt.date(2025, 10, 21))


@pytest.mark.parametrize(("span", "text"), [
    (Span(5, 5, 10), "5"),
    (Span(0, 2, 10), "fewer than 3"),
    (Span(0, 1, 10), "at most 1"),
    (Span(8, 10, 10), "at least 8"),
    (Span(4, 5, 10), "4 to 5"),
    (Span(0, 5, 10), "not shown"),
])
def test_count_cells(span: Span, text: str) -> None:
    assert say.count(span) == text


@pytest.mark.parametrize(("figure", "text"), [
    (dist(6, 6, 10), "60%"),
    (dist(8, 10, 10), "80–100%"),
    (dist(0, 5, 10), "not shown"),
    (None, "not rated"),
])
def test_share_cells(figure: Distribution | None, text: str) -> None:
    assert say.share(figure) == text


@pytest.mark.parametrize(("figure", "text"), [
    (dist(6, 6, 10), "60% of 10 visits rated Providing or above"),
    (dist(8, 10, 10), "at least 80% of 10 visits rated Providing or above"),
    (dist(0, 2, 10), "at most 20% of 10 visits rated Providing or above"),
    (dist(4, 5, 10), "between 40% and 50% of 10 visits rated Providing or above"),
    (dist(0, 5, 10), "10 visits rated: the share rated Providing or above is not shown, so that no classroom "
                     "can be singled out"),
    (dist(0, 2, 2), "only 2 visits rated: too few to show a share without singling out a classroom"),
    (dist(0, 1, 1), "only 1 visit rated: too few to show a share without singling out a classroom"),
])
def test_share_of_every_case(figure: Distribution, text: str) -> None:
    assert say.share_of(figure, UPPER) == text


def test_walkthrough_sentences() -> None:
    first = Rated(OCT, "talk", dist(5, 5, 10), None, None)
    assert say.walkthrough(first, UPPER) == (
        "October 21, 2025: 50% of 10 visits rated Providing or above (the first walkthrough to rate it).")
    up = Rated(FEB, "talk", dist(6, 6, 10), OCT, 10)
    assert say.walkthrough(up, UPPER) == (
        "February 10, 2026: 60% of 10 visits rated Providing or above, up 10 points from October 21, 2025.")
    down = Rated(FEB, "talk", dist(4, 4, 10), OCT, -10)
    assert "down 10 points from October 21, 2025." in say.walkthrough(down, UPPER)
    same = Rated(FEB, "talk", dist(5, 5, 10), OCT, 0)
    assert "no change from October 21, 2025." in say.walkthrough(same, UPPER)
    ranged = Rated(FEB, "talk", dist(8, 10, 10), OCT, None)
    assert say.walkthrough(ranged, UPPER) == (
        "February 10, 2026: at least 80% of 10 visits rated Providing or above; the change from October 21, 2025 "
        "cannot be given exactly, because one of the two figures is a range.")
    assert say.change_cell(None, None) == "first rated"
    assert say.change_cell(OCT, None) == "not exact: a range"
    assert say.change_cell(OCT, 1) == "up 1 point" and say.change_cell(OCT, -2) == "down 2 points"


def test_year_sentences() -> None:
    assert say.year("School year 2025-26", dist(33, 33, 55), UPPER, " across the district") == (
        "School year 2025-26 across the district: 60% of 55 visits rated Providing or above.")
    assert say.year("School year 2026-27", None, UPPER, "") == "School year 2026-27: no visits rated."


def test_looked_at_counts_only_walkthroughs_that_happened() -> None:
    today = dt.date(2026, 12, 2)
    planned = cycle(dt.date(2026, 12, 8))
    assert say.looked_at([OCT, FEB, planned], today) == (
        "Looked at in 2 walkthroughs so far; one more is planned (December 8, 2026).")
    assert say.looked_at([FEB], today) == "Looked at in 1 walkthrough so far."
    assert say.looked_at([planned], today) == "Planned for December 8, 2026."
    assert say.looked_at([], today) == "Not looked at yet."
    later = cycle(dt.date(2027, 2, 9))
    assert say.looked_at([FEB, planned, later], today) == (
        "Looked at in 1 walkthrough so far; 2 more are planned (December 8, 2026, February 9, 2027).")


def test_not_rated_says_why_and_leaves_out_the_future() -> None:
    today = dt.date(2026, 12, 2)
    planned = cycle(dt.date(2026, 12, 8))
    rated = [Rated(FEB, "talk", dist(5, 5, 10), None, None)]
    assert say.not_rated([FEB, planned], rated, today) == ""
    assert say.not_rated([OCT, FEB, planned], rated, today) == (
        "The walkthrough of October 21, 2025 looked at it without rating visits on the continuum (its hall work was "
        "reflection or calibration, not a rating).")
    assert say.not_rated([OCT, FEB], [], today).startswith("The walkthroughs of October 21, 2025, February 10, 2026")


def test_depth_sentences() -> None:
    assert say.depth(Depth(24, 10, True)) == "2.4 evidence items per visit (24 in 10 visits)"
    assert say.depth(Depth(1, 1, True)) == "1.0 evidence items per visit (1 in 1 visit)"
    assert say.depth(Depth(3, 2, False)) == "not shown: fewer than 3 visits scripted"
    assert say.depth(None) == "no visits scripted"
    assert Depth(1, 8, True).per_visit == 0.1 and Depth(2, 8, True).per_visit == 0.3  # a half rounded up


def test_visits_made_explains_a_missing_script() -> None:
    assert say.visits_made(cycle(FEB.date, 10, 9)) == "10 classrooms (9 of the visits have scripted notes)"
    assert say.visits_made(cycle(FEB.date, 10, 10)) == "10 classrooms"
    assert say.visits_made(cycle(FEB.date, 1, 0)) == "1 classroom"


def test_action_step_dates_and_horizons() -> None:
    today = dt.date(2026, 12, 2)
    step = m.ActionStep("s", "Post stems", "Math coach", "2026-02-10-vocab", horizon="month",
                        due=dt.date(2026, 4, 30), status="in-progress")
    assert say.due(step, today) == ("April 30, 2026: the date has passed and the step is still in progress "
                                    "(as of December 2, 2026)")
    # the due date is 79 days after the walkthrough: the page's horizon follows it, never contradicts it
    assert say.horizon(step) == "Within the school year"
    done = m.ActionStep("d", "Post stems", "Math coach", "2026-02-10-vocab", due=dt.date(2026, 2, 15), status="done")
    assert say.due(done, today) == "February 15, 2026" and say.horizon(done) == "Within a week"
    ahead = m.ActionStep("a", "Post stems", "Math coach", "2026-11-17-x", horizon="month", due=dt.date(2026, 12, 15))
    assert say.due(ahead, today) == "December 15, 2026 (still to come)" and say.horizon(ahead) == "Within a month"
    bare = m.ActionStep("b", "Post stems", "Math coach", "2026-11-17-x", horizon="year")
    assert say.due(bare, today) == "No due date" and say.horizon(bare) == "Within the school year"
    assert say.horizon(m.ActionStep("n", "x", "y", "2026-11-17-x")) == "Not given"
