"""Malformed portfolios for the bad-input suite: one fault each, with the line it must report.

Each fault is a small edit of the minimal fixture (tests/fixtures/minimal). ``expect`` is the
exact ``path:line`` (relative to the content folder) of the one error line it must produce;
``says`` is a fragment of the message that tells the user what went wrong.
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

FAULTS: list[Fault] = [
    Fault("broken-yaml", "broken YAML", {f"{C}/team.yml": replace("role: Math coach", "role: [Math coach")},
          f"{C}/team.yml:9", "YAML syntax error"),
    Fault("tab-indented", "tab-indented file", {f"{C}/team.yml": replace("    group: B", "\tgroup: B")},
          f"{C}/team.yml:9", "tab"),
    Fault("missing-schedule", "missing required file", {f"{C}/schedule.yml": None},
          f"{C}/schedule.yml:1", "schedule.yml is missing"),
    Fault("missing-portfolio-name", "missing required field",
          {"portfolio.yml": replace("name: Oak Valley Schools\n", "")}, "portfolio.yml:1", "'name' is required"),
    Fault("missing-focus-question", "missing required field",
          {f"{C}/focus.md": replace("question: To what extent do students explain their reasoning to peers?\n", "")},
          f"{C}/focus.md:2", "'question' is required"),
    Fault("unknown-key", "unknown key", {f"{C}/actions.yml": replace("  horizon: month", "  horizen: month")},
          f"{C}/actions.yml:4", "unknown key 'horizen'"),
    Fault("unknown-nested-key", "unknown key", {f"{C}/schedule.yml": replace("minutes: 30}", "minutes: 30, room: R1}")},
          f"{C}/schedule.yml:2", "unknown key 'room'"),
    Fault("repeated-key", "repeated key", {f"{C}/actions.yml": append("  owner: Principal\n")},
          f"{C}/actions.yml:9", "repeated"),
    Fault("unknown-characteristic", "unknown characteristic",
          {f"{C}/focus.md": replace("[student-discourse, questioning]", "[student-discourse, wait-time]")},
          f"{C}/focus.md:4", "'wait-time' is not in framework"),
    Fault("unknown-level", "unknown level", {f"{C}/scripts/visit-1.md": replace("questioning: P", "questioning: X")},
          f"{C}/scripts/visit-1.md:7", "level 'X'"),
    Fault("tag-outside-lens", "tag outside the lens",
          {f"{C}/scripts/visit-1.md": replace("- 9 of 12 pairs", "- [feedback] 9 of 12 pairs")},
          f"{C}/scripts/visit-1.md:15", "tag [feedback]"),
    Fault("rating-outside-lens", "tag outside the lens",
          {f"{C}/scripts/visit-2.md": replace("  student-discourse: P\n", "  student-discourse: P\n  feedback: D\n")},
          f"{C}/scripts/visit-2.md:5", "not in this cycle's lens"),
    Fault("duplicate-visit", "duplicate visit",
          {f"{C}/schedule.yml": replace("{visit: 3, start", "{visit: 2, start")},
          f"{C}/schedule.yml:6", "visit 2 is listed twice"),
    Fault("unscheduled-visit", "unscheduled visit",
          {f"{C}/scripts/visit-9.md": "---\nvisit: 9\n---\n- 4 of 5 pairs used strips.\n"},
          f"{C}/scripts/visit-9.md:2", "visit 9 is not in schedule.yml"),
    Fault("pattern-unscheduled-visit", "unscheduled visit",
          {f"{C}/debrief.md": replace("visits: [1, 2]", "visits: [1, 7]")},
          f"{C}/debrief.md:6", "visit 7 is not in schedule.yml"),
    Fault("overlapping-visits", "overlapping visits",
          {f"{C}/schedule.yml": replace('{visit: 3, start: "09:00"', '{visit: 3, start: "08:50"')},
          f"{C}/schedule.yml:6", "overlaps visit 1"),
    Fault("date-mismatch", "date that does not match the cycle id",
          {f"{C}/schedule.yml": replace("date: 2025-10-14", "date: 2025-10-15")},
          f"{C}/schedule.yml:1", "does not match the cycle folder's date"),
    Fault("impossible-date", "impossible date", {f"{C}/actions.yml": replace("due: 2025-11-15", "due: 2025-11-31")},
          f"{C}/actions.yml:5", "not a real calendar date"),
    Fault("unquoted-language", "unquoted value YAML retypes",
          {"portfolio.yml": replace("kind: school\n", "kind: school\nlanguage: no\n")},
          "portfolio.yml:3", "was read as false: quote it"),
    Fault("unquoted-time", "unquoted value YAML retypes",
          {f"{C}/schedule.yml": replace('start: "08:00"', "start: 8:00")},
          f"{C}/schedule.yml:2", "base 60"),
    Fault("carries-nothing", "carries that resolves to nothing",
          {f"{C}/actions.yml": append("  carries: 2025-09-01-launch/charts\n")},
          f"{C}/actions.yml:1", "resolves to no action step"),
    Fault("carries-other-school", "carries that crosses schools",
          {**SECOND_SCHOOL, f"{C}/actions.yml": append("  carries: 2025-09-10-launch/charts\n")},
          f"{C}/actions.yml:1", "never carry across schools"),
    Fault("roster-name", "roster name", {f"{C}/scripts/visit-2.md": append("- Maria Lopez asked a question.\n")},
          f"{C}/scripts/visit-2.md:7", "privacy roster"),
    Fault("roster-name-in-comment", "roster name",
          {f"{C}/team.yml": replace("hall_work: 3", "hall_work: 3  # ask jordan  smith")},
          f"{C}/team.yml:1", "'Jordan Smith' is on the privacy roster"),
    Fault("roster-name-in-docs", "roster name", {}, "docs/about.md:3", "privacy roster",
          docs={"about.md": "# About\n\nThanks to Maria\nLopez for the photos.\n"}),
    Fault("javascript-link", "javascript: link",
          {f"{C}/focus.md": append("See [the plan](javascript:alert(1)).\n")},
          f"{C}/focus.md:12", "link scheme 'javascript:'"),
    Fault("data-link", "javascript: link", {f"{C}/debrief.md": append("\n<data:text/html,hi>\n")},
          f"{C}/debrief.md:18", "link scheme 'data:'"),
    Fault("outside-image", "image outside the site",
          {f"{C}/debrief.md": append("![chart](https://tracker.example/pixel.png)\n")},
          f"{C}/debrief.md:17", "images are not part of the content format"),
    Fault("non-utf8", "non-UTF-8 file",
          {f"{C}/scripts/visit-2.md": "---\nvisit: 2\n---\n- Caf\xe9 menu read aloud.\n".encode("latin-1")},
          f"{C}/scripts/visit-2.md:4", "not UTF-8"),
    Fault("stray-file", "stray file in a cycle folder", {f"{C}/notes.md": "some notes\n"},
          f"{C}/notes.md:1", "not part of a cycle folder"),
    Fault("stray-yaml-spelling", "stray file in a cycle folder", {f"{C}/schedule.yaml": "date: 2025-10-14\n"},
          f"{C}/schedule.yaml:1", "not part of a cycle folder"),
    Fault("bad-cycle-folder", "stray file in a cycle folder",
          {"schools/oak/cycles/october-walk/focus.md": "---\nquestion: Q\n---\n"},
          "schools/oak/cycles/october-walk:1", "must be named YYYY-MM-DD-slug"),
    Fault("script-number-mismatch", "duplicate visit",
          {f"{C}/scripts/visit-2.md": replace("visit: 2", "visit: 3")}, f"{C}/scripts/visit-2.md:2",
          "does not match the file name"),
    Fault("ratings-without-consensus", "unknown level",
          {f"{C}/team.yml": replace("hall_work: 3", "hall_work: 2"),
           f"{C}/scripts/visit-2.md": replace("ratings:\n  student-discourse: P\n", "")},
          f"{C}/scripts/visit-1.md:5", "hall_work: 3"),
    Fault("id-yaml-retypes", "unquoted value YAML retypes", {f"{C}/actions.yml": replace("id: stems", "id: 'no'")},
          f"{C}/actions.yml:1", "YAML reads as non-text"),
    Fault("duplicate-action", "repeated key",
          {f"{C}/actions.yml": append("- id: stems\n  action: Again\n  owner: Principal\n")},
          f"{C}/actions.yml:9", "used twice"),
    Fault("unknown-message-kind", "stray file in a cycle folder", {f"{C}/messages/newsletter.md": "Hello\n"},
          f"{C}/messages/newsletter.md:1", "not part of messages/"),
    Fault("front-matter-not-closed", "broken YAML",
          {f"{C}/scripts/visit-2.md": "---\nvisit: 2\n- 3 of 4 groups used strips.\n"},
          f"{C}/scripts/visit-2.md:1", "front matter is not closed"),
]

# Positive controls: content that looks unusual but is valid.
VALID: dict[str, dict[str, Edit]] = {
    "bom-and-crlf": {f"{C}/scripts/visit-2.md": "\ufeff---\r\nvisit: 2\r\n---\r\n- 3 of 4 pairs used strips.\r\n"},
    "draft-cycle-is-skipped": {
        "schools/oak/cycles/2026-03-01-later/focus.md":
            "---\nquestion: Later?\nframework: continuum\ncharacteristics: [questioning]\nstatus: draft\n---\n",
    },
    "escaped-bracket": {f"{C}/scripts/visit-2.md": append("- \\[sic] a literal bracket starts this item.\n")},
}

CATEGORIES = (
    "broken YAML", "tab-indented file", "missing required file", "missing required field", "unknown key",
    "repeated key", "unknown characteristic", "unknown level", "tag outside the lens", "duplicate visit",
    "unscheduled visit", "overlapping visits", "date that does not match the cycle id", "impossible date",
    "unquoted value YAML retypes", "carries that resolves to nothing", "carries that crosses schools",
    "roster name", "javascript: link", "non-UTF-8 file", "stray file in a cycle folder", "image outside the site",
)
