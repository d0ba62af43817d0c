"""Feature: data downloads for district analysts (CSV files and one JSON file).

Everything comes from the audience's view of the portfolio and from ``site.figures``, so a
download holds exactly what the audience's pages show. A count given as a range has an empty
exact column and its ``low`` and ``high`` columns (in JSON: ``value`` null, ``low``, ``high``),
with the reason in a ``note``. Every CSV cell that a spreadsheet would read as a formula
(starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, and not a number) is
prefixed with ``'``, as OWASP recommends. ``lwsite export`` writes the same files without
building the site.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..analysis import trends
from ..analysis.disclosure import Span
from ..analysis.figures import WALKTHROUGH, Depth, Distribution, Figures
from ..audience import Rules
from ..i18n import Translator
from ..model import ActionStep, Cycle, Framework
from ..render.sentences import Say
from ..render.site import Asset, Site
from . import Contribution

PREFIX = "downloads/"  # every download lives below it; lwsite export picks them from there

# name -> (what it holds, who gets it)
FILES: dict[str, tuple[str, Callable[[Rules], bool]]] = {
    "ratings.csv": ("visits rated at each level, by walkthrough, school year and characteristic", lambda r: True),
    "evidence.csv": ("evidence items per visit scripted, by walkthrough and characteristic", lambda r: True),
    "visits.csv": ("visits by grade and by subject, by walkthrough", lambda r: True),
    "actions.csv": ("every action step, its owner, status, due date and the step it continues", lambda r: True),
    "visit-ratings.csv": ("each visit's ratings (walkthrough team only)", lambda r: r.show_ratings),
    "visit-schedule.csv": (
        "each visit's time, group, grade, subject and room, for walkthroughs still to come (walkthrough team only)",
        lambda r: r.show_schedule_rows,
    ),
    "portfolio.json": ("the whole portfolio with all of these figures, in one file", lambda r: True),
}


def listing(rules: Rules, t: Translator | None = None) -> list[tuple[str, str]]:
    """The downloads an audience gets, with what each holds (for the pages that link them), in the
    language of ``t`` (the catalogs' ``downloads.files``; English without it)."""
    return [
        (name, t.plain("downloads.files." + name.replace(".", "_")) if t else what)
        for name, (what, who) in FILES.items()
        if who(rules)
    ]


def contribute(site: Site) -> Contribution:
    figures = site.trend_figures
    if not site.portfolio.cycles:
        return Contribution()
    makers: dict[str, Callable[[Site, Figures], str]] = {
        "ratings.csv": ratings_csv,
        "evidence.csv": evidence_csv,
        "visits.csv": visits_csv,
        "actions.csv": actions_csv,
        "visit-ratings.csv": visit_ratings_csv,
        "visit-schedule.csv": visit_schedule_csv,
        "portfolio.json": portfolio_json,
    }
    return Contribution(
        assets=[Asset(PREFIX + name, makers[name](site, figures), what) for name, what in listing(site.rules, site.t)]
    )


# CSV -------------------------------------------------------------------------------------
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER_RE = re.compile(r"^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)%?$")


def cell(value: Any) -> Any:
    """A value as a CSV cell a spreadsheet will show as text, never run as a formula."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not NUMBER_RE.match(value.strip()):
        return "'" + value
    return value


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([cell(h) for h in header])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return out.getvalue()


def _cycles(site: Site) -> list[Cycle]:
    return sorted(site.portfolio.cycles, key=lambda c: (c.school, c.date, c.id))


def _cycle_cols(site: Site, c: Cycle) -> list[Any]:
    return [c.school, site.school(c.school).name, c.school_year, c.id, c.date.isoformat()]


CYCLE_HEADER = ["school", "school_name", "school_year", "cycle", "date"]


def _note(span: Span, min_group: int) -> str:
    if span.exact:
        return ""
    text = Say("en", min_group).count(span)
    return text if span.shown else f"not shown (a range of {span.lo} to {span.hi})"


def _band_rows(d: Distribution, fw: Framework, min_group: int) -> list[list[Any]]:
    return [
        [
            fw.id,
            "+".join(lv.id for lv in band.levels),
            band.label,
            band.count.value,
            band.count.lo,
            band.count.hi,
            d.total,
            _note(band.count, min_group),
        ]
        for band in d.bands
    ]


def _figures(site: Site, figures: Figures) -> Iterable[tuple[list[Any], str, Distribution, Framework, str]]:
    """(leading columns, characteristic, distribution, framework, scope) of every rating figure."""
    for c in _cycles(site):
        fw = figures.framework(c)
        for cid in c.focus.characteristics:
            d = figures.cycle(c, cid)
            if d is not None:
                yield _cycle_cols(site, c), cid, d, fw, WALKTHROUGH
    p = site.portfolio
    for fw in trends.frameworks_in_use(p):
        for cid in trends.lens_characteristics(p.cycles, fw):
            for year in trends.school_years(trends.cycles_with(p.cycles, fw, cid)):
                for school in p.schools:
                    d = figures.school_year(school.id, year, fw, cid)
                    if d is not None:
                        yield [school.id, school.name, year, "", ""], cid, d, fw, "school-year"
                d = figures.district_year(year, fw, cid)
                if d is not None:
                    yield ["", "", year, "", ""], cid, d, fw, "district-year"


def ratings_csv(site: Site, figures: Figures) -> str:
    rows = []
    for lead, cid, d, fw, scope in _figures(site, figures):
        for band in _band_rows(d, fw, site.rules.min_group):
            rows.append([scope, *lead, band[0], cid, *band[1:]])
    return _csv(
        [
            "scope",
            *CYCLE_HEADER,
            "framework",
            "characteristic",
            "levels",
            "label",
            "visits",
            "visits_low",
            "visits_high",
            "visits_rated",
            "note",
        ],
        rows,
    )


def _depth_cols(d: Depth | None, min_group: int) -> list[Any]:
    if d is None:
        return [None, None, None, "no visits scripted"]
    if d.per_visit is None:
        return [None, d.visits, None, f"not shown: fewer than {min_group} visits scripted"]
    return [d.items, d.visits, f"{d.per_visit:.1f}", ""]


def evidence_csv(site: Site, figures: Figures) -> str:
    rows = []
    for c in _cycles(site):
        if c.date > site.today:
            continue
        for cid in c.focus.characteristics:
            d = figures.depth([c], cid)
            if d is not None:
                rows.append([*_cycle_cols(site, c), cid, *_depth_cols(d, site.rules.min_group)])
    return _csv([*CYCLE_HEADER, "characteristic", "evidence_items", "visits_scripted", "items_per_visit", "note"], rows)


def visits_csv(site: Site, figures: Figures) -> str:
    rows: list[list[Any]] = []
    for c in _cycles(site):
        for dimension, pairs in (("grade", c.outline.grades), ("subject", c.outline.subjects)):
            rows.extend([*_cycle_cols(site, c), dimension, value, n] for value, n in pairs)
        rows.append([*_cycle_cols(site, c), "all", "", c.outline.visits])
        if c.date <= site.today:
            rows.append([*_cycle_cols(site, c), "scripted", "", c.outline.scripted])
    return _csv([*CYCLE_HEADER, "by", "value", "visits"], rows)


def actions_csv(site: Site, figures: Figures) -> str:
    rows = []
    for c in _cycles(site):
        for a in c.actions:
            rows.append(
                [
                    *_cycle_cols(site, c),
                    a.id,
                    a.action,
                    a.owner,
                    a.horizon,
                    a.due.isoformat() if a.due else None,
                    a.status,
                    _measure(a, c, site),
                    a.outcome,
                    a.carries,
                    str(a.is_overdue(site.today)).lower(),
                ]
            )
    header = [
        *CYCLE_HEADER,
        "id",
        "action",
        "owner",
        "horizon",
        "due",
        "status",
        "measure",
        "outcome",
        "carries",
        f"past_due_as_of_{site.today.isoformat()}",
    ]
    return _csv(header, rows)


def visit_ratings_csv(site: Site, figures: Figures) -> str:
    rows = [
        [*_cycle_cols(site, c), r.visit, r.characteristic, r.level]
        for c in _cycles(site)
        for s in c.scripts
        for r in s.ratings
    ]
    return _csv([*CYCLE_HEADER, "visit", "characteristic", "level"], rows)


def visit_schedule_csv(site: Site, figures: Figures) -> str:
    """The schedules of walkthroughs still to come (the view has no per-visit rows after the day)."""
    rows = [
        [
            *_cycle_cols(site, c),
            v.number,
            v.block.start.strftime("%H:%M"),
            v.block.minutes,
            v.group,
            v.grade,
            v.subject,
            v.room,
        ]
        for c in _cycles(site)
        for v in c.schedule.visits
    ]
    return _csv([*CYCLE_HEADER, "visit", "start", "minutes", "group", "grade", "subject", "room"], rows)


# JSON ------------------------------------------------------------------------------------
def _span(span: Span, min_group: int) -> dict[str, Any]:
    out: dict[str, Any] = {"value": span.value, "low": span.lo, "high": span.hi}
    if not span.exact:
        out["note"] = _note(span, min_group)
    return out


def _distribution(d: Distribution, min_group: int) -> dict[str, Any]:
    """Visits rated, and visits per band keyed by its level ids ("NE+D" for a half)."""
    return {"visits_rated": d.total, **{"+".join(lv.id for lv in b.levels): _span(b.count, min_group) for b in d.bands}}


def _depth(d: Depth | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {
        "evidence_items": d.items if d.per_visit is not None else None,
        "visits_scripted": d.visits,
        "items_per_visit": d.per_visit,
    }


def _measure(a: ActionStep, c: Cycle, site: Site) -> str | None:
    """A step's measure as text: as written, or a structured measure in words."""
    verdict = site.verdict(c.school, a)
    return site.say.target(verdict) if verdict is not None else a.measure


def _step(a: ActionStep, c: Cycle, site: Site) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": a.id,
        "action": a.action,
        "owner": a.owner,
        "horizon": a.horizon,
        "due": a.due.isoformat() if a.due else None,
        "status": a.status,
        "measure": _measure(a, c, site),
        "outcome": a.outcome,
        "carries": a.carries,
        "past_due": a.is_overdue(site.today),
    }
    verdict = site.verdict(c.school, a)
    if verdict is not None and a.target is not None:
        by = a.target.by
        out["target"] = {
            "characteristic": a.target.characteristic,
            "at_least": a.target.level,
            "share_percent": a.target.share,
            "by": by.isoformat() if isinstance(by, dt.date) else by,
            "result": verdict.state,
            "judged_at": verdict.judge.id if verdict.judge else None,
        }
    return out


