"""Feature: the team's calibration pages. Do we see the same thing?

Hall work calibrates a team two ways: comparing scripts (are our notes specific and objective?)
and agreeing a level on the continuum (do we see the same level?). A page per walkthrough that
recorded observers' own levels, and one per school, put both halves side by side: agreement
among observers (``analysis.calibration``) and the evidence-quality coach's share of specific,
objective evidence (``analysis.coach``). Team only; never by observer or role.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..analysis import calibration as cal
from ..analysis import coach
from ..analysis.calibration import CycleCalibration
from ..analysis.coach import Share
from ..model import Cycle, School
from ..render import charts, paths
from ..render.charts import Chart
from ..render.site import Page, Site
from . import Contribution

EXACT = "Exact agreement: the same level"
WITHIN = "Agreement within one level"
CONSENSUS = "Agreement with the team's consensus"
ALPHA = "Krippendorff's alpha (ordinal)"

# The field's reference values, each with its source (drawn on the charts as references).
PERCENT_REFERENCES = (
    (f"Reference: {cal.EXACT_CERTIFICATION}% exact, a common rule to certify one observer",
     cal.EXACT_CERTIFICATION,
     "observation systems commonly certify an observer who gives the same level as master-coded ratings "
     f"at least {cal.EXACT_CERTIFICATION}% of the time"),
    (f"Reference: {cal.EXACT_WITH_NONE_FAR}% exact with none more than one level apart, a rule some states accept",
     cal.EXACT_WITH_NONE_FAR,
     f"some states accept {cal.EXACT_WITH_NONE_FAR}% exact agreement with master-coded ratings when no "
     "rating is more than one level apart"),
)
ALPHA_REFERENCES = (
    (f"Reference: {cal.ALPHA_RELIABLE:.3f}, reliable (Krippendorff)", cal.ALPHA_RELIABLE,
     "Krippendorff: rely on data whose alpha is at least 0.800"),
    (f"Reference: {cal.ALPHA_TENTATIVE:.3f}, tentative conclusions only (Krippendorff)", cal.ALPHA_TENTATIVE,
     "Krippendorff: data with alpha from 0.667 to 0.800 allow tentative conclusions only"),
)
SOURCES = (
    ("Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology, 2nd edition, Sage, "
     "chapter 11: rely on alpha of at least 0.800; 0.667 to 0.800 for tentative conclusions only."),
    ("Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication, "
     "University of Pennsylvania: the formulas used here, for ordinal data with missing values."),
    ("Observer certification in classroom-observation systems: commonly 80% exact agreement with master-coded "
     "ratings; some states accept 75% with no rating more than one level apart. These are rules for one "
     "observer against experts' ratings, not for a team against itself: a reference, not a target."),
)


@dataclass(frozen=True)
class Row:
    """One walkthrough of a school's calibration page: agreement (if recorded) and evidence quality."""

    cycle: Cycle
    calibration: CycleCalibration | None
    evidence: Share


def contribute(site: Site) -> Contribution:
    out = Contribution()
    if not site.rules.show_calibration:
        return out
    p = site.portfolio
    for school in p.schools:
        happened = [c for c in sorted(school.cycles, key=lambda c: (c.date, c.id))
                    if c.date <= site.today and c.scripts]
        if not happened:
            continue
        rows = [Row(c, cal.cycle_calibration(c, fw) if (fw := p.framework(c.focus.framework)) else None,
                    coach.evidence_share([c], c.id)) for c in happened]
        for row in rows:
            if row.calibration is None:
                continue
            c = row.cycle
            out.pages.append(Page(
                paths.cycle(c, "calibration"), f"Calibration, {school.name}, {site.date(c.date)}", "calibration",
                "calibration_cycle.html",
                {"school": school, "cycle": c, "framework": p.framework(c.focus.framework), "row": row,
                 "min_pairs": cal.MIN_PAIRS, "sources": SOURCES},
                parent=paths.cycle(c), label="Calibration: did observers see the same level? (team)", order=85,
            ))
        out.pages.append(Page(
            paths.school_calibration(school), f"Calibration at {school.name}", "calibration-school",
            "calibration_school.html", school_context(site, school, rows), parent=paths.school(school),
            label="Calibration: do observers see the same thing? Agreement and evidence quality (team)",
            order=40,
        ))
    return out


