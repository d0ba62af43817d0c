"""Communication materials: announcement, family letters, summary, highlights, observer packet,
calendars and the feed, read back from real builds (the demo, built once per session) and
from the pipeline on small variants of the minimal fixture."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import string
import zoneinfo
from collections import Counter
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import pytest
from helpers import build_site, make_project

from lwsite import i18n
from lwsite.features import communication
from lwsite.load.portfolio import load
from lwsite.model import Audience, Cycle, Portfolio
from lwsite.pipeline import Settings, prepare

AUDIENCES = ("public", "staff", "team")
TODAY = dt.date(2026, 11, 22)  # LWSITE_TODAY of every test build (helpers.env)
CYCLE = "schools/oak/cycles/2025-10-14-talk"


@pytest.fixture(scope="module")
def demo(demo_sites: dict[str, Path]) -> Portfolio:
    """The demo portfolio exactly as the session's demo sites were built from it."""
    loaded = load(demo_sites["public"].parent / "content")
    assert loaded.portfolio is not None, loaded.problems.items
    return loaded.portfolio


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _cycle_dir(site: Path, cycle: Cycle) -> Path:
    return site / "schools" / cycle.school / cycle.id


def _override(cycle: Cycle, kind: str, lang: str, site_lang: str) -> Any:
    return communication.applicable(cycle, kind, lang, site_lang)


# the materials -------------------------------------------------------------------------
@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_cycle_has_its_materials(demo_sites: dict[str, Path], demo: Portfolio, audience: str) -> None:
    site, level = demo_sites[audience], Audience.parse(audience)
    assert demo.cycles, "the demo has no published cycle"
    for c in demo.cycles:
        folder = _cycle_dir(site, c)
        d = c.debrief

        def visible(kind: str, generated: bool, lang: str = demo.language, cycle: Cycle = c) -> bool:
            message = _override(cycle, kind, lang, demo.language)
            return generated if message is None else message.audience <= level

        expected = {
            "announcement": visible("announcement", True),
            "summary": visible("summary", d is not None),
            "highlights": visible("highlights", d is not None and bool(d.strengths or d.quick_wins)),
            # the team's packet holds each visit's room: only until the walkthrough's day
            "observer-packet": audience == "team" and c.date >= TODAY,
        }
        for lang in demo.letter_languages:
            expected[communication.letter_part(lang, demo.language)] = visible("family-letter", True, lang)
        for part, wanted in expected.items():
            page = folder / part / "index.html"
            assert page.is_file() == wanted, f"{audience}: {page.relative_to(site)} exists={page.is_file()}"
            if wanted:
                text = _text(page)
                assert "data-lw-print" in text and "assets/lwsite/print.js" in text, page
        assert (folder / "walkthrough.ics").is_file()


def test_debriefed_demo_cycles_have_all_four_materials(demo_sites: dict[str, Path], demo: Portfolio) -> None:
    site = demo_sites["public"]
    debriefed = [c for c in demo.cycles if c.debrief is not None]
    assert debriefed
    for c in debriefed:
        for part in ("announcement", "family-letter", "summary", "highlights"):
            assert (_cycle_dir(site, c) / part / "index.html").is_file(), f"{c.school}/{c.id}: no {part}"
    assert any(c.debrief is None for c in demo.cycles), "the demo should show a cycle before its debrief"


def test_spanish_letters_say_lang_es(demo_sites: dict[str, Path], demo: Portfolio) -> None:
    assert "es" in demo.letter_languages
    letters = sorted(demo_sites["public"].glob("schools/*/*/family-letter-es/index.html"))
    assert len(letters) == len(demo.cycles)
    for page in letters:
        text = _text(page)
        assert re.search(r'<html lang="es"', text), page
        assert '<div lang="es"' in text
        assert "Imprimir o guardar como PDF" in text
    english = sorted(demo_sites["public"].glob("schools/*/*/family-letter/index.html"))
    assert english and all('<html lang="en"' in _text(p) for p in english)
    # the cycle page marks the Spanish link's language
    cycle_page = _text(letters[0].parent.parent / "index.html")
    assert 'hreflang="es" lang="es"' in cycle_page


