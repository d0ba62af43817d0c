"""Feature: data downloads for district analysts (CSV files and one JSON file).

Everything comes from the audience's view of the portfolio and from ``site.figures``, so a
download holds exactly what the audience's pages show: a count that a page does not show is
empty in a CSV (with the reason in a ``note`` column) and ``null`` in the JSON (with the
reason under ``notes``). ``lwsite export`` writes the same files without building the site.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..analysis import trends
from ..analysis.figures import Distribution, Figures
from ..analysis.suppression import Count
from ..audience import Rules
from ..export import PREFIX
from ..model import ActionStep, Cycle, Portfolio
from ..render.site import Asset, Site
from . import Contribution

# name -> (what it holds, who gets it)
FILES: dict[str, tuple[str, Callable[[Rules], bool]]] = {
    "ratings.csv": ("visits rated at each level, by walkthrough and characteristic", lambda r: True),
    "evidence.csv": ("evidence items and visits with evidence, by walkthrough and characteristic",
                     lambda r: True),
    "visits.csv": ("visits by grade and by subject, by walkthrough", lambda r: True),
    "actions.csv": ("every action step, its owner, status and the step it continues", lambda r: True),
    "visit-ratings.csv": ("each visit's ratings (walkthrough team only)", lambda r: r.show_ratings),
    "visit-schedule.csv": ("each visit's time, group, grade, subject and room (walkthrough team only)",
                           lambda r: r.show_schedule_rows),
    "portfolio.json": ("the whole portfolio with all of these figures, in one file", lambda r: True),
}


def listing(rules: Rules) -> list[tuple[str, str]]:
    """The downloads an audience gets, with what each holds (for the pages that link them)."""
    return [(name, what) for name, (what, who) in FILES.items() if who(rules)]


def contribute(site: Site, full: Portfolio) -> Contribution:
    figures = site.trend_figures
    if not site.portfolio.cycles:
        return Contribution()
    makers: dict[str, Callable[[Site, Figures], str]] = {
        "ratings.csv": ratings_csv, "evidence.csv": evidence_csv, "visits.csv": visits_csv,
        "actions.csv": actions_csv, "visit-ratings.csv": visit_ratings_csv,
        "visit-schedule.csv": visit_schedule_csv, "portfolio.json": portfolio_json,
    }
    return Contribution(assets=[Asset(PREFIX + name, makers[name](site, figures), what)
                                for name, what in listing(site.rules)])


# CSV -------------------------------------------------------------------------------------
def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def _cycles(site: Site) -> list[Cycle]:
    return sorted(site.portfolio.cycles, key=lambda c: (c.school, c.date, c.id))


def _cycle_cols(site: Site, c: Cycle) -> list[Any]:
    return [c.school, site.school(c.school).name, c.school_year, c.id, c.date.isoformat()]


CYCLE_HEADER = ["school", "school_name", "school_year", "cycle", "date"]


def _note(*counts: Count) -> str:
    return "; ".join(dict.fromkeys(c.text for c in counts if not c.shown))


def ratings_csv(site: Site, figures: Figures) -> str:
    rows = []
    for c in _cycles(site):
        fw = figures.framework(c)
        for cid in c.focus.characteristics:
            d = figures.cycle(c, cid)
            if d is None:
                continue
            for band in d.bands:
                rows.append([*_cycle_cols(site, c), fw.id, cid, "+".join(lv.id for lv in band.levels), band.label,
                             band.count.value, d.total.value, _note(band.count)])
    return _csv([*CYCLE_HEADER, "framework", "characteristic", "levels", "label", "visits",
                 "visits_rated", "note"], rows)


def evidence_csv(site: Site, figures: Figures) -> str:
    rows = []
    for c in _cycles(site):
        items = figures.items(c)
        for cid, count in items.items():
            seen = figures.seen(c, cid) if cid else None
            rows.append([*_cycle_cols(site, c), cid or "(untagged)", count.value,
                         seen.visits.value if seen else None, seen.scripted.value if seen else None,
                         _note(count, *((seen.visits, seen.scripted) if seen else ()))])
    return _csv([*CYCLE_HEADER, "characteristic", "evidence_items", "visits_with_evidence", "visits_scripted",
                 "note"], rows)


def visits_csv(site: Site, figures: Figures) -> str:
    rows: list[list[Any]] = []
    for c in _cycles(site):
        for dimension, pairs in (("grade", c.outline.grades), ("subject", c.outline.subjects)):
            rows.extend([*_cycle_cols(site, c), dimension, value, n] for value, n in pairs)
        rows.append([*_cycle_cols(site, c), "all", "", c.outline.visits])
    return _csv([*CYCLE_HEADER, "by", "value", "visits"], rows)


def actions_csv(site: Site, figures: Figures) -> str:
    overdue = site.rules.show_overdue
    rows = []
    for c in _cycles(site):
        for a in c.actions:
            row = [*_cycle_cols(site, c), a.id, a.action, a.owner, a.horizon, a.due.isoformat() if a.due else None,
                   a.status, a.measure, a.outcome, a.carries]
            rows.append(row + ([str(a.is_overdue(site.today)).lower()] if overdue else []))
    header = [*CYCLE_HEADER, "id", "action", "owner", "horizon", "due", "status", "measure", "outcome", "carries"]
    return _csv(header + ([f"overdue_as_of_{site.today.isoformat()}"] if overdue else []), rows)


def visit_ratings_csv(site: Site, figures: Figures) -> str:
    rows = [[*_cycle_cols(site, c), r.visit, r.characteristic, r.level]
            for c in _cycles(site) for s in c.scripts for r in s.ratings]
    return _csv([*CYCLE_HEADER, "visit", "characteristic", "level"], rows)


def visit_schedule_csv(site: Site, figures: Figures) -> str:
    rows = [[*_cycle_cols(site, c), v.number, v.block.start.strftime("%H:%M"), v.block.minutes, v.group, v.grade,
             v.subject, v.room] for c in _cycles(site) for v in c.schedule.visits]
    return _csv([*CYCLE_HEADER, "visit", "start", "minutes", "group", "grade", "subject", "room"], rows)


# JSON ------------------------------------------------------------------------------------
def _figure(counts: dict[str, Count]) -> dict[str, Any]:
    out: dict[str, Any] = {k: c.value for k, c in counts.items()}
    notes = {k: c.text for k, c in counts.items() if not c.shown}
    if notes:
        out["notes"] = notes
    return out


def _distribution(d: Distribution) -> dict[str, Any]:
    """Visits rated, and visits per band keyed by its level ids ("NE+D" for a half)."""
    return _figure({"visits_rated": d.total, **{"+".join(lv.id for lv in b.levels): b.count for b in d.bands}})


def _step(a: ActionStep, site: Site) -> dict[str, Any]:
    out: dict[str, Any] = {"id": a.id, "action": a.action, "owner": a.owner, "horizon": a.horizon,
                           "due": a.due.isoformat() if a.due else None, "status": a.status, "measure": a.measure,
                           "outcome": a.outcome, "carries": a.carries}
    if site.rules.show_overdue:
        out["overdue"] = a.is_overdue(site.today)
    return out


def _cycle(c: Cycle, site: Site, figures: Figures) -> dict[str, Any]:
    f = c.focus
    out: dict[str, Any] = {
        "id": c.id, "date": c.date.isoformat(), "school_year": c.school_year,
        "focus": {"question": f.question, "framework": f.framework, "characteristics": list(f.characteristics),
                  "improvement_goal": f.improvement_goal, "look_fors": list(f.look_fors)},
        "visits": c.outline.visits, "grades": dict(c.outline.grades), "subjects": dict(c.outline.subjects),
        "ratings": {cid: _distribution(d) for cid in f.characteristics
                    if (d := figures.cycle(c, cid)) is not None},
        "evidence": {cid or "(untagged)": _figure(
            {"items": n} | ({"visits_with_evidence": s.visits, "visits_scripted": s.scripted}
                            if cid and (s := figures.seen(c, cid)) else {}))
            for cid, n in figures.items(c).items()},
    }
    if c.debrief is not None:
        debrief = c.debrief
        out["debrief"] = {
            "patterns": [{"claim": p.claim, "extent": p.extent, "characteristic": p.characteristic}
                         | ({"visits": list(p.visits)} if p.visits else {}) for p in debrief.patterns],
            "strengths": [{"claim": s.claim, "characteristic": s.characteristic}
                          | ({"visits": list(s.visits)} if s.visits else {}) for s in debrief.strengths],
            "quick_wins": list(debrief.quick_wins), "prediction": debrief.prediction, "message": debrief.message,
        }
    out["actions"] = [_step(a, site) for a in c.actions]
    return out


def portfolio_json(site: Site, figures: Figures) -> str:
    p = site.portfolio
    district: dict[str, Any] = {}
    for fw in trends.frameworks_in_use(p):
        for cid in trends.lens_characteristics(p.cycles, fw):
            cycles = trends.cycles_with(p.cycles, fw, cid)
            years = {y: _distribution(d) for y in trends.school_years(cycles)
                     if (d := figures.year(cycles, cid, y)) is not None}
            if years:
                district[cid] = years
    data = {
        "generated": {"audience": site.rules.audience.label, "as_of": site.today.isoformat(),
                      "school_year": site.school_year, "generator": "lwsite"}
        | ({"small_counts": f"counts below {site.rules.min_group} are null, with the reason under 'notes'"}
           if site.rules.suppress_small_counts else {}),
        "portfolio": {"name": p.name, "kind": p.kind, "contact": p.contact, "description": p.description},
        "frameworks": [{"id": fw.id, "title": fw.title,
                        "levels": [{"id": lv.id, "label": lv.label, "description": lv.description} for lv in fw.levels],
                        "characteristics": [{"id": ch.id, "title": ch.title, "section": ch.section}
                                            for ch in fw.characteristics]} for fw in p.frameworks],
        "schools": [{"id": s.id, "name": s.name, "grades": s.grades, "classrooms": s.classrooms,
                     "cycles": [_cycle(c, site, figures) for c in sorted(s.cycles, key=lambda c: c.date)]}
                    for s in p.schools],
        "district_by_school_year": district,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
