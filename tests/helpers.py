"""Shared helpers for tests: copy portfolios, build real sites, read their files."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINIMAL_MKDOCS = "site_name: Test portfolio\ntheme: {name: material}\nplugins: [search, lwsite]\n"


def make_project(dest: Path, fixture: Path | None = None, mkdocs_yml: str = MINIMAL_MKDOCS) -> Path:
    """A portfolio of a user's own: content/, private/, an empty docs/ and a minimal mkdocs.yml."""
    source = fixture or FIXTURES / "minimal"
    shutil.copytree(source / "content", dest / "content")
    if (source / "private").is_dir():
        shutil.copytree(source / "private", dest / "private")
    (dest / "docs").mkdir(exist_ok=True)
    (dest / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    return dest


def env(**extra: str) -> dict[str, str]:
    out = dict(os.environ)
    out.setdefault("NO_MKDOCS_2_WARNING", "1")
    out.setdefault("LWSITE_TODAY", "2026-11-22")
    out.update(extra)
    return out


def run(args: list[str], cwd: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env(**extra_env), capture_output=True, text=True, check=False)


def mkdocs_build(project: Path, audience: str = "public", site_dir: str = "site", strict: bool = True,
                 **extra_env: str) -> subprocess.CompletedProcess[str]:
    # no -q: it silences warnings, and --strict only fails on warnings it sees
    args = [sys.executable, "-m", "mkdocs", "build", "-d", site_dir]
    if strict:
        args.append("--strict")
    return run(args, project, LWSITE_AUDIENCE=audience, **extra_env)


def output_texts(site: Path) -> dict[str, str]:
    """Every output file as text, .gz files decompressed."""
    out: dict[str, str] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        out[path.relative_to(site).as_posix()] = data.decode("utf-8", errors="replace")
    return out
