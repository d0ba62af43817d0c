"""Turning a form or spreadsheet export into a cycle's ``scripts/visit-N.md`` files.

Pure: ``plan_import`` takes the export's rows, a column mapping and the cycle as written,
and returns either every file to write or every problem found, each with its spreadsheet
row (the header is row 1). The shell writes nothing unless there is no problem at all.

Rows are either one per evidence item (a form: each submission is one thing seen or heard)
or one per visit (a spreadsheet: one row per classroom, one evidence item per line of the
evidence cell). Refused: a roster name in any cell that is read, a level that is not one of
the framework's, a characteristic outside the cycle's lens, a visit that is not in the
schedule, and a visit that already has a script (unless replacing).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from . import model as m
from .emit import clean
from .errors import Problems
from .load.cycle import CycleFiles
from .load.fields import Reader
from .load.keys import Keys, Raw
from .load.source import LMap, parse_yaml
from .load.team import is_team_role
from .load.text import SourceError
from .privacy import Roster
from .scaffold import script_md

ROW_KINDS = ("evidence", "visit")
# the keys of a mapping file; their values are read by parse_mapping, with messages about column headers
MAPPING = Keys(rows=Raw(), columns=Raw(required=True), ratings=Raw(), independent=Raw())
COLUMNS = Keys(
    "columns", visit=Raw(), evidence=Raw(), characteristic=Raw(), observers=Raw(), segment=Raw(), wonderings=Raw()
)
FIELDS = COLUMNS.allowed
VISIT_RE = re.compile(r"^\s*(?:visit\s*)?(?:no\.?\s*|#\s*)?(\d+)(?:\.0+)?\s*$", re.IGNORECASE)
TAG_RE = re.compile(r"^\[([^\]\s]+)\]\s+(.*)$", re.DOTALL)
BULLET_RE = re.compile(r"^(?:[-*+\u2022]\s+)")


@dataclass(frozen=True)
class ColumnMap:
    """Which column holds what. ``ratings`` maps a characteristic id to its level's column;
    ``independent`` an observer's role and a characteristic to the column of that observer's own level."""

    rows: str = "evidence"
    columns: Mapping[str, str] = field(default_factory=dict)  # field name -> column header
    ratings: tuple[tuple[str, str], ...] = ()
    independent: tuple[tuple[str, str, str], ...] = ()  # (observer's role, characteristic id, column header)

    def column(self, name: str) -> str | None:
        return self.columns.get(name)


@dataclass(frozen=True)
class RowProblem:
    source: str
    row: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{self.source}:row {self.row}: {kind}{self.message}"


@dataclass
class ImportPlan:
    files: dict[str, str] = field(default_factory=dict)  # path in the cycle folder -> text
    remove: list[str] = field(default_factory=list)  # old script files a replacement supersedes
    problems: list[RowProblem] = field(default_factory=list)
    items: int = 0  # evidence items

    @property
    def errors(self) -> list[RowProblem]:
        return [p for p in self.problems if not p.warning]


def parse_mapping(text: str, shown: str) -> tuple[ColumnMap | None, list[str]]:
    """A mapping file (YAML: ``rows``, ``columns``, ``ratings``, ``independent``), or its problems as
    path:line lines."""
    try:
        data = parse_yaml(text)
    except SourceError as exc:
        return None, [f"{shown}:{exc.line}: {exc.message}"]
    problems = Problems()
    r = Reader(problems, shown)
    bad = r.error

    if not isinstance(data, LMap):
        return None, [f"{shown}:1: a mapping file is a YAML mapping with columns: (and rows:, ratings:)"]
    r.unknown(data, MAPPING)
    rows = data.get("rows", "evidence")
    if rows not in ROW_KINDS:
        bad(data.key_lines.get("rows", 1), f"rows must be evidence or visit, not {rows!r}")
    columns: dict[str, str] = {}
    cols = data.get("columns")
    if not isinstance(cols, LMap):
        if "columns" not in data.typos:  # else the unknown key said which one was meant
            bad(
                data.key_lines.get("columns", 1),
                "columns: is required: a mapping of " + ", ".join(FIELDS) + " to column headers",
            )
    else:
        r.unknown(cols, COLUMNS)
        for key, value in cols.items():
            if key not in FIELDS:
                continue  # an unknown key, reported
            if not isinstance(value, str) or not value.strip():
                bad(cols.key_lines[key], f"'{key}' must name a column header (quote it if it is a number)")
            else:
                columns[key] = value
    ratings: list[tuple[str, str]] = []
    rmap = data.get("ratings")
    if rmap is not None:
        if not isinstance(rmap, LMap):
            bad(data.key_lines["ratings"], "ratings: maps characteristic ids to the columns of their levels")
        else:
            for key, value in rmap.items():
                if not isinstance(value, str) or not value.strip():
                    bad(rmap.key_lines[key], f"ratings '{key}' must name a column header")
                else:
                    ratings.append((key, value))
    independent: list[tuple[str, str, str]] = []
    imap = data.get("independent")
    if imap is not None:
        if not isinstance(imap, LMap):
            bad(
                data.key_lines["independent"],
                "independent: maps each observer's role to the columns of their "
                'own levels: {Principal: {student-discourse: "Principal\'s level"}}',
            )
        else:
            for role, columns_of in imap.items():
                if not isinstance(columns_of, LMap):
                    bad(
                        imap.key_lines[role],
                        f"independent '{role}' maps characteristic ids to the columns of this observer's own levels",
                    )
                    continue
                for cid, value in columns_of.items():
                    if not isinstance(value, str) or not value.strip():
                        bad(columns_of.key_lines[cid], f"independent '{role}' '{cid}' must name a column header")
                    else:
                        independent.append((role, cid, value))
    if problems.items:
        return None, [str(p) for p in problems.items]
    return ColumnMap(str(rows), columns, tuple(ratings), tuple(independent)), []


def default_columns(header: Sequence[str]) -> dict[str, str]:
    """Columns named like the fields themselves (``visit``, ``evidence``, ...), any case."""
    by_name = {h.strip().casefold(): h for h in header}
    return {f: by_name[f] for f in FIELDS if f in by_name}


@dataclass
class _Visit:
    number: int
    rows: list[int] = field(default_factory=list)
    evidence: list[tuple[str | None, str]] = field(default_factory=list)
    observers: list[str] = field(default_factory=list)
    segment: tuple[str, int] | None = None
    ratings: dict[str, tuple[str, int]] = field(default_factory=dict)
    independent: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)  # (role, cid) -> level, row
    wonderings: list[str] = field(default_factory=list)


class _Rows:
    def __init__(self, source: str, plan: ImportPlan) -> None:
        self.source, self.plan = source, plan

    def error(self, row: int, message: str) -> None:
        self.plan.problems.append(RowProblem(self.source, row, message))

    def warn(self, row: int, message: str) -> None:
        self.plan.problems.append(RowProblem(self.source, row, message, warning=True))


def plan_import(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    mapping: ColumnMap,
    cycle: CycleFiles,
    roster: Roster | None,
    *,
    source: str,
    replace: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportPlan:
    """Every script file an export makes, or every problem with it (and nothing to write)."""
    plan = ImportPlan()
    out = _Rows(source, plan)
    if not _cycle_ready(cycle, out):
        return plan
    assert cycle.focus is not None and cycle.schedule is not None
    index = _columns(header, mapping, out)
    if index is None:
        return plan
    lens = cycle.focus.characteristics
    labels = {name: header[i].strip() for name, i in index.items()}
    visits: dict[int, _Visit] = {}
    count = 0
    for count, cells in enumerate(rows, start=1):
        row = count + 1
        if progress is not None:
            progress(count)
        values = {name: clean(cells[i]).strip() if i < len(cells) else "" for name, i in index.items()}
        if not any(values.values()):
            continue
        if not _roster_clean(values, labels, roster, row, out):
            continue
        _read_row(values, row, mapping, cycle, lens, visits, out)
    if count == 0:
        out.error(1, "the export has a header but no rows: export the responses too")
    for visit in visits.values():
        _existing(visit, cycle, replace, plan, out)
    if plan.errors:
        plan.files.clear()
        plan.remove.clear()
        return plan
    for number in sorted(visits):
        visit = visits[number]
        name = f"scripts/visit-{number}.md"
        rows_note = ", ".join(str(r) for r in visit.rows)
        plan.files[name] = script_md(
            number,
            observers=visit.observers,
            segment=visit.segment[0] if visit.segment else None,
            ratings=[(cid, level) for cid, (level, _) in visit.ratings.items()],
            independent=_by_role(visit.independent),
            wonderings=visit.wonderings,
            evidence=visit.evidence,
            note=f"Imported by lwsite import (spreadsheet row{'s' if len(visit.rows) > 1 else ''} {rows_note}).",
        )
        plan.items += len(visit.evidence)
    return plan


def _cycle_ready(cycle: CycleFiles, out: _Rows) -> bool:
    blocking = [p for p in cycle.errors if p.path.endswith(("focus.md", "schedule.yml", "team.yml"))]
    for p in blocking:
        out.error(1, f"the cycle has an error to fix first: {p}")
    if blocking:
        return False
    if cycle.focus is None:
        out.error(1, f"{cycle.rel}/focus.md is missing: create the cycle with lwsite new cycle")
        return False
    if cycle.schedule is None:
        out.error(
            1,
            f"{cycle.rel}/schedule.yml is missing: write the day's schedule first "
            "(lwsite schedule proposes one), so that each row's visit can be checked",
        )
        return False
    return True


def _columns(header: Sequence[str], mapping: ColumnMap, out: _Rows) -> dict[str, int] | None:
    names = [h.strip() for h in header]
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        if name and name in seen:
            out.error(1, f"two columns are named '{name}': rename one")
        seen.setdefault(name, i)
    wanted = dict(mapping.columns)
    for cid, column in mapping.ratings:
        wanted[f"rating:{cid}"] = column
    for role, cid, column in mapping.independent:
        wanted[f"independent:{role}:{cid}"] = column
    for required in ("visit", "evidence"):
        if required not in wanted:
            out.error(
                1, f"no column is mapped to '{required}': name it in the mapping file or with --{required}-column"
            )
    index: dict[str, int] = {}
    for name, column in wanted.items():
        if column.strip() not in seen:
            what = (
                f"the level {name.split(':')[1]} gave {name.split(':', 2)[2]} on their own"
                if name.startswith("independent:")
                else name.replace("rating:", "the rating of ")
            )
            out.error(
                1, f"there is no column '{column}' for {what} (columns: " + ", ".join(f"'{n}'" for n in names) + ")"
            )
        else:
            index[name] = seen[column.strip()]
    return None if out.plan.errors else index


def _roster_clean(
    values: Mapping[str, str], labels: Mapping[str, str], roster: Roster | None, row: int, out: _Rows
) -> bool:
    """Whether no cell names anyone on the roster (the matcher of the build, so every form of a
    name counts); messages name the roster entry by number, never the name."""
    if roster is None:
        return True
    ok = True
    for name, text in values.items():
        for hit in roster.matcher.scan(text):
            where = roster.matcher.mask(labels[name])
            if hit.error:
                ok = False
                out.error(
                    row,
                    f"the '{where}' column names {roster.who(hit)}: \"{hit.context}\": describe "
                    "the practice, number the visit or use a role, then export again",
                )
            else:
                out.warn(
                    row,
                    f"the '{where}' column has the first name of {roster.who(hit)}: \"{hit.context}\": "
                    "if it means that person, remove it; if it is an ordinary word, add it to "
                    "privacy.allow_words",
                )
    return ok


def _read_row(
    values: Mapping[str, str],
    row: int,
    mapping: ColumnMap,
    cycle: CycleFiles,
    lens: tuple[str, ...],
    visits: dict[int, _Visit],
    out: _Rows,
) -> None:
    assert cycle.schedule is not None
    raw_visit = values.get("visit", "")
    found = VISIT_RE.match(raw_visit)
    if not found:
        out.error(row, f"'{raw_visit}' is not a visit number" if raw_visit else "the visit number is empty")
        return
    number = int(found.group(1))
    if cycle.schedule.visit(number) is None:
        known = ", ".join(str(v.number) for v in cycle.schedule.visits)
        out.error(
            row,
            f"visit {number} is not in the schedule of {cycle.id} (visits {known}): fix the "
            "number, or add the visit to schedule.yml",
        )
        return
    if mapping.rows == "visit" and number in visits:
        out.error(
            row,
            f"visit {number} is also on row {visits[number].rows[0]}: with one row per visit, give each visit one row",
        )
        return
    visit = visits.get(number) or _Visit(number)
    errors = len(out.plan.errors)
    default_tag = None
    if values.get("characteristic"):
        default_tag = _characteristic(values["characteristic"], cycle, lens, row, out)
    evidence = values.get("evidence", "")
    items = [evidence] if mapping.rows == "evidence" else _lines(evidence)
    parsed: list[tuple[str | None, str]] = []
    for item in items:
        if not item.strip():
            continue
        tag, text = default_tag, item
        inline = TAG_RE.match(item.strip())
        if inline and default_tag is None:
            tag = _characteristic(inline.group(1), cycle, lens, row, out)
            text = inline.group(2)
        if text.strip():
            parsed.append((tag, text))
    observers = [o.strip() for o in re.split(r"[;,\n]", values.get("observers", "")) if o.strip()]
    segment = _segment(values.get("segment", ""), row, out)
    ratings = _ratings(values, mapping, cycle, lens, row, out)
    independent = _independent(values, mapping, cycle, lens, row, out)
    wonderings = _lines(values.get("wonderings", ""))
    if len(out.plan.errors) > errors:
        return
    if segment is not None:
        if visit.segment is not None and visit.segment[0] != segment:
            out.error(
                row,
                f"visit {number} is in the '{visit.segment[0]}' segment on row {visit.segment[1]} "
                f"and '{segment}' here: give one segment per visit",
            )
            return
        visit.segment = (segment, row)
    for cid, level in ratings.items():
        before = visit.ratings.get(cid)
        if before is not None and before[0] != level:
            out.error(
                row,
                f"visit {number} is rated {before[0]} on {cid} on row {before[1]} and {level} here: "
                "give one rating per visit",
            )
            return
        visit.ratings.setdefault(cid, (level, row))
    for (role, cid), level in independent.items():
        before = visit.independent.get((role, cid))
        if before is not None and before[0] != level:
            out.error(
                row,
                f"visit {number}: {role}'s own level on {cid} is {before[0]} on row {before[1]} and "
                f"{level} here: give one level per observer and visit",
            )
            return
        visit.independent.setdefault((role, cid), (level, row))
        if role not in visit.observers:
            visit.observers.append(role)  # whoever gave a level observed the visit
    visits[number] = visit
    visit.rows.append(row)
    visit.evidence.extend(parsed)
    visit.observers.extend(o for o in observers if o not in visit.observers)
    visit.wonderings.extend(w for w in wonderings if w not in visit.wonderings)


def _lines(text: str) -> list[str]:
    return [BULLET_RE.sub("", line.strip()) for line in text.split("\n") if line.strip()]


def _characteristic(value: str, cycle: CycleFiles, lens: tuple[str, ...], row: int, out: _Rows) -> str | None:
    """A characteristic given by id or by title, which must be in the cycle's lens."""
    fw = cycle.framework
    wanted = value.strip().casefold()
    match = None
    if fw is not None:
        match = next((c for c in fw.characteristics if wanted in (c.id.casefold(), c.title.casefold())), None)
    cid = match.id if match else value.strip()
    if cid in lens:
        return cid
    shown = ", ".join(lens)
    if match is None and fw is not None:
        out.error(
            row,
            f"'{value}' is not a characteristic of framework '{fw.id}': use one of this cycle's "
            f"lens ({shown}), by id or title",
        )
    else:
        out.error(
            row,
            f"characteristic '{cid}' is not in this cycle's lens ({shown}): tag evidence with "
            "lens characteristics only",
        )
    return None


