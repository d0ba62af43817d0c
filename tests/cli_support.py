"""Helpers for the command-line tests: a throwaway copy of the demo project, and lwsite runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from helpers import ROOT, env

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


def lwsite(project: Path, *args: str, stdin: str | None = None, **extra: str) -> subprocess.CompletedProcess[str]:
    """``python -m lwsite ARGS`` in the project folder (the console script runs the same main)."""
    return subprocess.run([sys.executable, "-m", "lwsite", *args], cwd=project, env=tool_env(**extra),
                          capture_output=True, text=True, check=False, input=stdin)


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
