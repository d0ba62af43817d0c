"""`mkdocs serve` follows the content folder; `lwsite check` speaks in file:line lines."""

from __future__ import annotations

import contextlib
import html
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_support import demo_project, lwsite, lwsite_command
from helpers import ROOT, env, make_project, mkdocs_build

CYCLE = "content/schools/oak/cycles/2025-10-14-talk"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while text not in (page := _get(url)) and time.monotonic() < deadline:
        time.sleep(0.25)
    return page


def _get_status(url: str) -> tuple[int, str]:
    """The status and body of a GET, error answers included (the server answers a missing page with 404)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status), str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        return int(exc.code), str(exc.read().decode("utf-8"))


@contextlib.contextmanager
def _serving(project: Path, host: str = "mkdocs", *args: str) -> Iterator[str]:
    """``HOST serve`` of a project on a free port; yields its base URL, and stops it afterwards."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", host, "serve", "-a", f"127.0.0.1:{port}", *args],
        cwd=project,
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_rebuilds_when_content_changes(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    with _serving(project) as base:
        url = f"{base}schools/oak/2025-10-14-talk/"
        assert "Focus of Inquiry" in _wait_for(url, "Focus of Inquiry"), "mkdocs serve did not start"
        focus = project / CYCLE / "focus.md"
        focus.write_text(focus.read_text() + "\nServewatchword appears after a rebuild.\n")
        page = _wait_for(url, "Servewatchword")
        assert "Servewatchword" in page, "the page was not rebuilt after the content changed"


STRAY = f"{CYCLE.removeprefix('content/')}/notes.md:1: file 'notes.md' is not part of a cycle folder"


@pytest.mark.parametrize("strict", [False, True], ids=["serve", "serve-strict"])
def test_serve_answers_every_page_with_the_problems_until_they_are_fixed(tmp_path: Path, strict: bool) -> None:
    """A content error under mkdocs serve: no waiting request, no exit; every page lists the problems."""
    project = make_project(tmp_path)
    stray = project / CYCLE / "notes.md"
    stray.write_text("stray\n")  # an error from the first build on, which once made serve exit
    with _serving(project, "mkdocs", *(["--strict"] if strict else [])) as base:
        _wait_for(base, "cannot be built")
        for path in ("", "schools/oak/2025-10-14-talk/", "no/such/page/", "404.html"):
            status, body = _get_status(base + path)
            assert status in (200, 404), (path, status)
            assert "The site cannot be built: 1 problem in the content" in body, (path, body)
            assert STRAY in html.unescape(body), body
            token = re.search(
                r'<script src="/assets/lwsite/serve-reload.js" '
                r'data-marker="/assets/lwsite/serve-build.txt" data-token="([0-9]+)">',
                body,
            )
            assert token, body
        assert token is not None
        assert _get_status(base + "assets/lwsite/serve-build.txt") == (200, token.group(1))
        status, script = _get_status(base + "assets/lwsite/serve-reload.js")
        assert status == 200 and "window.location.reload()" in script
        stray.unlink()
        url = f"{base}schools/oak/2025-10-14-talk/"
        assert "Focus of Inquiry" in _wait_for(url, "Focus of Inquiry"), "the site did not come back after the fix"
        assert _get_status(base + "assets/lwsite/serve-build.txt")[0] == 404  # the error page's marker is gone
    # mkdocs build still fails on the same error, and leaves no error page behind
    stray.write_text("stray\n")
    built = mkdocs_build(project)
    assert built.returncode == 1 and STRAY in built.stderr, built.stderr
    assert not (project / "site").exists()


@pytest.mark.parametrize("host", ["mkdocs", "properdocs"])
def test_serve_shows_a_content_error_in_the_browser_and_comes_back_after_the_fix(
    tmp_path: Path, host: str, browser: Any
) -> None:
    from playwright.sync_api import expect

    project = make_project(tmp_path)
    with _serving(project, host) as base:
        url = f"{base}schools/oak/2025-10-14-talk/"
        assert "Focus of Inquiry" in _wait_for(url, "Focus of Inquiry"), f"{host} serve did not start"
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(url)
        expect(page.locator("h1").first).to_contain_text("walkthrough of October 14, 2025")
        # a content error: the open page turns into the list of problems by itself
        saved = time.monotonic()
        (project / CYCLE / "notes.md").write_text("stray\n")
        expect(page.locator("#lw-serve-error")).to_be_visible(timeout=30_000)
        shown = time.monotonic() - saved
        expect(page.locator(".lw-problems li")).to_have_text([re.compile(re.escape(STRAY))])
        # another error while the error page is open: the page follows it
        team = project / CYCLE / "team.yml"
        good = team.read_text()
        team.write_text(good.replace("role: Math coach", "role: [Math coach"))
        expect(page.locator(".lw-problems li")).to_have_count(2, timeout=30_000)
        expect(page.locator(".lw-problems")).to_contain_text(f"{CYCLE.removeprefix('content/')}/team.yml:8: ")
        # fixed: the same address shows the page again, without the reader doing anything
        team.write_text(good)
        (project / CYCLE / "notes.md").unlink()
        fixed = time.monotonic()
        expect(page.locator("#lw-serve-error")).to_have_count(0, timeout=60_000)
        expect(page.locator("h1").first).to_contain_text("walkthrough of October 14, 2025")
        assert page.url == url
        back = time.monotonic() - fixed
        page.close()
        assert errors == [], errors
        print(f"{host} serve: error shown {shown:.2f} s after saving; site back {back:.2f} s after the fix")


def _check(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``lwsite check ARGS`` in the project folder, in this process (cli_support.lwsite)."""
    return lwsite(project, "check", *args)


def test_check_exit_codes(tmp_path: Path) -> None:
    """The exit codes of the process itself: ``python -m lwsite check``."""
    project = make_project(tmp_path)
    assert lwsite_command(project, "check", "content").returncode == 0
    assert lwsite_command(project, "check", "--content-dir", "content").returncode == 0
    assert lwsite_command(project, "check", "--no-such-option").returncode == 2
    (project / CYCLE / "notes.md").write_text("stray\n")
    bad = lwsite_command(project, "check", "content")
    assert bad.returncode == 1
    assert [line for line in bad.stdout.splitlines() if ": info: " not in line] == [
        f"{CYCLE.removeprefix('content/')}/notes.md:1: file 'notes.md' is not part of a cycle folder "
        "(allowed: focus.md, team.yml, schedule.yml, scripts, debrief.md, actions.yml, messages, "
        "focus.<lang>.md, debrief.<lang>.md): move, rename or remove it"
    ]


def test_check_warns_when_git_tracks_the_roster(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert "tracked by git" not in _check(project, "content").stdout
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "private/roster.yml"], cwd=project, check=True)
    result = _check(project, "content")
    assert result.returncode == 0
    assert "portfolio.yml:1: warning: the roster file ../private/roster.yml is tracked by git" in result.stdout
    assert _check(project, "content", "--strict").returncode == 1


def test_check_reports_flagged_evidence_as_warnings(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    script = project / CYCLE / "scripts" / "visit-2.md"
    script.write_text(script.read_text() + "- The questions posed were effective and appropriate.\n")
    result = _check(project, "content")
    assert result.returncode == 0, result.stdout
    line = len(script.read_text().splitlines())
    expected = f"{CYCLE.removeprefix('content/')}/scripts/visit-2.md:{line}: warning: judgmental: "
    flagged = [x for x in result.stdout.splitlines() if x.startswith(expected)]
    assert len(flagged) == 1, result.stdout
    assert '"effective"' in flagged[0] and '"appropriate"' in flagged[0]
    assert _check(project, "content", "--strict").returncode == 1


def _git_track(project: Path, *paths: str) -> None:
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", *paths], cwd=project, check=True)


def test_a_sample_roster_may_be_tracked_and_its_names_still_stop_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    roster = project / "private/roster.yml"
    roster.write_text("sample: true   # fictional names\nnames: [Maria Lopez, Jordan Smith]\n")
    _git_track(project, "private/roster.yml")
    result = _check(project, "content", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tracked by git" not in result.stdout
    script = project / CYCLE / "scripts" / "visit-2.md"
    script.write_text(script.read_text() + "- Maria Lopez asked a question.\n")
    named = _check(project, "content")
    assert named.returncode == 1
    assert "roster entry 1 (../private/roster.yml line 2) is named here" in named.stdout
    # sample: false, or no sample at all (test_check_warns_when_git_tracks_the_roster), still warns
    script.write_text(script.read_text().replace("- Maria Lopez asked a question.\n", ""))
    roster.write_text("sample: false\nnames: [Maria Lopez, Jordan Smith]\n")
    warned = _check(project, "content", "--strict")
    assert warned.returncode == 1
    assert "portfolio.yml:1: warning: the roster file ../private/roster.yml is tracked by git" in warned.stdout


def test_roster_sample_must_be_true_or_false(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "private/roster.yml").write_text('names: [Maria Lopez]\nsample: "true"\n')
    result = _check(project, "content")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "../private/roster.yml:2: sample must be true (the names are fictional, a demo's) or false: write "
        "sample: true, or remove it"
    ]
    (project / "private/roster.yml").write_text("names: [Maria Lopez]\nsamples: true\n")
    other = _check(project, "content")
    assert other.returncode == 1
    assert other.stdout.startswith(
        "../private/roster.yml:2: the roster has a key other than names and sample: did you mean 'sample'?\n"
    ), other.stdout


def test_the_demo_check_is_clean_of_roster_warnings_though_git_tracks_its_sample_roster(tmp_path: Path) -> None:
    """The demo's roster is tracked by git and says sample: true; the same roster without it warns."""
    tracked = subprocess.run(
        ["git", "ls-files", "--error-unmatch", "private/roster.yml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    demo = _check(ROOT, "--strict", "content")
    warnings = [line for line in demo.stdout.splitlines() if ": warning: " in line]
    assert ": error" not in demo.stdout and "tracked by git" not in demo.stdout, demo.stdout
    # what is left are the evidence-quality coach's flags, which the demo keeps on purpose for the
    # team's evidence-quality pages (lwsite check --strict counts them: see the README's coach section)
    assert all(re.search(r": warning: (judgmental|general): ", w) for w in warnings), warnings
    assert demo.returncode == (1 if warnings else 0), demo.stdout + demo.stderr
    if tracked.returncode != 0:
        pytest.skip("not a git checkout: git does not track the demo's roster here")
    project = demo_project(tmp_path / "demo")
    roster = project / "private/roster.yml"
    roster.write_text(roster.read_text().replace("sample: true\n", ""))
    _git_track(project, "private/roster.yml")
    assert (
        "portfolio.yml:1: warning: the roster file ../private/roster.yml is tracked by git"
        in _check(project, "content").stdout
    )
