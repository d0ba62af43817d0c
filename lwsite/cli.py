"""The ``lwsite`` command line: adapts arguments to the core, and prints its results.

Exit codes: 0 ok, 1 content or input error, 2 usage error.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import Problem
from .load.loader import load
from .pipeline import quality_warnings


def _check(args: argparse.Namespace) -> int:
    content = Path(args.content_dir)
    loaded = load(content)
    problems = sorted(loaded.problems.items, key=lambda p: (p.path, p.line, p.message))
    for problem in problems:
        print(problem)
    if loaded.portfolio is not None and not [p for p in problems if not p.warning]:
        problems += list(quality_warnings(loaded.portfolio, content))
    tracked = _roster_tracked(content, loaded.portfolio.privacy.roster if loaded.portfolio else None)
    for warning in tracked:
        print(warning)
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning] + tracked
    if errors or (args.strict and warnings):
        print(f"{len(errors)} error(s), {len(warnings)} warning(s)", file=sys.stderr)
        return 1
    summary = "content is valid"
    if loaded.portfolio is not None:
        cycles = loaded.portfolio.cycles
        summary += f": {len(loaded.portfolio.schools)} school(s), {len(cycles)} published cycle(s)"
    print(f"{summary}; {len(warnings)} warning(s)", file=sys.stderr)
    return 0


def _roster_tracked(content: Path, roster: str | None) -> list[Problem]:
    """A warning when git tracks the roster file, which must never be published."""
    if roster is None:
        return []
    path = (content / roster).resolve()
    try:
        result = subprocess.run(
            ["git", "ls-files", "--error-unmatch", path.name],
            cwd=path.parent, capture_output=True, text=True, check=False,
        )
    except OSError:
        return []
    if result.returncode == 0:
        return [Problem("portfolio.yml", 1, f"the roster file {roster} is tracked by git: anyone who "
                        "can read the repository can read it; remove it from git (git rm --cached) "
                        "and list it in .gitignore", warning=True)]
    return []


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lwsite",
        description="Learning Walkthrough records as a browsable static site.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    check = sub.add_parser(
        "check", help="validate a portfolio without building the site",
        description="Validate every file of a portfolio and list every problem as path:line: message.",
    )
    check.add_argument("content_dir", nargs="?", default=None, metavar="CONTENT_DIR",
                       help="the portfolio folder (default: content)")
    check.add_argument("--content-dir", dest="content_dir_opt", default=None,
                       help="the portfolio folder (same as CONTENT_DIR)")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.set_defaults(func=_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "content_dir_opt", None) is not None:
        if args.content_dir is not None and args.content_dir != args.content_dir_opt:
            parser.error("give the content folder once, as CONTENT_DIR or --content-dir")
        args.content_dir = args.content_dir_opt
    if hasattr(args, "content_dir") and args.content_dir is None:
        args.content_dir = "content"
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
