"""The domain: what a walkthrough portfolio is, as plain typed objects.

Everything here is data. Loading (``lwsite.load``) makes these objects from content files,
analysis (``lwsite.analysis``) computes over them, the audience filter (``lwsite.audience``)
removes what a reader may not see, and rendering (``lwsite.render``) turns them into pages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Literal, get_args

# A content text's other languages: {language: {field: value}}, where a value is the text, or
# for a list of texts a tuple holding each item's translation (None where an item has none).
# Never compared or hashed: two objects that differ only in their translations are equal.
Translations = Mapping[str, Mapping[str, Any]]

# (a ``translations`` field: ``field(default_factory=dict, compare=False, repr=False)``; see lwsite.i18n.localize)


class Audience(IntEnum):
    """Who a build is for, lowest first: each sees what the ones below see, and more."""

    PUBLIC = 0
    STAFF = 1
    TEAM = 2

    @classmethod
    def parse(cls, value: str) -> Audience:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown audience '{value}': use public, staff or team") from None

    @property
    def label(self) -> str:
        return self.name.lower()


# The closed vocabularies of the content: each a Literal type, its values in order (what the loader
# accepts, in the order pages list them) and, where pages print it, its one wording. Templates
# read the labels through ``say`` (``say.STATUS_LABELS``), never spelling a label of their own.
Extent = Literal["few", "some", "many", "most"]  # how widely a debrief pattern was seen
Horizon = Literal["week", "month", "year"]  # how soon an action step should be done
Status = Literal["planned", "in-progress", "done", "dropped"]  # an action step's status
CycleStatus = Literal["draft", "published"]
Segment = Literal["beginning", "middle", "end"]  # of the lesson, when evidence was seen
MessageKind = Literal["announcement", "family-letter", "summary", "highlights"]

EXTENTS: tuple[Extent, ...] = get_args(Extent)
HORIZONS: tuple[Horizon, ...] = get_args(Horizon)
STATUSES: tuple[Status, ...] = get_args(Status)
CYCLE_STATUSES: tuple[CycleStatus, ...] = get_args(CycleStatus)
SEGMENTS: tuple[Segment, ...] = get_args(Segment)
MESSAGE_KINDS: tuple[MessageKind, ...] = get_args(MessageKind)
OPEN_STATUSES: tuple[Status, ...] = ("planned", "in-progress")  # a step still to be done
# The English names of a status and a horizon, for data files (CSV, JSON); every page names them
# in its language from the catalogs' status.* and horizon.* (lwsite/i18n).
STATUS_LABELS: dict[Status, str] = {
    "planned": "Planned",
    "in-progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}
HORIZON_LABELS: dict[Horizon, str] = {
    "week": "Within a week",
    "month": "Within a month",
    "year": "Within the school year",
}
BRINGS = ("focus-expertise", "facilitation", "credibility")
DEFAULT_GUIDING_QUESTIONS = (
    "What tasks are students engaged in?",
    "What do I hear the students and teacher saying?",
    "What instructional practices do I observe?",
    "What artifacts are evident that relate to the Focus of Inquiry?",
)


@dataclass(frozen=True)
class Level:
    id: str
    label: str
    description: str | None = None
    translations: Translations = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Characteristic:
    id: str
    title: str
    section: str
    description: str | None = None
    translations: Translations = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    characteristics: tuple[Characteristic, ...]
    translations: Translations = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Framework:
    id: str
    title: str
    levels: tuple[Level, ...]
    sections: tuple[Section, ...]
    translations: Translations = field(default_factory=dict, compare=False, repr=False)

    @property
    def characteristics(self) -> tuple[Characteristic, ...]:
        return tuple(c for s in self.sections for c in s.characteristics)

    def characteristic(self, cid: str) -> Characteristic | None:
        return next((c for c in self.characteristics if c.id == cid), None)

    def level(self, lid: str) -> Level | None:
        return next((lv for lv in self.levels if lv.id == lid), None)


@dataclass(frozen=True)
class Privacy:
    roster: str | None = None
    min_group: int = 3
    publish_team_names: bool = False
    public_school_comparison: bool = False
    allow_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Room:
    code: str
    grade: str | None = None


@dataclass(frozen=True)
class TimeBlock:
    start: dt.time
    minutes: int

    @property
    def end(self) -> dt.time:
        total = self.start.hour * 60 + self.start.minute + self.minutes
        if total >= 24 * 60:
            return dt.time(23, 59)
        return dt.time(total // 60, total % 60)


@dataclass(frozen=True)
class ScheduledVisit:
    number: int
    block: TimeBlock
    group: str | None = None
    grade: str | None = None
    subject: str | None = None
    room: str | None = None


@dataclass(frozen=True)
class OutlineBlock:
    """A visiting block of the day: one group's run of visits, shown without its label."""

    ordinal: int
    start: dt.time
    end: dt.time
    visits: int
    group: str | None = None  # the group's label, team audience only


