"""Write corpus.yml from the writer's notes and the two labellings (run once; kept to show how it was made).

    python tests/data/evidence_quality/make_corpus.py NOTES.yml LABELS-A.yml LABELS-B.yml

Each note keeps its fields and gets ``a``, ``b`` (the two labels), ``gold`` (``settle``) and
``split`` (``draw_split``), both from tests/evidence_corpus.py.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from evidence_corpus import DATA, draw_split, settle

HEADER = """\
# The evidence-quality corpus: 1,056 Learning Walkthrough notes, two independent labellings and the
# writer's intended kind. See README.md beside this file: how it was made, agreement, the gold rule
# and the fixed split. Kinds: ok (specific and objective), judgmental (specific but judgmental),
# general (objective but too general), both (general and judgmental).
# Fields: intent = the writer's kind; a, b = the two labellers; gold = the settled label;
# split = train | test (fixed; nothing is ever tuned on test); pair = minimal pair id.
"""


def main(notes_path: str, a_path: str, b_path: str) -> None:
    notes: list[dict[str, Any]] = yaml.safe_load(Path(notes_path).read_text(encoding="utf-8"))
    a = {x["id"]: x["label"] for x in yaml.safe_load(Path(a_path).read_text(encoding="utf-8"))}
    b = {x["id"]: x["label"] for x in yaml.safe_load(Path(b_path).read_text(encoding="utf-8"))}
    out = []
    for note in notes:
        fields = ("id", "text", "grade", "subject", "setting", "style", "pair")
        row: dict[str, Any] = {k: note[k] for k in fields if k in note}
        row.update(intent=note["intent"], a=a[note["id"]], b=b[note["id"]])
        row["gold"] = settle(row["a"], row["b"], row["intent"])
        out.append(row)
    split = draw_split(out)
    for row in out:
        row["split"] = split[row["id"]]
    text = yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=1000)
    (DATA / "corpus.yml").write_text(HEADER + text, encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
