"""A Markdown content file: its YAML front matter (with the lines of the whole file) and its body."""

from __future__ import annotations

from dataclasses import dataclass

from .source import LMap, parse_yaml
from .text import SourceError, check_paragraphs


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
                near + 1,
                "this line closes the front matter only if it is exactly --- (no spaces around it): remove the spaces",
            ) from None
        raise SourceError(1, "front matter is not closed: add a line that is exactly --- after it") from None
    meta = parse_yaml("\n".join(lines[1:end]), line_offset=1)
    if meta is None:
        meta = LMap()
        meta.line, meta.key_lines, meta.raw = 2, {}, {}
    if not isinstance(meta, LMap):
        raise SourceError(2, "front matter must be a mapping of keys to values")
    body = "\n".join(lines[end + 1 :])
    check_paragraphs(body, end + 2)
    return MarkdownFile(meta=meta, meta_line=2, body=body, body_line=end + 2)
