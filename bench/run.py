"""Benchmark: lwsite against plain Material on the same synthetic evidence.

Run from the repository root: ``python -m bench.run [--sizes 500,2000,8000] [--repeat N] [--out bench/out]``.
Each size is a total number of visits, built as (visits / 100) schools x 4 cycles x 25 visits.
Every build is ``python -m mkdocs build`` in a fresh process under ``/usr/bin/time -v``, which gives
its wall time and peak memory. Prints Markdown tables and writes the raw figures to ``<out>/results.json``.
See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth import Shape, write_plain, write_portfolio

CYCLES, VISITS = 4, 25  # per school; a size adds schools, the way a district grows
LWSITE_YML = "site_name: Synthetic District\ntheme: {name: material}\nplugins: [search, lwsite]\n"
TODAY = "2026-11-22"
CHARTS_RE = re.compile(r"lwsite: (\d+) chart\(s\) rendered")
RSS_RE = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")
WALL_RE = re.compile(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)")
GIB_KIB = 1024 * 1024
# The features the "without trends" build leaves out: trend pages, charts, ledger, coverage, downloads.
TREND_FEATURES = ("trends", "ledger", "coverage", "downloads")
WITHOUT_TRENDS = f"""
import sys
from lwsite import pipeline
real = pipeline.all_features
pipeline.all_features = lambda: [f for f in real() if f.__module__.rsplit(".", 1)[-1] not in {TREND_FEATURES!r}]
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "-d", "site"]
cli()
"""
Result = dict[str, Any]  # one size's figures, as written to results.json


@dataclass(frozen=True)
class Build:
    seconds: float
    rss_kib: int
    charts: int | None  # lwsite's "N chart(s) rendered" when it logs it


@dataclass(frozen=True)
class Output:
    total_bytes: int
    files: int
    pages: int
    largest_page: str
    largest_page_bytes: int


def shape_for(total: int) -> Shape:
    if total <= 0 or total % (CYCLES * VISITS):
        raise SystemExit(f"--sizes: {total} is not a positive multiple of {CYCLES * VISITS} visits")
    return Shape(total // (CYCLES * VISITS), CYCLES, VISITS)


def write_lwsite(dest: Path, shape: Shape, roster: int = 2) -> Path:
    write_portfolio(dest, shape, roster=roster)
    (dest / "docs").mkdir(exist_ok=True)
    (dest / "mkdocs.yml").write_text(LWSITE_YML)
    return dest


def build_env(audience: str, source: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LWSITE_SCHOOL_YEAR", "MIKE_DOCS_VERSION")}
    if source is not None:  # a source tree (lwsite/ and theme/) imported before the installed lwsite
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), env.get("PYTHONPATH")]))
    return env | {"NO_MKDOCS_2_WARNING": "1", "LWSITE_TODAY": TODAY, "LWSITE_AUDIENCE": audience}


def parse_wall(text: str) -> float:
    seconds = 0.0
    for part in text.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def build(project: Path, log: Path, env: dict[str, str], trends: bool = True) -> Build:
    """One ``mkdocs build`` (not quiet, so lwsite's INFO lines are in the log) in a fresh process;
    with ``trends`` false, lwsite without its trend features (to measure what they add)."""
    timing = log.with_suffix(".time")
    mkdocs = ["-m", "mkdocs", "build", "-d", "site"] if trends else ["-c", WITHOUT_TRENDS]
    cmd = ["/usr/bin/time", "-v", "-o", str(timing), sys.executable, *mkdocs]
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, check=False)
    output = proc.stdout + proc.stderr
    log.write_text(output)
    if proc.returncode != 0:
        tail = "\n".join(output.splitlines()[-20:])
        raise SystemExit(f"build failed in {project} (exit {proc.returncode}); log: {log}\n{tail}")
    report = timing.read_text()
    wall, rss = WALL_RE.search(report), RSS_RE.search(report)
    if wall is None or rss is None:
        raise SystemExit(f"cannot read /usr/bin/time -v output in {timing}")
    charts = CHARTS_RE.search(output)
    return Build(parse_wall(wall.group(1)), int(rss.group(1)), int(charts.group(1)) if charts else None)


def measure(site: Path) -> Output:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    return Output(
        total_bytes=sum(p.stat().st_size for p in files),
        files=len(files),
        pages=len(pages),
        largest_page=largest.relative_to(site).as_posix(),
        largest_page_bytes=largest.stat().st_size,
    )


def edit_visit(project: Path, n: int) -> Path:
    """Edit one visit of school 01's first cycle as an observer would: add an evidence line and raise a
    rating below Providing to Sustaining. Each edit raises the share rated Providing or above, so the
    school's trend charts show data they never showed before and must be rendered again."""
    scripts = min((project / "content" / "schools" / "school-01" / "cycles").iterdir()) / "scripts"
    for visit in sorted(scripts.glob("visit-*.md"), key=lambda p: int(p.stem.split("-")[1])):
        text = visit.read_text()
        low = re.search(r"^  student-discourse: (NE|D)$", text, re.MULTILINE)
        if low is not None:
            text = text[: low.start(1)] + "S" + text[low.end(1) :]
            line = f"- [student-discourse] Benchmark edit {n + 1}: 7 of 12 students revised a claim after partner talk."
            visit.write_text(text + line + "\n")
            return visit
    raise SystemExit(f"{scripts}: no visit left rated below Providing to edit (too many --repeat)")


def series(builds: list[Build]) -> dict[str, Any]:
    return {
        "median_s": statistics.median(b.seconds for b in builds),
        "peak_rss_kib": max(b.rss_kib for b in builds),
        "charts": [b.charts for b in builds],
        "runs": [asdict(b) for b in builds],
    }


def bench_size(total: int, repeat: int, out: Path, env: dict[str, str], keep: bool, roster: int = 2) -> Result:
    shape = shape_for(total)
    work, logs = out / f"v{total}", out / "logs" / f"v{total}"
    shutil.rmtree(work, ignore_errors=True)
    logs.mkdir(parents=True, exist_ok=True)
    print(
        f"[{total} visits] generating {shape.schools} schools x {shape.cycles} cycles x {shape.visits} visits",
        file=sys.stderr,
        flush=True,
    )
    plain, lw = write_plain(work / "plain", shape), write_lwsite(work / "lwsite", shape, roster)

    def timed(kind: str, project: Path, i: int) -> Build:
        result = build(project, logs / f"{kind}-{i + 1}.log", env, trends=kind != "bare")
        print(
            f"[{total} visits] {kind} {i + 1}/{repeat}: {result.seconds:.2f} s, {result.rss_kib // 1024} MiB",
            file=sys.stderr,
            flush=True,
        )
        return result

    plain_runs: list[Build] = []
    cold: list[Build] = []
    warm: list[Build] = []
    bare: list[Build] = []
    for i in range(repeat):  # interleaved, so that a drift in the machine's speed touches every kind alike
        plain_runs.append(timed("plain", plain, i))
        shutil.rmtree(lw / ".cache", ignore_errors=True)  # lwsite's chart cache
        cold.append(timed("cold", lw, i))
        warm.append(timed("warm", lw, i))
        bare.append(timed("bare", lw, i))
    lw_out, plain_out = measure(lw / "site"), measure(plain / "site")
    edited = []
    for i in range(repeat):
        edit_visit(lw, i)
        edited.append(timed("edit", lw, i))
    if not keep:
        shutil.rmtree(work)

    result: Result = {
        "visits": total,
        "shape": asdict(shape),
        "repeat": repeat,
        "plain": series(plain_runs) | {"output": asdict(plain_out)},
        "lwsite": {
            "cold": series(cold),
            "warm": series(warm),
            "edit": series(edited),
            "output": asdict(lw_out),
            "without_trends": series(bare),
        },
    }
    p = result["plain"]["median_s"]
    result["ratios"] = {
        "cold_over_plain": result["lwsite"]["cold"]["median_s"] / p,
        "warm_over_plain": result["lwsite"]["warm"]["median_s"] / p,
        "edit_over_plain": result["lwsite"]["edit"]["median_s"] / p,
        "bytes_over_plain": lw_out.total_bytes / plain_out.total_bytes,
    }
    b = result["lwsite"]["without_trends"]["median_s"]
    result["trends_add_s"] = {
        "cold": result["lwsite"]["cold"]["median_s"] - b,
        "warm": result["lwsite"]["warm"]["median_s"] - b,
    }
    result["lwsite"]["peak_rss_kib"] = max(b.rss_kib for b in cold + warm + edited)
    return result


def targets(results: dict[int, Result]) -> list[dict[str, Any]]:
    """The issue's targets; a target whose size was not run is reported as n/a."""
    mid, big = results.get(2000), results.get(8000)

    def ratio(key: str) -> float | None:
        return None if mid is None else float(mid["ratios"][key])

    def growth(kind: str) -> float | None:
        if mid is None or big is None:
            return None
        return float(big["lwsite"][kind]["median_s"] / mid["lwsite"][kind]["median_s"])

    rows: list[tuple[str, float | None, float]] = [
        ("2,000 visits: lwsite warm / plain", ratio("warm_over_plain"), 1.0),
        ("2,000 visits: lwsite cold / plain", ratio("cold_over_plain"), 1.5),
        ("2,000 visits: output bytes lwsite / plain", ratio("bytes_over_plain"), 1.2),
        ("lwsite cold time(8,000) / time(2,000)", growth("cold"), 4.4),
        ("lwsite warm time(8,000) / time(2,000)", growth("warm"), 4.4),
        (
            "8,000 visits: lwsite peak memory (GiB)",
            None if big is None else big["lwsite"]["peak_rss_kib"] / GIB_KIB,
            1.0,
        ),
    ]
    return [
        {
            "target": name,
            "limit": limit,
            "value": value,
            "status": "n/a" if value is None else "PASS" if value <= limit else "MISS",
        }
        for name, value, limit in rows
    ]


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")),
        platform.processor() or "unknown",
    )
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    ram = re.search(r"MemTotal:\s+(\d+) kB", meminfo)
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "ram_gib": round(int(ram.group(1)) / GIB_KIB, 1) if ram else None,
        "python": platform.python_version(),
        "mkdocs": metadata.version("mkdocs"),
        "material": metadata.version("mkdocs-material"),
        "lwsite": metadata.version("lwsite"),
        "platform": platform.platform(),
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "commit": _git("rev-parse", "--short", "HEAD").strip(),
        "uncommitted": _git("status", "--porcelain", "--", "lwsite", "theme").splitlines(),
    }


