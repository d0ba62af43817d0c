"""The ``lwsite`` command line: adapts arguments to the core, and prints its results.

Exit codes: 0 ok, 1 content or input error, 2 usage error. Problems are printed one per
line, ``path:line: message`` for content and ``FILE.csv:row N: message`` for an export.
Commands that write files write all of them or none.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.metadata
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from . import check, create, export, importer, importing, publish, values
from .errors import InputError, Problem
from .model import Audience
from .writing import shown

T = TypeVar("T")


def _did_you_mean(given: str, known: Sequence[str]) -> str:
    """The hint ": did you mean X?" when one known word is close to what was typed, else nothing."""
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
        hints = [
            f"{name}{hint}"
            for name in (a.split("=")[0] for a in extra if a.startswith("-"))
            if (hint := _did_you_mean(name, options))
        ]
        message = f"unrecognized arguments: {' '.join(extra)}"
        if len(extra) == 1 and hints:
            message += hints[0][len(extra[0].split("=")[0]) :]
        elif hints:
            message += f" ({'; '.join(hints)})"
        self.error(message)


class _Progress:
    """Progress on stderr for long runs: live on a terminal, a line every ``every`` otherwise."""

    def __init__(self, what: str, every: int = 1000) -> None:
        self.what, self.every, self.total = what, every, 0
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        self.total = total
        if self.tty and (done % 100 == 0 or done == total):
            print(f"\r{self.what} {done}/{total}", end="", file=sys.stderr, flush=True)
        elif not self.tty and done % self.every == 0:
            print(f"{self.what} {done}/{total}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.tty and self.total >= 100:
            print(file=sys.stderr)


# the commands: each calls the core and prints what it did -------------------------------
def _check(args: argparse.Namespace) -> int:
    return 0 if _report(Path(args.content_dir), args.strict) else 1


def _report(content: Path, strict: bool = False, extra: Sequence[Problem] = ()) -> bool:
    """Check a portfolio and print every problem (``extra`` ones first); True when it may be built."""
    problems, portfolio = check.check_problems(content)
    problems = [*extra, *problems]
    for problem in problems:
        print(problem)
    tracked = check.roster_tracked(content, portfolio.privacy.roster if portfolio else None)
    for warning in tracked:
        print(warning)
    if portfolio is not None:  # what is left to translate, as information
        for line in check.untranslated_lines(portfolio):
            print(line)
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


def _new_school(args: argparse.Namespace) -> int:
    made = create.new_school(Path(args.content_dir), args.id, args.name, args.grades)
    print(f"created {shown(made)}: add its grades and rooms, then run lwsite check")
    return 0


def _new_cycle(args: argparse.Namespace) -> int:
    made = create.new_cycle(Path(args.content_dir), args.school, args.date, args.slug, args.like, args.framework)
    print(f"created {shown(made.folder)} (status: draft)")
    for line in (*made.files, *made.notes):
        print(f"  {line}")
    print(
        f"next: fill in focus.md and team.yml, then lwsite schedule {made.school} {args.date.isoformat()} "
        f"--start 08:45 --slots 5 --minutes 15 --groups {','.join(made.groups) or 'A'}"
    )
    return 0


def _schedule(args: argparse.Namespace) -> int:
    day = create.Day(args.start, args.slots, args.minutes, args.groups, args.gap, args.orientation, args.debrief)
    made = create.schedule(Path(args.content_dir), args.school, args.date, day, args.replace, warn=print)
    for problem in made.problems:
        print(problem)
    proposal = made.proposal
    print(f"wrote {shown(made.path)}: {len(proposal.visits)} visits")
    for v, h in zip(proposal.visits, proposal.chosen, strict=True):
        seen = f"last visited {h.last.isoformat()} ({h.times}x)" if h.last else "never visited"
        print(
            f"  visit {v.number:>2}  {v.block.start:%H:%M}  group {v.group}  grade {h.room.grade or '-'}"
            f"  room {v.room}  {seen}"
        )
    if proposal.skipped_slots:
        print(f"  {proposal.skipped_slots} slot(s) left empty: the school has only {made.rooms} rooms")
    return 0 if made.ok else 1


def _import(args: argparse.Namespace) -> int:
    progress = _Progress("checked")
    columns = {name: getattr(args, f"{name}_column") for name in importer.FIELDS}
    done = importing.import_export(
        Path(args.content_dir),
        args.cycle,
        Path(args.csv),
        mapping_file=args.mapping,
        rows=args.rows,
        columns=columns,
        ratings=args.rating or [],
        replace=args.replace,
        progress=progress,
    )
    progress.close()
    plan = done.plan
    for problem in plan.problems:
        print(problem)
    if plan.errors:
        print(f"{len(plan.errors)} error(s): nothing was written", file=sys.stderr)
        return 1
    print(
        f"wrote {len(plan.files)} visit script(s) with {plan.items} evidence item(s) to "
        f"{shown(done.folder / 'scripts')}"
    )
    return 0


def _publish(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    draft = publish.find(content, args.cycle)
    if not draft.is_draft:
        print(f"{draft.rel} is already published (its focus.md has no status: draft)", file=sys.stderr)
        return 0 if _report(content, extra=draft.left) else 1
    if publish.publish(draft, lambda: _report(content, extra=draft.left)):
        print(f"published {draft.rel}: it is in the next build")
        return 0
    print(draft.stays, file=sys.stderr)
    return 1


def _export(args: argparse.Namespace) -> int:
    out, fmt = Path(args.output), args.format.upper()
    done = export.export(Path(args.content_dir), Audience.parse(args.audience), args.format, out, args.school_year)
    if not done.ok:
        for problem in done.errors:
            print(problem)
        print(f"{len(done.errors)} error(s): nothing was exported (run lwsite check)", file=sys.stderr)
        return 1
    if not done.written:
        print(f"the {args.audience} site offers no {fmt} downloads: nothing was written")
        return 0
    print(
        f"wrote {len(done.written)} {fmt} file(s) for the {args.audience} audience to {shown(out)}: "
        + ", ".join(done.written)
    )
    return 0


# argument types: the core's parsers, their message a usage error --------------------------
def _arg(parse: Callable[[str], T]) -> Callable[[str], T]:
    def typed(value: str) -> T:
        try:
            return parse(value)
        except values.Invalid as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return typed


_date, _time, _ident, _slug = _arg(values.date), _arg(values.time), _arg(values.ident), _arg(values.slug)
_groups, _year, _rating = _arg(values.groups), _arg(values.school_year), _arg(values.rating)


def _count(lo: int, hi: int) -> Callable[[str], int]:
    return _arg(values.count(lo, hi))


# parser --------------------------------------------------------------------------------
def _content_option(parser: argparse.ArgumentParser, positional: bool = False) -> None:
    if positional:
        parser.add_argument(
            "content_dir",
            nargs="?",
            default=None,
            metavar="CONTENT_DIR",
            help="the portfolio folder (default: content)",
        )
        parser.add_argument(
            "--content-dir",
            dest="content_dir_opt",
            default=None,
            metavar="CONTENT_DIR",
            help="the portfolio folder (same as CONTENT_DIR)",
        )
    else:
        parser.add_argument(
            "--content-dir", dest="content_dir", default="content", help="the portfolio folder (default: content)"
        )


def build_parser() -> _Parser:
    parser = _Parser(
        prog="lwsite",
        description="Learning Walkthrough records as a browsable static site.",
        epilog="Exit codes: 0 ok, 1 content or input error, 2 usage error. Run lwsite COMMAND --help for each command.",
    )
    parser.add_argument("--version", action="version", version=f"lwsite {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = sub.add_parser(
        "check",
        help="validate a portfolio without building the site",
        description="Validate every file of a portfolio and list every problem as path:line: message.",
    )
    _content_option(check, positional=True)
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.set_defaults(func=_check, parser_=check)

    new = sub.add_parser(
        "new",
        help="create a school or a cycle from a template",
        description="Create the files of a new school or cycle, with comments saying "
        "what to fill in. The result passes lwsite check at once.",
    )
    new_sub = new.add_subparsers(dest="what", metavar="WHAT", required=True)
    school = new_sub.add_parser(
        "school", help="create schools/ID/school.yml", description="Create schools/ID/school.yml."
    )
    school.add_argument("id", metavar="ID", type=_ident, help="the school id, e.g. lincoln-elementary")
    school.add_argument("--name", required=True, help="the school's name")
    school.add_argument("--grades", help="the grades it teaches, e.g. K-5")
    _content_option(school)
    school.set_defaults(func=_new_school, parser_=school)

    cycle = new_sub.add_parser(
        "cycle",
        help="create a draft cycle: focus.md, team.yml (and actions.yml with --like)",
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
        "schedule",
        help="propose the day's visits, rooms least recently visited first",
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
        "import",
        help="turn a form or spreadsheet export (CSV) into scripts/visit-N.md files",
        description="Read a CSV export (one row per evidence item, or one row per visit with one "
        "evidence item per line) and write the cycle's scripts/visit-N.md files. Columns "
        "come from a mapping file (--mapping) or the options below; without either, columns "
        "named visit, evidence, characteristic, observers, segment, wonderings are used. "
        "Refused, with the row number: a roster name, a level outside the framework, a "
        "characteristic outside the lens, a visit not in schedule.yml, a visit that already "
        "has a script (unless --replace). If anything is refused, nothing is written.",
    )
    imp.add_argument("csv", metavar="CSV", help="the exported file")
    imp.add_argument("--cycle", required=True, metavar="PATH", help="the cycle folder, or SCHOOL/CYCLE-ID")
    imp.add_argument("--mapping", metavar="FILE", help="a YAML mapping file (see examples/)")
    imp.add_argument("--rows", choices=importer.ROW_KINDS, help="one row per evidence item (default) or per visit")
    for name in importer.FIELDS:
        imp.add_argument(f"--{name}-column", metavar="HEADER", help=f"the column holding the {name}")
    imp.add_argument(
        "--rating",
        action="append",
        type=_rating,
        metavar="CHARACTERISTIC=COLUMN",
        help="a column holding the level of a lens characteristic (repeatable)",
    )
    imp.add_argument("--replace", action="store_true", help="overwrite visits that already have a script")
    _content_option(imp)
    imp.set_defaults(func=_import, parser_=imp)

    pub = sub.add_parser(
        "publish",
        help="check a draft cycle and mark it published",
        description="Set a draft cycle's status to published, then check the whole portfolio as lwsite "
        "check does. If anything is wrong (or a value still says (fill this in)), the cycle "
        "stays a draft and the errors are listed.",
    )
    pub.add_argument("cycle", metavar="CYCLE", help="the cycle folder, or SCHOOL/CYCLE-ID")
    _content_option(pub)
    pub.set_defaults(func=_publish, parser_=pub)

    exp = sub.add_parser(
        "export",
        help="write the site's data downloads without building the site",
        description="Write the data downloads the site offers one audience (CSV or JSON) into a folder.",
    )
    _content_option(exp, positional=True)
    exp.add_argument(
        "--audience", choices=("public", "staff", "team"), default="public", help="whose downloads (default: public)"
    )
    exp.add_argument("--format", choices=export.FORMATS, required=True, help="csv or json")
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
    except values.Invalid as exc:  # a value the core parses, such as schedule's DATE (a date or a cycle id)
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