def school_context(site: Site, school: School, rows: list[Row]) -> dict[str, Any]:
    measured = [r for r in rows if r.calibration is not None]
    characteristics: dict[str, list[tuple[Cycle, cal.Agreement]]] = {}
    for r in measured:
        assert r.calibration is not None
        for cid, a in r.calibration.by_characteristic:
            if a.levels:
                characteristics.setdefault(cid, []).append((r.cycle, a))
    titles = {}
    for cid in characteristics:
        fw = next((site.portfolio.framework(c.focus.framework) for c, _ in characteristics[cid]), None)
        found = fw.characteristic(cid) if fw else None
        titles[cid] = found.title if found else cid
    percent_chart, alpha_chart = agreement_charts(site, school, measured)
    return {
        "school": school, "rows": rows, "measured": measured, "characteristics": characteristics,
        "titles": titles, "percent_chart": percent_chart, "alpha_chart": alpha_chart, "min_pairs": cal.MIN_PAIRS,
        "percent_references": PERCENT_REFERENCES, "alpha_references": ALPHA_REFERENCES, "sources": SOURCES,
    }


def agreement_charts(site: Site, school: School, measured: list[Row]) -> tuple[Chart | None, Chart | None]:
    """Agreement over the school's walkthroughs (those with enough pairs), with the field's references."""
    judged = [r for r in measured if r.calibration is not None and r.calibration.overall.enough]
    if not judged:
        return None, None
    points: list[dict[str, Any]] = []
    alphas: list[dict[str, Any]] = []
    said: list[str] = []
    for r in judged:
        assert r.calibration is not None
        a = r.calibration.overall
        when = site.date(r.cycle.date, "short")
        day = r.cycle.date.isoformat()
        for name, value in ((EXACT, a.exact_percent), (WITHIN, a.within_one_percent),
                            (CONSENSUS, a.consensus_percent)):
            if value is not None:
                points.append({"date": day, "series": name, "value": value, "label": f"{name}, {when}: {value}%"})
        text = f"{when}: {a.exact_percent}% exact, {a.within_one_percent}% within one level"
        if a.consensus_percent is not None:
            text += f", {a.consensus_percent}% with the consensus"
        if a.alpha is not None:
            alphas.append({"date": day, "series": ALPHA, "value": round(a.alpha, 3),
                           "label": f"{ALPHA}, {when}: {site.say.alpha(a.alpha)}"})
            text += f", alpha {site.say.alpha(a.alpha)}"
        said.append(text + f" ({a.pairs} pairs)")
    series = [s for s in (EXACT, WITHIN, CONSENSUS) if any(p["series"] == s for p in points)]
    refs = [{"series": name, "value": value, "label": f"{name}: {why}"} for name, value, why in PERCENT_REFERENCES]
    title = "Agreement among observers, walkthrough by walkthrough, with reference values"
    description = (f"Line chart of how often observers at {school.name} agreed, walkthrough by walkthrough "
                   "(walkthroughs with at least " + str(cal.MIN_PAIRS) + " pairs of observers): "
                   + "; ".join(said) + ". Grey dashed lines are reference values from the field, not targets: "
                   + "; ".join(name for name, _, _ in PERCENT_REFERENCES) + ".")

    def spec(narrow: bool) -> dict[str, Any]:
        return charts.agreement_over_time(points, refs, series, y_title="% of pairs or of levels",
                                          domain=(0, 100), percent=True, narrow=narrow)

    percent_chart = Chart(spec(False), title, description, site.charts, spec(True))
    alpha_chart = None
    if alphas:
        floor = min(0.0, min(float(p["value"]) for p in alphas))
        low = -1.0 if floor < -0.5 else (-0.5 if floor < 0 else 0.0)
        arefs = [{"series": name, "value": value, "label": f"{name}: {why}"} for name, value, why in ALPHA_REFERENCES]

        def aspec(narrow: bool) -> dict[str, Any]:
            return charts.agreement_over_time(alphas, arefs, [ALPHA], y_title="Krippendorff's alpha",
                                              domain=(low, 1), percent=False, narrow=narrow)

        alpha_chart = Chart(
            aspec(False), "Krippendorff's alpha, walkthrough by walkthrough, with Krippendorff's reference values",
            f"Line chart of Krippendorff's alpha (ordinal) at {school.name}: "
            + "; ".join(p["label"].split(", ", 1)[1] for p in alphas)
            + ". Grey dashed lines are Krippendorff's reference values: 0.800 (reliable) and 0.667 (tentative "
            "conclusions only).", site.charts, aspec(True))
    return percent_chart, alpha_chart
