"""Features that add pages and files to the core site: each is one module with one job.

A feature is a function ``(site, full) -> Contribution``: ``site`` is what the audience may
see, ``full`` the whole portfolio for aggregate figures (a feature must itself apply the
audience's rules, such as small-count suppression, to anything it derives from ``full``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import Problem
from ..model import Portfolio
from ..render.site import Asset, Page, Site


@dataclass
class Contribution:
    pages: list[Page] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # warnings about the content, if any


Feature = Callable[[Site, Portfolio], Contribution]


def all_features() -> list[Feature]:
    """Every feature, in the order their pages are listed."""
    from . import communication, coverage, downloads, ledger, quality, trends

    return [trends.contribute, ledger.contribute, coverage.contribute, downloads.contribute,
            communication.contribute, quality.contribute]
