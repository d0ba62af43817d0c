"""The README's path from a spreadsheet export to a published cycle, run exactly as written.

The commands are read out of the README's first bash block under the heading "Running a
walkthrough cycle: from spreadsheet to site", so the README and this test cannot drift apart.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from cli_support import LINCOLN, demo_project, read_front_matter, tool_env
from helpers import ROOT, output_texts

HEADING = "## Running a walkthrough cycle: from spreadsheet to site"


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert HEADING in text
    section = text.split(HEADING, 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.DOTALL)
    assert block is not None, "the section has no bash block"
    return [line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]


def test_the_readme_path_has_at_most_five_commands() -> None:
    commands = readme_commands()
    assert 1 <= len(commands) <= 5
    assert commands[0].startswith("lwsite new cycle ")
    assert any(c.startswith("lwsite import examples/") for c in commands)
    assert commands[-1].split()[0] in ("mkdocs", "mike")


def test_spreadsheet_to_published_cycle_exactly_as_written(tmp_path: Path) -> None:
    project = demo_project(tmp_path / "demo")
    for command in readme_commands():
        result = subprocess.run(
            ["bash", "-c", command], cwd=project, env=tool_env(), capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    cycle = next((project / LINCOLN / "cycles").glob("2026-11-17-*"))
    assert read_front_matter(cycle / "focus.md")["status"] == "published"
    assert sorted(p.name for p in (cycle / "scripts").iterdir()) == [f"visit-{n}.md" for n in range(1, 7)]
    site = project / "site"
    page = site / "schools/lincoln-elementary" / cycle.name / "index.html"
    assert page.is_file()
    html = page.read_text()
    assert "School year 2026-27" in html
    assert "To what extent do students use subject vocabulary" in html
    # The public site never shows the scripted evidence, in its pages or its search index.
    index = json.loads((site / "search/search_index.json").read_text())
    assert "grouped them in tens" not in json.dumps(index)
    assert not [name for name, text in output_texts(site).items() if "talking stick" in text]
    assert "talking stick" in (cycle / "scripts/visit-1.md").read_text()
