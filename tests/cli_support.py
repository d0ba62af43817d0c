"""Helpers for the command-line tests: a throwaway copy of the demo project, and lwsite runs (in this
process, and a few as processes of their own)."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from helpers import ROOT, env, environment

LINCOLN = "content/schools/lincoln-elementary"
DEMO_PARTS = ("content", "private", "docs", "theme", "examples", "mkdocs.yml")


def demo_project(dest: Path) -> Path:
    """A copy of the repository's demo project (content, roster, docs, theme, examples)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in DEMO_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        elif source.is_file():
            shutil.copy(source, dest / name)
    return dest


def tool_env(**extra: str) -> dict[str, str]:
    """The test environment, with this Python's scripts (lwsite, mkdocs, mike) first on PATH."""
    out = env(**extra)
    out["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), out.get("PATH", "")])
    return out


def lwsite_command(
    project: Path, *args: str, stdin: str | None = None, **extra: str
) -> subprocess.CompletedProcess[str]:
    """``python -m lwsite ARGS`` in the project folder, a process of its own (the console script runs the
    same main): for what only a process shows, its exit code and the installed entry point."""
    return subprocess.run(
        [sys.executable, "-m", "lwsite", *args],
        cwd=project,
        env=tool_env(**extra),
        capture_output=True,
        text=True,
        check=False,
        input=stdin,
    )


def lwsite(project: Path, *args: str, stdin: str | None = None, **extra: str) -> subprocess.CompletedProcess[str]:
    """``lwsite ARGS`` in the project folder, in this process: ``cli.main`` as the command line calls it,
    with the test environment, stdin, stdout and stderr of its own, and its exit code (a usage error's
    SystemExit included). An exception, which the command line would print as a traceback, is raised."""
    from lwsite import cli

    out, err = io.StringIO(), io.StringIO()
    stdin_was = sys.stdin
    sys.stdin = io.StringIO(stdin or "")
    try:
        with (
            environment(**extra),
            contextlib.chdir(project),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            try:
                code = cli.main(list(args))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.stdin = stdin_was
    return subprocess.CompletedProcess(["(in-process) lwsite", *args], code, out.getvalue(), err.getvalue())


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below a folder with its bytes, to prove a command left it untouched."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def read_front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    data = yaml.safe_load(text.split("\n---\n", 1)[0][4:])
    assert isinstance(data, dict)
    return data


def read_yaml(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))
