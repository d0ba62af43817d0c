"""Evaluative adjectives from published lexicons (VADER, MIT; Pattern, PDDL): see ``evaluative.txt``."""

from __future__ import annotations

from importlib.resources import files


def _load() -> tuple[frozenset[str], frozenset[str]]:
    text = files(__package__).joinpath("evaluative.txt").read_text(encoding="utf-8")
    rows = [line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return frozenset(r[0] for r in rows), frozenset(r[0] for r in rows if r[1:] == ["*"])


# every listed word judges where it grades ("was ___", "very ___"); the second set judges anywhere
EVALUATIVE_ADJECTIVES, JUDGING_ADJECTIVES = _load()
