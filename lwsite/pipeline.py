"""The whole core pipeline in one call: load, check, analyse, filter, plan.

Both shells use it: the MkDocs plugin (which then renders the planned pages) and the
command line (which checks content or exports data without building a site).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from . import audience as aud
from .analysis import audit, coach
from .analysis.figures import Figures
from .errors import Problem
from .features import all_features
from .i18n import Translator
from .i18n.localize import localize
from .load.portfolio import Loaded, load
from .model import Audience, Portfolio, school_year_bounds, school_year_of
from .render.charts import ChartCache
from .render.site import Asset, Page, Site, plan


@dataclass(frozen=True)
class Settings:
    content_dir: Path
    audience: Audience = Audience.PUBLIC
    school_year: str | None = None
    docs_dir: Path | None = None
    today: dt.date | None = None
    cache_dir: Path | None = None
    version: str | None = None  # the mike version being deployed (MIKE_DOCS_VERSION), if any
    project_dir: Path | None = None  # links are followed within it (default: content_dir's parent)
    language: str | None = None  # the edition: one of the portfolio's languages (default: the site's own)


@dataclass(frozen=True)
class Prepared:
    problems: list[Problem]
    full: Portfolio | None = None  # everything, for analysis; never rendered as is
    site: Site | None = None  # what the audience may see
    pages: tuple[Page, ...] = ()
    assets: tuple[Asset, ...] = ()
    quality: tuple[Problem, ...] = ()  # the evidence-quality coach's warnings

    @property
    def ok(self) -> bool:
        return self.site is not None


def reference_date(today: dt.date | None = None) -> dt.date:
    """The build date, or LWSITE_TODAY (YYYY-MM-DD) when set; ValueError when that is no date."""
    if today is not None:
        return today
    raw = os.environ.get("LWSITE_TODAY", "").strip()
    if raw:
        try:
            return dt.date.fromisoformat(raw) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw) else _no_date()
        except ValueError:
            raise ValueError(
                f"LWSITE_TODAY='{raw}' is not a real date YYYY-MM-DD: set it to one, such as "
                f"{dt.date.today().isoformat()}, or unset it"
            ) from None
    return dt.date.today()


def _no_date() -> dt.date:
    raise ValueError("not YYYY-MM-DD")


def limit_to_year(portfolio: Portfolio, year: str) -> Portfolio:
    """The portfolio as it stood at the end of a school year."""
    return replace(
        portfolio,
        schools=tuple(
            replace(s, cycles=tuple(c for c in s.cycles if c.school_year <= year)) for s in portfolio.schools
        ),
    )


def edition_languages(portfolio: Portfolio, audience: Audience) -> tuple[str, ...]:
    """The languages an audience's site is built in, the site's own first: every language of the
    portfolio for the public (families read the site in their language); staff and team sites stay
    in the site's own language (their family letters still come in every language)."""
    return portfolio.languages if audience == Audience.PUBLIC else (portfolio.language,)


def prepare(settings: Settings, loaded: Loaded | None = None) -> Prepared:
    """Everything a build of one edition needs (``settings.language``, default the site's own);
    ``loaded``, when given, is ``load``'s result for these settings."""
    editions = prepare_editions(settings, loaded, only=settings.language or "")
    return next(iter(editions.values()))


