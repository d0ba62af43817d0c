"""The privacy scan of every walked file and folder: links, escapes and roster names."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .. import model as m
from ..errors import Problems
from ..privacy import Roster, check_decoded_names, check_links, check_names, load_roster
from .context import Context
from .files import FILE, Tree
from .source import escaped_strings


def scan_all(loader: Context, docs: Tree | None, privacy: m.Privacy | None, problems: Problems) -> Roster | None:
    """Scan every walked file and folder: links and escapes in content files, roster names everywhere.

    The content folder's files are those the loader read (one walk for both); the docs folder's
    are every file MkDocs publishes: its text when it is UTF-8 text, whatever its extension
    (Markdown, HTML, CSV...), else its name. Returns the roster, if any (to mask names in messages).
    """
    root = loader.root
    roster = None
    if privacy is not None and privacy.roster:
        path = (root / privacy.roster).resolve()
        if path.is_file():
            roster = load_roster(
                path, privacy.allow_words, problems, privacy.roster, [k for k in loader.known_names if k]
            )
    for entry in loader.tree.all():
        text = loader.text(entry.path) if entry.kind == FILE else None
        content = text is not None and entry.path.suffix in (".md", ".yml")
        if text is not None and content:
            check_links(text, entry.rel, problems)
        if roster is not None:
            check_names(entry.path, entry.rel, roster, problems, text if entry.kind == FILE else "")
        if text is not None and content:
            _scan_escaped(text, entry.rel, roster, problems, front_matter=entry.path.suffix == ".md")
    if roster is not None and docs is not None:
        for entry in docs.all():
            text = _published_text(entry.path) if entry.kind == FILE else None
            check_names(entry.path, docs.shown(entry), roster, problems, text or "")
    return roster


def _published_text(path: Path) -> str | None:
    """A published file's text when it is UTF-8 text (of any extension), else None."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
            if b"\0" in head:
                return None  # binary: an image, a PDF
            data = head + handle.read()
    except OSError:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _scan_escaped(text: str, shown: str, roster: Roster | None, problems: Problems, front_matter: bool) -> None:
    """Scan the YAML strings that escapes make read differently from their source text.

    Only what the value holds beyond its source text is reported: the scan of the raw text
    has reported the rest.
    """
    for line, value, source in escaped_strings(text, front_matter):
        seen, found = Problems(), Problems()
        for part, into in ((source, seen), (value, found)):
            check_links(part, shown, into, first_line=line)
        if roster is not None:
            check_decoded_names(source, value, shown, roster, problems, first_line=line)
        extra = Counter(p.message for p in found.items) - Counter(p.message for p in seen.items)
        for p in found.items:
            if extra[p.message] > 0:
                extra[p.message] -= 1
                (problems.warn if p.warning else problems.error)(p.path, p.line, p.message)
