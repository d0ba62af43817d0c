"""Feature: communication materials made from each cycle's records.

For every cycle: an announcement to staff, a family letter in every language of the site
(``languages``), a summary (once the debrief exists), highlights for a staff meeting
(once the debrief names strengths or quick wins) and, for the team, a printable observer
packet; a calendar file of the day; for the portfolio, a calendar of upcoming walkthrough
days, an Atom feed of the published summaries and a page that says how to follow both.

A family letter is written in its own language throughout: its sentences from that language's
catalog, the walkthrough's texts in that language (the site's own where one has no
translation, marked), and its link to the walkthrough's page in that language's edition of the
site when the site is built in it. Every other word comes from the edition's catalog.

Hand-written messages (``messages/<kind>.md``) replace generated ones. Which file applies:
``<kind>.<lang>.md`` for that language, else ``<kind>.md`` for the site's own language
only (a generic family letter never stands in for the Spanish one). When the file that
applies is for a higher audience than the build's, the build has no page of that kind for
the cycle: a restricted message replaces the generated one for everyone.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

import icalendar
from feedgenerator import Atom1Feed  # type: ignore[import-untyped]

from .. import i18n
from ..errors import Problem
from ..model import Cycle, Message, School
from ..render import paths
from ..render.site import Asset, Page, PageKind, Site, cycle_status, md
from . import Contribution

FEED = "feed.xml"
UPCOMING = "calendar/upcoming.ics"
SUBSCRIBE = "follow/index.md"
PRODID = "-//lwsite//Learning walkthroughs//EN"

# kind -> (path part, order among the cycle page's children, how the cycle page lists it)
ANNOUNCEMENT: Final = "announcement"
LETTER: Final = "family-letter"
SUMMARY: Final = "summary"
HIGHLIGHTS: Final = "highlights"
PACKET: Final = "observer-packet"
# how the cycle page lists each (catalog keys)
LABELS = {
    ANNOUNCEMENT: "announcement.label",
    SUMMARY: "summary.label",
    HIGHLIGHTS: "highlights.label",
    PACKET: "packet.label",
}
ORDER = {ANNOUNCEMENT: 100, LETTER: 110, SUMMARY: 200, HIGHLIGHTS: 210, PACKET: 300}  # letters: 110 + i


def calendar_path(cycle: Cycle) -> str:
    return f"schools/{cycle.school}/{cycle.id}/walkthrough.ics"


def letter_part(lang: str, site_lang: str) -> str:
    return LETTER if lang == site_lang else f"{LETTER}-{lang}"


def contribute(site: Site) -> Contribution:
    out = Contribution()
    p, t = site.portfolio, site.t.plain
    for school in p.schools:
        for cycle in school.cycles:
            out.pages.extend(_cycle_pages(site, school, cycle, out.problems))
            out.assets.append(Asset(calendar_path(cycle), cycle_calendar(site, school, cycle), t("calendar.day_file")))
    upcoming = upcoming_cycles(site)
    out.assets.append(Asset(UPCOMING, upcoming_calendar(site, upcoming), t("calendar.upcoming_file")))
    summaries = sorted(
        (pg for pg in out.pages if pg.kind == SUMMARY), key=lambda pg: (pg.context["cycle"].date, pg.src), reverse=True
    )
    out.assets.append(Asset(FEED, summary_feed(site, summaries), t("feed.file")))
    out.pages.append(
        Page(
            SUBSCRIBE,
            t("follow.title"),
            "follow",
            "messages/follow.html",
            {"upcoming": upcoming, "feed": FEED, "calendar": UPCOMING, "summaries": summaries},
            parent=paths.HOME,
            label=t("follow.label"),
            order=90,
            in_nav=True,
            menu=t("menu.follow"),
        )
    )
    return out


# pages -----------------------------------------------------------------------------------
def applicable(cycle: Cycle, kind: str, lang: str, site_lang: str) -> Message | None:
    """The hand-written message that replaces a generated one, if any (see the module doc).

    A message for a higher audience than the build's is in the view as withheld: it still
    replaces the generated one, and the build has no page of that kind for the cycle.
    """
    found = cycle.message(kind, lang)
    if found is not None and found.lang is None and lang != site_lang:
        return None
    return found


@dataclass(frozen=True)
class _Material:
    kind: PageKind
    lang: str
    part: str
    title: str
    label: str
    template: str
    context: dict[str, Any]
    generated: bool  # the inputs of the generated version exist


def _cycle_pages(site: Site, school: School, cycle: Cycle, problems: list[Problem]) -> list[Page]:
    p, rules, t = site.portfolio, site.rules, site.t.plain
    when = site.date(cycle.date)
    base: dict[str, Any] = {
        "school": school,
        "cycle": cycle,
        "framework": p.framework(cycle.focus.framework),
        "minutes": cycle.outline.minutes,
        "status": cycle_status(cycle, site.today),
        "calendar": calendar_path(cycle),
        "next_cycle": next_cycle(school, cycle),
        "cycle_src": paths.cycle(cycle),
        "visit_span": visit_span(cycle),
    }
    debrief = cycle.debrief
    edition = {"lt": site.t, "letter_lang": site.lang}  # a message in the edition's own language
    materials = [
        _Material(
            ANNOUNCEMENT,
            p.language,
            ANNOUNCEMENT,
            t("announcement.title", school=school.name, date=when),
            t(LABELS[ANNOUNCEMENT]),
            "messages/announcement.html",
            base,
            True,
        ),
        _Material(
            SUMMARY,
            p.language,
            SUMMARY,
            t("summary.title", school=school.name, date=when),
            t(LABELS[SUMMARY]),
            "messages/summary.html",
            base,
            debrief is not None,
        ),
        _Material(
            HIGHLIGHTS,
            p.language,
            HIGHLIGHTS,
            t("highlights.title_staff" if rules.staff else "highlights.title", school=school.name, date=when),
            t(LABELS[HIGHLIGHTS]),
            "messages/highlights.html",
            base,
            debrief is not None and bool(debrief.strengths or debrief.quick_wins),
        ),
    ]
    languages = list(dict.fromkeys(p.languages))
    for unused in cycle.messages:
        if (
            unused.lang is not None
            and unused.lang != p.language
            and (unused.kind != LETTER or unused.lang not in languages)
        ):
            made = (
                f"family letters are made in {', '.join(languages)} (languages)"
                if unused.kind == LETTER
                else f"only family letters come in other languages than the site's ({p.language})"
            )
            problems.append(Problem(unused.path, 1, f"this message is not used: {made}", warning=True))
    letters = {lang: i18n.Translator(lang, p.catalogs) for lang in languages}
    for i, lang in enumerate(languages):
        lt = letters[lang]
        there = site.in_language(lang)
        letter_school = there.school(school.id) or school
        letter_cycle = next((c for c in letter_school.cycles if c.id == cycle.id), cycle)
        title = lt.plain("letter.title", school=letter_school.name, date=lt.date(cycle.date))
        others = [(o, letter_part(o, p.language), letters[o].plain("language_name")) for o in languages if o != lang]
        materials.append(
            _Material(
                LETTER,
                lang,
                letter_part(lang, p.language),
                title,
                lt.plain("letter.label"),
                "messages/family_letter.html",
                base
                | {
                    "lt": lt,
                    "letter_lang": lang,
                    "other_letters": others,
                    "order": i,
                    "letter_cycle": letter_cycle,
                    "letter_school": letter_school,
                    "letter_portfolio": there,
                },
                True,
            )
        )

    pages: list[Page] = []
    for m in materials:
        message = applicable(cycle, m.kind, m.lang, p.language)
        if message is not None and message.withheld:
            continue  # a restricted hand-written message replaces the generated one for everyone
        if message is None and not m.generated:
            continue
        template, title = m.template, m.title
        context = edition | dict(m.context)
        if message is not None:
            template, title = "messages/override.html", message.title or m.title
            # a hand-written message is in its file's language; a generic one (<kind>.md) in the site's
            written = m.lang if m.kind == LETTER else p.language
            context |= {"message": message, "kind": m.kind, "letter_lang": written, "lt": letters[written]}
        # the page's language, when it is not the edition's (<html lang>)
        page_lang = str(context["letter_lang"])
        pages.append(
            Page(
                paths.cycle(cycle, m.part),
                title,
                m.kind,
                template,
                context,
                printable=True,
                parent=paths.cycle(cycle),
                label=m.label,
                order=ORDER[m.kind] + int(m.context.get("order", 0)),
                lang=page_lang if page_lang != site.lang else None,
            )
        )
    if rules.show_schedule_rows and cycle.schedule.visits:  # the team's, until the day
        pages.append(
            Page(
                paths.cycle(cycle, PACKET),
                t("packet.title", school=school.name, date=when),
                PACKET,
                "messages/observer_packet.html",
                base | {"groups": visiting_groups(cycle)},
                printable=True,
                parent=paths.cycle(cycle),
                label=t(LABELS[PACKET]),
                order=ORDER[PACKET],
            )
        )
    return pages


def next_cycle(school: School, cycle: Cycle) -> Cycle | None:
    later = [c for c in school.cycles if c.date > cycle.date]
    return min(later, key=lambda c: c.date) if later else None


@dataclass(frozen=True)
class VisitingGroup:
    label: str | None
    ordinal: int
    visits: tuple[Any, ...]  # ScheduledVisit, in time order
    members: tuple[Any, ...]  # TeamMember


def visiting_groups(cycle: Cycle) -> list[VisitingGroup]:
    """The day per visiting group (team audience: the schedule's rows and group labels)."""
    out = []
    for block in cycle.outline.blocks:
        visits = tuple(
            sorted(
                (v for v in cycle.schedule.visits if v.group == block.group), key=lambda v: (v.block.start, v.number)
            )
        )
        members = tuple(m for m in cycle.team.members if m.group == block.group and block.group is not None)
        out.append(VisitingGroup(block.group, block.ordinal, visits, members))
    return out


def upcoming_cycles(site: Site) -> list[Cycle]:
    """Walkthrough days on or after the reference date, soonest first."""
    return sorted((c for c in site.portfolio.cycles if c.date >= site.today), key=lambda c: (c.date, c.school))


# calendars -------------------------------------------------------------------------------
def _zone(site: Site) -> zoneinfo.ZoneInfo | None:
    tz = site.portfolio.timezone
    return zoneinfo.ZoneInfo(tz) if tz else None


def _at(day: dt.date, moment: dt.time, zone: zoneinfo.ZoneInfo | None) -> dt.datetime:
    """A local time in the portfolio's zone, or a floating time when it has none."""
    return dt.datetime.combine(day, moment, tzinfo=zone)


def _stamp(day: dt.date) -> dt.datetime:
    # deterministic, so that a rebuild gives the same bytes
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)


