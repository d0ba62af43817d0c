"""Measured action steps: the verdict at the walkthrough that judges a step, for every audience.

Verdicts are computed from the audience's view and figures; the public sees one only for a target at
the boundary of the public halves, and only when the interval it already publishes implies it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from lwsite.analysis import measures
from lwsite.analysis.figures import Figures
from lwsite.analysis.measures import Verdict, verdict
from lwsite.audience import Rules, view
from lwsite.load.schedule import outline_of
from lwsite.model import (
    ActionStep,
    Audience,
    Characteristic,
    Cycle,
    Focus,
    Framework,
    Level,
    Portfolio,
    Rating,
    Schedule,
    ScheduledVisit,
    School,
    Script,
    Section,
    Target,
    Team,
    TimeBlock,
    school_year_of,
)
from lwsite.render.sentences import Say

FW = Framework(
    "continuum",
    "Continuum",
    (Level("NE", "Not Evident"), Level("D", "Developing"), Level("P", "Providing"), Level("S", "Sustaining")),
    (
        Section(
            "s",
            "Section",
            (Characteristic("talk", "Students talk", "s"), Characteristic("rigor", "Rigorous tasks", "s")),
        ),
    ),
)
TODAY = dt.date(2026, 6, 30)
SAY = Say("en", 3)


def walk(
    day: str,
    levels: str,
    lens: tuple[str, ...] = ("talk",),
    steps: tuple[ActionStep, ...] = (),
    framework: str = "continuum",
) -> Cycle:
    """A walkthrough whose visits were rated ``levels`` (one letter each: N, D, P, S) on the first lens item."""
    date = dt.date.fromisoformat(day)
    ids = {"N": "NE", "D": "D", "P": "P", "S": "S"}
    visits = tuple(ScheduledVisit(i + 1, TimeBlock(dt.time(9, 0), 15)) for i in range(max(1, len(levels))))
    schedule = Schedule(date, None, visits, None)
    scripts = tuple(
        Script(i + 1, f"visit-{i + 1}.md", (), ratings=(Rating(i + 1, lens[0], ids[x]),)) for i, x in enumerate(levels)
    )
    return Cycle(
        id=f"{day}-walk",
        school="oak",
        date=date,
        slug="walk",
        school_year=school_year_of(date, (8, 1)),
        path="",
        focus=Focus("What do students say?", framework, lens),
        team=Team(()),
        schedule=schedule,
        outline=outline_of(schedule, len(scripts)),
        scripts=scripts,
        actions=steps,
    )


def step(
    day: str, level: str = "P", share: int = 50, by: str | dt.date = "next-walkthrough", characteristic: str = "talk"
) -> ActionStep:
    return ActionStep(
        "step", "Model partner talk", "Math coach", f"{day}-walk", target=Target(characteristic, level, share, by)
    )


def judge(cycles: list[Cycle], audience: Audience = Audience.STAFF, today: dt.date = TODAY) -> Verdict:
    full = Portfolio("Oak", frameworks=(FW,), schools=(School("oak", "Oak", "", cycles=tuple(cycles)),))
    rules = Rules(audience, min_group=3)
    seen = view(full, rules, today)
    first = seen.schools[0].cycles[0]
    found = verdict(first.actions[0], seen.schools[0].cycles, Figures(full, rules), FW, today)
    assert found is not None
    return found


START = "2025-06-01"  # in the school year before the walkthroughs that judge (no sum joins them)


# staff and team: exact, level by level -------------------------------------------------------
def test_met_and_not_met_at_the_next_walkthrough_that_rates_it() -> None:
    met = judge([walk(START, "DDD", steps=(step(START),)), walk("2025-12-01", "PPPPPPDDDD")])
    assert met.state == measures.MET and met.judge is not None and met.judge.id == "2025-12-01-walk"
    assert (met.reached.lo, met.reached.hi, met.reached.total) == (6, 6, 10)  # type: ignore[union-attr]
    assert SAY.verdict(met) == (
        "Met at the walkthrough of December 1, 2025: 6 of 10 visits (60%) rated Providing or above (target 50%)."
    )
    missed = judge([walk(START, "DDD", steps=(step(START),)), walk("2025-12-01", "PPPPDDDDDD")])
    assert missed.state == measures.NOT_MET
    assert SAY.verdict(missed) == (
        "Not met at the walkthrough of December 1, 2025: 4 of 10 visits (40%) rated Providing or above (target 50%)."
    )


def test_exactly_the_target_is_met() -> None:
    assert judge([walk(START, "D", steps=(step(START),)), walk("2025-12-01", "SSPPPDDDDD")]).state == measures.MET


def test_a_level_that_is_not_the_boundary_counts_that_level_and_above() -> None:
    found = judge([walk(START, "D", steps=(step(START, level="S", share=30),)), walk("2025-12-01", "SSPPPPDDDD")])
    assert found.state == measures.NOT_MET and found.reached.lo == 2  # type: ignore[union-attr]
    assert found.level_label == "Sustaining"
    assert SAY.target(found) == (
        "At least 30% of visits rated Sustaining on \u201cStudents talk\u201d, at the "
        "school's next walkthrough that rates it."
    )


def test_not_yet_measured() -> None:
    alone = judge([walk(START, "D", steps=(step(START),))])
    assert alone.state == measures.PENDING and alone.judge is None
    assert SAY.verdict(alone) == "Not yet measured: it is judged at the school's next walkthrough that rates it."
    other = judge([walk(START, "D", steps=(step(START),)), walk("2025-12-01", "PPPP", lens=("rigor",))])
    assert other.state == measures.PENDING  # the next walkthrough did not rate it
    later = judge([walk(START, "D", steps=(step(START),)), walk("2026-09-01", "PPPP")])
    assert later.state == measures.PENDING  # it has not happened yet
    other_framework = judge([walk(START, "D", steps=(step(START),)), walk("2025-12-01", "PPPP", framework="other")])
    assert other_framework.state == measures.PENDING


def test_by_a_date_skips_walkthroughs_before_it() -> None:
    by = dt.date(2026, 3, 1)
    found = judge(
        [
            walk(START, "D", steps=(step(START, by=by),)),
            walk("2025-12-01", "PPPP"),
            walk("2026-03-01", "DDDD"),
            walk("2026-05-01", "PPPP"),
        ]
    )
    assert found.state == measures.NOT_MET and found.judge.id == "2026-03-01-walk"  # type: ignore[union-attr]
    pending = judge([walk(START, "D", steps=(step(START, by=by),)), walk("2025-12-01", "PPPP")])
    assert SAY.verdict(pending) == (
        "Not yet measured: it is judged at the school's first walkthrough on or after March 1, 2026 that rates it."
    )


def test_a_step_can_be_done_and_not_met() -> None:
    done = ActionStep(
        "step", "Model partner talk", "Math coach", f"{START}-walk", status="done", target=Target("talk", "P", 50)
    )
    found = judge([walk(START, "D", steps=(done,)), walk("2025-12-01", "PDDD")])
    assert found.state == measures.NOT_MET and found.step.status == "done"


def test_rounding_never_puts_a_figure_on_the_wrong_side_of_its_target() -> None:
    """119 of 200 visits is 59.5%: rounded, 60%, but short of a 60% target."""
    found = judge([walk(START, "D", steps=(step(START, share=60),)), walk("2025-12-01", "P" * 119 + "D" * 81)])
    assert found.state == measures.NOT_MET
    assert "119 of 200 visits (59.5%) rated Providing or above (target 60%)" in SAY.verdict(found)


# the public: halves, and only what the published interval implies ---------------------------
def test_public_sees_a_verdict_its_exact_figure_implies() -> None:
    found = judge([walk(START, "D", steps=(step(START),)), walk("2025-12-01", "PPPPPPDDDD")], Audience.PUBLIC)
    assert found.state == measures.MET and found.reached.exact  # type: ignore[union-attr]


def test_public_sees_a_verdict_a_range_implies() -> None:
    """1 of 10 in the upper half is "fewer than 3": at most 20%, below a 50% target whatever the count."""
    found = judge([walk(START, "D", steps=(step(START),)), walk("2025-12-01", "PDDDDDDDDD")], Audience.PUBLIC)
    assert found.state == measures.NOT_MET and not found.reached.exact  # type: ignore[union-attr]
    assert SAY.verdict(found) == (
        "Not met at the walkthrough of December 1, 2025: at most 20% of 10 visits rated "
        "Providing or above (target 50%)."
    )


def test_public_never_sees_a_verdict_that_narrows_a_range() -> None:
    """The same "at most 20%" straddles a 10% target: met or not would tell whether the count is 0 or more."""
    found = judge([walk(START, "D", steps=(step(START, share=10),)), walk("2025-12-01", "PDDDDDDDDD")], Audience.PUBLIC)
    assert found.state == measures.WITHHELD and found.reached is None
    assert SAY.verdict(found).startswith(
        "Judged at the walkthrough of December 1, 2025; its result is not shown publicly"
    )
    staff = judge([walk(START, "D", steps=(step(START, share=10),)), walk("2025-12-01", "PDDDDDDDDD")])
    assert staff.state == measures.MET  # staff and team see it


def test_public_never_sees_a_verdict_on_a_level_inside_a_half() -> None:
    cycles = [walk(START, "D", steps=(step(START, level="S", share=10),)), walk("2025-12-01", "SSSSSSSSSS")]
    assert judge(cycles, Audience.PUBLIC).state == measures.WITHHELD
    assert judge(cycles, Audience.TEAM).state == measures.MET


def test_public_pending_is_said_the_same_way() -> None:
    assert judge([walk(START, "D", steps=(step(START, level="S"),))], Audience.PUBLIC).state == measures.PENDING


def test_counts_list_every_state_and_withheld_only_when_there_is_one() -> None:
    met = judge([walk(START, "D", steps=(step(START),)), walk("2025-12-01", "PPPPPPDDDD")])
    pending = judge([walk(START, "D", steps=(step(START),))])
    assert measures.counts([met, met, pending]) == (("met", 2), ("not-met", 0), ("not-yet-measured", 1))
    withheld = judge([walk(START, "D", steps=(step(START, level="S"),)), walk("2025-12-01", "SSSS")], Audience.PUBLIC)
    assert measures.counts([withheld]) == (("met", 0), ("not-met", 0), ("not-yet-measured", 0), ("not-shown", 1))


# the demo ---------------------------------------------------------------------------------------
def text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<svg.*?</svg>", "", raw[raw.index('class="lw-page"') :], flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


@pytest.mark.parametrize("audience", ["public", "staff", "team"])
def test_demo_chains_show_met_and_not_met(demo_sites: dict[str, Path], audience: str) -> None:
    site = demo_sites[audience]
    lincoln = "schools/lincoln-elementary"
    not_met = text(site / f"{lincoln}/2025-02-11-reasoning-check/actions/index.html")
    met = text(site / f"{lincoln}/2025-10-21-whole-class-talk/actions/index.html")
    if audience == "public":  # the published figure of May 2025 is a range, below the target at both ends
        assert (
            "Not met at the walkthrough of May 6, 2025: between 36% and 45% of 11 visits rated Providing or "
            "above (target 50%)."
        ) in not_met
    else:
        assert (
            "Not met at the walkthrough of May 6, 2025: 5 of 11 visits (45%) rated Providing or above (target 50%)."
        ) in not_met
    assert "Status Done" in not_met  # done, and not met: both shown
    assert (
        "Met at the walkthrough of February 10, 2026: 5 of 9 visits (56%) rated Providing or above (target 50%)."
    ) in met
    bayview = text(site / "schools/bayview-middle/2025-03-18-discussion/actions/index.html")
    assert "Not met at the walkthrough of November 4, 2025: 5 of 11 visits (45%)" in bayview
    bayview_met = text(site / "schools/bayview-middle/2025-11-04-discourse-rigor/actions/index.html")
    assert "Met at the walkthrough of March 3, 2026: 5 of 8 visits (63%)" in bayview_met
    pending = text(site / f"{lincoln}/2026-02-10-vocabulary/actions/index.html")
    assert (
        "Not yet measured: it is judged at the school's first walkthrough on or after December 1, 2026 that rates it."
    ) in pending
    ledger = text(site / "actions/index.html")
    assert "Steps with a measured target, by result Result Steps Met 2 Not met 2 Not yet measured 2" in ledger
    assert "( Done ; target not met)" in ledger  # a step that is done and not met, in its chain
    trends = (site / f"{lincoln}/trends/index.html").read_text(encoding="utf-8")
    assert "Targets of action steps drawn in the chart (dotted lines)" in trends
    assert "Dotted lines are the targets of action steps" in trends  # the chart's description


def test_a_carried_measure_keeps_its_target_and_is_judged_at_the_next_walkthrough() -> None:
    """lwsite new cycle --like carries open steps: a structured measure stays structured, in the format."""
    import yaml

    from lwsite.scaffold import carried_actions_yml

    text = carried_actions_yml([step(START, level="S", share=30, by=dt.date(2026, 3, 1))], f"{START}-walk")
    measure = yaml.safe_load(text)[0]["measure"]
    assert measure == {"characteristic": "talk", "at_least": "S", "share": "30%", "by": "next-walkthrough"}
    assert "# it was to be judged by 2026-03-01" in text