def _segment(value: str, row: int, out: _Rows) -> str | None:
    if not value:
        return None
    word = value.strip().split()[0].casefold().rstrip(",.;:")
    if word in m.SEGMENTS:
        return word
    out.error(row, f"segment '{value}' must be one of " + ", ".join(m.SEGMENTS))
    return None


def _ratings(
    values: Mapping[str, str],
    mapping: ColumnMap,
    cycle: CycleFiles,
    lens: tuple[str, ...],
    row: int,
    out: _Rows,
) -> dict[str, str]:
    found: dict[str, str] = {}
    given = [(cid, values.get(f"rating:{cid}", "")) for cid, _ in mapping.ratings]
    given = [(cid, v) for cid, v in given if v]
    if not given:
        return found
    team = cycle.team
    if team is not None and team.hall_work != 3:
        out.error(
            row,
            "this row has ratings, which are allowed only when team.yml has hall_work: 3 "
            "(consensus on the continuum): leave the rating columns out of the mapping, or "
            "change hall_work",
        )
        return found
    fw = cycle.framework
    for cid, value in given:
        if cid not in lens:
            out.error(
                row,
                f"the rating column of '{cid}' is not for a characteristic of this cycle's lens ("
                + ", ".join(lens)
                + "): fix the mapping",
            )
            continue
        level = _level(value, fw)
        if level is None:
            choices = ", ".join(f"{lv.id} ({lv.label})" for lv in fw.levels) if fw else ""
            out.error(
                row,
                f"level '{value}' for {cid} is not a level of framework '{fw.id if fw else '?'}': use one of {choices}",
            )
            continue
        found[cid] = level
    return found


