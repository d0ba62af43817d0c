"""Every sentence template that prints a figure, in each of its cases: exact, range, hidden,
too few rated, upcoming, not looked at, not rated, first rated, change exact or not."""

from __future__ import annotations

import datetime as dt
from typing import get_args

import pytest
from helpers import ROOT

from lwsite import model as m
from lwsite.analysis import measures
from lwsite.analysis.calibration import Agreement, agreement
from lwsite.analysis.disclosure import Span
from lwsite.analysis.figures import Band, Depth, Distribution, Rated
from lwsite.analysis.measures import Verdict
from lwsite.render.sentences import Say

say = Say("en", 3)

UPPER = "Providing or above"
LOW = m.Level("D", "Developing")
HIGH = m.Level("P", "Providing")


def dist(lo: int, hi: int, total: int) -> Distribution:
    upper = Span(lo, hi, total)
    return Distribution(
        (Band("Developing", (LOW,), upper.complement()), Band("Providing", (HIGH,), upper)), upper, "walkthrough"
    )


def cycle(day: dt.date, visits: int = 10, scripted: int = 0) -> m.Cycle:
    return m.Cycle(
        id=f"{day.isoformat()}-x",
        school="s",
        date=day,
        slug="x",
        school_year="2025-26",
        path="",
        focus=m.Focus("Q?", "fw", ("talk",)),
        team=m.Team(()),
        schedule=m.Schedule(day, None, (), None),
        outline=m.Outline(None, (), None, visits, (), (), scripted=scripted),
    )


FEB, OCT = cycle(dt.date(2026, 2, 10)), cycle(dt.date(2025, 10, 21))


@pytest.mark.parametrize(
    ("span", "text"),
    [
        (Span(5, 5, 10), "5"),
        (Span(0, 2, 10), "fewer than 3"),
        (Span(0, 1, 10), "at most 1"),
        (Span(8, 10, 10), "at least 8"),
        (Span(4, 5, 10), "4 to 5"),
        (Span(0, 5, 10), "not shown"),
    ],
)
def test_count_cells(span: Span, text: str) -> None:
    assert say.count(span) == text


@pytest.mark.parametrize(
    ("figure", "text"),
    [
        (dist(6, 6, 10), "60%"),
        (dist(8, 10, 10), "80–100%"),
        (dist(0, 5, 10), "not shown"),
        (None, "not rated"),
    ],
)
def test_share_cells(figure: Distribution | None, text: str) -> None:
    assert say.share(figure) == text


@pytest.mark.parametrize(
    ("figure", "text"),
    [
        (dist(6, 6, 10), "60% of 10 visits rated Providing or above"),
        (dist(8, 10, 10), "at least 80% of 10 visits rated Providing or above"),
        (dist(0, 2, 10), "at most 20% of 10 visits rated Providing or above"),
        (dist(4, 5, 10), "between 40% and 50% of 10 visits rated Providing or above"),
        (
            dist(0, 5, 10),
            "10 visits rated: the share rated Providing or above is not shown, so that no classroom can be singled out",
        ),
        (dist(0, 2, 2), "only 2 visits rated: too few to show a share without singling out a classroom"),
        (dist(0, 1, 1), "only 1 visit rated: too few to show a share without singling out a classroom"),
    ],
)
def test_share_of_every_case(figure: Distribution, text: str) -> None:
    assert say.share_of(figure, UPPER) == text


def test_walkthrough_sentences() -> None:
    first = Rated(OCT, "talk", dist(5, 5, 10), None, None)
    assert say.walkthrough(first, UPPER) == (
        "October 21, 2025: 50% of 10 visits rated Providing or above (the first walkthrough to rate it)."
    )
    up = Rated(FEB, "talk", dist(6, 6, 10), OCT, 10)
    assert say.walkthrough(up, UPPER) == (
        "February 10, 2026: 60% of 10 visits rated Providing or above, up 10 points from October 21, 2025."
    )
    down = Rated(FEB, "talk", dist(4, 4, 10), OCT, -10)
    assert "down 10 points from October 21, 2025." in say.walkthrough(down, UPPER)
    same = Rated(FEB, "talk", dist(5, 5, 10), OCT, 0)
    assert "no change from October 21, 2025." in say.walkthrough(same, UPPER)
    ranged = Rated(FEB, "talk", dist(8, 10, 10), OCT, None)
    assert say.walkthrough(ranged, UPPER) == (
        "February 10, 2026: at least 80% of 10 visits rated Providing or above; the change from October 21, 2025 "
        "cannot be given exactly, because one of the two figures is a range."
    )
    assert say.change_cell(None, None) == "first rated"
    assert say.change_cell(OCT, None) == "not exact: a range"
    assert say.change_cell(OCT, 1) == "up 1 point" and say.change_cell(OCT, -2) == "down 2 points"


