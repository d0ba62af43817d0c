"""lwsite import: a form or spreadsheet export becomes scripts/visit-N.md, or nothing at all."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from cli_support import LINCOLN, demo_project, lwsite, lwsite_command, read_front_matter, tree

from lwsite import cli
from lwsite.load.portfolio import load

CYCLE = "lincoln-elementary/2026-11-17-follow-up"
FOLDER = f"{LINCOLN}/cycles/2026-11-17-follow-up"
MAPPING = "examples/walkthrough-mapping.yml"
SAMPLE = "examples/walkthrough-notes.csv"


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The demo with a draft cycle on 2026-11-17 (team of 2026-02-10, hall_work 3) and its schedule of 10 visits."""
    project = demo_project(tmp_path / "demo")
    content = str(project / "content")
    assert (
        cli.main(
            [
                "new",
                "cycle",
                "lincoln-elementary",
                "2026-11-17",
                "follow-up",
                "--like",
                "2026-02-10-vocabulary",
                "--content-dir",
                content,
            ]
        )
        == 0
    )
    assert (
        cli.main(
            [
                "schedule",
                "lincoln-elementary",
                "2026-11-17",
                "--start",
                "08:45",
                "--slots",
                "5",
                "--minutes",
                "15",
                "--groups",
                "A,B",
                "--content-dir",
                content,
            ]
        )
        == 0
    )
    capsys.readouterr()
    return project


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return str(path)


def scripts(project: Path) -> dict[str, bytes]:
    folder = project / FOLDER / "scripts"
    return tree(folder) if folder.exists() else {}


def assert_valid(project: Path) -> None:
    loaded = load(project / "content")
    assert not loaded.problems.errors, "\n".join(str(p) for p in loaded.problems.errors)


def test_sample_export_becomes_one_script_per_visit(project: Path) -> None:
    result = lwsite_command(project, "import", SAMPLE, "--cycle", CYCLE, "--mapping", MAPPING)  # a process
    assert result.returncode == 0, result.stdout + result.stderr
    assert "wrote 6 visit script(s) with 11 evidence item(s)" in result.stdout
    assert result.stderr == ""  # quiet: no progress for a small export
    files = scripts(project)
    assert sorted(files) == [f"visit-{n}.md" for n in range(1, 7)]
    one = read_front_matter(project / FOLDER / "scripts/visit-1.md")
    assert one == {
        "visit": 1,
        "observers": ["Principal", "Math coach"],
        "segment": "beginning",
        "ratings": {"student-discourse": "D", "academic-vocabulary": "D"},
        "wonderings": ["How do partners decide who speaks first?"],
    }
    three = (project / FOLDER / "scripts/visit-3.md").read_text()
    # A two-line cell stays one evidence item; titles become tags; labels become level ids.
    assert (
        '- [academic-vocabulary] Student to partner: "The denominator tells how many equal parts."\n'
        "  Partner repeated the word while pointing at the fraction strip.\n"
    ) in three
    assert 'academic-vocabulary: "P"' in three
    two = (project / FOLDER / "scripts/visit-2.md").read_text()
    assert '- Anchor chart titled "Strategies" with three student-made examples.' in two  # untagged
    assert "# Imported by lwsite import (spreadsheet rows 4, 5)." in two
    assert_valid(project)
    loaded = load(project / "content")
    assert loaded.portfolio is not None  # the cycle is a draft until published, yet valid as it is