def _cycle(c: Cycle, site: Site, figures: Figures) -> dict[str, Any]:
    f = c.focus
    n = site.rules.min_group
    out: dict[str, Any] = {
        "id": c.id,
        "date": c.date.isoformat(),
        "school_year": c.school_year,
        "focus": {
            "question": f.question,
            "framework": f.framework,
            "characteristics": list(f.characteristics),
            "improvement_goal": f.improvement_goal,
            "look_fors": list(f.look_fors),
        },
        "visits": c.outline.visits,
        "visits_scripted": c.outline.scripted,
        "grades": dict(c.outline.grades),
        "subjects": dict(c.outline.subjects),
        "ratings": {cid: _distribution(d, n) for cid in f.characteristics if (d := figures.cycle(c, cid)) is not None},
        "evidence": {cid: _depth(figures.depth([c], cid)) for cid in f.characteristics if c.date <= site.today},
    }
    if c.debrief is not None:
        debrief = c.debrief
        out["debrief"] = {
            "patterns": [
                {"claim": p.claim, "extent": p.extent, "characteristic": p.characteristic}
                | ({"visits": list(p.visits)} if p.visits else {})
                for p in debrief.patterns
            ],
            "strengths": [
                {"claim": s.claim, "characteristic": s.characteristic}
                | ({"visits": list(s.visits)} if s.visits else {})
                for s in debrief.strengths
            ],
            "quick_wins": list(debrief.quick_wins),
            "prediction": debrief.prediction,
            "message": debrief.message,
        }
    out["actions"] = [_step(a, c, site) for a in c.actions]
    return out


