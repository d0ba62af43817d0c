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
        question = meta["question"]  # the site's language's, where it is given per language
        for word in (question.get("en", "") if isinstance(question, dict) else question).split():
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
    result = run(
        [sys.executable, "-m", host, "build", "--strict", "-f", "mkdocs.yml", "-d", "site"],
        project,
        LWSITE_AUDIENCE="public",
    )
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


SPANISH_DATE_RE = (
    r"\b\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre"
    r"|diciembre) de \d{4}\b"
)
ENGLISH_DATE_RE = (
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{1,2}, \d{4}\b|\b\d{1,2}:\d{2}\s?[AP]M\b"
)
# The text of the article a reader sees, leaving out what is marked as another language (a text with
# no translation, a link to a letter in another language): only that may be in English.
READER_TEXT = """(lang) => {
  const article = document.querySelector("article").cloneNode(true);
  article.querySelectorAll("[lang]").forEach(el => { if (el.getAttribute("lang") !== lang) el.remove(); });
  article.querySelectorAll("svg, script, style").forEach(el => el.remove());
  return article.innerText;
}"""


def _a_spanish_focus_word(site: Path) -> tuple[str, str]:
    """A word of a translated Focus of Inquiry (in Spanish) that the fewest pages of the Spanish site use."""
    index = json.loads((site / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [(doc["title"] + " " + doc["text"]).lower() for doc in index["docs"]]
    best: tuple[int, str, str] | None = None
    for focus in sorted((ROOT / "content" / "schools").glob("*/cycles/*/focus.md")):
        meta = yaml.safe_load(focus.read_text(encoding="utf-8").split("---\n")[1])
        sidecar = focus.with_name("focus.es.md")
        if meta.get("status") == "draft":
            continue
        question = (
            meta["question"].get("es")
            if isinstance(meta["question"], dict)
            else (
                yaml.safe_load(sidecar.read_text(encoding="utf-8").split("---\n")[1])["question"]
                if sidecar.is_file()
                else None
            )
        )
        for word in (question or "").split():
            word = word.strip("¿?,.:;").lower()
            if len(word) >= 7 and word.isalpha():
                count = sum(1 for t in texts if word in t)
                if count and (best is None or count < best[0]):
                    best = (count, word, focus.parent.name)
    assert best is not None, "the demo has no Focus of Inquiry in Spanish"
    return best[1], best[2]


def test_a_reader_switches_to_spanish_and_reads_a_walkthrough_in_spanish(
    demo_sites: dict[str, Path], serve: Any, browser: Any
) -> None:
    """Home (English) -> the language selector -> Spanish home -> school -> walkthrough -> summary ->
    family letter: every interface word, date and time in Spanish; then search finds a walkthrough by
    a Spanish word of its Focus of Inquiry."""
    import re

    from test_i18n import english_fragments

    site = demo_sites["public"]
    base = serve(site)
    fragments = sorted(english_fragments())
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def in_spanish(where: str) -> None:
        assert page.evaluate("document.documentElement.lang") == "es", (where, page.url)
        text = page.evaluate(READER_TEXT, "es")
        english = [f for f in fragments if f in text]
        assert not english, (where, page.url, english[:10])
        assert not re.search(ENGLISH_DATE_RE, text), (where, re.search(ENGLISH_DATE_RE, text))
        chrome = page.inner_text("header") + page.inner_text("nav.md-nav--primary")
        for word in ("Search", "Home", "Schools", "Archive", "Glossary"):
            assert not re.search(rf"\b{word}\b", chrome), (where, word)

    page.goto(base)
    assert page.evaluate("document.documentElement.lang") == "en"
    page.locator(".md-header .md-select").first.hover()
    page.get_by_role("link", name="Español").click()
    page.wait_for_load_state()
    assert page.url.rstrip("/") == base + "es", page.url  # the same page, in Spanish
    in_spanish("home")
    assert re.search(SPANISH_DATE_RE, page.evaluate(READER_TEXT, "es"))

    page.locator("article a", has_text="Escuela Primaria Lincoln").first.click()
    page.wait_for_load_state()
    assert "/es/schools/lincoln-elementary/" in page.url
    in_spanish("school")

    page.locator("article a", has_text="10 de febrero de 2026").first.click()
    page.wait_for_load_state()
    in_spanish("walkthrough")
    text = page.evaluate(READER_TEXT, "es")
    assert "¿En qué medida usan los estudiantes el vocabulario de la materia" in text
    assert re.search(r"\b8:00–8:30: orientación del equipo", text), text[:2000]  # a time in the locale's form

    page.locator("article a", has_text="Resumen:").first.click()
    page.wait_for_load_state()
    assert page.url.rstrip("/").endswith("/summary"), page.url
    in_spanish("summary")
    assert "martes, 10 de febrero de 2026" in page.evaluate(READER_TEXT, "es")

    page.go_back()
    page.locator("article a", has_text="Carta a las familias (español)").first.click()
    page.wait_for_load_state()
    assert page.url.rstrip("/").endswith("/family-letter-es"), page.url
    in_spanish("family letter")

    word, cycle_id = _a_spanish_focus_word(site)
    page.goto(base + "es/")
    page.wait_for_load_state("networkidle")
    search = page.locator("input.md-search__input")
    assert search.get_attribute("placeholder") == "Búsqueda"
    search.click()
    search.press_sequentially(word, delay=40)
    found = "id => [...document.querySelectorAll('.md-search-result__item a')].some(a => a.href.includes(id))"
    try:
        page.wait_for_function(found, arg=cycle_id, timeout=10_000)
    except Exception:
        hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")
        raise AssertionError(f"searching '{word}' in Spanish did not find {cycle_id}: {hrefs}") from None
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")
    assert all("/es/" in h for h in hrefs), hrefs  # the Spanish site's own index
    page.close()
    assert not errors, errors
