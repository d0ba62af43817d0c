"""The coach measured on a labelled set of our own (tests/data/evidence_quality).

``test.yml`` was written before measuring and is never used for tuning; ``dev.yml`` is.
An item labelled ``both`` counts as judgmental and as general.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lwsite.analysis.quality import classify

DATA = Path(__file__).parent / "data" / "evidence_quality"


def _scores(part: str, kind: str) -> tuple[float, float, int]:
    items = yaml.safe_load((DATA / f"{part}.yml").read_text(encoding="utf-8"))
    tp = fp = fn = 0
    for item in items:
        gold = item["label"] in (kind, "both")
        found = classify(item["text"])
        predicted = bool(found.judgmental if kind == "judgmental" else found.general)
        tp += gold and predicted
        fp += predicted and not gold
        fn += gold and not predicted
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, len(items)


def test_the_set_is_large_enough() -> None:
    sizes = {p: len(yaml.safe_load((DATA / f"{p}.yml").read_text(encoding="utf-8"))) for p in ("dev", "test")}
    assert sizes["test"] >= 60
    assert sizes["dev"] + sizes["test"] >= 150


@pytest.mark.parametrize("part", ["test", "dev"])
@pytest.mark.parametrize("kind", ["judgmental", "general"])
def test_precision_and_recall(part: str, kind: str) -> None:
    precision, recall, n = _scores(part, kind)
    figures = f"{part} ({n} items) {kind}: precision {precision:.2f}, recall {recall:.2f}"
    print(figures)
    assert precision >= 0.85 and recall >= 0.85, figures
