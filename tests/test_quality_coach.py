"""The evidence-quality coach: the protocol's examples, quoted speech, and the site's use of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import build_site, make_project

from lwsite.analysis.quality import classify, describe

# The scripting protocol's eight examples, as the protocol classifies them.
PROTOCOL = [
    ("Students worked in teams of four following the scientific process to test which towel absorbs most.", "ok"),
    ("Student: 'Why did you come to that conclusion when the text indicates the storm came first?'", "ok"),
    ("Three students worked effectively with manipulatives to represent 3/4 in two ways.", "judgmental"),
    ("Teacher asked a good question: 'How would you demonstrate these fractions are equivalent?'", "judgmental"),
    ("The lesson is on fractions.", "general"),
    ("Students are participating in a variety of activities.", "general"),
    ("I liked how the students engaged in a hands-on science experiment.", "both"),
    ("The questions posed to students were effective and appropriate.", "both"),
]


@pytest.mark.parametrize(("text", "label"), PROTOCOL)
def test_protocol_examples(text: str, label: str) -> None:
    assert classify(text).label == label


@pytest.mark.parametrize(
    "text",
    [
        "Teacher: 'Good job'",
        'Teacher: "Great thinking, keep going."',
        'Student to partner: "That was a really good idea."',
    ],
)
def test_quoted_speech_is_evidence_not_judgment(text: str) -> None:
    assert classify(text).ok, classify(text)


def test_as_well_as_is_not_evaluative() -> None:
    assert classify("Students labelled the numerator as well as the denominator on 9 of 10 strips.").ok


def test_describe_format() -> None:
    found = classify("The questions posed to students were effective and appropriate.")
    assert describe(found)[0] == (
        'judgmental: "effective", "appropriate" (says how good it was, not what happened): '
        "what did you see or hear that made it so?"
    )
    assert describe(found)[1] == (
        "general: no count, quote or concrete detail: who, how many, doing or saying what exactly?"
    )
    assert describe(classify("Kids looked lost during the mini-lesson."))[0] == (
        'judgmental: "looked lost" (an inference about what students felt or understood): what did students do or say?'
    )


def _flagged_project(tmp_path: Path, quality: str) -> Path:
    mkdocs = f"site_name: T\ntheme: {{name: material}}\nplugins:\n  - search\n  - lwsite:\n      quality: {quality}\n"
    project = make_project(tmp_path, mkdocs_yml=mkdocs)
    script = project / "content/schools/oak/cycles/2025-10-14-talk/scripts/visit-2.md"
    script.write_text(script.read_text() + "- I loved the amazing discussion.\n")
    return project


def test_quality_info_never_fails_a_strict_build(tmp_path: Path) -> None:
    project = _flagged_project(tmp_path, "info")
    assert build_site(project, "team").returncode == 0
    page = (project / "site/schools/oak/2025-10-14-talk/quality/index.html").read_text(encoding="utf-8")
    assert "I loved the amazing discussion." in page
    assert (
        "Judgment words: &#34;I loved&#34; (your own reaction, not evidence)" in page
        or 'Judgment words: "I loved" (your own reaction, not evidence)' in page
    ), page
    assert "Ask instead: what did students or the teacher do or say?" in page


def test_quality_warn_fails_strict_and_error_fails_before_touching_the_site(tmp_path: Path) -> None:
    assert build_site(_flagged_project(tmp_path / "w", "warn")).returncode == 1
    project = _flagged_project(tmp_path / "e", "error")
    (project / "site").mkdir()
    (project / "site" / "keep.txt").write_text("previous site")
    result = build_site(project, strict=False)
    assert result.returncode == 1
    assert (
        'visit-2.md:7: judgmental: "I loved" (your own reaction, not evidence); "amazing" (says how good it was, '
        "not what happened): what did students or the teacher do or say?"
    ) in result.stdout + result.stderr
    assert (project / "site" / "keep.txt").read_text() == "previous site"


def test_quality_pages_are_team_only(tmp_path: Path) -> None:
    project = _flagged_project(tmp_path, "info")
    for audience in ("public", "staff"):
        assert build_site(project, audience, site_dir=f"s-{audience}").returncode == 0
        assert not list((project / f"s-{audience}").rglob("quality/index.html"))


def test_demo_team_quality_pages_show_the_flagged_items(demo_sites: dict[str, Path]) -> None:
    site = demo_sites["team"]
    pages = {p: p.read_text(encoding="utf-8") for p in site.glob("schools/*/*/quality/index.html")}
    flagged = [p for p, text in pages.items() if "Flagged evidence" in text and "Judgment words" in text]
    assert flagged, "no team quality page shows a flagged item"
    portfolio = (site / "quality" / "index.html").read_text(encoding="utf-8")
    assert "By school" in portfolio and "By walkthrough" in portfolio
    assert "observer" not in portfolio.split("By school")[1].lower()  # never by observer or role
    for audience in ("public", "staff"):
        assert not (demo_sites[audience] / "quality").exists()
