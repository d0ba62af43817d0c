"""`mkdocs serve` follows the content folder; `lwsite check` speaks in file:line lines."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from helpers import env, make_project

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


def test_serve_rebuilds_when_content_changes(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/schools/oak/2025-10-14-talk/"
    try:
        deadline = time.monotonic() + 60
        while "Focus of Inquiry" not in _get(url) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "Focus of Inquiry" in _get(url), "mkdocs serve did not start"
        focus = project / CYCLE / "focus.md"
        focus.write_text(focus.read_text() + "\nServewatchword appears after a rebuild.\n")
        deadline = time.monotonic() + 60
        while "Servewatchword" not in _get(url) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "Servewatchword" in _get(url), "the page was not rebuilt after the content changed"
    finally:
        server.terminate()
        server.wait(timeout=20)


def _check(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lwsite", "check", *args], cwd=project, env=env(),
                          capture_output=True, text=True, check=False)


def test_check_exit_codes(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert _check(project, "content").returncode == 0
    assert _check(project, "--content-dir", "content").returncode == 0
    assert _check(project, "--no-such-option").returncode == 2
    (project / CYCLE / "notes.md").write_text("stray\n")
    bad = _check(project, "content")
    assert bad.returncode == 1
    assert bad.stdout.splitlines() == [
        f"{CYCLE.removeprefix('content/')}/notes.md:1: file 'notes.md' is not part of a cycle folder "
        "(allowed: focus.md, team.yml, schedule.yml, scripts, debrief.md, actions.yml, messages): "
        "move, rename or remove it"
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
    expected = f'{CYCLE.removeprefix("content/")}/scripts/visit-2.md:{line}: warning: judgmental: '
    flagged = [x for x in result.stdout.splitlines() if x.startswith(expected)]
    assert len(flagged) == 1, result.stdout
    assert '"effective"' in flagged[0] and '"appropriate"' in flagged[0]
    assert _check(project, "content", "--strict").returncode == 1
