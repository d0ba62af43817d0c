"""``schedule.yml``: the day's visits and blocks, and the outline every audience may see."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from .. import model as m
from .context import Context
from .fields import Reader
from .files import FILE
from .source import LMap


class ScheduleFile(Context):
    """Reads a cycle's schedule.yml."""

    def schedule(
        self, path: Path, day: dt.date, team: m.Team | None, rooms: tuple[m.Room, ...], required: bool
    ) -> m.Schedule | None:
        if not self.need(path, FILE,
                         "every published cycle needs schedule.yml with the day's visits" if required else None):
            return None
        r = self.reader(path)
        data = self.yaml_file(path)
        doc = r.mapping(data, 1, "schedule.yml") if data is not None else None
        if doc is None:
            return None
        r.keys(doc, ("date", "orientation", "visits", "debrief"), ("date", "visits"))
        date = r.date(doc, "date", True)
        if date is not None and date != day:
            r.error(r.line(doc, "date"),
                    f"date {date} does not match the cycle folder's date {day}: make them equal")
        orientation = self.block(r, doc, "orientation")
        debrief = self.block(r, doc, "debrief")
        visits: list[m.ScheduledVisit] = []
        lines: dict[int, int] = {}
        items = r.list(doc, "visits", True)
        if "visits" in doc and not items and r.ok:
            r.error(r.line(doc, "visits"), "the schedule needs at least one visit")
        groups = {mem.group for mem in team.members} if team else None
        codes = {room.code for room in rooms}
        for i, item in enumerate(items):
            v = r.mapping(item, items.item_lines[i], "a visit")
            if v is None or not r.keys(v, ("visit", "start", "minutes", "group", "grade", "subject", "room"),
                                       ("visit", "start", "minutes"), "a visit"):
                continue
            num = r.integer(v, "visit", 1)
            start = r.time(v, "start", True)
            minutes = r.integer(v, "minutes", 1, 90, True)
            group, room = r.text(v, "group"), r.text(v, "room")
            grade, subject = r.text(v, "grade"), r.text(v, "subject")
            if num is not None and num in lines:
                r.error(v.line, f"visit {num} is listed twice (first on line {lines[num]}): number visits uniquely")
                continue
            if group is not None and groups is not None and group not in groups:
                r.error(r.line(v, "group"),
                        f"group '{group}' has no member in team.yml: give a member 'group: {group}'")
            if room is not None and codes and room not in codes:
                r.error(r.line(v, "room"), f"room '{room}' is not one of the school's rooms ("
                        + ", ".join(sorted(codes)) + "): use one of them or add it to school.yml")
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
            for prev, cur in zip(runs, runs[1:], strict=False):
                if _minutes(cur.block.start) < _minutes(prev.block.start) + prev.block.minutes:
                    who = f"group {group}" if group else "visits without a group"
                    r.error(lines[cur.number],
                            f"visit {cur.number} ({_hm(cur.block.start)}) overlaps visit {prev.number} "
                            f"({_hm(prev.block.start)}-{_hm(prev.block.end)}) of {who}: one group "
                            "visits one room at a time")
        if not r.ok or date is None:
            return None
        return m.Schedule(date, orientation, tuple(sorted(visits, key=lambda sv: sv.number)), debrief)

    def block(self, r: Reader, doc: LMap, key: str) -> m.TimeBlock | None:
        if key not in doc:
            return None
        b = r.mapping(doc[key], r.line(doc, key), key)
        if b is None or not r.keys(b, ("start", "minutes"), ("start", "minutes"), key):
            return None
        start, minutes = r.time(b, "start", True), r.integer(b, "minutes", 1, 600, True)
        if start is None or minutes is None:
            return None
        if _minutes(start) + minutes > 24 * 60:
            r.error(r.line(b, "minutes"), f"the {key} runs past midnight ({_hm(start)} and {minutes} minutes): "
                    "shorten it, or start it earlier")
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
        orientation=schedule.orientation, blocks=blocks, debrief=schedule.debrief,
        visits=len(schedule.visits),
        grades=tuple(sorted(grades.items(), key=lambda kv: m.grade_order(kv[0]))),
        subjects=tuple(sorted(subjects.items())),
        minutes=max(lengths.items(), key=lambda kv: (kv[1], kv[0]))[0] if lengths else None,
        scripted=scripted,
    )
