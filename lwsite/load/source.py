"""Reading content files: UTF-8 text, YAML with line numbers, Markdown front matter.

YAML is parsed by PyYAML's safe loader, extended only to remember where each key and item
stands, to refuse repeated keys, and to turn impossible dates into located errors.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode


class SourceError(Exception):
    """A file that cannot be read at all; ``line`` is 1-based in the whole file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class LMap(dict[str, Any]):
    """A YAML mapping that knows the line of itself, of each key, and each raw scalar."""

    line: int
    key_lines: dict[str, int]
    raw: dict[str, str | None]


class LList(list[Any]):
    """A YAML sequence that knows the line of itself and of each item."""

    line: int
    item_lines: list[int]
    raw: list[str | None]


def _raw(node: Any) -> str | None:
    """The source text of a plain (unquoted) scalar; None for anything else."""
    if isinstance(node, ScalarNode) and node.style is None:
        return str(node.value)
    return None


class _Loader(yaml.SafeLoader):
    line_offset = 0

    def _line(self, node: Any) -> int:
        return int(node.start_mark.line) + 1 + self.line_offset


def _construct_map(loader: _Loader, node: MappingNode) -> LMap:
    loader.flatten_mapping(node)
    result = LMap()
    result.line = loader._line(node)
    result.key_lines = {}
    result.raw = {}
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
    return result


def _construct_seq(loader: _Loader, node: SequenceNode) -> LList:
    result = LList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = loader._line(node)
    result.item_lines = [loader._line(child) for child in node.value]
    result.raw = [_raw(child) for child in node.value]
    return result


def _construct_timestamp(loader: _Loader, node: ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise SourceError(
            loader._line(node), f"'{node.value}' is not a real calendar date: check day and month"
        ) from None


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def read_text(path: Path) -> str:
    """A content file as text: UTF-8, with a BOM and CRLF line endings accepted."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(line, "this file is not UTF-8 text: save it as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_yaml(text: str, line_offset: int = 0) -> Any:
    """Parse YAML text; errors carry the 1-based line in the whole file."""
    loader = _Loader(text)
    loader.line_offset = line_offset
    try:
        return loader.get_single_data()
    except SourceError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        problem = exc.problem or "invalid YAML"
        if "\t" in problem or "'\\t'" in problem:
            problem = "a tab character is used for indentation: indent with spaces"
        raise SourceError(line, f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:
        raise SourceError(1 + line_offset, f"YAML error: {exc}") from None
    finally:
        loader.dispose()


@dataclass(frozen=True)
class MarkdownFile:
    """A Markdown file split into front matter and body; ``body_line`` is the body's first line."""

    meta: LMap
    meta_line: int
    body: str
    body_line: int


def split_front_matter(text: str) -> MarkdownFile:
    lines = text.split("\n")
    if not lines or lines[0] != "---":
        raise SourceError(1, "the file must start with front matter: a first line that is exactly ---")
    try:
        end = lines.index("---", 1)
    except ValueError:
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
    return MarkdownFile(meta=meta, meta_line=2, body=body, body_line=end + 2)


def to_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    return None
