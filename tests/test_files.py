"""Files that are not what they seem, and faults the bad-input suite's edits cannot make.

Symbolic and hard links, an environment variable: each must give its one located error line
from both `lwsite check` and `mkdocs build --strict` (exit 1, no traceback), leave the previous
site byte-identical, and publish nothing of what the link points to.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import build_site, check_content, file_hashes, make_project, output_texts
from test_bad_input import errors

C = "schools/oak/cycles/2025-10-14-talk"
SECRET = "Zanzibar-Quokka secret"


@dataclass(frozen=True)
class Both:
    check_code: int
    check_out: str
    build_code: int
    build_out: str
    before: dict[str, str]
    after: dict[str, str]


@pytest.fixture(scope="module")
def base_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("base"))
    result = build_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def both(project: Path, base_site: Path, **extra_env: str) -> Both:
    """`lwsite check content` and `mkdocs build --strict` (in this process) over a copy of a valid site."""
    checked = check_content(project, **extra_env)
    shutil.copytree(base_site, project / "site")
    before = file_hashes(project / "site")
    built = build_site(project, strict=True, **extra_env)
    return Both(
        checked.returncode,
        checked.stdout + checked.stderr,
        built.returncode,
        built.stdout + built.stderr,
        before,
        file_hashes(project / "site"),
    )


def assert_one_error(result: Both, where: str, says: str) -> None:
    for code, output in ((result.check_code, result.check_out), (result.build_code, result.build_out)):
        assert "Traceback" not in output, output
        assert code == 1, output
        found = errors(output)
        assert [e[0] for e in found] == [where], output
        assert says in found[0][1], output
    assert result.after == result.before, "a failed build changed the previous site"


def test_a_link_out_of_the_project_is_refused_and_nothing_of_it_published(tmp_path: Path, base_site: Path) -> None:
    outside = tmp_path / "elsewhere" / "secret.txt"
    outside.parent.mkdir()
    outside.write_text(f"{SECRET}: the salaries.\n", encoding="utf-8")
    project = make_project(tmp_path / "p")
    summary = project / "content" / C / "messages" / "summary.md"
    summary.unlink()
    summary.symlink_to(outside)
    result = both(project, base_site)
    assert_one_error(result, f"{C}/messages/summary.md:1", "outside the project folder")
    assert str(outside) in result.check_out  # says where the link points
    assert SECRET not in result.check_out + result.build_out
    assert not any(SECRET in text for text in output_texts(project / "site").values())


def test_a_linked_folder_out_of_the_project_is_refused(tmp_path: Path, base_site: Path) -> None:
    """Path.rglob does not follow a linked folder, the loader did: the roster scan missed its files."""
    outside = tmp_path / "elsewhere" / "scripts"
    shutil.copytree(make_project(tmp_path / "src") / "content" / C / "scripts", outside)
    with (outside / "visit-2.md").open("a", encoding="utf-8") as f:
        f.write("- Maria Lopez asked a question.\n")
    project = make_project(tmp_path / "p")
    shutil.rmtree(project / "content" / C / "scripts")
    (project / "content" / C / "scripts").symlink_to(outside, target_is_directory=True)
    assert_one_error(both(project, base_site), f"{C}/scripts:1", "outside the project folder")


def test_a_link_within_the_project_is_followed_by_the_loader_and_the_scan_alike(
    tmp_path: Path, base_site: Path
) -> None:
    project = make_project(tmp_path / "p")
    shared = project / "shared" / "scripts"
    shutil.move(project / "content" / C / "scripts", shared)
    (project / "content" / C / "scripts").symlink_to(Path("../../../../../shared/scripts"), target_is_directory=True)
    ok = build_site(project)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert any("9 of 12 pairs used fraction strips" in t for t in output_texts(project / "site").values()) is False
    staff = build_site(project, audience="staff", site_dir="site-staff")
    assert staff.returncode == 0, staff.stdout + staff.stderr
    assert any("9 of 12 pairs used fraction strips" in t for t in output_texts(project / "site-staff").values())
    with (shared / "visit-2.md").open("a", encoding="utf-8") as f:
        f.write("- Maria Lopez asked a question.\n")
    shutil.rmtree(project / "site")
    assert_one_error(both(project, base_site), f"{C}/scripts/visit-2.md:7", "roster entry 1")


def test_a_link_to_the_roster_is_refused(tmp_path: Path, base_site: Path) -> None:
    project = make_project(tmp_path / "p")
    notes = project / "content" / C / "messages" / "summary.md"
    notes.unlink()
    notes.symlink_to(Path("../../../../../../private/roster.yml"))
    assert_one_error(both(project, base_site), f"{C}/messages/summary.md:1", "privacy roster")


def test_a_hard_link_to_the_roster_in_docs_is_refused(tmp_path: Path, base_site: Path) -> None:
    project = make_project(tmp_path / "p")
    os.link(project / "private" / "roster.yml", project / "docs" / "people.txt")
    assert_one_error(both(project, base_site), "docs/people.txt:1", "privacy roster")


def test_a_link_in_docs_out_of_the_project_is_refused(tmp_path: Path, base_site: Path) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_text(f"# {SECRET}\n", encoding="utf-8")
    project = make_project(tmp_path / "p")
    (project / "docs" / "about.md").symlink_to(outside)
    result = both(project, base_site)
    assert_one_error(result, "docs/about.md:1", "outside the project folder")
    assert not any(SECRET in text for text in output_texts(project / "site").values())


def test_a_link_in_docs_to_the_content_folder_is_refused(tmp_path: Path, base_site: Path) -> None:
    """MkDocs would copy team.yml and every script into the site as they are."""
    project = make_project(tmp_path / "p")
    (project / "docs" / "records").symlink_to(Path("../content"), target_is_directory=True)
    assert_one_error(both(project, base_site), "docs/records:1", "would publish the content files")


def test_a_link_loop_and_a_broken_link_are_refused(tmp_path: Path, base_site: Path) -> None:
    project = make_project(tmp_path / "p")
    (project / "content" / C / "scripts" / "loop").symlink_to(Path(".."), target_is_directory=True)
    assert_one_error(both(project, base_site), f"{C}/scripts/loop:1", "(a loop)")
    project = make_project(tmp_path / "q")
    (project / "content" / C / "debrief.md").unlink()
    (project / "content" / C / "debrief.md").symlink_to(Path("gone.md"))
    assert_one_error(both(project, base_site), f"{C}/debrief.md:1", "which does not exist")


def test_a_pipe_where_a_file_belongs_is_refused_without_reading_it(tmp_path: Path, base_site: Path) -> None:
    project = make_project(tmp_path / "p")
    (project / "content" / C / "debrief.md").unlink()
    os.mkfifo(project / "content" / C / "debrief.md")  # reading it would wait forever
    assert_one_error(both(project, base_site), f"{C}/debrief.md:1", "neither a file nor a folder")


def test_a_strict_build_failing_on_a_content_warning_keeps_the_previous_site(tmp_path: Path, base_site: Path) -> None:
    """Found by tests/test_mutations.py: MkDocs fails a strict build on warnings only at its end,
    after emptying the site folder and writing the new site."""
    project = make_project(tmp_path / "p")
    debrief = project / "content" / C / "debrief.md"  # a roster first name alone, in public text: a warning
    text = debrief.read_text(encoding="utf-8")
    debrief.write_text(
        text.replace("message: Students talk", "message: Maria's class sang; students talk"), encoding="utf-8"
    )
    shutil.copytree(base_site, project / "site")
    before = file_hashes(project / "site")
    result = build_site(project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert list(errors(result.stdout + result.stderr)) == []
    assert file_hashes(project / "site") == before, "a failed build changed the previous site"


def test_an_impossible_lwsite_today_is_a_located_line(tmp_path: Path, base_site: Path) -> None:
    project = make_project(tmp_path / "p")
    result = both(project, base_site, LWSITE_TODAY="2026-02-30")
    assert_one_error(result, "LWSITE_TODAY:1", "'2026-02-30' is not a real date YYYY-MM-DD")


def test_check_follows_the_quality_option_as_the_build_does(tmp_path: Path) -> None:
    """One gate: with `quality: error` the build fails on the coach's flags, and so does the check."""
    mkdocs = "site_name: T\ntheme: {name: material}\nplugins:\n  - search\n  - lwsite:\n      quality: error\n"
    project = make_project(tmp_path / "p", mkdocs_yml=mkdocs)
    script = project / "content" / C / "scripts" / "visit-2.md"
    script.write_text(script.read_text(encoding="utf-8") + "- I loved the amazing discussion.\n", encoding="utf-8")
    checked = check_content(project)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert [e[0] for e in errors(checked.stdout)] == [f"{C}/scripts/visit-2.md:7"], checked.stdout
    assert build_site(project, strict=False).returncode == 1
