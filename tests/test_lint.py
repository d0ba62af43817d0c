"""ruff over the code and mypy --strict over the package, in the test run CI makes."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT


def test_ruff() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "lwsite", "tests", "bench"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "lwsite"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
