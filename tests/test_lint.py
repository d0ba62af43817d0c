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


def test_the_core_imports_no_host() -> None:
    """Every module but the plugin (the command line and its core included) imports neither MkDocs nor
    ProperDocs: another host needs only an adapter."""
    script = (
        "import pkgutil, importlib, sys, lwsite\n"
        "for m in pkgutil.walk_packages(lwsite.__path__, 'lwsite.'):\n"
        "    if m.name not in ('lwsite.plugin', 'lwsite.__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "hosts = sorted(n for n in sys.modules if n.split('.')[0] in ('mkdocs', 'properdocs', 'material'))\n"
        "assert not hosts, hosts\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
