"""Privacy checks over raw content: roster names and unsafe links.

Walkthroughs study the system, never a person: a roster name found anywhere in the content
folder (file and folder names and YAML comments included) or in the site's own pages stops
the build, in any of the forms names.py finds (a lone first name only warns). Messages name
a roster entry by its number and line in the roster file and mask the name in the text they
quote: they never print it. Links may be relative, http(s) or mailto; images that would make
a reader's browser call another site are refused.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import html
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Problems
from .load.fields import Reader
from .load.keys import Keys, List, Raw
from .load.source import LList, LMap, parse_yaml
from .load.text import SourceError, read_text
from .names import Entry, Hit, Matcher


@dataclass(frozen=True)
class Roster:
    """The privacy roster: its entries, the words allowed though a roster name starts with them,
    the names the portfolio itself uses, and how messages name the roster file."""

    entries: tuple[Entry, ...]
    allow_words: tuple[str, ...] = ()
    shown: str = "the roster"
    known: tuple[str, ...] = ()
    sample: bool = False  # ``sample: true``: fictional names (a demo's), which git may track

    @classmethod
    def of(
        cls,
        names: Iterable[str | Entry],
        allow_words: Iterable[str] = (),
        known: Iterable[str] = (),
        shown: str = "the roster",
    ) -> Roster:
        """A roster of names (entry n on line n) or entries, as a roster file would give."""
        entries = tuple(n if isinstance(n, Entry) else Entry(i, i, n) for i, n in enumerate(names, start=1))
        return cls(entries, tuple(allow_words), shown, tuple(known))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(e.name for e in self.entries)

    @functools.cached_property
    def matcher(self) -> Matcher:
        """The whole roster indexed once; the portfolio's names and the allowed words never match."""
        return Matcher(self.entries, (*self.allow_words, *self.known))

    def who(self, hit: Hit) -> str:
        """The entries of a hit as messages name them: by number and line, never by name."""
        first, others = hit.entries[0], [e.number for e in hit.entries[1:]]
        more = ""
        if others:
            listed = ", ".join(str(n) for n in others[:3])
            more = f"; also entr{'y' if len(others) == 1 else 'ies'} {listed}"
            if len(others) > 3:
                more += f" and {len(others) - 3} more"
        return f"roster entry {first.number} ({self.shown} line {first.line}{more})"

    def mask_path(self, shown: str) -> str:
        """A path as messages show it: a roster name in a file or folder name masked."""
        return "/".join(self.matcher.mask(part) for part in shown.split("/"))


# a key of the roster may be a person's name, so messages never quote one (private)
ROSTER = Keys("the roster", private=True, names=List(required=True), sample=Raw())
ENTRY = Keys(private=True, name=Raw(required=True), also=Raw())  # named "roster entry N" in messages


def load_roster(
    path: Path, allow_words: Iterable[str], problems: Problems, shown: str, known: Iterable[str] = ()
) -> Roster | None:
    """Read a roster file (``shown`` is how messages name it); ``known`` are names the portfolio uses.

    Entries are names (text) or mappings ``{name: ..., also: [...]}``; an entry that is neither
    is a located error, and the other entries still count. Messages never quote an entry.
    ``sample: true`` beside ``names:`` declares the names fictional (a demo's or a test's roster):
    they stop a build all the same; only the warning that git tracks the file is left out.
    """
    try:
        data = parse_yaml(read_text(path))
    except SourceError as exc:
        problems.error(shown, exc.line, exc.message)
        return None
    if not isinstance(data, LMap) or "names" not in data or not isinstance(data["names"], LList):
        problems.error(
            shown,
            1,
            "the roster must be a mapping with one key, names: a list of names "
            "(each a name, or a mapping with name: and also:); the only other key it may have is "
            "sample: true, for a roster of made-up names",
        )
        return None
    Reader(problems, shown).unknown(data, ROSTER)  # the names still count
    sample = data.get("sample", False)
    if not isinstance(sample, bool):
        problems.error(
            shown,
            data.key_lines.get("sample", 1),
            "sample must be true (the names are fictional, a demo's) or false: write sample: true, or remove it",
        )
        sample = False
    names = data["names"]
    entries = []
    for i, item in enumerate(names):
        number, line = i + 1, names.item_lines[i]
        entry = _entry(item, number, line, shown, problems)
        if entry is not None:
            entries.append(entry)
    return Roster(tuple(entries), tuple(allow_words), shown, tuple(known), sample)


