"""The text of generated family letters, one translation table per language.

Each language is one YAML file beside this module (``en.yml``, ``es.yml``), all with the
same keys; a template asks for text by key (``t("letter.greeting")``) and never holds
the words itself, so a new language is a new table, not a copied template.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup, escape

from ..render.dates import fmt_date, fmt_time

_HERE = Path(__file__).resolve().parent


def available() -> tuple[str, ...]:
    """The languages that have a table, sorted."""
    return tuple(sorted(p.stem for p in _HERE.glob("*.yml")))


@functools.cache
def table(lang: str) -> Mapping[str, Any]:
    """The translation table of a language (KeyError when there is none)."""
    path = _HERE / f"{lang}.yml"
    if not path.is_file():
        raise KeyError(lang)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path.name} must be a mapping of keys to text")
    return data


def keys(node: Any, prefix: str = "") -> Iterator[str]:
    """Every key path of a table ("letter.visits.one"), lists counted as leaves."""
    if isinstance(node, Mapping):
        for k, v in node.items():
            yield from keys(v, f"{prefix}.{k}" if prefix else str(k))
    else:
        yield prefix


class Translator:
    """Looks text up in one language's table and fills in its {placeholders}.

    Placeholder values are escaped unless they are already ``Markup`` (a link made in the
    template), so the result is safe to place in HTML as is.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.table = table(lang)

    def raw(self, key: str) -> Any:
        node: Any = self.table
        for part in key.split("."):
            if not isinstance(node, Mapping) or part not in node:
                raise KeyError(f"no text '{key}' in the {self.lang} translation table")
            node = node[part]
        return node

    def __call__(self, key: str, count: int | None = None, **values: object) -> Markup:
        text = self.raw(key)
        if count is not None:
            text = text["one" if count == 1 else "other"]
            values.setdefault("count", count)
        return Markup(escape(str(text))).format(**values)

    def items(self, key: str) -> list[Markup]:
        """A list of sentences (``letter.do``)."""
        return [Markup(escape(str(item))) for item in self.raw(key)]

    def date(self, day: dt.date) -> str:
        """The day with its weekday, in CLDR's full style for the language (Babel)."""
        return fmt_date(day, "day", self.lang)

    def time(self, moment: dt.time) -> str:
        """The locale's short time (Babel): "8:45 AM", "8:45"."""
        return fmt_time(moment, self.lang)
