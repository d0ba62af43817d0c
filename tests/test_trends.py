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
from helpers import FIXTURES, make_project, mkdocs_build
from pages import bar_length, chart_marks, figure, read, tables

TALK = "Students explain their reasoning"
QUESTIONS = "Questions ask students to think"
LEVELS = ["Not Evident", "Developing", "Providing", "Sustaining"]
HALVES = ["Not Evident or Developing", "Providing or Sustaining"]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    project = make_project(tmp_path_factory.mktemp("trends"), FIXTURES / "trends")
    out = {}
    for audience in ("public", "staff", "team"):
        result = mkdocs_build(project, audience, site_dir=f"site-{audience}")
        assert result.returncode == 0, result.stdout + result.stderr
        out[audience] = project / f"site-{audience}"
    return out


def rows(table: list[list[str]]) -> list[list[str]]:
    return table[1:]


# a school, level by level (staff) ---------------------------------------------------------
def test_staff_school_trends_table_and_bars(sites: dict[str, Path]) -> None:
    html = read(sites["staff"], "schools/east/trends")
    fig = figure(html, "chart-talk")
    table = tables(fig)[f"{TALK}: visits at each level"]
    assert table[0] == ["Walkthrough", *LEVELS, "Visits rated", "Share Providing or above"]
    assert rows(table) == [
        ["1 October 2024", "2", "3", "2", "1", "8", "38%"],
        ["4 February 2025", "0", "2", "3", "1", "6", "67%"],
        ["7 October 2025", "1", "2", "3", "0", "6", "50%"],
    ]
    marks = chart_marks(fig)
    expected = {
        "1 Oct 2024": {"Not Evident": 2, "Developing": 3, "Providing": 2, "Sustaining": 1},
        "4 Feb 2025": {"Developing": 2, "Providing": 3, "Sustaining": 1},
        "7 Oct 2025": {"Not Evident": 1, "Developing": 2, "Providing": 3},
    }
    assert set(marks) == {f"{bar}: {level} {n}" for bar, levels in expected.items() for level, n in levels.items()}
    # every bar segment is drawn at the same length per visit
    per_visit = {bar_length(d) / int(label.rsplit(" ", 1)[1]) for label, d in marks.items()}
    assert len({round(x, 6) for x in per_visit}) == 1, per_visit


def test_staff_change_over_time(sites: dict[str, Path]) -> None:
    html = read(sites["staff"], "schools/east/trends")
    assert "4 February 2025: 67% of visits rated Providing or above, up 29 points from 1 October 2024." in html
    assert "7 October 2025: 50% of visits rated Providing or above, down 17 points from 4 February 2025." in html
    fig = figure(html, "chart-change")
    points = {label for label in chart_marks(fig) if label.startswith(TALK)}
    assert points == {f"{TALK}, 1 Oct 2024: 38%", f"{TALK}, 4 Feb 2025: 67%", f"{TALK}, 7 Oct 2025: 50%"}


def test_staff_evidence_of_each_characteristic(sites: dict[str, Path]) -> None:
    html = read(sites["staff"], "schools/east/trends")
    talk = tables(html)[f"{TALK}: visits with evidence"]
    # visits 1, 2, 4, 6, 7, 8 of the first walkthrough have talk items; every visit of the others
    assert rows(talk) == [["1 October 2024", "6", "8", "75%", "6"], ["4 February 2025", "6", "6", "100%", "6"],
                          ["7 October 2025", "6", "6", "100%", "6"]]
    assert rows(tables(html)[f"{QUESTIONS}: visits with evidence"]) == [["1 October 2024", "2", "8", "25%", "2"]]


# the district --------------------------------------------------------------------------
def test_staff_district_years_and_schools(sites: dict[str, Path]) -> None:
    html = read(sites["staff"], "trends")
    years = tables(figure(html, "chart-talk"))[f"{TALK}: visits at each level, by school year"]
    # 2024-25: East's first two walkthroughs and West's: NE 2+0+0, D 3+2+2, P 2+3+3, S 1+1+1; 11 of 20
    assert rows(years) == [["2024-25", "2", "7", "8", "3", "20", "55%"], ["2025-26", "1", "2", "3", "0", "6", "50%"]]
    by_school = tables(html)[f"{TALK}: share of visits rated Providing or above, by school and school year"]
    # East 2024-25: (3 + 4) of (8 + 6) = 50%; West: 4 of 6 = 67%
    assert by_school == [["School year", "East Elementary", "West Middle"], ["2024-25", "50% of 14", "67% of 6"],
                         ["2025-26", "50% of 6", "not looked at"]]
    heat = figure(html, "chart-heat-2024-25")
    assert set(chart_marks(heat)) >= {f"{TALK}, East Elementary: 50%", f"{TALK}, West Middle: 67%",
                                      f"{QUESTIONS}, East Elementary: 25%"}