def test_one_row_per_visit_with_options_and_default_columns(project: Path, tmp_path: Path) -> None:
    export = write_csv(
        tmp_path / "visits.csv",
        [
            ["Visit", "Notes", "segment", "Discourse level", "Teacher"],
            [
                "Visit 7",
                "- [student-discourse] Pairs explained steps to each other.\n- 12 of 20 students wrote "
                "an explanation.\n\n[academic-vocabulary] Word wall: ratio, rate",
                "end",
                "Providing",
                "(not read)",
            ],
            ["8.0", "Students measured shadows every hour; [not a tag] in the middle", "", "", ""],
        ],
        delimiter=";",
    )
    result = lwsite(
        project,
        "import",
        export,
        "--cycle",
        f"content/schools/{CYCLE.replace('/', '/cycles/')}",
        "--rows",
        "visit",
        "--visit-column",
        "Visit",
        "--evidence-column",
        "Notes",
        "--rating",
        "student-discourse=Discourse level",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    seven = (project / FOLDER / "scripts/visit-7.md").read_text()
    assert seven.endswith(
        "---\n- [student-discourse] Pairs explained steps to each other.\n"
        "- 12 of 20 students wrote an explanation.\n"
        "- [academic-vocabulary] Word wall: ratio, rate\n"
    )
    assert read_front_matter(project / FOLDER / "scripts/visit-7.md") == {
        "visit": 7,
        "segment": "end",
        "ratings": {"student-discourse": "P"},
    }
    eight = (project / FOLDER / "scripts/visit-8.md").read_text()
    assert "- Students measured shadows every hour; [not a tag] in the middle\n" in eight
    assert "(not read)" not in seven + eight
    assert_valid(project)


# refusals: each names the row, and nothing is written -----------------------------------
HEADER = [
    "Timestamp",
    "Observer role",
    "Visit number",
    "Look-for",
    "What did you see or hear?",
    "Part of the lesson",
    "Rating: students explain their reasoning",
    "Rating: academic vocabulary",
    "Wondering",
]


def form(*responses: dict[str, str]) -> list[list[str]]:
    """A form export with the sample's columns: the header, then one row per response."""
    return [HEADER] + [[r.get(column, "") for column in HEADER] for r in responses]


GOOD = {"Visit number": "2", "What did you see or hear?": "Students compared two strategies."}
REFUSALS = [
    (
        {"What did you see or hear?": "Maria Lopez asked the class to vote."},
        "the 'What did you see or hear?' column names roster entry 1 (../private/roster.yml line 3): "
        '"M**** L**** asked the class to vote": describe the practice, number the visit or use a role, then export again',
    ),
    ({"Observer role": "grace kim"}, "the 'Observer role' column names roster entry 4 (../private/roster.yml line 6)"),
    # an invisible character inside the name (it was only a first-name warning)
    (
        {"What did you see or hear?": "Maria Lo\u200bpez asked the class to vote."},
        "the 'What did you see or hear?' column names roster entry 1 (../private/roster.yml line 3): "
        '"M**** L**** asked the class to vote"',
    ),
    (
        {"What did you see or hear?": "Ms. Okafor's class voted."},
        "the 'What did you see or hear?' column names roster entry 10 (../private/roster.yml line 12): "
        '"Ms. O*****\'s class voted"',
    ),
    (
        {"Rating: academic vocabulary": "Excellent"},
        "level 'Excellent' for academic-vocabulary is not a level of framework 'continuum': use one of NE (Not Evident)",
    ),
    (
        {"Look-for": "questioning"},
        "characteristic 'questioning' is not in this cycle's lens (student-discourse, academic-vocabulary)",
    ),
    ({"Look-for": "Jazz hands"}, "'Jazz hands' is not a characteristic of framework 'continuum'"),
    (
        {"Visit number": "11"},
        "visit 11 is not in the schedule of 2026-11-17-follow-up (visits 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)",
    ),
    ({"Visit number": "three"}, "'three' is not a visit number"),
    ({"Visit number": ""}, "the visit number is empty"),
    ({"Part of the lesson": "after lunch"}, "segment 'after lunch' must be one of beginning, middle, end"),
]


@pytest.mark.parametrize(("bad", "message"), REFUSALS, ids=lambda v: str(v)[:40])
def test_refusals_name_the_row_and_write_nothing(
    project: Path, tmp_path: Path, bad: dict[str, str], message: str
) -> None:
    export = write_csv(tmp_path / "notes.csv", form(GOOD, {**GOOD, "Visit number": "3", **bad}, GOOD))
    before = tree(project / "content")
    result = lwsite(project, "import", export, "--cycle", CYCLE, "--mapping", MAPPING)
    assert result.returncode == 1, result.stdout
    assert f"notes.csv:row 3: {message}" in result.stdout, result.stdout
    for name in ("Maria", "Lopez", "Grace", "Okafor"):  # messages never print a roster name
        assert name.lower() not in (result.stdout + result.stderr).lower(), result.stdout
    assert "nothing was written" in result.stderr
    assert tree(project / "content") == before


def test_existing_scripts_are_kept_unless_replace(project: Path, tmp_path: Path) -> None:
    assert lwsite(project, "import", SAMPLE, "--cycle", CYCLE, "--mapping", MAPPING).returncode == 0
    # A visit scripted by hand, under the zero-padded name the format also accepts.
    (project / FOLDER / "scripts/visit-09.md").write_text("---\nvisit: 9\n---\n- Written by hand.\n")
    first = scripts(project)
    export = write_csv(
        tmp_path / "more.csv",
        form(
            {"Visit number": "7", "What did you see or hear?": "New visit."},
            {"Visit number": "9", "What did you see or hear?": "Replaces the hand-written one."},
            {"Visit number": "2", "What did you see or hear?": "Replaces the import."},
        ),
    )
    refused = lwsite(project, "import", export, "--cycle", CYCLE, "--mapping", MAPPING)
    assert refused.returncode == 1
    assert "more.csv:row 3: visit 9 already has scripts/visit-09.md" in refused.stdout
    assert "more.csv:row 4: visit 2 already has scripts/visit-2.md" in refused.stdout
    assert scripts(project) == first  # not even visit 7, which is new
    replaced = lwsite(project, "import", export, "--cycle", CYCLE, "--mapping", MAPPING, "--replace")
    assert replaced.returncode == 0, replaced.stdout
    after = scripts(project)
    assert "visit-09.md" not in after  # replaced under the name lwsite writes
    assert b"- Replaces the hand-written one.\n" in after["visit-9.md"]
    assert b"- Replaces the import.\n" in after["visit-2.md"]
    assert b"- New visit.\n" in after["visit-7.md"]
    assert after["visit-1.md"] == first["visit-1.md"]
    assert_valid(project)


def test_conflicting_rows_of_one_visit(project: Path, tmp_path: Path) -> None:
    rating = "Rating: students explain their reasoning"
    export = write_csv(
        tmp_path / "notes.csv",
        form(
            {"Visit number": "4", "What did you see or hear?": "A", rating: "D"},
            {"Visit number": "4", "What did you see or hear?": "B"},
            {"Visit number": "4", "What did you see or hear?": "C", rating: "Providing"},
        ),
    )
    result = lwsite(project, "import", export, "--cycle", CYCLE, "--mapping", MAPPING)
    assert result.returncode == 1
    assert "notes.csv:row 4: visit 4 is rated D on student-discourse on row 2 and P here" in result.stdout
    visit_rows = write_csv(tmp_path / "visits.csv", [["visit", "evidence"], ["4", "A"], ["4", "B"]])
    twice = lwsite(project, "import", visit_rows, "--cycle", CYCLE, "--rows", "visit")
    assert twice.returncode == 1
    assert "visits.csv:row 3: visit 4 is also on row 2" in twice.stdout
    assert scripts(project) == {}


def test_ratings_need_hall_work_3(project: Path, tmp_path: Path) -> None:
    team = project / FOLDER / "team.yml"
    team.write_text(team.read_text().replace("hall_work: 3", "hall_work: 2"))
    export = write_csv(
        tmp_path / "notes.csv",
        form(
            {"Visit number": "4", "What did you see or hear?": "A"},
            {"Visit number": "5", "What did you see or hear?": "B", "Rating: academic vocabulary": "D"},
        ),
    )
    result = lwsite(project, "import", export, "--cycle", CYCLE, "--mapping", MAPPING)
    assert result.returncode == 1
    assert (
        "notes.csv:row 3: this row has ratings, which are allowed only when team.yml has hall_work: 3" in result.stdout
    )


def test_a_lone_first_name_is_a_warning(project: Path, tmp_path: Path) -> None:
    export = write_csv(tmp_path / "notes.csv", [["visit", "evidence"], ["5", "Samuel read the problem aloud."]])
    result = lwsite(project, "import", export, "--cycle", CYCLE)
    assert result.returncode == 0, result.stdout
    assert (
        "notes.csv:row 2: warning: the 'evidence' column has the first name of roster entry 10 "
        '(../private/roster.yml line 12): "S***** read the problem aloud": if it means that person, remove it'
        in result.stdout
    ), result.stdout
    check = lwsite(project, "check")
    assert (
        f"{FOLDER.removeprefix('content/')}/scripts/visit-5.md:5: warning: the first name of roster entry 10 "
        '(../private/roster.yml line 12) is here: "S***** read the problem aloud"' in check.stdout
    ), check.stdout
    assert "Samuel" not in result.stdout + result.stderr + check.stdout + check.stderr


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        (
            "rows: evidence\ncolumns:\n  visit: Visit number\n  evidence: Notes\n  teacher: Teacher\n",
            "map.yml:5: unknown key 'teacher' in columns: allowed: visit, evidence, characteristic",
        ),
        (
            "columns:\n  visit: V\n  evidnce: E\n",
            "map.yml:3: unknown key 'evidnce' in columns: did you mean 'evidence'?",
        ),
        ("rows: per-visit\ncolumns:\n  visit: V\n  evidence: E\n", "map.yml:1: rows must be evidence or visit"),
        ("columns: [visit, evidence]\n", "map.yml:1: columns: is required"),
        ("colums:\n  visit: V\n", "map.yml:1: unknown key 'colums': did you mean 'columns'?"),
        ("columns:\n  visit: 3\n  evidence: E\n", "map.yml:2: 'visit' must name a column header"),
    ],
)
def test_bad_mapping_files(project: Path, tmp_path: Path, mapping: str, message: str) -> None:
    (tmp_path / "map.yml").write_text(mapping)
    result = lwsite(project, "import", SAMPLE, "--cycle", CYCLE, "--mapping", str(tmp_path / "map.yml"))
    assert result.returncode == 1
    assert message in result.stdout, result.stdout
    assert scripts(project) == {}


