"""ruff (lint and format) and mypy --strict over the package, the tests and the benchmark, in the test
run CI makes: the scope and the rules are pyproject.toml's."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT


def _run(*args: str) -> None:
    result = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff() -> None:
    _run("ruff", "check", ".")


def test_ruff_format() -> None:
    _run("ruff", "format", "--check", ".")


def test_mypy_strict() -> None:
    _run("mypy")  # files: lwsite, tests, bench; strict (pyproject.toml)
