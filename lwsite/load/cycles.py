"""``cycles/<YYYY-MM-DD-slug>/``: each cycle folder, its files read in order.

(``cycle.py`` is another job: one school's cycles as written, drafts included, for the commands.)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import model as m
from .actions import ActionsFile
from .context import CYCLE_ID_RE, iso_date
from .debrief import DebriefFile
from .files import FILE, FOLDER
from .focus import FocusFile
from .messages import MessageFiles
from .schedule import ScheduleFile, outline_of
from .scripts import ScriptFiles
from .sidecars import SIDECAR_RE, SidecarFiles
from .team import TeamFile

CYCLE_FILES = ("focus.md", "team.yml", "schedule.yml", "scripts", "debrief.md", "actions.yml", "messages")


class CycleFolders(
    FocusFile, SidecarFiles, TeamFile, ScheduleFile, ScriptFiles, DebriefFile, ActionsFile, MessageFiles
):
    """Reads cycles/ and each cycle folder, with every file kind of a cycle."""

    def cycles(
        self,
        folder: Path,
        school: str,
        start: tuple[int, int],
        frameworks: dict[str, m.Framework],
        rooms: tuple[m.Room, ...],
    ) -> list[m.Cycle]:
        out: list[m.Cycle] = []
        self.drafts.setdefault(school, {})
        self.published_actions.setdefault(school, {})
        if not self.need(folder, FOLDER):
            return out
        for path in self.children(folder):
            if not self.is_dir(path):
                self.stray(path, "cycles/", "one folder per cycle, named YYYY-MM-DD-slug")
                continue
            match = CYCLE_ID_RE.fullmatch(path.name)
            day = iso_date(match.group(1)) if match else None
            if match is None or day is None or len(path.name) > 64:
                self.problems.error(
                    self.rel(path),
                    1,
                    f"cycle folder '{path.name}' must be named YYYY-MM-DD-slug with a real date "
                    "(the walkthrough day) and a lowercase slug",
                )
                continue
            cycle = self.cycle(path, school, day, match.group(2), start, frameworks, rooms)
            if cycle is not None:
                out.append(cycle)
        return out

    def cycle(
        self,
        folder: Path,
        school: str,
        day: dt.date,
        slug: str,
        start: tuple[int, int],
        frameworks: dict[str, m.Framework],
        rooms: tuple[m.Room, ...],
    ) -> m.Cycle | None:
        cid = folder.name
        for child in self.children(folder):
            if child.name not in CYCLE_FILES and not SIDECAR_RE.fullmatch(child.name):
                self.stray(child, "a cycle folder", ", ".join(CYCLE_FILES) + ", focus.<lang>.md, debrief.<lang>.md")
        focus_path = folder / "focus.md"
        if not self.need(focus_path, FILE, "every cycle needs focus.md with its Focus of Inquiry"):
            return None
        focus = self.focus(focus_path, frameworks)
        if focus is not None:
            focus = self.sidecars(folder, "focus", focus)
        draft = focus is not None and focus.status == "draft"
        fw = frameworks.get(focus.framework) if focus else None
        lens = focus.characteristics if focus else None
        team = self.team(folder / "team.yml", required=not draft)
        schedule = self.schedule(folder / "schedule.yml", day, team, rooms, required=not draft)
        scripts = self.scripts(folder / "scripts", schedule, team, fw, lens)
        debrief = self.debrief(folder / "debrief.md", schedule, lens)
        if debrief is not None:
            debrief = self.sidecars(folder, "debrief", debrief)
        actions = self.actions(folder / "actions.yml", cid, fw)
        messages = self.messages(folder / "messages")
        bucket = self.drafts[school] if draft else self.published_actions[school]
        for a in actions:
            bucket[a.key] = a
        self.cycle_actions.append((school, draft, actions, self.rel(folder / "actions.yml")))
        if draft or focus is None or team is None or schedule is None:
            return None
        return m.Cycle(
            id=cid,
            school=school,
            date=day,
            slug=slug,
            school_year=m.school_year_of(day, start),
            path=self.rel(folder),
            focus=focus,
            team=team,
            schedule=schedule,
            outline=outline_of(schedule, len(scripts)),
            scripts=scripts,
            debrief=debrief,
            actions=actions,
            messages=messages,
            rooms=tuple(sorted({v.room for v in schedule.visits if v.room})),
        )
