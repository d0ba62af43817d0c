"""The privacy auditor: every public build reads what it publishes, as a reader would.

It takes the data downloads the build is about to publish (``portfolio.json`` holds every
figure the pages, charts and ``ratings.csv`` show, and ``ratings.csv`` is checked against it),
rebuilds from them alone what a reader knows (each figure's interval and total, and which
figures add up to which: a school's school year is the sum of its walkthroughs that year, the
district's school year the sum of its schools'), narrows every interval by constraint
propagation until nothing changes, and compares the result with the true counts, worked out
here again from the records. A count below ``min_group`` that a reader could pin to one value,
or a published figure that contradicts the records, stops the build.

It shares no code with the disclosure rule that chose the intervals (only the definition of
the continuum's upper half), so a fault there is caught here.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import Problem
from ..model import Portfolio
from . import trends

JSON = "downloads/portfolio.json"
CSV = "downloads/ratings.csv"


@dataclass
class _Var:
    what: str  # how a message names it
    total: int
    lo: int
    hi: int


def audit_assets(assets: Iterable[Any], full: Portfolio, min_group: int) -> list[Problem]:
    """Audit a build's assets (objects with ``path`` and ``content``); problems stop the build."""
    files = {a.path: a.content for a in assets}
    if JSON not in files:
        return []
    text = files[JSON]
    data = json.loads(text if isinstance(text, str) else text.decode("utf-8"))
    problems = audit(data, full, min_group)
    if CSV in files:
        raw = files[CSV]
        problems += _same_as_json(raw if isinstance(raw, str) else raw.decode("utf-8"), data)
    return problems


def _fault(message: str) -> Problem:
    return Problem(
        JSON,
        1,
        f"privacy audit: {message}; nothing was written. This is a fault in lwsite, not in "
        "your content: please report it",
    )


def audit(data: Mapping[str, Any], full: Portfolio, min_group: int) -> list[Problem]:
    """Problems (empty when the published figures are safe) of one public build's figures."""
    upper = {fw.id: "+".join(trends.upper_levels(fw)) for fw in full.frameworks}
    truth = _truth(full)
    variables: dict[Hashable, _Var] = {}
    sums: dict[Hashable, list[Hashable]] = {}
    problems: list[Problem] = []

    def publish(key: Hashable, what: str, figure: Mapping[str, Any], fw: str) -> None:
        band = figure.get(upper[fw])
        if not isinstance(band, Mapping):
            problems.append(_fault(f"{what} has no upper-half figure"))
            return
        variables[key] = _Var(what, int(figure["visits_rated"]), int(band["low"]), int(band["high"]))

    key: Hashable
    for school in data.get("schools", []):
        sid = school["id"]
        for cycle in school.get("cycles", []):
            fw = cycle["focus"]["framework"]
            for cid, figure in cycle.get("ratings", {}).items():
                key = ("walkthrough", sid, cycle["id"], cid)
                publish(key, f"the walkthrough {cycle['id']} of {sid} on '{cid}'", figure, fw)
                sums.setdefault(("school-year", sid, cycle["school_year"], cid), []).append(key)
        for cid, years in school.get("ratings_by_school_year", {}).items():
            fw = _framework_of(full, cid)
            for year, figure in years.items():
                publish(("school-year", sid, year, cid), f"school year {year} of {sid} on '{cid}'", figure, fw)
    for cid, years in data.get("district_by_school_year", {}).items():
        fw = _framework_of(full, cid)
        for year, figure in years.items():
            key = ("district-year", year, cid)
            publish(key, f"school year {year} of the district on '{cid}'", figure, fw)
            sums[key] = [k for k in sums if isinstance(k, tuple) and k[0] == "school-year" and k[2:] == (year, cid)]
    for parent, parts in sums.items():
        missing = [p for p in [parent, *parts] if p not in variables]
        if missing:
            problems.append(_fault(f"a figure the sums need is missing ({missing[0]!r})"))
    if problems:
        return problems

    _narrow(variables, sums)
    for key, var in variables.items():
        value = truth.get(key)
        if value is None:
            problems.append(_fault(f"{var.what} is published but the records have no such figure"))
            continue
        if not var.lo <= value <= var.hi:
            problems.append(_fault(f"{var.what} is published as {var.lo} to {var.hi}, which the records contradict"))
            continue
        small = value < min_group or var.total - value < min_group
        if small and var.lo == var.hi:
            problems.append(
                _fault(f"a reader can work out a count below {min_group} visits from the published figures: {var.what}")
            )
    return problems


def _narrow(variables: dict[Hashable, _Var], sums: Mapping[Hashable, Sequence[Hashable]]) -> None:
    """Constraint propagation to a fixed point: each sum and each of its parts narrowed by the others.

    For a tree of sums with an interval on every figure this reaches exactly what a reader can
    know (the property tests compare it with every possible world).
    """
    changed = True
    while changed:
        changed = False
        for parent, parts in sums.items():
            p = variables[parent]
            vs = [variables[k] for k in parts]
            low, high = sum(v.lo for v in vs), sum(v.hi for v in vs)
            lo, hi = max(p.lo, low), min(p.hi, high)
            if (lo, hi) != (p.lo, p.hi):
                p.lo, p.hi, changed = lo, hi, True
            for v in vs:
                lo = max(v.lo, p.lo - (high - v.hi))
                hi = min(v.hi, p.hi - (low - v.lo))
                if (lo, hi) != (v.lo, v.hi):
                    low, high = low - v.lo + lo, high - v.hi + hi
                    v.lo, v.hi, changed = lo, hi, True


def _truth(full: Portfolio) -> dict[Hashable, int]:
    """The true number of visits in the upper half of every figure, from the ratings themselves."""
    out: dict[Hashable, int] = {}
    for cycle in full.cycles:
        fw = full.framework(cycle.focus.framework)
        if fw is None:
            continue
        high = set(trends.upper_levels(fw))
        for cid in cycle.focus.characteristics:
            ratings = [r for r in cycle.ratings if r.characteristic == cid]
            if not ratings:
                continue
            n = sum(1 for r in ratings if r.level in high)
            keys: tuple[Hashable, ...] = (
                ("walkthrough", cycle.school, cycle.id, cid),
                ("school-year", cycle.school, cycle.school_year, cid),
                ("district-year", cycle.school_year, cid),
            )
            for key in keys:
                out[key] = out.get(key, 0) + n
    return out


def _framework_of(full: Portfolio, cid: str) -> str:
    for fw in full.frameworks:
        if fw.characteristic(cid) is not None:
            return fw.id
    return ""


def _same_as_json(text: str, data: Mapping[str, Any]) -> list[Problem]:
    """Every walkthrough row of ratings.csv shows what portfolio.json shows."""
    figures = {
        (s["id"], c["id"], cid): fig
        for s in data.get("schools", [])
        for c in s.get("cycles", [])
        for cid, fig in c.get("ratings", {}).items()
    }
    for row in csv.DictReader(io.StringIO(text)):
        if row.get("scope") != "walkthrough":
            continue
        fig = figures.get((row["school"], row["cycle"], row["characteristic"]))
        band = fig.get(row["levels"]) if fig else None
        if not isinstance(band, Mapping) or (str(band["low"]), str(band["high"])) != (
            row["visits_low"],
            row["visits_high"],
        ):
            return [
                Problem(
                    CSV,
                    1,
                    "privacy audit: ratings.csv and portfolio.json disagree on "
                    f"{row['cycle']} '{row['characteristic']}'; nothing was written. This is a fault in "
                    "lwsite, not in your content: please report it",
                )
            ]
    return []
