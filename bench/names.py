"""Benchmark of the privacy roster: the check and the build with a roster of realistic size.

Run from the repository root: ``python -m bench.names [--roster 5000] [--visits 2000] [--repeat 3]``.
For the demo portfolio (a copy of this repository's) and a synthetic one (``--visits`` visits, see
bench/synth.py), with the project's own roster and with one of ``--roster`` names (the own names
first, then common English and Spanish names), it times ``lwsite check content`` and a warm
``mkdocs build`` (after one build that fills the chart cache), each in a fresh process, and
reports the medians. ``--source DIR`` measures the lwsite source tree in DIR instead of the
installed one (``git archive HEAD lwsite theme`` into DIR gives the committed version), so that
two versions can be compared on the same machine. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python bench/names.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from bench.run import LWSITE_YML, build_env, machine, shape_for
from bench.synth import write_portfolio, write_roster

ROOT = Path(__file__).resolve().parent.parent
DEMO_PARTS = ("content", "private", "docs", "theme", "mkdocs.yml")


def demo(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in DEMO_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy(source, dest / name)
    return dest


def synthetic(dest: Path, visits: int) -> Path:
    write_portfolio(dest, shape_for(visits))
    (dest / "docs").mkdir(exist_ok=True)
    (dest / "mkdocs.yml").write_text(LWSITE_YML)
    return dest


def own_names(project: Path) -> tuple[str, ...]:
    data = yaml.safe_load((project / "private" / "roster.yml").read_text(encoding="utf-8"))
    return tuple(n if isinstance(n, str) else n["name"] for n in data["names"])


def timed(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float) -> tuple[float | None, str]:
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    seconds = time.perf_counter() - start
    return seconds, proc.stdout + proc.stderr + f"\n(exit {proc.returncode})\n"


def median(values: list[float | None]) -> float | None:
    done = [v for v in values if v is not None]
    return statistics.median(done) if len(done) == len(values) and done else None


def bench_project(project: Path, roster: int, repeat: int, env: dict[str, str], logs: Path,
                  timeout: float, kinds: tuple[str, ...] = ("own", "large")) -> dict[str, Any]:
    own = own_names(project)
    path = project / "private" / "roster.yml"
    original = path.read_text(encoding="utf-8")
    out: dict[str, Any] = {}
    for tag, label, text in (("own", f"own roster ({len(own)} names)", original),
                             ("large", f"{roster:,} names", None)):
        if tag not in kinds:
            continue
        if text is None:
            write_roster(path, roster, keep=own)
        else:
            path.write_text(text, encoding="utf-8")
        check_runs: list[float | None] = []
        build_runs: list[float | None] = []
        timed([sys.executable, "-m", "mkdocs", "build", "-d", "site"], project, env, timeout)  # fill the caches
        for i in range(repeat):
            seconds, log = timed([sys.executable, "-m", "lwsite", "check", "content"], project, env, timeout)
            (logs / f"{project.name}-{tag}-check-{i + 1}.log").write_text(log)
            check_runs.append(seconds)
            seconds, log = timed([sys.executable, "-m", "mkdocs", "build", "-d", "site"], project, env, timeout)
            (logs / f"{project.name}-{tag}-build-{i + 1}.log").write_text(log)
            build_runs.append(seconds)
            print(f"[{project.name}, {label}] check {check_runs[-1]}, build {build_runs[-1]}", file=sys.stderr,
                  flush=True)
        out[label] = {"check_s": median(check_runs), "build_s": median(build_runs),
                      "check_runs": check_runs, "build_runs": build_runs}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--roster", type=int, default=5000, help="names in the large roster (default %(default)s)")
    parser.add_argument("--visits", type=int, default=2000, help="visits of the synthetic portfolio (default "
                        "%(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind; the median is reported")
    parser.add_argument("--out", type=Path, default=Path("bench/out/names"), help="work and results folder")
    parser.add_argument("--source", type=Path, help="benchmark this lwsite source tree instead of the installed one")
    parser.add_argument("--rosters", choices=("own", "large", "both"), default="both",
                        help="time the projects' own rosters, the large one, or both (default)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before one run is given up")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    logs = out / "logs"
    logs.mkdir(parents=True)
    source: Path | None = args.source.resolve() if args.source else None
    env = build_env("public", source)
    kinds = ("own", "large") if args.rosters == "both" else (args.rosters,)
    results = {
        "demo": bench_project(demo(out / "demo"), args.roster, args.repeat, env, logs, args.timeout, kinds),
        f"synthetic, {args.visits:,} visits": bench_project(synthetic(out / "synthetic", args.visits), args.roster,
                                                           args.repeat, env, logs, args.timeout, kinds),
    }
    info = machine() | {"source": str(source) if source else "installed lwsite"}
    (out / "results.json").write_text(json.dumps({"machine": info, "results": results}, indent=2))
    print(f"\nroster benchmark, {info['date']}: {info['nproc']} x {info['cpu']}, Python {info['python']}; lwsite: "
          + (f"source tree {source}" if source else f"commit {info['commit'] or '?'}"
             + (" + uncommitted changes" if info["uncommitted"] else "")) + "\n")
    print("| portfolio | roster | lwsite check | warm mkdocs build |\n|---|---|---|---|")
    for project, rows in results.items():
        for label, row in rows.items():
            cells = ["n/a" if row[k] is None else f"{row[k]:.2f} s" for k in ("check_s", "build_s")]
            print(f"| {project} | {label} | {cells[0]} | {cells[1]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