@dataclass(frozen=True)
class Outline:
    """The day's outline, which every audience may see: no per-visit rows."""

    orientation: TimeBlock | None
    blocks: tuple[OutlineBlock, ...]
    debrief: TimeBlock | None
    visits: int  # visits scheduled
    grades: tuple[tuple[str, int], ...]
    subjects: tuple[tuple[str, int], ...]
    minutes: int | None = None  # the most common length of a visit
    scripted: int = 0  # visits with a script (after the day; may be fewer than scheduled)


@dataclass(frozen=True)
class Schedule:
    date: dt.date
    orientation: TimeBlock | None
    visits: tuple[ScheduledVisit, ...]
    debrief: TimeBlock | None

    def visit(self, number: int) -> ScheduledVisit | None:
        return next((v for v in self.visits if v.number == number), None)


@dataclass(frozen=True)
class TeamMember:
    role: str
    name: str | None = None
    group: str | None = None
    brings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Team:
    members: tuple[TeamMember, ...]
    hall_work: int | None = None
    debrief: str | None = None


@dataclass(frozen=True)
class Evidence:
    text: str
    visit: int
    line: int
    characteristic: str | None = None


@dataclass(frozen=True)
class Rating:
    visit: int
    characteristic: str
    level: str


@dataclass(frozen=True)
class IndependentRating:
    """One observer's own level before the team agreed its rating (by role, never by name)."""

    visit: int
    observer: str  # a role of the visit's observers ("Teacher 1" when a role observed twice)
    characteristic: str
    level: str


@dataclass(frozen=True)
class Script:
    visit: int
    path: str
    evidence: tuple[Evidence, ...]
    observers: tuple[str, ...] = ()
    segment: Segment | None = None
    ratings: tuple[Rating, ...] = ()
    wonderings: tuple[str, ...] = ()
    narrative: str | None = None
    independent: tuple[IndependentRating, ...] = ()


@dataclass(frozen=True)
class Focus:
    question: str
    framework: str
    characteristics: tuple[str, ...]
    improvement_goal: str | None = None
    look_fors: tuple[str, ...] = ()
    guiding_questions: tuple[str, ...] = DEFAULT_GUIDING_QUESTIONS
    status: CycleStatus = "published"
    narrative: str | None = None
    translations: Translations = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Claim:
    """A debrief pattern (with ``extent``) or a strength (``extent`` None)."""

    claim: str
    visits: tuple[int, ...]
    extent: Extent | None = None
    characteristic: str | None = None
    translations: Translations = field(default_factory=dict, compare=False, repr=False)


Pattern = Claim
Strength = Claim


@dataclass(frozen=True)
class Debrief:
    patterns: tuple[Claim, ...] = ()
    strengths: tuple[Claim, ...] = ()
    wonderings: tuple[str, ...] = ()
    prediction: str | None = None
    quick_wins: tuple[str, ...] = ()
    message: str | None = None
    reflection: str | None = None
    narrative: str | None = None
    translations: Translations = field(default_factory=dict, compare=False, repr=False)


NEXT_WALKTHROUGH = "next-walkthrough"


@dataclass(frozen=True)
class Target:
    """A measured action step's target: a share of visits rated at or above a level, and when to judge it.

    ``by`` is NEXT_WALKTHROUGH (the school's next walkthrough that rates the characteristic) or a
    date (its first such walkthrough on or after that date).
    """

    characteristic: str
    level: str  # a level id of the step's framework
    share: int  # whole percent, 1 to 100
    by: str | dt.date = NEXT_WALKTHROUGH


