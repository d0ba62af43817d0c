"""The whole core pipeline in one call: load, check, analyse, filter, plan.

Both shells use it: the MkDocs plugin (which then renders the planned pages) and the
command line (which checks content or exports data without building a site).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
from pathlib import Path

from . import audience as aud
from .analysis import audit, coach
from .analysis.figures import Figures
from .errors import Problem
from .features import all_features
from .load.loader import load
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
    """The build date, or LWSITE_TODAY (YYYY-MM-DD) when set."""
    if today is not None:
        return today
    raw = os.environ.get("LWSITE_TODAY", "").strip()
    if raw:
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise ValueError(f"LWSITE_TODAY='{raw}' is not a date YYYY-MM-DD") from None
    return dt.date.today()


def limit_to_year(portfolio: Portfolio, year: str) -> Portfolio:
    """The portfolio as it stood at the end of a school year."""
    return replace(
        portfolio,
        schools=tuple(
            replace(s, cycles=tuple(c for c in s.cycles if c.school_year <= year))
            for s in portfolio.schools
        ),
    )


def prepare(settings: Settings) -> Prepared:
    loaded = load(settings.content_dir, settings.docs_dir)
    problems = sorted(loaded.problems.items, key=lambda p: (p.path, p.line, p.message))
    if loaded.portfolio is None:
        return Prepared(problems)
    full = loaded.portfolio
    today = reference_date(settings.today)
    if settings.school_year:
        full = limit_to_year(full, settings.school_year)
        last = school_year_bounds(settings.school_year, full.school_year_start)[1]
        today = min(today, last)
    rules = aud.Rules.for_portfolio(full, settings.audience)
    site = Site(aud.view(full, rules, today), rules, today, settings.school_year,
                extra=_versions(full, settings, today), cache_dir=settings.cache_dir,
                figures=Figures(full, rules),
                charts=ChartCache(settings.cache_dir / "charts" if settings.cache_dir else None))
    pages, assets = plan(site), []
    for feature in all_features():
        contribution = feature(site)
        pages.extend(contribution.pages)
        assets.extend(contribution.assets)
        problems.extend(contribution.problems)
    if rules.suppress_small_counts:
        problems.extend(audit.audit_assets(assets, full, rules.min_group))
    return Prepared(problems, full, site, tuple(pages), tuple(assets),
                    quality_warnings(full, settings.content_dir))


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