def portfolio_json(site: Site, figures: Figures) -> str:
    p = site.portfolio
    n = site.rules.min_group
    district: dict[str, Any] = {}
    by_school: dict[str, dict[str, Any]] = {s.id: {} for s in p.schools}
    for fw in trends.frameworks_in_use(p):
        for cid in trends.lens_characteristics(p.cycles, fw):
            years = trends.school_years(trends.cycles_with(p.cycles, fw, cid))
            found = {y: _distribution(d, n) for y in years if (d := figures.district_year(y, fw, cid)) is not None}
            if found:
                district[cid] = found
            for school in p.schools:
                mine = {
                    y: _distribution(d, n)
                    for y in years
                    if (d := figures.school_year(school.id, y, fw, cid)) is not None
                }
                if mine:
                    by_school[school.id][cid] = mine
    data = {
        "generated": {
            "audience": site.rules.audience.label,
            "as_of": site.today.isoformat(),
            "school_year": site.school_year,
            "generator": "lwsite",
        }
        | (
            {
                "small_counts": f"no count below {n} visits can be worked out: a count given as a range has "
                "value null and its low and high, with a note"
            }
            if site.rules.suppress_small_counts
            else {}
        ),
        "portfolio": {"name": p.name, "kind": p.kind, "contact": p.contact, "description": p.description},
        "frameworks": [
            {
                "id": fw.id,
                "title": fw.title,
                "levels": [{"id": lv.id, "label": lv.label, "description": lv.description} for lv in fw.levels],
                "characteristics": [
                    {"id": ch.id, "title": ch.title, "section": ch.section} for ch in fw.characteristics
                ],
            }
            for fw in p.frameworks
        ],
        "schools": [
            {
                "id": s.id,
                "name": s.name,
                "grades": s.grades,
                "classrooms": s.classrooms,
                "cycles": [_cycle(c, site, figures) for c in sorted(s.cycles, key=lambda c: c.date)],
                "ratings_by_school_year": by_school[s.id],
            }
            for s in p.schools
        ],
        "district_by_school_year": district,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
