"""Values people type, outside the content files: one parser each, shared by every shell.

Each parser returns the value, or raises ``Invalid`` with the message a user reads. The
command line turns these into its usage errors; the MkDocs plugin checks a school year with
``valid_year``. Content files are read by ``lwsite.load``, with the same patterns.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .load.fields import ID_RE, TIME_RE, yaml_reads_as_text

SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]*")  # used with fullmatch, as every id pattern
YEAR_RE = re.compile(r"[0-9]{4}-[0-9]{2}")


class Invalid(ValueError):
    """A value typed by a user that is not what it must be: the message says what it must be."""


def valid_year(value: str) -> bool:
    """A school year such as 2025-26: two years that follow each other."""
    return bool(YEAR_RE.fullmatch(value)) and (int(value[:4]) + 1) % 100 == int(value[5:])


def school_year(value: str) -> str:
    if not valid_year(value):
        raise Invalid(f"'{value}' is not a school year such as 2025-26")
    return value


def date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Invalid(f"'{value}' is not a date YYYY-MM-DD") from None


def time(value: str) -> dt.time:
    match = TIME_RE.fullmatch(value)
    if not match:
        raise Invalid(f"'{value}' is not a 24-hour time HH:MM")
    return dt.time(int(match.group(1)), int(match.group(2)))


def ident(value: str) -> str:
    if not ID_RE.fullmatch(value) or not yaml_reads_as_text(value):
        raise Invalid(f"'{value}' is not an id: lowercase letters, digits and hyphens")
    return value


def slug(value: str) -> str:
    if not SLUG_RE.fullmatch(value):
        raise Invalid(f"'{value}' is not a slug: lowercase letters, digits and hyphens")
    return value


def groups(value: str) -> list[str]:
    found = [g.strip() for g in value.split(",")]
    if not all(found) or len(set(found)) != len(found):
        raise Invalid(f"'{value}' is not a list of distinct groups such as A,B")
    return found


def count(lo: int, hi: int) -> Callable[[str], int]:
    """A whole number from ``lo`` to ``hi``."""

    def parse(value: str) -> int:
        if not value.isdigit() or not lo <= int(value) <= hi:
            raise Invalid(f"'{value}' must be a whole number from {lo} to {hi}")
        return int(value)

    return parse


def rating(value: str) -> str:
    """CHARACTERISTIC=COLUMN, both parts given."""
    cid, sep, column = value.partition("=")
    if not sep or not cid.strip() or not column.strip():
        raise Invalid(f"'{value}' must be CHARACTERISTIC=COLUMN")
    return value