def _entry(item: Any, number: int, line: int, shown: str, problems: Problems) -> Entry | None:
    also: tuple[str, ...] = ()
    if isinstance(item, LMap):
        line = item.line
        Reader(problems, shown).unknown(item, ENTRY.named(f"roster entry {number}"))
        name = item.get("name")
        if "name" in item.typos:  # the unknown key said which one was meant
            return None
        if not isinstance(name, str):
            problems.error(
                shown,
                item.key_lines.get("name", line),
                f"roster entry {number} needs name: the person's name, as text (quote it)",
            )
            return None
        found = item.get("also", [])
        if isinstance(found, str):
            found = [found]
        if not isinstance(found, list) or not all(isinstance(a, str) for a in found):
            problems.error(
                shown,
                item.key_lines.get("also", line),
                f"roster entry {number}: also must be a list of the other names the person "
                "is called, as text (quote them)",
            )
            return None
        also = tuple(a.strip() for a in found if a.strip())
    elif isinstance(item, str):
        name = item
    else:
        problems.error(
            shown, line, f"roster entry {number} is not text: quote the name, or write a mapping with name: and also:"
        )
        return None
    if not name.strip():
        problems.error(shown, line, f"roster entry {number} is empty: write the name or remove the entry")
        return None
    return Entry(number, line, name.strip(), also)


def check_names(path: Path, shown: str, roster: Roster, problems: Problems, text: str | None = None) -> None:
    """Report roster names in a file's or folder's own name and in a file's text.

    Only the last part of the path is checked: the folders above it are checked on their
    own, so a name in a folder's name is one error, not one per file inside it.
    """
    part = shown.rsplit("/", 1)[-1]
    kind = "folder" if path.is_dir() else "file"
    for hit in roster.matcher.scan(part, errors_only=True):
        problems.error(
            roster.mask_path(shown),
            1,
            f"the {kind} name '{roster.matcher.mask(part)}' names {roster.who(hit)}: rename the {kind}",
        )
    if path.is_dir():
        return
    if text is None:
        try:
            text = read_text(path)
        except (SourceError, OSError):
            return
    check_text_names(text, shown, roster, problems)


def check_text_names(text: str, shown: str, roster: Roster, problems: Problems, first_line: int = 1) -> None:
    """Report roster names in a text that starts on ``first_line`` of the file ``shown``."""
    hits = roster.matcher.scan(text)
    if hits:
        report_hits(hits, roster.mask_path(shown), roster, problems, first_line)


def check_decoded_names(
    source: str, value: str, shown: str, roster: Roster, problems: Problems, first_line: int = 1
) -> None:
    """Report the roster names that a YAML string's escapes add to its source text (the scan of
    the source text has reported the rest)."""
    hits = roster.matcher.scan(value)
    if not hits:
        return
    seen = Counter(_kind(h) for h in roster.matcher.scan(source))
    extra = []
    for hit in hits:
        if seen[_kind(hit)] > 0:
            seen[_kind(hit)] -= 1
        else:
            extra.append(hit)
    report_hits(extra, roster.mask_path(shown), roster, problems, first_line)


def _kind(hit: Hit) -> tuple[bool, tuple[int, ...]]:
    return hit.error, tuple(e.number for e in hit.entries)


