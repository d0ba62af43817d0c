"""Feature: communication (placeholder until it is built)."""

from __future__ import annotations

from ..model import Portfolio
from ..render.site import Site
from . import Contribution


def contribute(site: Site, full: Portfolio) -> Contribution:
    return Contribution()
