"""The public output of real builds, attacked: the demo and a generated district.

For each characteristic and school year, the published figures (portfolio.json: every
walkthrough, each school's school year, the district's) form a tree of sums. The attacker
here works with sets of values, not intervals (a method apart from the rule's and the
auditor's): bottom up, the values each figure can take given its parts; top down, the values
left once its parent's values and its siblings' are taken into account. No count below
``min_group`` may be left with one possible value, and the truth must always be possible.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, build_site, make_project

from lwsite.analysis import trends
from lwsite.load.portfolio import load

sys.path.insert(0, str(ROOT))
from bench.synth import Shape, write_portfolio

MIN_GROUP = 3


def sumset(sets: Iterable[set[int]]) -> set[int]:
    out = {0}
    for s in sets:
        out = {a + b for a in out for b in s}
    return out


class Tree:
    def __init__(self) -> None:
        self.published: dict[Any, tuple[int, int, int]] = {}  # key -> (low, high, total)
        self.children: dict[Any, list[Any]] = {}

    def attack(self, root: Any) -> dict[Any, set[int]]:
        up: dict[Any, set[int]] = {}

        def bottom(key: Any) -> set[int]:
            lo, hi, _ = self.published[key]
            mine = set(range(lo, hi + 1))
            kids = self.children.get(key, [])
            if kids:
                mine &= sumset(bottom(k) for k in kids)
            up[key] = mine
            return mine

        bottom(root)
        out: dict[Any, set[int]] = {root: up[root]}

        def top(key: Any) -> None:
            kids = self.children.get(key, [])
            for k in kids:
                others = sumset(up[o] for o in kids if o != k)
                out[k] = {v for v in up[k] if any(p - v in others for p in out[key])}
                top(k)

        top(root)
        return out


def attack_build(site: Path, content: Path) -> tuple[int, int, list[str]]:
    """(rating rows, hidden rows, leaks) of a public build."""
    data = json.loads((site / "downloads" / "portfolio.json").read_text(encoding="utf-8"))
    full = load(content).portfolio
    assert full is not None
    upper = {fw.id: "+".join(trends.upper_levels(fw)) for fw in full.frameworks}
    truth: dict[Any, int] = {}
    for c in full.cycles:
        fw = full.framework(c.focus.framework)
        assert fw is not None
        high = set(trends.upper_levels(fw))
        for cid in c.focus.characteristics:
            rs = [r for r in c.ratings if r.characteristic == cid]
            if rs:
                n = sum(r.level in high for r in rs)
                for key in (("w", c.school, c.id, cid), ("s", c.school, c.school_year, cid), ("d", c.school_year, cid)):
                    truth[key] = truth.get(key, 0) + n
    trees: dict[tuple[str, str], Tree] = {}
    rows = hidden = 0

    def add(tree: Tree, key: Any, figure: dict[str, Any], fw: str) -> None:
        nonlocal rows, hidden
        band = figure[upper[fw]]
        tree.published[key] = (band["low"], band["high"], figure["visits_rated"])
        rows += 1
        hidden += 100 * (band["high"] - band["low"]) > 30 * figure["visits_rated"]

    fw_of = {ch.id: fw.id for fw in full.frameworks for ch in fw.characteristics}
    for school in data["schools"]:
        for c in school["cycles"]:
            for cid, figure in c["ratings"].items():
                tree = trees.setdefault((cid, c["school_year"]), Tree())
                add(tree, ("w", school["id"], c["id"], cid), figure, c["focus"]["framework"])
                tree.children.setdefault(("s", school["id"], c["school_year"], cid), []).append(
                    ("w", school["id"], c["id"], cid)
                )
        for cid, years in school["ratings_by_school_year"].items():
            for year, figure in years.items():
                tree = trees[cid, year]
                add(tree, ("s", school["id"], year, cid), figure, fw_of[cid])
                tree.children.setdefault(("d", year, cid), []).append(("s", school["id"], year, cid))
    for cid, years in data["district_by_school_year"].items():
        for year, figure in years.items():
            add(trees[cid, year], ("d", year, cid), figure, fw_of[cid])
    leaks = []
    for (cid, year), tree in trees.items():
        found = tree.attack(("d", year, cid))
        assert set(found) == set(tree.published), (cid, year)
        for key, values in found.items():
            value, total = truth[key], tree.published[key][2]
            assert value in values, ("the truth must stay possible", key)
            if (value < MIN_GROUP or total - value < MIN_GROUP) and len(values) < 2:
                leaks.append(f"{key}: {sorted(values)}")
    return rows, hidden, leaks


def check(site: Path, content: Path, name: str) -> None:
    rows, hidden, leaks = attack_build(site, content)
    print(f"\n{name}: {rows} public rating rows, {hidden} hidden ({100 * hidden / rows:.1f}%), {len(leaks)} leaks")
    assert not leaks, leaks
    assert rows and hidden <= 0.05 * rows, (rows, hidden)
    district = (site / "trends" / "index.html").read_text(encoding="utf-8")
    assert "not shown" not in district
    cells = re.findall(r"<td>(\d+)</td><td>(?:<span[^>]*>)?(\d+(?:–\d+)?%)", district)
    assert cells, "the district page shows its school years' figures"


def test_the_demos_public_figures(demo_sites: dict[str, Path]) -> None:
    check(demo_sites["public"], ROOT / "content", "demo")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A district of 5 schools over two school years, 9 visits a walkthrough, each with a chance of its own."""
    dest = tmp_path_factory.mktemp("generated")
    write_portfolio(dest, Shape(schools=5, cycles=6, visits=9), seed=4, first_year=2024, spread=True)
    project = make_project(dest / "project", dest)
    result = build_site(project, "public", strict=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_a_generated_districts_public_figures(generated: Path) -> None:
    check(generated / "site", generated / "content", "generated district")


def test_the_attacker_finds_a_figure_printed_too_precisely(demo_sites: dict[str, Path], tmp_path: Path) -> None:
    """Negative control: narrow one coded walkthrough of the demo to its true value and the attack finds it."""
    site = tmp_path / "site"
    (site / "downloads").mkdir(parents=True)
    data = json.loads((demo_sites["public"] / "downloads" / "portfolio.json").read_text(encoding="utf-8"))
    full = load(ROOT / "content").portfolio
    assert full is not None
    done = False
    for school in data["schools"]:
        for c in school["cycles"]:
            for cid, figure in c["ratings"].items():
                band = figure["P+S"]
                if done or band["low"] == band["high"]:
                    continue
                cycle = next(x for x in full.cycles if x.id == c["id"] and x.school == school["id"])
                value = sum(r.level in ("P", "S") for r in cycle.ratings if r.characteristic == cid)
                band |= {"value": value, "low": value, "high": value}
                done = True
    assert done
    (site / "downloads" / "portfolio.json").write_text(json.dumps(data), encoding="utf-8")
    _, _, leaks = attack_build(site, ROOT / "content")
    assert leaks
