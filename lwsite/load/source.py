"""Reading content files: UTF-8 text, YAML with line numbers, Markdown front matter.

YAML is parsed by PyYAML's safe loader, extended only to remember where each key and item
stands, to refuse repeated keys, and to turn impossible dates into located errors. The
parsing itself is done by libyaml when PyYAML has it (several times faster); a file that
fails there is parsed again by the pure-Python parser, whose errors say more precisely what
went wrong, so the messages never depend on which parser is installed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_FILE_BYTES = 256 * 1024  # a content file's largest size (the demo's largest is 2.3 KB)
MAX_DEPTH = 20  # levels of YAML nesting (the format needs 6)
# the longest paragraph of Markdown (lines without a blank line between; a list item, table row or
# heading starts a new one): Python-Markdown's inline patterns take time in proportion to the
# square of a paragraph's length (a 128,000-character paragraph of links took 9 seconds)
MAX_PARAGRAPH = 5000
_BLOCK_START_RE = re.compile(r"[ \t]*(?:[-*+][ \t]|[0-9]{1,9}[.)][ \t]|\||#)")
# characters no content file may hold: C0 and C1 controls but tab, line feed and NEL (U+0085, which
# YAML reads as a line break: reported as such), surrogates and the noncharacters U+FFFE, U+FFFF.
# They are invisible, and XML (the feed) and calendar files cannot hold them.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


class SourceError(Exception):
    """A file that cannot be read at all; ``line`` is 1-based in the whole file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class LMap(dict[str, Any]):
    """A YAML mapping that knows the line of itself, of each key, and each raw scalar.

    ``flow`` is true for a ``{...}`` mapping; ``commented`` holds the keys whose value is
    empty because a ``#`` after them starts a comment; ``typos`` the required keys that an
    unknown key most likely misspells (set by the field reader, so one typo is one error).
    """

    line: int
    key_lines: dict[str, int]
    raw: dict[str, str | None]
    flow: bool = False
    commented: frozenset[str] = frozenset()
    typos: frozenset[str] = frozenset()


class LList(list[Any]):
    """A YAML sequence that knows the line of itself and of each item."""

    line: int
    item_lines: list[int]
    raw: list[str | None]


def _raw(node: Any) -> str | None:
    """The source text of a plain (unquoted) scalar; None for anything else."""
    if isinstance(node, ScalarNode) and not node.style:  # plain: None in Python, "" in libyaml
        return str(node.value)
    return None


class _Lines:
    """1-based lines of the whole file for YAML marks.

    YAML also breaks lines at U+0085, U+2028 and U+2029, which editors do not: when the text
    holds any, lines are counted from the mark's offset instead.
    """

    def __init__(self, text: str, offset: int) -> None:
        self.offset = offset
        odd = any(ch in text for ch in "\x85\u2028\u2029")
        self.newlines = [i for i, ch in enumerate(text) if ch == "\n"] if odd else None

    def __call__(self, mark: Any) -> int:
        if self.newlines is None:
            return int(mark.line) + 1 + self.offset
        return bisect.bisect_left(self.newlines, mark.index) + 1 + self.offset


class _Located:
    """What both loaders add: the lines of the whole file, and the text (for comments)."""

    lines: _Lines
    text: str

    def _line(self, node: Any) -> int:
        return self.lines(node.start_mark)


def _control_message(char: str, escaped: bool = False) -> str:
    how = " (written as a backslash escape)" if escaped else ""
    return (f"the control character U+{ord(char):04X}{how} is not allowed in content files (it is invisible, "
            "and feeds and calendars cannot hold it): remove it")


class _Loader(_Located, yaml.SafeLoader):
    """The pure-Python loader, composing with a depth limit and without anchors or aliases."""

    depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent):
            raise SourceError(self.lines(event.start_mark), _ALIASES)
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor is not None:
            raise SourceError(self.lines(event.start_mark), _ALIASES)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise SourceError(self.lines(event.start_mark), _TOO_DEEP)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_ALIASES = ("YAML anchors and aliases (&name, *name) are not part of the content format: write each value "
            "out, or quote a value that starts with & or *")
_TOO_DEEP = f"the YAML is nested more than {MAX_DEPTH} levels deep here: the content format needs far fewer"


