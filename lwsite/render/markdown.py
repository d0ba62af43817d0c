"""Content Markdown, rendered safely.

Content text goes through a Markdown instance of lwsite's own with raw HTML turned off: a
pasted ``<script>`` or ``onerror=`` is shown as text, never emitted as markup. Links with a
scheme other than http(s) or mailto are dropped (the loader reports them as errors).

Python-Markdown tries a link at every ``[`` and scans from there to the end of the paragraph
when nothing closes it (and likewise for an unclosed ``(`` or quote after ``](``, or a run of
backticks that nothing closes): text of 5,000 ``[`` took 13 seconds, 10,000 took 48. Before the
inline patterns run, ``_Defuse`` escapes each such character (it reads the same, a ``[`` is
still a ``[``), so every scan ends where its bracket closes and rendering stays linear.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from markupsafe import Markup

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_NEST = 8  # deeper brackets or parentheses are text
# what ``(...)`` after ``[text]`` may hold: no quote, or a quoted title last (an unclosed quote
# makes Python-Markdown read to the end of the paragraph, looking for the title's end)
_DESTINATION = re.compile(r"""\((?:[^"']*|[^"']*?\s(?:"[^"]*"|'[^']*')\s*)\)""")


def defuse(text: str, escapable: frozenset[str] = frozenset("\\`*_{}[]()>#+-.!")) -> str:
    """``text`` with a backslash before every character that would make Markdown scan to its end.

    Escaped (outside code spans): a ``[`` that no ``]`` closes, brackets nested more than
    ``_NEST`` deep, ``[text](`` whose ``(`` nothing closes, is nested too deep, or holds what is
    not a destination and title; and a run of backticks no run of the same length closes.
    """
    if "[" not in text and "`" not in text:
        return text
    escape: set[int] = set()
    code: list[tuple[int, int]] = []  # code spans: brackets inside are text
    runs = [(m.start(), m.end()) for m in re.finditer("`+", text)]
    following: dict[int, int] = {}
    after: list[int | None] = [None] * len(runs)
    for i in range(len(runs) - 1, -1, -1):
        size = runs[i][1] - runs[i][0]
        after[i] = following.get(size)
        following[size] = i
    i = 0
    while i < len(runs):
        start, end = runs[i]
        partner = after[i]
        if start > 0 and text[start - 1] == "\\":
            i += 1
        elif partner is None:
            escape.update(range(start, end))
            i += 1
        else:
            code.append((start, runs[partner][1]))
            i = partner + 1
    brackets: list[int] = []
    parens: list[int] = []
    closes: dict[int, int] = {}  # opening bracket or parenthesis -> its closing one
    depth: dict[int, int] = {}
    spans = iter(code)
    span = next(spans, None)
    pos = 0
    special = re.compile(r"[\\\[\]()]")
    while (found := special.search(text, pos)) is not None:
        at = found.start()
        while span is not None and span[1] <= at:
            span = next(spans, None)
        if span is not None and span[0] <= at:
            pos = span[1]
            continue
        char = text[at]
        pos = at + 1
        if char == "\\":
            pos = at + 2 if text[at + 1 : at + 2] in escapable else at + 1
        elif char in "[(":
            stack = brackets if char == "[" else parens
            stack.append(at)
            depth[at] = len(stack)
        else:
            stack = brackets if char == "]" else parens
            if stack:
                closes[stack.pop()] = at
    escape.update(brackets)  # never closed
    for start, end in closes.items():
        if text[start] != "[":
            continue
        paren = end + 1
        if depth[start] > _NEST or (
            paren < len(text)
            and text[paren] == "("
            and (
                depth[paren] > _NEST
                or paren not in closes
                or not _DESTINATION.fullmatch(text, paren, closes[paren] + 1)
            )
        ):
            escape.update((start, end))
    if not escape:
        return text
    out: list[str] = []
    last = 0
    for at in sorted(escape):
        out.append(text[last:at])
        out.append("\\")
        last = at
    out.append(text[last:])
    return "".join(out)


class _Defuse(Treeprocessor):
    """``defuse`` every text the inline patterns will read (code blocks are atomic: left alone)."""

    def run(self, root: etree.Element) -> None:
        escapable = frozenset(self.md.ESCAPED_CHARS)
        for el in root.iter():
            if el.text and not isinstance(el.text, AtomicString):
                el.text = defuse(el.text, escapable)
            if el.tail and not isinstance(el.tail, AtomicString):
                el.tail = defuse(el.tail, escapable)


class _SafeLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            for attr in ("href", "src"):
                value = el.get(attr)
                if value is None:
                    continue
                scheme = _SCHEME.match(value.strip())
                if scheme and scheme.group(1).lower() not in ("http", "https", "mailto"):
                    del el.attrib[attr]
            if el.tag == "img":  # images are not part of the format
                el.tag = "span"
                el.text = el.get("alt", "")
                el.attrib.clear()


def _make() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_Defuse(md), "lwsite_defuse", 25)  # before the inline patterns (20)
    md.treeprocessors.register(_SafeLinks(md), "lwsite_safe_links", 0)
    return md


_MD = _make()


def render(text: str | None) -> Markup:
    """Block Markdown to HTML."""
    if not text:
        return Markup("")
    _MD.reset()
    return Markup(_MD.convert(text))


def render_inline(text: str | None) -> Markup:
    """One-line Markdown to HTML without the wrapping paragraph."""
    html = str(render(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)
