"""One site version per school year with mike, tested the way mike's own tests do: in a throwaway
git repository with no remote, deploy two years and ``latest``, then read the gh-pages branch."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from cli_support import demo_project, tool_env

MIKE = [sys.executable, "-c", "import sys; from mike.driver import main; sys.exit(main())"]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def published_cycles(content: Path, last_day: dt.date) -> set[str]:
    """school/cycle of every published cycle up to a day, read from the content files themselves."""
    out = set()
    for focus in content.glob("schools/*/cycles/*/focus.md"):
        meta = yaml.safe_load(focus.read_text(encoding="utf-8").split("\n---\n", 1)[0][4:])
        cycle = focus.parent
        if meta.get("status", "published") == "published" and dt.date.fromisoformat(cycle.name[:10]) <= last_day:
            out.add(f"{cycle.parent.parent.name}/{cycle.name}")
    return out


def cycles_in(version: Path) -> set[str]:
    return {
        f"{p.parent.parent.name}/{p.parent.name}"
        for p in version.glob("schools/*/*/index.html")
        if p.parent.name[:4].isdigit()
    }


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = demo_project(tmp_path_factory.mktemp("mike") / "walkthroughs")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "lwsite test")
    git(repo, "config", "user.email", "test@lwsite.example")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "portfolio")
    for year, extra in (("2024-25", []), ("2025-26", ["--update-aliases", "2025-26", "latest"])):
        args = [*MIKE, "deploy", *(extra or [year])]
        result = subprocess.run(
            args, cwd=repo, env=tool_env(LWSITE_SCHOOL_YEAR=year), capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run(
        [*MIKE, "set-default", "latest"], cwd=repo, env=tool_env(), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "origin" not in git(repo, "remote")
    git(repo, "checkout", "-q", "gh-pages")
    return repo


def test_versions_json_lists_two_years_and_latest(pages: Path) -> None:
    versions = json.loads((pages / "versions.json").read_text())
    assert versions == [
        {"version": "2025-26", "title": "2025-26", "aliases": ["latest"]},
        {"version": "2024-25", "title": "2024-25", "aliases": []},
    ]
    assert (pages / "latest").readlink() == Path("2025-26")  # mike's alias: a symlink in the branch
    assert "latest/" in (pages / "index.html").read_text()  # the root opens latest


def test_each_version_holds_its_year_and_earlier_only(pages: Path) -> None:
    content = pages.parent / "content-copy"
    git(pages, "worktree", "add", "-q", str(content), "main")
    try:
        first = published_cycles(content / "content", dt.date(2025, 7, 31))
        second = published_cycles(content / "content", dt.date(2026, 7, 31))
    finally:
        git(pages, "worktree", "remove", "--force", str(content))
    assert first and second - first
    assert cycles_in(pages / "2024-25") == first
    assert cycles_in(pages / "2025-26") == second  # not the upcoming 2026-12-08 cycle of 2026-27
    assert "lincoln-elementary/2026-12-08-feedback" not in second
    assert cycles_in(pages / "latest") == second
    assert (pages / "latest/index.html").read_bytes() == (pages / "2025-26/index.html").read_bytes()


def test_pages_say_their_school_year_and_link_the_archived_versions(pages: Path) -> None:
    old = pages / "2024-25"
    archive = (old / "archive/index.html").read_text()
    assert "As published for school year 2024-25" in archive
    assert "School year 2025-26" not in archive
    assert "lw-versions" not in archive  # nothing earlier to link to
    cycle = (old / "schools/lincoln-elementary/2024-10-15-partner-talk/index.html").read_text()
    assert "School year 2024-25" in cycle
    current = (pages / "2025-26/archive/index.html").read_text()
    assert "As published for school year 2025-26" in current
    assert 'Earlier school years, as they were published: <a href="../../2024-25/">2024-25</a>' in current
    assert (pages / "2025-26/archive" / "../../2024-25/index.html").resolve().is_file()
    cycle = (pages / "2025-26/schools/lincoln-elementary/2025-10-21-whole-class-talk/index.html").read_text()
    assert "School year 2025-26" in cycle
    # Material's version selector reads versions.json in a mike deployment.
    assert '"version": {"provider": "mike"}' in (pages / "2025-26/index.html").read_text()
