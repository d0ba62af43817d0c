"""Proposing a walkthrough day that spreads visits over every classroom in the year.

Pure: from the school's rooms and the rooms earlier cycles visited, a schedule that puts
first the rooms never visited, then those visited longest ago (and, among those, least
often), so that over a year every classroom is seen and none is visited again and again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from . import model as m


@dataclass(frozen=True)
class RoomHistory:
    room: m.Room
    last: dt.date | None  # the last earlier visit, None if never
    times: int  # how many earlier visits


@dataclass(frozen=True)
class Proposal:
    visits: tuple[m.ScheduledVisit, ...]
    chosen: tuple[RoomHistory, ...]  # in visit order
    skipped_slots: int  # slots left empty because every room already has a visit that day


def coverage(rooms: Sequence[m.Room], earlier: Sequence[tuple[dt.date, str]]) -> list[RoomHistory]:
    """Every room with its visit history, in priority order: never visited first, then the
    longest ago, then the least often, then as school.yml lists them."""
    out: list[RoomHistory] = []
    for room in rooms:
        dates = [day for day, code in earlier if code == room.code]
        out.append(RoomHistory(room, max(dates) if dates else None, len(dates)))
    order = {r.code: i for i, r in enumerate(rooms)}
    return sorted(out, key=lambda h: (h.last is not None, h.last or dt.date.min, h.times, order[h.room.code]))


def propose(
    rooms: Sequence[m.Room],
    earlier: Sequence[tuple[dt.date, str]],
    *,
    start: dt.time,
    slots: int,
    minutes: int,
    groups: Sequence[str],
    gap: int = 5,
) -> Proposal:
    """``slots`` visits per group, one slot every ``minutes + gap`` from ``start``; in each slot
    the groups, in turn, take the next room in priority order. No room is visited twice."""
    if not rooms:
        raise ValueError("the school lists no rooms")
    if slots < 1 or minutes < 1 or not groups:
        raise ValueError("a schedule needs at least one slot, one minute and one group")
    last_end = start.hour * 60 + start.minute + (slots - 1) * (minutes + gap) + minutes
    if last_end > 24 * 60:
        raise ValueError(f"{slots} slots of {minutes} minutes from {start:%H:%M} run past midnight")
    ranked = coverage(rooms, earlier)
    visits: list[m.ScheduledVisit] = []
    chosen: list[RoomHistory] = []
    for slot in range(slots):
        begin = start.hour * 60 + start.minute + slot * (minutes + gap)
        for group in groups:
            if len(chosen) == len(ranked):
                break
            pick = ranked[len(chosen)]
            chosen.append(pick)
            visits.append(
                m.ScheduledVisit(
                    number=len(visits) + 1,
                    block=m.TimeBlock(dt.time(begin // 60, begin % 60), minutes),
                    group=group,
                    grade=pick.room.grade,
                    room=pick.room.code,
                )
            )
    return Proposal(tuple(visits), tuple(chosen), slots * len(groups) - len(visits))


def earlier_visits(schedules: Sequence[tuple[dt.date, m.Schedule]], before: dt.date) -> list[tuple[dt.date, str]]:
    """(date, room code) of every visit with a room in the schedules dated before ``before``."""
    return [(day, v.room) for day, s in schedules if day < before for v in s.visits if v.room]