def test_schools_are_never_ranked(sites: dict[str, Path]) -> None:
    """Schools keep the portfolio's order in every comparison, though West's figure is the higher."""
    html = read(sites["staff"], "trends")
    for caption, table in tables(html).items():
        header = [c for c in table[0] if c in ("East Elementary", "West Middle")]
        if header:
            assert header == ["East Elementary", "West Middle"], caption
    axis = re.search(r'aria-label="X-axis[^"]*values: ([^"]+)"', figure(html, "chart-heat-2024-25"))
    assert axis and html_lib.unescape(axis.group(1)).replace("\n", " ") == "East Elementary, West Middle"


# the public: halves, small counts suppressed --------------------------------------------
def test_public_school_trends_in_halves_with_small_counts_suppressed(sites: dict[str, Path]) -> None:
    html = read(sites["public"], "schools/east/trends")
    table = tables(html)[f"{TALK}: visits at each level"]
    assert table[0] == ["Walkthrough", *HALVES, "Visits rated", "Share Providing or above"]
    assert rows(table) == [
        ["1 October 2024", "5", "3", "8", "38%"],
        ["4 February 2025", "fewer than 3", "not shown", "6", "–"],  # 2 and 4: the 4 would give the 2 away
        ["7 October 2025", "3", "3", "6", "50%"],
    ]
    assert rows(tables(html)[f"{QUESTIONS}: visits at each level"]) == [
        ["1 October 2024", "not shown", "fewer than 3", "8", "–"]]
    # the chart draws only what is shown
    assert set(chart_marks(figure(html, "chart-talk"))) == {
        "1 Oct 2024: Not Evident or Developing 5", "1 Oct 2024: Providing or Sustaining 3",
        "7 Oct 2025: Not Evident or Developing 3", "7 Oct 2025: Providing or Sustaining 3"}
    assert "up 29 points" not in html and "67%" not in html


def test_public_district_compares_years_not_schools(sites: dict[str, Path]) -> None:
    html = read(sites["public"], "trends")
    years = tables(html)[f"{TALK}: visits at each level, by school year"]
    # 2024-25 sums East's October (5 | 3) with two hidden splits, East's February and West's (2 | 4 each):
    # each "fewer than 3 | not shown" of 6 is 4 to 6 in the upper half, and together they are 8, so 4 each
    assert rows(years) == [["2024-25", "not shown", "not shown", "20", "–"], ["2025-26", "3", "3", "6", "50%"]]
    assert "chart-heat" not in html and "by school and school year" not in html
    assert "West Middle" in html  # named as a school that looked at it, never compared


def test_public_downloads_hold_the_pages_figures(sites: dict[str, Path]) -> None:
    site = sites["public"]
    ratings = list(csv.DictReader(io.StringIO(read(site, "downloads/ratings.csv"))))
    east_talk = [(r["cycle"], r["label"], r["visits"], r["note"]) for r in ratings
                 if r["school"] == "east" and r["characteristic"] == "talk"]
    assert east_talk == [
        ("2024-10-01-start", HALVES[0], "5", ""), ("2024-10-01-start", HALVES[1], "3", ""),
        ("2025-02-04-follow", HALVES[0], "", "fewer than 3"), ("2025-02-04-follow", HALVES[1], "", "not shown"),
        ("2025-10-07-again", HALVES[0], "3", ""), ("2025-10-07-again", HALVES[1], "3", ""),
    ]
    data = json.loads(read(site, "downloads/portfolio.json"))
    east = next(s for s in data["schools"] if s["id"] == "east")
    february = next(c for c in east["cycles"] if c["id"] == "2025-02-04-follow")["ratings"]["talk"]
    assert february == {"visits_rated": 6, "NE+D": None, "P+S": None,
                        "notes": {"NE+D": "fewer than 3", "P+S": "not shown"}}
    assert data["district_by_school_year"]["talk"]["2025-26"] == {"visits_rated": 6, "NE+D": 3, "P+S": 3}
    assert not (site / "downloads" / "visit-ratings.csv").exists()
    actions = list(csv.DictReader(io.StringIO(read(site, "downloads/actions.csv"))))
    assert actions and not any(k.startswith("overdue") for k in actions[0])


