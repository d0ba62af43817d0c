"""The site as a list of pages, each a template and its data, for one audience.

``plan`` decides which pages exist for an audience (a page an audience may not see is
never planned, so it reaches no HTML, search index or sitemap); ``Renderer`` turns a page
into HTML with the Jinja templates in ``theme/lwsite``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

import jinja2
from markupsafe import Markup

from .. import glossary
from ..analysis import measures
from ..analysis.figures import Figures
from ..analysis.measures import Verdict
from ..audience import Rules
from ..i18n import Translator
from ..i18n.localize import mark
from ..model import ActionStep, Cycle, Portfolio, School, Script
from . import paths
from .charts import ChartCache
from .dates import fmt_date, fmt_span, fmt_time
from .markdown import render, render_inline
from .sentences import Say
from .templates import shared_cache

# Every kind of page lwsite makes: the page's ``data-lw-kind``, what the menu orders and what the
# quality gates sample. The cycle's messages are pages of their message's kind.
PageKind = Literal[
    "home",
    "schools",
    "school",
    "framework",
    "archive",
    "glossary",
    "cycle",
    "evidence",
    "debrief",
    "actions",
    "trends",
    "trends-district",
    "characteristic",
    "ledger",
    "coverage",
    "follow",
    "quality",
    "quality-cycle",
    "calibration",
    "calibration-school",
    "announcement",
    "family-letter",
    "summary",
    "highlights",
    "observer-packet",
]
PAGE_KINDS: tuple[PageKind, ...] = get_args(PageKind)


@dataclass(frozen=True)
class Page:
    """One generated page: where it lives, its title, its template and the data it shows."""

    src: str
    title: str
    kind: PageKind
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    in_nav: bool = False
    printable: bool = False
    parent: str | None = None  # the page that lists this one under "More" (a src path)
    label: str | None = None  # how the parent lists it (default: the title)
    order: int = 50  # position among the parent's children
    lang: str | None = None  # the page's language, when it is not the site's (<html lang>)
    menu: str | None = None  # its name in the site's menu, when it is in it (default: the title)


@dataclass(frozen=True)
class Asset:
    """A file that is not a page: a data download, a calendar, a feed."""

    path: str
    content: str | bytes
    label: str | None = None


@dataclass(frozen=True)
class Site:
    """Everything a page template may use, besides its own context."""

    portfolio: Portfolio
    rules: Rules
    today: dt.date
    school_year: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    cache_dir: Path | None = None  # where features may cache expensive results
    figures: Figures | None = None  # the trend figures this audience may see (small counts suppressed)
    charts: ChartCache = field(default_factory=ChartCache)  # rendered chart SVGs, by spec hash
    language: str | None = None  # the edition's language (default: the site's own)
    editions: tuple[str, ...] = ()  # the languages this audience's site is built in (default: the site's own)
    views: Mapping[str, Portfolio] = field(default_factory=dict)  # the audience's view in each language

    @property
    def lang(self) -> str:
        """The language of this edition of the site: its pages, dates and words."""
        return self.language or self.portfolio.language

    @functools.cached_property
    def t(self) -> Translator:
        """The edition's words (``t(key)``), from its catalog (``lwsite/i18n``)."""
        return Translator(self.lang, self.portfolio.catalogs)

    @functools.cached_property
    def say(self) -> Say:
        """The sentences that print figures and dates, in the edition's language."""
        return Say(self.lang, self.rules.min_group, self.portfolio.catalogs)

    def date(self, value: dt.date | None, style: str = "long") -> str:
        return fmt_date(value, style, self.lang)

    def in_language(self, lang: str) -> Portfolio:
        """The audience's view of the portfolio in one of its languages (a family letter's)."""
        return self.views.get(lang) or self.portfolio

    def edition_of(self, lang: str) -> str:
        """The edition whose pages a text in ``lang`` links to: its own when the site is built in it."""
        return lang if lang in self.editions else self.lang

    def prefix(self, lang: str) -> str:
        """Where an edition lives below the site's root: "" for the site's language, "es/" for Spanish."""
        return "" if lang == self.portfolio.language else f"{lang}/"

    def school(self, sid: str) -> School:
        found = self.portfolio.school(sid)
        assert found is not None
        return found

    @property
    def trend_figures(self) -> Figures:
        """The audience's trend figures (the pipeline always makes them)."""
        if self.figures is None:
            raise ValueError("this site was planned without its trend figures")
        return self.figures

    def action_index(self) -> dict[str, ActionStep]:
        return {a.key: a for c in self.portfolio.cycles for a in c.actions}

    @functools.cached_property
    def verdicts(self) -> dict[str, Verdict]:
        """Every measured step's verdict as this audience may read it, by "school-id/cycle-id/action-id"."""
        return measures.verdicts(self.portfolio, self.trend_figures, self.today)

    def verdict(self, school: School | str, step: ActionStep) -> Verdict | None:
        """A measured step's verdict (None for a step whose measure is free text)."""
        if step.target is None:
            return None
        sid = school if isinstance(school, str) else school.id
        return self.verdicts.get(f"{sid}/{step.key}")


