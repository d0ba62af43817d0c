"""One gate: whatever the content, `lwsite check` and `mkdocs build --strict` agree.

Hypothesis mutates the minimal portfolio (byte edits, YAML values swapped for other types,
empty, huge, odd Unicode or control characters, files deleted, duplicated, renamed or turned
into folders) and asserts, for each mutant: both accept it, or both refuse it, check with
located ``path:line:`` lines; never a traceback; a refused build leaves the previous site
byte-identical. It found that a strict build failing on a content warning only (a roster first
name alone) emptied the site folder first: tests/test_files.py keeps that case.

Both run in this process (no interpreter start-up per example), one after the other: MkDocs
counts a strict build's warnings with a handler on its global logger, so two builds at once
would count each other's. The examples are fixed (``derandomize``: seeded from this test's
code) and 120, so the test takes about a minute and fails the same way every time.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, environment, file_hashes, make_project
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from lwsite import cli
from lwsite.model import Audience
from lwsite.pipeline import Settings, prepare

CONTENT = FIXTURES / "minimal" / "content"
FILES = sorted(p.relative_to(CONTENT).as_posix() for p in CONTENT.rglob("*") if p.is_file())
LOCATED = re.compile(r"^\S.*:\d+: \S")  # path:line: message

ODD_VALUES = [
    "",
    "~",
    "null",
    "yes",
    "no",
    "0",
    "-1",
    "08",
    "1e3",
    "3.5",
    "2025-02-30",
    "2025-10-14",
    '"08:45"',
    "8:45",
    '"23:59"',
    "[]",
    "{}",
    "[a, b]",
    "{a: 1}",
    "x" * 6000,
    "\u202eevil",
    "\ufb01",
    "\U0001d7d8",
    "\u0663",
    '"\\x01"',
    '"\\v"',
    '"\\ud800"',
    '"\\ufffe"',
    "*x",
    "&x v",
    "!x v",
    "../x",
    '"a\\nb"',
    "|\n  block\n\n  text",
    "Maria Lopez",
    "[x](javascript:1)",
    "![x](http://e.com/p.png)",
    "- item",
    "'",
    '"',
    "# c",
    "a: b",
    "\u00e9",
    "'\u2028'",
    "[D, P]",
    "team-only",
    "public",
    "staff",
    "draft",
    "99",
    "600",
    "P",
    "NE",
    "student-discourse",
    "<b>bold</b>",
    "&amp;",
    "`code`",
    "[" * 300,
    "\\[x]",
    "visit-1",
    "ownership",
]
BYTES = [
    b"\x00",
    b"\x0b",
    b"\x1b",
    b"\x7f",
    b"\xc2\x85",
    b"\xff",
    b"\xe9",
    b"[",
    b"]",
    b"{",
    b"}",
    b":",
    b"\n",
    b"\r",
    b"---\n",
    b"\t",
    b"&a ",
    b"*a",
    b"\xe2\x80\xa8",
    b"\xd9\xa3",
    b"  ",
    b"- ",
    b"#",
    b'"',
    b"'",
    b"\\",
    b"`",
    b"<",
    b"|",
    b"\xef\xbb\xbf",
    b"!",
    b"(",
]
NAMES = [
    "visit-3.md",
    "visit-03.md",
    "visit-\u0663.md",
    "Visit-1.md",
    "visit-1.md.bak",
    ".hidden.md",
    "notes.md",
    "debrief.markdown",
    "schedule.yaml",
    "focus.md",
    "team.yml",
    "actions.yml",
    "summary.md",
    "highlights.md",
    "family-letter.fr.md",
    "family-letter.es.md",
    "announcement.md",
    "continuum2.yml",
    "school.yml",
    "x y.md",
    "maria-lopez.md",
]

# text that is valid but odd: what a build must render as a check accepted it
PIECES = [
    *"ab Z9.,;:!?-*_`[]()<>&#|\\/'\"~^=+{}%$@\n",
    "\u00e9",
    "\u00df",
    "\u202e",
    "\u200b",
    "\u2028",
    "\ufb01",
    "\U0001f600",
    "\u0663",
    "\u05d0",
    "\u4e2d",
    "\u0301",
    "&amp;",
    "&#106;",
    "<script>",
    "](",
    "![",
    "- ",
    "1. ",
    "    ",
    "\n\n",
    "---",
    "***",
    "|-|",
    "http://e.com",
    "mailto:a@b.c",
    "Jordan",
]
ODD_TEXT = st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join)
FREE_TEXT_KEYS = (
    "question",
    "claim",
    "message",
    "prediction",
    "reflection",
    "title",
    "description",
    "name",
    "role",
    "measure",
    "outcome",
    "subject",
    "grade",
    "improvement_goal",
    "action",
    "owner",
    "label",
)
MARKDOWN = [f for f in FILES if f.endswith(".md")]
text_value = st.tuples(st.just("text"), st.sampled_from(FILES), st.integers(0, 40), ODD_TEXT)
body_text = st.tuples(st.just("body"), st.sampled_from(MARKDOWN), ODD_TEXT)
line_edit = st.tuples(st.just("value"), st.sampled_from(FILES), st.integers(0, 40), st.sampled_from(ODD_VALUES))
byte_edit = st.tuples(
    st.just("bytes"),
    st.sampled_from(FILES),
    st.floats(0, 1),
    st.sampled_from(["insert", "replace", "delete"]),
    st.sampled_from(BYTES),
)
layout_edit = st.tuples(
    st.sampled_from(["delete", "duplicate", "rename", "folder"]), st.sampled_from(FILES), st.sampled_from(NAMES)
)
cycle_copy = st.tuples(
    st.just("cycle"), st.sampled_from(["2025-10-14-again", "2024-03-01-earlier", "2025-13-01-bad", "2026-01-05-later"])
)
mutation = st.one_of(line_edit, byte_edit, layout_edit, cycle_copy, text_value, text_value, body_text, body_text)


def mutate(content: Path, edit: tuple[object, ...]) -> None:
    kind = edit[0]
    if kind == "cycle":
        source = content / "schools" / "oak" / "cycles" / "2025-10-14-talk"
        target = source.parent / str(edit[1])
        if not target.exists():
            shutil.copytree(source, target)
        return
    path = content / str(edit[1])
    if not path.is_file():
        return  # an earlier edit removed or replaced it
    if kind == "text":  # a free-text value, YAML-quoted so that it stays text
        lines = path.read_text(encoding="utf-8").split("\n")
        keyed = [i for i, line in enumerate(lines) if re.match(rf"^[ -{{]*({'|'.join(FREE_TEXT_KEYS)}): ", line)]
        if keyed:
            i = keyed[int(str(edit[2])) % len(keyed)]
            head, value = lines[i].split(": ", 1)
            quoted = '"' + str(edit[3]).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
            end = "}" if value.rstrip().endswith("}") and "{" in head else ""
            lines[i] = f"{head}: {quoted}{end}"
            path.write_text("\n".join(lines), encoding="utf-8")
    elif kind == "body":  # a line of Markdown
        with path.open("a", encoding="utf-8") as handle:
            handle.write(str(edit[2]) + "\n")
    elif kind == "value":
        raw = path.read_bytes().split(b"\n")
        keyed = [i for i, line in enumerate(raw) if re.match(rb"^[ -]*[A-Za-z_-]+: ", line)]
        if keyed:
            i = keyed[int(str(edit[2])) % len(keyed)]
            key = raw[i].split(b": ", 1)[0]
            raw[i] = key + b": " + str(edit[3]).encode("utf-8")
            path.write_bytes(b"\n".join(raw))
    elif kind == "bytes":
        data = path.read_bytes()
        at = int(float(str(edit[2])) * len(data))
        payload = edit[4]
        assert isinstance(payload, bytes)
        how = edit[3]
        data = (
            data[:at] + payload + data[at:]
            if how == "insert"
            else data[:at] + payload + data[at + 1 :]
            if how == "replace"
            else data[:at] + data[at + len(payload) :]
        )
        path.write_bytes(data)
    elif kind == "delete":
        path.unlink()
    elif kind in ("duplicate", "rename"):
        target = path.parent / str(edit[2])
        if not target.exists():
            (shutil.copy if kind == "duplicate" else shutil.move)(path, target)
    elif kind == "folder":
        data = path.read_bytes()
        path.unlink()
        path.mkdir()
        (path / "inside.md").write_bytes(data)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def run_check(project: Path) -> tuple[int, list[str], list[str]]:
    """Exit code of `lwsite check`, its error lines and its warning lines other than the coach's.

    The evidence-quality coach's flags are information for a build (the plugin's ``quality:
    info``), so only `check --strict` fails on them: they are left out of the comparison.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", str(project / "content")])
    lines = out.getvalue().splitlines()
    assert all(LOCATED.match(line) for line in lines), out.getvalue()
    lines = [line for line in lines if ": info: " not in line]  # what is left to translate
    errors = [line for line in lines if ": warning: " not in line]
    warnings = [line for line in lines if ": warning: " in line]
    if warnings and not errors:
        coach = {
            str(p)
            for p in prepare(
                Settings(project / "content", Audience.PUBLIC, docs_dir=project / "docs", project_dir=project)
            ).quality
        }
        warnings = [w for w in warnings if w not in coach]
    return code, errors, warnings


