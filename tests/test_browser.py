"""The built demo in a real browser: click through, search, and no console errors."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import ROOT, run


def _a_focus_word(site: Path) -> tuple[str, str]:
    """A word of some cycle's Focus of Inquiry that the fewest pages of the built site use."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [(doc["title"] + " " + doc["text"]).lower() for doc in index["docs"]]
    best: tuple[int, str, str] | None = None
    for focus in sorted((ROOT / "content" / "schools").glob("*/cycles/*/focus.md")):
        meta = yaml.safe_load(focus.read_text(encoding="utf-8").split("---\n")[1])
        if meta.get("status") == "draft":
            continue
        for word in meta["question"].split():
            word = word.strip("?,.:;").lower()
            if len(word) >= 6 and word.isalpha():
                count = sum(1 for t in texts if word in t)
                if best is None or count < best[0]:
                    best = (count, word, focus.parent.name)
    assert best is not None, "no focus question to search for"
    return best[1], best[2]


@pytest.fixture(scope="module", params=["mkdocs", "properdocs"])
def host_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The public demo built by each supported host's own command line, `mkdocs build --strict` (MkDocs
    1.6) and `properdocs build --strict` (ProperDocs, its maintained fork), as a user builds it."""
    host = request.param
    project = tmp_path_factory.mktemp(host)
    for name in ("content", "private", "docs", "theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    result = run([sys.executable, "-m", host, "build", "--strict", "-f", "mkdocs.yml", "-d", "site"],
                 project, LWSITE_AUDIENCE="public")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "lwsite:" in result.stderr, f"the plugin ran under {host}"
    return project / "site"


def test_click_home_school_cycle_debrief_and_search(host_site: Path, serve: Any, browser: Any) -> None:
    base = serve(host_site)
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(base)
    assert page.locator("h1").first.inner_text()
    page.locator("article a[href*='schools/']").first.click()
    page.wait_for_load_state()
    assert "/schools/" in page.url
    page.locator("article a[href*='20']").filter(has_text="20").first.click()
    page.wait_for_load_state()
    assert page.locator("h2#focus").count() == 1, page.url
    page.get_by_role("link", name="Debrief", exact=True).first.click()
    page.wait_for_load_state()
    assert page.url.rstrip("/").endswith("/debrief")
    assert page.locator("h2#patterns").count() == 1

    word, cycle_id = _a_focus_word(host_site)
    page.goto(base)
    page.wait_for_load_state("networkidle")  # the search index is loaded by then
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(word, delay=40)
    # Material renders results as they come: read the whole list at once, until the cycle is in it
    found = "id => [...document.querySelectorAll('.md-search-result__item a')].some(a => a.href.includes(id))"
    try:
        page.wait_for_function(found, arg=cycle_id, timeout=10_000)
    except Exception:
        hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")
        raise AssertionError(f"searching '{word}' did not find {cycle_id}: {hrefs}") from None
    page.close()
    assert not errors, errors


SHARE_RE = r"^\d+%$|^\d+–\d+%$"


def test_public_trend_pages_show_a_figure_or_a_range_for_every_row(
    demo_sites: dict[str, Path], serve: Any, browser: Any
) -> None:
    """Read in Chromium at a phone's and a desk's width: every walkthrough and school year with at least
    3 visits rated shows its share as a number or a range, on every public trend page."""
    import re

    site = demo_sites["public"]
    base = serve(site)
    found = [*site.glob("schools/*/trends/index.html"), *site.glob("frameworks/*/*/index.html")]
    pages = ["trends/", *sorted(f"{p.parent.relative_to(site).as_posix()}/" for p in found)]
    checked = 0
    for width in (360, 1280):
        page = browser.new_page(viewport={"width": width, "height": 800})
        for path in pages:
            page.goto(base + path)
            # a reader opens the data tables beside the charts
            for summary in page.locator("details.lw-data > summary").all():
                summary.click()
            for table in page.locator("table").all():
                head = [h.inner_text().strip() for h in table.locator("thead th").all()]
                if "Visits rated" not in head or not any(h.startswith("Share ") for h in head):
                    continue
                rated, share = head.index("Visits rated"), next(i for i, h in enumerate(head) if h.startswith("Share "))
                for row in table.locator("tbody tr").all():
                    cells = [c.inner_text().strip() for c in row.locator("th, td").all()]
                    if len(cells) <= share or not cells[rated].isdigit() or int(cells[rated]) < 3:
                        continue
                    assert re.match(SHARE_RE, cells[share]), (width, path, cells)
                    checked += 1
            # nothing is cut off sideways: the page never scrolls horizontally
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (width, path)
        page.close()
    assert checked >= 50, checked
