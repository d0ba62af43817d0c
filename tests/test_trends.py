"""Trend pages of a small fixture, read back from the built site and checked against numbers
worked out by hand from the fixture's files (tests/fixtures/trends), never by the code under test.

East Elementary rated "talk" (Students explain their reasoning) in three walkthroughs:
  2024-10-01: NE NE D D D P P S  -> NE 2, D 3, P 2, S 1; 8 rated; Providing or above 3 (38%)
  2025-02-04: D D P P P S        -> NE 0, D 2, P 3, S 1; 6 rated; 4 (67%), up 29 points
  2025-10-07: NE D D P P P       -> NE 1, D 2, P 3, S 0; 6 rated; 3 (50%), down 17 points
and "questions" once (2024-10-01: D x6, P x2 -> 8 rated, 2 (25%)).
West Middle rated "talk" once (2024-11-05: D D P P P S -> 0, 2, 3, 1; 6 rated; 4 (67%)) and
scripted a "questions" walkthrough without ratings (2025-09-30).
The public sees the two halves, "Not Evident or Developing" and "Providing or Sustaining",
with counts below 3 suppressed.
"""

from __future__ import annotations

import csv
import datetime as dt
import html as html_lib
import io
import json
import re
from pathlib import Path

import pytest
from helpers import FIXTURES, build_site, make_project
from pages import bar_length, chart_marks, figure, read, tables

TALK = "Students explain their reasoning"
QUESTIONS = "Questions ask students to think"
LEVELS = ["Not Evident", "Developing", "Providing", "Sustaining"]
HALVES = ["Not Evident or Developing", "Providing or Sustaining"]


@pytest.fixture(scope="module")
def sites(trends_sites: dict[str, Path]) -> dict[str, Path]:
    """The trends fixture's sites (conftest.py: with rooms, which change no figure, shared with test_rooms.py)."""
    return trends_sites


def rows(table: list[list[str]]) -> list[list[str]]:
    return table[1:]


# a school, level by level (staff) ---------------------------------------------------------
def test_staff_school_trends_table_and_bars(sites: dict[str, Path]) -> None:
    html = read(sites["staff"], "schools/east/trends")
    fig = figure(html, "chart-talk")
    table = tables(fig)[f"{TALK}: share of visits at each level"]
    assert table[0] == ["Walkthrough or school year", *LEVELS, "Visits rated", "Share Providing or above"]
    assert rows(table) == [
        ["October 1, 2024", "2", "3", "2", "1", "8", "38%"],
        ["February 4, 2025", "0", "2", "3", "1", "6", "67%"],
        ["October 7, 2025", "1", "2", "3", "0", "6", "50%"],
        # East's school year 2024-25: NE 2+0, D 3+2, P 2+3, S 1+1; 7 of 14 Providing or above
        ["School year 2024-25", "2", "5", "5", "2", "14", "50%"],
        ["School year 2025-26", "1", "2", "3", "0", "6", "50%"],
    ]
    marks = chart_marks(fig)
    expected = {  # shares of each bar, a half rounded up
        "Oct 1, 2024": {"Not Evident": 25, "Developing": 38, "Providing": 25, "Sustaining": 13},
        "Feb 4, 2025": {"Developing": 33, "Providing": 50, "Sustaining": 17},
        "Oct 7, 2025": {"Not Evident": 17, "Developing": 33, "Providing": 50},
    }
    for bar, levels in expected.items():
        for level, share in levels.items():
            assert f"{bar}: {level} {share}%" in marks, (bar, level, sorted(marks))
    # bars are shares: every bar is as long as every other, whatever its number of visits
    lengths: dict[str, float] = {}
    for label, d in marks.items():
        bar = label.split(": ")[0]
        lengths[bar] = lengths.get(bar, 0.0) + bar_length(d)
    assert len({round(x, 3) for x in lengths.values()}) == 1, lengths


def test_staff_change_over_time(sites: dict[str, Path]) -> None:
    html = read(sites["staff"], "schools/east/trends")
    assert "February 4, 2025: 67% of 6 visits rated Providing or above, up 29 points from October 1, 2024." in html
    assert "October 7, 2025: 50% of 6 visits rated Providing or above, down 17 points from February 4, 2025." in html
    fig = figure(html, "chart-change")
    points = {label for label in chart_marks(fig) if label.startswith(TALK)}
    assert {f"{TALK}, Oct 1, 2024: 38%", f"{TALK}, Feb 4, 2025: 67%", f"{TALK}, Oct 7, 2025: 50%"} <= points
    table = tables(fig)["Visits rated Providing or above, as a share of visits rated, over time"]
    assert [TALK, "School year 2025-26", "50%", "6", "no change"] in rows(table)
    assert [TALK, "February 4, 2025", "67%", "6", "up 29 points"] in rows(table)


