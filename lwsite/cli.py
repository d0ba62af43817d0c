"""The ``lwsite`` command line: adapts arguments to the core, and prints its results.

Exit codes: 0 ok, 1 content or input error, 2 usage error. Problems are printed one per
line, ``path:line: message`` for content and ``FILE.csv:row N: message`` for an export.
Commands that write files write all of them or none.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import importlib.metadata
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

import yaml

from . import importer, scaffold, scheduling
from .errors import Problem, Problems
from .export import FORMATS, downloads
from .load.cycle import CycleFiles, SchoolFiles, load_school, locate_cycle
from .load.fields import ID_RE, TIME_RE, yaml_reads_as_text
from .load.portfolio import load
from .model import Audience, Framework, Portfolio, TimeBlock
from .pipeline import Settings, prepare
from .privacy import load_roster

SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]*")  # used with fullmatch, as every id pattern
YEAR_RE = re.compile(r"[0-9]{4}-[0-9]{2}")
DRAFT_RE = re.compile(r"^status:[ \t]*draft[ \t]*(#.*)?$", re.M)


class InputError(Exception):
    """A problem with the content or the input files: printed, exit code 1."""


def _did_you_mean(given: str, known: Sequence[str]) -> str:
    """": did you mean X?" when one known word is close to what was typed, else nothing."""
    close = difflib.get_close_matches(given, list(known), n=1, cutoff=0.6)
    return f": did you mean {close[0]}?" if close else ""


class _Parser(argparse.ArgumentParser):
    """argparse, saying "did you mean" for a mistyped command, choice or option."""

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is not None and value not in action.choices:
            choices = [str(c) for c in action.choices]
            hint = _did_you_mean(str(value), choices)
            raise argparse.ArgumentError(action, f"invalid choice: {value!r} (choose from {', '.join(choices)}){hint}")

    def unknown(self, extra: Sequence[str]) -> NoReturn:
        """Exit 2 for arguments no option of this command takes, naming the options meant."""
        options = sorted(o for o in self._option_string_actions if o.startswith("--"))
        hints = [f"{name}{hint}" for name in (a.split("=")[0] for a in extra if a.startswith("-"))
                 if (hint := _did_you_mean(name, options))]
        message = f"unrecognized arguments: {' '.join(extra)}"
        if len(extra) == 1 and hints:
            message += hints[0][len(extra[0].split("=")[0]):]
        elif hints:
            message += f" ({'; '.join(hints)})"
        self.error(message)


# check ---------------------------------------------------------------------------------
def _check(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    return 0 if _report(content, args.strict) else 1


def project_config(project: Path) -> tuple[Path | None, str]:
    """The docs folder of the project's mkdocs.yml (``docs_dir``, default docs), if it has one,
    and the lwsite plugin's ``quality`` option (default info)."""
    config = project / "mkdocs.yml"
    if not config.is_file():
        return None, "info"
    try:
        data = yaml.load(config.read_text(encoding="utf-8-sig"), Loader=_AnyTags)
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        data = None
    data = data if isinstance(data, dict) else {}
    docs = data.get("docs_dir")
    plugins = data.get("plugins")
    entries = list(plugins.items()) if isinstance(plugins, dict) else [
        next(iter(p.items())) if isinstance(p, dict) and len(p) == 1 else (p, None)
        for p in (plugins if isinstance(plugins, list) else [])]
    options = next((o for name, o in entries if name == "lwsite" and isinstance(o, dict)), {})
    quality = options.get("quality")
    return project / (docs if isinstance(docs, str) else "docs"), quality if isinstance(quality, str) else "info"


class _AnyTags(yaml.SafeLoader):
    """The safe loader, reading a tagged value (!ENV, !!python/name:...) as null."""


_AnyTags.add_multi_constructor("", lambda loader, suffix, node: None)


