"""The site in every language of the portfolio (issue 13): catalogs, texts per language, the
editions a build writes, and how each page links its counterparts.

The catalogs are read as data; the editions are built for real from the minimal fixture with
some of its texts translated (a per-language value, sidecars, the portfolio's own words) and
others left in English, to show the fallback.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import string
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import pytest
from cli_support import lwsite_command
from helpers import ROOT, make_project, mkdocs_build

from lwsite import i18n
from lwsite.i18n.localize import Fallback, localize, untranslated
from lwsite.load.portfolio import load
from lwsite.model import Audience
from lwsite.pipeline import Settings, prepare, prepare_editions

CYCLE = "schools/oak/cycles/2025-10-14-talk"
PAGE = "schools/oak/2025-10-14-talk"
QUESTION_ES = "¿En qué medida explican los estudiantes su razonamiento a sus compañeros?"
# Catalog texts that are the same word in English and in Spanish (a Spanish value equal to its
# English one fails the test unless it is here, or has no word outside its {placeholders}).
SAME_IN_BOTH: frozenset[str] = frozenset()
# lwsite's translators (not Material's own ``lang.t``); a key ending with "." is the start of one
# made in the template ("brings." ~ b): its section must be there
TEMPLATE_KEY_RE = re.compile(r"""(?<![\w.])(?:t|lt|lwt)(?:\.plain)?\(\s*["']([a-z_][a-z0-9_.-]*)["']""")
PYTHON_KEY_RE = re.compile(r"""(?<![\w.])t(?:\.plain)?\(\s*["']([a-z_][a-z0-9_.-]*)["']""")
JINJA_COMMENT_RE = re.compile(r"\{#.*?#\}", re.DOTALL)


# the catalogs --------------------------------------------------------------------------
def _words(text: str) -> str:
    """A catalog text without its {placeholders}, marks and punctuation: its words."""
    text = re.sub(r"\{[^}]*\}", " ", text)
    return " ".join(re.findall(r"[^\W\d_]+", text))


def test_every_catalog_has_every_text_and_the_same_placeholders() -> None:
    english = i18n.table("en")
    wanted = dict(i18n.texts(english))
    assert {"en", "es"} <= set(i18n.available())
    for lang in i18n.available():
        other = dict(i18n.texts(i18n.table(lang)))
        assert set(other) == set(wanted), (
            f"{lang}.yml: missing {sorted(set(wanted) - set(other))[:10]}, "
            f"unknown {sorted(set(other) - set(wanted))[:10]}"
        )
        for key, text in wanted.items():
            theirs = other[key]
            assert type(theirs) is type(text), f"{lang}.yml: {key} is not a {type(text).__name__}"
            if i18n.is_plural(text):
                assert "other" in theirs and set(theirs) <= set(i18n.PLURAL_FORMS), f"{lang}.yml: {key}"
            if isinstance(text, list):
                assert len(theirs) == len(text), f"{lang}.yml: {key} has {len(theirs)} items, not {len(text)}"
            names = _placeholders(text)
            assert _placeholders(theirs) == names, f"{lang}.yml: {key} placeholders"


def _placeholders(text: Any) -> set[str]:
    parts = text.values() if isinstance(text, dict) else text if isinstance(text, list) else [text]
    return {f for part in parts for _, f, _, _ in string.Formatter().parse(part) if f}


def test_no_spanish_text_is_the_english_one_copied() -> None:
    english, spanish = dict(i18n.texts(i18n.table("en"))), dict(i18n.texts(i18n.table("es")))
    copied = []
    for key, text in english.items():
        forms = text.values() if isinstance(text, dict) else text if isinstance(text, list) else [text]
        theirs = spanish[key]
        others = theirs.values() if isinstance(theirs, dict) else theirs if isinstance(theirs, list) else [theirs]
        for mine, other in zip(forms, others, strict=False):
            if mine == other and _words(mine) and mine not in SAME_IN_BOTH:
                copied.append(f"{key}: {mine!r}")
    assert not copied, f"Spanish texts copied from English: {copied}"


def test_the_copy_check_catches_a_copied_text() -> None:
    """The check above is real: a Spanish catalog with one English value fails it."""
    english = dict(i18n.texts(i18n.table("en")))
    assert _words(english["menu.home"]) and _words("{date}: {text}") == ""


def test_every_key_the_templates_and_code_ask_for_is_in_the_catalogs() -> None:
    asked: dict[str, str] = {}
    for path in sorted((ROOT / "theme").rglob("*.html")):
        for key in TEMPLATE_KEY_RE.findall(JINJA_COMMENT_RE.sub("", path.read_text(encoding="utf-8"))):
            asked.setdefault(key, path.relative_to(ROOT).as_posix())
    for path in sorted((ROOT / "lwsite").rglob("*.py")):
        for key in PYTHON_KEY_RE.findall(path.read_text(encoding="utf-8")):
            asked.setdefault(key, path.relative_to(ROOT).as_posix())
    assert len(asked) > 150, len(asked)  # the scan finds the keys (it would pass on finding none)
    for lang in i18n.available():
        t = i18n.Translator(lang)
        missing = {
            key: where
            for key, where in asked.items()
            if not (_section(t, key.rstrip(".")) if key.endswith(".") else t.has(key))
        }
        assert not missing, f"{lang}.yml lacks texts asked for: {missing}"


def test_translator_plural_forms_numbers_and_marks() -> None:
    es, en = i18n.Translator("es"), i18n.Translator("en")
    assert es.plain("count.visit", count=1) == "1 visita" and es.plain("count.visit", count=3) == "3 visitas"
    assert en.plain("count.visit", count=1234) == "1,234 visits"
    assert es.percent(55) == "55\u00a0%" and es.percent(40, 50) == "40–50\u00a0%" and en.percent(40, 50) == "40–50%"
    assert es.number(2.45, 1) in ("2,4", "2,5") and en.number(2.5, 1) == "2.5"
    assert str(en("cycle.upcoming", date="<b>")).startswith("<strong>Coming up.</strong>")
    assert "&lt;b&gt;" in str(en("cycle.upcoming", date="<b>"))
    assert en.plain("cycle.upcoming", date="x").startswith("Coming up.")
    assert es.language_name("en") == "inglés" and en.language_name("es") == "Spanish"
    # a count of steps agrees with its status word (the ledger once read "7 hecha, 2 descartada")
    assert es.plain("status_count.done", count=7) == "7 hechas"
    assert es.plain("status_count.dropped", count=1) == "1 descartada"
    assert en.plain("status_count.in-progress", count=3) == "3 in progress"


# content in more than one language ------------------------------------------------------
def _section(t: i18n.Translator, key: str) -> bool:
    try:
        return isinstance(i18n.lookup(t.table, key), dict)
    except KeyError:
        return False


def translated_project(dest: Path) -> Path:
    """The minimal fixture with its question, look-for, focus body, debrief message and patterns and
    an action step in Spanish (a per-language value and sidecars), and a few roles in words:; the
    school's name, the strengths and the other steps' texts left in English."""
    project = make_project(dest)
    content = project / "content"
    focus = content / CYCLE / "focus.md"
    focus.write_text(
        focus.read_text(encoding="utf-8").replace(
            "question: To what extent do students explain their reasoning to peers?",
            f'question:\n  en: To what extent do students explain their reasoning to peers?\n  es: "{QUESTION_ES}"',
        ),
        encoding="utf-8",
    )
    (content / CYCLE / "focus.es.md").write_text(
        "---\nlook_fors:\n  - Los estudiantes justifican sus respuestas con modelos\n---\n"
        "La encuesta de la primavera mostró que los estudiantes casi nunca explican sus respuestas.\n",
        encoding="utf-8",
    )
    (content / CYCLE / "debrief.es.md").write_text(
        "---\npatterns:\n  - Los estudiantes explican su razonamiento a un compañero, rara vez a toda la clase\n"
        "message: Los estudiantes hablan de lo que piensan con sus compañeros.\n---\n",
        encoding="utf-8",
    )
    actions = content / CYCLE / "actions.yml"
    actions.write_text(
        actions.read_text(encoding="utf-8").replace(
            "  action: Model partner-talk stems in grade 3-5 PLCs",
            "  action:\n    en: Model partner-talk stems in grade 3-5 PLCs\n"
            "    es: Mostrar frases de apoyo para conversar en parejas en las reuniones de 3.º a 5.º",
        ),
        encoding="utf-8",
    )
    # the letters and the summary lwsite writes (the fixture's hand-written ones replace them)
    for name in ("family-letter.es.md", "summary.md"):
        (content / CYCLE / "messages" / name).unlink()
    (content / "catalogs").mkdir()
    (content / "catalogs" / "es.yml").write_text("words:\n  Principal: Director/a\n", encoding="utf-8")
    portfolio = content / "portfolio.yml"
    portfolio.write_text(
        portfolio.read_text(encoding="utf-8").replace("letter_languages:", "languages:"), encoding="utf-8"
    )
    return project


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    project = translated_project(tmp_path_factory.mktemp("i18n"))
    out = {}
    for audience in ("public", "staff"):
        result = mkdocs_build(project, audience, site_dir=f"site-{audience}")
        assert result.returncode == 0, result.stdout + result.stderr
        out[audience] = project / f"site-{audience}"
    return out


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _page(site: Path, rel: str) -> str:
    return _text(site / rel / "index.html")


def test_the_loader_keeps_every_language_and_localize_marks_what_has_none(tmp_path: Path) -> None:
    project = translated_project(tmp_path)
    portfolio = load(project / "content").portfolio
    assert portfolio is not None and portfolio.languages == ("en", "es")
    cycle = portfolio.cycles[0]
    assert cycle.focus.question == "To what extent do students explain their reasoning to peers?"
    spanish = localize(portfolio, "es")
    c = spanish.cycles[0]
    assert c.focus.question == QUESTION_ES and not isinstance(c.focus.question, Fallback)
    assert c.focus.look_fors == ("Los estudiantes justifican sus respuestas con modelos",)
    assert c.focus.narrative is not None and c.focus.narrative.startswith("La encuesta")
    assert c.debrief is not None and c.debrief.patterns[0].claim.startswith("Los estudiantes explican")
    strength = c.debrief.strengths[0].claim
    assert isinstance(strength, Fallback) and strength.lang == "en" and strength.note == "(en inglés)"
    assert str(strength) == "Teachers wait after asking a question"
    assert isinstance(c.focus.improvement_goal, Fallback)
    school = spanish.schools[0].name
    assert isinstance(school, Fallback) and school.note == ""  # a name: marked, without a note
    assert c.team.members[0].role == "Director/a" and isinstance(c.team.members[1].role, Fallback)
    assert localize(portfolio, "en") is portfolio
    # what check lists as left to translate
    found = {u.path: u for u in untranslated(portfolio, "es")}
    walkthrough = found["schools/oak/cycles/2025-10-14-talk"]
    assert "question" not in walkthrough.missing and "improvement_goal" in walkthrough.missing
    assert "strengths" in walkthrough.missing and "debrief body" not in walkthrough.missing  # staff only
    assert found["catalogs/es.yml"].missing == ("Math coach", "Mathematics", "Science")  # owners, subjects


def test_check_lists_what_is_untranslated_as_info(tmp_path: Path) -> None:
    project = translated_project(tmp_path)
    result = lwsite_command(project, "check", "content")
    assert result.returncode == 0, result.stdout + result.stderr
    info = [line for line in result.stdout.splitlines() if ": info: " in line]
    walkthrough = next(line for line in info if line.startswith(f"{CYCLE}:1: info: es: "))
    assert re.search(r"es: (\d+) of (\d+) text\(s\) the public reads have no translation", walkthrough)
    assert "improvement_goal" in walkthrough and "question," not in walkthrough
    assert any(line.startswith("schools/oak/school.yml:1: info: es: ") and "name" in line for line in info)
    assert "0 warning(s)" in result.stderr


def test_a_staff_site_stays_in_the_site_language_with_letters_in_each(sites: dict[str, Path]) -> None:
    staff = sites["staff"]
    assert not (staff / "es").exists()
    letter = _page(staff, f"{PAGE}/family-letter-es")
    assert QUESTION_ES in html.unescape(letter)  # the Spanish letter carries the Spanish question
    # ... and links to the walkthrough's page in the only edition the staff site has
    assert re.search(r'<a href="\.\./">la página de esta visita</a>', letter)


# the editions ------------------------------------------------------------------------------
def test_each_language_is_a_whole_site_of_its_own(sites: dict[str, Path]) -> None:
    site = sites["public"]
    root = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "es"}
    spanish = {p.relative_to(site / "es").as_posix() for p in (site / "es").rglob("*.html")}
    assert root == spanish, root ^ spanish  # the same pages, so every page has its counterpart
    for edition, lang in ((site, "en"), (site / "es", "es")):
        index = json.loads(_text(edition / "search" / "search_index.json"))
        assert index["config"]["lang"] == [lang]  # each with its own search index and stemmer
        assert (edition / "sitemap.xml").is_file() and (edition / "404.html").is_file()
        assert f'<html lang="{lang}"' in _text(edition / "index.html")
    assert (site / "assets" / "javascripts" / "lunr" / "min" / "lunr.es.min.js").is_file()


def test_every_page_links_its_counterparts_and_the_selector_lands_on_the_same_page(sites: dict[str, Path]) -> None:
    site = sites["public"]
    checked = 0
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site)
        if rel.name == "404.html":
            continue
        text = _text(page)
        # rel="alternate ": the token alternate, but not Material's exact link[rel=alternate] (a language home)
        links = dict(re.findall(r'<link rel="alternate " hreflang="([a-z-]+)" href="([^"]+)">', text))
        assert '<link rel="alternate" hreflang' not in text, rel
        assert set(links) == {"en", "es", "x-default"}, rel
        here = rel.parts[0] == "es"
        counterpart = (rel.relative_to("es") if here else Path("es") / rel).parent
        for lang, href in links.items():
            target = (page.parent / href).resolve()
            want = (
                (site / (rel.relative_to("es") if here else rel)).parent
                if lang != "es"
                else (site / "es" / (rel.relative_to("es") if here else rel)).parent
            )
            assert target == want.resolve(), (rel, lang, href)
            assert (target / "index.html").is_file() or target.is_file(), (rel, href)
        selector = re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)" lang="[a-z]+" class="md-select__link"', text)
        assert {lang for _, lang in selector} == {"en", "es"}, rel
        other = next(href for href, lang in selector if lang == ("en" if here else "es"))
        assert (page.parent / other).resolve() == (site / counterpart).resolve(), (rel, other)
        # Material's own links to each language's home page are gone: only this page's counterparts
        assert not re.search(r'<link rel="alternate" href="[^"]*" hreflang=', text), rel
        checked += 1
    assert checked > 30, checked


