"""Session fixtures: each audience's demo site is built once and shared by every gate."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ROOT, build_audiences

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def demo_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo portfolio (repo's content/ and mkdocs.yml) built strict for each audience."""
    project = tmp_path_factory.mktemp("demo")
    for name in ("content", "private", "docs", "theme"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return build_audiences(project)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        # linkchecker's documented way for a server to lift its limit of requests per second
        # (otherwise about three a second, to be kind to other people's servers)
        self.send_header("LinkChecker", "unlimited")
        super().end_headers()


@pytest.fixture(scope="session")
def serve() -> Iterator[object]:
    """serve(site_dir) -> base URL on 127.0.0.1; servers stop at the end of the session."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(site: Path) -> str:
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


def require_chromium() -> str:
    """Debian's Chromium; in CI a missing browser fails the test instead of skipping it."""
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield b
        b.close()


@pytest.fixture(scope="session")
def minimal_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A portfolio of a user's own with the smallest mkdocs.yml, built for each audience."""
    from helpers import make_project

    project = make_project(tmp_path_factory.mktemp("minimal"))
    return build_audiences(project)


# The trends fixture as test_trends.py and test_rooms.py read it: its walkthrough of October 7, 2025
# visits rooms in an order of its own (visit 1 in E10 ... visit 6 in E5), and a walkthrough still to
# come (December 8, 2026) visits E1 and E2 (rooms and an upcoming draft change no trend figure).
ROOMS_SCHEDULE = """date: 2025-10-07
visits:
  - {visit: 1, start: "08:30", minutes: 15, group: A, grade: "3", subject: Mathematics, room: "E10"}
  - {visit: 2, start: "08:30", minutes: 15, group: B, grade: "4", subject: Science, room: "E9"}
  - {visit: 3, start: "08:50", minutes: 15, group: A, grade: "5", subject: English, room: "E8"}
  - {visit: 4, start: "08:50", minutes: 15, group: B, grade: "3", subject: Mathematics, room: "E7"}
  - {visit: 5, start: "09:10", minutes: 15, group: A, grade: "4", subject: Science, room: "E6"}
  - {visit: 6, start: "09:10", minutes: 15, group: B, grade: "5", subject: English, room: "E5"}
"""
UPCOMING = "schools/east/cycles/2026-12-08-next"


@pytest.fixture(scope="session")
def trends_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The trends fixture (tests/fixtures/trends), with rooms on its schedules, built for each audience."""
    from helpers import FIXTURES, make_project

    project = make_project(tmp_path_factory.mktemp("trends"), FIXTURES / "trends")
    content = project / "content"
    (content / "schools/east/cycles/2025-10-07-again/schedule.yml").write_text(ROOMS_SCHEDULE, encoding="utf-8")
    upcoming = content / UPCOMING
    upcoming.mkdir(parents=True)
    (upcoming / "focus.md").write_text(
        "---\nquestion: What do students say next?\nframework: continuum\ncharacteristics: [talk]\n---\n",
        encoding="utf-8",
    )
    (upcoming / "team.yml").write_text("hall_work: 3\nmembers:\n  - {role: Principal, group: A}\n", encoding="utf-8")
    (upcoming / "schedule.yml").write_text(
        'date: 2026-12-08\nvisits:\n  - {visit: 1, start: "08:30", minutes: 15, group: A, room: "E1"}\n'
        '  - {visit: 2, start: "08:50", minutes: 15, group: A, room: "E2"}\n',
        encoding="utf-8",
    )
    return build_audiences(project)


@pytest.fixture(scope="session", params=["demo", "minimal"])
def built(request: pytest.FixtureRequest) -> dict[str, Path]:
    """Each portfolio the quality gates check: the demo and a user's own minimal one."""
    fixture = "demo_sites" if request.param == "demo" else "minimal_sites"
    sites: dict[str, Path] = request.getfixturevalue(fixture)
    return sites


GATE_MODULES = ("test_gates.py", "test_browser.py", "test_print.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The browser lane: tests that drive Chromium or a third-party checker (the fast lane runs the rest)."""
    for item in items:
        if item.path.name in GATE_MODULES or "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
