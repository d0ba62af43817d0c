"""Calibration: agreement among observers, checked against worked examples, and the team's pages.

Every statistic is checked against a hand-worked example (perfect agreement, no agreement, a single
rater, missing ratings) and Krippendorff's alpha against the worked examples of Krippendorff (2011),
"Computing Krippendorff's Alpha-Reliability". The demo's Lincoln Elementary records observers' own
levels on three walkthroughs; its built team pages must print the figures worked out below from
those records, and staff and public builds none of them.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest
from helpers import ROOT

from lwsite.analysis import calibration as cal
from lwsite.analysis.calibration import agreement, alpha
from lwsite.load.portfolio import load

NE, D, P, S = 0, 1, 2, 3  # ranks of a four-level continuum
N = None
# Krippendorff (2011), section C: 4 observers, 12 units, values 1-5, 7 missing values.
DATASET_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]


def units_of(matrix: list[list[int | None]]) -> list[list[int]]:
    return [[row[u] for row in matrix if row[u] is not None] for u in range(len(matrix[0]))]  # type: ignore[misc]


# Krippendorff's alpha ---------------------------------------------------------------------
@pytest.mark.parametrize(("metric", "published"), [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849)])
def test_alpha_reproduces_krippendorffs_worked_example_with_missing_values(metric: str, published: float) -> None:
    assert round(alpha(units_of(DATASET_C), metric), 3) == published  # type: ignore[arg-type]


def test_alpha_reproduces_krippendorffs_binary_example() -> None:
    """Krippendorff (2011), section A: two observers, ten units, binary values: alpha = 0.095."""
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    # by hand: o00 = 10, o11 = 2, o01 = o10 = 4; n0 = 14, n1 = 6, n = 20; 1 - 19 * 4 / (14 * 6) = 0.0952
    assert alpha([[x, y] for x, y in zip(a, b, strict=True)], "nominal") == pytest.approx(1 - 19 * 4 / 84)


def test_ordinal_alpha_worked_by_hand() -> None:
    """Units (NE, NE), (D, P), (P, P), (NE, D): n_NE = 3, n_D = 2, n_P = 3, n = 8.

    Ordinal distances from those frequencies: d(NE, D) = (3 + 2 - 5/2)^2 = 6.25, d(D, P) = 6.25,
    d(NE, P) = (3 + 2 + 3 - 3)^2 = 25. Observed: the coincidences NE-D and D-P, twice each, 25 in all;
    expected: 2 (3*2*6.25 + 2*3*6.25 + 3*3*25) = 600. alpha = 1 - 7 * 25 / 600 = 17/24. Nominal counts every
    disagreement alike: 1 - 7 * 4 / 42 = 1/3; ordinal credits near misses.
    """
    units = [[NE, NE], [D, P], [P, P], [NE, D]]
    assert alpha(units) == pytest.approx(17 / 24)
    assert alpha(units, "nominal") == pytest.approx(1 / 3)


def test_alpha_perfect_agreement_is_one() -> None:
    assert alpha([[NE, NE], [D, D, D], [S, S]]) == pytest.approx(1.0)


def test_alpha_systematic_disagreement_is_negative() -> None:
    """(NE, S) and (S, NE): n_NE = n_S = 2; d = (4 - 2)^2 = 4; observed 4 * 4 = 16, expected 2*2*2*4 = 32;
    alpha = 1 - 3 * 16 / 32 = -0.5: worse than chance."""
    assert alpha([[NE, S], [S, NE]]) == pytest.approx(-0.5)


def test_alpha_single_rater_and_no_variation_are_undefined() -> None:
    assert alpha([[D], [P], [S]]) is None  # one rater per unit: nothing pairable
    assert alpha([]) is None
    assert alpha([[P, P], [P, P]]) is None  # every value the same: 0/0


def test_alpha_leaves_out_units_with_one_rating() -> None:
    """A visit only one observer rated (missing ratings) changes nothing."""
    assert alpha([[NE, NE], [D, P], [P, P], [NE, D], [S]]) == pytest.approx(17 / 24)


# percent agreement ------------------------------------------------------------------------
def test_agreement_worked_by_hand() -> None:
    """(D, D) agreed D; (D, P) agreed P; (NE, P) agreed D; (P) alone, agreed P; (D, D, P) with no rating.

    Pairs: 1 + 1 + 1 + 0 + 3 = 6; the same level: (D, D), (D, D) of the trio = 2; at most one level apart:
    (D, D), (D, P), (D, D), (D, P), (D, P) = 5. Against the consensus: D, D (2 of 2), D, P (1 of 2),
    NE, P (0 of 2), P (1 of 1): 4 of 7. Levels recorded: 2 + 2 + 2 + 1 + 3 = 10.
    """
    found = agreement([([D, D], D), ([D, P], P), ([NE, P], D), ([P], P), ([D, D, P], None)])
    assert (found.levels, found.pairs, found.exact, found.within_one, found.compared, found.with_consensus) == (
        10,
        6,
        2,
        5,
        7,
        4,
    )
    assert (found.exact_percent, found.within_one_percent, found.consensus_percent) == (33, 83, 57)
    assert not found.enough


def test_agreement_perfect_none_and_single_rater() -> None:
    perfect = agreement([([P, P], P)] * 10)
    assert (perfect.exact_percent, perfect.within_one_percent, perfect.consensus_percent) == (100, 100, 100)
    assert perfect.enough and perfect.alpha is None  # every level the same: alpha undefined, agreement 100%
    none = agreement([([NE, S], P)] * 5 + [([S, NE], D)] * 5)
    assert (none.exact_percent, none.within_one_percent, none.consensus_percent) == (0, 0, 0)
    assert none.alpha is not None and none.alpha < 0
    single = agreement([([P], P), ([D], P)])
    assert (single.pairs, single.exact_percent, single.alpha, single.consensus_percent) == (0, None, None, 50)


def test_ten_pairs_are_enough_nine_are_not() -> None:
    assert agreement([([P, D], P)] * 9).enough is False
    assert agreement([([P, D], P)] * 10).enough is True
    assert cal.MIN_PAIRS == 10


# the demo: Lincoln Elementary's three walkthroughs with observers' own levels -------------------
# Worked from the records (content/schools/lincoln-elementary/cycles/*/scripts): two observers per
# visit, so one pair per visit and characteristic.
#   2025-02-11 (10 visits): student discourse 4 of 10 pairs the same level, 9 within one, 13 of 20 levels
#     matched the consensus; questioning 3, 9, 13 of 20. All: 20 pairs, 7 the same, 18 within one, 26 of 40.
#   2025-05-06 (11 visits): learning targets 6 of 11, 11, 17 of 22; student discourse 6, 10, 16 of 22.
#     All: 22 pairs, 12, 21, 33 of 44.
#   2025-10-21 (8 visits): 8 pairs per characteristic, too few to judge; all: 16 pairs, 13, 16, 29 of 32.
DEMO = {
    "2025-02-11-reasoning-check": (20, "35% (7 of 20)", "90% (18 of 20)", "65% (26 of 40)"),
    "2025-05-06-targets": (22, "55% (12 of 22)", "95% (21 of 22)", "75% (33 of 44)"),
    "2025-10-21-whole-class-talk": (16, "81% (13 of 16)", "100% (16 of 16)", "91% (29 of 32)"),
}


def alpha_by_pairs(units: Sequence[Sequence[int]]) -> float:
    """Krippendorff's ordinal alpha computed another way: disagreement averaged over every pair of values
    within a unit, against every pair of values at all (no coincidence matrix)."""
    units = [u for u in units if len(u) >= 2]
    values = [v for u in units for v in u]
    n, freq = len(values), Counter(values)

    def delta(a: int, b: int) -> float:
        lo, hi = sorted((a, b))
        return float((sum(freq[g] for g in range(lo, hi + 1)) - (freq[lo] + freq[hi]) / 2) ** 2)

    observed = (
        sum(sum(delta(a, b) for i, a in enumerate(u) for j, b in enumerate(u) if i != j) / (len(u) - 1) for u in units)
        / n
    )
    expected = sum(delta(a, b) for i, a in enumerate(values) for j, b in enumerate(values) if i != j) / (n * (n - 1))
    return 1 - observed / expected


def test_the_second_formulation_reproduces_the_published_example() -> None:
    assert round(alpha_by_pairs(units_of(DATASET_C)), 3) == 0.815


def page_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    text = text[text.index('class="lw-page"') :]
    text = re.sub(r"<svg.*?</svg>", "", text, flags=re.DOTALL)
    text = re.sub(r"</t[dh]>", " | ", text)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def demo_alphas() -> dict[str, float]:
    loaded = load(ROOT / "content")
    assert loaded.portfolio is not None
    school = loaded.portfolio.school("lincoln-elementary")
    assert school is not None
    rank = {"NE": 0, "D": 1, "P": 2, "S": 3}
    out = {}
    for c in school.cycles:
        units: dict[tuple[int, str], list[int]] = {}
        for r in c.independent:
            units.setdefault((r.visit, r.characteristic), []).append(rank[r.level])
        if units:
            out[c.id] = alpha_by_pairs(list(units.values()))
    return out


def test_demo_team_pages_print_the_worked_figures(demo_sites: dict[str, Path]) -> None:
    alphas = demo_alphas()
    assert sorted(alphas) == sorted(DEMO)
    school = page_text(demo_sites["team"] / "schools/lincoln-elementary/calibration/index.html")
    for cid, (pairs, exact, within, consensus) in DEMO.items():
        row = f"{pairs} | {exact} | {within} | {consensus} | {alphas[cid]:.3f} |"
        assert row in school, (cid, row)
        page = page_text(demo_sites["team"] / f"schools/lincoln-elementary/{cid}/calibration/index.html")
        assert f"All characteristics | {row}" in page, (cid, row)
    # agreement rises over the three walkthroughs, as the demo tells
    assert alphas["2025-02-11-reasoning-check"] < alphas["2025-05-06-targets"] < alphas["2025-10-21-whole-class-talk"]
    # per characteristic, and too few pairs on each characteristic of October's 8 visits
    first = page_text(
        demo_sites["team"] / "schools/lincoln-elementary/2025-02-11-reasoning-check/calibration/index.html"
    )
    assert "Students explain their reasoning to peers | 10 | 40% (4 of 10) | 90% (9 of 10) | 65% (13 of 20) |" in first
    october = page_text(
        demo_sites["team"] / "schools/lincoln-elementary/2025-10-21-whole-class-talk/calibration/index.html"
    )
    assert october.count("Only 8 pairs of observers: too few to judge agreement (it takes at least 10)") == 2
    # the other half of calibration, beside it: the share of specific, objective evidence
    assert "Specific, objective evidence" in school and "specific and objective" in first
    # the chart draws the field's references, labelled as references, with their sources
    for reference in (
        "Reference: 80% exact",
        "Reference: 75% exact with none more than one level apart",
        "Reference: 0.800, reliable (Krippendorff)",
        "Reference: 0.667, tentative conclusions only",
    ):
        assert reference in school
    raw = (demo_sites["team"] / "schools/lincoln-elementary/calibration/index.html").read_text(encoding="utf-8")
    assert raw.count("<svg") >= 4  # two charts, each drawn wide and narrow
    assert "Content Analysis: An Introduction to Its Methodology" in school


def test_demo_staff_and_public_builds_have_no_calibration_figure(demo_sites: dict[str, Path]) -> None:
    for audience in ("staff", "public"):
        site = demo_sites[audience]
        assert not list(site.rglob("calibration")), audience
        for path in site.rglob("*"):
            if path.suffix in (".html", ".json", ".csv", ".xml", ".txt"):
                text = path.read_text(encoding="utf-8", errors="replace")
                for word in ("Krippendorff", "Pairs of observers", 'lw-kind="calibration', "Matched the consensus"):
                    assert word not in text, (audience, path, word)
    assert list(demo_sites["team"].rglob("calibration"))