def test_family_letters_avoid_jargon(demo_sites: dict[str, Path], demo: Portfolio) -> None:
    for c in demo.cycles:
        if _override(c, "family-letter", "en", demo.language) is not None:
            continue
        page = _text(_cycle_dir(demo_sites["public"], c) / "family-letter" / "index.html")
        letter = page[page.index('class="lw-letter') :]
        for word in ("hall work", "continuum", "Focus of Inquiry", "look-for", "debrief", "low-inference"):
            assert word.lower() not in letter.lower(), f"{c.id}: '{word}' in a family letter"


def _plain_fragment(body: str) -> str:
    """A run of plain words from a Markdown body, as it appears in the rendered page."""
    runs = re.findall(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ ,']{24,}", body)
    assert runs, body
    return str(max(runs, key=len)).strip()


def test_demo_overrides_replace_generated_messages(demo_sites: dict[str, Path], demo: Portfolio) -> None:
    site = demo_sites["public"]
    overrides = [(c, m) for c in demo.cycles for m in c.messages]
    assert overrides, "the demo has no messages/ override"
    assert any(m.kind == "family-letter" and m.lang == "es" for _, m in overrides)
    generated_class = {"family-letter": "lw-family-letter", "highlights": "lw-handout"}
    for c, m in overrides:
        lang = m.lang or demo.language
        part = communication.letter_part(lang, demo.language) if m.kind == "family-letter" else m.kind
        if _override(c, m.kind, lang, demo.language) is not m:
            continue  # a more specific file applies
        page = _cycle_dir(site, c) / part / "index.html"
        if m.audience > Audience.PUBLIC:
            assert not page.exists()
            continue
        text = html.unescape(_text(page))
        assert _plain_fragment(m.body) in text, f"{m.path} is not on {page}"
        assert f"lw-message-{m.kind}" in text
        if m.kind in generated_class:
            assert generated_class[m.kind] not in text
        if m.title:
            assert f"<h1>{m.title}</h1>" in text
    # a Spanish-only override leaves the English letter generated
    for c, m in overrides:
        if m.kind == "family-letter" and m.lang == "es" and _override(c, m.kind, "en", demo.language) is None:
            english = _text(_cycle_dir(site, c) / "family-letter" / "index.html")
            assert "lw-family-letter" in english and _plain_fragment(m.body) not in html.unescape(english)


# which message applies, and when ---------------------------------------------------------
def _prepared(project: Path, audience: Audience = Audience.PUBLIC, today: dt.date = TODAY) -> Any:
    prepared = prepare(Settings(project / "content", audience, today=today))
    assert prepared.ok, prepared.problems
    return prepared


def _pages(prepared: Any) -> dict[str, Any]:
    return {p.src: p for p in prepared.pages}


def test_override_rules_generic_specific_and_audience(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    messages = project / "content" / CYCLE / "messages"
    base = "schools/oak/2025-10-14-talk"
    pages = _pages(_prepared(project))
    # the fixture: family-letter.es.md (public) and summary.md (staff)
    assert pages[f"{base}/family-letter-es/index.md"].template == "messages/override.html"
    assert pages[f"{base}/family-letter-es/index.md"].lang == "es"
    assert pages[f"{base}/family-letter/index.md"].template == "messages/family_letter.html"
    assert pages[f"{base}/family-letter/index.md"].lang is None
    assert f"{base}/summary/index.md" not in pages, "a staff-only summary must not fall back to the generated one"
    staff = _pages(_prepared(project, Audience.STAFF))
    assert staff[f"{base}/summary/index.md"].template == "messages/override.html"
    assert staff[f"{base}/summary/index.md"].title == "What we learned on 14 October"
    # a generic family-letter.md replaces the site language's letter only
    (messages / "family-letter.es.md").unlink()
    (messages / "family-letter.md").write_text("---\ntitle: Dear families\n---\nWe visit on Tuesday.\n")
    pages = _pages(_prepared(project))
    assert pages[f"{base}/family-letter/index.md"].template == "messages/override.html"
    assert pages[f"{base}/family-letter-es/index.md"].template == "messages/family_letter.html"
    assert f"{base}/observer-packet/index.md" not in pages
    assert f"{base}/observer-packet/index.md" not in _pages(_prepared(project, Audience.TEAM)), "after the day"
    assert f"{base}/observer-packet/index.md" in _pages(_prepared(project, Audience.TEAM, dt.date(2025, 10, 14)))


def test_a_letter_language_without_a_catalog_is_an_error_and_an_unused_message_a_warning(tmp_path: Path) -> None:
    # every language of the site is a whole edition: a language lwsite has no catalog for is an error
    # (test_i18n: unless the portfolio brings its own), an override of its letter is not enough
    project = make_project(tmp_path)
    portfolio = project / "content" / "portfolio.yml"
    original = portfolio.read_text()
    portfolio.write_text(original.replace("letter_languages: [en, es]", "letter_languages: [en, es, fr]"))
    (project / "content" / CYCLE / "messages" / "family-letter.fr.md").write_text("Chères familles, bonjour.\n")
    prepared = prepare(Settings(project / "content", Audience.PUBLIC, today=TODAY))
    errors = [p for p in prepared.problems if not p.warning and "'fr'" in p.message]
    assert len(errors) == 1 and "catalogs/fr.yml" in errors[0].message and not prepared.ok
    portfolio.write_text(original)
    (project / "content" / CYCLE / "messages" / "family-letter.fr.md").unlink()
    # a message no material uses is a warning, not silently ignored
    (project / "content" / CYCLE / "messages" / "summary.es.md").write_text("Resumen.\n")
    unused = [p for p in _prepared(project).problems if p.path.endswith("messages/summary.es.md")]
    assert len(unused) == 1 and unused[0].warning and "not used" in unused[0].message


def test_no_summary_or_highlights_before_the_debrief(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    cycle = project / "content" / CYCLE
    for name in ("debrief.md", "actions.yml"):
        (cycle / name).unlink()
    shutil.rmtree(cycle / "messages")
    result = build_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    folder = project / "site" / "schools" / "oak" / "2025-10-14-talk"
    assert not (folder / "summary").exists() and not (folder / "highlights").exists()
    for part in ("announcement", "family-letter", "family-letter-es"):
        assert (folder / part / "index.html").is_file(), part
    page = _text(folder / "index.html")
    assert "Coming after the debrief:" in page and "a summary of what the team saw" in page
    # the day has passed (the tests' today is November 22, 2026): its calendar file stays, offered no more
    assert 'href="walkthrough.ics"' not in page and (folder / "walkthrough.ics").is_file()
    assert "Add the day to your calendar" not in _text(folder / "announcement" / "index.html")
    assert "visited classrooms" in _text(folder / "announcement" / "index.html")
    feed = feedparser.parse((project / "site" / "feed.xml").read_bytes())
    assert feed.version == "atom10" and feed.entries == []


def test_the_demo_cycle_pages_say_what_is_coming(demo_sites: dict[str, Path], demo: Portfolio) -> None:
    for c in demo.cycles:
        page = _text(_cycle_dir(demo_sites["public"], c) / "index.html")
        summary = (_cycle_dir(demo_sites["public"], c) / "summary").exists()
        assert ("Coming after the debrief:" in page) == (not summary), c.id


# translation tables ----------------------------------------------------------------------
def test_translation_tables_have_the_same_keys_and_placeholders() -> None:
    languages = i18n.available()
    assert {"en", "es"} <= set(languages)
    english = i18n.table("en")
    wanted = set(i18n.keys(english))
    fields = string.Formatter()
    for lang in languages:
        other = i18n.table(lang)
        assert set(i18n.keys(other)) == wanted, f"{lang}.yml: {set(i18n.keys(other)) ^ wanted}"
        t, en = i18n.Translator(lang), i18n.Translator("en")
        for key in wanted:
            a, b = en.raw(key), t.raw(key)
            if isinstance(a, list):
                assert isinstance(b, list) and len(a) == len(b) and all(b), f"{lang}.yml: {key}"
                continue
            assert isinstance(b, str) and b.strip(), f"{lang}.yml: {key} is empty"
            names = {f for _, f, _, _ in fields.parse(a) if f}
            assert names == {f for _, f, _, _ in fields.parse(b) if f}, f"{lang}.yml: {key} placeholders"


def test_translator_formats_dates_times_and_escapes() -> None:
    es = i18n.Translator("es")
    # CLDR's full date and short time of each language, from Babel: no month table of our own
    assert es.date(dt.date(2026, 2, 10)) == "martes, 10 de febrero de 2026"
    assert es.time(dt.time(13, 5)) == "13:05"
    assert i18n.Translator("en").date(dt.date(2026, 2, 10)) == "Tuesday, February 10, 2026"
    assert i18n.Translator("en").time(dt.time(13, 5)) == "1:05\u202fPM"
    assert str(es("letter.title", school="<b>", date="x")) == "Carta a las familias: &lt;b&gt;, x"
    with pytest.raises(KeyError):
        es("letter.nothing")


# calendars -------------------------------------------------------------------------------
def _calendar(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def _events(cal: icalendar.Calendar) -> list[icalendar.Event]:
    return [e for e in cal.walk("VEVENT") if isinstance(e, icalendar.Event)]


def _private_words(c: Cycle, demo: Portfolio) -> list[str]:
    school = demo.school(c.school)
    assert school is not None
    rooms = {r.code for r in school.rooms} | {v.room for v in c.schedule.visits if v.room}
    names = {m.name for m in c.team.members if m.name}
    return sorted(rooms | names)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_cycle_calendars_match_the_schedule(demo_sites: dict[str, Path], demo: Portfolio, audience: str) -> None:
    zone = zoneinfo.ZoneInfo(demo.timezone or "UTC")
    assert demo.timezone, "the demo sets a timezone"
    for c in demo.cycles:
        path = _cycle_dir(demo_sites[audience], c) / "walkthrough.ics"
        raw = path.read_bytes()
        cal = _calendar(path)
        assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == [demo.timezone]
        events = _events(cal)

        def at(t: dt.time, day: dt.date = c.date) -> dt.datetime:
            return dt.datetime.combine(day, t, tzinfo=zone)

        got = Counter((str(e["SUMMARY"]).split(",")[0], e.decoded("DTSTART"), e.decoded("DTEND")) for e in events)
        want: Counter[tuple[str, dt.datetime, dt.datetime]] = Counter()
        s = c.schedule
        if s.orientation:
            want[("Learning walkthrough: team orientation", at(s.orientation.start), at(s.orientation.end))] += 1
        groups: dict[str | None, list[Any]] = {}
        for v in s.visits:
            groups.setdefault(v.group, []).append(v)
        for visits in groups.values():
            start, end = min(v.block.start for v in visits), max(v.block.end for v in visits)
            want[("Learning walkthrough: classroom visits", at(start), at(end))] += 1
        if s.debrief:
            want[("Learning walkthrough: team debrief", at(s.debrief.start), at(s.debrief.end))] += 1
        assert got == want, f"{path}: {got} != {want}"
        for e in events:
            assert e["DTSTART"].params["TZID"] == demo.timezone
            assert e.decoded("DTSTART").utcoffset() == at(e.decoded("DTSTART").time()).utcoffset()
            assert str(e["UID"]).startswith(f"{c.id}-{c.school}-") and str(e["UID"]).endswith("@lwsite")
        assert len({str(e["UID"]) for e in events}) == len(events)
        unfolded = raw.decode("utf-8").replace("\r\n ", "")
        labels = {v.group for v in s.visits if v.group}
        for label in labels:
            shown = f"group {label}," in unfolded or unfolded.count(f"group {label}\r\n") > 0
            assert shown == (audience == "team"), f"{path}: group label {label}"
        if audience != "team":
            for word in _private_words(c, demo):
                assert word not in unfolded, f"{path} carries '{word}'"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_upcoming_calendar_lists_upcoming_days(demo_sites: dict[str, Path], demo: Portfolio, audience: str) -> None:
    cal = _calendar(demo_sites[audience] / "calendar" / "upcoming.ics")
    events = _events(cal)
    upcoming = sorted((c for c in demo.cycles if c.date >= TODAY), key=lambda c: c.date)
    assert upcoming, "the demo has an upcoming walkthrough"
    assert len(events) == len(upcoming)
    zone = zoneinfo.ZoneInfo(demo.timezone or "UTC")
    for e, c in zip(sorted(events, key=lambda e: e.decoded("DTSTART")), upcoming, strict=True):
        school = demo.school(c.school)
        assert school is not None and str(e["SUMMARY"]) == f"Learning walkthrough at {school.name}"
        s = c.schedule
        starts = [v.block.start for v in s.visits] + [b.start for b in (s.orientation, s.debrief) if b]
        ends = [v.block.end for v in s.visits] + [b.end for b in (s.orientation, s.debrief) if b]
        assert e.decoded("DTSTART") == dt.datetime.combine(c.date, min(starts), tzinfo=zone)
        assert e.decoded("DTEND") == dt.datetime.combine(c.date, max(ends), tzinfo=zone)
        unfolded = cal.to_ical().decode("utf-8").replace("\r\n ", "")
        for word in _private_words(c, demo):
            assert word not in unfolded


def test_calendars_float_without_a_timezone_and_rebuild_identically(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    first = {a.path: a.content for a in _prepared(project).assets}
    again = {a.path: a.content for a in _prepared(project).assets}
    assert first == again, "a rebuild must give the same calendars and feed"
    cal = icalendar.Calendar.from_ical(first["schools/oak/2025-10-14-talk/walkthrough.ics"])
    assert not cal.walk("VTIMEZONE")
    events = _events(cal)
    assert len(events) == 4  # orientation, groups A and B, debrief
    for e in events:
        assert e.decoded("DTSTART").tzinfo is None and "TZID" not in e["DTSTART"].params
    assert min(e.decoded("DTSTART") for e in events) == dt.datetime(2025, 10, 14, 8, 0)
    # with a timezone, the same day carries it
    portfolio = project / "content" / "portfolio.yml"
    portfolio.write_text(portfolio.read_text() + "timezone: Europe/Madrid\n")
    zoned = {a.path: a.content for a in _prepared(project).assets}
    cal = icalendar.Calendar.from_ical(zoned["schools/oak/2025-10-14-talk/walkthrough.ics"])
    starts = sorted(e.decoded("DTSTART") for e in _events(cal))
    assert starts[0] == dt.datetime(2025, 10, 14, 8, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Madrid"))
    assert starts[0].utcoffset() == dt.timedelta(hours=2)


# feed ------------------------------------------------------------------------------------
@pytest.mark.parametrize("audience", AUDIENCES)
def test_feed_lists_the_published_summaries(demo_sites: dict[str, Path], audience: str, serve: Any) -> None:
    site = demo_sites[audience]
    base = serve(site)
    feed = feedparser.parse(base + "feed.xml")
    assert feed.version == "atom10" and not feed.bozo, feed.get("bozo_exception")
    summaries = {p.parent.relative_to(site).as_posix() for p in site.glob("schools/*/*/summary/index.html")}
    assert summaries, audience
    linked = set()
    for entry in feed.entries:
        assert entry.link.startswith(base) and entry.title and entry.id.startswith("urn:uuid:")
        target = site / entry.link[len(base) :]
        assert target.is_file(), entry.link
        linked.add(target.parent.relative_to(site).as_posix())
    assert linked == summaries
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    dates = [e.published_parsed for e in feed.entries]
    assert dates == sorted(dates, reverse=True), "newest first"
    home = _text(site / "index.html")
    assert 'type="application/atom+xml"' in home and 'href="feed.xml"' in home


def test_follow_page_links_the_calendar_and_feed(demo_sites: dict[str, Path], demo: Portfolio) -> None:
    page = _text(demo_sites["public"] / "follow" / "index.html")
    assert 'href="../feed.xml"' in page and 'href="../calendar/upcoming.ics"' in page
    for c in demo.cycles:
        if c.date >= TODAY:
            assert f"../schools/{c.school}/{c.id}/" in page
    assert 'href="follow/"' in _text(demo_sites["public"] / "index.html")


def test_public_demo_messages_hold_no_team_detail(demo_sites: dict[str, Path], demo: Portfolio) -> None:
    """Announcements and letters of the public and staff sites name no team member, room or group."""
    for audience in ("public", "staff"):
        for c in demo.cycles:
            for part in ("announcement", "family-letter", "family-letter-es", "summary", "highlights"):
                page = _cycle_dir(demo_sites[audience], c) / part / "index.html"
                if not page.exists():
                    continue
                body = _text(page)
                body = body[body.index('class="lw-page"') :]
                for word in _private_words(c, demo):
                    assert not re.search(rf"\b{re.escape(word)}\b", body), f"{page}: {word}"
                assert not re.search(r"\bgroup [A-Z]\b", body), page
