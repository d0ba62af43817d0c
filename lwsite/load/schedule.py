"""``schedule.yml``: the day's visits and blocks, and the outline every audience may see."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from pathlib import Path

from .. import model as m
from .context import Context
from .fields import Reader
from .files import FILE
from .keys import Date, Int, Keys, List, Mapping, Text, Time
from .source import LMap

SCHEDULE = Keys(date=Date(required=True), orientation=Mapping(), visits=List(required=True), debrief=Mapping())
BLOCK = Keys(start=Time(required=True), minutes=Int(1, 600, required=True))  # named by its key in messages
VISIT = Keys(
    "a visit",
    visit=Int(1, required=True),
    start=Time(required=True),
    minutes=Int(1, 90, required=True),
    group=Text(),
    grade=Text(),
    subject=Text(),
    room=Text(),
)


class ScheduleFile(Context):
    """Reads a cycle's schedule.yml."""

    def schedule(
        self, path: Path, day: dt.date, team: m.Team | None, rooms: tuple[m.Room, ...], required: bool
    ) -> m.Schedule | None:
        if not self.need(
            path, FILE, "every published cycle needs schedule.yml with the day's visits" if required else None
        ):
            return None
        r = self.reader(path)
        data = self.yaml_file(path)
        doc = r.mapping(data, 1, "schedule.yml") if data is not None else None
        if doc is None:
            return None
        r.keys(doc, SCHEDULE)
        s = r.values(doc, SCHEDULE)
        date = s["date"]
        if date is not None and date != day:
            r.error(r.line(doc, "date"), f"date {date} does not match the cycle folder's date {day}: make them equal")
        orientation = self.block(r, s["orientation"], "orientation")
        debrief = self.block(r, s["debrief"], "debrief")
        visits: list[m.ScheduledVisit] = []
        lines: dict[int, int] = {}
        items = s["visits"]
        if doc.get("visits") == []:  # a list with no item (a wrong value is reported as such)
            r.error(r.line(doc, "visits"), "the schedule needs at least one visit")
        groups = {mem.group for mem in team.members} if team else None
        codes = {room.code for room in rooms}
        for i, item in enumerate(items):
            v = r.mapping(item, items.item_lines[i], "a visit")
            got = r.read(v, VISIT)
            if v is None or got is None:
                continue
            num, start, minutes = got["visit"], got["start"], got["minutes"]
            group, room = got["group"], got["room"]
            grade, subject = got["grade"], got["subject"]
            if num is not None and num in lines:
                r.error(v.line, f"visit {num} is listed twice (first on line {lines[num]}): number visits uniquely")
                continue
            if group is not None and groups is not None and group not in groups:
                r.error(
                    r.line(v, "group"), f"group '{group}' has no member in team.yml: give a member 'group: {group}'"
                )
            if room is not None and codes and room not in codes:
                r.error(
                    r.line(v, "room"),
                    f"room '{room}' is not one of the school's rooms ("
                    + ", ".join(sorted(codes))
                    + "): use one of them or add it to school.yml",
                )
            if num is None or start is None or minutes is None:
                continue
            block = m.TimeBlock(start, minutes)
            if start.hour * 60 + start.minute + minutes > 24 * 60:
                r.error(r.line(v, "minutes"), f"visit {num} runs past midnight: shorten it")
                continue
            lines[num] = v.line
            visits.append(m.ScheduledVisit(num, block, group, grade, subject, room))
        by_group: dict[str | None, list[m.ScheduledVisit]] = {}
        for sv in visits:
            by_group.setdefault(sv.group, []).append(sv)
        for group, runs in by_group.items():
            runs.sort(key=lambda sv: (sv.block.start, sv.number))
            for prev, cur in itertools.pairwise(runs):
                if _minutes(cur.block.start) < _minutes(prev.block.start) + prev.block.minutes:
                    who = f"group {group}" if group else "visits without a group"
                    r.error(
                        lines[cur.number],
                        f"visit {cur.number} ({_hm(cur.block.start)}) overlaps visit {prev.number} "
                        f"({_hm(prev.block.start)}-{_hm(prev.block.end)}) of {who}: one group "
                        "visits one room at a time",
                    )
        if not r.ok or date is None:
            return None
        return m.Schedule(date, orientation, tuple(sorted(visits, key=lambda sv: sv.number)), debrief)

    def block(self, r: Reader, b: LMap | None, key: str) -> m.TimeBlock | None:
        """The orientation or the debrief (``key``): a start and minutes."""
        got = r.read(b, BLOCK.named(key))
        if b is None or got is None:
            return None
        start, minutes = got["start"], got["minutes"]
        if start is None or minutes is None:
            return None
        if _minutes(start) + minutes > 24 * 60:
            r.error(
                r.line(b, "minutes"),
                f"the {key} runs past midnight ({_hm(start)} and {minutes} minutes): shorten it, or start it earlier",
            )
            return None
        return m.TimeBlock(start, minutes)


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def _hm(t: dt.time) -> str:
    return t.strftime("%H:%M")


def outline_of(schedule: m.Schedule, scripted: int = 0) -> m.Outline:
    """The day's outline, which every audience may see: blocks per group, totals, the usual
    length of a visit, and how many visits have a script."""
    by_group: dict[str | None, list[m.ScheduledVisit]] = {}
    for v in schedule.visits:
        by_group.setdefault(v.group, []).append(v)
    spans = []
    for group, visits in by_group.items():
        start = min(v.block.start for v in visits)
        end = max(v.block.end for v in visits)
        spans.append((start, end, len(visits), group))
    spans.sort(key=lambda s: (s[0], s[1], str(s[3])))
    blocks = tuple(m.OutlineBlock(i + 1, s, e, n, g) for i, (s, e, n, g) in enumerate(spans))
    grades = Counter(v.grade for v in schedule.visits if v.grade)
    subjects = Counter(v.subject for v in schedule.visits if v.subject)
    lengths = Counter(v.block.minutes for v in schedule.visits)
    return m.Outline(
        orientation=schedule.orientation,
        blocks=blocks,
        debrief=schedule.debrief,
        visits=len(schedule.visits),
        grades=tuple(sorted(grades.items(), key=lambda kv: m.grade_order(kv[0]))),
        subjects=tuple(sorted(subjects.items())),
        minutes=max(lengths.items(), key=lambda kv: (kv[1], kv[0]))[0] if lengths else None,
        scripted=scripted,
    )
