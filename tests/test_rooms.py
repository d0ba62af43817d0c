"""After the day, no output of any audience joins a room to a visit: not by visit number, start
time, group, or the order of a schedule.

The trends fixture's walkthrough of October 7, 2025 visits rooms in an order of its own (visit 1
in E10 ... visit 6 in E5), and a walkthrough still to come (December 8, 2026) visits E1 and E2.
Every output file of every audience is read back and the join is tried every way it could be made.
"""

from __future__ import annotations

import re

import pytest
from helpers import FIXTURES, make_project, mkdocs_build, output_texts
from pages import tables

PAST_ROOMS = [f"E{i}" for i in range(5, 11)]  # last visited on October 7, 2025
ROOM_RE = re.compile(r"(?<![\w-])E(?:[1-9]|10)(?![\w-])")
TIME_RE = re.compile(r"\b\d{1,2}:\d{2}\b")
UPCOMING = "schools/east/cycles/2026-12-08-next"
SCHEDULE = """date: 2025-10-07
visits:
  - {visit: 1, start: "08:30", minutes: 15, group: A, grade: "3", subject: Mathematics, room: "E10"}
  - {visit: 2, start: "08:30", minutes: 15, group: B, grade: "4", subject: Science, room: "E9"}
  - {visit: 3, start: "08:50", minutes: 15, group: A, grade: "5", subject: English, room: "E8"}
  - {visit: 4, start: "08:50", minutes: 15, group: B, grade: "3", subject: Mathematics, room: "E7"}
  - {visit: 5, start: "09:10", minutes: 15, group: A, grade: "4", subject: Science, room: "E6"}
  - {visit: 6, start: "09:10", minutes: 15, group: B, grade: "5", subject: English, room: "E5"}
"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    project = make_project(tmp_path_factory.mktemp("rooms"), FIXTURES / "trends")
    content = project / "content"
    (content / "schools/east/cycles/2025-10-07-again/schedule.yml").write_text(SCHEDULE, encoding="utf-8")
    upcoming = content / UPCOMING
    upcoming.mkdir(parents=True)
    (upcoming / "focus.md").write_text("---\nquestion: What do students say next?\nframework: continuum\n"
                                       "characteristics: [talk]\n---\n", encoding="utf-8")
    (upcoming / "team.yml").write_text("hall_work: 3\nmembers:\n  - {role: Principal, group: A}\n", encoding="utf-8")
    (upcoming / "schedule.yml").write_text(
        'date: 2026-12-08\nvisits:\n  - {visit: 1, start: "08:30", minutes: 15, group: A, room: "E1"}\n'
        '  - {visit: 2, start: "08:50", minutes: 15, group: A, room: "E2"}\n', encoding="utf-8")
    out = {}
    for audience in ("public", "staff", "team"):
        result = mkdocs_build(project, audience, site_dir=f"site-{audience}")
        assert result.returncode == 0, result.stdout + result.stderr
        out[audience] = {name: text.replace("\r\n ", "") for name, text in
                         output_texts(project / f"site-{audience}").items()}
    return out


def mentions(files: dict[str, str], rooms: list[str]) -> set[str]:
    return {name for name, text in files.items()
            if any(re.search(rf"(?<![\w-]){room}(?![\w-])", text) for room in rooms)}


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


def test_schedules_packets_and_downloads_only_for_walkthroughs_still_to_come(sites: dict[str, dict[str, str]]
                                                                               ) -> None:
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