def test_staff_evidence_behind_each_characteristic(sites: dict[str, Path]) -> None:
    html = read(sites["staff"], "schools/east/trends")
    talk = tables(html)[f"{TALK}: evidence items per visit"]
    # visits 1, 2, 4, 6, 7, 8 of the first walkthrough have one talk item each; every visit of the others
    assert rows(talk) == [
        ["October 1, 2024", "8", "6", "0.8"],
        ["February 4, 2025", "6", "6", "1.0"],
        ["October 7, 2025", "6", "6", "1.0"],
        ["School year 2024-25", "14", "12", "0.9"],
        ["School year 2025-26", "6", "6", "1.0"],
    ]
    assert rows(tables(html)[f"{QUESTIONS}: evidence items per visit"]) == [
        ["October 1, 2024", "8", "2", "0.3"],
        ["School year 2024-25", "8", "2", "0.3"],
    ]


# the district --------------------------------------------------------------------------
def test_staff_district_years_and_schools(sites: dict[str, Path]) -> None:
    html = read(sites["staff"], "trends")
    years = tables(figure(html, "chart-talk"))[f"{TALK}: share of visits at each level, by school year"]
    # 2024-25: East's first two walkthroughs and West's: NE 2+0+0, D 3+2+2, P 2+3+3, S 1+1+1; 11 of 20
    assert rows(years) == [
        ["School year 2024-25", "2", "7", "8", "3", "20", "55%"],
        ["School year 2025-26", "1", "2", "3", "0", "6", "50%"],
    ]
    by_school = tables(html)[f"{TALK}: share of visits rated Providing or above, by school and school year"]
    # East 2024-25: (3 + 4) of (8 + 6) = 50%; West: 4 of 6 = 67%
    assert by_school == [
        ["School year", "East Elementary", "West Middle"],
        ["2024-25", "50% of 14", "67% of 6"],
        ["2025-26", "50% of 6", "not looked at"],
    ]
    heat = figure(html, "chart-heat-2024-25")
    assert set(chart_marks(heat)) >= {
        f"{TALK}, East Elementary: 50%",
        f"{TALK}, West Middle: 67%",
        f"{QUESTIONS}, East Elementary: 25%",
    }


def test_schools_are_never_ranked(sites: dict[str, Path]) -> None:
    """Schools keep the portfolio's order in every comparison, though West's figure is the higher."""
    html = read(sites["staff"], "trends")
    for caption, table in tables(html).items():
        header = [c for c in table[0] if c in ("East Elementary", "West Middle")]
        if header:
            assert header == ["East Elementary", "West Middle"], caption
    axis = re.search(r'aria-label="X-axis[^"]*values: ([^"]+)"', figure(html, "chart-heat-2024-25"))
    assert axis and html_lib.unescape(axis.group(1)).replace("\n", " ") == "East Elementary, West Middle"


# the public: halves, small counts protected where they are --------------------------------
def test_public_school_trends_in_halves_with_small_counts_protected(sites: dict[str, Path]) -> None:
    html = read(sites["public"], "schools/east/trends")
    table = tables(html)[f"{TALK}: share of visits at each level"]
    assert table[0] == ["Walkthrough or school year", *HALVES, "Visits rated", "Share Providing or above"]
    talk = rows(table)
    # October 2024 (5 | 3) and October 2025 (3 | 3) have no small half: exact
    assert talk[0] == ["October 1, 2024", "5", "3", "8", "38%"]
    assert talk[2] == ["October 7, 2025", "3", "3", "6", "50%"]
    # February 2025 is 2 | 4 of 6: the 2 is coded "fewer than 3", so the 4 is one of 4, 5, 6: a range of
    # 33 points, too wide to tell a reader anything, so it is not printed (its total is)
    assert talk[1] == ["February 4, 2025", "not shown", "not shown", "6", "not shown"]
    assert "February 4, 2025: 6 visits rated: the share rated Providing or above is not shown" in html
    # the school years: 2025-26 is October 2025 alone
    assert talk[4] == ["School year 2025-26", "3", "3", "6", "50%"]
    assert rows(tables(html)[f"{QUESTIONS}: share of visits at each level"]) == [
        ["October 1, 2024", "at least 6", "fewer than 3", "8", "0–25%"],
        ["School year 2024-25", "at least 6", "fewer than 3", "8", "0–25%"],
    ]
    assert "up 29 points" not in html
    # the chart draws the exact bars, and the range as a band between the halves
    marks = set(chart_marks(figure(html, "chart-talk")))
    assert {
        "Oct 1, 2024: Not Evident or Developing 63%",
        "Oct 1, 2024: Providing or Sustaining 38%",
        "Oct 7, 2025: Not Evident or Developing 50%",
    } <= marks
    assert not any(m.startswith("Feb 4, 2025:") for m in marks), marks  # not shown, not drawn
    # the school year 2024-25 (October and February) is a range, drawn as a band between its halves
    assert any(m.startswith("2024-25 (school year):") and "could be either half" in m for m in marks), marks