def prepare_editions(settings: Settings, loaded: Loaded | None = None, only: str | None = None) -> dict[str, Prepared]:
    """Every edition of the audience's site (``edition_languages``), the site's own language first,
    from one load of the content: each holds the problems of the whole content and its own.

    With ``only``, that edition alone (a language the portfolio does not have is the site's own).
    The first value holds every problem when the content cannot be built.
    """
    if loaded is None:
        loaded = load(settings.content_dir, settings.docs_dir, settings.project_dir)
    problems = sorted(loaded.problems.items, key=lambda p: (p.path, p.line, p.message))
    if loaded.portfolio is None:
        return {"": Prepared(problems)}
    full = loaded.portfolio
    try:
        today = reference_date(settings.today)
    except ValueError as exc:  # an environment variable: reported like a content file's line 1
        return {"": Prepared([*problems, Problem("LWSITE_TODAY", 1, str(exc))])}
    if settings.school_year:
        full = limit_to_year(full, settings.school_year)
        last = school_year_bounds(settings.school_year, full.school_year_start)[1]
        today = min(today, last)
    rules = aud.Rules.for_portfolio(full, settings.audience)
    editions = edition_languages(full, settings.audience)
    wanted = os.environ.get("LWSITE_LANGUAGES", "").replace(",", " ").split()
    if wanted:  # a build of some of the editions (a quicker preview, the benchmark's one language)
        unknown = [w for w in wanted if w not in full.languages]
        if unknown:
            return {
                "": Prepared(
                    [
                        *problems,
                        Problem(
                            "LWSITE_LANGUAGES",
                            1,
                            f"'{unknown[0]}' is not one of the portfolio's languages ({', '.join(full.languages)})",
                        ),
                    ]
                )
            }
        editions = tuple(lang for lang in editions if lang == full.language or lang in wanted)
    built = editions
    if only is not None:
        editions = (only,) if only in full.languages else (full.language,)
    # every language's view: a family letter comes in each, whatever the edition
    localized = {lang: localize(full, lang) for lang in full.languages}
    views = {lang: aud.view(localized[lang], rules, today) for lang in full.languages}
    quality = quality_warnings(full, settings.content_dir)
    out: dict[str, Prepared] = {}
    for lang in editions:
        site = Site(
            views[lang],
            rules,
            today,
            settings.school_year,
            extra=_versions(full, settings, today),
            cache_dir=settings.cache_dir,
            figures=Figures(localized[lang], rules, Translator(lang, full.catalogs).plain("figures.or")),
            charts=ChartCache(settings.cache_dir / "charts" if settings.cache_dir else None),
            language=lang,
            editions=built,
            views=views,
        )
        out[lang] = _edition(site, full, settings, list(problems), quality)
    return out


def _edition(
    site: Site, full: Portfolio, settings: Settings, problems: list[Problem], quality: tuple[Problem, ...]
) -> Prepared:
    rules = site.rules
    pages, assets = plan(site), []
    for feature in all_features():
        contribution = feature(site)
        pages.extend(contribution.pages)
        assets.extend(contribution.assets)
        problems.extend(contribution.problems)
    if rules.suppress_small_counts:
        problems.extend(audit.audit_assets(assets, full, rules.min_group))
    problems.extend(replaced_in_docs(settings.docs_dir, pages, assets))
    return Prepared(problems, full, site, tuple(pages), tuple(assets), quality)


def replaced_in_docs(docs_dir: Path | None, pages: list[Page], assets: list[Asset]) -> list[Problem]:
    """A file of the site's own docs/ that a page or file lwsite makes would replace.

    Found before the build starts, so the failed build leaves the previous site as it was.
    """
    if docs_dir is None:
        return []
    return [
        Problem(
            f"{docs_dir.name}/{src}",
            1,
            f"lwsite makes a {what} of this name ({src}), which would replace this one: rename or move it",
        )
        for what, src in [("page", p.src) for p in pages] + [("file", a.path) for a in assets]
        if (docs_dir / src).is_file()
    ]


def _versions(full: Portfolio, settings: Settings, today: dt.date) -> dict[str, object]:
    """In a mike deployment (one version per school year), the earlier years' versions."""
    if not settings.version:
        return {}
    current = settings.school_year or school_year_of(today, full.school_year_start)
    earlier = sorted({c.school_year for c in full.cycles if c.school_year < current}, reverse=True)
    return {"version": settings.version, "archived_years": tuple(earlier)}


def quality_warnings(portfolio: Portfolio, content_dir: Path) -> tuple[Problem, ...]:
    """The coach's flags as located warnings (``path:line: warning: judgmental: ...``)."""

    def read(path: str) -> str:
        return (content_dir / path).read_text(encoding="utf-8-sig")

    return tuple(f.problem() for f in coach.flags(portfolio, read))
