"""Benchmark of the privacy roster: the check and the build with a roster of realistic size.

Run from the repository root: ``python -m bench.names [--roster 5000] [--visits 2000] [--repeat 3]``.
For the demo portfolio (a copy of this repository's) and a synthetic one (``--visits`` visits, see
bench/synth.py), with the project's own roster and with one of ``--roster`` names (the own names
first, then common English and Spanish names), it times lwsite's loading and scanning of the
content and docs/ (``lwsite.load.portfolio.load``, timed inside the process), ``lwsite check
content`` and a warm ``mkdocs build`` (after one build that fills the chart cache), each in a
fresh process, and reports the medians. ``--source DIR`` measures the lwsite source tree in DIR (``git archive HEAD
lwsite theme`` into DIR gives a committed version) instead of the installed one; given several
times, the versions are measured in turn, repeat by repeat, so that a drift in the machine's
speed touches each alike. A run slower than ``--slow`` seconds is not repeated, and one that
exceeds ``--timeout`` is reported as such (the roster scan before this matcher took minutes per
check with a large roster). See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import resource
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
KINDS = ("load", "check", "build")
# lwsite's loading and checking of the content and docs/ alone, timed inside the process
LOAD = (
    "import time; from pathlib import Path; from lwsite.load import portfolio; "
    "t, c = time.perf_counter(), time.process_time(); portfolio.load(Path('content'), Path('docs')); "
    "print(f'load {time.perf_counter() - t:.4f} {time.process_time() - c:.4f}')"
)


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


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float) -> tuple[float | None, float | None, str]:
    """Wall time and CPU time (user + system) of a command, and its output."""
    start, cpu = time.perf_counter(), _cpu()
    try:
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, "timed out"
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
    return seconds, cpu, proc.stdout + proc.stderr


COMMANDS = {
    "load": ["-c", LOAD],
    "check": ["-m", "lwsite", "check", "content"],
    "build": ["-m", "mkdocs", "build", "-d", "site"],
}


def bench_project(
    project: Path,
    roster: int,
    repeat: int,
    envs: dict[str, dict[str, str]],
    logs: Path,
    timeout: float,
    slow: float,
    kinds: tuple[str, ...],
    own_only: set[str],
) -> dict[str, Any]:
    """{roster label: {source: {"load": [seconds | None...], "load_cpu": [...], "check": [...], ...}}}.

    Each repeat runs every roster with every version in turn, so that a drift in the machine's
    speed touches them alike."""
    own = own_names(project)
    path = project / "private" / "roster.yml"
    texts = {"own": path.read_text(encoding="utf-8")}
    write_roster(path, roster, keep=own)
    texts["large"] = path.read_text(encoding="utf-8")
    labels = {"own": f"own roster ({len(own)} names)", "large": f"{roster:,} names"}
    path.write_text(texts["own"], encoding="utf-8")
    # fill the chart cache (the same charts for every roster and version) with a quick build
    timed([sys.executable, *COMMANDS["build"]], project, next(iter(envs.values())), timeout)
    runs: dict[str, dict[str, dict[str, list[float | None]]]] = {
        tag: {
            s: {f"{k}{cpu}": [] for k in KINDS for cpu in ("", "_cpu")}
            for s in envs
            if tag == "own" or s not in own_only
        }
        for tag in kinds
    }
    given_up: set[tuple[str, str, str]] = set()
    for i in range(repeat):
        for tag in kinds:
            path.write_text(texts[tag], encoding="utf-8")
            for n, (source, env) in enumerate(envs.items()):
                if source not in runs[tag]:
                    continue
                for kind in KINDS:
                    if (tag, source, kind) in given_up:
                        continue
                    seconds, cpu, log = timed([sys.executable, *COMMANDS[kind]], project, env, timeout)
                    if kind == "load" and seconds is not None:
                        seconds, cpu = (float(x) for x in log.split("load ", 1)[1].split()[:2])
                    (logs / f"{project.name}-{tag}-{n}-{kind}-{i + 1}.log").write_text(log)
                    runs[tag][source][kind].append(seconds)
                    runs[tag][source][f"{kind}_cpu"].append(cpu)
                    if seconds is None or seconds > slow:
                        given_up.add((tag, source, kind))
                    shown = "timed out" if seconds is None else f"{seconds:.2f} s ({cpu:.2f} s CPU)"
                    print(
                        f"[{project.name}, {labels[tag]}, {source}] {kind} {i + 1}: {shown}",
                        file=sys.stderr,
                        flush=True,
                    )
    return {labels[tag]: runs[tag] for tag in kinds}


def median(values: list[float | None]) -> str:
    if not values:
        return "n/a"
    if any(v is None for v in values):
        return "timed out"
    done = [v for v in values if v is not None]
    note = "" if len(done) > 1 else " (1 run)"
    return f"{statistics.median(done):.2f} s{note}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--roster", type=int, default=5000, help="names in the large roster (default %(default)s)")
    parser.add_argument(
        "--visits", type=int, default=2000, help="visits of the synthetic portfolio (default %(default)s)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind; the median is reported")
    parser.add_argument("--out", type=Path, default=Path("bench/out/names"), help="work and results folder")
    parser.add_argument(
        "--source",
        action="append",
        default=[],
        help="benchmark this lwsite source tree instead of the installed one (repeatable); "
        "DIR=own times it with the projects' own rosters only",
    )
    parser.add_argument(
        "--rosters",
        choices=("own", "large", "both"),
        default="both",
        help="time the projects' own rosters, the large one, or both (default)",
    )
    parser.add_argument("--timeout", type=float, default=600, help="seconds before one run is given up")
    parser.add_argument("--slow", type=float, default=60, help="a run slower than this is not repeated")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    logs = out / "logs"
    logs.mkdir(parents=True)
    sources = [Path(s.removesuffix("=own")).resolve() for s in args.source]
    own_only = {str(Path(s.removesuffix("=own")).resolve()) for s in args.source if s.endswith("=own")}
    for source in sources:
        if not (source / "lwsite" / "plugin.py").is_file():
            raise SystemExit(f"--source: {source} holds no lwsite/plugin.py")
    envs = {str(s): build_env("public", s) for s in sources} or {"installed lwsite": build_env("public", None)}
    kinds = ("own", "large") if args.rosters == "both" else (args.rosters,)
    results = {
        "demo": bench_project(
            demo(out / "demo"), args.roster, args.repeat, envs, logs, args.timeout, args.slow, kinds, own_only
        ),
        f"synthetic, {args.visits:,} visits": bench_project(
            synthetic(out / "synthetic", args.visits),
            args.roster,
            args.repeat,
            envs,
            logs,
            args.timeout,
            args.slow,
            kinds,
            own_only,
        ),
    }
    info = machine()
    (out / "results.json").write_text(
        json.dumps({"machine": info, "sources": list(envs), "results": results}, indent=2)
    )
    print(
        f"\nroster benchmark, {info['date']}: {info['nproc']} x {info['cpu']}, Python {info['python']}, "
        f"commit {info['commit'] or '?'}; medians of {args.repeat} fresh processes\n"
    )
    print(
        "Each cell: the median wall time, and in brackets the median CPU time (user + system), which a busy\n"
        "machine disturbs less.\n"
    )
    print(
        "| portfolio | roster | lwsite | load and scan (in process) | lwsite check | warm mkdocs build |\n"
        "|---|---|---|---|---|---|"
    )
    for project, rows in results.items():
        for label, by_source in rows.items():
            for source, runs in by_source.items():
                cells = [f"{median(runs[k])} ({median(runs[k + '_cpu'])})" for k in KINDS]
                print(f"| {project} | {label} | {source} | {' | '.join(cells)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