def test_staff_and_team_downloads(sites: dict[str, Path]) -> None:
    actions = list(csv.DictReader(io.StringIO(read(sites["staff"], "downloads/actions.csv"))))
    overdue = {r["id"]: r["overdue_as_of_2026-11-22"] for r in actions}
    assert overdue == {"stems": "false", "stems-whole-class": "true", "stems-science": "true"}
    assert not (sites["staff"] / "downloads" / "visit-schedule.csv").exists()
    schedule = list(csv.DictReader(io.StringIO(read(sites["team"], "downloads/visit-schedule.csv"))))
    assert [r["room"] for r in schedule if r["cycle"] == "2025-10-07-again"] == ["E5", "E6", "E7", "E8", "E9", "E10"]
    ratings = list(csv.DictReader(io.StringIO(read(sites["team"], "downloads/visit-ratings.csv"))))
    first = [r["level"] for r in ratings if r["cycle"] == "2024-10-01-start" and r["characteristic"] == "talk"]
    assert first == ["NE", "NE", "D", "D", "D", "P", "P", "S"]


# the ledger, coverage and characteristic pages --------------------------------------------
def test_ledger_chains_and_overdue_flags(sites: dict[str, Path]) -> None:
    staff = read(sites["staff"], "actions")
    assert "Overdue as of 22 November 2026" in staff
    overdue = re.search(r'<h2 id="overdue">.*?</ul>', staff, re.S)
    assert overdue and overdue.group(0).count("<li>") == 2
    assert "the last of 3 steps, still open" in staff
    assert tables(staff)["Steps by status"][1:] == [["Planned", "1"], ["In progress", "1"], ["Done", "1"],
                                                     ["Dropped", "0"], ["All", "3"]]
    public = read(sites["public"], "actions")
    assert "the last of 3 steps, still open" in public
    assert "verdue" not in public


def test_coverage_rooms_for_the_team_only(sites: dict[str, Path]) -> None:
    team = read(sites["team"], "coverage")
    rooms = tables(team)["East Elementary: rooms and their last visit"]
    # E1-E4 were last visited on 4 Feb 2025, E5-E10 on 7 Oct 2025; each twice
    assert [r[0] for r in rows(rooms)] == [f"E{i}" for i in range(1, 11)]
    days = (dt.date(2026, 11, 22) - dt.date(2025, 2, 4)).days  # the tests' LWSITE_TODAY
    assert rows(rooms)[0] == ["E1", "4", "4 February 2025", str(days), "2"]
    for audience in ("public", "staff"):
        page = read(sites[audience], "coverage")
        assert "rooms and their last visit" not in page and "E10" not in page
        grades = tables(page)["West Middle: visits by grade"]
        assert grades == [["Grade", "2024-25", "2025-26"], ["6", "2", "2"], ["7", "2", "2"], ["8", "2", "1"]]


def test_characteristic_page_links_evidence_for_staff_only(sites: dict[str, Path]) -> None:
    staff = read(sites["staff"], "frameworks/continuum/talk")
    assert 'href="../../../schools/east/2024-10-01-start/evidence/#talk"' in staff
    assert "read the 6 evidence items" in staff
    public = read(sites["public"], "frameworks/continuum/talk")
    assert "/evidence/" not in public
    assert rows(tables(public)[f"{TALK}: visits at each level, by school year"])[1] == ["2025-26", "3", "3", "6", "50%"]


def test_cycle_page_links_its_trends(sites: dict[str, Path]) -> None:
    html = read(sites["public"], "schools/east/2025-10-07-again")
    assert 'href="../trends/#walkthrough-2025-10-07-again"' in html
    trends = read(sites["public"], "schools/east/trends")
    assert 'id="walkthrough-2025-10-07-again"' in trends and 'href="../2025-10-07-again/"' in trends


def test_a_rebuild_with_nothing_changed_renders_no_chart(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", FIXTURES / "trends")
    rendered = re.compile(r"lwsite: (\d+) chart\(s\) rendered, (\d+) taken from the cache")
    first = mkdocs_build(project, "staff", site_dir="one")
    second = mkdocs_build(project, "staff", site_dir="two")
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
    """Every count the public sees of ratings and evidence is 3 or more, in every file that holds one."""
    site = sites["public"]
    small: list[str] = []
    for name, columns in (("ratings.csv", ("visits",)), ("evidence.csv", ("evidence_items", "visits_with_evidence"))):
        for row in csv.DictReader(io.StringIO(read(site, f"downloads/{name}"))):
            small += [f"{name}: {row}" for c in columns if row[c] and int(row[c]) < 3]

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("NE+D", "P+S", "items", "visits_with_evidence") and isinstance(v, int) and v < 3:
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
            counted = [i for i, h in enumerate(head) if h in (*HALVES, "Visits with evidence of it", "Evidence items")]
            small += [f"{page.relative_to(site)}: {caption}: {row}" for row in table[1:]
                      for i in counted if i < len(row) and row[i].isdigit() and int(row[i]) < 3]
    assert not small, "\n".join(small)