def test_year_sentences() -> None:
    assert say.year("School year 2025-26", dist(33, 33, 55), UPPER, " across the district") == (
        "School year 2025-26 across the district: 60% of 55 visits rated Providing or above."
    )
    assert say.year("School year 2026-27", None, UPPER, "") == "School year 2026-27: no visits rated."


def test_looked_at_counts_only_walkthroughs_that_happened() -> None:
    today = dt.date(2026, 12, 2)
    planned = cycle(dt.date(2026, 12, 8))
    assert say.looked_at([OCT, FEB, planned], today) == (
        "Looked at in 2 walkthroughs so far; one more is planned (December 8, 2026)."
    )
    assert say.looked_at([FEB], today) == "Looked at in 1 walkthrough so far."
    assert say.looked_at([planned], today) == "Planned for December 8, 2026."
    assert say.looked_at([], today) == "Not looked at yet."
    later = cycle(dt.date(2027, 2, 9))
    assert say.looked_at([FEB, planned, later], today) == (
        "Looked at in 1 walkthrough so far; 2 more are planned (December 8, 2026, February 9, 2027)."
    )


def test_not_rated_says_why_and_leaves_out_the_future() -> None:
    today = dt.date(2026, 12, 2)
    planned = cycle(dt.date(2026, 12, 8))
    rated = [Rated(FEB, "talk", dist(5, 5, 10), None, None)]
    assert say.not_rated([FEB, planned], rated, today) == ""
    assert say.not_rated([OCT, FEB, planned], rated, today) == (
        "The walkthrough of October 21, 2025 looked at it without rating visits on the continuum (its hall work was "
        "reflection or calibration, not a rating)."
    )
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
    step = m.ActionStep(
        "s",
        "Post stems",
        "Math coach",
        "2026-02-10-vocab",
        horizon="month",
        due=dt.date(2026, 4, 30),
        status="in-progress",
    )
    assert say.due(step, today) == (
        "April 30, 2026: the date has passed and the step is still in progress (as of December 2, 2026)"
    )
    # the due date is 79 days after the walkthrough: the page's horizon follows it, never contradicts it
    assert say.horizon(step) == "Within the school year"
    done = m.ActionStep("d", "Post stems", "Math coach", "2026-02-10-vocab", due=dt.date(2026, 2, 15), status="done")
    assert say.due(done, today) == "February 15, 2026" and say.horizon(done) == "Within a week"
    ahead = m.ActionStep("a", "Post stems", "Math coach", "2026-11-17-x", horizon="month", due=dt.date(2026, 12, 15))
    assert say.due(ahead, today) == "December 15, 2026 (still to come)" and say.horizon(ahead) == "Within a month"
    bare = m.ActionStep("b", "Post stems", "Math coach", "2026-11-17-x", horizon="year")
    assert say.due(bare, today) == "No due date" and say.horizon(bare) == "Within the school year"
    assert say.horizon(m.ActionStep("n", "x", "y", "2026-11-17-x")) == "Not given"


# calibration (team only): agreement among observers -------------------------------------------
NE, D, P, S = 0, 1, 2, 3


def test_agreement_sentences_in_every_case() -> None:
    assert say.agreement(None) == "No observer recorded a level of their own before the team agreed its rating."
    assert say.agreement(agreement([([P], P)])) == (
        "No two observers recorded their own level for the same visit: nothing to compare."
    )
    assert say.agreement(agreement([([P, D], P)] * 8)) == (
        "Only 8 pairs of observers: too few to judge agreement (it takes at least 10)."
    )
    enough = agreement([([P, P], P)] * 6 + [([P, D], P)] * 3 + [([NE, D], D)])
    assert say.agreement(enough) == (
        "10 pairs of observers rated the same visit: 60% gave the same level and 100% were at most one level "
        "apart; 80% of the 20 levels observers gave on their own matched the rating the team then agreed; "
        f"Krippendorff's alpha is {enough.alpha:.3f}, below 0.667, the least Krippendorff accepts even for "
        "tentative conclusions."
    )
    no_consensus = Agreement(20, 10, 10, 10, 0, 0, None)
    assert say.agreement(no_consensus) == (
        "10 pairs of observers rated the same visit: 100% gave the same level and 100% were at most one level apart; "
        "Krippendorff's alpha cannot be computed, because every level given was the same."
    )


def test_alpha_readings_follow_krippendorffs_guidance() -> None:
    assert say.alpha(0.8154) == "0.815" and say.alpha(-0.5) == "-0.500"
    assert say.alpha(None) == "cannot be computed: every level given was the same"
    assert say.alpha_reading(0.8).startswith("at or above 0.800")
    assert say.alpha_reading(0.7999).startswith("between 0.667 and 0.800")
    assert say.alpha_reading(0.667).startswith("between 0.667 and 0.800")
    assert say.alpha_reading(0.666).startswith("below 0.667")
    assert say.agreed(7, 20) == "35% (7 of 20)" and say.agreed(0, 0) == "none to compare"


