"""``lwsite check``'s core: every problem a build of any audience would meet, without building.

The same pipeline as the build: the content is loaded and checked once, then prepared for
each audience; the evidence-quality coach's flags come last. ``roster_tracked`` adds the
warning a build cannot give: the privacy roster is tracked by git.
"""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, Problems
from .i18n.localize import languages_of, untranslated
from .load.portfolio import load
from .model import Audience, Portfolio
from .pipeline import Settings, prepare_editions
from .privacy import load_roster


class _AnyTags(yaml.SafeLoader):
    """The safe loader, reading a tagged value (!ENV, !!python/name:...) as null."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_AnyTags.add_multi_constructor("", _untagged)


def project_config(project: Path) -> tuple[Path | None, str]:
    """The docs folder of the project's mkdocs.yml (``docs_dir``, default docs), if it has one,
    and the lwsite plugin's ``quality`` option (default info)."""
    config = project / "mkdocs.yml"
    if not config.is_file():
        return None, "info"
    try:
        data = yaml.load(config.read_text(encoding="utf-8-sig"), Loader=_AnyTags)
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        data = None
    data = data if isinstance(data, dict) else {}
    docs = data.get("docs_dir")
    plugins = data.get("plugins")
    entries = (
        list(plugins.items())
        if isinstance(plugins, dict)
        else [
            next(iter(p.items())) if isinstance(p, dict) and len(p) == 1 else (p, None)
            for p in (plugins if isinstance(plugins, list) else [])
        ]
    )
    options = next((o for name, o in entries if name == "lwsite" and isinstance(o, dict)), {})
    quality = options.get("quality")
    return project / (docs if isinstance(docs, str) else "docs"), quality if isinstance(quality, str) else "info"


def check_problems(content: Path) -> tuple[list[Problem], Portfolio | None]:
    """Every problem a build of any audience would meet, and the portfolio when there is no error.

    The same pipeline as the build, without writing a site: the content is loaded and checked
    once (with the docs folder of the mkdocs.yml beside the content folder, whose folder is the
    project folder), then prepared for each audience. The coach's flags come last: errors
    when the plugin's ``quality`` option is ``error``, as the build makes them, else warnings.
    """
    project = content.absolute().parent
    docs, level = project_config(project)
    loaded = load(content, docs, project)
    problems = sorted(loaded.problems.items, key=lambda p: (p.path, p.line, p.message))
    if loaded.portfolio is None:
        return problems, None
    seen, quality = set(problems), None
    for audience in Audience:
        # every edition the audience's site is built in (the public's: every language of the portfolio)
        settings = Settings(content, audience, docs_dir=docs, project_dir=project)
        for prepared in prepare_editions(settings, loaded).values():
            problems += [p for p in prepared.problems if p not in seen]
            seen.update(prepared.problems)
            quality = quality or prepared.quality
            if not prepared.ok:
                return problems, None
    flagged = [replace(p, warning=False) if level == "error" else p for p in quality or ()]
    problems += [p for p in flagged if p not in seen]
    return problems, None if level == "error" and flagged else loaded.portfolio


def untranslated_lines(portfolio: Portfolio) -> list[str]:
    """What the public reads that has no translation yet, per language and file, as info lines."""
    return [
        f"{found.path}:1: info: {found.message()}"
        for lang in languages_of(portfolio)
        for found in untranslated(portfolio, lang)
    ]


def roster_tracked(content: Path, roster: str | None) -> list[Problem]:
    """A warning when git tracks the roster file, which must never be published, unless the roster
    declares itself a sample of fictional names (``sample: true``, as the demo's does)."""
    if roster is None:
        return []
    path = (content / roster).resolve()
    loaded = load_roster(path, (), Problems(), roster) if path.is_file() else None
    if loaded is not None and loaded.sample:
        return []
    try:
        result = subprocess.run(
            ["git", "ls-files", "--error-unmatch", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return []
    if result.returncode == 0:
        return [
            Problem(
                "portfolio.yml",
                1,
                f"the roster file {roster} is tracked by git: anyone who "
                "can read the repository can read it; remove it from git (git rm --cached) "
                "and list it in .gitignore (a roster of fictional names, a demo's, may say "
                "sample: true instead)",
                warning=True,
            )
        ]
    return []