def run_build(project: Path) -> tuple[bool, list[str]]:
    """Whether `mkdocs build --strict` succeeded, and what it logged at WARNING and above."""
    records = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(records)
    try:
        config = load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(project / "site"))
        try:
            build(config)
            return True, records.lines
        except Abort:
            return False, records.lines
    finally:
        logger.removeHandler(records)


@pytest.fixture(scope="module")
def valid_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("valid"))
    with environment(LWSITE_TODAY="2026-11-22", LWSITE_AUDIENCE="public"):
        ok, lines = run_build(project)
    assert ok, lines
    return project / "site"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mutants")


# no shrinking: a failing example (at most three edits) reads well as it is, and shrinking one took
# over five minutes of builds
@settings(
    max_examples=120,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=st.lists(mutation, min_size=1, max_size=3), audience=st.sampled_from(["public", "staff", "team"]))
def test_check_and_build_agree_on_any_mutant(
    edits: list[tuple[object, ...]], audience: str, valid_site: Path, workdir: Path
) -> None:
    project = workdir / "p"
    if project.exists():
        shutil.rmtree(project)
    make_project(project)
    for edit in edits:
        mutate(project / "content", edit)
    with environment(LWSITE_TODAY="2026-11-22", LWSITE_AUDIENCE=audience):
        code, errors, warnings = run_check(project)
        shutil.copytree(valid_site, project / "site")
        before = file_hashes(project / "site")
        built, logged = run_build(project)
    checked = code == 0 and not warnings
    event("accepted" if checked else "refused")
    assert checked == built, (edits, errors, warnings, logged)
    if not checked:
        assert errors or warnings, (edits, code)
    if not built:
        assert file_hashes(project / "site") == before, (edits, "a failed build changed the previous site")
