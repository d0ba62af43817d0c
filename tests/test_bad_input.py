"""Bad input: every malformed portfolio gets exactly its one error line, exit 1, no traceback.

Through both shells: `lwsite check` and `mkdocs build --strict`. A failed build leaves the
previous site byte-identical (the content is checked before MkDocs cleans the site folder).
The faults and the positive controls are data, in tests/faults.py.

Every fault goes through both shells in this process (``cli.main`` and MkDocs's own build
function, as their command lines call them: a few hundredths of a second, where a process of
each took over a second); an exception, which the command line would print as a traceback, fails
the test. ``test_round_trips_through_both_command_lines`` runs a few faults of different kinds
through the real commands, ``lwsite check`` and ``mkdocs build --strict``, with the same assertions.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_support import lwsite_command
from faults import CATEGORIES, CONTROLS, FAULTS, Control, Edit, Fault
from helpers import build_site, check_content, file_hashes, make_project, mkdocs_build

# a problem line of either shell: "path:line: message", after MkDocs' "ERROR    -  " if any
PROBLEM_RE = re.compile(r"^(?:(?:ERROR|WARNING)\s+-\s+)?(\S+:\d+): (.+)$")


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
            path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8", newline="")


def problems(output: str) -> list[tuple[str, str]]:
    """(path:line, message) of every problem line, warnings included (not the info lines of what is
    left to translate)."""
    found = []
    for line in output.splitlines():
        match = PROBLEM_RE.match(line.strip())
        if match and not match.group(1).startswith(("http", "/")) and not match.group(2).startswith("info:"):
            found.append((match.group(1), match.group(2)))
    return found


def errors(output: str) -> list[tuple[str, str]]:
    return [p for p in problems(output) if not p[1].startswith("warning:")]


def check_command(project: Path) -> subprocess.CompletedProcess[str]:
    """``lwsite check content`` in the project folder: a process of its own."""
    return lwsite_command(project, "check", "content")


check = check_content  # lwsite check CONTENT, in this process


@pytest.fixture(scope="session")
def valid_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The valid minimal portfolio, built once; each build test starts from a copy of it."""
    project = make_project(tmp_path_factory.mktemp("valid"))
    result = build_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def _project(tmp_path: Path, edits: dict[str, Edit], docs: dict[str, str] | None = None) -> Path:
    project = make_project(tmp_path / "p")
    apply(project / "content", edits)
    for name, text in (docs or {}).items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    return project


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    output: str  # stdout and stderr
    site_before: dict[str, str] | None = None  # build only: the previous site's files and hashes
    site_after: dict[str, str] | None = None


def _check_run(tmp_path: Path, fault: Fault, in_process: bool = True) -> Run:
    project = _project(tmp_path, fault.edits, fault.docs)
    result = (check if in_process else check_command)(project)
    return Run(result.returncode, result.stdout, result.stdout + result.stderr)


def _build_run(tmp_path: Path, fault: Fault, valid_site: Path, in_process: bool = True) -> Run:
    project = _project(tmp_path, fault.edits, fault.docs)
    shutil.copytree(valid_site, project / "site")
    before = file_hashes(project / "site")
    result = (build_site if in_process else mkdocs_build)(project)
    return Run(result.returncode, result.stdout, result.stdout + result.stderr, before, file_hashes(project / "site"))


@pytest.fixture(scope="module")
def runs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, valid_site: Path
) -> dict[tuple[str, str], Run]:
    """("check" | "build", fault name) -> its run in this process, for every fault a selected test asks about."""
    names = set()
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "runs" in getattr(item, "fixturenames", ()) and "fault" in callspec.params:
            names.add(callspec.params["fault"].name)
    root = tmp_path_factory.mktemp("faults")
    out = {}
    for fault in FAULTS:
        if fault.name in names:
            out[("check", fault.name)] = _check_run(root / f"check-{fault.name}", fault)
            out[("build", fault.name)] = _build_run(root / f"build-{fault.name}", fault, valid_site)
    return out


def assert_check_reports_exactly_one_error(result: Run, fault: Fault) -> None:
    output = result.output
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    found = errors(result.stdout)
    assert [e[0] for e in found] == [fault.expect], output
    assert fault.says in found[0][1], output


def assert_build_fails_with_one_error_and_keeps_the_previous_site(result: Run, fault: Fault) -> None:
    output = result.output
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    found = errors(output)
    assert [e[0] for e in found] == [fault.expect], output
    assert fault.says in found[0][1], output
    assert output.count(f"{fault.expect}: ") == 1, output
    assert result.site_before, "the previous site was not copied"
    assert result.site_after == result.site_before, "a failed build changed the previous site"


def test_the_suite_covers_every_category() -> None:
    assert len(FAULTS) >= 25
    covered = {f.category for f in FAULTS}
    assert set(CATEGORIES) <= covered, set(CATEGORIES) - covered
    assert covered <= set(CATEGORIES), covered - set(CATEGORIES)
    assert len({f.name for f in FAULTS}) == len(FAULTS)
    assert {"bom-and-crlf", "draft-cycle-is-skipped"} <= {c.name for c in CONTROLS}


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name)
def test_check_reports_exactly_one_error(fault: Fault, runs: dict[tuple[str, str], Run]) -> None:
    assert_check_reports_exactly_one_error(runs[("check", fault.name)], fault)


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name)
def test_build_fails_with_one_error_and_keeps_the_previous_site(fault: Fault, runs: dict[tuple[str, str], Run]) -> None:
    assert_build_fails_with_one_error_and_keeps_the_previous_site(runs[("build", fault.name)], fault)


# one fault of each kind of reading: YAML, bytes that are not UTF-8, and a roster name in the site's
# own docs/ (the roster's own scan of the content: tests/test_privacy_build.py runs both commands)
ROUND_TRIPS = ("broken-yaml", "non-utf8", "roster-name-in-docs")


def test_round_trips_through_both_command_lines(tmp_path: Path, valid_site: Path) -> None:
    """A few faults through the real commands, each a process: exit code 1, one located line, no traceback."""
    faults = [f for f in FAULTS if f.name in ROUND_TRIPS]
    assert sorted(f.name for f in faults) == sorted(ROUND_TRIPS)

    def run(job: tuple[str, Fault]) -> Run:
        kind, fault = job
        where = tmp_path / f"{kind}-{fault.name}"
        if kind == "check":
            return _check_run(where, fault, in_process=False)
        return _build_run(where, fault, valid_site, in_process=False)

    jobs = [(kind, f) for f in faults for kind in ("check", "build")]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for (kind, fault), result in zip(jobs, pool.map(run, jobs), strict=True):
            if kind == "check":
                assert_check_reports_exactly_one_error(result, fault)
            else:
                assert_build_fails_with_one_error_and_keeps_the_previous_site(result, fault)


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: c.name)
def test_unusual_but_valid_content_passes(tmp_path: Path, control: Control) -> None:
    project = _project(tmp_path, control.edits)
    result = check(project)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 0, output
    assert errors(result.stdout) == [], output
    assert (len(problems(result.stdout)) > 0) == control.warns, output
    built = build_site(project, strict=not control.warns)
    assert built.returncode == 0, built.stdout + built.stderr
    if control.not_in_site:
        leaked = [p for p in file_hashes(project / "site") if control.not_in_site in p]
        assert leaked == [], leaked
