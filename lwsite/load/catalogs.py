"""``catalogs/<lang>.yml``: the portfolio's own words for a language, checked against lwsite's."""

from __future__ import annotations

import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import i18n
from .context import Context
from .fields import Reader
from .files import FOLDER
from .source import LMap


class CatalogFiles(Context):
    """Reads catalogs/ and each catalog file."""

    def catalog_files(self) -> dict[str, Path]:
        folder = self.root / "catalogs"
        if not self.is_dir(folder):
            return {}
        return {p.stem: p for p in self.children(folder) if p.suffix == ".yml" and self.is_file(p)}

    def catalogs(self, folder: Path) -> dict[str, Mapping[str, Any]]:
        """catalogs/<lang>.yml: the portfolio's own words for a language, over lwsite's (or all of
        them, for a language lwsite has no catalog of)."""
        out: dict[str, Mapping[str, Any]] = {}
        if self.tree.kind(folder) is None or not self.need(folder, FOLDER):
            return out
        english = i18n.table("en")
        for path in self.children(folder):
            if path.suffix != ".yml" or not self.is_file(path):
                self.stray(path, "catalogs/", "<language>.yml files, such as fr.yml")
                continue
            lang = path.stem
            r = self.reader(path)
            if lang not in self.languages:
                r.error(
                    1,
                    f"this is a catalog for '{lang}', which is not one of the portfolio's languages "
                    f"({', '.join(self.languages)}): add it to languages in portfolio.yml, or remove this file",
                )
                continue
            data = self.yaml_file(path)
            doc = r.mapping(data, 1, "a catalog") if data is not None else None
            if doc is None:
                continue
            given = self.catalog_texts(r, doc, english, "")
            if lang not in i18n.available():
                missing = [k for k, _ in i18n.texts(english) if k not in given]
                if missing:
                    r.error(
                        1,
                        f"{len(missing)} of lwsite's {len(list(i18n.texts(english)))} texts are missing "
                        f"(the first: {', '.join(missing[:3])}): lwsite has no catalog of its own in '{lang}', "
                        "so this one must give every text of lwsite's i18n/en.yml",
                    )
            if r.ok:
                out[lang] = doc
        return out

    def catalog_words(self, r: Reader, value: Any, line: int) -> None:
        """words: the short texts records repeat (roles, owners, subjects), each with its translation."""
        words = r.mapping(value, line, "words (each repeated text, then its translation)")
        for word in words or {}:
            if not isinstance(words[word], str) or not words[word].strip():  # type: ignore[index]
                r.error(r.line(words, word), f"words: '{word}' needs its translation, as text")  # type: ignore[arg-type]

    def catalog_texts(self, r: Reader, doc: LMap, english: Any, prefix: str) -> set[str]:
        """Check a catalog's texts against lwsite's English one; the keys it gives."""
        given: set[str] = set()
        for k, value in doc.items():
            key = f"{prefix}.{k}" if prefix else str(k)
            line = r.line(doc, k)
            if key == "words":
                self.catalog_words(r, value, line)
                continue
            base = english.get(k) if isinstance(english, Mapping) else None
            if base is None:
                r.error(line, f"'{key}' is not a text lwsite writes: check it against lwsite's i18n/en.yml")
                continue
            if isinstance(base, Mapping) and not i18n.is_plural(base):
                if isinstance(value, LMap):
                    given |= self.catalog_texts(r, value, base, key)
                else:
                    r.error(line, f"'{key}' holds texts ({', '.join(base)}): indent them below it")
                continue
            forms = base if isinstance(base, Mapping) else None
            if forms is not None and not (
                isinstance(value, Mapping)
                and "other" in value
                and all(f in i18n.PLURAL_FORMS and isinstance(v, str) for f, v in value.items())
            ):
                r.error(line, f"'{key}' needs its plural forms (one: ..., other: ...)")
                continue
            if isinstance(base, list) and not (
                isinstance(value, list)
                and len(value) == len(base)
                and all(isinstance(v, str) and v.strip() for v in value)
            ):
                r.error(line, f"'{key}' must be a list of {len(base)} texts, as in lwsite's catalog")
                continue
            if isinstance(base, str) and not (isinstance(value, str) and value.strip()):
                r.error(line, f"'{key}' must be a text")
                continue
            if placeholders(value) != placeholders(base):
                wanted = ", ".join("{" + n + "}" for n in sorted(placeholders(base))) or "none"
                r.error(line, f"'{key}' must use the placeholders of lwsite's text ({wanted}), each in braces")
                continue
            given.add(key)
        return given


def placeholders(text: Any) -> set[str]:
    """The {placeholders} of a catalog text (of each of its forms or items); "{" for broken braces."""
    parts = text.values() if isinstance(text, Mapping) else text if isinstance(text, list) else [text]
    try:
        return {f for part in parts for _, f, _, _ in string.Formatter().parse(str(part)) if f}
    except ValueError:
        return {"{"}
