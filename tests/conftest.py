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
from helpers import ROOT, mkdocs_build

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def demo_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo portfolio (repo's content/ and mkdocs.yml) built strict for each audience."""
    project = tmp_path_factory.mktemp("demo")
    for name in ("content", "private", "docs", "theme"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    sites: dict[str, Path] = {}
    for audience in ("public", "staff", "team"):
        result = mkdocs_build(project, audience, site_dir=f"site-{audience}")
        assert result.returncode == 0, result.stdout + result.stderr
        sites[audience] = project / f"site-{audience}"
    return sites


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


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
    if not os.path.exists(CHROMIUM):
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
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield b
        b.close()


@pytest.fixture(scope="session")
def minimal_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A portfolio of a user's own with the smallest mkdocs.yml, built for each audience."""
    from helpers import make_project

    project = make_project(tmp_path_factory.mktemp("minimal"))
    sites: dict[str, Path] = {}
    for audience in ("public", "staff", "team"):
        result = mkdocs_build(project, audience, site_dir=f"site-{audience}")
        assert result.returncode == 0, result.stdout + result.stderr
        sites[audience] = project / f"site-{audience}"
    return sites


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
