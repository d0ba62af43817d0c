"""The commands that add content files: a new school, a new draft cycle, a cycle's schedule.

Each reads the school as written (``lwsite.load.cycle``), refuses with an ``InputError`` that
says what to do, writes its files at once (``lwsite.writing``) and reads them back with the
loader's own checks. What the files say comes from ``lwsite.scaffold`` and ``lwsite.scheduling``;
the command line prints what was made.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import scaffold, scheduling, values
from .errors import InputError, Problem
from .load.cycle import CycleFiles, SchoolFiles, load_school
from .model import Framework, TimeBlock
from .writing import new_folder, shown, write_all


def school_files(content: Path, sid: str) -> SchoolFiles:
    """A school as written, or an ``InputError`` with its errors."""
    school, problems = load_school(content, sid)
    errors = [p for p in problems if not p.warning]
    if school is None or errors:
        raise InputError("\n".join(str(p) for p in errors) or f"cannot read school '{sid}'")
    return school


# new school ----------------------------------------------------------------------------
def new_school(content: Path, sid: str, name: str, grades: str | None) -> Path:
    """Create schools/ID/school.yml; its path."""
    if not (content / "portfolio.yml").is_file():
        raise InputError(f"{shown(content)} has no portfolio.yml: give the portfolio folder with --content-dir")
    folder = content / "schools" / sid
    if folder.exists():
        raise InputError(f"schools/{sid}:1: the school already exists: choose another id")
    new_folder(folder, {"school.yml": scaffold.school_yml(name, grades)})
    return folder / "school.yml"


# new cycle -----------------------------------------------------------------------------
@dataclass(frozen=True)
class NewCycle:
    school: str
    folder: Path
    files: tuple[str, ...]  # the names of the files written
    notes: tuple[str, ...]  # what was carried from the earlier cycle, or why not
    groups: tuple[str, ...]  # the visiting groups of its team


def new_cycle(
    content: Path, sid: str, day: dt.date, slug: str, like_id: str | None = None, framework_id: str | None = None
) -> NewCycle:
    """Create a draft cycle (focus.md, team.yml, and actions.yml carrying open steps with ``like_id``)."""
    school = school_files(content, sid)
    cid = f"{day.isoformat()}-{slug}"
    if len(cid) > 64:
        raise InputError(f"the cycle id {cid} is longer than 64 characters: shorten the slug")
    folder = content / "schools" / school.id / "cycles" / cid
    if folder.exists():
        raise InputError(f"schools/{school.id}/cycles/{cid}:1: the cycle already exists: choose another slug")
    like = _like(school, like_id, day) if like_id else None
    if like is not None:
        assert like.focus is not None and like.framework is not None
        framework = like.framework
    else:
        framework = _framework(school, framework_id)
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
            files["actions.yml"] = scaffold.carried_actions_yml(steps, like.id, school.language)
            notes.append(
                f"actions.yml carries {len(steps)} open step(s) of {like.id}: " + ", ".join(s.id for s in steps)
            )
    new_folder(folder, files)
    check, _ = load_school(content, school.id)
    made = check.cycle(cid) if check else None
    if made is None or made.errors:
        shutil.rmtree(folder, ignore_errors=True)
        raise InputError("\n".join(str(p) for p in (made.errors if made else [])) or "the new cycle did not load")
    groups = sorted({m.group for m in made.team.members if m.group}) if made.team else []
    return NewCycle(school.id, folder, tuple(files), tuple(notes), tuple(groups))


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
        return min(school.frameworks, key=lambda f: f.id)
    found = school.framework(fid)
    if found is None:
        raise InputError(
            f"--framework {fid}: no such framework (frameworks: " + ", ".join(f.id for f in school.frameworks) + ")"
        )
    return found


# schedule ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Day:
    """What ``lwsite schedule`` asks for: the visits of each group, and the day's other blocks."""

    start: dt.time
    slots: int
    minutes: int
    groups: Sequence[str]
    gap: int = 5
    orientation: dt.time | None = None  # 30 minutes
    debrief: dt.time | None = None  # 60 minutes