def md(text: str | None, strip: str | None = None) -> Markup:
    """Content Markdown as HTML (blocks); a text with no translation is marked with its language."""
    return mark(render(text.rstrip(strip) if strip and text else text), text or "", block=True)


def md_inline(text: str | None, strip: str | None = None) -> Markup:
    """Content Markdown as inline HTML; ``strip``: characters to take off its end (a final period)."""
    return mark(render_inline(text.rstrip(strip) if strip and text else text), text or "")


def chain(step: ActionStep, index: Mapping[str, ActionStep]) -> list[ActionStep]:
    """The earlier steps a step carries, oldest first."""
    out: list[ActionStep] = []
    seen = {step.key}
    cur = step
    while cur.carries and cur.carries in index and cur.carries not in seen:
        cur = index[cur.carries]
        seen.add(cur.key)
        out.append(cur)
    return list(reversed(out))


def rating_of(script: Script, characteristic: str) -> str | None:
    """The level a script's visit was rated on a characteristic, if any."""
    return next((r.level for r in script.ratings if r.characteristic == characteristic), None)


def cycle_status(cycle: Cycle, today: dt.date) -> str:
    if cycle.date > today:
        return "upcoming"
    if cycle.debrief is None:
        return "debrief-pending"
    if not cycle.actions:
        return "debriefed"
    return "actions"


# the parts of a cycle that plan() makes pages of (the features make the rest)
CYCLE_PAGES: dict[str, PageKind] = {"evidence": "evidence", "debrief": "debrief", "actions": "actions"}


def plan(site: Site) -> list[Page]:
    """The core pages of the site for its audience (features add their own)."""
    p, rules, t = site.portfolio, site.rules, site.t.plain
    pages = [
        Page(paths.HOME, str(p.name), "home", "home.html", {}, in_nav=True),
        Page(paths.SCHOOLS, t("schools.title", count=len(p.schools)), "schools", "schools.html", {}, in_nav=True),
        Page(paths.ARCHIVE, t("archive.title"), "archive", "archive.html", {}, in_nav=True, menu=t("menu.archive")),
        Page(
            paths.GLOSSARY,
            t("glossary.title"),
            "glossary",
            "glossary.html",
            {"terms": glossary.terms(site.t)},
            in_nav=True,
            menu=t("menu.glossary"),
        ),
    ]
    for fw in p.frameworks:
        pages.append(Page(paths.framework(fw), str(fw.title), "framework", "framework.html", {"framework": fw}))
    for school in p.schools:
        pages.append(
            Page(paths.school(school), str(school.name), "school", "school.html", {"school": school}, in_nav=True)
        )
        for c in school.cycles:
            ctx = {"school": school, "cycle": c, "framework": p.framework(c.focus.framework)}
            when = site.date(c.date)
            pages.append(
                Page(paths.cycle(c), t("cycle.title", school=school.name, date=when), "cycle", "cycle.html", ctx)
            )
            # the parts a cycle's tabs name (cycle_parts decides which exist); the features add the
            # team's quality and calibration pages
            for part, _ in cycle_parts(c, rules, site.t):
                kind = CYCLE_PAGES.get(part or "")
                if kind is not None:
                    title = t(f"{kind}.title", school=school.name, date=when)
                    pages.append(Page(paths.cycle(c, kind), title, kind, f"{kind}.html", ctx))
    return pages


# The menu: readers' sections first, in this order; the site's own pages, then editors' pages, last.
MENU_ORDER: tuple[PageKind, ...] = (
    "home",
    "schools",
    "trends-district",
    "ledger",
    "coverage",
    "follow",
    "quality",
    "glossary",
    "archive",
)