def test_unusable_inputs(project: Path, tmp_path: Path) -> None:
    nocol = lwsite(
        project,
        "import",
        SAMPLE,
        "--cycle",
        CYCLE,
        "--visit-column",
        "Visit #",
        "--evidence-column",
        "What did you see or hear?",
    )
    assert nocol.returncode == 1
    assert "walkthrough-notes.csv:row 1: there is no column 'Visit #' for visit" in nocol.stdout
    unmapped = lwsite(project, "import", SAMPLE, "--cycle", CYCLE)
    assert unmapped.returncode == 1
    assert "no column is mapped to 'visit'" in unmapped.stdout
    (tmp_path / "latin1.csv").write_bytes("visit,evidence\n1,Caf\xe9 corner\n".encode("latin-1"))
    latin = lwsite(project, "import", str(tmp_path / "latin1.csv"), "--cycle", CYCLE)
    assert latin.returncode == 1 and 'export it as "CSV UTF-8"' in latin.stdout
    (tmp_path / "empty.csv").write_text("")
    assert lwsite(project, "import", str(tmp_path / "empty.csv"), "--cycle", CYCLE).returncode == 1
    nowhere = lwsite(project, "import", SAMPLE, "--cycle", "lincoln-elementary/2030-01-01-none", "--mapping", MAPPING)
    assert nowhere.returncode == 1 and "not a cycle folder" in nowhere.stdout
    # A cycle without a schedule cannot check visits.
    (project / FOLDER / "schedule.yml").unlink()
    noschedule = lwsite(project, "import", SAMPLE, "--cycle", CYCLE, "--mapping", MAPPING)
    assert noschedule.returncode == 1 and "schedule.yml is missing" in noschedule.stdout
    assert scripts(project) == {}


