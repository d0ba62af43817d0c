"""The site's data downloads, without building the site: ``lwsite export``'s core.

The downloads are whatever assets the features contribute under ``downloads/`` for an
audience; ``downloads`` picks those of one format. Since they come from the same pipeline as
the site, an audience's export holds exactly what its site offers, and no more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .features.downloads import PREFIX
from .model import Audience
from .pipeline import Settings, prepare
from .render.site import Asset
from .writing import write_all

FORMATS = ("csv", "json")


def downloads(assets: Sequence[Asset], fmt: str) -> dict[str, str | bytes]:
    """Path below downloads/ -> content, for every download in the format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}': use " + " or ".join(FORMATS))
    return {
        a.path[len(PREFIX) :]: a.content
        for a in sorted(assets, key=lambda a: a.path)
        if a.path.startswith(PREFIX) and a.path.endswith(f".{fmt}")
    }


@dataclass(frozen=True)
class Exported:
    errors: list[Problem]  # the content's errors: then nothing was written
    written: list[str]  # the files written below the folder, sorted (none: the site offers none)
    ok: bool  # the content could be prepared for the audience


def export(content: Path, audience: Audience, fmt: str, out: Path, school_year: str | None = None) -> Exported:
    """Write the downloads of one audience's site in one format into ``out``, every file or none."""
    prepared = prepare(Settings(content, audience, school_year))
    errors = [p for p in prepared.problems if not p.warning]
    if errors or not prepared.ok:
        return Exported(errors, [], False)
    files = downloads(prepared.assets, fmt)
    if files:
        write_all(out, files)
    return Exported([], sorted(files), True)
