"""Benchmark: the demo built in two languages against the demo built in one (issue 13's target: at
most 2.2 times as long).

Run from the repository root: ``python -m bench.languages [--repeat N] [--out DIR]``. The demo
(``content/``, ``private/``, ``docs/``, ``theme/``, ``mkdocs.yml``) is copied twice: once as it is
(``languages: [en, es]``: the English site at the root and the Spanish one under ``es/``), once built
with ``LWSITE_LANGUAGES=en`` (the English site alone: the same content, loaded and checked in both
languages, without the Spanish edition; a copy with ``languages: [en]`` would be refused, since its
texts in Spanish name a language the portfolio does not have). Each build is
``python -m mkdocs build --strict -d site`` in a fresh process under ``/usr/bin/time -v`` (public
audience, ``LWSITE_TODAY=2026-11-22``), alternating the two so that a drift in the machine's speed
touches both alike: cold (lwsite's chart cache deleted first), then warm. Prints the medians and
the ratios, and writes ``<out>/languages.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python bench/languages.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import Build, build, build_env, machine

ROOT = Path(__file__).resolve().parent.parent
TARGET = 2.2
LANGUAGES_RE = re.compile(r"^(languages|letter_languages): .*$", re.MULTILINE)


def demo_copy(dest: Path, languages: str) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in ("content", "private", "docs", "theme"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    portfolio = dest / "content" / "portfolio.yml"
    text, found = LANGUAGES_RE.subn(f"languages: {languages}", portfolio.read_text(encoding="utf-8"))
    assert found == 1, "the demo's portfolio.yml names its languages once"
    portfolio.write_text(text, encoding="utf-8")
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="builds of each kind (default %(default)s)")
    parser.add_argument("--out", type=Path, default=Path("bench/out"), help="work and results folder")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    projects = {
        "one": demo_copy(out / "languages" / "one", "[en, es]"),
        "two": demo_copy(out / "languages" / "two", "[en, es]"),
    }
    both = {k: v for k, v in build_env("public", None).items() if k != "LWSITE_LANGUAGES"}
    envs = {"one": both | {"LWSITE_LANGUAGES": "en"}, "two": both}
    runs: dict[str, list[Build]] = {f"{n}-{kind}": [] for n in projects for kind in ("cold", "warm")}
    for i in range(args.repeat):
        for name, project in projects.items():
            shutil.rmtree(project / ".cache", ignore_errors=True)
            for kind in ("cold", "warm"):
                log = out / "logs" / "languages" / f"{name}-{kind}-{i}.log"
                log.parent.mkdir(parents=True, exist_ok=True)
                runs[f"{name}-{kind}"].append(build(project, log, envs[name]))
    pages = {name: sum(1 for _ in (project / "site").rglob("*.html")) for name, project in projects.items()}
    median = {key: statistics.median(b.seconds for b in builds) for key, builds in runs.items()}
    ratio = {kind: median[f"two-{kind}"] / median[f"one-{kind}"] for kind in ("cold", "warm")}
    print(
        f"demo, public audience, {args.repeat} repeat(s); HTML pages: one language {pages['one']}, two {pages['two']}\n"
    )
    print("| build | one language (en) | two languages (en, es) | two / one |")
    print("|---|---|---|---|")
    for kind in ("cold", "warm"):
        print(f"| {kind} | {median[f'one-{kind}']:.2f} s | {median[f'two-{kind}']:.2f} s | {ratio[kind]:.2f} |")
    peak = {key: max(b.rss_kib for b in builds) // 1024 for key, builds in runs.items()}
    print(f"\npeak memory (MiB): {peak}")
    verdict = all(r <= TARGET for r in ratio.values())
    print(f"target: two languages at most {TARGET}x one: {'met' if verdict else 'NOT met'}")
    results: dict[str, Any] = {
        "machine": machine(),
        "repeat": args.repeat,
        "pages": pages,
        "median_seconds": median,
        "ratio": ratio,
        "peak_mib": peak,
        "target": TARGET,
        "met": verdict,
        "runs": {key: [b.seconds for b in builds] for key, builds in runs.items()},
    }
    (out / "languages.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())