def _git(*args: str) -> str:
    """Read-only git queries, so results say which code they measured."""
    try:
        proc = subprocess.run(
            ["git", *args], capture_output=True, text=True, check=False, cwd=Path(__file__).resolve().parent.parent
        )
    except OSError:
        return ""
    return proc.stdout


def _mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


def _bytes(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def _charts(counts: list[int | None]) -> str:
    return "n/a" if all(c is None for c in counts) else "/".join("n/a" if c is None else str(c) for c in counts)


def table(results: dict[int, Result]) -> str:
    sizes = sorted(results)
    rows: list[tuple[str, Callable[[Result], object]]] = [
        ("shape (schools x cycles x visits)", lambda r: "{schools} x {cycles} x {visits}".format(**r["shape"])),
        ("repeats (median taken)", lambda r: r["repeat"]),
        ("plain Material build", lambda r: f"{r['plain']['median_s']:.2f} s"),
        ("lwsite cold build", lambda r: f"{r['lwsite']['cold']['median_s']:.2f} s"),
        ("lwsite warm build", lambda r: f"{r['lwsite']['warm']['median_s']:.2f} s"),
        ("lwsite rebuild after one edit", lambda r: f"{r['lwsite']['edit']['median_s']:.2f} s"),
        ("lwsite without its trend features", lambda r: f"{r['lwsite']['without_trends']['median_s']:.2f} s"),
        (
            "trend pages and charts add, cold / warm",
            lambda r: "{cold:.2f} s / {warm:.2f} s".format(**r["trends_add_s"]),
        ),
        ("cold / plain", lambda r: f"{r['ratios']['cold_over_plain']:.2f}"),
        ("warm / plain", lambda r: f"{r['ratios']['warm_over_plain']:.2f}"),
        ("edit rebuild / plain", lambda r: f"{r['ratios']['edit_over_plain']:.2f}"),
        ("peak memory plain", lambda r: _mib(r["plain"]["peak_rss_kib"])),
        (
            "peak memory lwsite cold / warm / edit",
            lambda r: " / ".join(_mib(r["lwsite"][k]["peak_rss_kib"]) for k in ("cold", "warm", "edit")),
        ),
        (
            "output plain (files, pages)",
            lambda r: "{} ({files}, {pages})".format(
                _bytes(r["plain"]["output"]["total_bytes"]), **r["plain"]["output"]
            ),
        ),
        (
            "output lwsite (files, pages)",
            lambda r: "{} ({files}, {pages})".format(
                _bytes(r["lwsite"]["output"]["total_bytes"]), **r["lwsite"]["output"]
            ),
        ),
        ("output lwsite / plain", lambda r: f"{r['ratios']['bytes_over_plain']:.2f}"),
        (
            "largest page plain",
            lambda r: "`{largest_page}` {}".format(
                _bytes(r["plain"]["output"]["largest_page_bytes"]), **r["plain"]["output"]
            ),
        ),
        (
            "largest page lwsite",
            lambda r: "`{largest_page}` {}".format(
                _bytes(r["lwsite"]["output"]["largest_page_bytes"]), **r["lwsite"]["output"]
            ),
        ),
        (
            "charts rendered cold / warm / edit",
            lambda r: " / ".join(_charts(r["lwsite"][k]["charts"]) for k in ("cold", "warm", "edit")),
        ),
    ]
    head = "| visits | " + " | ".join(f"{s:,}" for s in sizes) + " |"
    lines = [head, "|---" * (len(sizes) + 1) + "|"]
    lines += ["| " + " | ".join([name] + [str(cell(results[s])) for s in sizes]) + " |" for name, cell in rows]
    return "\n".join(lines)


def target_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| target | limit | measured | status |", "|---|---|---|---|"]
    for t in rows:
        value = "n/a (size not run)" if t["value"] is None else f"{t['value']:.2f}"
        lines.append(f"| {t['target']} | <= {t['limit']} | {value} | {t['status']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="500,2000,8000", help="total visits, comma-separated (default %(default)s)")
    parser.add_argument("--repeat", type=int, help="builds of each kind per size (default 1 at 8,000+, else 3)")
    parser.add_argument("--out", type=Path, default=Path("bench/out"), help="work and results folder")
    parser.add_argument("--audience", choices=("public", "staff", "team"), default="public")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects and sites")
    parser.add_argument(
        "--roster",
        type=int,
        default=2,
        help="names in the privacy roster (default %(default)s; "
        "common English and Spanish names past the first two, see bench/synth.py)",
    )
    parser.add_argument(
        "--source",
        type=Path,
        help="benchmark this lwsite source tree (holding lwsite/ and theme/) "
        "instead of the installed one, e.g. a `git archive HEAD lwsite theme` snapshot",
    )
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if not sizes:
        parser.error("--sizes: give at least one size")
    for size in sizes:
        shape_for(size)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    source: Path | None = args.source.resolve() if args.source else None
    if source is not None and not (source / "lwsite" / "plugin.py").is_file():
        raise SystemExit(f"--source: {source} holds no lwsite/plugin.py")
    env = build_env(args.audience, source)

    info = machine() | {"source": str(source) if source else "installed lwsite"}
    results: dict[int, Result] = {}
    checks = targets(results)
    for size in sizes:  # results.json is rewritten after each size, so a failed build keeps the sizes before it
        repeat = args.repeat or (1 if size >= 8000 else 3)
        results[size] = bench_size(size, repeat, out, env, args.keep, args.roster)
        checks = targets(results)
        (out / "results.json").write_text(
            json.dumps(
                {
                    "machine": info,
                    "audience": args.audience,
                    "roster": args.roster,
                    "today": TODAY,
                    "sizes": results,
                    "targets": checks,
                },
                indent=2,
            )
        )

    print(
        f"\nlwsite benchmark, {info['date']}, audience {args.audience}: {info['nproc']} x {info['cpu']}, "
        f"{info['ram_gib']} GiB RAM, Python {info['python']}, MkDocs {info['mkdocs']}, "
        f"Material {info['material']}; lwsite: "
        + (
            f"source tree {source}"
            if source
            else f"commit {info['commit'] or '?'}" + (" + uncommitted changes" if info["uncommitted"] else "")
        )
        + "\n"
    )
    print(table(results), "", target_table(checks), "", f"raw results: {out / 'results.json'}", sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