@dataclass(frozen=True)
class Scheduled:
    path: Path  # the schedule.yml written
    proposal: scheduling.Proposal
    rooms: int  # how many rooms the school has
    problems: tuple[Problem, ...]  # the new schedule's errors, read back (none when it worked)
    ok: bool


def schedule(
    content: Path, sid: str, given: str, day: Day, replace: bool = False, warn: Callable[[str], None] | None = None
) -> Scheduled:
    """Write schedule.yml for the cycle of a school on a date (or given by its id): rooms never
    visited by an earlier cycle first, then those visited longest ago. ``warn`` hears of earlier
    schedules whose rooms are not counted."""
    school = school_files(content, sid)
    date, target = cycle_on(school, given)
    blocking = [p for p in target.errors if p.path.endswith(("focus.md", "team.yml"))]
    if blocking:
        raise InputError(
            "\n".join(str(p) for p in blocking)
            + "\nfix these first: the schedule needs the cycle's team and its groups"
        )
    if (target.folder / "schedule.yml").exists() and not replace:
        raise InputError(
            f"{target.rel}/schedule.yml:1: the cycle already has a schedule: it is kept; "
            "run again with --replace to overwrite it"
        )
    if not school.rooms:
        raise InputError(
            f"schools/{school.id}/school.yml:1: the school lists no rooms, so lwsite cannot tell "
            "which classrooms were visited: add rooms (codes and grades) to school.yml"
        )
    if target.team is not None:
        have = {mem.group for mem in target.team.members}
        missing = [g for g in day.groups if g not in have]
        if missing:
            raise InputError(
                f"{target.rel}/team.yml:1: group(s) {', '.join(missing)} have no member in "
                "team.yml: give members those groups, or change --groups"
            )
    schedules = []
    for c in school.cycles:
        if c.id == target.id or c.date >= date:
            continue
        if c.schedule is None and (c.folder / "schedule.yml").is_file() and warn is not None:
            warn(f"{c.rel}/schedule.yml:1: warning: it has errors, so its rooms are not counted: run lwsite check")
        if c.schedule is not None:
            schedules.append((c.date, c.schedule))
    earlier = scheduling.earlier_visits(schedules, date)
    try:
        proposal = scheduling.propose(
            school.rooms, earlier, start=day.start, slots=day.slots, minutes=day.minutes, groups=day.groups, gap=day.gap
        )
    except ValueError as exc:
        raise InputError(f"cannot propose a schedule: {exc}") from None
    never = sum(1 for h in proposal.chosen if h.last is None)
    note = [
        f"Proposed by lwsite schedule: {len(proposal.visits)} visits, rooms never visited first ({never} here),",
        "then those visited longest ago.",
    ]
    orientation = TimeBlock(day.orientation, 30) if day.orientation else None
    debrief = TimeBlock(day.debrief, 60) if day.debrief else None
    text = scaffold.schedule_yml(date, proposal.visits, orientation=orientation, debrief=debrief, note=note)
    write_all(target.folder, {"schedule.yml": text})
    check, _ = load_school(content, school.id)
    made = check.cycle(target.id) if check else None
    problems = tuple(made.errors) if made else ()
    return Scheduled(
        target.folder / "schedule.yml", proposal, len(school.rooms), problems, made is not None and not made.errors
    )


def cycle_on(school: SchoolFiles, given: str) -> tuple[dt.date, CycleFiles]:
    """The cycle of a school on a date (or given by its id)."""
    day = values.date(given[:10])
    if len(given) > 10:
        found = school.cycle(given)
        matches = [found] if found else []
    else:
        matches = [c for c in school.cycles if c.date == day]
    if not matches:
        raise InputError(
            f"school '{school.id}' has no cycle on {given}: create it first with "
            f"lwsite new cycle {school.id} {day.isoformat()} SLUG"
        )
    if len(matches) > 1:
        raise InputError(
            f"school '{school.id}' has {len(matches)} cycles on {given} ("
            + ", ".join(c.id for c in matches)
            + "): give the cycle id instead of the date"
        )
    return day, matches[0]
