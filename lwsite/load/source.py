"""Reading YAML content with line numbers (the text is read by text.py, Markdown by markdown.py).

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
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .text import CONTROL_RE, MAX_PARAGRAPH, SourceError, control_message, long_paragraph
from .yaml_errors import syntax_error

MAX_DEPTH = 20  # levels of YAML nesting (the format needs 6)


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


_ALIASES = (
    "YAML anchors and aliases (&name, *name) are not part of the content format: write each value "
    "out, or quote a value that starts with & or *"
)
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
                f"key '{key}' is repeated in one mapping (first on line {result.key_lines[key]}): keep only one",
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
        raise SourceError(loader._line(node), control_message(bad.group(), escaped=True))
    if len(value) > MAX_PARAGRAPH and long_paragraph(value) is not None:
        raise SourceError(
            loader._line(node),
            f"this value has a paragraph longer than {MAX_PARAGRAPH:,} "
            "characters: shorten it, or break it up with blank lines",
        )
    return value


_classes: tuple[type[Any], ...] = (_Loader,) if _Fast is _Loader else (_Loader, _Fast)
for _cls in _classes:
    _cls.add_constructor("tag:yaml.org,2002:str", _construct_str)
    _cls.add_constructor("tag:yaml.org,2002:map", _construct_map)
    _cls.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
    _cls.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


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
        raise SourceError(line, f"character U+{exc.character:04X} is not allowed in YAML: remove it") from None
    except yaml.MarkedYAMLError as exc:
        line, message = syntax_error(exc, line_of)
        lines = text.split("\n")
        here = lines[line - 1 - line_offset] if 0 <= line - 1 - line_offset < len(lines) else ""
        odd = next((ch for ch in "\x85\u2028\u2029" if ch in here), None)
        if odd is not None:
            message = (
                f"this line holds an invisible line break (U+{ord(odd):04X}, often pasted from a "
                "web page or word processor): delete it"
            )
        raise SourceError(line, f"YAML syntax error: {message}") from None
    except yaml.YAMLError as exc:
        raise SourceError(1 + line_offset, f"YAML error: {exc}: check this file's YAML") from None
    finally:
        if loader is not None:
            loader.dispose()


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


def to_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    return None