def test_spanish_pages_speak_spanish_and_mark_what_has_no_translation(sites: dict[str, Path]) -> None:
    site = sites["public"]
    cycle = _page(site / "es", PAGE)
    assert QUESTION_ES in html.unescape(cycle) and "Foco de indagación" in cycle
    assert "14 de octubre de 2025" in cycle and "martes, 14 de octubre de 2025" in cycle
    assert re.search(r"8:00–8:30: orientación del equipo", html.unescape(cycle))  # CLDR short times, no AM/PM
    assert "Los estudiantes justifican sus respuestas con modelos" in cycle
    # the goal has no Spanish: shown in English, marked so, with a note in Spanish
    assert '<span lang="en">Goal 2: reasoning</span> <span class="lw-fallback-note">(en inglés)</span>' in cycle
    assert '<h1><span lang="en">Oak Elementary</span>: recorrido del 14 de octubre de 2025</h1>' in cycle  # a name
    debrief = html.unescape(_page(site / "es", f"{PAGE}/debrief"))
    assert "Los estudiantes hablan de lo que piensan con sus compañeros." in debrief
    assert "Muchas</span> Los estudiantes explican su razonamiento" in debrief
    assert '<span lang="en">Teachers wait after asking a question</span>' in debrief
    actions = html.unescape(_page(site / "es", f"{PAGE}/actions"))
    assert "Mostrar frases de apoyo" in actions and "Responsable" in actions
    assert '<span lang="en">Math coach</span>' in actions  # an owner words: does not have
    cycle_en = _page(site, PAGE)
    assert "lw-fallback" not in cycle_en and QUESTION_ES not in html.unescape(cycle_en)


