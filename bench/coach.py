"""Time the evidence-quality coach: ``classify`` on the evidence of a 2,000-visit district, no cache.

    python -m bench.coach            # 9,000 corpus-like notes (the corpus's notes, cycled), 5 repeats
    python -m bench.coach --items 9000 --repeat 5

Prints the median wall time and CPU time of one pass over the items; the target is at most 0.5 s (on
an otherwise idle machine the two agree; on a busy one the CPU time is the fairer figure).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import yaml

from lwsite.analysis.quality import classify

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "evidence_quality" / "corpus.yml"
TARGET = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=9000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    notes = [n["text"] for n in yaml.load(CORPUS.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)]
    # distinct strings, so that nothing can be served from a cache of earlier texts
    items = [f"{notes[i % len(notes)]}" + (" " * (i // len(notes))) for i in range(args.items)]
    wall, cpu = [], []
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        for text in items:
            classify(text)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    median, median_cpu = statistics.median(wall), statistics.median(cpu)
    print(
        f"classify: {len(items)} items, median of {args.repeat}: wall {median:.3f} s, CPU {median_cpu:.3f} s "
        f"({1e6 * median_cpu / len(items):.0f} us an item); target <= {TARGET} s: "
        f"{'PASS' if median_cpu <= TARGET else 'FAIL'}"
    )


if __name__ == "__main__":
    main()
