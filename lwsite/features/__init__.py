"""Features that add pages and files to the core site: each is one module with one job.

A feature is a function ``(site) -> Contribution``: ``site`` holds what the audience may see
(its view of the portfolio) and the figures computed for it (``site.figures``, protected by
the disclosure rule for the public). A feature never sees the whole portfolio.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import Problem
from ..render.site import Asset, Page, Site


@dataclass
class Contribution:
    pages: list[Page] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # warnings about the content, if any


Feature = Callable[[Site], Contribution]


def all_features() -> list[Feature]:
    """Every feature, in the order their pages are listed."""
    from . import calibration, communication, coverage, downloads, ledger, quality, trends

    return [
        trends.contribute,
        ledger.contribute,
        coverage.contribute,
        downloads.contribute,
        communication.contribute,
        quality.contribute,
        calibration.contribute,
    ]