def _calendar(site: Site, name: str, events: Iterable[icalendar.Event], years: Iterable[int]) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    zone = _zone(site)
    if zone is not None:
        cal.add("x-wr-timezone", str(zone))
    for event in events:
        cal.add_component(event)
    spread = sorted(set(years))
    if zone is not None and spread:
        cal.add_missing_timezones(dt.date(spread[0], 1, 1), dt.date(spread[-1] + 1, 12, 31))
    data: bytes = cal.to_ical()
    return data


def _event(
    uid: str, summary: str, day: dt.date, start: dt.time, end: dt.time, site: Site, location: str, description: str
) -> icalendar.Event:
    zone = _zone(site)
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", _stamp(day))
    event.add("dtstart", _at(day, start, zone))
    event.add("dtend", _at(day, end, zone))
    event.add("summary", summary)
    event.add("location", location)
    event.add("description", description)
    # public and staff calendars only tell people a walkthrough happens: it takes none of their time
    event.add("transp", "OPAQUE" if site.rules.team else "TRANSPARENT")
    return event


def cycle_calendar(site: Site, school: School, cycle: Cycle) -> bytes:
    """The day: orientation, one block per visiting group, debrief (no rooms, no names)."""
    o, day, t = cycle.outline, cycle.date, site.t.plain
    focus = t("calendar.focus", question=cycle.focus.question)
    uid = f"{cycle.id}-{school.id}"
    events = []
    if o.orientation is not None:
        events.append(
            _event(
                f"{uid}-orientation@lwsite",
                t("calendar.orientation"),
                day,
                o.orientation.start,
                o.orientation.end,
                site,
                school.name,
                focus,
            )
        )
    for b in o.blocks:
        who = t("calendar.group", group=b.group) if b.group is not None else t("calendar.block", ordinal=b.ordinal)
        n = t("calendar.visits", count=b.visits)
        events.append(
            _event(
                f"{uid}-visits-{b.ordinal}@lwsite",
                t("calendar.visits_summary", who=who),
                day,
                b.start,
                b.end,
                site,
                school.name,
                f"{n}. {focus}",
            )
        )
    if o.debrief is not None:
        events.append(
            _event(
                f"{uid}-debrief@lwsite",
                t("calendar.debrief"),
                day,
                o.debrief.start,
                o.debrief.end,
                site,
                school.name,
                focus,
            )
        )
    name = t("calendar.day_name", school=school.name, date=site.date(day))
    return _calendar(site, name, events, [day.year])


