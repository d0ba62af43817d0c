"""The evidence-quality corpus (tests/data/evidence_quality/corpus.yml): gold label, fixed split, agreement, scores.

The rules that settle the gold label and draw the fixed test split live here, so that
``make_corpus.py`` (which wrote the committed file) and the tests (which check it) use the
same code. See tests/data/evidence_quality/README.md.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data" / "evidence_quality"
KINDS = ("ok", "judgmental", "general", "both")
SEED = "lwsite-evidence-quality-2026"
TEST_SHARE = 0.27
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def flags_of(label: str) -> tuple[bool, bool]:
    """(judgmental flag, too-general flag) of a protocol kind."""
    return label in ("judgmental", "both"), label in ("general", "both")


def kind_of(judgmental: bool, general: bool) -> str:
    return {(False, False): "ok", (True, False): "judgmental", (False, True): "general", (True, True): "both"}[
        (judgmental, general)
    ]


def settle(a: str, b: str, intent: str) -> str:
    """The gold label: A and B where they agree; else, flag by flag, the majority of A, B and the intent.

    Where the intent matches one of A and B, that is the intent's label; where it matches neither
    (A general, B both, intent judgmental), each flag goes to the two of three votes that share it.
    """
    if a == b:
        return a
    votes = [flags_of(x) for x in (a, b, intent)]
    return kind_of(sum(v[0] for v in votes) >= 2, sum(v[1] for v in votes) >= 2)


def unit_of(note: dict[str, Any]) -> str:
    """A minimal pair is one unit (both notes in one split); any other note is its own."""
    return str(note.get("pair") or note["id"])


def _rank(unit: str) -> str:
    return hashlib.sha256(f"{SEED}:{unit}".encode()).hexdigest()


def draw_split(notes: list[dict[str, Any]]) -> dict[str, str]:
    """``{id: "train" | "test"}``: in each stratum (the gold labels of a unit's notes), the units with the
    lowest seeded hash, ``TEST_SHARE`` of them (rounded), go to the test split."""
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for note in notes:
        members[unit_of(note)].append(note)
    strata: dict[str, list[str]] = defaultdict(list)
    for unit, group in members.items():
        strata["+".join(sorted(n["gold"] for n in group))].append(unit)
    test_units = set()
    for units in strata.values():
        ranked = sorted(units, key=_rank)
        test_units.update(ranked[: round(TEST_SHARE * len(ranked))])
    return {n["id"]: "test" if unit_of(n) in test_units else "train" for n in notes}


def folds(notes: list[dict[str, Any]], k: int = 5) -> list[list[dict[str, Any]]]:
    """k folds of the notes, pairs kept together, stratified like the split (seeded hash order, dealt round)."""
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for note in notes:
        members[unit_of(note)].append(note)
    strata: dict[str, list[str]] = defaultdict(list)
    for unit, group in members.items():
        strata["+".join(sorted(n["gold"] for n in group))].append(unit)
    out: list[list[dict[str, Any]]] = [[] for _ in range(k)]
    turn = 0
    for key in sorted(strata):
        for unit in sorted(strata[key], key=lambda u: _rank("fold:" + u)):
            out[turn % k].extend(members[unit])
            turn += 1
    return out


def kappa(x: Iterable[str], y: Iterable[str]) -> tuple[float, float]:
    """Cohen's kappa and the raw agreement of two labellings of the same items."""
    pairs = list(zip(x, y, strict=True))
    n = len(pairs)
    observed = sum(1 for p, q in pairs if p == q) / n
    px, py = Counter(p for p, _ in pairs), Counter(q for _, q in pairs)
    expected = sum(px[c] * py[c] for c in set(px) | set(py)) / (n * n)
    return (observed - expected) / (1 - expected), observed


def load(name: str = "corpus.yml") -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=_LOADER)
    return items


Scores = dict[str, tuple[float, float, int, int, int]]


def scores(notes: Iterable[dict[str, Any]], predict: Callable[[str], tuple[bool, bool]]) -> Scores:
    """Per flag: precision, recall, true positives, false positives, false negatives."""
    counts = {"judgmental": [0, 0, 0], "general": [0, 0, 0]}
    for note in notes:
        gold = flags_of(note["gold"])
        got = predict(note["text"])
        for i, kind in enumerate(("judgmental", "general")):
            c = counts[kind]
            c[0] += gold[i] and got[i]
            c[1] += got[i] and not gold[i]
            c[2] += gold[i] and not got[i]
    out: Scores = {}
    for kind, (tp, fp, fn) in counts.items():
        out[kind] = (tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0, tp, fp, fn)
    return out
