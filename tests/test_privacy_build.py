"""Roster names planted in many forms in content files and docs/ pages stop the build, which
writes nothing; no line of the check's or the build's output prints a name."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from cli_support import lwsite_command
from helpers import file_hashes, make_project, mkdocs_build

C = "content/schools/oak/cycles/2025-10-14-talk"
ROSTER = (
    "# who must never be named\n"
    "names:\n"
    "  - Maria Lopez\n"  # entry 1, line 3
    "  - Jordan Smith\n"  # entry 2, line 4
    "  - name: Carla Gonzalez\n"  # entry 3, line 5
    "    also: [Coach G]\n"
    "  - Tom Wood\n"  # entry 4, line 7
    "  - Abe Lincoln\n"  # entry 5, line 8
)
NAMES = ("maria", "lopez", "jordan", "smith", "carla", "gonzalez", "wood", "lincoln", "abe")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(text)


def check(project: Path) -> subprocess.CompletedProcess[str]:
    return lwsite_command(project, "check", "content")


def assert_no_name(output: str) -> None:
    for name in NAMES:
        found = re.search(rf"(?<![a-z]){name}(?![a-z])", output, re.IGNORECASE)
        assert found is None, f"{name!r} printed:\n{output}"


def test_planted_names_stop_the_build_and_no_line_prints_them(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project / "private" / "roster.yml").write_text(ROSTER, encoding="utf-8")
    first = mkdocs_build(project)
    assert first.returncode == 0, first.stdout + first.stderr
    before = file_hashes(project / "site")
    # content files, each form on a line of its own
    append(project / C / "scripts/visit-2.md", "- Ms. Lopez's students compared answers.\n")  # line 7
    edit(project / C / "debrief.md", "The team met", "The team met Mar\u00eda Lo\u200bpez and")  # line 16
    append(project / C / "debrief.md", "See [notes](https://example.org/people/jordan-smith/).\n")  # line 17
    append(project / C / "focus.md", "Thanks to Ma&#114;ia L\u043epez and Coach G.\n")  # line 12
    edit(project / C / "team.yml", "debrief: same-day", "debrief: same-day  # ask carla.gonzalez@oak.example")
    append(project / C / "actions.yml", "  # Mr Wood follows up\n")  # line 9
    edit(project / "content/schools/oak/school.yml", "A neighbourhood school", "Lopez, Maria runs a school")
    # the site's own pages
    append(project / "docs" / "about.md", "# About\n\nThanks to Jordan\nSmith.\n")  # line 3
    append(project / "docs" / "team" / "notes.md", "# Notes\n\nWith **Carla** _Gonzalez_.\n")  # line 3

    expected = {
        f"{C.removeprefix('content/')}/scripts/visit-2.md:7": "roster entry 1 (../private/roster.yml line 3)",
        f"{C.removeprefix('content/')}/debrief.md:16": "roster entry 1 (../private/roster.yml line 3)",
        f"{C.removeprefix('content/')}/debrief.md:17": "roster entry 2 (../private/roster.yml line 4)",
        f"{C.removeprefix('content/')}/focus.md:12": "roster entry 1 (../private/roster.yml line 3)",
        f"{C.removeprefix('content/')}/team.yml:2": "roster entry 3 (../private/roster.yml line 5)",
        f"{C.removeprefix('content/')}/actions.yml:9": "roster entry 4 (../private/roster.yml line 7)",
        "schools/oak/school.yml:3": "roster entry 1 (../private/roster.yml line 3)",
    }
    docs = {
        "docs/about.md:3": "roster entry 2 (../private/roster.yml line 4)",
        "docs/team/notes.md:3": "roster entry 3 (../private/roster.yml line 5)",
    }
    checked = check(project)
    assert checked.returncode == 1
    built = mkdocs_build(project)
    assert built.returncode != 0
    for output, wanted in ((checked.stdout, expected), (built.stdout + built.stderr, expected | docs)):
        for where, who in wanted.items():
            assert re.search(rf"{re.escape(where)}: {re.escape(who)} is named here", output), (where, output)
    assert "focus.md:12" in checked.stdout and checked.stdout.count("focus.md:12:") == 2  # the name and the alias
    assert file_hashes(project / "site") == before  # the build stopped before writing anything
    assert_no_name(checked.stdout + checked.stderr + built.stdout + built.stderr)


def test_a_named_folder_is_masked_in_every_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project / "private" / "roster.yml").write_text(ROSTER, encoding="utf-8")
    school = project / "content/schools/maria-lopez"
    school.mkdir()
    (school / "school.yml").write_text("name: West Campus\ncolour: blue\n")  # an unknown key: an error there too
    result = check(project)
    assert result.returncode == 1
    assert "schools/m****-l****:1: the folder name 'm****-l****' names roster entry 1" in result.stdout
    assert "schools/m****-l****/school.yml:2: " in result.stdout, result.stdout
    assert_no_name(result.stdout + result.stderr)


def test_portfolio_names_reach_the_scan_despite_other_errors(tmp_path: Path) -> None:
    """Lincoln is a roster surname and part of the school's name; the portfolio has another error."""
    project = make_project(tmp_path / "p")
    (project / "private" / "roster.yml").write_text(ROSTER, encoding="utf-8")
    edit(project / "content/schools/oak/school.yml", "name: Oak Elementary", "name: Lincoln Elementary")
    append(project / C / "debrief.md", "Lincoln Elementary families joined.\n")  # line 17
    edit(project / C / "team.yml", "hall_work: 3", "hall_work: 3\ncolour: blue")  # an unrelated error, line 2
    result = check(project)
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if re.match(r"\S+:\d+: (?!warning)", line)]
    assert len(errors) == 1 and errors[0].startswith(f"{C.removeprefix('content/')}/team.yml:2: "), result.stdout
    append(project / C / "debrief.md", "Mr. Lincoln came.\n")  # line 18: the surname with a title
    result = check(project)
    assert (
        f"{C.removeprefix('content/')}/debrief.md:18: roster entry 5 (../private/roster.yml line 8)" in result.stdout
    ), result.stdout
    assert "debrief.md:17" not in result.stdout
