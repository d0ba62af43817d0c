"""Shared helpers for tests: copy portfolios, build real sites, read their files."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
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


def mkdocs_build(
    project: Path, audience: str = "public", site_dir: str = "site", strict: bool = True, **extra_env: str
) -> subprocess.CompletedProcess[str]:
    """``mkdocs build [--strict] -d SITE_DIR`` in the project folder, as a user runs it: a process of its own.

    Use it where the command line itself is under test; ``build_site`` does the same build in this
    process, without the second or so an interpreter and MkDocs take to start.
    """
    # no -q: it silences warnings, and --strict only fails on warnings it sees
    args = [sys.executable, "-m", "mkdocs", "build", "-d", site_dir]
    if strict:
        args.append("--strict")
    return run(args, project, LWSITE_AUDIENCE=audience, **extra_env)


@contextlib.contextmanager
def environment(**values: str) -> Iterator[None]:
    """os.environ with these values (the test environment's defaults first), as it was afterwards."""
    wanted = {k: v for k, v in env(**values).items() if os.environ.get(k) != v}
    saved = {k: os.environ.get(k) for k in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


class _Log(logging.Handler):
    """MkDocs's log lines as its command line prints them ("ERROR   -  message")."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def build_site(
    project: Path, audience: str = "public", site_dir: str = "site", strict: bool = True, **extra_env: str
) -> subprocess.CompletedProcess[str]:
    """The build ``mkdocs_build`` runs, in this process: same result, with MkDocs's log as its stderr.

    ``mkdocs.commands.build.build(load_config(...))`` with the test environment set, as the command
    line calls it; the return code is 1 where the command line exits with 1 (MkDocs's ``Abort``, which
    a failed plugin and a strict build's warnings end in). Any other exception is a traceback from
    the command line too: it is raised here. Builds in one process run one after the other: MkDocs
    counts a strict build's warnings with a handler on its global logger.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    log = _Log()
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(log)
    logger.setLevel(logging.INFO)
    code = 0
    try:
        with environment(LWSITE_AUDIENCE=audience, **extra_env):
            try:
                config = load_config(str(project / "mkdocs.yml"), strict=strict, site_dir=str(project / site_dir))
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    build(config)
                finally:
                    config.plugins.on_shutdown()
            except (Abort, ConfigurationError) as exc:
                log.lines.append(f"Aborted: {exc}")
                code = 1
    finally:
        logger.removeHandler(log)
        logger.setLevel(level)
    args = ["(in-process) mkdocs", "build", "-d", site_dir, *(["--strict"] if strict else [])]
    return subprocess.CompletedProcess(args, code, "", "\n".join(log.lines) + "\n")


AUDIENCES = ("public", "staff", "team")


def build_audiences(project: Path, **extra_env: str) -> dict[str, Path]:
    """The project built strict for every audience, each into site-AUDIENCE/ (``build_site``, in this
    process): the one builder of every fixture that needs a portfolio's three sites."""
    sites: dict[str, Path] = {}
    for audience in AUDIENCES:
        result = build_site(project, audience, site_dir=f"site-{audience}", strict=True, **extra_env)
        assert result.returncode == 0, result.stdout + result.stderr
        sites[audience] = project / f"site-{audience}"
    return sites


def check_content(project: Path, *args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    """``lwsite check CONTENT ARGS`` in this process (``cli.main``, as the command line calls it): its exit
    code, stdout and stderr. An exception, a traceback from the command line, is raised."""
    import io

    from lwsite import cli

    out, err = io.StringIO(), io.StringIO()
    with environment(**extra_env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", str(project / "content"), *args])
    return subprocess.CompletedProcess(["(in-process) lwsite", "check", *args], code, out.getvalue(), err.getvalue())


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


def file_hashes(folder: Path) -> dict[str, str]:
    """Every file below the folder by its path, with the SHA-256 of its bytes: a site before and after."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
