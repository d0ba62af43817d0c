"""One school's folders as written, drafts included: what the command line adds to.

``load(content_dir)`` returns only the published portfolio, and only when all of it is
valid. The commands that scaffold, schedule and import work on cycles that are still
drafts, or that are being written, so they read one school with the loader's own checks
(the same rules, the same messages) and keep each cycle's problems apart: a typo in last
year's cycle does not stop an import into today's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import model as m
from ..errors import Problem, Problems
from ..privacy import Roster, load_roster
from .context import CYCLE_ID_RE, iso_date
from .files import FILE, FOLDER, walk
from .portfolio import Loader
from .scripts import SCRIPT_RE


@dataclass(frozen=True)
class CycleFiles:
    """A cycle folder, draft or published, with whatever of it loaded without errors."""

    id: str
    school: str
    date: dt.date
    slug: str
    folder: Path  # absolute
    rel: str  # relative to the content folder
    focus: m.Focus | None
    framework: m.Framework | None
    team: m.Team | None
    schedule: m.Schedule | None
    actions: tuple[m.ActionStep, ...]
    scripts: tuple[tuple[int, str], ...]  # (visit number, file name) of every scripts/visit-N.md
    problems: tuple[Problem, ...]  # errors and warnings of this cycle's focus, team, schedule, actions

    @property
    def draft(self) -> bool:
        return self.focus is None or self.focus.status == "draft"

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]


@dataclass(frozen=True)
class SchoolFiles:
    """A school of a portfolio with every cycle folder, and the portfolio settings around it."""

    root: Path  # the content folder, absolute
    id: str
    name: str
    rooms: tuple[m.Room, ...]
    school_year_start: tuple[int, int]
    frameworks: tuple[m.Framework, ...]
    roster: Roster | None
    cycles: tuple[CycleFiles, ...]  # oldest first
    language: str = "en"  # the site's own language (the other languages' texts are translations of it)

    def cycle(self, cid: str) -> CycleFiles | None:
        return next((c for c in self.cycles if c.id == cid), None)

    def framework(self, fid: str) -> m.Framework | None:
        return next((f for f in self.frameworks if f.id == fid), None)


class _SchoolOnly(Loader):
    """The loader, reading a school's own file without loading its cycles."""

    def cycles(self, *args: Any, **kwargs: Any) -> list[m.Cycle]:
        return []


def school_ids(content_dir: Path) -> list[str]:
    root = content_dir.resolve()
    tree = walk(root, content_dir.absolute().parent)
    return [e.path.name for e in tree.children(root / "schools") if e.kind == FOLDER]


def load_school(content_dir: Path, school: str) -> tuple[SchoolFiles | None, list[Problem]]:
    """Read one school and all its cycle folders.

    The problems returned are those of portfolio.yml, the frameworks, the roster and
    school.yml; with any error among them the school is None. Each cycle carries its own.
    """
    root = content_dir.resolve()
    loader = _SchoolOnly(root, content_dir.absolute().parent)
    if not root.is_dir():
        return None, [Problem(".", 1, f"content folder {content_dir} does not exist: give it with --content-dir")]
    portfolio = loader.portfolio(root / "portfolio.yml")
    frameworks = loader.frameworks(root / "frameworks")
    folder = root / "schools" / school
    found = None
    if not loader.is_file(folder / "school.yml"):
        known = ", ".join(school_ids(root)) or "none yet"
        loader.problems.error(
            f"schools/{school}",
            1,
            f"there is no school '{school}' (schools: {known}): check the id, or create it with lwsite new school",
        )
    else:
        start = portfolio["school_year_start"] if portfolio else (8, 1)
        found = loader.school(folder, start, frameworks)
    roster = None
    privacy = loader.privacy
    if privacy is not None and privacy.roster:
        path = (root / privacy.roster).resolve()
        if path.is_file():
            roster = load_roster(
                path, privacy.allow_words, loader.problems, privacy.roster, [k for k in loader.known_names if k]
            )
    problems = list(loader.problems.items)
    if found is None or portfolio is None or loader.problems.errors:
        return None, problems
    cycles = []
    folder_cycles = folder / "cycles"
    for path in loader.children(folder_cycles):
        cycle = _cycle(loader, path, school, frameworks, found.rooms)
        if cycle is not None:
            cycles.append(cycle)
    return SchoolFiles(
        root=root,
        id=school,
        name=found.name,
        rooms=found.rooms,
        school_year_start=portfolio["school_year_start"],
        frameworks=tuple(frameworks.values()),
        roster=roster,
        cycles=tuple(sorted(cycles, key=lambda c: (c.date, c.id))),
        language=portfolio.get("language") or "en",
    ), problems


def _cycle(
    loader: Loader, folder: Path, school: str, frameworks: dict[str, m.Framework], rooms: tuple[m.Room, ...]
) -> CycleFiles | None:
    match = CYCLE_ID_RE.fullmatch(folder.name)
    day = iso_date(match.group(1)) if match else None
    if not loader.is_dir(folder) or match is None or day is None:
        return None
    loader.problems = Problems()
    focus_path = folder / "focus.md"
    focus = loader.focus(focus_path, frameworks) if loader.tree.kind(focus_path) == FILE else None
    team = loader.team(folder / "team.yml", required=False)
    schedule = loader.schedule(folder / "schedule.yml", day, team, rooms, required=False)
    actions = loader.actions(folder / "actions.yml", folder.name)
    scripts: list[tuple[int, str]] = []
    if loader.is_dir(folder / "scripts"):
        for path in loader.children(folder / "scripts"):
            found = SCRIPT_RE.fullmatch(path.name)
            if found:
                scripts.append((int(found.group(1)), path.name))
    return CycleFiles(
        id=folder.name,
        school=school,
        date=day,
        slug=match.group(2),
        folder=folder,
        rel=loader.rel(folder),
        focus=focus,
        framework=frameworks.get(focus.framework) if focus else None,
        team=team,
        schedule=schedule,
        actions=actions,
        scripts=tuple(sorted(scripts)),
        problems=tuple(loader.problems.items),
    )


def locate_cycle(content_dir: Path, given: str) -> tuple[str, str] | None:
    """(school id, cycle id) of a cycle given as a folder path or as ``school/cycle-id``."""
    root = content_dir.resolve()
    path = Path(given)
    candidates = [path.resolve()]
    if not path.is_absolute():
        candidates.append((root / "schools" / path.parent / "cycles" / path.name).resolve())
    for candidate in candidates:
        if candidate.is_dir() and candidate.parent.name == "cycles":
            school_folder = candidate.parent.parent
            if school_folder.parent == root / "schools":
                return school_folder.name, candidate.name
    return None
