"""Where each generated page lives, and relative links between pages."""

from __future__ import annotations

import posixpath

from ..model import Cycle, Framework, School

HOME = "index.md"
ARCHIVE = "archive/index.md"
TRENDS = "trends/index.md"  # the district's trends
LEDGER = "actions/index.md"  # every action step
COVERAGE = "coverage/index.md"
SCHOOLS = "schools/index.md"  # every school
GLOSSARY = "glossary/index.md"  # the words of walkthroughs, explained


def school(s: School | str) -> str:
    sid = s if isinstance(s, str) else s.id
    return f"schools/{sid}/index.md"


def school_trends(s: School | str) -> str:
    sid = s if isinstance(s, str) else s.id
    return f"schools/{sid}/trends/index.md"


def school_calibration(s: School | str) -> str:
    """The team's calibration page of a school (agreement among observers, evidence quality)."""
    sid = s if isinstance(s, str) else s.id
    return f"schools/{sid}/calibration/index.md"


def cycle(c: Cycle, part: str | None = None) -> str:
    return cycle_of(c.school, c.id, part)


def cycle_of(school_id: str, cycle_id: str, part: str | None = None) -> str:
    """A cycle's page (or one of its parts) from the ids alone (action steps carry only the cycle id)."""
    base = f"schools/{school_id}/{cycle_id}"
    return f"{base}/{part}/index.md" if part else f"{base}/index.md"


def framework(f: Framework | str) -> str:
    fid = f if isinstance(f, str) else f.id
    return f"frameworks/{fid}/index.md"


def dest_url(src: str, directory_urls: bool) -> str:
    """The URL (relative to the site root) of a page source path, as MkDocs makes it."""
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        return folder if directory_urls else folder + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def relative(from_src: str, to_src: str, directory_urls: bool, anchor: str = "") -> str:
    """A relative link from one page to another (or to a plain file when not .md)."""
    here = dest_url(from_src, directory_urls)
    there = dest_url(to_src, directory_urls) if to_src.endswith(".md") else to_src
    base = posixpath.dirname(here) if not here.endswith("/") else here.rstrip("/")
    rel = posixpath.relpath(there or ".", base or ".")
    if there.endswith("/") or there == "":
        rel = rel.rstrip("/") + "/" if rel != "." else "./"
    return rel + (f"#{anchor}" if anchor else "")


def characteristic(framework_id: str, characteristic_id: str) -> str:
    return f"frameworks/{framework_id}/{characteristic_id}/index.md"
