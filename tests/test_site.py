"""Building real sites: a user's own portfolio, bounded page size, audience banners."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import MINIMAL_MKDOCS, ROOT, build_site, make_project

from bench.synth import Shape, write_portfolio


def test_demo_check_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lwsite", "check", "content"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert ": error" not in result.stdout


def test_demo_builds_for_every_audience(demo_sites: dict[str, Path]) -> None:
    for audience, site in demo_sites.items():
        home = (site / "index.html").read_text(encoding="utf-8")
        robots = '<meta name="robots" content="noindex, nofollow">' in home
        assert robots == (audience != "public"), audience
        banner = 'class="lw-audience' in home
        assert banner == (audience != "public"), audience
        assert ('class="md-banner' in home) == (audience != "public"), "an empty banner bar on public pages"
        assert "fonts.googleapis.com" not in home
        assert "Made with" not in home


def _cycle_page(site: Path) -> Path:
    pages = sorted(site.glob("schools/school-01/*-cycle-1/index.html"))
    assert len(pages) == 1
    return pages[0]


def test_cycle_page_does_not_grow_with_the_portfolio(tmp_path: Path) -> None:
    """The same cycle page, in a school with 3 cycles and in one with 30 over ten years."""
    sizes = {}
    for cycles in (3, 30):
        project = tmp_path / f"p{cycles}"
        write_portfolio(project, Shape(schools=2, cycles=cycles, visits=8))
        (project / "docs").mkdir()
        (project / "mkdocs.yml").write_text(MINIMAL_MKDOCS)
        result = build_site(project)
        assert result.returncode == 0, result.stdout + result.stderr
        sizes[cycles] = len(_cycle_page(project / "site").read_bytes())
    print(f"cycle page bytes: 3 cycles {sizes[3]}, 30 cycles {sizes[30]}")
    assert abs(sizes[30] - sizes[3]) <= 5 * 1024, sizes


def test_users_own_docs_pages_sit_beside_generated_ones(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "docs" / "about.md").write_text("# About us\n\nWe walk to learn.\n")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "About us" in home  # in the navigation
    assert (project / "site" / "about" / "index.html").is_file()
    assert list((project / "docs").iterdir()) == [project / "docs" / "about.md"]  # nothing written


@pytest.mark.parametrize("payload", ['<script>alert("x")</script>', '<img src=x onerror="alert(1)">'])
def test_pasted_html_is_shown_as_text(tmp_path: Path, payload: str) -> None:
    project = make_project(tmp_path)
    focus = project / "content/schools/oak/cycles/2025-10-14-talk/focus.md"
    focus.write_text(focus.read_text() + f"\n{payload}\n")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site/schools/oak/2025-10-14-talk/index.html").read_text(encoding="utf-8")
    assert payload not in page
    assert "&lt;" in page and ("&lt;script&gt;" in page or "&lt;img" in page)


def test_wheel_builds_a_users_own_portfolio(tmp_path: Path) -> None:
    """Install lwsite from a built wheel into a fresh venv; build a portfolio outside the repo."""
    dist = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "-o", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = next(dist.glob("lwsite-*.whl"))
    venv = tmp_path / "venv"
    # a venv without pip of its own, filled by this pip (--python): the same install of the wheel and of
    # every dependency it declares, without ensurepip's copy of pip or compiling every module first
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-compile", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    # the roster matcher's data (word lists, look-alike letters) is in the wheel
    data = subprocess.run(
        [
            str(py),
            "-c",
            "from lwsite.names import fold_words, is_ordinary; "
            "assert is_ordinary('wood') and is_ordinary('flores') and not is_ordinary('lopez'); "
            "assert fold_words('M\u0430r\u00eda') == ('maria',)",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert data.returncode == 0, data.stdout + data.stderr
    project = make_project(tmp_path / "portfolio")
    result = subprocess.run(
        [str(py), "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": f"{venv}/bin:/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    cycle = (site / "schools/oak/2025-10-14-talk/index.html").read_text(encoding="utf-8")
    assert "To what extent do students explain" in cycle
    assert (site / "assets/lwsite/lwsite.css").is_file()
    assert not re.search(r"fonts\.g(oogleapis|static)\.com", cycle)
    check = subprocess.run(
        [str(venv / "bin" / "lwsite"), "check", "content"], cwd=project, capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_menu_gives_readers_and_editors_their_own_places(demo_sites: dict[str, Path]) -> None:
    """Schools open on a list of schools; every section of the site is in the menu; the content
    reference (for people who edit the records) is not part of the public site, and comes last for staff."""
    import re

    public, staff, team = (demo_sites[a] for a in ("public", "staff", "team"))
    assert (public / "schools" / "index.html").is_file()
    assert not (public / "content-format").exists()
    assert "content-format" not in (public / "sitemap.xml").read_text(encoding="utf-8")
    assert "content-format" not in (public / "search" / "search_index.json").read_text(encoding="utf-8")
    assert (staff / "content-format" / "index.html").is_file()

    def menu(site: Path) -> list[str]:
        html = (site / "index.html").read_text(encoding="utf-8")
        nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', html, re.DOTALL)
        assert nav
        titles = re.findall(r'class="md-ellipsis">(.*?)</span>', nav.group(0), re.DOTALL)
        return [re.sub(r"\s+", " ", t).strip() for t in titles]

    reader = ["Home", "Schools", "Trends", "Action steps", "Coverage", "Follow our walkthroughs"]
    public_menu = menu(public)
    assert [t for t in public_menu if t in reader] == reader, public_menu
    assert public_menu.index("Glossary") > public_menu.index("Follow our walkthroughs")
    team_menu = menu(team)
    assert "Evidence quality" in team_menu and "Evidence quality" not in public_menu
    staff_menu = menu(staff)
    assert staff_menu.index("Content format reference") > staff_menu.index("Archive"), staff_menu
