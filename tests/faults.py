"""Malformed portfolios for the bad-input suite: one fault each, with the line it must report.

Each fault is a small edit of the minimal fixture (tests/fixtures/minimal). ``edits`` maps a
path relative to the content folder to its new text (``str``), raw bytes, ``None`` to delete
the file, or a function of the old text. ``expect`` is the exact ``path:line`` (relative to
the content folder) of the one error line it must produce; ``says`` is a fragment of the
message, which must tell the user what went wrong and what to do.

A fault with ``docs`` puts pages into the site's own ``docs/`` as well: ``lwsite check
CONTENT_DIR`` scans the docs folder of the mkdocs.yml beside the content folder, as the build
does, so such a fault too has its one error line from both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

C = "schools/oak/cycles/2025-10-14-talk"
Edit = str | bytes | None | Callable[[str], str]


def replace(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, f"fault fixture out of date: {old!r} not found"
        return text.replace(old, new, 1)

    return edit


def append(extra: str) -> Callable[[str], str]:
    return lambda text: text + extra


@dataclass(frozen=True)
class Fault:
    name: str
    category: str
    edits: dict[str, Edit]
    expect: str  # "path:line"
    says: str
    docs: dict[str, str] = field(default_factory=dict)  # pages of the site's own docs/


@dataclass(frozen=True)
class Control:
    """Unusual but valid content: the check and the build must both pass."""

    name: str
    edits: dict[str, Edit]
    not_in_site: str | None = None  # a string no path of the built site may contain
    warns: bool = False  # valid with a warning: the check passes, a build passes unless --strict


# A second school with a launch cycle of its own, for the carry across schools.
SECOND_SCHOOL = {
    "schools/elm/school.yml": "name: Elm Middle\n",
    "schools/elm/cycles/2025-09-10-launch/focus.md": (
        "---\nquestion: What do students say?\nframework: continuum\ncharacteristics: [questioning]\n---\n"
    ),
    "schools/elm/cycles/2025-09-10-launch/team.yml": "members:\n  - role: Principal\n    group: A\n",
    "schools/elm/cycles/2025-09-10-launch/schedule.yml": (
        'date: 2025-09-10\nvisits:\n  - {visit: 1, start: "09:00", minutes: 15, group: A}\n'
    ),
    "schools/elm/cycles/2025-09-10-launch/actions.yml": (
        "- id: charts\n  action: Post anchor charts\n  owner: Grade 6 team\n"
    ),
}

DRAFT_FOCUS = "---\nquestion: Later?\nframework: continuum\ncharacteristics: [questioning]\nstatus: draft\n---\n"
FRAMEWORK = (
    "title: Second continuum\nlevels:\n  - {id: D, label: Developing}\n  - {id: P, label: Providing}\n"
    "sections:\n  - id: talk\n    title: Talk\n    characteristics:\n      - id: talk-moves\n"
    "        title: Talk moves\n"
)

# visit-2.md's front matter goes on with observers (line 5), independent (6) and two roles (7, 8)
INDEPENDENT = (
    "  student-discourse: P\nobservers: {observers}\nindependent:\n  {first}: {{student-discourse: P}}\n"
    "  {second}: {{student-discourse: {level}}}\n"
)
MEASURE = "  measure: {{{}}}"

FAULTS: list[Fault] = [
    # broken YAML: the line where the unclosed bracket or quote opens
    Fault(
        "broken-yaml",
        "broken YAML",
        {f"{C}/team.yml": replace("role: Math coach", "role: [Math coach")},
        f"{C}/team.yml:8",
        "the '[' on this line is not closed",
    ),
    Fault(
        "unclosed-quote",
        "broken YAML",
        {f"{C}/team.yml": replace("role: Math coach", 'role: "Math coach')},
        f"{C}/team.yml:8",
        "never closed: close it",
    ),
    Fault(
        "nul-character",
        "broken YAML",
        {f"{C}/team.yml": replace("hall_work: 3", "hall_work: 3\x00")},
        f"{C}/team.yml:1",
        "U+0000 is not allowed",
    ),
    Fault(
        "pasted-line-separator",
        "broken YAML",
        {f"{C}/team.yml": replace("role: Math coach", "role: Math\u2028coach")},
        f"{C}/team.yml:8",
        "invisible line break (U+2028",
    ),
    Fault(
        "tab-indented",
        "tab-indented file",
        {f"{C}/team.yml": replace("    group: B", "\tgroup: B")},
        f"{C}/team.yml:9",
        "indent with spaces",
    ),
    Fault(
        "front-matter-not-closed",
        "front matter not closed",
        {f"{C}/scripts/visit-2.md": "---\nvisit: 2\n- 3 of 4 groups used strips.\n"},
        f"{C}/scripts/visit-2.md:1",
        "front matter is not closed",
    ),
    Fault(
        "front-matter-closed-with-spaces",
        "front matter not closed",
        {f"{C}/scripts/visit-2.md": "---\nvisit: 2\n--- \n- 3 of 4 groups used strips.\n"},
        f"{C}/scripts/visit-2.md:3",
        "exactly --- (no spaces around it)",
    ),
    Fault(
        "missing-schedule",
        "missing required file",
        {f"{C}/schedule.yml": None},
        f"{C}/schedule.yml:1",
        "schedule.yml is missing",
    ),
    Fault(
        "missing-portfolio-name",
        "missing required field",
        {"portfolio.yml": replace("name: Oak Valley Schools\n", "")},
        "portfolio.yml:1",
        "'name' is required",
    ),
    Fault(
        "missing-focus-question",
        "missing required field",
        {f"{C}/focus.md": replace("question: To what extent do students explain their reasoning to peers?\n", "")},
        f"{C}/focus.md:2",
        "'question' is required",
    ),
    Fault(
        "misspelt-required-key",
        "misspelt required key",
        {f"{C}/focus.md": replace("question:", "qestion:")},
        f"{C}/focus.md:2",
        "unknown key 'qestion': did you mean 'question'?",
    ),
    Fault(
        "unknown-key",
        "unknown key",
        {f"{C}/actions.yml": replace("  horizon: month", "  horizen: month")},
        f"{C}/actions.yml:4",
        "did you mean 'horizon'?",
    ),
    Fault(
        "unknown-nested-key",
        "unknown key",
        {f"{C}/schedule.yml": replace("minutes: 30}", "minutes: 30, room: R1}")},
        f"{C}/schedule.yml:2",
        "unknown key 'room' in orientation: allowed: start, minutes",
    ),
    Fault(
        "comma-in-flow-value",
        "unquoted value YAML retypes",
        {f"{C}/schedule.yml": replace("subject: Science", "subject: Science, Art")},
        f"{C}/schedule.yml:6",
        "a ',' ends a value inside {...}: quote the value",
    ),
    Fault(
        "repeated-key",
        "repeated key",
        {f"{C}/actions.yml": append("  owner: Principal\n")},
        f"{C}/actions.yml:9",
        "key 'owner' is repeated in one mapping (first on line 3)",
    ),
    Fault(
        "unknown-characteristic",
        "unknown characteristic",
        {f"{C}/focus.md": replace("[student-discourse, questioning]", "[student-discourse, wait-time]")},
        f"{C}/focus.md:4",
        "'wait-time' is not in framework 'continuum': use one of",
    ),
    Fault(
        "unknown-level",
        "unknown level",
        {f"{C}/scripts/visit-1.md": replace("questioning: P", "questioning: X")},
        f"{C}/scripts/visit-1.md:7",
        "level 'X' is not a level of framework 'continuum': use one of NE, D, P, S",
    ),
    Fault(
        "tag-outside-lens",
        "tag outside the lens",
        {f"{C}/scripts/visit-1.md": replace("- 9 of 12 pairs", "- [feedback] 9 of 12 pairs")},
        f"{C}/scripts/visit-1.md:15",
        "tag [feedback] is not in this cycle's lens",
    ),
    Fault(
        "rating-outside-lens",
        "tag outside the lens",
        {f"{C}/scripts/visit-2.md": replace("  student-discourse: P\n", "  student-discourse: P\n  feedback: D\n")},
        f"{C}/scripts/visit-2.md:5",
        "not in this cycle's lens",
    ),
    Fault(
        "ratings-without-consensus",
        "ratings when hall_work is not 3",
        {
            f"{C}/team.yml": replace("hall_work: 3", "hall_work: 2"),
            f"{C}/scripts/visit-2.md": replace("ratings:\n  student-discourse: P\n", ""),
        },
        f"{C}/scripts/visit-1.md:5",
        "only when team.yml has hall_work: 3",
    ),
    # independent levels (each observer's own, before consensus): validated like ratings
    Fault(
        "independent-unknown-role",
        "independent levels",
        {
            f"{C}/scripts/visit-2.md": replace(
                "  student-discourse: P\n",
                INDEPENDENT.format(observers="[Math coach, Coach]", first="Math coach", second="Coach", level="D"),
            )
        },
        f"{C}/scripts/visit-2.md:8",
        "'Coach' is not a role of this cycle's team (Math coach, Principal): "
        "key independent levels by role, never by name",
    ),
    Fault(
        "independent-not-an-observer",
        "independent levels",
        {
            f"{C}/scripts/visit-2.md": replace(
                "  student-discourse: P\n",
                INDEPENDENT.format(observers="[Math coach]", first="Math coach", second="Principal", level="D"),
            )
        },
        f"{C}/scripts/visit-2.md:8",
        "'Principal' is not one of this visit's observers (Math coach): add the role",
    ),
    Fault(
        "independent-unknown-level",
        "independent levels",
        {
            f"{C}/scripts/visit-2.md": replace(
                "  student-discourse: P\n",
                INDEPENDENT.format(
                    observers="[Math coach, Principal]", first="Math coach", second="Principal", level="X"
                ),
            )
        },
        f"{C}/scripts/visit-2.md:8",
        "level 'X' is not a level of framework 'continuum': use one of NE, D, P, S",
    ),
    Fault(
        "independent-outside-lens",
        "independent levels",
        {
            f"{C}/scripts/visit-2.md": replace(
                "  student-discourse: P\n",
                "  student-discourse: P\n"
                "observers: [Principal]\nindependent:\n  Principal:\n"
                "    student-discourse: P\n    feedback: D\n",
            )
        },
        f"{C}/scripts/visit-2.md:9",
        "independent level of 'feedback', which is not in this cycle's lens",
    ),
    Fault(
        "independent-role-twice",
        "independent levels",
        {
            f"{C}/scripts/visit-2.md": replace(
                "  student-discourse: P\n",
                INDEPENDENT.format(
                    observers="[Principal, Principal]", first="Principal", second="Math coach", level="D"
                ),
            )
        },
        f"{C}/scripts/visit-2.md:5",
        "observers lists 'Principal' twice: number them ('Principal 1', 'Principal 2') here and under independent",
    ),
    Fault(
        "independent-without-observers",
        "independent levels",
        {
            f"{C}/scripts/visit-2.md": replace(
                "  student-discourse: P\n",
                "  student-discourse: P\nindependent: {Math coach: {student-discourse: P}}\n",
            )
        },
        f"{C}/scripts/visit-2.md:5",
        "independent needs the visit's observers",
    ),
    Fault(
        "independent-without-consensus",
        "independent levels",
        {
            f"{C}/team.yml": replace("hall_work: 3", "hall_work: 2"),
            f"{C}/scripts/visit-2.md": replace("ratings:\n  student-discourse: P\n", ""),
            f"{C}/scripts/visit-1.md": replace(
                "ratings:\n  student-discourse: D\n  questioning: P\n", "independent: {Principal: {questioning: P}}\n"
            ),
        },
        f"{C}/scripts/visit-1.md:5",
        "independent levels are allowed only when team.yml has hall_work: 3",
    ),
    # a structured measure of an action step
    Fault(
        "measure-unknown-level",
        "structured measure",
        {
            f"{C}/actions.yml": replace(
                "  measure: Stems heard in half the visits",
                MEASURE.format("characteristic: student-discourse, at_least: X, share: 60%, by: next-walkthrough"),
            )
        },
        f"{C}/actions.yml:7",
        "at_least 'X' is not a level of framework 'continuum': use one of NE, D, P, S",
    ),
    Fault(
        "measure-unknown-characteristic",
        "structured measure",
        {
            f"{C}/actions.yml": replace(
                "  measure: Stems heard in half the visits",
                MEASURE.format("characteristic: wait-time, at_least: P, share: 60%"),
            )
        },
        f"{C}/actions.yml:7",
        "characteristic 'wait-time' is not in framework 'continuum': use one of",
    ),
    Fault(
        "measure-share-not-a-percentage",
        "structured measure",
        {
            f"{C}/actions.yml": replace(
                "  measure: Stems heard in half the visits",
                "  measure:\n    characteristic: student-discourse\n    at_least: P\n"
                "    share: 0.6\n    by: next-walkthrough",
            )
        },
        f"{C}/actions.yml:10",
        "share '0.6' must be a whole percentage of visits from 1% to 100%, such as 60%",
    ),
    Fault(
        "measure-judged-before-the-step",
        "structured measure",
        {
            f"{C}/actions.yml": replace(
                "  measure: Stems heard in half the visits",
                MEASURE.format("characteristic: student-discourse, at_least: P, share: 60%, by: 2025-10-01"),
            )
        },
        f"{C}/actions.yml:7",
        "by 2025-10-01 is not after this walkthrough (2025-10-14): give a later date",
    ),
    Fault(
        "measure-by-not-a-date",
        "structured measure",
        {
            f"{C}/actions.yml": replace(
                "  measure: Stems heard in half the visits",
                MEASURE.format("characteristic: student-discourse, at_least: P, share: 60%, by: next-year"),
            )
        },
        f"{C}/actions.yml:7",
        "by must be next-walkthrough (the school's next walkthrough that rates it) or an "
        "unquoted date YYYY-MM-DD, not next-year",
    ),
    Fault(
        "measure-missing-share",
        "structured measure",
        {
            f"{C}/actions.yml": replace(
                "  measure: Stems heard in half the visits",
                MEASURE.format("characteristic: student-discourse, at_least: P"),
            )
        },
        f"{C}/actions.yml:7",
        "'share' is required in a measure: add it",
    ),
    Fault(
        "duplicate-visit",
        "duplicate visit",
        {f"{C}/schedule.yml": replace("{visit: 3, start", "{visit: 2, start")},
        f"{C}/schedule.yml:6",
        "visit 2 is listed twice (first on line 5)",
    ),
    Fault(
        "script-number-mismatch",
        "script number differs from visit",
        {f"{C}/scripts/visit-2.md": replace("visit: 2", "visit: 3")},
        f"{C}/scripts/visit-2.md:2",
        "visit 3 does not match the file name's number 2",
    ),
    Fault(
        "unscheduled-visit",
        "unscheduled visit",
        {f"{C}/scripts/visit-9.md": "---\nvisit: 9\n---\n- 4 of 5 pairs used strips.\n"},
        f"{C}/scripts/visit-9.md:2",
        "visit 9 is not in schedule.yml",
    ),
    Fault(
        "pattern-unscheduled-visit",
        "unscheduled visit",
        {f"{C}/debrief.md": replace("visits: [1, 2]", "visits: [1, 7]")},
        f"{C}/debrief.md:6",
        "visit 7 is not in schedule.yml: cite scheduled visits only",
    ),
    Fault(
        "overlapping-visits",
        "overlapping visits",
        {f"{C}/schedule.yml": replace('{visit: 3, start: "09:00"', '{visit: 3, start: "08:50"')},
        f"{C}/schedule.yml:6",
        "visit 3 (08:50) overlaps visit 1 (08:45-09:00) of group A",
    ),
    Fault(
        "group-without-member",
        "visit group without a team member",
        {f"{C}/schedule.yml": replace("group: B", "group: C")},
        f"{C}/schedule.yml:5",
        "group 'C' has no member in team.yml",
    ),
    Fault(
        "date-mismatch",
        "date that does not match the cycle id",
        {f"{C}/schedule.yml": replace("date: 2025-10-14", "date: 2025-10-15")},
        f"{C}/schedule.yml:1",
        "does not match the cycle folder's date 2025-10-14",
    ),
    Fault(
        "impossible-date",
        "impossible date",
        {f"{C}/actions.yml": replace("due: 2025-11-15", "due: 2025-11-31")},
        f"{C}/actions.yml:5",
        "'2025-11-31' is not a real calendar date",
    ),
    Fault(
        "unquoted-language",
        "unquoted value YAML retypes",
        {"portfolio.yml": replace("kind: school\n", "kind: school\nlanguage: no\n")},
        "portfolio.yml:3",
        '`language: no` was read as false: quote it ("no")',
    ),
    Fault(
        "unquoted-visit-time",
        "unquoted value YAML retypes",
        {f"{C}/schedule.yml": replace('{visit: 1, start: "08:45"', "{visit: 1, start: 8:45")},
        f"{C}/schedule.yml:4",
        "`start: 8:45` was read as the number 525 (YAML reads h:mm as base 60): quote it",
    ),
    Fault(
        "id-read-as-false",
        "id YAML reads as non-text",
        {f"{C}/actions.yml": replace("id: stems", "id: no")},
        f"{C}/actions.yml:1",
        "`id: no` was read as false: an id may not be a word YAML reads as non-text",
    ),
    Fault(
        "id-quoted-yaml-word",
        "id YAML reads as non-text",
        {f"{C}/actions.yml": replace("id: stems", "id: 'no'")},
        f"{C}/actions.yml:1",
        "action id 'no' is a word YAML reads as false",
    ),
    Fault(
        "duplicate-action-id",
        "duplicate action id",
        {f"{C}/actions.yml": append("- id: stems\n  action: Again\n  owner: Principal\n")},
        f"{C}/actions.yml:9",
        "action id 'stems' is used twice in this cycle: make it unique",
    ),
    # carries: reported on the carries line itself
    Fault(
        "carries-nothing",
        "carries that resolves to nothing",
        {f"{C}/actions.yml": append("  carries: 2025-09-01-launch/charts\n")},
        f"{C}/actions.yml:9",
        "resolves to no action step of this school: check the cycle id and action id",
    ),
    Fault(
        "carries-other-school",
        "carries that crosses schools",
        {**SECOND_SCHOOL, f"{C}/actions.yml": append("  carries: 2025-09-10-launch/charts\n")},
        f"{C}/actions.yml:9",
        "it is a step of school 'elm': steps never carry across schools",
    ),
    Fault(
        "carries-draft-step",
        "carries a draft cycle's step",
        {
            "schools/oak/cycles/2025-09-01-prep/focus.md": DRAFT_FOCUS,
            "schools/oak/cycles/2025-09-01-prep/actions.yml": "- id: charts\n  action: Post charts\n  owner: Team\n",
            f"{C}/actions.yml": append("  carries: 2025-09-01-prep/charts\n"),
        },
        f"{C}/actions.yml:9",
        "names a step of a draft cycle",
    ),
    # privacy: messages name the roster entry by number and mask the name, never print it
    Fault(
        "roster-name",
        "roster name",
        {f"{C}/scripts/visit-2.md": append("- Maria Lopez asked a question.\n")},
        f"{C}/scripts/visit-2.md:7",
        "roster entry 1 (../private/roster.yml line 1) is named here: "
        '"M**** L**** asked a question": describe the practice, number the visit, or use a role',
    ),
    Fault(
        "roster-name-across-lines",
        "roster name",
        {f"{C}/debrief.md": replace("The team met", "The team met Maria\nLopez and")},
        f"{C}/debrief.md:16",
        'roster entry 1 (../private/roster.yml line 1) is named here: "The team met M**** L**** and in the library"',
    ),
    Fault(
        "roster-name-in-comment",
        "roster name in a YAML comment",
        {f"{C}/team.yml": replace("hall_work: 3", "hall_work: 3  # ask jordan  smith")},
        f"{C}/team.yml:1",
        'roster entry 2 (../private/roster.yml line 1) is named here: "hall_work: 3 # ask j***** s****"',
    ),
    Fault(
        "roster-name-in-file-name",
        "roster name in a file or folder name",
        {"frameworks/jordan-smith.yml": FRAMEWORK},
        "frameworks/j*****-s****.yml:1",
        "the file name 'j*****-s****.yml' names roster entry 2 (../private/roster.yml line 1): rename the file",
    ),
    Fault(
        "roster-name-in-folder-name",
        "roster name in a file or folder name",
        {"schools/maria-lopez/school.yml": "name: West Campus\n"},
        "schools/m****-l****:1",
        "the folder name 'm****-l****' names roster entry 1",
    ),
    Fault(
        "roster-name-joined-in-file-name",
        "roster name in a file or folder name",
        {"frameworks/marialopez.yml": FRAMEWORK.replace("Second continuum", "Third")},
        "frameworks/m*********.yml:1",
        "the file name 'm*********.yml' names roster entry 1",
    ),
    Fault(
        "roster-name-in-docs",
        "roster name in docs/",
        {},
        "docs/about.md:3",
        "roster entry 1",
        docs={"about.md": "# About\n\nThanks to Maria\nLopez for the photos.\n"},
    ),
    Fault(
        "roster-title-surname",
        "roster name written another way",
        {f"{C}/scripts/visit-2.md": append("- Ms. Lopez's students compared answers.\n")},
        f"{C}/scripts/visit-2.md:7",
        'roster entry 1 (../private/roster.yml line 1) is named here: "Ms. L****\'s students compared answers"',
    ),
    Fault(
        "roster-zero-width-space",
        "roster name written another way",
        {f"{C}/debrief.md": replace("The team met", "The team met Maria Lo\u200bpez and")},
        f"{C}/debrief.md:16",
        '"The team met M**** L**** and in the library"',
    ),
    Fault(
        "roster-entity-and-lookalike",
        "roster name written another way",
        {f"{C}/focus.md": append("Thanks to Ma&#114;ia L\u043epez.\n")},
        f"{C}/focus.md:12",
        '"Thanks to M**** L****"',
    ),
    Fault(
        "roster-accents-and-emphasis",
        "roster name written another way",
        {f"{C}/scripts/visit-2.md": append("- Mar\u00eda *L\u00f3*pez asked a question.\n")},
        f"{C}/scripts/visit-2.md:7",
        "roster entry 1 (../private/roster.yml line 1) is named here",
    ),
    Fault(
        "roster-name-in-link",
        "roster name written another way",
        {f"{C}/debrief.md": append("See [the notes](https://example.org/maria-lopez/).\n")},
        f"{C}/debrief.md:17",
        '"See [the notes](https://example.org/m****-l****"',
    ),
    Fault(
        "roster-name-in-address",
        "roster name written another way",
        {f"{C}/team.yml": replace("debrief: same-day", "debrief: same-day  # send to maria.lopez@oak.example")},
        f"{C}/team.yml:2",
        '"debrief: same-day # send to m****.l****@oak.example"',
    ),
    Fault(
        "roster-name-reversed-with-middle",
        "roster name written another way",
        {f"{C}/scripts/visit-2.md": append("- Lopez, Maria Elena asked a question.\n")},
        f"{C}/scripts/visit-2.md:7",
        '"L****, M**** E**** asked a question"',
    ),
    Fault(
        "roster-name-yaml-escape",
        "roster name written another way",
        {
            f"{C}/debrief.md": replace(
                "message: Students talk about their thinking with partners.",
                'message: "Students talk with Mar\\u00eda L\\u00f3pez."',
            )
        },
        f"{C}/debrief.md:13",
        '"Students talk with M**** L****"',
    ),
    Fault(
        "roster-alias",
        "roster name written another way",
        {
            "../private/roster.yml": "names:\n  - Maria Lopez\n  - {name: Jordan Smith, also: [Coach J]}\n",
            f"{C}/debrief.md": append("Coach J led the debrief.\n"),
        },
        f"{C}/debrief.md:17",
        'roster entry 2 (../private/roster.yml line 3) is named here: "Coach * led the debrief"',
    ),
    Fault(
        "roster-ordinary-surname-with-title",
        "roster name written another way",
        {
            "../private/roster.yml": "names:\n  - Maria Lopez\n  - Tom Wood\n",
            f"{C}/debrief.md": append("The students walked to the woods with Mr Wood.\n"),
        },
        f"{C}/debrief.md:17",
        'roster entry 2 (../private/roster.yml line 3) is named here: "...students walked to the woods with Mr W***"',
    ),
    Fault(
        "roster-entry-unknown-key",
        "invalid roster entry",
        {"../private/roster.yml": "names:\n  - Maria Lopez\n  - {name: Jordan Smith, nickname: Jo}\n"},
        "../private/roster.yml:3",
        "roster entry 2 has a key other than name and also: remove it",
    ),
    Fault(
        "roster-entry-not-text",
        "invalid roster entry",
        {"../private/roster.yml": "names:\n  - Maria Lopez\n  - [Jordan, Smith]\n"},
        "../private/roster.yml:3",
        "roster entry 2 is not text: quote the name",
    ),
    Fault(
        "javascript-link",
        "javascript: link",
        {f"{C}/focus.md": append("See [the plan](javascript:alert(1)).\n")},
        f"{C}/focus.md:12",
        "link scheme 'javascript:' is not allowed",
    ),
    Fault(
        "entity-encoded-javascript-link",
        "javascript: link",
        {f"{C}/focus.md": append("See [the plan](&#106;avascript&colon;alert(1)).\n")},
        f"{C}/focus.md:12",
        "link scheme 'javascript:' is not allowed",
    ),
    Fault(
        "yaml-escaped-javascript-link",
        "javascript: link",
        {
            f"{C}/debrief.md": replace(
                "message: Students talk about their thinking with partners.",
                'message: "See [the plan](\\x26#106;avascript:alert(1)). Students talk."',
            )
        },
        f"{C}/debrief.md:13",
        "link scheme 'javascript:' is not allowed",
    ),
    Fault(
        "data-link",
        "data: link",
        {f"{C}/debrief.md": append("\n<data:text/html,hi>\n")},
        f"{C}/debrief.md:18",
        "link scheme 'data:' is not allowed",
    ),
    Fault(
        "outside-image",
        "image outside the site",
        {f"{C}/debrief.md": append("![chart](https://tracker.example/pixel.png)\n")},
        f"{C}/debrief.md:17",
        "images are not part of the content format",
    ),
    # files
    Fault(
        "non-utf8",
        "non-UTF-8 file",
        {f"{C}/scripts/visit-2.md": "---\nvisit: 2\n---\n- Caf\xe9 menu read aloud.\n".encode("latin-1")},
        f"{C}/scripts/visit-2.md:4",
        "not UTF-8 text (byte 0xE9 on this line): save it as UTF-8",
    ),
    Fault(
        "stray-yaml-spelling",
        "stray file in a cycle folder",
        {f"{C}/schedule.yaml": "date: 2025-10-14\n"},
        f"{C}/schedule.yaml:1",
        "not part of a cycle folder",
    ),
    Fault(
        "bad-cycle-folder",
        "invalid cycle folder name",
        {"schools/oak/cycles/october-walk/focus.md": "---\nquestion: Q\n---\n"},
        "schools/oak/cycles/october-walk:1",
        "must be named YYYY-MM-DD-slug",
    ),
    Fault(
        "unknown-message-kind",
        "unknown message kind",
        {f"{C}/messages/newsletter.md": "Hello\n"},
        f"{C}/messages/newsletter.md:1",
        "not part of messages/",
    ),
    # files that are not what they seem (symbolic links: tests/test_files.py)
    Fault(
        "folder-for-debrief",
        "folder where a file belongs",
        {f"{C}/debrief.md": None, f"{C}/debrief.md/notes.md": "Notes\n"},
        f"{C}/debrief.md:1",
        "debrief.md is a folder, but it must be a file",
    ),
    Fault(
        "folder-for-focus",
        "folder where a file belongs",
        {f"{C}/focus.md": None, f"{C}/focus.md/focus.md": "---\nquestion: Q\n---\n"},
        f"{C}/focus.md:1",
        "focus.md is a folder, but it must be a file",
    ),
    Fault(
        "folder-for-team",
        "folder where a file belongs",
        {f"{C}/team.yml": None, f"{C}/team.yml/team.yml": "members: []\n"},
        f"{C}/team.yml:1",
        "team.yml is a folder, but it must be a file",
    ),
    Fault(
        "file-for-cycles",
        "folder where a file belongs",
        {"schools/elm/school.yml": "name: Elm Middle\n", "schools/elm/cycles": "2025-09-10-launch\n"},
        "schools/elm/cycles:1",
        "cycles is a file, but it must be a folder",
    ),
    Fault(
        "script-name-arabic-digit",
        "file name with non-ASCII digits",
        {
            f"{C}/scripts/visit-2.md": None,
            f"{C}/scripts/visit-\u0662.md": "---\nvisit: 2\n---\n- 5 of 6 groups explained a strategy.\n",
        },
        f"{C}/scripts/visit-\u0662.md:1",
        "is not part of scripts/",
    ),
    Fault(
        "nul-in-markdown-body",
        "control character",
        {f"{C}/debrief.md": append("Seen\x00twice.\n")},
        f"{C}/debrief.md:17",
        "U+0000 is not allowed",
    ),
    Fault(
        "escape-character-in-evidence",
        "control character",
        {f"{C}/scripts/visit-2.md": append("- Seen\x1b[31m in red.\n")},
        f"{C}/scripts/visit-2.md:7",
        "U+001B is not allowed",
    ),
    Fault(
        "vertical-tab-in-message",
        "control character",
        {f"{C}/messages/summary.md": append("More\x0bsoon.\n")},
        f"{C}/messages/summary.md:6",
        "U+000B is not allowed",
    ),
    Fault(
        "escaped-vertical-tab-in-debrief",
        "control character",
        {
            f"{C}/debrief.md": replace(
                "message: Students talk about their thinking with partners.",
                'message: "Students talk\\vabout their thinking."',
            )
        },
        f"{C}/debrief.md:13",
        "U+000B (written as a backslash escape) is not allowed",
    ),
    Fault(
        "id-with-line-break",
        "id with a line break",
        {f"{C}/actions.yml": replace("id: stems", 'id: "stems\\n"')},
        f"{C}/actions.yml:1",
        "action id 'stems\\n' must be lowercase letters",
    ),
    Fault(
        "timezone-folder",
        "time zone that is a folder",
        {"portfolio.yml": append("timezone: America\n")},
        "portfolio.yml:9",
        "timezone 'America' is not an IANA time zone name",
    ),
    Fault(
        "framework-path",
        "framework that is a path",
        {f"{C}/focus.md": replace("framework: continuum", "framework: ../portfolio")},
        f"{C}/focus.md:3",
        "framework id '../portfolio' must be lowercase letters",
    ),
    Fault(
        "debrief-past-midnight",
        "block past midnight",
        {
            f"{C}/schedule.yml": replace(
                'debrief: {start: "11:30", minutes: 60}', 'debrief: {start: "23:30", minutes: 60}'
            )
        },
        f"{C}/schedule.yml:7",
        "the debrief runs past midnight",
    ),
    Fault(
        "orientation-past-midnight",
        "block past midnight",
        {
            f"{C}/schedule.yml": replace(
                'orientation: {start: "08:00", minutes: 30}', 'orientation: {start: "23:50", minutes: 30}'
            )
        },
        f"{C}/schedule.yml:2",
        "the orientation runs past midnight",
    ),
    Fault(
        "yaml-alias",
        "YAML anchor or alias",
        {
            f"{C}/team.yml": replace(
                "  - role: Math coach\n    group: B\n", "  - &coach {role: Math coach, group: B}\n  - *coach\n"
            )
        },
        f"{C}/team.yml:8",
        "anchors and aliases (&name, *name) are not part of the content format",
    ),
    Fault(
        "yaml-alias-bomb",
        "YAML anchor or alias",
        {
            f"{C}/team.yml": append(
                "".join(f"x{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n" if i else 'x0: &a0 ["\\x41"]\n' for i in range(40))
            )
        },
        f"{C}/team.yml:10",
        "anchors and aliases",
    ),
    Fault(
        "yaml-too-deep",
        "YAML nested too deep",
        {f"{C}/team.yml": append("extra: " + "[" * 400 + "]" * 400 + "\n")},
        f"{C}/team.yml:10",
        "nested more than 20 levels deep",
    ),
    Fault(
        "yaml-deeper-than-libyaml",
        "YAML nested too deep",
        {f"{C}/team.yml": append("extra: " + "[" * 20000 + "\n")},
        f"{C}/team.yml:10",
        "nested more than 20 levels deep",
    ),
    Fault(
        "file-too-large",
        "file too large",
        {f"{C}/debrief.md": append(("The team met again. " * 40 + "\n\n") * 400)},
        f"{C}/debrief.md:1",
        "larger than 256 KB",
    ),
    Fault(
        "paragraph-too-long",
        "paragraph too long",
        {f"{C}/focus.md": append("\n" + "[" * 100_000 + "\n")},
        f"{C}/focus.md:12",
        "this paragraph is longer than 5,000 characters",
    ),
    Fault(
        "value-too-long",
        "paragraph too long",
        {
            f"{C}/debrief.md": replace(
                "prediction: Students would be able to justify one answer.", "prediction: " + "see [a](" * 1000
            )
        },
        f"{C}/debrief.md:11",
        "has a paragraph longer than 5,000 characters",
    ),
    Fault(
        "roster-name-in-docs-markdown-extension",
        "roster name in docs/",
        {},
        "docs/thanks.markdown:2",
        "roster entry",
        docs={"thanks.markdown": "# Thanks\nto Jordan Smith.\n"},
    ),
    Fault(
        "roster-name-in-docs-csv",
        "roster name in docs/",
        {},
        "docs/people.csv:3",
        "roster entry",
        docs={"people.csv": "role,name\nPrincipal,Dana\nCoach,Maria Lopez\n"},
    ),
    Fault(
        "docs-page-lwsite-makes",
        "docs page lwsite makes",
        {},
        "docs/index.md:1",
        "lwsite makes a page of this name",
        docs={"index.md": "# Our home page\n"},
    ),
]

# Positive controls: content that looks unusual but is valid.
# Languages: texts per language, sidecars and catalogs (the portfolio's languages are en and es).
FR_CATALOG = "language_name: Français\n"
FAULTS += [
    Fault(
        "text-in-a-language-not-in-the-portfolio",
        "languages",
        {
            f"{C}/focus.md": replace(
                "question: To what extent do students explain their reasoning to peers?",
                'question: {en: "Do students explain?", fr: "Les élèves expliquent-ils ?"}',
            )
        },
        f"{C}/focus.md:2",
        "'fr', which is not one of the portfolio's languages (en, es): add it to languages",
    ),
    Fault(
        "per-language-text-without-the-site-language",
        "languages",
        {
            f"{C}/focus.md": replace(
                "question: To what extent do students explain their reasoning to peers?",
                'question: {es: "¿Explican los estudiantes?"}',
            )
        },
        f"{C}/focus.md:2",
        "'question' has no text in the site's language (en): add 'en: ...'",
    ),
    Fault(
        "sidecar-with-another-number-of-items",
        "languages",
        {f"{C}/focus.es.md": "---\nlook_fors:\n  - Uno\n  - Dos\n---\n"},
        f"{C}/focus.es.md:2",
        "'look_fors' has 2 item(s) and focus.md has 1: translate each item",
    ),
    Fault(
        "sidecar-in-a-language-not-in-the-portfolio",
        "languages",
        {f"{C}/focus.fr.md": "---\nquestion: Les élèves expliquent-ils ?\n---\n"},
        f"{C}/focus.fr.md:1",
        "'fr' is not one of the portfolio's languages (en, es)",
    ),
    Fault(
        "sidecar-with-a-field-that-is-not-a-text",
        "languages",
        {f"{C}/debrief.es.md": "---\nmessage: Mensaje\nextent: many\n---\n"},
        f"{C}/debrief.es.md:3",
        "unknown key 'extent' in a translation (debrief.es.md translates the texts",
    ),
    Fault(
        "sidecar-translating-nothing",
        "languages",
        {
            f"{C}/debrief.md": replace("prediction: Students would be able to justify one answer.\n", ""),
            f"{C}/debrief.es.md": "---\nprediction: Podrían explicar.\n---\n",
        },
        f"{C}/debrief.es.md:2",
        "'prediction' translates nothing: debrief.md has no 'prediction'",
    ),
    Fault(
        "language-without-a-catalog",
        "languages",
        {"portfolio.yml": replace("letter_languages: [en, es]", "letter_languages: [en, es, fr]")},
        "portfolio.yml:5",
        "lwsite has no catalog of its words in 'fr' (it has en, es): add catalogs/fr.yml",
    ),
    Fault(
        "languages-and-letter-languages",
        "languages",
        {"portfolio.yml": append("languages: [en, es]\n")},
        "portfolio.yml:5",
        "write the site's languages once, as 'languages' ('letter_languages' is its old name)",
    ),
    Fault(
        "incomplete-portfolio-catalog",
        "languages",
        {
            "portfolio.yml": replace("letter_languages: [en, es]", "languages: [en, es, fr]"),
            "catalogs/fr.yml": FR_CATALOG,
        },
        "catalogs/fr.yml:1",
        "texts are missing (the first: print, letter.title, letter.label)",
    ),
    Fault(
        "catalog-text-lwsite-does-not-write",
        "languages",
        {"catalogs/es.yml": "print: Imprimir\nhome:\n  wat_heading: Qué es\n"},
        "catalogs/es.yml:3",
        "'home.wat_heading' is not a text lwsite writes",
    ),
    Fault(
        "catalog-text-with-other-placeholders",
        "languages",
        {"catalogs/es.yml": 'letter:\n  title: "Carta: {escuela}"\n'},
        "catalogs/es.yml:2",
        "'letter.title' must use the placeholders of lwsite's text ({date}, {school})",
    ),
]

CONTROLS: list[Control] = [
    Control(
        "bom-and-crlf",
        {
            f"{C}/scripts/visit-2.md": "\ufeff---\r\nvisit: 2\r\n---\r\n- 3 of 4 pairs used strips.\r\n",
            f"{C}/team.yml": "\ufeffhall_work: 3\r\nmembers:\r\n  - role: Principal\r\n    group: A\r\n"
            "  - role: Math coach\r\n    group: B\r\n",
        },
    ),
    Control(
        "texts-in-two-languages",
        {
            f"{C}/focus.md": replace(
                "question: To what extent do students explain their reasoning to peers?",
                "question:\n  en: To what extent do students explain their reasoning to peers?\n"
                "  es: ¿En qué medida explican los estudiantes su razonamiento?",
            ),
            f"{C}/focus.es.md": "---\nlook_fors: [Justifican sus respuestas con modelos]\n---\nLa encuesta lo mostró.\n",
            f"{C}/debrief.es.md": (
                "---\npatterns: [Explican su razonamiento a un compañero]\nstrengths: [Esperan]\n"
                "message: Hablan de lo que piensan.\n---\nNotas en español.\n"
            ),
            f"{C}/actions.yml": replace(
                "  action: Model partner-talk stems in grade 3-5 PLCs",
                "  action: {en: Model partner-talk stems in grade 3-5 PLCs, es: Modelar frases}",
            ),
            "catalogs/es.yml": "words:\n  Principal: Director\n  Math coach: Coach de matemáticas\n",
            "portfolio.yml": replace("letter_languages: [en, es]", "languages: [en, es]"),
        },
    ),
    Control(
        "draft-cycle-is-skipped",
        {"schools/oak/cycles/2026-03-01-later/focus.md": DRAFT_FOCUS},
        not_in_site="2026-03-01",
    ),
    Control(
        "escaped-bracket",
        {f"{C}/scripts/visit-2.md": append('- \\[sic] Teacher: "Which strip is longer?" 4 of 5 pairs said.\n')},
    ),
    Control(
        "independent-levels-numbered-roles",
        {
            f"{C}/team.yml": append("  - role: Teacher\n    group: B\n  - role: Teacher\n    group: B\n"),
            f"{C}/scripts/visit-2.md": replace(
                "  student-discourse: P\n",
                INDEPENDENT.format(
                    observers="[Teacher 1, Teacher 2]", first="Teacher 1", second="Teacher 2", level="D"
                ),
            ),
        },
    ),
    Control(
        "structured-measure",
        {
            f"{C}/actions.yml": replace(
                "  measure: Stems heard in half the visits",
                MEASURE.format("characteristic: questioning, at_least: P, share: 60%, by: 2026-03-01"),
            )
        },
    ),
    Control("lone-first-name-is-a-warning", {f"{C}/debrief.md": append("Maria's class sang.\n")}, warns=True),
    Control(
        "ordinary-word-surname-alone",
        {
            "../private/roster.yml": "names:\n  - Maria Lopez\n  - {name: Tom Wood, also: [Coach T]}\n"
            "  - Ana Li\n  - Rosa Flores\n  - Abe Oak\n",
            f"{C}/debrief.md": append(
                "The students walked to the woods; wood, flores y rosas; an analisis "
                "of young trees. Oak Elementary coaches talk.\n"
            ),
        },
    ),
]

# Every kind of malformed input the issue names, and the extra rules this suite covers.
CATEGORIES = (
    "broken YAML",
    "tab-indented file",
    "missing required file",
    "missing required field",
    "unknown key",
    "repeated key",
    "unknown characteristic",
    "unknown level",
    "tag outside the lens",
    "duplicate visit",
    "unscheduled visit",
    "overlapping visits",
    "date that does not match the cycle id",
    "impossible date",
    "unquoted value YAML retypes",
    "carries that resolves to nothing",
    "carries that crosses schools",
    "roster name",
    "javascript: link",
    "non-UTF-8 file",
    "stray file in a cycle folder",
    # beyond the list
    "invalid cycle folder name",
    "script number differs from visit",
    "ratings when hall_work is not 3",
    "duplicate action id",
    "id YAML reads as non-text",
    "roster name in a file or folder name",
    "roster name in a YAML comment",
    "roster name in docs/",
    "image outside the site",
    "data: link",
    "front matter not closed",
    "unknown message kind",
    "misspelt required key",
    "carries a draft cycle's step",
    "visit group without a team member",
    "roster name written another way",
    "invalid roster entry",
    "independent levels",
    "structured measure",
    # files that are not what they seem
    "folder where a file belongs",
    "file name with non-ASCII digits",
    "control character",
    "id with a line break",
    "time zone that is a folder",
    "framework that is a path",
    "block past midnight",
    "YAML anchor or alias",
    "YAML nested too deep",
    "file too large",
    "paragraph too long",
    "docs page lwsite makes",
    # texts in more than one language (issue 13)
    "languages",
)
