"""Typed, located reads of YAML values, with errors that say what to do.

YAML 1.1 retypes unquoted values (``no`` becomes false, ``8:45`` becomes 525); every reader
here explains that when it is the likely cause of a wrong type.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from typing import Any, TypeVar

import yaml

from ..errors import Problems
from .keys import Keys
from .source import LList, LMap

Word = TypeVar("Word", bound=str)  # a word of a closed vocabulary

ID_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")  # every pattern here is used with fullmatch
LEVEL_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,15}")
TIME_RE = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
NON_TEXT_IDS = "an id may not be a word YAML reads as non-text (yes, no, on, off, null, a number, a date)"


def _describe(value: Any) -> str:
    if value is None:
        return "null (empty)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "something else"


def retype_hint(key: str, value: Any, raw: str | None, commented: bool = False) -> str:
    """Why a value is not text, and how to fix it."""
    if value is None and commented:
        return f"'{key}' is empty because ' #' starts a comment: quote a value that contains #"
    if value is None:
        return f"'{key}' is empty: give it a value or remove the key"
    if isinstance(value, list | dict):
        return f"'{key}' must be text, not {_describe(value)}"
    shown = raw if raw is not None else str(value)
    if raw is not None and ":" in raw and isinstance(value, int):
        return f'`{key}: {shown}` was read as {_describe(value)} (YAML reads h:mm as base 60): quote it as "HH:MM"'
    return f'`{key}: {shown}` was read as {_describe(value)}: quote it ("{shown}")'


def yaml_reads_as_text(word: str) -> bool:
    """False for words YAML would read as a boolean, number, date or null."""
    try:
        return isinstance(yaml.safe_load(word), str)
    except yaml.YAMLError:
        return True


class Reader:
    """Reads the fields of one file, reporting problems against its path."""

    def __init__(self, problems: Problems, path: str, languages: tuple[str, ...] = ("en",)) -> None:
        self.problems = problems
        self.path = path
        self.ok = True
        self.languages = languages  # the portfolio's languages, the site's own first

    def error(self, line: int, message: str) -> None:
        self.ok = False
        self.problems.error(self.path, line, message)

    def warn(self, line: int, message: str) -> None:
        self.problems.warn(self.path, line, message)

    @staticmethod
    def line(m: LMap, key: str) -> int:
        return m.key_lines.get(key, getattr(m, "line", 1))

    def mapping(self, value: Any, line: int, what: str) -> LMap | None:
        if isinstance(value, LMap):
            return value
        self.error(
            line, f"{what} must be a mapping of keys to values (indented 'key: value' lines), not {_describe(value)}"
        )
        return None

    def keys(self, m: LMap, table: Keys) -> bool:
        """Report unknown and missing keys; a misspelt required key is one error, not two."""
        good = self.unknown(m, table)
        where = f" in {table.what}" if table.what else ""
        for key in table.required:
            if key not in m:
                good = False
                self.missing(m, key, where)
        return good

    def unknown(self, m: LMap, table: Keys) -> bool:
        """Report the keys ``table`` does not declare, with the declared one meant when it is close.

        The required keys so misspelt are kept in ``m.typos``: their absence is not reported again.
        """
        allowed, required = table.allowed, table.required
        where = f" in {table.what}" if table.what else ""
        good = True
        typos: set[str] = set()
        for key in m:
            if key not in allowed:
                good = False
                unused = [a for a in allowed if a not in m]
                close = [a for a in unused if a.replace("_", "") == key.replace("_", "").lower()]
                close = close or difflib.get_close_matches(key.lower(), unused, n=1, cutoff=0.7)
                if close:
                    hint = f"did you mean '{close[0]}'?"
                    if close[0] in required:
                        typos.add(close[0])
                elif table.private:
                    hint = "remove it"
                elif m.flow and m[key] is None:
                    hint = "a ',' ends a value inside {...}: quote the value that contains it"
                else:
                    hint = "allowed: " + ", ".join(allowed)
                if table.private:  # the key may be a name: never quote it
                    listed = ", ".join(allowed[:-1]) + " and " + allowed[-1] if len(allowed) > 1 else allowed[0]
                    self.error(self.line(m, key), f"{table.what} has a key other than {listed}: {hint}")
                else:
                    self.error(self.line(m, key), f"unknown key '{key}'{where}: {hint}")
        m.typos = frozenset(typos)
        return good

    def values(self, m: LMap, table: Keys) -> dict[str, Any]:
        """Every declared key's value, read by its kind (None, or empty, when absent or wrong)."""
        return {key: kind.read(self, m, key) for key, kind in table.fields.items()}

    def read(self, m: LMap | None, table: Keys) -> dict[str, Any] | None:
        """An item's values, or None when it is not a mapping or its keys are wrong (reported)."""
        if m is None or not self.keys(m, table):
            return None
        return self.values(m, table)

    def missing(self, m: LMap, key: str, where: str = "") -> None:
        """A required key is absent: an error, unless an unknown key already misspells it."""
        if key not in m.typos:
            self.error(m.line, f"'{key}' is required{where}: add it")

    # scalar readers ----------------------------------------------------------------------
    def text(self, m: LMap, key: str, required: bool = False) -> str | None:
        if key not in m:
            if required:
                self.missing(m, key)
            return None
        value = m[key]
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, str):
            self.error(self.line(m, key), f"'{key}' is empty: give it a value or remove the key")
            return None
        self.error(self.line(m, key), retype_hint(key, value, m.raw.get(key), key in m.commented))
        return None

    def ident(self, m: LMap, key: str, required: bool = False, what: str = "id") -> str | None:
        value = m.get(key)
        if value is not None and not isinstance(value, str | list | dict):
            shown = m.raw.get(key) or str(value)
            self.error(
                self.line(m, key),
                f"`{key}: {shown}` was read as {_describe(value)}: {NON_TEXT_IDS}: choose another {what}",
            )
            return None
        value = self.text(m, key, required)
        if value is None:
            return None
        if not self.check_id(value, self.line(m, key), what):
            return None
        return value

    def check_id(self, value: str, line: int, what: str = "id") -> bool:
        if not ID_RE.fullmatch(value):
            self.error(
                line,
                f"{what} '{value}' must be lowercase letters, digits and hyphens "
                "(starting with a letter or digit, at most 64)",
            )
            return False
        if not yaml_reads_as_text(value):
            self.error(
                line,
                f"{what} '{value}' is a word YAML reads as {_describe(yaml.safe_load(value))}: "
                f"{NON_TEXT_IDS}: choose another",
            )
            return False
        return True

    def integer(self, m: LMap, key: str, lo: int, hi: int | None = None, required: bool = False) -> int | None:
        if key not in m:
            if required:
                self.missing(m, key)
            return None
        value = m[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(
                self.line(m, key),
                f"'{key}' must be a whole number without quotes or leading zero, not {m.raw.get(key) or repr(value)}",
            )
            return None
        raw = m.raw.get(key)
        if raw is not None and (not raw.isdigit() or (len(raw) > 1 and raw.startswith("0"))):
            self.error(self.line(m, key), f"'{key}: {raw}' must be written as a plain number")
            return None
        if value < lo or (hi is not None and value > hi):
            bound = f"from {lo} to {hi}" if hi is not None else f"at least {lo}"
            self.error(self.line(m, key), f"'{key}' must be {bound}, not {value}")
            return None
        return value

    def boolean(self, m: LMap, key: str, default: bool) -> bool:
        if key not in m:
            return default
        value, raw = m[key], m.raw.get(key)
        if isinstance(value, bool) and raw in ("true", "false"):
            return value
        self.error(self.line(m, key), f"'{key}' must be exactly true or false, not {raw or value!r}")
        return default

    def date(self, m: LMap, key: str, required: bool = False) -> dt.date | None:
        if key not in m:
            if required:
                self.missing(m, key)
            return None
        value = m[key]
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            self.error(self.line(m, key), f"'{key}' must be an unquoted date YYYY-MM-DD")
        else:
            self.error(self.line(m, key), f"'{key}' must be a date YYYY-MM-DD, not {value!r}")
        return None

    def time(self, m: LMap, key: str, required: bool = False) -> dt.time | None:
        if key not in m:
            if required:
                self.missing(m, key)
            return None
        value = m[key]
        if not isinstance(value, str):
            self.error(self.line(m, key), retype_hint(key, value, m.raw.get(key)))
            return None
        match = TIME_RE.fullmatch(value)
        if not match:
            self.error(self.line(m, key), f"'{key}' must be a 24-hour time \"HH:MM\", not '{value}'")
            return None
        return dt.time(int(match.group(1)), int(match.group(2)))

    def choice(self, m: LMap, key: str, options: Iterable[Word], required: bool = False) -> Word | None:
        """One of ``options``, typed as they are (a model's Literal: ``m.STATUSES`` gives a ``Status``)."""
        options = tuple(options)
        value = self.text(m, key, required)
        if value is None:
            return None
        if value not in options:
            self.error(self.line(m, key), f"'{key}' must be one of {', '.join(options)}, not '{value}'")
            return None
        return options[options.index(value)]

    def text_list(self, m: LMap, key: str, required: bool = False) -> tuple[str, ...]:
        items = self.list(m, key, required)
        out: list[str] = []
        for i, item in enumerate(items):
            if isinstance(item, str) and item.strip():
                out.append(item)
            else:
                self.error(items.item_lines[i], retype_hint(f"{key} item", item, items.raw[i]))
        return tuple(out)

    # texts in more than one language -----------------------------------------------------
    def translated(self, m: LMap, key: str, required: bool = False) -> tuple[str | None, dict[str, str]]:
        """A text that may be given per language (``key: {en: ..., es: ...}``): the site's
        language's text, and the others by language."""
        value = m.get(key)
        if isinstance(value, LMap):
            return self.per_language(value, key)
        return self.text(m, key, required), {}

    def per_language(self, value: LMap, what: str) -> tuple[str | None, dict[str, str]]:
        site = self.languages[0]
        out: dict[str, str] = {}
        for lang in value:
            if lang not in self.languages:
                self.error(
                    self.line(value, lang),
                    f"'{what}' gives a text in '{lang}', which is not one of the "
                    f"portfolio's languages ({', '.join(self.languages)}): add it to languages in "
                    "portfolio.yml, or remove this text",
                )
                continue
            text = self.text(value, lang)
            if text is not None:
                out[lang] = text
        if site not in value:
            self.error(
                value.line,
                f"'{what}' has no text in the site's language ({site}): add '{site}: ...' "
                "(the other languages are translations of it)",
            )
            return None, out
        return out.pop(site, None), out

    def translated_list(
        self, m: LMap, key: str, required: bool = False
    ) -> tuple[tuple[str, ...], dict[str, tuple[str | None, ...]]]:
        """A list of texts whose items may each be given per language (``- {en: ..., es: ...}``):
        the site's language's list, and per other language each item's text (None: not given)."""
        items = self.list(m, key, required)
        texts: list[str] = []
        others: dict[str, list[str | None]] = {lang: [] for lang in self.languages[1:]}
        for i, item in enumerate(items):
            if isinstance(item, LMap):
                text, given = self.per_language(item, f"{key} item")
            elif isinstance(item, str) and item.strip():
                text, given = item, {}
            else:
                self.error(items.item_lines[i], retype_hint(f"{key} item", item, items.raw[i]))
                continue
            if text is None:
                continue
            texts.append(text)
            for lang, found in others.items():
                found.append(given.get(lang))
        return tuple(texts), {lang: tuple(found) for lang, found in others.items() if any(found)}

    def list(self, m: LMap, key: str, required: bool = False) -> LList:
        empty = LList()
        empty.line, empty.item_lines, empty.raw = self.line(m, key), [], []
        if key not in m:
            if required:
                self.missing(m, key)
            return empty
        value = m[key]
        if isinstance(value, LList):
            return value
        self.error(self.line(m, key), f"'{key}' must be a list, not {_describe(value)}")
        return empty