@dataclass(frozen=True)
class ActionStep:
    id: str
    action: str
    owner: str
    cycle: str  # the cycle id it belongs to
    horizon: Horizon | None = None
    due: dt.date | None = None
    status: Status = "planned"
    measure: str | None = None
    carries: str | None = None  # "<cycle-id>/<action-id>" of the same school
    outcome: str | None = None
    line: int = 1
    translations: Translations = field(default_factory=dict, compare=False, repr=False)
    target: Target | None = None  # a structured measure (then ``measure`` is None)

    @property
    def key(self) -> str:
        return f"{self.cycle}/{self.id}"

    @property
    def agreed(self) -> dt.date:
        """The walkthrough's date, when the step was agreed (its cycle id starts with it)."""
        return dt.date.fromisoformat(self.cycle[:10])

    @property
    def timeframe(self) -> Horizon | None:
        """The horizon pages show: the one its due date implies when it has one (so the two never
        contradict), else the written one."""
        if self.due is None:
            return self.horizon
        days = (self.due - self.agreed).days
        return "week" if days <= 10 else "month" if days <= 45 else "year"

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: dt.date) -> bool:
        """Past its due date and neither done nor dropped."""
        return self.due is not None and self.due < today and self.open


@dataclass(frozen=True)
class Message:
    kind: str
    lang: str | None  # None: every language of the kind
    body: str
    path: str
    title: str | None = None
    audience: Audience = Audience.PUBLIC
    withheld: bool = False  # for a higher audience: only that it exists (body and title removed)


@dataclass(frozen=True)
class Cycle:
    id: str
    school: str
    date: dt.date
    slug: str
    school_year: str
    path: str
    focus: Focus
    team: Team
    schedule: Schedule
    outline: Outline
    scripts: tuple[Script, ...] = ()
    debrief: Debrief | None = None
    actions: tuple[ActionStep, ...] = ()
    messages: tuple[Message, ...] = ()
    rooms: tuple[str, ...] = ()  # the rooms visited that day, sorted by code (never in visit order)

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return tuple(e for s in self.scripts for e in s.evidence)

    @property
    def ratings(self) -> tuple[Rating, ...]:
        return tuple(r for s in self.scripts for r in s.ratings)

    @property
    def independent(self) -> tuple[IndependentRating, ...]:
        return tuple(r for s in self.scripts for r in s.independent)

    def message(self, kind: str, lang: str | None = None) -> Message | None:
        exact = [m for m in self.messages if m.kind == kind and m.lang == lang]
        generic = [m for m in self.messages if m.kind == kind and m.lang is None]
        found = exact or generic
        return found[0] if found else None


@dataclass(frozen=True)
class School:
    id: str
    name: str
    path: str
    grades: str | None = None
    classrooms: int | None = None
    rooms: tuple[Room, ...] = ()
    description: str | None = None
    cycles: tuple[Cycle, ...] = ()
    translations: Translations = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Portfolio:
    name: str
    kind: str = "school"
    contact: str | None = None
    description: str | None = None
    school_year_start: tuple[int, int] = (8, 1)
    language: str = "en"  # the site's own language: the root of the site, and every text's first language
    languages: tuple[str, ...] = ("en",)  # every language of the site, the site's own first
    timezone: str | None = None
    privacy: Privacy = field(default_factory=Privacy)
    frameworks: tuple[Framework, ...] = ()
    schools: tuple[School, ...] = ()
    translations: Translations = field(default_factory=dict, compare=False, repr=False)
    # the portfolio's own catalogs (catalogs/<lang>.yml): {language: table}, over lwsite's
    catalogs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def letter_languages(self) -> tuple[str, ...]:
        """The old name of ``languages`` (family letters are made in every language of the site)."""
        return self.languages

    def framework(self, fid: str) -> Framework | None:
        return next((f for f in self.frameworks if f.id == fid), None)

    def school(self, sid: str) -> School | None:
        return next((s for s in self.schools if s.id == sid), None)

    @property
    def cycles(self) -> tuple[Cycle, ...]:
        """Every cycle, newest first."""
        return tuple(
            sorted(
                (c for s in self.schools for c in s.cycles),
                key=lambda c: (c.date, c.school, c.id),
                reverse=True,
            )
        )


def grade_order(grade: str) -> tuple[int, str]:
    """Sort key for grades as people write them: PK, K, 1, 2, ... 12, then anything else."""
    g = grade.strip()
    if g.upper() in ("PK", "PRE-K"):
        return (-2, g)
    if g.upper() == "K":
        return (-1, g)
    digits = re.match(r"\d+", g)
    return (int(digits.group()) if digits else 99, g)


def school_year_of(day: dt.date, start: tuple[int, int]) -> str:
    """The school year label ("2025-26") of a date, given the year's first month-day."""
    first = day.year if (day.month, day.day) >= start else day.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


def school_year_bounds(label: str, start: tuple[int, int]) -> tuple[dt.date, dt.date]:
    """First and last day of a school year label."""
    first = int(label[:4])
    begin = dt.date(first, *start)
    end = dt.date(first + 1, *start) - dt.timedelta(days=1)
    return begin, end
