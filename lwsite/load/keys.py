"""The keys of each mapping in a content file, declared once: required or not, and of what kind.

A file kind's module declares a table per mapping it reads, such as::

    FOCUS = Keys(
        question=Translated(required=True),
        status=Choice(("draft", "published")),
        ...
    )

and the ``Reader`` (fields.py) runs it: ``keys`` reports unknown keys (with "did you mean"
hints) and missing required ones, ``values`` reads every declared key with the reader of its
kind (the located type errors), and ``read`` does both for one item of a list, giving None
when its keys are wrong. The order of the keys is the order messages list them in.

A ``Translated`` or ``TranslatedList`` key may give its text per language (``question: {en:
..., es: ...}``): its value is the pair of the site's language's text and the others by language.

A ``Raw`` key is declared but read by the file kind's own code, because its value takes one
of several shapes (a measure is text or a target) or needs that file's context to check.

The roster (privacy.py) and the import's mapping file (importer.py) declare their keys the same
way and run ``Reader.unknown`` (the unknown keys, with the same hints), keeping their own messages
for the values. The roster's tables are ``private``: a key there may be a person's name, so the
messages name the mapping ("roster entry 2 has a key other than name and also") and never the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .source import LMap

if TYPE_CHECKING:
    from .fields import Reader


@dataclass(frozen=True)
class Raw:
    """A key whose value the file kind's own code reads: the table gives it as is (None if absent)."""

    required: bool = field(default=False, kw_only=True)

    def read(self, r: Reader, m: LMap, key: str) -> Any:
        return m.get(key)


@dataclass(frozen=True)
class Text(Raw):
    """Non-empty text."""

    def read(self, r: Reader, m: LMap, key: str) -> str | None:
        return r.text(m, key, self.required)


@dataclass(frozen=True)
class Ident(Raw):
    """An id: lowercase letters, digits and hyphens; ``what`` names it in messages."""

    what: str = "id"

    def read(self, r: Reader, m: LMap, key: str) -> str | None:
        return r.ident(m, key, self.required, self.what)


@dataclass(frozen=True)
class Int(Raw):
    """A whole number from ``lo`` to ``hi`` (no upper bound if None)."""

    lo: int = 1
    hi: int | None = None

    def read(self, r: Reader, m: LMap, key: str) -> int | None:
        return r.integer(m, key, self.lo, self.hi, self.required)


@dataclass(frozen=True)
class Bool(Raw):
    """Exactly true or false; ``default`` when absent."""

    default: bool = False

    def read(self, r: Reader, m: LMap, key: str) -> bool:
        return r.boolean(m, key, self.default)


@dataclass(frozen=True)
class Date(Raw):
    """An unquoted date YYYY-MM-DD."""

    def read(self, r: Reader, m: LMap, key: str) -> Any:
        return r.date(m, key, self.required)


@dataclass(frozen=True)
class Time(Raw):
    """A quoted 24-hour time "HH:MM"."""

    def read(self, r: Reader, m: LMap, key: str) -> Any:
        return r.time(m, key, self.required)


@dataclass(frozen=True)
class Choice(Raw):
    """One of ``options``."""

    options: tuple[str, ...] = ()

    def read(self, r: Reader, m: LMap, key: str) -> str | None:
        return r.choice(m, key, self.options, self.required)


@dataclass(frozen=True)
class TextList(Raw):
    """A list of non-empty texts (empty when absent)."""

    def read(self, r: Reader, m: LMap, key: str) -> tuple[str, ...]:
        return r.text_list(m, key, self.required)


@dataclass(frozen=True)
class Translated(Raw):
    """Non-empty text, or a text per language (``{en: ..., es: ...}``): the pair of the site's
    language's text (None when absent or wrong) and the others by language."""

    def read(self, r: Reader, m: LMap, key: str) -> tuple[str | None, dict[str, str]]:
        return r.translated(m, key, self.required)


@dataclass(frozen=True)
class TranslatedList(Raw):
    """A list of texts, each of which may be given per language: the pair of the site's
    language's list and, per other language, each item's text (None: not given)."""

    def read(self, r: Reader, m: LMap, key: str) -> tuple[tuple[str, ...], dict[str, tuple[str | None, ...]]]:
        return r.translated_list(m, key, self.required)


@dataclass(frozen=True)
class List(Raw):
    """A list, each item read by the file kind's code (empty when absent)."""

    def read(self, r: Reader, m: LMap, key: str) -> Any:
        return r.list(m, key, self.required)


@dataclass(frozen=True)
class Mapping(Raw):
    """A mapping of keys to values (None when absent)."""

    def read(self, r: Reader, m: LMap, key: str) -> LMap | None:
        return r.mapping(m[key], r.line(m, key), key) if key in m else None


class Keys:
    """The keys of one mapping, in the order messages list them.

    ``what`` names the mapping in messages ("unknown key 'x' in a visit"); empty for a file's
    own keys. ``private``: a key may be a person's name (the roster), so messages never quote one.
    """

    def __init__(self, what: str = "", /, *, private: bool = False, **fields: Raw) -> None:
        self.what = what
        self.private = private
        self.fields = fields

    @property
    def allowed(self) -> tuple[str, ...]:
        return tuple(self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(key for key, kind in self.fields.items() if kind.required)

    def named(self, what: str) -> Keys:
        """The same keys, named otherwise in messages (a mapping named by its key or number)."""
        return Keys(what, private=self.private, **self.fields)

    def __repr__(self) -> str:
        return f"Keys({self.what!r}, {', '.join(self.allowed)})"
