"""Every word lwsite writes, one catalog per language.

Each language is one YAML file beside this module (``en.yml``, ``es.yml``), all with the
same keys; a portfolio may bring its own (``catalogs/<lang>.yml`` in the content folder),
which changes some of lwsite's wording or gives a language lwsite has no catalog for.
Templates and code ask for text by key and never hold the words themselves:

- in a template, ``{{ t("home.what_heading") }}``, with values for the catalog's
  ``{placeholders}`` (``t("school.grades", grades=school.grades)``) and ``count=n`` for a
  text with plural forms (``t("count.visit", count=n)``: the form is chosen by CLDR's
  plural rules for the language, from Babel);
- in Python, ``t.plain(...)`` for text that is not HTML (titles, calendars, charts).

A catalog value may mark ``**strong**``, ``*emphasised*`` and ```code``` words; placeholder values are
escaped unless they are ``Markup`` already (a link made in the template).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from babel.numbers import format_decimal
from markupsafe import Markup, escape

from ..render.dates import fmt_date, fmt_time, locale_of

_HERE = Path(__file__).resolve().parent
# CLDR's plural categories: a mapping whose keys are among these, "other" included, is a text
# with plural forms
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")
_STRONG = re.compile(r"\*\*(.+?)\*\*")
_EM = re.compile(r"\*(.+?)\*")
_CODE = re.compile(r"`(.+?)`")


def available() -> tuple[str, ...]:
    """The languages lwsite has a catalog for, sorted."""
    return tuple(sorted(p.stem for p in _HERE.glob("*.yml")))


@functools.cache
def table(lang: str) -> Mapping[str, Any]:
    """lwsite's catalog of a language (KeyError when there is none)."""
    path = _HERE / f"{lang}.yml"
    if not path.is_file():
        raise KeyError(lang)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path.name} must be a mapping of keys to text")
    return data


def is_plural(node: Any) -> bool:
    """A text with plural forms: {one: ..., other: ...}."""
    return isinstance(node, Mapping) and "other" in node and all(k in PLURAL_FORMS for k in node)


def keys(node: Any, prefix: str = "") -> Iterator[str]:
    """Every key path of a table ("letter.visits.one"), lists counted as leaves."""
    if isinstance(node, Mapping):
        for k, v in node.items():
            yield from keys(v, f"{prefix}.{k}" if prefix else str(k))
    else:
        yield prefix


def texts(node: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every text of a table with its key: a string, a list of strings, or a plural mapping."""
    if isinstance(node, Mapping) and not is_plural(node):
        for k, v in node.items():
            yield from texts(v, f"{prefix}.{k}" if prefix else str(k))
    else:
        yield prefix, node


def lookup(node: Any, key: str) -> Any:
    """The value at a dotted key, or KeyError."""
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            raise KeyError(key)
        node = node[part]
    return node


def merged(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with the texts of ``over`` in their place (a plural mapping is one text)."""
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, Mapping) and not is_plural(v) and isinstance(out.get(k), Mapping):
            out[k] = merged(out[k], v)
        else:
            out[k] = v
    return out


def catalog(lang: str, own: Mapping[str, Mapping[str, Any]] | None = None) -> Mapping[str, Any]:
    """A language's catalog: lwsite's, with the portfolio's own texts (``own[lang]``) over it."""
    try:
        base: Mapping[str, Any] = table(lang)
    except KeyError:
        base = table("en")  # a portfolio's complete catalog (checked when loaded) hides every text of it
    extra = (own or {}).get(lang)
    return merged(base, extra) if extra else base


def _strong(text: Markup) -> Markup:
    """A catalog text's marks as tags: **strong**, *em*, `code`."""
    html = _STRONG.sub(r"<strong>\1</strong>", str(text))
    return Markup(_CODE.sub(r"<code>\1</code>", _EM.sub(r"<em>\1</em>", html)))


def _unmarked(text: str) -> str:
    return _CODE.sub(r"\1", _EM.sub(r"\1", _STRONG.sub(r"\1", text)))


class Translator:
    """Looks text up in one language's catalog and fills in its {placeholders}.

    ``t(key, ...)`` is HTML (``Markup``): the catalog's text escaped, its ``**strong**`` and
    ``*em*`` marks made tags, each value escaped unless it is ``Markup``; ``t.plain(key, ...)``
    is the same text without any markup, for titles, calendars and charts.
    """

    def __init__(self, lang: str, own: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        self.lang = lang
        self.table = catalog(lang, own)
        self.locale = locale_of(lang)

    def raw(self, key: str) -> Any:
        try:
            return lookup(self.table, key)
        except KeyError:
            raise KeyError(f"no text '{key}' in the {self.lang} catalog") from None

    def _form(self, key: str, count: int | None, values: dict[str, object]) -> str:
        text = self.raw(key)
        if count is not None:
            if not is_plural(text):
                raise KeyError(f"the {self.lang} text '{key}' has no plural forms")
            form = self.locale.plural_form(count)
            text = text[form] if form in text else text["other"]
            values.setdefault("count", self.number(count))
        if not isinstance(text, str):
            raise KeyError(f"the {self.lang} text '{key}' is not one text")
        return text

    def __call__(self, key: str, count: int | None = None, **values: object) -> Markup:
        text = self._form(key, count, values)
        return _strong(Markup(escape(text))).format(**values)

    def plain(self, key: str, count: int | None = None, **values: object) -> str:
        text = self._form(key, count, values)
        text = _unmarked(text)
        return text.format(**{k: str(v) for k, v in values.items()})

    def has(self, key: str) -> bool:
        try:
            lookup(self.table, key)
        except KeyError:
            return False
        return True

    def items(self, key: str) -> list[Markup]:
        """A list of sentences (``letter.do``)."""
        return [_strong(Markup(escape(str(item)))) for item in self.raw(key)]

    # values in the language ------------------------------------------------------------
    def date(self, day: dt.date) -> str:
        """The day with its weekday, in CLDR's full style for the language (Babel)."""
        return fmt_date(day, "day", self.lang)

    def time(self, moment: dt.time) -> str:
        """The locale's short time (Babel): "8:45 AM", "8:45"."""
        return fmt_time(moment, self.lang)

    def number(self, value: int | float, digits: int | None = None) -> str:
        """A number in the locale's decimal format: "1,234", "2.4"; "2,4" in Spanish."""
        if digits is None:
            return format_decimal(value, locale=self.locale)
        pattern = "#,##0." + "0" * digits if digits else "#,##0"
        return format_decimal(value, format=pattern, locale=self.locale)

    def percent(self, lo: int, hi: int | None = None) -> str:
        """A whole percentage, or a range of them, as the locale writes one: "55%", "40–50%";
        "55 %" and "40–50 %" in Spanish (CLDR's percent pattern, from Babel)."""
        pattern = str(self.locale.percent_formats[None].pattern)  # "#,##0%", "#,##0 %"
        number = re.search(r"[#0][#0,.]*", pattern)
        assert number is not None, pattern
        shown = self.number(lo) if hi is None or hi == lo else f"{self.number(lo)}\u2013{self.number(hi)}"
        return pattern[: number.start()].replace("'", "") + shown + pattern[number.end() :].replace("'", "")

    def language_name(self, code: str) -> str:
        """The name of a language in this one, as Babel has it ("inglés"), else its own catalog's."""
        found = self.locale.languages.get(code.replace("-", "_")) or self.locale.languages.get(code.split("-")[0])
        if found:
            return str(found)
        try:
            return str(catalog(code)["language_name"])
        except KeyError:
            return code