# measured action steps --------------------------------------------------------------------------
FW = m.Framework(
    "continuum",
    "Continuum",
    (m.Level("NE", "Not Evident"), LOW, HIGH, m.Level("S", "Sustaining")),
    (m.Section("s", "Section", (m.Characteristic("talk", "Students talk", "s"),)),),
)


def measured(
    state: str, reached: Span | None = None, level: str = "P", share: int = 50, by: str | dt.date = "next-walkthrough"
) -> Verdict:
    step = m.ActionStep("stems", "Model stems", "Math coach", "2025-10-21-x", target=m.Target("talk", level, share, by))
    judge = FEB if state != measures.PENDING else None
    return Verdict(step, step.target, state, FW, judge, reached)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("verdict", "text"),
    [
        (
            measured(measures.MET, Span(6, 6, 10)),
            "Met at the walkthrough of February 10, 2026: 6 of 10 visits (60%) rated Providing or above (target 50%).",
        ),
        (
            measured(measures.NOT_MET, Span(4, 4, 10)),
            "Not met at the walkthrough of February 10, 2026: 4 of 10 visits (40%) rated Providing or above (target 50%).",
        ),
        (
            measured(measures.MET, Span(8, 10, 10)),
            "Met at the walkthrough of February 10, 2026: at least 80% of 10 visits rated Providing or above (target 50%).",
        ),
        (
            measured(measures.NOT_MET, Span(0, 2, 10)),
            "Not met at the walkthrough of February 10, 2026: at most 20% of 10 visits rated Providing or above "
            "(target 50%).",
        ),
        (
            measured(measures.NOT_MET, Span(4, 5, 11)),
            "Not met at the walkthrough of February 10, 2026: between 36% and 45% of 11 visits rated Providing or above "
            "(target 50%).",
        ),
        (
            measured(measures.NOT_MET, Span(119, 119, 200), share=60),  # 59.5% rounds to 60%: one decimal instead
            "Not met at the walkthrough of February 10, 2026: 119 of 200 visits (59.5%) rated Providing or above "
            "(target 60%).",
        ),
        (
            measured(measures.MET, Span(3, 3, 10), level="S", share=30),
            "Met at the walkthrough of February 10, 2026: 3 of 10 visits (30%) rated Sustaining (target 30%).",
        ),
        (measured(measures.PENDING), "Not yet measured: it is judged at the school's next walkthrough that rates it."),
        (
            measured(measures.PENDING, by=dt.date(2026, 12, 1)),
            "Not yet measured: it is judged at the school's first walkthrough on or after December 1, 2026 that rates it.",
        ),
        (
            measured(measures.WITHHELD),
            "Judged at the walkthrough of February 10, 2026; its result is not shown publicly, because the public site "
            "gives ratings only in two halves of the continuum, and as ranges where numbers are small. Staff and the "
            "walkthrough team see it.",
        ),
    ],
)
def test_verdict_in_every_case(verdict: Verdict, text: str) -> None:
    assert say.verdict(verdict) == text


def test_target_in_words() -> None:
    assert say.target(measured(measures.PENDING)) == (
        "At least 50% of visits rated Providing or above on \u201cStudents talk\u201d, at the school's next "
        "walkthrough that rates it."
    )
    assert say.target(measured(measures.PENDING, level="S", share=25, by=dt.date(2026, 3, 1))) == (
        "At least 25% of visits rated Sustaining on \u201cStudents talk\u201d, at the school's first walkthrough "
        "on or after March 1, 2026 that rates it."
    )
    assert [say.VERDICT_LABELS[s] for s in measures.STATES] == [
        "Met",
        "Not met",
        "Not yet measured",
        "Not shown publicly",
    ]


def test_statuses_and_horizons_have_one_wording() -> None:
    """The model's Literal types, their tuples and their labels name the same words, and no template
    spells a label of its own: every page prints ``say``'s."""
    assert get_args(m.Status) == m.STATUSES and tuple(m.STATUS_LABELS) == m.STATUSES
    assert get_args(m.Horizon) == m.HORIZONS and tuple(m.HORIZON_LABELS) == m.HORIZONS
    assert get_args(m.Extent) == m.EXTENTS and set(m.OPEN_STATUSES) < set(m.STATUSES)
    labels = [label for label in (*m.STATUS_LABELS.values(), *m.HORIZON_LABELS.values()) if " " in label]
    for template in sorted((ROOT / "theme").rglob("*.html")):
        text = template.read_text(encoding="utf-8").lower()
        assert not [label for label in labels if label.lower() in text], template
    say = Say("en", 5)
    assert say.horizon_label(None) == "Not given" and say.horizon_label("week") == "Within a week"