def test_public_district_shows_every_year_and_compares_years_not_schools(sites: dict[str, Path]) -> None:
    html = read(sites["public"], "trends")
    years = tables(html)[f"{TALK}: share of visits at each level, by school year"]
    # 2024-25: 9 | 11 of 20 (2+3+2 | 3+4+4 by hand); the district's own halves are big, so they show exactly
    assert rows(years) == [
        ["School year 2024-25", "9", "11", "20", "55%"],
        ["School year 2025-26", "3", "3", "6", "50%"],
    ]
    assert "not shown" not in html
    assert "chart-heat" not in html and "by school and school year" not in html
    assert "West Middle" in html  # named as a school that looked at it, never compared


def test_public_downloads_hold_the_pages_figures(sites: dict[str, Path]) -> None:
    site = sites["public"]
    ratings = list(csv.DictReader(io.StringIO(read(site, "downloads/ratings.csv"))))
    east_talk = [
        (r["cycle"], r["label"], r["visits"], r["visits_low"], r["visits_high"])
        for r in ratings
        if r["scope"] == "walkthrough" and r["school"] == "east" and r["characteristic"] == "talk"
    ]
    assert east_talk[:2] == [
        ("2024-10-01-start", HALVES[0], "5", "5", "5"),
        ("2024-10-01-start", HALVES[1], "3", "3", "3"),
    ]
    feb = [r for r in east_talk if r[0] == "2025-02-04-follow"]
    assert [r[2] for r in feb] == ["", ""] and all(int(r[3]) < int(r[4]) for r in feb)
    district = [
        (r["label"], r["visits"])
        for r in ratings
        if r["scope"] == "district-year" and r["school_year"] == "2024-25" and r["characteristic"] == "talk"
    ]
    assert district == [(HALVES[0], "9"), (HALVES[1], "11")]
    data = json.loads(read(site, "downloads/portfolio.json"))
    east = next(s for s in data["schools"] if s["id"] == "east")
    february = next(c for c in east["cycles"] if c["id"] == "2025-02-04-follow")["ratings"]["talk"]
    assert february["visits_rated"] == 6 and february["P+S"]["value"] is None
    assert [february["P+S"]["low"], february["P+S"]["high"]] == [int(feb[1][3]), int(feb[1][4])]
    assert data["district_by_school_year"]["talk"]["2025-26"] == {
        "visits_rated": 6,
        "NE+D": {"value": 3, "low": 3, "high": 3},
        "P+S": {"value": 3, "low": 3, "high": 3},
    }
    assert not (site / "downloads" / "visit-ratings.csv").exists()
    actions = list(csv.DictReader(io.StringIO(read(site, "downloads/actions.csv"))))
    assert actions and actions[0]["past_due_as_of_2026-11-22"] in ("true", "false")


def test_staff_and_team_downloads(sites: dict[str, Path]) -> None:
    actions = list(csv.DictReader(io.StringIO(read(sites["staff"], "downloads/actions.csv"))))
    past = {r["id"]: r["past_due_as_of_2026-11-22"] for r in actions}
    assert past == {"stems": "false", "stems-whole-class": "true", "stems-science": "true"}
    assert not (sites["staff"] / "downloads" / "visit-schedule.csv").exists()
    # every walkthrough of the fixture but the one still to come (conftest.py's UPCOMING, December 8,
    # 2026) has happened: no schedule row joins a room to a visit of those any more
    schedule = list(csv.DictReader(io.StringIO(read(sites["team"], "downloads/visit-schedule.csv"))))
    assert [r["cycle"] for r in schedule] == ["2026-12-08-next", "2026-12-08-next"]
    ratings = list(csv.DictReader(io.StringIO(read(sites["team"], "downloads/visit-ratings.csv"))))
    first = [r["level"] for r in ratings if r["cycle"] == "2024-10-01-start" and r["characteristic"] == "talk"]
    assert first == ["NE", "NE", "D", "D", "D", "P", "P", "S"]


# the ledger, coverage and characteristic pages --------------------------------------------
def test_ledger_chains_and_steps_past_their_due_date(sites: dict[str, Path]) -> None:
    for audience in ("public", "staff"):
        page = read(sites[audience], "actions")
        assert "Steps past their due date, as of November 22, 2026" in page
        past = re.search(r'<h2 id="overdue">.*?</ul>', page, re.DOTALL)
        assert past and past.group(0).count("<li>") == 2
        assert "the last of 3 steps, still open" in page
        assert "verdue" not in re.sub(r'(id|class)="[^"]*"', "", page)  # neutral words for a school's step
    staff = read(sites["staff"], "actions")
    assert tables(staff)["Steps by status"][1:] == [
        ["Planned", "1"],
        ["In progress", "1"],
        ["Done", "1"],
        ["Dropped", "0"],
        ["All", "3"],
    ]


