"""The sentences and table cells that print a figure, written once for every case.

A figure can be exact, a range (when the disclosure rule codes it), not shown (a range too
wide to tell anything, or too few visits rated), not there at all (the walkthrough had not
happened, the team did not rate, or never looked at it). Every template that prints a
figure asks here, so that each case reads as a sentence in plain words and no page ever
shows a dash where a reader expected a number.

``Say`` holds the page's language (its words come from that language's catalog, ``say.*``
and ``count.*`` in ``lwsite/i18n/<lang>.yml``; its dates, numbers and plural forms from
Babel) and the build's ``min_group``; templates reach it as ``say``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from ..analysis import calibration as cal
from ..analysis import measures
from ..analysis.calibration import Agreement
from ..analysis.disclosure import Span, percent
from ..analysis.figures import Depth, Distribution, Rated
from ..analysis.measures import Verdict
from ..model import HORIZONS, STATUSES, ActionStep, Cycle, Horizon
from .dates import fmt_date, fmt_time

DASH = "\u2013"  # en dash, for ranges of numbers


class Say:
    """Every sentence and table cell that prints a figure, in one language."""

    def __init__(
        self, language: str = "en", min_group: int = 3, catalogs: Mapping[str, Mapping[str, Any]] | None = None
    ) -> None:
        from ..i18n import Translator

        self.language = language
        self.min_group = min_group
        self.t = Translator(language, catalogs)
        # how every page names a status and a horizon (one wording everywhere)
        self.STATUS_LABELS = {s: self.t.plain(f"status.{s}") for s in STATUSES}
        self.HORIZON_LABELS = {h: self.t.plain(f"horizon.{h}") for h in HORIZONS}
        self.VERDICT_LABELS = {s: self.t.plain(f"verdict.{s}") for s in measures.STATES}

    def _(self, key: str, count: int | None = None, **values: object) -> str:
        return self.t.plain(f"say.{key}", count, **values)

    def date(self, value: dt.date | None, style: str = "long") -> str:
        return fmt_date(value, style, self.language)

    def time(self, value: dt.time | None) -> str:
        return fmt_time(value, self.language)

    def number(self, value: int | float, digits: int | None = None) -> str:
        return self.t.number(value, digits)

    def percent(self, lo: int, hi: int | None = None) -> str:
        return self.t.percent(lo, hi)

    def plural(self, n: int, one: str, other: str | None = None) -> str:
        """ "3 visits": a count of a noun, from the catalog's ``count.<noun>`` (English otherwise)."""
        if self.t.has(f"count.{one}"):
            return self.t.plain(f"count.{one}", count=n)
        return f"{n} {one if n == 1 else (other or one + 's')}"

    def count(self, span: Span) -> str:
        """A table cell for one band's count of visits."""
        if span.exact:
            return self.number(span.lo)
        if not span.shown:
            return self._("not_shown")
        if span.lo == 0 and span.hi == self.min_group - 1:
            return self._("fewer_than", n=self.number(self.min_group))
        if span.lo == 0:
            return self._("at_most", n=self.number(span.hi))
        if span.hi == span.total:
            return self._("at_least", n=self.number(span.lo))
        return self._("between", lo=self.number(span.lo), hi=self.number(span.hi))

    def share(self, dist: Distribution | None) -> str:
        """A table cell for the share rated in the upper half: "55%", "80–100%" or "not shown"."""
        if dist is None:
            return self._("not_rated")
        found = dist.upper_share
        if found is None:
            return self._("not_shown")
        lo, hi = found
        return self.percent(lo, hi)

    def share_of(self, dist: Distribution, upper: str) -> str:
        """ "55% of 11 visits rated Providing or above", in every case."""
        found = dist.upper_share
        rated = self.plural(dist.total, "visit")
        if found is None and dist.total < self.min_group:
            return self._("share_too_few", rated=rated)
        if found is None:
            return self._("share_hidden", rated=rated, upper=upper)
        lo, hi = found
        if lo == hi:
            return self._("share_exact", share=self.percent(lo), rated=rated, upper=upper)
        if hi == 100:
            return self._("share_at_least", share=self.percent(lo), rated=rated, upper=upper)
        if lo == 0:
            return self._("share_at_most", share=self.percent(hi), rated=rated, upper=upper)
        return self._("share_between", lo=self.percent(lo), hi=self.percent(hi), rated=rated, upper=upper)

    def change(self, points: int | None) -> str:
        if points is None:
            return ""
        if points > 0:
            return self._("up", points=self.plural(points, "point"))
        if points < 0:
            return self._("down", points=self.plural(-points, "point"))
        return self._("no_change")

    def walkthrough(self, r: Rated, upper: str) -> str:
        """One walkthrough's figure and its change from the walkthrough before, as a sentence."""
        head = self._("dated", date=self.date(r.cycle.date), text=self.share_of(r.distribution, upper))
        if r.previous is None:
            return self._("first_to_rate", head=head)
        if r.change is not None:
            return self._("changed", head=head, change=self.change(r.change), date=self.date(r.previous.date))
        return self._("change_unknown", head=head, date=self.date(r.previous.date))

    def change_cell(self, previous: object | None, points: int | None) -> str:
        """The "change from the one before" cell of a table (walkthroughs, or school years)."""
        if previous is None:
            return self._("first_rated")
        if points is None:
            return self._("not_exact")
        return self.change(points)

    def year(self, label: str, dist: Distribution | None, upper: str, where: str) -> str:
        """One school year's figure: "2025-26 at Lincoln: 55% of 38 visits rated Providing or above."."""
        if dist is None:
            return self._("year_none", label=label, where=where)
        return self._("year", label=label, where=where, text=self.share_of(dist, upper))

    def school_year(self, year: str) -> str:
        """ "School year 2025-26"."""
        return self.t.plain("common.school_year", year=year)

    def looked_at(self, cycles: Sequence[Cycle], today: dt.date) -> str:
        """ "Looked at in 5 walkthroughs; one more is planned for 8 December 2026."."""
        done = [c for c in cycles if c.date <= today]
        planned = [c for c in cycles if c.date > today]
        parts = []
        if done:
            parts.append(self._("looked_at", walkthroughs=self.plural(len(done), "walkthrough")))
        if planned:
            dates = ", ".join(self.date(c.date) for c in planned)
            if done:
                parts.append(self._("more_planned", count=len(planned), dates=dates))
            else:
                parts.append(self._("planned_for", dates=dates))
        return self._("sentences", text="; ".join(parts)) if parts else self._("not_looked_at")

    def not_rated(self, cycles: Sequence[Cycle], rated: Sequence[Rated], today: dt.date) -> str:
        """The walkthroughs that looked at it without rating it, and why, or "" when there are none."""
        done = {r.cycle.id for r in rated}
        past = [c for c in cycles if c.id not in done and c.date <= today]
        if not past:
            return ""
        dates = ", ".join(self.date(c.date) for c in past)
        return self._("not_rated_by", count=len(past), dates=dates)

    def depth(self, d: Depth | None) -> str:
        """How much scripted evidence stands behind the figures: "2.4 evidence items per visit (24 in 10)"."""
        if d is None:
            return self._("no_visits_scripted")
        if d.per_visit is None:
            return self._("depth_hidden", n=self.number(self.min_group))
        return self._(
            "depth",
            per_visit=self.number(d.per_visit, 1),
            items=self.number(d.items),
            visits=self.plural(d.visits, "visit"),
        )

    def per_visit(self, d: Depth) -> str:
        """The items-per-visit cell: "2.4"."""
        return self.number(d.per_visit, 1) if d.per_visit is not None else ""

    def visits_made(self, cycle: Cycle) -> str:
        """The day's classroom visits, and how many have a script when that differs (one source for
        every page that counts them)."""
        o = cycle.outline
        visits = self.plural(o.visits, "classroom")
        if o.scripted and o.scripted != o.visits:
            return self._("visits_scripted", visits=visits, scripted=self.number(o.scripted))
        return visits

    def status(self, step: ActionStep) -> str:
        return self.STATUS_LABELS[step.status]

    def horizon(self, step: ActionStep) -> str:
        """ "Within a month": implied by the due date when there is one, so the two never contradict."""
        return self.horizon_label(step.timeframe)

    def horizon_label(self, horizon: Horizon | None) -> str:
        return self.HORIZON_LABELS[horizon] if horizon else self.t.plain("horizon.none")

    def due(self, step: ActionStep, today: dt.date) -> str:
        """The due date, and in neutral words whether it has passed with the step still open."""
        if step.due is None:
            return self._("no_due_date")
        when = self.date(step.due)
        if step.is_overdue(today):
            return self._(
                "overdue", when=when, still=self.t.plain(f"status_still.{step.status}"), today=self.date(today)
            )
        if not step.open:
            return when
        return self._("still_to_come", when=when) if step.due >= today else when

    # calibration: do observers see the same thing? (team only) ---------------------------
    def alpha(self, value: float | None) -> str:
        """Krippendorff's alpha to three decimals, as his guidance is written (0.667, 0.800)."""
        if value is None:
            return self._("alpha_none")
        return self.number(float(f"{value:.3f}"), 3)  # rounded as Python rounds it, written as the locale writes it

    def agreed(self, part: int, whole: int) -> str:
        """A table cell: "55% (11 of 20)"."""
        if not whole:
            return self._("nothing_to_compare")
        return self._(
            "agreed_cell", share=self.percent(percent(part, whole)), part=self.number(part), whole=self.number(whole)
        )

    def too_few(self, a: Agreement) -> str:
        """Why a row prints no figure: there are no pairs, or fewer than MIN_PAIRS."""
        if a.pairs == 0:
            return self._("no_pairs")
        return self._("few_pairs", pairs=self.plural(a.pairs, "pair"), least=self.number(cal.MIN_PAIRS))

    def agreement(self, a: Agreement | None) -> str:
        """One walkthrough's (or characteristic's) agreement, as a sentence, in every case."""
        if a is None or a.levels == 0:
            return self._("no_levels")
        if not a.enough:
            few = self.too_few(a)
            return self._("sentences", text=few[:1].upper() + few[1:])
        said = self._(
            "agreement",
            pairs=self.plural(a.pairs, "pair"),
            exact=self.percent(percent(a.exact, a.pairs)),
            within=self.percent(percent(a.within_one, a.pairs)),
        )
        if a.compared:
            said += self._(
                "consensus", share=self.percent(percent(a.with_consensus, a.compared)), compared=self.number(a.compared)
            )
        if a.alpha is None:
            return self._("alpha_uncomputable", said=said)
        return self._("alpha_is", said=said, alpha=self.alpha(a.alpha), reading=self.alpha_reading(a.alpha))

    def alpha_reading(self, value: float | None) -> str:
        """Where an alpha stands against Krippendorff's own guidance."""
        if value is None:
            return self._("alpha_not_computed")
        reliable, tentative = self.number(cal.ALPHA_RELIABLE, 3), self.number(cal.ALPHA_TENTATIVE, 3)
        if value >= cal.ALPHA_RELIABLE:
            return self._("alpha_reliable", reliable=reliable)
        if value >= cal.ALPHA_TENTATIVE:
            return self._("alpha_tentative", reliable=reliable, tentative=tentative)
        return self._("alpha_low", tentative=tentative)

    # measured action steps -----------------------------------------------------------------
    def verdict_label(self, state: str) -> str:
        """ "Met", "Not met", "Not yet measured", "Not shown publicly"."""
        return self.VERDICT_LABELS[state]

    def level_label(self, v: Verdict) -> str:
        """ "Providing or above" ("Sustaining" for the top level), in this language."""
        levels = v.framework.levels
        i = next(i for i, lv in enumerate(levels) if lv.id == v.target.level)
        return str(levels[i].label) if i == len(levels) - 1 else self.t.plain("figures.upper", level=levels[i].label)

    def target(self, v: Verdict) -> str:
        """A structured measure in words: "At least 60% of visits rated Providing or above on ..."."""
        t = v.target
        return self._(
            "target",
            share=self.percent(t.share),
            level=self.level_label(v),
            characteristic=v.characteristic_title,
            when=self.judged_when(v),
        )

    def judged_when(self, v: Verdict) -> str:
        by = v.target.by
        if isinstance(by, dt.date):
            return self._("judged_by_date", date=self.date(by))
        return self._("judged_next")

    def _pct(self, part: int, whole: int, share: int) -> str:
        """A whole percentage, or one decimal where rounding would put it on the wrong side of the target."""
        rounded = percent(part, whole)
        if (rounded >= share) != (100 * part >= share * whole):
            exact = 100 * part / whole
            shown = self.number(exact, 1) if round(exact, 1) != int(round(exact, 1)) else self.number(round(exact))
            return self.percent(0).replace(self.number(0), shown, 1)
        return self.percent(rounded)

    def reached(self, span: Span, label: str, share: int) -> str:
        """ "7 of 11 visits (64%) rated Providing or above"; a published range as a range."""
        rated = self.plural(span.total, "visit")
        if span.exact:
            return self._(
                "reached_exact",
                n=self.number(span.lo),
                rated=rated,
                share=self._pct(span.lo, span.total, share),
                label=label,
            )
        lo, hi = self._pct(span.lo, span.total, share), self._pct(span.hi, span.total, share)
        if span.hi == span.total:
            return self._("reached_at_least", share=lo, rated=rated, label=label)
        if span.lo == 0:
            return self._("reached_at_most", share=hi, rated=rated, label=label)
        return self._("reached_between", lo=lo, hi=hi, rated=rated, label=label)

    def verdict(self, v: Verdict) -> str:
        """The result of a measured step at the walkthrough that judges it, in every case."""
        if v.state == measures.PENDING:
            return self._("verdict_pending", when=self.judged_when(v))
        assert v.judge is not None
        when = self._("verdict_when", date=self.date(v.judge.date))
        if v.state == measures.WITHHELD:
            return self._("verdict_withheld", when=when)
        assert v.reached is not None
        return self._(
            "verdict_judged",
            word=self.verdict_label(v.state),
            when=when,
            reached=self.reached(v.reached, self.level_label(v), v.target.share),
            target=self.percent(v.target.share),
        )
