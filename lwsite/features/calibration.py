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
from .trends import chart_words

SERIES = ("exact", "within", "consensus")  # the percentage measures, by their catalog key (calibration.*)


def percent_references(site: Site) -> tuple[tuple[str, float, str], ...]:
    """The field's reference values for the percentages, each with its source (drawn on the charts)."""
    t, pct = site.t.plain, site.say.percent
    return (
        (
            t("calibration.ref_certify", share=pct(cal.EXACT_CERTIFICATION)),
            cal.EXACT_CERTIFICATION,
            t("calibration.ref_certify_why", share=pct(cal.EXACT_CERTIFICATION)),
        ),
        (
            t("calibration.ref_states", share=pct(cal.EXACT_WITH_NONE_FAR)),
            cal.EXACT_WITH_NONE_FAR,
            t("calibration.ref_states_why", share=pct(cal.EXACT_WITH_NONE_FAR)),
        ),
    )


def alpha_references(site: Site) -> tuple[tuple[str, float, str], ...]:
    t, alpha = site.t.plain, site.say.alpha
    reliable, tentative = alpha(cal.ALPHA_RELIABLE), alpha(cal.ALPHA_TENTATIVE)
    return (
        (
            t("calibration.ref_reliable", value=reliable),
            cal.ALPHA_RELIABLE,
            t("calibration.ref_reliable_why", value=reliable),
        ),
        (
            t("calibration.ref_tentative", value=tentative),
            cal.ALPHA_TENTATIVE,
            t("calibration.ref_tentative_why", tentative=tentative, reliable=reliable),
        ),
    )


def sources(site: Site) -> tuple[str, ...]:
    return tuple(site.t.plain(f"calibration.{k}") for k in ("source_2004", "source_2011", "source_certification"))


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
        happened = [
            c for c in sorted(school.cycles, key=lambda c: (c.date, c.id)) if c.date <= site.today and c.scripts
        ]
        if not happened:
            continue
        rows = [
            Row(
                c,
                cal.cycle_calibration(c, fw) if (fw := p.framework(c.focus.framework)) else None,
                coach.evidence_share([c], c.id),
            )
            for c in happened
        ]
        for row in rows:
            if row.calibration is None:
                continue
            c = row.cycle
            out.pages.append(
                Page(
                    paths.cycle(c, "calibration"),
                    site.t.plain("calibration.cycle_title", school=school.name, date=site.date(c.date)),
                    "calibration",
                    "calibration_cycle.html",
                    {
                        "school": school,
                        "cycle": c,
                        "framework": p.framework(c.focus.framework),
                        "row": row,
                        "min_pairs": cal.MIN_PAIRS,
                        "sources": sources(site),
                    },
                    parent=paths.cycle(c),
                    label=site.t.plain("calibration.cycle_label"),
                    order=85,
                )
            )
        out.pages.append(
            Page(
                paths.school_calibration(school),
                site.t.plain("calibration.school_title", school=school.name),
                "calibration-school",
                "calibration_school.html",
                school_context(site, school, rows),
                parent=paths.school(school),
                label=site.t.plain("calibration.school_label"),
                order=40,
            )
        )
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
        "school": school,
        "rows": rows,
        "measured": measured,
        "characteristics": characteristics,
        "titles": titles,
        "percent_chart": percent_chart,
        "alpha_chart": alpha_chart,
        "min_pairs": cal.MIN_PAIRS,
        "percent_references": percent_references(site),
        "alpha_references": alpha_references(site),
        "sources": sources(site),
    }


def agreement_charts(site: Site, school: School, measured: list[Row]) -> tuple[Chart | None, Chart | None]:
    """Agreement over the school's walkthroughs (those with enough pairs), with the field's references."""
    judged = [r for r in measured if r.calibration is not None and r.calibration.overall.enough]
    if not judged:
        return None, None
    points: list[dict[str, Any]] = []
    alphas: list[dict[str, Any]] = []
    said: list[str] = []
    t, pct = site.t.plain, site.say.percent
    names = {k: t(f"calibration.{k}") for k in (*SERIES, "alpha")}
    for r in judged:
        assert r.calibration is not None
        a = r.calibration.overall
        when = site.date(r.cycle.date, "short")
        day = r.cycle.date.isoformat()
        for key, value in zip(SERIES, (a.exact_percent, a.within_one_percent, a.consensus_percent), strict=True):
            if value is not None:
                points.append(
                    {
                        "date": day,
                        "series": names[key],
                        "value": value,
                        "label": t("calibration.point", series=names[key], date=when, value=pct(value)),
                    }
                )
        text = t("calibration.said", date=when, exact=pct(a.exact_percent or 0), within=pct(a.within_one_percent or 0))
        if a.consensus_percent is not None:
            text += t("calibration.said_consensus", share=pct(a.consensus_percent))
        if a.alpha is not None:
            alphas.append(
                {
                    "date": day,
                    "series": names["alpha"],
                    "value": round(a.alpha, 3),
                    "label": t("calibration.point", series=names["alpha"], date=when, value=site.say.alpha(a.alpha)),
                }
            )
            text += t("calibration.said_alpha", alpha=site.say.alpha(a.alpha))
        said.append(text + t("calibration.said_pairs", pairs=site.say.plural(a.pairs, "pair")))
    series = [names[k] for k in SERIES if any(p["series"] == names[k] for p in points)]
    references = percent_references(site)
    refs = [
        {"series": name, "value": value, "label": t("calibration.reference_label", name=name, why=why)}
        for name, value, why in references
    ]
    title = t("calibration.percent_title")
    description = t(
        "calibration.percent_description",
        school=school.name,
        least=site.say.number(cal.MIN_PAIRS),
        figures="; ".join(said),
        references="; ".join(name for name, _, _ in references),
    )
    words = chart_words(site)

    def spec(narrow: bool) -> dict[str, Any]:
        return charts.agreement_over_time(
            points,
            refs,
            series,
            y_title=t("calibration.percent_axis"),
            domain=(0, 100),
            percent=True,
            narrow=narrow,
            words=words,
        )

    percent_chart = Chart(spec(False), title, description, site.charts, spec(True))
    alpha_chart = None
    if alphas:
        floor = min(0.0, min(float(p["value"]) for p in alphas))
        low = -1.0 if floor < -0.5 else (-0.5 if floor < 0 else 0.0)
        arefs = [
            {"series": name, "value": value, "label": t("calibration.reference_label", name=name, why=why)}
            for name, value, why in alpha_references(site)
        ]

        def aspec(narrow: bool) -> dict[str, Any]:
            return charts.agreement_over_time(
                alphas,
                arefs,
                [names["alpha"]],
                y_title=t("calibration.alpha_axis"),
                domain=(low, 1),
                percent=False,
                narrow=narrow,
                words=words,
            )

        alpha_chart = Chart(
            aspec(False),
            t("calibration.alpha_title"),
            t(
                "calibration.alpha_description",
                school=school.name,
                figures="; ".join(p["label"].split(", ", 1)[1] for p in alphas),
                reliable=site.say.alpha(cal.ALPHA_RELIABLE),
                tentative=site.say.alpha(cal.ALPHA_TENTATIVE),
            ),
            site.charts,
            aspec(True),
        )
    return percent_chart, alpha_chart