def _check_tree(root: Node, line_of: Callable[[Any], int]) -> None:
    """Refuse what libyaml composed but the format forbids: aliases, deep nesting, controls.

    Iterative, each node once: an alias is a node met twice.
    """
    seen: set[int] = set()
    stack: list[tuple[Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise SourceError(line_of(node.start_mark), _ALIASES)
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise SourceError(line_of(node.start_mark), _TOO_DEEP)
        if isinstance(node, MappingNode):
            stack.extend((part, depth + 1) for pair in node.value for part in pair)
        elif isinstance(node, SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)


# libyaml, when PyYAML was built with it (the wheels are); else the Python loader again
_Fast: type[Any] = type("_Fast", (_Located, yaml.CSafeLoader), {}) if yaml.__with_libyaml__ else _Loader


def _construct_map(loader: Any, node: MappingNode) -> LMap:
    loader.flatten_mapping(node)
    result = LMap()
    result.line = loader._line(node)
    result.key_lines = {}
    result.raw = {}
    result.flow = bool(node.flow_style)
    commented: set[str] = set()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = loader._line(key_node)
        if not isinstance(key, str):
            raise SourceError(line, f"key {key_node.value!r} must be text: quote it")
        if key in result:
            raise SourceError(
                line,
                f"key '{key}' is repeated in one mapping (first on line "
                f"{result.key_lines[key]}): keep only one",
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
        result.raw[key] = _raw(value_node)
        if result[key] is None and _comment_follows(loader, key_node):
            commented.add(key)
    result.commented = frozenset(commented)
    return result


def _comment_follows(loader: _Located, key_node: Any) -> bool:
    """True when the key's line goes on with ``: #...``: the value became a comment."""
    buffer = loader.text
    start = key_node.end_mark.index
    end = buffer.find("\n", start)
    return re.match(r"^\s*:\s+#", buffer[start : end if end >= 0 else len(buffer)]) is not None


def _construct_seq(loader: Any, node: SequenceNode) -> LList:
    result = LList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = loader._line(node)
    result.item_lines = [loader._line(child) for child in node.value]
    result.raw = [_raw(child) for child in node.value]
    return result


def _construct_timestamp(loader: Any, node: ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise SourceError(
            loader._line(node), f"'{node.value}' is not a real calendar date: check day and month"
        ) from None


def _construct_str(loader: Any, node: ScalarNode) -> str:
    value = str(loader.construct_scalar(node))
    bad = CONTROL_RE.search(value)
    if bad is not None:
        raise SourceError(loader._line(node), _control_message(bad.group(), escaped=True))
    if len(value) > MAX_PARAGRAPH and long_paragraph(value) is not None:
        raise SourceError(loader._line(node), f"this value has a paragraph longer than {MAX_PARAGRAPH:,} "
                          "characters: shorten it, or break it up with blank lines")
    return value


def long_paragraph(text: str) -> int | None:
    """The index of the first line of a paragraph longer than ``MAX_PARAGRAPH``, if any."""
    start, size = 0, 0
    for i, line in enumerate(text.split("\n")):
        if not line.strip() or _BLOCK_START_RE.match(line):
            start, size = i, 0
        size += len(line) + 1
        if size > MAX_PARAGRAPH + 1:
            return start
    return None


def check_paragraphs(body: str, first_line: int) -> None:
    """Refuse a Markdown body with a paragraph longer than ``MAX_PARAGRAPH`` (``first_line``: the body's)."""
    if len(body) > MAX_PARAGRAPH:
        start = long_paragraph(body)
        if start is not None:
            raise SourceError(first_line + start, f"this paragraph is longer than {MAX_PARAGRAPH:,} characters: "
                              "break it up with blank lines (or shorten it)")


_classes: tuple[type[Any], ...] = (_Loader,) if _Fast is _Loader else (_Loader, _Fast)
for _cls in _classes:
    _cls.add_constructor("tag:yaml.org,2002:str", _construct_str)
    _cls.add_constructor("tag:yaml.org,2002:map", _construct_map)
    _cls.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
    _cls.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def read_text(path: Path) -> str:
    """A content file as text: UTF-8, with a BOM and CRLF line endings accepted.

    Refused with the line: a file over ``MAX_FILE_BYTES``, bytes that are not UTF-8, and
    control characters (``CONTROL_RE``).
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise SourceError(1, f"this file cannot be read ({exc.strerror}): make it readable") from None
    if len(data) > MAX_FILE_BYTES:
        raise SourceError(1, f"this file is larger than {MAX_FILE_BYTES // 1024} KB, the most a content file "
                          "may hold: split it, or remove what does not belong in it")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            line, f"this file is not UTF-8 text (byte 0x{data[exc.start]:02X} on this line): save it as UTF-8"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = CONTROL_RE.search(text)
    if bad is not None:
        raise SourceError(text.count("\n", 0, bad.start()) + 1, _control_message(bad.group()))
    return text


def compose(text: str, line_of: _Lines) -> Node | None:
    """The node tree of YAML text, checked by ``_check_tree``; raises SourceError or YAMLError."""
    loader = _Fast(text) if line_of.newlines is None else _Loader(text)
    loader.lines, loader.text = line_of, text
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_tree(node, line_of)
        return node
    finally:
        loader.dispose()


def parse_yaml(text: str, line_offset: int = 0) -> Any:
    """Parse YAML text; errors carry the 1-based line in the whole file."""
    line_of = _Lines(text, line_offset)
    # libyaml counts lines as editors do only without YAML's rarer line breaks
    # (and without '&', which may start an anchor: libyaml's nodes do not say, the Python parser's do)
    if _Fast is not _Loader and line_of.newlines is None and "&" not in text:
        fast = _Fast(text)
        fast.lines, fast.text = line_of, text
        try:
            node = fast.get_single_node()
            if node is None:
                return None
            _check_tree(node, line_of)
            return fast.construct_document(node)
        except (SourceError, yaml.YAMLError):
            pass  # parsed again below, for the message the Python parser gives
        finally:
            fast.dispose()
    loader = None
    try:
        loader = _Loader(text)
        loader.lines, loader.text = line_of, text
        return loader.get_single_data()
    except SourceError:
        raise
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 + line_offset
        raise SourceError(
            line, f"character U+{exc.character:04X} is not allowed in YAML: remove it"
        ) from None
    except yaml.MarkedYAMLError as exc:
        line, message = _syntax_error(exc, line_of)
        lines = text.split("\n")
        here = lines[line - 1 - line_offset] if 0 <= line - 1 - line_offset < len(lines) else ""
        odd = next((ch for ch in "\x85\u2028\u2029" if ch in here), None)
        if odd is not None:
            message = (f"this line holds an invisible line break (U+{ord(odd):04X}, often pasted from a "
                       "web page or word processor): delete it")
        raise SourceError(line, f"YAML syntax error: {message}") from None
    except yaml.YAMLError as exc:
        raise SourceError(1 + line_offset, f"YAML error: {exc}: check this file's YAML") from None
    finally:
        if loader is not None:
            loader.dispose()


class _Start:
    """A mark at the start of the parsed text."""

    line = 0
    index = 0


def _syntax_error(exc: yaml.MarkedYAMLError, line_of: Callable[[Any], int]) -> tuple[int, str]:
    """The line (1-based, in the whole file) and a message saying what to do."""
    problem = exc.problem or "invalid YAML"
    context = exc.context or ""
    pmark = exc.problem_mark or exc.context_mark
    pline = line_of(pmark) if pmark else line_of(_Start())
    cline = line_of(exc.context_mark) if exc.context_mark else pline
    if "'\\t'" in problem:
        return pline, "a tab character is used for indentation: indent with spaces"
    if context in ("while parsing a flow sequence", "while parsing a flow mapping"):
        opener, closer = ("[", "]") if "sequence" in context else ("{", "}")
        later = f" ({problem}, line {pline})" if pline != cline else f" ({problem})"
        return cline, (
            f"the '{opener}' on this line is not closed{later}: close it with '{closer}', "
            "or quote a value that contains , : # [ ] { }"
        )
    if context.startswith("while scanning a quoted scalar"):
        return cline, "the quote that opens a value on this line is never closed: close it"
    if context.startswith("while scanning a double-quoted scalar") and "escape" in problem:
        return pline, f"{problem} (a backslash in double quotes starts an escape): use single quotes"
    if context.startswith("while scanning a simple key"):
        return cline, "this line is not 'key: value': add the ':', or indent it under the key it continues"
    if problem == "mapping values are not allowed here":
        return pline, (
            "a ': ' inside a value, or a line indented too far: quote the value (\"...\") "
            "or fix the indentation"
        )
    if problem.startswith("expected <block end>") and "<scalar>" in problem:
        return pline, (
            "text follows a quoted or bracketed value: quote the whole value (inside '...' write '' "
            "for an apostrophe, inside \"...\" write \\\")"
        )
    if problem.startswith("expected <block end>") and problem[-2:] in ("}'", "]'"):
        return pline, f"a closing {problem[-2]} without an opening one: remove it"
    if problem.startswith("expected <block end>"):
        return pline, (
            "this line's indentation does not match the lines above it: indent the keys of one "
            "mapping (and the items of one list) equally, with spaces"
        )
    if problem == "sequence entries are not allowed here":
        return pline, "'- ' starts a list item here: quote a value that starts with '- ', or fix the indentation"
    if problem.startswith("found undefined alias"):
        return pline, "a value that starts with '*' must be quoted"
    if "cannot start any token" in problem:
        char = re.search(r"character (.+?) that", problem)
        return pline, f"a value cannot start with {char.group(1) if char else 'this character'}: quote it"
    if context.startswith("expected a single document"):
        return pline, "a YAML file holds one document: remove this '---' line (and any after it)"
    if problem.startswith("could not determine a constructor"):
        return pline, "a value that starts with '!' must be quoted"
    return pline, f"{problem}: check the indentation (spaces only), quotes and brackets here and above"


def escaped_strings(text: str, front_matter: bool = False) -> list[tuple[int, str, str]]:
    """(line, value, source text) of every double-quoted YAML string with a backslash escape.

    Such a value reads differently from its source text (``"\\x6a"`` is ``j``), so checks
    that scan the raw text scan these values too. Of a Markdown file, only the front matter
    is YAML. Unparsable YAML gives nothing: its syntax error is reported elsewhere.
    """
    if "\\" not in text:
        return []  # no backslash, no escape
    offset = 0
    if front_matter:
        lines = text.split("\n")
        if lines[0] != "---" or "---" not in lines[1:]:
            return []
        text, offset = "\n".join(lines[1 : lines.index("---", 1)]), 1
    line_of = _Lines(text, offset)
    try:
        root = compose(text, line_of)
    except (SourceError, yaml.YAMLError):
        return []
    found: list[tuple[int, str, str]] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, ScalarNode) and node.style == '"':
            source = text[node.start_mark.index : node.end_mark.index]
            if "\\" in source:
                found.append((line_of(node.start_mark), str(node.value), source))
    return sorted(found)


@dataclass(frozen=True)
class MarkdownFile:
    """A Markdown file split into front matter and body; ``body_line`` is the body's first line."""

    meta: LMap
    meta_line: int
    body: str
    body_line: int


def split_front_matter(text: str) -> MarkdownFile:
    lines = text.split("\n")
    if lines[0].strip() == "---" and lines[0] != "---":
        raise SourceError(1, "the first line must be exactly --- (no spaces around it): remove the spaces")
    if lines[0] != "---":
        raise SourceError(1, "the file must start with front matter: a first line that is exactly ---")
    try:
        end = lines.index("---", 1)
    except ValueError:
        near = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), None)
        if near is not None:
            raise SourceError(
                near + 1, "this line closes the front matter only if it is exactly --- "
                "(no spaces around it): remove the spaces"
            ) from None
        raise SourceError(
            1, "front matter is not closed: add a line that is exactly --- after it"
        ) from None
    meta = parse_yaml("\n".join(lines[1:end]), line_offset=1)
    if meta is None:
        meta = LMap()
        meta.line, meta.key_lines, meta.raw = 2, {}, {}
    if not isinstance(meta, LMap):
        raise SourceError(2, "front matter must be a mapping of keys to values")
    body = "\n".join(lines[end + 1 :])
    check_paragraphs(body, end + 2)
    return MarkdownFile(meta=meta, meta_line=2, body=body, body_line=end + 2)


def to_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    return None