def report_hits(hits: Iterable[Hit], shown: str, roster: Roster, problems: Problems, first_line: int = 1) -> None:
    for hit in hits:
        line = hit.line + first_line - 1
        if hit.error:
            problems.error(
                shown,
                line,
                f'{roster.who(hit)} is named here: "{hit.context}": describe the '
                "practice, number the visit, or use a role",
            )
        else:
            problems.warn(
                shown,
                line,
                f'the first name of {roster.who(hit)} is here: "{hit.context}": if it '
                "means that person, remove it; if it is an ordinary word, add it to privacy.allow_words",
            )


def mask_problems(problems: Problems, roster: Roster) -> None:
    """Mask, in every problem's path and message, any roster name they quote (CI logs can be public)."""
    matcher = roster.matcher
    for i, p in enumerate(problems.items):
        path, message = roster.mask_path(p.path), matcher.mask(p.message)
        if (path, message) != (p.path, p.message):
            problems.items[i] = dataclasses.replace(p, path=path, message=message)


# Every scan here takes time in proportion to the text, however it is written (100,000 '[' included).
SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
LINK_END_RE = re.compile(r"[\]\n]")  # what ends a link's text: [text](url), text on one line
LINK_URL_RE = re.compile(r"\s*<?([^)\s>]*)")
REFDEF_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
AUTOLINK_RE = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>")  # as CommonMark: no < > or space inside
SAFE_SCHEMES = ("http", "https", "mailto")


def inline_links(text: str) -> Iterator[tuple[int, bool, str]]:
    """(offset, is_image, url) of every ``[text](url)`` and ``![text](url)``, text without ``]`` or a
    line break: the matches of ``(!?)\\[[^\\]\\n]*\\]\\(\\s*<?([^)\\s>]*)``, found in linear time.

    A regex engine would try that pattern at each '[' and scan to the end of its text every time
    (quadratic for a line of '['); here, every '[' before the ']' or line break that ends one
    text fails there alike, so the search goes on after it.
    """
    pos = 0
    while (start := text.find("[", pos)) >= 0:
        end = LINK_END_RE.search(text, start + 1)
        if end is None:
            return
        close = end.start()
        if text[close] == "]" and text.startswith("(", close + 1):
            url = LINK_URL_RE.match(text, close + 2)
            assert url is not None  # the pattern matches the empty string
            image = start > 0 and text[start - 1] == "!"
            yield (start - 1 if image else start), image, url.group(1)
            pos = url.end()
        else:
            pos = close + 1


def check_links(text: str, shown: str, problems: Problems, first_line: int = 1) -> None:
    """Report link schemes other than relative, http(s) and mailto, and outside images.

    ``first_line`` is the line of the file where ``text`` starts.
    """

    breaks: list[int] = []  # offsets of the line breaks, found once the first link is

    def line_of(offset: int) -> int:
        if not breaks:
            breaks.extend(i for i, ch in enumerate(text) if ch == "\n")
            breaks.append(len(text))
        return bisect.bisect_left(breaks, offset) + first_line

    for start, is_image, url in inline_links(text):
        if is_image:
            problems.error(
                shown,
                line_of(start),
                "images are not part of the content format (an image from outside the site "
                "would make readers' browsers call another site): remove it or link to it",
            )
            continue
        _check_url(url, shown, line_of(start), problems)
    for match in REFDEF_RE.finditer(text):
        _check_url(match.group(1), shown, line_of(match.start()), problems)
    for match in AUTOLINK_RE.finditer(text):
        _check_url(match.group(1), shown, line_of(match.start()), problems)


def _check_url(url: str, shown: str, line: int, problems: Problems) -> None:
    # as a browser reads it: character references decoded, tabs and line breaks dropped,
    # leading controls and spaces stripped (so &#106;avascript: is javascript:)
    url = re.sub(r"[\t\n\r]", "", html.unescape(url)).lstrip("".join(map(chr, range(33))))
    scheme = SCHEME_RE.match(url)
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        problems.error(
            shown, line, f"link scheme '{scheme.group(1)}:' is not allowed: links may be relative, http(s): or mailto:"
        )
