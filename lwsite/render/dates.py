"""Dates and times as pages print them: one style, in one place."""

from __future__ import annotations

import datetime as dt


def fmt_date(value: dt.date | None, style: str = "long") -> str:
    """"10 February 2026"; "short": "10 Feb 2026"; "day": "Tuesday, 10 February 2026"."""
    if value is None:
        return ""
    if style == "short":
        return value.strftime("%-d %b %Y")
    return value.strftime("%A, %-d %B %Y") if style == "day" else value.strftime("%-d %B %Y")


def fmt_time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""