def check_problems(content: Path) -> tuple[list[Problem], Portfolio | None]:
    """Every problem a build of any audience would meet, and the portfolio when there is no error.

    The same pipeline as the build, without writing a site: the content is loaded and checked
    once (with the docs folder of the mkdocs.yml beside the content folder, whose folder is the
    project folder), then prepared for each audience. The coach's flags come last: errors
    when the plugin's ``quality`` option is ``error``, as the build makes them, else warnings.
    """
    project = content.absolute().parent
    docs, level = project_config(project)
    loaded = load(content, docs, project)
    problems = sorted(loaded.problems.items, key=lambda p: (p.path, p.line, p.message))
    if loaded.portfolio is None:
        return problems, None
    seen, quality = set(problems), None
    for audience in Audience:
        prepared = prepare(Settings(content, audience, docs_dir=docs, project_dir=project), loaded)
        problems += [p for p in prepared.problems if p not in seen]
        seen.update(prepared.problems)
        quality = quality or prepared.quality
        if not prepared.ok:
            return problems, None
    flagged = [replace(p, warning=False) if level == "error" else p for p in quality or ()]
    problems += [p for p in flagged if p not in seen]
    return problems, None if level == "error" and flagged else loaded.portfolio


def _report(content: Path, strict: bool = False, extra: Sequence[Problem] = ()) -> bool:
    """Check a portfolio and print every problem (``extra`` ones first); True when it may be built."""
    problems, portfolio = check_problems(content)
    problems = [*extra, *problems]
    for problem in problems:
        print(problem)
    tracked = _roster_tracked(content, portfolio.privacy.roster if portfolio else None)
    for warning in tracked:
        print(warning)
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning] + tracked
    if errors or (strict and warnings):
        print(f"{len(errors)} error(s), {len(warnings)} warning(s)", file=sys.stderr)
        return False
    summary = "content is valid"
    if portfolio is not None:
        summary += f": {len(portfolio.schools)} school(s), {len(portfolio.cycles)} published cycle(s)"
    print(f"{summary}; {len(warnings)} warning(s)", file=sys.stderr)
    return True


def _roster_tracked(content: Path, roster: str | None) -> list[Problem]:
    """A warning when git tracks the roster file, which must never be published, unless the roster
    declares itself a sample of fictional names (``sample: true``, as the demo's does)."""
    if roster is None:
        return []
    path = (content / roster).resolve()
    loaded = load_roster(path, (), Problems(), roster) if path.is_file() else None
    if loaded is not None and loaded.sample:
        return []
    try:
        result = subprocess.run(
            ["git", "ls-files", "--error-unmatch", path.name],
            cwd=path.parent, capture_output=True, text=True, check=False,
        )
    except OSError:
        return []
    if result.returncode == 0:
        return [Problem("portfolio.yml", 1, f"the roster file {roster} is tracked by git: anyone who "
                        "can read the repository can read it; remove it from git (git rm --cached) "
                        "and list it in .gitignore (a roster of fictional names, a demo's, may say "
                        "sample: true instead)", warning=True)]
    return []


