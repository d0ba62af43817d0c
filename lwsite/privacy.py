"""Privacy checks over raw content: roster names and unsafe links.

Walkthroughs study the system, never a person: any roster name found anywhere in the
content folder (file and folder names and YAML comments included) or in the site's own
pages stops the build. Links may be relative, http(s) or mailto; images that would make a
reader's browser call another site are refused.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import Problems
from .load.source import LList, LMap, SourceError, parse_yaml, read_text


@dataclass(frozen=True)
class Roster:
    names: tuple[str, ...]
    allow_words: tuple[str, ...] = ()

    def patterns(self) -> list[tuple[str, re.Pattern[str], bool]]:
        """(name, pattern, is_full_name) for every name and every lone first name."""
        allow = {unicodedata.normalize("NFC", w).casefold() for w in self.allow_words}
        out: list[tuple[str, re.Pattern[str], bool]] = []
        firsts: set[str] = set()
        for name in self.names:
            words = unicodedata.normalize("NFC", name).split()
            if not words:
                continue
            body = r"\s+".join(re.escape(w) for w in words)
            if len(words) > 1 or words[0].casefold() not in allow:
                out.append((name, re.compile(rf"(?<!\w){body}(?!\w)", re.I), True))
            if len(words) > 1 and words[0].casefold() not in allow and words[0].casefold() not in firsts:
                firsts.add(words[0].casefold())
                out.append((words[0], re.compile(rf"(?<!\w){re.escape(words[0])}(?!\w)", re.I), False))
        return out


def load_roster(path: Path, allow_words: Iterable[str], problems: Problems, shown: str) -> Roster | None:
    try:
        data = parse_yaml(read_text(path))
    except SourceError as exc:
        problems.error(shown, exc.line, exc.message)
        return None
    if not isinstance(data, LMap) or set(data) != {"names"} or not isinstance(data["names"], LList):
        problems.error(shown, 1, "the roster must be a mapping with one key, names: a list of names")
        return None
    names = data["names"]
    bad = [i for i, n in enumerate(names) if not isinstance(n, str)]
    for i in bad:
        problems.error(shown, names.item_lines[i], "every roster name must be text: quote it")
    return Roster(tuple(n for n in names if isinstance(n, str)), tuple(allow_words))


def scan_names(text: str, roster: Roster) -> list[tuple[int, str, bool]]:
    """(line, name, is_full_name) of every roster name in a text; full names hide their first name."""
    text = unicodedata.normalize("NFC", text)
    hits: list[tuple[int, str, bool]] = []
    covered: list[tuple[int, int]] = []
    patterns = roster.patterns()
    for name, pattern, full in sorted(patterns, key=lambda p: not p[2]):
        for match in pattern.finditer(text):
            if not full and any(a <= match.start() < b for a, b in covered):
                continue
            if full:
                covered.append((match.start(), match.end()))
            hits.append((text.count("\n", 0, match.start()) + 1, name, full))
    return sorted(hits)


def check_names(path: Path, shown: str, roster: Roster, problems: Problems, text: str | None = None) -> None:
    """Report roster names in a file's or folder's own name and in a file's text.

    Only the last part of the path is checked: the folders above it are checked on their
    own, so a name in a folder's name is one error, not one per file inside it.
    """
    part = shown.rsplit("/", 1)[-1]
    for _, name, full in scan_names(re.sub(r"[-_.]", " ", part), roster):
        if full:
            kind = "folder" if path.is_dir() else "file"
            problems.error(shown, 1, f"the {kind} name '{part}' names '{name}', who is on the privacy "
                           f"roster: rename the {kind}")
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
    for line, name, full in scan_names(text, roster):
        line += first_line - 1
        if full:
            problems.error(shown, line, f"'{name}' is on the privacy roster and must never be named: "
                           "describe the practice, number the visit, or use a role")
        else:
            problems.warn(shown, line, f"'{name}' is the first name of someone on the privacy roster: "
                          "if it means that person, remove it; if it is an ordinary word, add it to "
                          "privacy.allow_words")


# Every scan here takes time in proportion to the text, however it is written (100,000 '[' included).
SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
LINK_END_RE = re.compile(r"[\]\n]")  # what ends a link's text: [text](url), text on one line
LINK_URL_RE = re.compile(r"\s*<?([^)\s>]*)")
REFDEF_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
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
            problems.error(shown, line_of(start),
                           "images are not part of the content format (an image from outside the site "
                           "would make readers' browsers call another site): remove it or link to it")
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
        problems.error(shown, line, f"link scheme '{scheme.group(1)}:' is not allowed: links may be "
                       "relative, http(s): or mailto:")
