"""After the day, no output of any audience joins a room to a visit: not by visit number, start
time, group, or the order of a schedule.

The trends fixture's walkthrough of October 7, 2025 visits rooms in an order of its own (visit 1
in E10 ... visit 6 in E5), and a walkthrough still to come (December 8, 2026) visits E1 and E2
(conftest.py's ``trends_sites``, which test_trends.py reads too).
Every output file of every audience is read back and the join is tried every way it could be made.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import output_texts
from pages import tables

PAST_ROOMS = [f"E{i}" for i in range(5, 11)]  # last visited on October 7, 2025
ROOM_RE = re.compile(r"(?<![\w-])E(?:[1-9]|10)(?![\w-])")
TIME_RE = re.compile(r"\b\d{1,2}:\d{2}\b")


@pytest.fixture(scope="module")
def sites(trends_sites: dict[str, Path]) -> dict[str, dict[str, str]]:
    """Every output file of each audience's site, as text (calendar lines unfolded)."""
    return {
        audience: {name: text.replace("\r\n ", "") for name, text in output_texts(site).items()}
        for audience, site in trends_sites.items()
    }


def mentions(files: dict[str, str], rooms: list[str]) -> set[str]:
    return {
        name for name, text in files.items() if any(re.search(rf"(?<![\w-]){room}(?![\w-])", text) for room in rooms)
    }


def test_rooms_of_past_walkthroughs_appear_only_in_the_teams_room_lists(sites: dict[str, dict[str, str]]) -> None:
    assert not mentions(sites["public"], PAST_ROOMS) and not mentions(sites["staff"], PAST_ROOMS)
    allowed = {"coverage/index.html", "schools/east/index.html", "search/search_index.json"}
    found = mentions(sites["team"], PAST_ROOMS)
    assert "coverage/index.html" in found, "the team's coverage list is where rooms belong"
    assert found <= allowed, found - allowed


def test_no_row_joins_a_past_room_to_a_visit_number_time_or_group(sites: dict[str, dict[str, str]]) -> None:
    team = sites["team"]
    for name in ("coverage/index.html", "schools/east/index.html"):
        for caption, table in tables(team[name]).items():
            for row in table[1:]:
                if not any(cell in PAST_ROOMS for cell in row):
                    continue
                text = " ".join(row)
                assert not TIME_RE.search(text), (name, caption, row)
                assert "Visit" not in text and "group" not in text.lower(), (name, caption, row)
    coverage = tables(team["coverage/index.html"])["East Elementary: rooms and their last visit"]
    assert coverage[0] == ["Room", "Grade", "Last visited", "Days ago", "Visits in all"]
    # the search index: a section that names a past room names no visit, time or group
    for section in re.findall(r'\{"location":.*?\}', team["search/search_index.json"]):
        if any(re.search(rf"(?<![\w-]){room}(?![\w-])", section) for room in PAST_ROOMS):
            assert not TIME_RE.search(section) and "Visit " not in section, section[:300]


def test_the_room_list_never_follows_the_order_of_a_schedule(sites: dict[str, dict[str, str]]) -> None:
    """The walkthrough visited E10 first and E5 last: the list keeps the school's own order."""
    coverage = tables(sites["team"]["coverage/index.html"])["East Elementary: rooms and their last visit"]
    visited = [row[0] for row in coverage[1:] if row[0] in PAST_ROOMS]
    assert visited == PAST_ROOMS  # E5 ... E10, as school.yml lists them; the schedule's order was E10 ... E5


def test_schedules_packets_and_downloads_only_for_walkthroughs_still_to_come(sites: dict[str, dict[str, str]]) -> None:
    team = sites["team"]
    schedule = team["downloads/visit-schedule.csv"].splitlines()
    assert schedule[0].startswith("school,") and len(schedule) == 3
    assert all(",2026-12-08-next," in row for row in schedule[1:]), schedule
    packets = sorted(name for name in team if "/observer-packet/" in name and name.endswith(".html"))
    assert packets == ["schools/east/2026-12-08-next/observer-packet/index.html"]
    assert "E1" in team[packets[0]] and "E2" in team[packets[0]]
    assert "Visit schedule" in team["schools/east/2026-12-08-next/index.html"]
    past = team["schools/east/2025-10-07-again/index.html"]
    assert "Visit schedule" not in past and not ROOM_RE.search(past)
    for name, text in team.items():
        if name.endswith(".ics"):
            assert not ROOM_RE.search(text), name


def test_each_home_page_says_what_its_build_shows(sites: dict[str, dict[str, str]]) -> None:
    team = sites["team"]["index.html"]
    assert "once a walkthrough has taken place, nothing on this site links a room to a visit" in team
    staff = sites["staff"]["index.html"]
    assert "never says which room a visit was in" in staff and "Room codes appear" not in staff
    public = sites["public"]["index.html"]
    assert "never names a teacher, a student or a room" in public and "visit number" not in public