def visit_span(cycle: Cycle) -> tuple[dt.time, dt.time]:
    """From the first classroom visit of the day to the end of the last."""
    blocks = cycle.outline.blocks
    return min(b.start for b in blocks), max(b.end for b in blocks)


def day_span(cycle: Cycle) -> tuple[dt.time, dt.time]:
    """From the first thing of the day to the last."""
    o = cycle.outline
    blocks = [(b.start, b.end) for b in o.blocks]
    blocks += [(t.start, t.end) for t in (o.orientation, o.debrief) if t is not None]
    return min(s for s, _ in blocks), max(e for _, e in blocks)


def upcoming_calendar(site: Site, cycles: list[Cycle]) -> bytes:
    events = []
    for c in cycles:
        school = site.school(c.school)
        start, end = day_span(c)
        events.append(
            _event(
                f"{c.id}-{school.id}-day@lwsite",
                site.t.plain("calendar.at", school=school.name),
                c.date,
                start,
                end,
                site,
                school.name,
                site.t.plain("calendar.focus", question=c.focus.question),
            )
        )
    name = site.t.plain("calendar.upcoming_name", name=site.portfolio.name)
    return _calendar(site, name, events, [c.date.year for c in cycles])


# feed ------------------------------------------------------------------------------------
class _Feed(Atom1Feed):  # type: ignore[misc]
    """Atom, with a fixed date when there are no entries yet (rebuilds give the same bytes)."""

    def __init__(self, *args: Any, fallback: dt.datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fallback = fallback

    def latest_post_date(self) -> dt.datetime:
        dates = [i["updateddate"] or i["pubdate"] for i in self.items if i["updateddate"] or i["pubdate"]]
        return max(dates) if dates else self.fallback


def _guid(site: Site, key: str) -> str:
    """A stable id, from the portfolio's name in the site's own language; an edition's are its own."""
    name = str(site.in_language(site.portfolio.language).name)
    edition = "" if site.lang == site.portfolio.language else f":{site.lang}"
    return uuid.uuid5(uuid.NAMESPACE_URL, f"lwsite:{name}:{key}{edition}").urn


def summary_feed(site: Site, summaries: list[Page]) -> bytes:
    """An Atom feed of the summaries this audience may read, newest first.

    Links are relative to the feed (at the site's root), which Atom allows, so the feed
    works wherever the site is published, a mike version folder included.
    """
    p, t = site.portfolio, site.t.plain
    zone = _zone(site) or dt.UTC
    feed = _Feed(
        title=t("feed.title", name=p.name),
        link="./",
        description=t("feed.description"),
        language=site.lang,
        author_name=str(p.name),
        author_email=p.contact,
        feed_guid=_guid(site, "summaries"),
        feed_url=FEED,
        fallback=_stamp(site.today),
    )
    for page in summaries:
        cycle: Cycle = page.context["cycle"]
        message: Message | None = page.context.get("message")
        if message is not None:
            body = md(message.body)
        elif cycle.debrief is not None and cycle.debrief.message:
            body = md(cycle.debrief.message)
        else:
            body = md(t("calendar.focus", question=cycle.focus.question))
        end = cycle.outline.debrief.end if cycle.outline.debrief else dt.time(12, 0)
        feed.add_item(
            title=str(page.title),
            link=paths.dest_url(page.src, False),
            description=body,
            pubdate=dt.datetime.combine(cycle.date, end, tzinfo=zone),
            unique_id=_guid(site, f"{cycle.school}/{cycle.id}/summary"),
        )
    text: str = feed.writeString("utf-8")
    return text.encode("utf-8")