def test_thousands_of_rows_with_progress(project: Path, tmp_path: Path) -> None:
    rows = [["visit", "evidence", "characteristic"]]
    rows += [
        [str(i % 10 + 1), f"Item {i}: students talked in pairs.", "student-discourse" if i % 2 else ""]
        for i in range(3000)
    ]
    export = write_csv(tmp_path / "big.csv", rows)
    result = lwsite(project, "import", export, "--cycle", CYCLE)
    assert result.returncode == 0, result.stdout
    assert result.stderr.splitlines() == ["checked 1000/3000", "checked 2000/3000", "checked 3000/3000"]
    assert "wrote 10 visit script(s) with 3000 evidence item(s)" in result.stdout
    assert (project / FOLDER / "scripts/visit-10.md").read_text().count("\n- ") == 300
    assert_valid(project)


def test_published_demo_cycle_keeps_its_scripts(tmp_path: Path) -> None:
    project = demo_project(tmp_path / "demo")
    before = tree(project / "content")
    result = lwsite(
        project, "import", SAMPLE, "--cycle", "lincoln-elementary/2026-02-10-vocabulary", "--mapping", MAPPING
    )
    assert result.returncode == 1
    assert "walkthrough-notes.csv:row 2: visit 1 already has scripts/visit-1.md" in result.stdout
    assert tree(project / "content") == before