# shared helpers ------------------------------------------------------------------------
def _school(content: Path, sid: str) -> SchoolFiles:
    school, problems = load_school(content, sid)
    errors = [p for p in problems if not p.warning]
    if school is None or errors:
        raise InputError("\n".join(str(p) for p in errors) or f"cannot read school '{sid}'")
    return school


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _write_all(base: Path, files: Mapping[str, str | bytes], remove: Sequence[str] = ()) -> None:
    """Write every file below ``base`` or none: into a hidden folder first, then moved in."""
    base.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".lwsite-", dir=base))
    try:
        for rel, text in files.items():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        for rel in files:
            (base / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / rel, base / rel)
        for rel in remove:
            (base / rel).unlink(missing_ok=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _new_folder(folder: Path, files: dict[str, str]) -> None:
    """Create a folder with its files at once (a rename of a complete hidden folder)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        for rel, text in files.items():
            (staging / rel).parent.mkdir(parents=True, exist_ok=True)
            (staging / rel).write_text(text, encoding="utf-8")
        staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


class _Progress:
    """Progress on stderr for long runs: live on a terminal, a line every ``every`` otherwise."""

    def __init__(self, what: str, total: int, every: int = 1000) -> None:
        self.what, self.total, self.every = what, total, every
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int) -> None:
        if self.tty and (done % 100 == 0 or done == self.total):
            print(f"\r{self.what} {done}/{self.total}", end="", file=sys.stderr, flush=True)
        elif not self.tty and done % self.every == 0:
            print(f"{self.what} {done}/{self.total}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.tty and self.total >= 100:
            print(file=sys.stderr)


# new school / new cycle ----------------------------------------------------------------
def _new_school(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    if not (content / "portfolio.yml").is_file():
        raise InputError(f"{_shown(content)} has no portfolio.yml: give the portfolio folder with --content-dir")
    folder = content / "schools" / args.id
    if folder.exists():
        raise InputError(f"schools/{args.id}:1: the school already exists: choose another id")
    _new_folder(folder, {"school.yml": scaffold.school_yml(args.name, args.grades)})
    print(f"created {_shown(folder / 'school.yml')}: add its grades and rooms, then run lwsite check")
    return 0


def _new_cycle(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    school = _school(content, args.school)
    cid = f"{args.date.isoformat()}-{args.slug}"
    if len(cid) > 64:
        raise InputError(f"the cycle id {cid} is longer than 64 characters: shorten the slug")
    folder = content / "schools" / school.id / "cycles" / cid
    if folder.exists():
        raise InputError(f"schools/{school.id}/cycles/{cid}:1: the cycle already exists: choose another slug")
    like = _like(school, args.like, args.date) if args.like else None
    if like is not None:
        assert like.focus is not None and like.framework is not None
        framework = like.framework
    else:
        framework = _framework(school, args.framework)
    files = {
        "focus.md": scaffold.focus_md(framework, like=like.focus if like else None, like_id=like.id if like else None),
        "team.yml": scaffold.team_yml(like.team if like else None, like.id if like else None),
    }
    notes = []
    if like is not None:
        steps = scaffold.open_steps(like.actions)
        if steps and like.draft:
            notes.append(f"not carried: {like.id} is a draft, and a published cycle may only carry published steps")
        elif steps:
            files["actions.yml"] = scaffold.carried_actions_yml(steps, like.id)
            notes.append(f"actions.yml carries {len(steps)} open step(s) of {like.id}: "
                         + ", ".join(s.id for s in steps))
    _new_folder(folder, files)
    check, _ = load_school(content, school.id)
    made = check.cycle(cid) if check else None
    if made is None or made.errors:
        shutil.rmtree(folder, ignore_errors=True)
        raise InputError("\n".join(str(p) for p in (made.errors if made else [])) or "the new cycle did not load")
    print(f"created {_shown(folder)} (status: draft)")
    for name in files:
        print(f"  {name}")
    for note in notes:
        print(f"  {note}")
    groups = sorted({m.group for m in made.team.members if m.group}) if made.team else []
    print(f"next: fill in focus.md and team.yml, then lwsite schedule {school.id} {args.date.isoformat()} "
          f"--start 08:45 --slots 5 --minutes 15 --groups {','.join(groups) or 'A'}")
    return 0


def _like(school: SchoolFiles, given: str, day: dt.date) -> CycleFiles:
    cid = Path(given).name
    like = school.cycle(cid)
    if like is None:
        known = ", ".join(c.id for c in school.cycles) or "none"
        raise InputError(f"--like {given}: school '{school.id}' has no cycle {cid} (cycles: {known})")
    if like.date >= day:
        raise InputError(f"--like {cid}: a new cycle can only follow an earlier cycle")
    blocking = [p for p in like.errors if p.path.endswith(("focus.md", "team.yml", "actions.yml"))]
    if blocking or like.focus is None or like.framework is None:
        raise InputError("\n".join(str(p) for p in blocking) or f"{like.rel}: its focus.md did not load")
    return like


def _framework(school: SchoolFiles, fid: str | None) -> Framework:
    if not school.frameworks:
        raise InputError("frameworks:1: the portfolio has no framework: add one to frameworks/ first")
    if fid is None:
        return sorted(school.frameworks, key=lambda f: f.id)[0]
    found = school.framework(fid)
    if found is None:
        raise InputError(f"--framework {fid}: no such framework (frameworks: "
                         + ", ".join(f.id for f in school.frameworks) + ")")
    return found


# schedule ------------------------------------------------------------------------------
def _schedule(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    school = _school(content, args.school)
    day, target = _cycle_on(school, args.date)
    blocking = [p for p in target.errors if p.path.endswith(("focus.md", "team.yml"))]
    if blocking:
        raise InputError("\n".join(str(p) for p in blocking)
                         + "\nfix these first: the schedule needs the cycle's team and its groups")
    if (target.folder / "schedule.yml").exists() and not args.replace:
        raise InputError(f"{target.rel}/schedule.yml:1: the cycle already has a schedule: it is kept; "
                         "run again with --replace to overwrite it")
    if not school.rooms:
        raise InputError(f"schools/{school.id}/school.yml:1: the school lists no rooms, so lwsite cannot tell "
                         "which classrooms were visited: add rooms (codes and grades) to school.yml")
    if target.team is not None:
        have = {mem.group for mem in target.team.members}
        missing = [g for g in args.groups if g not in have]
        if missing:
            raise InputError(f"{target.rel}/team.yml:1: group(s) {', '.join(missing)} have no member in "
                             "team.yml: give members those groups, or change --groups")
    schedules = []
    for c in school.cycles:
        if c.id == target.id or c.date >= day:
            continue
        if c.schedule is None and (c.folder / "schedule.yml").is_file():
            print(f"{c.rel}/schedule.yml:1: warning: it has errors, so its rooms are not counted: "
                  "run lwsite check")
        if c.schedule is not None:
            schedules.append((c.date, c.schedule))
    earlier = scheduling.earlier_visits(schedules, day)
    try:
        proposal = scheduling.propose(school.rooms, earlier, start=args.start, slots=args.slots,
                                      minutes=args.minutes, groups=args.groups, gap=args.gap)
    except ValueError as exc:
        raise InputError(f"cannot propose a schedule: {exc}") from None
    never = sum(1 for h in proposal.chosen if h.last is None)
    note = [
        f"Proposed by lwsite schedule: {len(proposal.visits)} visits, rooms never visited first ({never} here),",
        "then those visited longest ago.",
    ]
    orientation = TimeBlock(args.orientation, 30) if args.orientation else None
    debrief = TimeBlock(args.debrief, 60) if args.debrief else None
    text = scaffold.schedule_yml(day, proposal.visits, orientation=orientation, debrief=debrief, note=note)
    _write_all(target.folder, {"schedule.yml": text})
    check, _ = load_school(content, school.id)
    made = check.cycle(target.id) if check else None
    for problem in made.errors if made else []:
        print(problem)
    print(f"wrote {_shown(target.folder / 'schedule.yml')}: {len(proposal.visits)} visits")
    for v, h in zip(proposal.visits, proposal.chosen, strict=True):
        seen = f"last visited {h.last.isoformat()} ({h.times}x)" if h.last else "never visited"
        print(f"  visit {v.number:>2}  {v.block.start:%H:%M}  group {v.group}  grade {h.room.grade or '-'}"
              f"  room {v.room}  {seen}")
    if proposal.skipped_slots:
        print(f"  {proposal.skipped_slots} slot(s) left empty: the school has only {len(school.rooms)} rooms")
    return 0 if made is not None and not made.errors else 1


def _cycle_on(school: SchoolFiles, given: str) -> tuple[dt.date, CycleFiles]:
    """The cycle of a school on a date (or given by its id)."""
    day = _date(given[:10])
    if len(given) > 10:
        found = school.cycle(given)
        matches = [found] if found else []
    else:
        matches = [c for c in school.cycles if c.date == day]
    if not matches:
        raise InputError(f"school '{school.id}' has no cycle on {given}: create it first with "
                         f"lwsite new cycle {school.id} {day.isoformat()} SLUG")
    if len(matches) > 1:
        raise InputError(f"school '{school.id}' has {len(matches)} cycles on {given} ("
                         + ", ".join(c.id for c in matches) + "): give the cycle id instead of the date")
    return day, matches[0]


# import --------------------------------------------------------------------------------
def _import(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    located = locate_cycle(content, args.cycle)
    if located is None:
        raise InputError(f"--cycle {args.cycle}: not a cycle folder of {_shown(content)} (give "
                         "content/schools/SCHOOL/cycles/CYCLE-ID or SCHOOL/CYCLE-ID)")
    school = _school(content, located[0])
    cycle = school.cycle(located[1])
    if cycle is None:
        raise InputError(f"--cycle {args.cycle}: the folder name is not a cycle id YYYY-MM-DD-slug")
    source = Path(args.csv)
    mapping = _mapping(args)
    header, rows = _read_csv(source)
    if args.mapping is None:
        columns = {**importer.default_columns(header), **mapping.columns}
        mapping = importer.ColumnMap(mapping.rows, columns, mapping.ratings, mapping.independent)
    progress = _Progress("checked", len(rows))
    plan = importer.plan_import(header, rows, mapping, cycle, school.roster, source=source.name,
                                replace=args.replace, progress=progress)
    progress.close()
    for problem in plan.problems:
        print(problem)
    if plan.errors:
        print(f"{len(plan.errors)} error(s): nothing was written", file=sys.stderr)
        return 1
    _write_all(cycle.folder, plan.files, plan.remove)
    print(f"wrote {len(plan.files)} visit script(s) with {plan.items} evidence item(s) to "
          f"{_shown(cycle.folder / 'scripts')}")
    return 0


def _mapping(args: argparse.Namespace) -> importer.ColumnMap:
    mapping = importer.ColumnMap()
    if args.mapping is not None:
        path = Path(args.mapping)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{args.mapping}:1: cannot read the mapping file: {exc}") from None
        parsed, problems = importer.parse_mapping(text, args.mapping)
        if parsed is None:
            raise InputError("\n".join(problems))
        mapping = parsed
    columns = dict(mapping.columns)
    for name in importer.FIELDS:
        given = getattr(args, f"{name}_column")
        if given:
            columns[name] = given
    ratings = dict(mapping.ratings)
    for item in args.rating or []:
        cid, _, column = item.partition("=")
        ratings[cid.strip()] = column.strip()
    return importer.ColumnMap(args.rows or mapping.rows, columns, tuple(ratings.items()), mapping.independent)


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read it: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path.name}:row 1: the file is not UTF-8 text: export it as \"CSV UTF-8\" "
                         f"(byte {exc.start})") from None
    header_line = text.split("\n", 1)[0]  # spreadsheets export ",", ";" or tab separated
    try:
        delimiter = csv.Sniffer().sniff(header_line, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter))
    except csv.Error as exc:
        raise InputError(f"{path.name}:row 1: cannot read it as CSV: {exc}") from None
    if not records or not any(cell.strip() for cell in records[0]):
        raise InputError(f"{path.name}:row 1: the file is empty: the first row must name the columns")
    return records[0], records[1:]


# publish -------------------------------------------------------------------------------
def _publish(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    located = locate_cycle(content, args.cycle)
    if located is None:
        raise InputError(f"{args.cycle}: not a cycle folder of {_shown(content)}")
    folder = content.resolve() / "schools" / located[0] / "cycles" / located[1]
    rel = f"schools/{located[0]}/cycles/{located[1]}"
    left = []  # values still saying "(fill this in)": reported with every other problem, in one run
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".md", ".yml") and not path.name.startswith("."):
            for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
                if scaffold.PLACEHOLDER in line.split(" #")[0]:
                    left.append(Problem(f"{rel}/{path.relative_to(folder).as_posix()}", n,
                                        f"this still says {scaffold.PLACEHOLDER}: write it, or remove it if "
                                        "it is optional"))
    focus = folder / "focus.md"
    stays = f"{rel} stays a draft: fix the problems above, then run lwsite publish again"
    if not focus.is_file():
        raise InputError("\n".join([*(str(p) for p in left), f"{rel}/focus.md:1: focus.md is missing: the "
                                     "cycle's status is set there", stays]))
    before = focus.read_text(encoding="utf-8-sig")
    end = before.find("\n---", 3)
    head = before[: end if end > 0 else len(before)]
    if not DRAFT_RE.search(head):
        print(f"{rel} is already published (its focus.md has no status: draft)", file=sys.stderr)
        return 0 if _report(content, extra=left) else 1
    after = DRAFT_RE.sub("status: published", head, count=1) + before[len(head):]
    focus.write_text(after, encoding="utf-8")
    ok = False
    try:
        ok = _report(content, extra=left)
    finally:
        if not ok:
            focus.write_text(before, encoding="utf-8")
    if ok:
        print(f"published {rel}: it is in the next build")
        return 0
    print(stays, file=sys.stderr)
    return 1


# export --------------------------------------------------------------------------------
def _export(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    prepared = prepare(Settings(content, Audience.parse(args.audience), args.school_year))
    errors = [p for p in prepared.problems if not p.warning]
    if errors or not prepared.ok:
        for problem in errors:
            print(problem)
        print(f"{len(errors)} error(s): nothing was exported (run lwsite check)", file=sys.stderr)
        return 1
    files = downloads(prepared.assets, args.format)
    out = Path(args.output)
    if not files:
        print(f"the {args.audience} site offers no {args.format.upper()} downloads: nothing was written")
        return 0
    _write_all(out, files)
    print(f"wrote {len(files)} {args.format.upper()} file(s) for the {args.audience} audience to {_shown(out)}: "
          + ", ".join(sorted(files)))
    return 0


# argument types ------------------------------------------------------------------------
def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date YYYY-MM-DD") from None


def _time(value: str) -> dt.time:
    match = TIME_RE.fullmatch(value)
    if not match:
        raise argparse.ArgumentTypeError(f"'{value}' is not a 24-hour time HH:MM")
    return dt.time(int(match.group(1)), int(match.group(2)))


def _ident(value: str) -> str:
    if not ID_RE.fullmatch(value) or not yaml_reads_as_text(value):
        raise argparse.ArgumentTypeError(f"'{value}' is not an id: lowercase letters, digits and hyphens")
    return value


def _slug(value: str) -> str:
    if not SLUG_RE.fullmatch(value):
        raise argparse.ArgumentTypeError(f"'{value}' is not a slug: lowercase letters, digits and hyphens")
    return value


def _groups(value: str) -> list[str]:
    groups = [g.strip() for g in value.split(",")]
    if not all(groups) or len(set(groups)) != len(groups):
        raise argparse.ArgumentTypeError(f"'{value}' is not a list of distinct groups such as A,B")
    return groups


def _count(lo: int, hi: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        if not value.isdigit() or not lo <= int(value) <= hi:
            raise argparse.ArgumentTypeError(f"'{value}' must be a whole number from {lo} to {hi}")
        return int(value)

    return parse


def _year(value: str) -> str:
    if not YEAR_RE.fullmatch(value) or (int(value[:4]) + 1) % 100 != int(value[5:]):
        raise argparse.ArgumentTypeError(f"'{value}' is not a school year such as 2025-26")
    return value


def _rating(value: str) -> str:
    cid, sep, column = value.partition("=")
    if not sep or not cid.strip() or not column.strip():
        raise argparse.ArgumentTypeError(f"'{value}' must be CHARACTERISTIC=COLUMN")
    return value


# parser --------------------------------------------------------------------------------
def _content_option(parser: argparse.ArgumentParser, positional: bool = False) -> None:
    if positional:
        parser.add_argument("content_dir", nargs="?", default=None, metavar="CONTENT_DIR",
                            help="the portfolio folder (default: content)")
        parser.add_argument("--content-dir", dest="content_dir_opt", default=None, metavar="CONTENT_DIR",
                            help="the portfolio folder (same as CONTENT_DIR)")
    else:
        parser.add_argument("--content-dir", dest="content_dir", default="content",
                            help="the portfolio folder (default: content)")


def build_parser() -> _Parser:
    parser = _Parser(
        prog="lwsite",
        description="Learning Walkthrough records as a browsable static site.",
        epilog="Exit codes: 0 ok, 1 content or input error, 2 usage error. "
               "Run lwsite COMMAND --help for each command.",
    )
    parser.add_argument("--version", action="version", version=f"lwsite {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = sub.add_parser(
        "check", help="validate a portfolio without building the site",
        description="Validate every file of a portfolio and list every problem as path:line: message.",
    )
    _content_option(check, positional=True)
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.set_defaults(func=_check, parser_=check)

    new = sub.add_parser("new", help="create a school or a cycle from a template",
                         description="Create the files of a new school or cycle, with comments saying "
                                     "what to fill in. The result passes lwsite check at once.")
    new_sub = new.add_subparsers(dest="what", metavar="WHAT", required=True)
    school = new_sub.add_parser("school", help="create schools/ID/school.yml",
                                description="Create schools/ID/school.yml.")
    school.add_argument("id", metavar="ID", type=_ident, help="the school id, e.g. lincoln-elementary")
    school.add_argument("--name", required=True, help="the school's name")
    school.add_argument("--grades", help="the grades it teaches, e.g. K-5")
    _content_option(school)
    school.set_defaults(func=_new_school, parser_=school)

    cycle = new_sub.add_parser(
        "cycle", help="create a draft cycle: focus.md, team.yml (and actions.yml with --like)",
        description="Create schools/SCHOOL/cycles/DATE-SLUG as a draft (status: draft): it is checked, "
                    "never built, until lwsite publish. With --like, copy an earlier cycle's focus "
                    "(question, framework, lens, improvement goal, look-fors) and team, and carry its "
                    "open action steps (planned or in progress) in a new actions.yml. The day's "
                    "schedule comes from lwsite schedule.",
    )
    cycle.add_argument("school", metavar="SCHOOL", type=_ident, help="the school id")
    cycle.add_argument("date", metavar="DATE", type=_date, help="the walkthrough day, YYYY-MM-DD")
    cycle.add_argument("slug", metavar="SLUG", type=_slug, help="a short name: lowercase words and hyphens")
    how = cycle.add_mutually_exclusive_group()
    how.add_argument("--like", metavar="PREVIOUS_CYCLE", help="an earlier cycle id of the same school")
    how.add_argument("--framework", help="the framework of the lens (default: the first)")
    _content_option(cycle)
    cycle.set_defaults(func=_new_cycle, parser_=cycle)

    sched = sub.add_parser(
        "schedule", help="propose the day's visits, rooms least recently visited first",
        description="Write schedule.yml for the cycle of SCHOOL on DATE (create the cycle first with "
                    "lwsite new cycle). Rooms (school.yml's rooms) never visited by an earlier cycle come "
                    "first, then those visited longest ago, then the least often, so that over a year "
                    "every classroom is seen and none is visited again and again; a room is visited at "
                    "most once a day. --slots is the number of visits per group: in each slot every "
                    "group visits one room, so the day has SLOTS x GROUPS visits (fewer if the school "
                    "has fewer rooms). Refuses a school without rooms.",
    )
    sched.add_argument("school", metavar="SCHOOL", type=_ident, help="the school id")
    sched.add_argument("date", metavar="DATE", help="the cycle's day, YYYY-MM-DD (or its cycle id)")
    sched.add_argument("--start", type=_time, required=True, help="the first visit's start, HH:MM")
    sched.add_argument("--slots", type=_count(1, 40), required=True, help="visits per group")
    sched.add_argument("--minutes", type=_count(1, 90), required=True, help="minutes in each room")
    sched.add_argument("--groups", type=_groups, required=True, help="visiting groups, e.g. A,B")
    sched.add_argument("--gap", type=_count(0, 60), default=5, help="minutes to walk between rooms (default 5)")
    sched.add_argument("--orientation", type=_time, help="the team's orientation start, HH:MM (30 minutes)")
    sched.add_argument("--debrief", type=_time, help="the debrief's start, HH:MM (60 minutes)")
    sched.add_argument("--replace", action="store_true", help="overwrite an existing schedule.yml")
    _content_option(sched)
    sched.set_defaults(func=_schedule, parser_=sched)

    imp = sub.add_parser(
        "import", help="turn a form or spreadsheet export (CSV) into scripts/visit-N.md files",
        description="Read a CSV export (one row per evidence item, or one row per visit with one "
                    "evidence item per line) and write the cycle's scripts/visit-N.md files. Columns "
                    "come from a mapping file (--mapping) or the options below; without either, columns "
                    "named visit, evidence, characteristic, observers, segment, wonderings are used. "
                    "Refused, with the row number: a roster name, a level outside the framework, a "
                    "characteristic outside the lens, a visit not in schedule.yml, a visit that already "
                    "has a script (unless --replace). If anything is refused, nothing is written.",
    )
    imp.add_argument("csv", metavar="CSV", help="the exported file")
    imp.add_argument("--cycle", required=True, metavar="PATH",
                     help="the cycle folder, or SCHOOL/CYCLE-ID")
    imp.add_argument("--mapping", metavar="FILE", help="a YAML mapping file (see examples/)")
    imp.add_argument("--rows", choices=importer.ROW_KINDS, help="one row per evidence item (default) or per visit")
    for name in importer.FIELDS:
        imp.add_argument(f"--{name}-column", metavar="HEADER", help=f"the column holding the {name}")
    imp.add_argument("--rating", action="append", type=_rating, metavar="CHARACTERISTIC=COLUMN",
                     help="a column holding the level of a lens characteristic (repeatable)")
    imp.add_argument("--replace", action="store_true", help="overwrite visits that already have a script")
    _content_option(imp)
    imp.set_defaults(func=_import, parser_=imp)

    pub = sub.add_parser(
        "publish", help="check a draft cycle and mark it published",
        description="Set a draft cycle's status to published, then check the whole portfolio as lwsite "
                    "check does. If anything is wrong (or a value still says (fill this in)), the cycle "
                    "stays a draft and the errors are listed.",
    )
    pub.add_argument("cycle", metavar="CYCLE", help="the cycle folder, or SCHOOL/CYCLE-ID")
    _content_option(pub)
    pub.set_defaults(func=_publish, parser_=pub)

    exp = sub.add_parser(
        "export", help="write the site's data downloads without building the site",
        description="Write the data downloads the site offers one audience (CSV or JSON) into a folder.",
    )
    _content_option(exp, positional=True)
    exp.add_argument("--audience", choices=("public", "staff", "team"), default="public",
                     help="whose downloads (default: public)")
    exp.add_argument("--format", choices=FORMATS, required=True, help="csv or json")
    exp.add_argument("-o", "--output", required=True, metavar="OUT_DIR", help="the folder to write into")
    exp.add_argument("--school-year", type=_year, help="as the site stood at the end of that year, e.g. 2024-25")
    exp.set_defaults(func=_export, parser_=exp)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        command: _Parser = getattr(args, "parser_", parser)
        command.unknown(extra)
    if getattr(args, "content_dir_opt", None) is not None:
        if args.content_dir is not None and args.content_dir != args.content_dir_opt:
            parser.error("give the content folder once, as CONTENT_DIR or --content-dir")
        args.content_dir = args.content_dir_opt
    if hasattr(args, "content_dir") and args.content_dir is None:
        args.content_dir = "content"
    try:
        if hasattr(args, "content_dir"):
            _content_folder(Path(args.content_dir), args.parser_.prog)
        code: int = args.func(args)
    except InputError as exc:
        print(exc)
        return 1
    except argparse.ArgumentTypeError as exc:
        parser.error(str(exc))
    return code


def _content_folder(content: Path, prog: str) -> None:
    """Refuse, before anything else, a content folder that is not there."""
    if content.is_dir():
        return
    what = "is a file, not a folder" if content.exists() else "does not exist"
    relative = "" if content.is_absolute() else f", relative to the folder you run lwsite in ({Path.cwd()})"
    raise InputError(
        f"no content folder: {content.absolute()} {what}. lwsite looked for the portfolio folder (the one that "
        f"holds portfolio.yml) at {content}{relative}: run it in the folder that holds mkdocs.yml, "
        f"or name the folder: {prog} --content-dir PATH"
    )


def _version() -> str:
    try:
        return importlib.metadata.version("lwsite")
    except importlib.metadata.PackageNotFoundError:
        return "(not installed)"


if __name__ == "__main__":
    sys.exit(main())
