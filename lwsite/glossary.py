"""The words of learning walkthroughs, explained in plain words for a family.

The glossary page lists every term; pages explain a term where it first appears and link here.
Each term's words are in the catalogs (``glossary.terms.<id>.term`` and ``.meaning`` in
``lwsite/i18n/<lang>.yml``); this module holds their ids (the anchors on the glossary page) in order.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import Translator

IDS: tuple[str, ...] = (
    "learning-walkthrough",
    "focus-of-inquiry",
    "improvement-goal",
    "look-fors",
    "characteristic",
    "continuum",
    "scripting",
    "visit-number",
    "hall-work",
    "debrief",
    "pattern",
    "practices-worth-spreading",
    "prediction",
    "quick-win",
    "wondering",
    "action-step",
    "horizon",
    "brings",
    "school-year-figures",
)


@dataclass(frozen=True)
class Term:
    id: str  # the anchor on the glossary page
    term: str
    meaning: str


def term(term_id: str, t: Translator | None = None) -> Term:
    """One term in a language (English when no translator is given)."""
    t = t or Translator("en")
    if term_id not in IDS:
        raise KeyError(f"no glossary term '{term_id}'")
    key = term_id.replace("-", "_")
    return Term(term_id, t.plain(f"glossary.terms.{key}.term"), t.plain(f"glossary.terms.{key}.meaning"))


def terms(t: Translator | None = None) -> tuple[Term, ...]:
    """Every term, in the glossary's order."""
    return tuple(term(i, t) for i in IDS)


TERMS: tuple[Term, ...] = terms()  # in English, for code that needs no other language
