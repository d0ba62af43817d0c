"""Feature: trends (first part: a page per characteristic of every framework)."""

from __future__ import annotations

from ..model import Portfolio
from ..render import paths
from ..render.site import Page, Site
from . import Contribution


def contribute(site: Site, full: Portfolio) -> Contribution:
    out = Contribution()
    for fw in site.portfolio.frameworks:
        for ch in fw.characteristics:
            cycles = [c for c in site.portfolio.cycles
                      if c.focus.framework == fw.id and ch.id in c.focus.characteristics]
            out.pages.append(Page(
                paths.characteristic(fw.id, ch.id), ch.title, "characteristic",
                "characteristic.html",
                {"framework": fw, "characteristic": ch, "cycles": sorted(cycles, key=lambda c: c.date)},
                parent=paths.framework(fw), label=f"{ch.title}: every walkthrough that looked at it",
            ))
    return out