def _independent(
    values: Mapping[str, str],
    mapping: ColumnMap,
    cycle: CycleFiles,
    lens: tuple[str, ...],
    row: int,
    out: _Rows,
) -> dict[tuple[str, str], str]:
    """Each observer's own level on this row, by (role, characteristic), checked as the loader checks it."""
    found: dict[tuple[str, str], str] = {}
    given = [(role, cid, values.get(f"independent:{role}:{cid}", "")) for role, cid, _ in mapping.independent]
    given = [(role, cid, v) for role, cid, v in given if v]
    if not given:
        return found
    team = cycle.team
    if team is not None and team.hall_work != 3:
        out.error(
            row,
            "this row has observers' own levels, which are allowed only when team.yml has hall_work: 3 "
            "(consensus on the continuum): leave the independent columns out of the mapping, or change "
            "hall_work",
        )
        return found
    roles = Counter(member.role for member in team.members) if team is not None else None
    fw = cycle.framework
    for role, cid, value in given:
        if roles is not None and not is_team_role(role, roles):
            out.error(
                row,
                f"'{role}' in the mapping's independent is not a role of this cycle's team ("
                + ", ".join(sorted(roles))
                + "): key observers' levels by role, never by name",
            )
            continue
        if cid not in lens:
            out.error(
                row,
                f"the independent column of {role} for '{cid}' is not for a characteristic of this "
                "cycle's lens (" + ", ".join(lens) + "): fix the mapping",
            )
            continue
        level = _level(value, fw)
        if level is None:
            choices = ", ".join(f"{lv.id} ({lv.label})" for lv in fw.levels) if fw else ""
            out.error(
                row,
                f"level '{value}' that {role} gave {cid} is not a level of framework "
                f"'{fw.id if fw else '?'}': use one of {choices}",
            )
            continue
        found[(role, cid)] = level
    return found


def _by_role(levels: Mapping[tuple[str, str], tuple[str, int]]) -> list[tuple[str, list[tuple[str, str]]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for (role, cid), (level, _) in levels.items():
        out.setdefault(role, []).append((cid, level))
    return list(out.items())


def _level(value: str, fw: m.Framework | None) -> str | None:
    if fw is None:
        return None
    wanted = value.strip().casefold()
    for lv in fw.levels:
        if wanted in (lv.id.casefold(), lv.label.casefold()):
            return lv.id
    return None


def _existing(visit: _Visit, cycle: CycleFiles, replace: bool, plan: ImportPlan, out: _Rows) -> None:
    names = [name for number, name in cycle.scripts if number == visit.number]
    if not names:
        return
    if not replace:
        out.error(
            visit.rows[0] if visit.rows else 1,
            f"visit {visit.number} already has scripts/{names[0]}: it is kept as it is; to overwrite "
            "it with this export, run again with --replace",
        )
        return
    new = f"visit-{visit.number}.md"
    plan.remove.extend(f"scripts/{name}" for name in names if name != new)
