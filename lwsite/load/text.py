"""A content file's text: UTF-8 within a size limit, no control characters, no overlong paragraph.

``SourceError`` is the located refusal of a file that cannot be read, here and in source.py (YAML).
"""

from __future__ import annotations

import re
from pathlib import Path

MAX_FILE_BYTES = 256 * 1024  # a content file's largest size (the demo's largest is 2.3 KB)
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


def control_message(char: str, escaped: bool = False) -> str:
    how = " (written as a backslash escape)" if escaped else ""
    return (
        f"the control character U+{ord(char):04X}{how} is not allowed in content files (it is invisible, "
        "and feeds and calendars cannot hold it): remove it"
    )


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
            raise SourceError(
                first_line + start,
                f"this paragraph is longer than {MAX_PARAGRAPH:,} characters: "
                "break it up with blank lines (or shorten it)",
            )


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
        raise SourceError(
            1,
            f"this file is larger than {MAX_FILE_BYTES // 1024} KB, the most a content file "
            "may hold: split it, or remove what does not belong in it",
        )
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
        raise SourceError(text.count("\n", 0, bad.start()) + 1, control_message(bad.group()))
    return text
