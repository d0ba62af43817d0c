"""What each audience may see, decided once, here.

``TABLE`` is the one statement of who sees what: every field of the content format, by the
lowest audience that may read it. The content reference prints it (``reference_table``), the
marker-scan test plants a marker in every field and checks each reaches exactly those
audiences, and ``Rules`` and ``view`` below read it. ``view`` returns a copy of the portfolio
from which everything the audience may not see has been removed, so that nothing later (a
feature, a template) can leak it by accident.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .model import Audience, Cycle, Debrief, Message, Outline, Portfolio, School, Script, Team

PUBLIC, STAFF, TEAM = Audience.PUBLIC, Audience.STAFF, Audience.TEAM
OWN = "its own front matter"  # a message's audience is its own


@dataclass(frozen=True)
class Row:
    """One row of the audience table: some fields, and the lowest audience that sees them."""

    what: str  # how the content reference names them
    audience: Audience | str  # an Audience, or OWN
    fields: tuple[str, ...]  # "file-kind:path" as the marker-scan test names fields
    until_the_day: bool = False  # shown only until the walkthrough's date has passed
    cells: tuple[str, str, str] | None = None  # what the reference prints, when "yes"/"no" says too little


TABLE: tuple[Row, ...] = (
    Row(
        "the portfolio, its schools and frameworks",
        PUBLIC,
        (
            "portfolio:name",
            "portfolio:contact",
            "portfolio:description",
            "school:name",
            "school:grades",
            "school:description",
            "framework:title",
            "framework:levels[].label",
            "framework:levels[].description",
            "framework:sections[].title",
            "framework:sections[].characteristics[].title",
            "framework:sections[].characteristics[].description",
        ),
    ),
    Row(
        "the Focus of Inquiry: question, improvement goal, look-fors, why this focus",
        PUBLIC,
        ("focus:question", "focus:improvement_goal", "focus:look_fors[]", "focus:body"),
    ),
    Row(
        "the team's roles; the day's outline (times of the orientation, of each visiting block and of the "
        "debrief; visits counted by grade and by subject)",
        PUBLIC,
        ("team:members[].role", "schedule:visits[].grade", "schedule:visits[].subject"),
    ),
    Row(
        "the debrief's patterns, strengths, prediction, quick wins and message",
        PUBLIC,
        (
            "debrief:patterns[].claim",
            "debrief:strengths[].claim",
            "debrief:prediction",
            "debrief:quick_wins[]",
            "debrief:message",
        ),
    ),
    Row(
        "action steps: the step, its owner (a role or a team), horizon, due date, status, measure and "
        "outcome, and whether it is past its due date",
        PUBLIC,
        ("actions:[].action", "actions:[].owner", "actions:[].measure", "actions:[].outcome"),
    ),
    Row(
        "trend figures, charts and data downloads: visits rated on each characteristic, evidence items per "
        "visit scripted",
        PUBLIC,
        (),
        cells=(
            "in two halves of the continuum, under the disclosure rule below",
            "every level, exact",
            "every level, exact",
        ),
    ),
    Row(
        "scripted evidence, labeled by visit number only; the wonderings after each visit; the visits "
        "behind each pattern and strength; the debrief's wonderings, reflection and notes",
        STAFF,
        ("script:evidence", "script:wonderings[]", "debrief:wonderings[]", "debrief:reflection", "debrief:body"),
    ),
    Row(
        "ratings per visit; observers; the part of the lesson; script notes; guiding questions; visiting "
        "groups; what members bring; hall work and debrief timing; team members' names (everyone's with "
        "publish_team_names: true)",
        TEAM,
        (
            "script:narrative",
            "script:observers[]",
            "focus:guiding_questions[]",
            "team:members[].group",
            "team:members[].name",
            "team:debrief",
        ),
    ),
    Row(
        "the visit schedule (each visit's time, group, grade, subject and room) and the observer packet",
        TEAM,
        ("schedule:visits[].group", "schedule:visits[].room"),
        until_the_day=True,
    ),
    Row(
        "room codes, with the date each room was last visited (never with a visit number)",
        TEAM,
        ("school:rooms[].code", "school:rooms[].grade"),
    ),
    Row("the evidence-quality pages (a calibration aid, never by observer)", TEAM, ()),
    Row(
        "each observer's own level before consensus (independent), and the calibration pages made from them: "
        "agreement figures by walkthrough and school, never by observer or role",
        TEAM,
        ("script:independent.*",),
    ),
    Row("hand-written messages (messages/*.md)", OWN, ("message:title", "message:body")),
)

# Fields that are not free text: ids, levels, dates, times, settings (never shown as written).
NOT_TEXT: tuple[str, ...] = (
    "portfolio:kind",
    "portfolio:school_year_start",
    "portfolio:language",
    "portfolio:letter_languages[]",
    "portfolio:languages[]",
    "portfolio:timezone",
    "portfolio:privacy.roster",
    "portfolio:privacy.allow_words[]",
    "framework:levels[].id",
    "framework:sections[].id",
    "framework:sections[].characteristics[].id",
    "focus:framework",
    "focus:characteristics[]",
    "focus:status",
    "team:members[].brings[]",
    "schedule:visits[].start",
    "schedule:orientation.start",
    "schedule:debrief.start",
    "script:segment",
    "script:ratings.*",
    "debrief:patterns[].extent",
    "debrief:patterns[].characteristic",
    "debrief:strengths[].characteristic",
    "actions:[].id",
    "actions:[].horizon",
    "actions:[].status",
    "actions:[].carries",
    "message:audience",
    "actions:[].measure.characteristic",
    "actions:[].measure.at_least",
    "actions:[].measure.share",
    "actions:[].measure.by",
)


def lowest(field: str) -> Audience | str | None:
    """The lowest audience that sees a field (OWN for messages), None for a field that is not text.

    A field the table does not name raises KeyError: every field needs a rule.
    """
    if field in NOT_TEXT:
        return None
    for row in TABLE:
        if field in row.fields:
            return row.audience
    raise KeyError(f"no audience rule for the field {field}")


def until_the_day(field: str) -> bool:
    return any(field in row.fields and row.until_the_day for row in TABLE)


def reference_table() -> str:
    """The audience table as the content reference prints it (Markdown)."""
    lines = ["| content | public | staff | team |", "|---|---|---|---|"]
    for row in TABLE:
        if row.cells is not None:
            cells = list(row.cells)
        elif row.audience == OWN:
            cells = ["as its `audience:` says (default public)"] * 3
        else:
            assert isinstance(row.audience, Audience)
            yes = "until the day" if row.until_the_day else "yes"
            cells = [yes if a >= row.audience else "no" for a in (PUBLIC, STAFF, TEAM)]
        lines.append(f"| {row.what} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _at(field: str) -> Audience:
    found = lowest(field)
    assert isinstance(found, Audience), field
    return found


@dataclass(frozen=True)
class Rules:
    """The questions pages ask of an audience, each answered from ``TABLE``."""

    audience: Audience
    publish_team_names: bool = False
    public_school_comparison: bool = False
    min_group: int = 3

    def sees(self, field: str) -> bool:
        return self.audience >= _at(field)

    @property
    def staff(self) -> bool:
        return self.audience >= STAFF

    @property
    def team(self) -> bool:
        return self.audience >= TEAM

    @property
    def show_evidence(self) -> bool:  # scripted evidence and per-visit wonderings
        return self.sees("script:evidence")

    @property
    def show_visit_numbers(self) -> bool:  # visit numbers cited by patterns and strengths
        return self.sees("script:evidence")

    @property
    def show_debrief_notes(self) -> bool:  # debrief wonderings, reflection and narrative
        return self.sees("debrief:reflection")

    @property
    def show_ratings(self) -> bool:  # ratings per visit
        return self.sees("script:narrative")

    @property
    def show_schedule_rows(self) -> bool:  # per-visit schedule rows, until the walkthrough's day
        return self.sees("schedule:visits[].room")

    @property
    def show_rooms(self) -> bool:  # room codes and when each was last visited
        return self.sees("school:rooms[].code")

    @property
    def show_team_details(self) -> bool:  # observers, what members bring, visiting groups, hall work
        return self.sees("team:members[].group")

    @property
    def show_quality_report(self) -> bool:  # the evidence-quality pages
        return self.team

    @property
    def show_calibration(self) -> bool:  # independent levels and the calibration pages
        return self.sees("script:independent.*")

    @property
    def show_overdue(self) -> bool:  # whether a step is past its due date (neutral words, every audience)
        return self.sees("actions:[].action")

    @property
    def show_team_names(self) -> bool:
        return self.sees("team:members[].name") or self.publish_team_names

    @property
    def suppress_small_counts(self) -> bool:
        return not self.staff

    @property
    def compare_schools(self) -> bool:
        return self.staff or self.public_school_comparison

    @classmethod
    def for_portfolio(cls, portfolio: Portfolio, audience: Audience) -> Rules:
        return cls(
            audience,
            portfolio.privacy.publish_team_names,
            portfolio.privacy.public_school_comparison,
            portfolio.privacy.min_group,
        )


def view(portfolio: Portfolio, rules: Rules, today: dt.date | None = None) -> Portfolio:
    """The portfolio as the audience may see it on ``today`` (the reference date)."""
    day = today or dt.date.today()
    return replace(
        portfolio,
        schools=tuple(_school(s, rules, day) for s in portfolio.schools),
    )


def _school(school: School, rules: Rules, today: dt.date) -> School:
    return replace(
        school,
        rooms=school.rooms if rules.show_rooms else (),
        cycles=tuple(_cycle(c, rules, today) for c in school.cycles),
    )


def _cycle(cycle: Cycle, rules: Rules, today: dt.date) -> Cycle:
    # once the day has passed, nothing joins a room to a visit: no per-visit rows at all
    rows = rules.show_schedule_rows and cycle.date >= today
    return replace(
        cycle,
        focus=cycle.focus if rules.sees("focus:guiding_questions[]") else replace(cycle.focus, guiding_questions=()),
        team=_team(cycle.team, rules),
        schedule=cycle.schedule if rows else replace(cycle.schedule, visits=()),
        outline=_outline(cycle.outline, rules),
        scripts=tuple(_script(s, rules) for s in cycle.scripts) if rules.show_evidence else (),
        debrief=_debrief(cycle.debrief, rules) if cycle.debrief else None,
        messages=tuple(m if m.audience <= rules.audience else _withheld(m) for m in cycle.messages),
        rooms=cycle.rooms if rules.show_rooms else (),
    )


def _withheld(message: Message) -> Message:
    """A message for a higher audience: only that it exists (it replaces the generated one)."""
    return replace(message, body="", title=None, withheld=True)


def _team(team: Team, rules: Rules) -> Team:
    if rules.show_team_details:
        return team
    members = tuple(
        replace(m, name=m.name if rules.show_team_names else None, group=None, brings=()) for m in team.members
    )
    return Team(members=members, hall_work=None, debrief=None)


def _outline(outline: Outline, rules: Rules) -> Outline:
    if rules.show_team_details:
        return outline
    return replace(outline, blocks=tuple(replace(b, group=None) for b in outline.blocks))


def _script(script: Script, rules: Rules) -> Script:
    if not rules.show_calibration:
        script = replace(script, independent=())
    if rules.show_ratings:
        return script
    return replace(script, observers=(), segment=None, ratings=(), narrative=None, path="")


def _debrief(debrief: Debrief, rules: Rules) -> Debrief:
    if rules.show_debrief_notes:
        return debrief
    return replace(
        debrief,
        patterns=tuple(replace(p, visits=()) for p in debrief.patterns),
        strengths=tuple(replace(s, visits=()) for s in debrief.strengths),
        wonderings=(),
        reflection=None,
        narrative=None,
    )