def test_coverage_rooms_for_the_team_only(sites: dict[str, Path]) -> None:
    team = read(sites["team"], "coverage")
    rooms = tables(team)["East Elementary: rooms and their last visit"]
    # E1-E4 were last visited on Feb 4, 2025, E5-E10 on Oct 7, 2025; each twice
    assert [r[0] for r in rows(rooms)] == [f"E{i}" for i in range(1, 11)]
    days = (dt.date(2026, 11, 22) - dt.date(2025, 2, 4)).days  # the tests' LWSITE_TODAY
    assert rows(rooms)[0] == ["E1", "4", "February 4, 2025", str(days), "2"]
    for audience in ("public", "staff"):
        page = read(sites[audience], "coverage")
        assert "rooms and their last visit" not in page and "E10" not in page
        grades = tables(page)["West Middle: visits by grade"]
        assert grades == [["Grade", "2024-25", "2025-26"], ["6", "2", "2"], ["7", "2", "2"], ["8", "2", "1"]]


def test_characteristic_page_links_evidence_for_staff_only(sites: dict[str, Path]) -> None:
    staff = read(sites["staff"], "frameworks/continuum/talk")
    assert 'href="../../../schools/east/2024-10-01-start/evidence/#talk"' in staff
    assert "0.8 evidence items per visit (6 in 8 visits)" in staff
    public = read(sites["public"], "frameworks/continuum/talk")
    assert "/evidence/" not in public and "0.8 evidence items per visit (6 in 8 visits)" in public
    assert rows(tables(public)[f"{TALK}: share of visits at each level, by school year"])[1] == [
        "School year 2025-26",
        "3",
        "3",
        "6",
        "50%",
    ]


def test_cycle_page_links_its_trends(sites: dict[str, Path]) -> None:
    html = read(sites["public"], "schools/east/2025-10-07-again")
    assert 'href="../trends/#walkthrough-2025-10-07-again"' in html
    trends = read(sites["public"], "schools/east/trends")
    assert 'id="walkthrough-2025-10-07-again"' in trends and 'href="../2025-10-07-again/"' in trends


def test_a_rebuild_with_nothing_changed_renders_no_chart(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", FIXTURES / "trends")
    rendered = re.compile(r"lwsite: (\d+) chart\(s\) rendered, (\d+) taken from the cache")
    first = build_site(project, "staff", site_dir="one")
    second = build_site(project, "staff", site_dir="two")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    cold, warm = rendered.search(first.stderr), rendered.search(second.stderr)
    assert cold and warm, first.stderr
    assert int(cold.group(1)) > 0 and int(warm.group(1)) == 0, (cold.group(0), warm.group(0))
    assert int(warm.group(2)) == int(cold.group(1)) + int(cold.group(2))
    cached = sorted((project / ".cache" / "lwsite" / "charts").rglob("*.svg"))
    assert len(cached) == int(cold.group(1))
    page = "schools/east/trends/index.html"
    assert (project / "one" / page).read_bytes() == (project / "two" / page).read_bytes()


def test_no_public_figure_is_a_small_count(sites: dict[str, Path]) -> None:
    """Every exact count the public sees of rated visits is 3 or more, in every file that holds one."""
    site = sites["public"]
    small: list[str] = []
    for row in csv.DictReader(io.StringIO(read(site, "downloads/ratings.csv"))):
        if row["visits"] and int(row["visits"]) < 3:
            small.append(f"ratings.csv: {row}")

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("NE+D", "P+S") and isinstance(v, dict) and v["value"] is not None and v["value"] < 3:
                    small.append(f"portfolio.json {where}/{k}: {v}")
                walk(v, f"{where}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}/{i}")

    walk(json.loads(read(site, "downloads/portfolio.json")), "")
    pages = [p for p in site.rglob("index.html") if "/trends/" in p.as_posix() or "/frameworks/" in p.as_posix()]
    assert len(pages) >= 4
    for page in pages:
        for caption, table in tables(page.read_text(encoding="utf-8")).items():
            head = table[0]
            counted = [i for i, h in enumerate(head) if h in HALVES]
            small += [
                f"{page.relative_to(site)}: {caption}: {row}"
                for row in table[1:]
                for i in counted
                if i < len(row) and row[i].isdigit() and int(row[i]) < 3
            ]
    assert not small, "\n".join(small)
