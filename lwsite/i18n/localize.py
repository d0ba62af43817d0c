"""The portfolio in one of its languages: every text given in that language, the others marked.

Content texts may come in more than one language (``question: {en: ..., es: ...}``, or a
sidecar ``focus.es.md``): the loader keeps the site's own language in each field and the
others in the object's ``translations``. ``localize(portfolio, lang)`` returns the portfolio
with each such field in ``lang`` where it has a translation; where it has none, the field
keeps the site's language as a ``Fallback``: a string that knows its language, and renders
itself in HTML marked with it (``<span lang="en">``) and, for a text rather than a name, with a
short note in the page's language ("(en inglés)"), so that a template needs nothing to say so.

Short texts that records repeat (team roles, action-step owners, subjects) are translated once
per language, by the ``words:`` table of the portfolio's catalog (``catalogs/es.yml``); a word it
does not have stays in the site's language, marked with it.

``untranslated(portfolio, lang)`` counts what has no translation, per file, for ``lwsite check``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from markupsafe import Markup, escape

from ..model import (
    ActionStep,
    Characteristic,
    Claim,
    Cycle,
    Debrief,
    Focus,
    Framework,
    Level,
    Portfolio,
    School,
    Section,
)
from . import Translator

# The fields that may come in more than one language, per kind of object: (field, is a name).
# A name (of a school, a framework, a level...) is marked with its language but has no note.
TRANSLATABLE: dict[type, tuple[tuple[str, bool], ...]] = {
    Portfolio: (("name", True), ("description", False)),
    School: (("name", True), ("description", False)),
    Framework: (("title", True),),
    Level: (("label", True), ("description", False)),
    Section: (("title", True),),
    Characteristic: (("title", True), ("description", False)),
    Focus: (("question", False), ("improvement_goal", False), ("look_fors", False), ("narrative", False)),
    Debrief: (("message", False), ("prediction", False), ("quick_wins", False), ("narrative", False)),
    Claim: (("claim", False),),
    ActionStep: (("action", False), ("measure", False), ("outcome", False)),
}
T = TypeVar("T")


class Fallback(str):
    """A text in another language than its page's, because it has no translation.

    It is a ``str`` like any other (``str(x)``, f-strings and ``x.strip()`` give plain text),
    and renders itself in HTML with its language marked: ``<span lang="en">...</span>``,
    followed by ``note`` (in the page's language) unless it is a name.
    """

    lang: str
    note: str

    def __new__(cls, text: str, lang: str, note: str = "") -> Fallback:
        made = super().__new__(cls, text)
        made.lang, made.note = lang, note
        return made

    def __html__(self) -> Markup:
        # Markup, not str: markupsafe escapes what __html__ returns when it fills in a Markup's
        # {placeholders} (Markup.format), and leaves Markup as it is
        return mark(escape(str(self)), self)


def mark(html: Markup | str, text: str, block: bool = False) -> Markup:
    """HTML made from ``text``, marked with its language when ``text`` is a ``Fallback``."""
    if not isinstance(text, Fallback):
        return Markup(html)
    if block:
        note = f'<p class="lw-fallback-note">{escape(text.note)}</p>' if text.note else ""
        return Markup(f'<div class="lw-fallback" lang="{text.lang}">{note}{html}</div>')
    note = f' <span class="lw-fallback-note">{escape(text.note)}</span>' if text.note else ""
    return Markup(f'<span lang="{text.lang}">{html}</span>{note}')


@dataclass(frozen=True)
class _Notes:
    lang: str  # the site's language, which fallbacks are in
    inline: str  # "(en inglés)"
    block: str  # "Este texto está disponible solo en inglés."


def localize(portfolio: Portfolio, lang: str) -> Portfolio:
    """The portfolio with every text in ``lang``, or marked as a fallback (the module doc)."""
    if lang == portfolio.language:
        return portfolio
    t = Translator(lang, portfolio.catalogs)
    name = t.language_name(portfolio.language)
    notes = _Notes(
        portfolio.language, t.plain("fallback.inline", language=name), t.plain("fallback.block", language=name)
    )

    def framework(fw: Framework) -> Framework:
        return _one(
            replace(
                fw,
                levels=tuple(_one(lv, lang, notes) for lv in fw.levels),
                sections=tuple(
                    _one(
                        replace(s, characteristics=tuple(_one(c, lang, notes) for c in s.characteristics)), lang, notes
                    )
                    for s in fw.sections
                ),
            ),
            lang,
            notes,
        )

    words = repeated_words(portfolio, lang)

    def word(text: str) -> str:
        return words.get(text) or Fallback(text, notes.lang)

    def cycle(c: Cycle) -> Cycle:
        d = c.debrief
        if d is not None:
            d = _one(
                replace(
                    d,
                    patterns=tuple(_one(p, lang, notes) for p in d.patterns),
                    strengths=tuple(_one(s, lang, notes) for s in d.strengths),
                ),
                lang,
                notes,
            )
        o, sch = c.outline, c.schedule
        return replace(
            c,
            focus=_one(c.focus, lang, notes),
            debrief=d,
            actions=tuple(replace(_one(a, lang, notes), owner=word(a.owner)) for a in c.actions),
            team=replace(c.team, members=tuple(replace(m, role=word(m.role)) for m in c.team.members)),
            outline=replace(o, subjects=tuple((word(name), n) for name, n in o.subjects)),
            schedule=replace(
                sch, visits=tuple(replace(v, subject=word(v.subject) if v.subject else None) for v in sch.visits)
            ),
        )

    return _one(
        replace(
            portfolio,
            frameworks=tuple(framework(fw) for fw in portfolio.frameworks),
            schools=tuple(
                _one(replace(s, cycles=tuple(cycle(c) for c in s.cycles)), lang, notes) for s in portfolio.schools
            ),
        ),
        lang,
        notes,
    )


def repeated_words(portfolio: Portfolio, lang: str) -> Mapping[str, str]:
    """The ``words:`` table of the portfolio's catalog for ``lang``: a repeated text -> its translation."""
    found = portfolio.catalogs.get(lang, {}).get("words")
    return found if isinstance(found, Mapping) else {}


def _one(obj: T, lang: str, notes: _Notes) -> T:
    """One object's translatable fields in ``lang``: its translation, else a fallback."""
    given: Mapping[str, Any] = getattr(obj, "translations", {}).get(lang, {})
    changes: dict[str, Any] = {}
    for name, is_name in TRANSLATABLE[type(obj)]:
        value = getattr(obj, name)
        if not value:
            continue  # nothing to show (or removed for this audience): a translation never adds it back
        note = (
            ""
            if is_name
            else (notes.block if name in ("narrative", "description", "message", "prediction") else notes.inline)
        )
        found = given.get(name)
        if isinstance(value, tuple):
            items = tuple(found) if isinstance(found, tuple) else (None,) * len(value)
            changes[name] = tuple(
                mine or Fallback(theirs, notes.lang, note)
                for theirs, mine in zip(value, items + (None,) * len(value), strict=False)
            )
        else:
            changes[name] = found or Fallback(value, notes.lang, note)
    return replace(obj, **changes) if changes else obj  # type: ignore[type-var]


# what is left to translate ---------------------------------------------------------------
@dataclass(frozen=True)
class Untranslated:
    """The texts of one file that have no translation in one language."""

    path: str  # relative to the content folder
    lang: str
    missing: tuple[str, ...]  # field names, one per text ("look_fors" once per item); or the words
    total: int  # texts of the file that could be translated
    kind: str = "texts"  # or "words": the repeated words of the words: table

    def message(self) -> str:
        if self.kind == "words":
            return (
                f"{self.lang}: {len(self.missing)} of the {self.total} roles, owners and subjects the records "
                f"repeat have no translation in words: (the page shows them in the site's own language): "
                + ", ".join(self.missing)
            )
        counted: dict[str, int] = {}
        for name in self.missing:
            counted[name] = counted.get(name, 0) + 1
        which = ", ".join(f"{n} ({k})" if k > 1 else n for n, k in counted.items())
        return (
            f"{self.lang}: {len(self.missing)} of {self.total} text(s) the public reads have no translation "
            f"(the page shows the site's own language there): {which}"
        )


# what a count calls a field, where its own name would be ambiguous
LABELS = {
    (Focus, "narrative"): "focus body",
    (Debrief, "narrative"): "debrief body",
    (Level, "label"): "levels.label",
    (Level, "description"): "levels.description",
    (Section, "title"): "sections.title",
    (Characteristic, "title"): "characteristics.title",
    (Characteristic, "description"): "characteristics.description",
    (ActionStep, "action"): "actions.action",
    (ActionStep, "measure"): "actions.measure",
    (ActionStep, "outcome"): "actions.outcome",
}
# translatable fields that only staff and team read (their sites stay in the site's language): never counted
NOT_PUBLIC = {(Debrief, "narrative")}


def untranslated(portfolio: Portfolio, lang: str) -> list[Untranslated]:
    """Per file (a walkthrough's focus, debrief and steps count together), the texts the public
    reads that have no ``lang`` translation."""
    out: list[Untranslated] = []

    def add(path: str, objects: list[tuple[Any, str]]) -> None:
        missing: list[str] = []
        total = 0
        for obj, label in objects:
            given: Mapping[str, Any] = obj.translations.get(lang, {})
            for name, _ in TRANSLATABLE[type(obj)]:
                if (type(obj), name) in NOT_PUBLIC:
                    continue
                value = getattr(obj, name)
                shown = label or LABELS.get((type(obj), name), name)
                if isinstance(value, tuple):
                    found = given.get(name) or ()
                    total += len(value)
                    missing += [shown for k in range(len(value)) if k >= len(found) or not found[k]]
                elif value:
                    total += 1
                    if not given.get(name):
                        missing.append(shown)
        if missing:
            out.append(Untranslated(path, lang, tuple(missing), total))

    add("portfolio.yml", [(portfolio, "")])
    words = repeated_words(portfolio, lang)
    repeated = dict.fromkeys(
        [m.role for c in portfolio.cycles for m in c.team.members]
        + [a.owner for c in portfolio.cycles for a in c.actions]
        + [name for c in portfolio.cycles for name, _ in c.outline.subjects]
    )
    if repeated:
        missing = tuple(w for w in repeated if w not in words)
        if missing:
            out.append(Untranslated(f"catalogs/{lang}.yml", lang, missing, len(repeated), "words"))
    for fw in portfolio.frameworks:
        add(
            f"frameworks/{fw.id}.yml",
            [
                (fw, ""),
                *((lv, "") for lv in fw.levels),
                *((s, "") for s in fw.sections),
                *((c, "") for s in fw.sections for c in s.characteristics),
            ],
        )
    for school in portfolio.schools:
        add(f"{school.path}/school.yml", [(school, "")])
        for c in school.cycles:
            parts: list[tuple[Any, str]] = [(c.focus, "")]
            if c.debrief is not None:
                parts += [
                    (c.debrief, ""),
                    *((p, "patterns") for p in c.debrief.patterns),
                    *((s, "strengths") for s in c.debrief.strengths),
                ]
            parts += [(a, "") for a in c.actions]
            add(c.path, parts)
    return out


def languages_of(portfolio: Portfolio) -> Iterator[str]:
    """The site's other languages, in the portfolio's order."""
    yield from (lang for lang in portfolio.languages if lang != portfolio.language)