ENGLISH_FRAGMENT_MIN_WORDS = 2


def english_fragments() -> set[str]:
    """Runs of two words or more of every English catalog text that the Spanish catalog does not
    also hold: on a Spanish page, any of them outside an element marked lang="en" is an English
    interface word."""
    out: set[str] = set()
    spanish = " ".join(str(v) for _, v in i18n.texts(i18n.table("es")))
    for _, text in i18n.texts(i18n.table("en")):
        forms = text.values() if isinstance(text, dict) else text if isinstance(text, list) else [text]
        for form in forms:
            for part in re.split(r"\{[^}]*\}", re.sub(r"[*`]", "", str(form))):
                words = part.strip(" .,:;()“”\"'").strip()
                if len(words.split()) >= ENGLISH_FRAGMENT_MIN_WORDS and words not in spanish:
                    out.add(words)
    return out


def visible_text_in(page: str, lang: str) -> str:
    """The text of a page's article outside every element marked with another language."""
    body = page[page.index("<article") : page.index("</article>")]
    body = re.sub(r"<(svg|script|style)\b.*?</\1>", " ", body, flags=re.DOTALL)
    # drop every element with a lang other than ``lang`` (they do not nest in lwsite's output)
    body = re.sub(rf'<(span|div|a|p)\b[^>]*\blang="(?!{lang}")[^"]*"[^>]*>.*?</\1>', " ", body, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_no_english_interface_word_on_a_spanish_page(sites: dict[str, Path]) -> None:
    site = sites["public"] / "es"
    fragments = english_fragments()
    assert len(fragments) > 300
    found = []
    for page in sorted(site.rglob("index.html")):
        text = _text(page)
        if '<html lang="es"' not in text:
            continue  # the English letter of the Spanish site
        shown = visible_text_in(text, "es")
        found += [f"{page.relative_to(site)}: {f!r}" for f in fragments if f in shown]
    assert not found, found[:20]
    # the check is real: an English page of the same site is full of them
    english = visible_text_in(_page(sites["public"], PAGE), "en")
    assert sum(1 for f in fragments if f in english) > 10


def test_the_spanish_letter_carries_the_spanish_question_and_links_to_spanish_pages(sites: dict[str, Path]) -> None:
    site = sites["public"]
    for edition, up in ((site, "../../../../es/"), (site / "es", "../")):
        letter = _page(edition, f"{PAGE}/family-letter-es")
        body = html.unescape(letter[letter.index('class="lw-letter') :])
        assert QUESTION_ES in body and "To what extent" not in body
        assert '<span lang="en">Goal 2: reasoning</span> <span class="lw-fallback-note">(en inglés)</span>' in body
        link = re.search(r'<a href="([^"]+)"[^>]*>la página de esta visita</a>', body)
        assert link, body[:500]
        target = (edition / PAGE / "family-letter-es" / link.group(1)).resolve()
        assert target == (site / "es" / PAGE).resolve(), link.group(1)
        assert link.group(1).startswith(up)
    # the English letter of the Spanish site links to the English pages
    english = _page(site / "es", f"{PAGE}/family-letter")
    link = re.search(r'<a href="([^"]+)" hreflang="en">the page for this walkthrough</a>', english)
    assert link and (site / "es" / PAGE / "family-letter" / link.group(1)).resolve() == (site / PAGE).resolve()


def test_calendars_and_the_feed_exist_in_each_language(sites: dict[str, Path]) -> None:
    site = sites["public"]
    for edition, lang, orientation in (
        (site, "en", "Learning walkthrough: team orientation"),
        (site / "es", "es", "Recorrido de aprendizaje: orientación del equipo"),
    ):
        cal = icalendar.Calendar.from_ical((edition / PAGE / "walkthrough.ics").read_bytes())
        summaries = {str(e["SUMMARY"]) for e in cal.walk("VEVENT")}
        assert orientation in summaries
        assert (edition / "calendar" / "upcoming.ics").is_file()
        feed = feedparser.parse((edition / "feed.xml").read_bytes())
        assert feed.version == "atom10" and not feed.bozo and feed.feed.get("language") == lang
        assert len(feed.entries) == 1
    spanish = icalendar.Calendar.from_ical((site / "es" / PAGE / "walkthrough.ics").read_bytes())
    assert any(QUESTION_ES in str(e["DESCRIPTION"]) for e in spanish.walk("VEVENT"))
    feed = feedparser.parse((site / "es" / "feed.xml").read_bytes())
    assert feed.entries[0].title.startswith("Resumen del recorrido")
    english = feedparser.parse((site / "feed.xml").read_bytes())
    assert english.entries[0].id != feed.entries[0].id  # one entry per language


def test_the_site_own_pages_in_another_language_say_they_are_in_english(tmp_path: Path) -> None:
    project = translated_project(tmp_path)
    (project / "docs" / "about.md").write_text("# About us\n\nWe publish our walkthroughs.\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    page = _text(project / "site" / "es" / "about" / "index.html")
    assert (
        '<div class="lw-fallback" lang="en"><p class="lw-fallback-note" lang="es">'
        "Este texto está disponible solo en inglés.</p>" in page
    )
    assert "lw-fallback" not in _text(project / "site" / "about" / "index.html")


def test_every_edition_is_checked_before_anything_is_written(tmp_path: Path) -> None:
    project = translated_project(tmp_path)
    prepared = prepare_editions(Settings(project / "content", Audience.PUBLIC, today=dt.date(2026, 11, 22)))
    assert list(prepared) == ["en", "es"] and all(p.ok for p in prepared.values())
    assert prepared["es"].site is not None and prepared["es"].site.lang == "es"
    staff = prepare_editions(Settings(project / "content", Audience.STAFF, today=dt.date(2026, 11, 22)))
    assert list(staff) == ["en"]
    one = prepare(Settings(project / "content", Audience.PUBLIC, today=dt.date(2026, 11, 22), language="es"))
    assert one.site is not None and one.site.lang == "es"
    pages = {p.src: p for p in one.pages}
    assert pages["index.md"].title == "Oak Valley Schools"
    assert pages["archive/index.md"].title == "Archivo: todos los recorridos por curso escolar"


def test_a_language_lwsite_has_no_catalog_for_builds_with_the_portfolio_catalog(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    portfolio = project / "content" / "portfolio.yml"
    portfolio.write_text(
        portfolio.read_text(encoding="utf-8").replace("letter_languages: [en, es]", "languages: [en, fr]"),
        encoding="utf-8",
    )
    (project / "content" / CYCLE / "messages" / "family-letter.es.md").unlink()  # no Spanish any more
    problems = load(project / "content").problems.items
    assert [str(p) for p in problems] == [
        "portfolio.yml:5: lwsite has no catalog of its words in 'fr' (it has en, es): add catalogs/fr.yml to "
        "the content folder with every text of lwsite's i18n/en.yml translated, or remove 'fr'"
    ]
    # a complete catalog of the portfolio's own (here: the English one, renamed) makes it buildable
    (project / "content" / "catalogs").mkdir()
    (project / "content" / "catalogs" / "fr.yml").write_text(
        (ROOT / "lwsite" / "i18n" / "en.yml")
        .read_text(encoding="utf-8")
        .replace("language_name: English", "language_name: Français"),
        encoding="utf-8",
    )
    loaded = load(project / "content")
    assert not loaded.problems.items, loaded.problems.items
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert '<html lang="fr"' in _text(project / "site" / "fr" / "index.html")
    assert "Français" in _text(project / "site" / "index.html")  # the selector names it in its own words


def test_dates_on_a_spanish_page_are_written_in_spanish(sites: dict[str, Path]) -> None:
    """No ISO date (the ledger's chains once linked "Recorrido del 2025-02-11") in what a reader sees."""
    site = sites["public"] / "es"
    iso = re.compile(r"\b20[0-9]{2}-[0-9]{2}-[0-9]{2}\b")
    found = []
    for page in sorted(site.rglob("index.html")):
        text = _text(page)
        if '<html lang="es"' in text:
            found += [f"{page.relative_to(site)}: {m}" for m in iso.findall(visible_text_in(text, "es"))]
    assert not found, found[:10]
