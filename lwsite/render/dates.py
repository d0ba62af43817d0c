"""Dates and times as pages print them: one style per language, from Babel's CLDR patterns.

Every date and time a page, calendar or feed prints comes from here, in the locale of the
page's language: CLDR's ``long`` date ("February 10, 2026", "10 de febrero de 2026"), its
``full`` date with the weekday, its ``medium`` date for chart labels ("Feb 10, 2026"), and its
``short`` time ("8:45 AM", "8:45"). No month names are written by hand.
"""

from __future__ import annotations

import datetime as dt
import functools

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, format_time

STYLES = {"long": "long", "short": "medium", "day": "full"}


@functools.cache
def locale_of(language: str) -> Locale:
    """The Babel locale of a language code ("en", "es", "pt-BR"); English when Babel has none."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def fmt_date(value: dt.date | None, style: str = "long", language: str = "en") -> str:
    """ "February 10, 2026"; "short": "Feb 10, 2026"; "day": "Tuesday, February 10, 2026"."""
    if value is None:
        return ""
    return format_date(value, STYLES[style], locale=locale_of(language))


def fmt_time(value: dt.time | None, language: str = "en") -> str:
    """ "8:45 AM" in English, "8:45" in Spanish: the locale's short time."""
    if value is None:
        return ""
    return format_time(value, "short", locale=locale_of(language))


def fmt_span(start: dt.time | None, end: dt.time | None, language: str = "en") -> str:
    """A span of time as the locale writes one: "8:00 – 8:30 AM", "8:00–8:30"."""
    if start is None or end is None:
        return fmt_time(start or end, language)
    locale = locale_of(language)
    skeleton = "hm" if "h" in str(locale.time_formats["short"].pattern) else "Hm"
    return format_interval(start, end, skeleton, locale=locale)