def menu(
    pages: Sequence[Page], own: Sequence[str], editors: Sequence[str], t: Translator | None = None
) -> list[tuple[str | None, Any]]:
    """The site's menu: (title, page src) or (section title, [its entries]).

    Schools are a section that opens on the list of schools; the site's own pages (``own``,
    paths below docs/) come under "About"; pages for the people who edit the records
    (``editors``) under "For editors", after every reader's page.
    """
    words = (t or Translator("en")).plain
    by_kind = {p.kind: p for p in pages if p.in_nav}
    out: list[tuple[str | None, Any]] = []
    for kind in MENU_ORDER:
        page = by_kind.get(kind)
        if page is None:
            continue
        if kind == "home":
            out.append((words("menu.home"), page.src))
        elif kind == "schools":
            schools = [(str(p.title), p.src) for p in pages if p.kind == "school"]
            out.append((words("menu.schools"), [(str(page.title), page.src), *schools]))
        else:
            out.append((str(page.menu or page.title), page.src))
    for section, sources in ((words("menu.about"), own), (words("menu.editors"), editors)):
        if len(sources) == 1:
            out.append((None, sources[0]))  # one page needs no section of its own
        elif sources:
            out.append((section, [(None, src) for src in sources]))
    return out


def cycle_parts(cycle: Cycle, rules: Rules, t: Translator | None = None) -> list[tuple[str | None, str]]:
    """The tabs of a cycle: (part, label); part None is the cycle's own page."""
    words = (t or Translator("en")).plain
    parts: list[tuple[str | None, str]] = [(None, words("tabs.overview"))]
    if rules.show_evidence and cycle.scripts:
        parts.append(("evidence", words("tabs.evidence")))
    if cycle.debrief is not None:
        parts.append(("debrief", words("tabs.debrief")))
    if cycle.actions:
        parts.append(("actions", words("tabs.actions")))
    if rules.show_quality_report and cycle.scripts:
        parts.append(("quality", words("tabs.quality")))
    if rules.show_calibration and cycle.independent:
        parts.append(("calibration", words("tabs.calibration")))
    return parts


class Renderer:
    """Renders pages with the templates in ``<theme>/lwsite``."""

    def __init__(self, theme_dir: Path, site: Site, pages: Sequence[Page] = (), directory_urls: bool = True) -> None:
        self.site = site
        by_parent: dict[str, list[Page]] = {}
        for p in pages:
            if p.parent is not None:
                by_parent.setdefault(p.parent, []).append(p)
        self.children = {k: sorted(v, key=lambda p: (p.order, p.src)) for k, v in by_parent.items()}
        self.planned = {p.src for p in pages}
        self.directory_urls = directory_urls
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(theme_dir / "lwsite")),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.bytecode_cache = shared_cache(self.env)  # each template compiled once a process (serve)
        language = site.lang
        self.env.filters.update(
            md=md,
            md_inline=md_inline,
            time=lambda value: fmt_time(value, language),
            date=lambda value, style="long": fmt_date(_as_date(value), style, language),
        )
        self.env.globals["span"] = lambda start, end: fmt_span(start, end, language)
        self.env.globals.update(
            site=site,
            rules=site.rules,
            portfolio=site.portfolio,
            today=site.today,
            paths=paths,
            chain=chain,
            rating_of=rating_of,
            children=lambda src: self.children.get(src, []),
            cycle_status=cycle_status,
            cycle_parts=lambda cycle, rules: cycle_parts(cycle, rules, site.t),
            exists=lambda src: src in self.planned,
            say=site.say,
            glossary=glossary,
            t=site.t,
            lang=language,
        )

    def render(self, page: Page) -> str:
        site = self.site

        def url(to: str, anchor: str = "") -> str:
            return paths.relative(page.src, to, self.directory_urls, anchor)

        def url_in(lang: str, to: str, anchor: str = "") -> str:
            """A link to a page of the edition in ``lang`` (this one's when the site is not built in it)."""
            here, there = site.prefix(site.lang), site.prefix(site.edition_of(lang))
            return paths.relative(here + page.src, there + to, self.directory_urls, anchor)

        template = self.env.get_template(page.template)
        body = template.render(page=page, url=url, url_in=url_in, **page.context)
        # The page type, so quality gates find every kind of page in the built output.
        return f'<div class="lw-page" data-lw-kind="{page.kind}">\n{body}\n</div>'


def _as_date(value: dt.date | str | None) -> dt.date | None:
    """A date, or the date a cycle id starts with (``2025-02-11-partner-talk``)."""
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value
