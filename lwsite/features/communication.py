"""Feature: communication materials made from each cycle's records.

For every cycle: an announcement to staff, a family letter in every language of
``letter_languages``, a summary (once the debrief exists), highlights for a staff meeting
(once the debrief names strengths or quick wins) and, for the team, a printable observer
packet; a calendar file of the day; for the portfolio, a calendar of upcoming walkthrough
days, an Atom feed of the published summaries and a page that says how to follow both.

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
from ..model import Cycle, Message, Portfolio, School
from ..render import paths
from ..render.markdown import render
from ..render.site import Asset, Page, PageKind, Site, cycle_status
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
LABELS = {
    ANNOUNCEMENT: "Announcement to staff: why we visit, the day, what observers will and will not do",
    SUMMARY: "Summary: what we looked for, what we saw, what we will do",
    HIGHLIGHTS: "Highlights for a staff meeting: practices worth spreading and quick wins",
    PACKET: "Observer packet: printable schedule, look-fors, norms and scripting sheets per group",
}
ORDER = {ANNOUNCEMENT: 100, LETTER: 110, SUMMARY: 200, HIGHLIGHTS: 210, PACKET: 300}  # letters: 110 + i


def calendar_path(cycle: Cycle) -> str:
    return f"schools/{cycle.school}/{cycle.id}/walkthrough.ics"


def letter_part(lang: str, site_lang: str) -> str:
    return LETTER if lang == site_lang else f"{LETTER}-{lang}"


def contribute(site: Site) -> Contribution:
    out = Contribution()
    p = site.portfolio
    for school in p.schools:
        for cycle in school.cycles:
            out.pages.extend(_cycle_pages(site, school, cycle, out.problems))
            out.assets.append(Asset(calendar_path(cycle), cycle_calendar(site, school, cycle),
                                    "Calendar file of the walkthrough day"))
    upcoming = upcoming_cycles(site)
    out.assets.append(Asset(UPCOMING, upcoming_calendar(site, upcoming), "Upcoming walkthrough days"))
    summaries = sorted((pg for pg in out.pages if pg.kind == SUMMARY),
                       key=lambda pg: (pg.context["cycle"].date, pg.src), reverse=True)
    out.assets.append(Asset(FEED, summary_feed(site, summaries), "Walkthrough summaries (Atom feed)"))
    out.pages.append(Page(
        SUBSCRIBE, "Follow our walkthroughs: calendar and news feed", "follow", "messages/follow.html",
        {"upcoming": upcoming, "feed": FEED, "calendar": UPCOMING, "summaries": summaries},
        parent=paths.HOME, label="Follow our walkthroughs: a calendar of upcoming walkthrough days and "
        "a news feed of summaries", order=90, in_nav=True, menu="Follow our walkthroughs",
    ))
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
    p, rules = site.portfolio, site.rules
    when = site.date(cycle.date)
    base: dict[str, Any] = {
        "school": school, "cycle": cycle, "framework": p.framework(cycle.focus.framework),
        "minutes": cycle.outline.minutes, "status": cycle_status(cycle, site.today),
        "calendar": calendar_path(cycle), "next_cycle": next_cycle(school, cycle),
        "cycle_src": paths.cycle(cycle), "visit_span": visit_span(cycle),
    }
    debrief = cycle.debrief
    materials = [
        _Material(ANNOUNCEMENT, p.language, ANNOUNCEMENT, f"Walkthrough announcement: {school.name}, {when}",
                  LABELS[ANNOUNCEMENT], "messages/announcement.html", base, True),
        _Material(SUMMARY, p.language, SUMMARY, f"Walkthrough summary: {school.name}, {when}",
                  LABELS[SUMMARY], "messages/summary.html", base, debrief is not None),
        _Material(HIGHLIGHTS, p.language, HIGHLIGHTS,
                  f"Highlights{' for a staff meeting' if rules.staff else ''}: {school.name}, {when}",
                  LABELS[HIGHLIGHTS], "messages/highlights.html", base,
                  debrief is not None and bool(debrief.strengths or debrief.quick_wins)),
    ]
    languages = list(dict.fromkeys(p.letter_languages))
    tables = [lang for lang in languages if lang in i18n.available()]
    for unused in cycle.messages:
        if unused.lang is not None and unused.lang != p.language and (
                unused.kind != LETTER or unused.lang not in languages):
            made = (f"family letters are made in {', '.join(languages)} (letter_languages)" if unused.kind == LETTER
                    else f"only family letters come in other languages than the site's ({p.language})")
            problems.append(Problem(unused.path, 1, f"this message is not used: {made}", warning=True))
    for i, lang in enumerate(languages):
        has_table = lang in tables
        if not has_table and applicable(cycle, LETTER, lang, p.language) is None:
            problems.append(Problem(
                "portfolio.yml", 1,
                f"letter_languages: lwsite has no '{lang}' text for family letters (it has "
                f"{', '.join(i18n.available())}): write {cycle.path}/messages/family-letter.{lang}.md, "
                f"add the table lwsite/i18n/{lang}.yml, or remove '{lang}'", warning=True))
            continue
        t = i18n.Translator(lang if has_table else "en")
        title = str(t("letter.title", school=school.name, date=t.date(cycle.date)))
        label = str(t("letter.label")) if has_table else f"Letter to families ({lang})"
        others = [(o, letter_part(o, p.language), i18n.table(o)["language_name"]) for o in tables if o != lang]
        materials.append(_Material(
            LETTER, lang, letter_part(lang, p.language), title, label, "messages/family_letter.html",
            base | {"t": t, "lang": lang, "other_letters": others, "order": i}, True))

    pages: list[Page] = []
    for m in materials:
        message = applicable(cycle, m.kind, m.lang, p.language)
        if message is not None and message.withheld:
            continue  # a restricted hand-written message replaces the generated one for everyone
        if message is None and not m.generated:
            continue
        template, title = m.template, m.title
        context = dict(m.context)
        if message is not None:
            template, title = "messages/override.html", message.title or m.title
            context |= {"message": message, "kind": m.kind, "lang": m.lang,
                        "t": i18n.Translator(m.lang if m.lang in tables else "en")}
        pages.append(Page(
            paths.cycle(cycle, m.part), title, m.kind, template, context, printable=True,
            parent=paths.cycle(cycle), label=m.label, order=ORDER[m.kind] + int(m.context.get("order", 0)),
            lang=m.lang if m.lang != p.language else None,
        ))
    if rules.show_schedule_rows and cycle.schedule.visits:  # the team's, until the day
        pages.append(Page(
            paths.cycle(cycle, PACKET), f"Observer packet: {school.name}, {when}", PACKET,
            "messages/observer_packet.html", base | {"groups": visiting_groups(cycle)}, printable=True,
            parent=paths.cycle(cycle), label=LABELS[PACKET], order=ORDER[PACKET],
        ))
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
        visits = tuple(sorted((v for v in cycle.schedule.visits if v.group == block.group),
                              key=lambda v: (v.block.start, v.number)))
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


def _event(uid: str, summary: str, day: dt.date, start: dt.time, end: dt.time, site: Site,
           location: str, description: str) -> icalendar.Event:
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
    o, day = cycle.outline, cycle.date
    focus = f"Focus of Inquiry: {cycle.focus.question}"
    uid = f"{cycle.id}-{school.id}"
    events = []
    if o.orientation is not None:
        events.append(_event(f"{uid}-orientation@lwsite", "Learning walkthrough: team orientation", day,
                             o.orientation.start, o.orientation.end, site, school.name, focus))
    for b in o.blocks:
        who = f"group {b.group}" if b.group is not None else f"visiting group {b.ordinal}"
        n = f"{b.visits} classroom visit{'s' if b.visits != 1 else ''}"
        events.append(_event(f"{uid}-visits-{b.ordinal}@lwsite",
                             f"Learning walkthrough: classroom visits, {who}", day, b.start, b.end, site,
                             school.name, f"{n}. {focus}"))
    if o.debrief is not None:
        events.append(_event(f"{uid}-debrief@lwsite", "Learning walkthrough: team debrief", day,
                             o.debrief.start, o.debrief.end, site, school.name, focus))
    name = f"{school.name}: learning walkthrough, {site.date(day)}"
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
        events.append(_event(f"{c.id}-{school.id}-day@lwsite", f"Learning walkthrough at {school.name}",
                             c.date, start, end, site, school.name,
                             f"Focus of Inquiry: {c.focus.question}"))
    name = f"{site.portfolio.name}: upcoming learning walkthroughs"
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


def _guid(portfolio: Portfolio, key: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"lwsite:{portfolio.name}:{key}").urn


def summary_feed(site: Site, summaries: list[Page]) -> bytes:
    """An Atom feed of the summaries this audience may read, newest first.

    Links are relative to the feed (at the site's root), which Atom allows, so the feed
    works wherever the site is published, a mike version folder included.
    """
    p = site.portfolio
    zone = _zone(site) or dt.UTC
    feed = _Feed(
        title=f"{p.name}: learning walkthrough summaries", link="./",
        description="What each learning walkthrough looked for, what the team saw and what comes next.",
        language=p.language, author_name=p.name, author_email=p.contact, feed_guid=_guid(p, "summaries"),
        feed_url=FEED, fallback=_stamp(site.today),
    )
    for page in summaries:
        cycle: Cycle = page.context["cycle"]
        message: Message | None = page.context.get("message")
        if message is not None:
            body = render(message.body)
        elif cycle.debrief is not None and cycle.debrief.message:
            body = render(cycle.debrief.message)
        else:
            body = render(f"Focus of Inquiry: {cycle.focus.question}")
        end = cycle.outline.debrief.end if cycle.outline.debrief else dt.time(12, 0)
        feed.add_item(
            title=page.title, link=paths.dest_url(page.src, False), description=body,
            pubdate=dt.datetime.combine(cycle.date, end, tzinfo=zone),
            unique_id=_guid(p, f"{cycle.school}/{cycle.id}/summary"),
        )
    text: str = feed.writeString("utf-8")
    return text.encode("utf-8")