INDEPENDENT_MAPPING = """rows: visit
columns:
  visit: Visit
  evidence: Notes
  observers: Observers
ratings:
  student-discourse: Agreed level
independent:
  Principal:
    student-discourse: "Principal's level"
  Math coach:
    student-discourse: "Math coach's level"
"""


def test_observers_own_levels_come_from_their_columns(project: Path, tmp_path: Path) -> None:
    (tmp_path / "map.yml").write_text(INDEPENDENT_MAPPING)
    header = ["Visit", "Notes", "Observers", "Agreed level", "Principal's level", "Math coach's level"]
    export = write_csv(
        tmp_path / "notes.csv",
        [
            header,
            ["1", "9 of 11 pairs both spoke before writing.", "Principal", "P", "Providing", "D"],
            ["2", 'Teacher asked "How do you know?" 4 times.', "", "D", "", "Developing"],
        ],
    )
    result = lwsite(project, "import", export, "--cycle", CYCLE, "--mapping", str(tmp_path / "map.yml"))
    assert result.returncode == 0, result.stdout + result.stderr
    one = read_front_matter(project / FOLDER / "scripts/visit-1.md")
    assert one["observers"] == ["Principal", "Math coach"]  # whoever gave a level observed the visit
    assert one["independent"] == {"Principal": {"student-discourse": "P"}, "Math coach": {"student-discourse": "D"}}
    two = read_front_matter(project / FOLDER / "scripts/visit-2.md")
    assert two["observers"] == ["Math coach"] and two["independent"] == {"Math coach": {"student-discourse": "D"}}
    assert_valid(project)


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (
            ["1", "A note", "", "P", "Brilliant", ""],
            "notes.csv:row 2: level 'Brilliant' that Principal gave "
            "student-discourse is not a level of framework 'continuum'",
        ),
    ],
)
def test_observers_own_levels_are_checked(project: Path, tmp_path: Path, cells: list[str], message: str) -> None:
    (tmp_path / "map.yml").write_text(INDEPENDENT_MAPPING)
    header = ["Visit", "Notes", "Observers", "Agreed level", "Principal's level", "Math coach's level"]
    export = write_csv(tmp_path / "notes.csv", [header, cells])
    result = lwsite(project, "import", export, "--cycle", CYCLE, "--mapping", str(tmp_path / "map.yml"))
    assert result.returncode == 1 and message in result.stdout, result.stdout
    assert scripts(project) == {}


def test_observers_own_levels_need_roles_of_the_team(project: Path, tmp_path: Path) -> None:
    (tmp_path / "map.yml").write_text(INDEPENDENT_MAPPING.replace("  Math coach:", "  Dana Ortiz:"))
    header = ["Visit", "Notes", "Observers", "Agreed level", "Principal's level", "Math coach's level"]
    export = write_csv(tmp_path / "notes.csv", [header, ["1", "A note", "", "P", "", "D"]])
    result = lwsite(project, "import", export, "--cycle", CYCLE, "--mapping", str(tmp_path / "map.yml"))
    assert result.returncode == 1
    assert (
        "notes.csv:row 2: 'Dana Ortiz' in the mapping's independent is not a role of this cycle's team" in result.stdout
    ), result.stdout
    bad = INDEPENDENT_MAPPING.replace('    student-discourse: "Principal\'s level"\n', "")
    (tmp_path / "map.yml").write_text(bad)
    result = lwsite(project, "import", export, "--cycle", CYCLE, "--mapping", str(tmp_path / "map.yml"))
    assert result.returncode == 1 and "map.yml:9: independent 'Principal' maps characteristic ids" in result.stdout
