"""Bad input: every malformed portfolio gets exactly its one error line, exit 1, no traceback.

Through both shells: `lwsite check` and `mkdocs build`. A failed build leaves the previous
site byte-identical (the content is checked before MkDocs cleans the site folder).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from faults import CATEGORIES, FAULTS, VALID, Edit, Fault
from helpers import env, make_project, mkdocs_build

PROBLEM_RE = re.compile(r"^(?:ERROR\s+-\s+)?(\S+:\d+): (?!warning:)(.+)$")


def apply(content: Path, edits: dict[str, Edit]) -> None:
    for rel, edit in edits.items():
        path = content / rel
        if edit is None:
            path.unlink()
        elif isinstance(edit, bytes):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(edit)
        elif isinstance(edit, str):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(edit, encoding="utf-8", newline="")
        else:
            path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")


def error_lines(output: str) -> list[tuple[str, str]]:
    found = []
    for line in output.splitlines():
        match = PROBLEM_RE.match(line.strip())
        if match and not match.group(1).startswith(("http", "/")):
            found.append((match.group(1), match.group(2)))
    return found


def site_hash(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def valid_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("valid"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def _project(tmp_path: Path, fault: Fault) -> Path:
    project = make_project(tmp_path / "p")
    apply(project / "content", fault.edits)
    for name, text in fault.docs.items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    return project


def test_the_suite_covers_every_category() -> None:
    assert len(FAULTS) >= 25
    assert set(CATEGORIES) <= {f.category for f in FAULTS}
    assert len({f.name for f in FAULTS}) == len(FAULTS)


@pytest.mark.parametrize("fault", [f for f in FAULTS if not f.docs], ids=lambda f: f.name)
def test_check_reports_exactly_one_error(tmp_path: Path, fault: Fault) -> None:
    project = _project(tmp_path, fault)
    result = subprocess.run([sys.executable, "-m", "lwsite", "check", "content"], cwd=project, env=env(),
                            capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    errors = error_lines(result.stdout)
    assert [e[0] for e in errors] == [fault.expect], output
    assert fault.says in errors[0][1], output


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name)
def test_build_fails_with_one_error_and_keeps_the_previous_site(
    tmp_path: Path, fault: Fault, valid_site: Path
) -> None:
    project = _project(tmp_path, fault)
    shutil.copytree(valid_site, project / "site")
    before = site_hash(project / "site")
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    errors = [e for e in error_lines(output) if not e[0].startswith(("lwsite", "Aborted"))]
    assert [e[0] for e in errors] == [fault.expect], output
    assert fault.says in errors[0][1], output
    assert site_hash(project / "site") == before, "a failed build changed the previous site"


@pytest.mark.parametrize("name", sorted(VALID))
def test_unusual_but_valid_content_passes(tmp_path: Path, name: str) -> None:
    project = make_project(tmp_path / "p")
    apply(project / "content", VALID[name])
    result = subprocess.run([sys.executable, "-m", "lwsite", "check", "content"], cwd=project, env=env(),
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert mkdocs_build(project).returncode == 0
