"""The site's data downloads, without building the site.

The downloads are whatever assets the features contribute under ``downloads/`` for an
audience; ``export`` picks those of one format. Since they come from the same pipeline as
the site, an audience's export holds exactly what its site offers, and no more.
"""

from __future__ import annotations

from collections.abc import Sequence

from .render.site import Asset

PREFIX = "downloads/"
FORMATS = ("csv", "json")


def downloads(assets: Sequence[Asset], fmt: str) -> dict[str, str | bytes]:
    """Path below downloads/ -> content, for every download in the format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}': use " + " or ".join(FORMATS))
    return {
        a.path[len(PREFIX):]: a.content
        for a in sorted(assets, key=lambda a: a.path)
        if a.path.startswith(PREFIX) and a.path.endswith(f".{fmt}")
    }
