"""The evidence-quality corpus is what its README says: sizes, gold rule, fixed split, agreement."""

from __future__ import annotations

from collections import Counter

from evidence_corpus import KINDS, draw_split, kappa, load, settle


def test_sizes_and_kinds() -> None:
    notes = load()
    assert len(notes) == 1056
    assert len({n["id"] for n in notes}) == 1056
    assert all(n[k] in KINDS for n in notes for k in ("intent", "a", "b", "gold"))
    assert Counter(n["gold"] for n in notes) == {"ok": 444, "both": 243, "general": 195, "judgmental": 174}
    assert len(load("spanish.yml")) == 30


def test_gold_follows_the_settling_rule() -> None:
    notes = load()
    assert all(n["gold"] == settle(n["a"], n["b"], n["intent"]) for n in notes)
    assert sum(1 for n in notes if n["a"] != n["b"]) == 9


def test_the_split_is_the_seeded_one_and_keeps_pairs_together() -> None:
    notes = load()
    assert {n["id"]: n["split"] for n in notes} == draw_split(notes)
    pairs: dict[str, set[str]] = {}
    for n in notes:
        if "pair" in n:
            pairs.setdefault(n["pair"], set()).add(n["split"])
    assert all(len(s) == 1 for s in pairs.values())
    assert Counter(n["split"] for n in notes) == {"train": 774, "test": 282}


def test_agreement() -> None:
    notes = load()
    figures = {
        f"{x} vs {y}": kappa([n[x] for n in notes], [n[y] for n in notes])
        for x, y in (("a", "b"), ("a", "intent"), ("b", "intent"), ("gold", "intent"))
    }
    for name, (k, agree) in figures.items():
        print(f"{name}: kappa {k:.3f}, agreement {agree:.1%}")
    assert round(figures["a vs b"][0], 3) == 0.988
    assert round(figures["a vs intent"][0], 3) == 0.894
    assert round(figures["b vs intent"][0], 3) == 0.890
