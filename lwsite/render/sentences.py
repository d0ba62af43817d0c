"""The sentences and table cells that print a figure, written once for every case.

A figure can be exact, a range (when the disclosure rule codes it), not shown (a range too
wide to tell anything, or too few visits rated), not there at all (the walkthrough had not
happened, the team did not rate, or never looked at it). Every template that prints a
figure asks here, so that each case reads as a sentence in plain words and no page ever
shows a dash where a reader expected a number.

``Say`` holds the page's language (its dates come from Babel in that language) and the
build's ``min_group``; templates reach it as ``say``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

from ..analysis import calibration as cal
from ..analysis import measures
from ..analysis.calibration import Agreement
from ..analysis.disclosure import Span, percent
from ..analysis.figures import Depth, Distribution, Rated
from ..analysis.measures import Verdict
from ..model import HORIZON_LABELS, STATUS_LABELS, ActionStep, Cycle, Horizon
from .dates import fmt_date, fmt_time

DASH = "\u2013"  # en dash, for ranges of numbers


class Say:
    """Every sentence and table cell that prints a figure, in one language."""

    STATUS_LABELS = STATUS_LABELS
    HORIZON_LABELS = HORIZON_LABELS

    def __init__(self, language: str = "en", min_group: int = 3) -> None:
        self.language = language
        self.min_group = min_group

    def date(self, value: dt.date | None, style: str = "long") -> str:
        return fmt_date(value, style, self.language)

    def time(self, value: dt.time | None) -> str:
        return fmt_time(value, self.language)

    def plural(self, n: int, one: str, other: str | None = None) -> str:
        return f"{n} {one if n == 1 else (other or one + 's')}"

    def count(self, span: Span) -> str:
        """A table cell for one band's count of visits."""
        if span.exact:
            return str(span.lo)
        if not span.shown:
            return "not shown"
        if span.lo == 0 and span.hi == self.min_group - 1:
            return f"fewer than {self.min_group}"
        if span.lo == 0:
            return f"at most {span.hi}"
        if span.hi == span.total:
            return f"at least {span.lo}"
        return f"{span.lo} to {span.hi}"

    def share(self, dist: Distribution | None) -> str:
        """A table cell for the share rated in the upper half: "55%", "80–100%" or "not shown"."""
        if dist is None:
            return "not rated"
        found = dist.upper_share
        if found is None:
            return "not shown"
        lo, hi = found
        return f"{lo}%" if lo == hi else f"{lo}{DASH}{hi}%"

    def share_of(self, dist: Distribution, upper: str) -> str:
        """"55% of 11 visits rated Providing or above", in every case."""
        found = dist.upper_share
        rated = self.plural(dist.total, "visit")
        if found is None and dist.total < self.min_group:
            return f"only {rated} rated: too few to show a share without singling out a classroom"
        if found is None:
            return (f"{rated} rated: the share rated {upper} is not shown, so that no classroom can be "
                    "singled out")
        lo, hi = found
        if lo == hi:
            return f"{lo}% of {rated} rated {upper}"
        if hi == 100:
            return f"at least {lo}% of {rated} rated {upper}"
        if lo == 0:
            return f"at most {hi}% of {rated} rated {upper}"
        return f"between {lo}% and {hi}% of {rated} rated {upper}"

    def change(self, points: int | None) -> str:
        if points is None:
            return ""
        if points > 0:
            return f"up {self.plural(points, 'point')}"
        if points < 0:
            return f"down {self.plural(-points, 'point')}"
        return "no change"

    def walkthrough(self, r: Rated, upper: str) -> str:
        """One walkthrough's figure and its change from the walkthrough before, as a sentence."""
        head = f"{self.date(r.cycle.date)}: {self.share_of(r.distribution, upper)}"
        if r.previous is None:
            return head + " (the first walkthrough to rate it)."
        if r.change is not None:
            return f"{head}, {self.change(r.change)} from {self.date(r.previous.date)}."
        return (f"{head}; the change from {self.date(r.previous.date)} cannot be given exactly, because one of the "
                "two figures is a range.")

    def change_cell(self, previous: object | None, points: int | None) -> str:
        """The "change from the one before" cell of a table (walkthroughs, or school years)."""
        if previous is None:
            return "first rated"
        if points is None:
            return "not exact: a range"
        return self.change(points)

    def year(self, label: str, dist: Distribution | None, upper: str, where: str) -> str:
        """One school year's figure: "2025-26 at Lincoln: 55% of 38 visits rated Providing or above."."""
        if dist is None:
            return f"{label}{where}: no visits rated."
        return f"{label}{where}: {self.share_of(dist, upper)}."

    def looked_at(self, cycles: Sequence[Cycle], today: dt.date) -> str:
        """"Looked at in 5 walkthroughs; one more is planned for 8 December 2026."."""
        done = [c for c in cycles if c.date <= today]
        planned = [c for c in cycles if c.date > today]
        parts = []
        if done:
            parts.append(f"Looked at in {self.plural(len(done), 'walkthrough')} so far")
        if planned:
            dates = ", ".join(self.date(c.date) for c in planned)
            more = "one more is" if len(planned) == 1 else f"{len(planned)} more are"
            parts.append(f"{more} planned ({dates})" if done else f"Planned for {dates}")
        return "; ".join(parts) + "." if parts else "Not looked at yet."

    def not_rated(self, cycles: Sequence[Cycle], rated: Sequence[Rated], today: dt.date) -> str:
        """The walkthroughs that looked at it without rating it, and why, or "" when there are none."""
        done = {r.cycle.id for r in rated}
        past = [c for c in cycles if c.id not in done and c.date <= today]
        if not past:
            return ""
        dates = ", ".join(self.date(c.date) for c in past)
        if len(past) == 1:
            return (f"The walkthrough of {dates} looked at it without rating visits on the continuum "
                    "(its hall work was reflection or calibration, not a rating).")
        return (f"The walkthroughs of {dates} looked at it without rating visits on the continuum "
                "(their hall work was reflection or calibration, not a rating).")

    def depth(self, d: Depth | None) -> str:
        """How much scripted evidence stands behind the figures: "2.4 evidence items per visit (24 in 10)"."""
        if d is None:
            return "no visits scripted"
        if d.per_visit is None:
            return f"not shown: fewer than {self.min_group} visits scripted"
        return f"{d.per_visit:.1f} evidence items per visit ({d.items} in {self.plural(d.visits, 'visit')})"

    def visits_made(self, cycle: Cycle) -> str:
        """The day's classroom visits, and how many have a script when that differs (one source for
        every page that counts them)."""
        o = cycle.outline
        visits = self.plural(o.visits, "classroom")
        if o.scripted and o.scripted != o.visits:
            return f"{visits} ({o.scripted} of the visits have scripted notes)"
        return visits

    def status(self, step: ActionStep) -> str:
        return STATUS_LABELS[step.status]

    def horizon(self, step: ActionStep) -> str:
        """"Within a month": implied by the due date when there is one, so the two never contradict."""
        return self.horizon_label(step.timeframe)

    def horizon_label(self, horizon: Horizon | None) -> str:
        return HORIZON_LABELS[horizon] if horizon else "Not given"

    def due(self, step: ActionStep, today: dt.date) -> str:
        """The due date, and in neutral words whether it has passed with the step still open."""
        if step.due is None:
            return "No due date"
        when = self.date(step.due)
        if step.is_overdue(today):
            still = STATUS_LABELS[step.status].lower()
            return f"{when}: the date has passed and the step is still {still} (as of {self.date(today)})"
        if not step.open:
            return when
        return f"{when} (still to come)" if step.due >= today else when

    # calibration: do observers see the same thing? (team only) ---------------------------
    def alpha(self, value: float | None) -> str:
        """Krippendorff's alpha to three decimals, as his guidance is written (0.667, 0.800)."""
        if value is None:
            return "cannot be computed: every level given was the same"
        return f"{value:.3f}"

    def agreed(self, part: int, whole: int) -> str:
        """A table cell: "55% (11 of 20)"."""
        return f"{percent(part, whole)}% ({part} of {whole})" if whole else "none to compare"

    def too_few(self, a: Agreement) -> str:
        """Why a row prints no figure: there are no pairs, or fewer than MIN_PAIRS."""
        if a.pairs == 0:
            return "no two observers recorded their own level for the same visit: nothing to compare"
        return (f"only {self.plural(a.pairs, 'pair')} of observers: too few to judge agreement "
                f"(it takes at least {cal.MIN_PAIRS})")

    def agreement(self, a: Agreement | None) -> str:
        """One walkthrough's (or characteristic's) agreement, as a sentence, in every case."""
        if a is None or a.levels == 0:
            return "No observer recorded a level of their own before the team agreed its rating."
        if not a.enough:
            return self.too_few(a)[0].upper() + self.too_few(a)[1:] + "."
        said = (f"{a.pairs} pairs of observers rated the same visit: {a.exact_percent}% gave the same level "
                f"and {a.within_one_percent}% were at most one level apart")
        if a.compared:
            said += (f"; {a.consensus_percent}% of the {a.compared} levels observers gave on their own matched "
                     "the rating the team then agreed")
        if a.alpha is None:
            return said + "; Krippendorff's alpha cannot be computed, because every level given was the same."
        return said + f"; Krippendorff's alpha is {self.alpha(a.alpha)}, {self.alpha_reading(a.alpha)}."

    def alpha_reading(self, value: float | None) -> str:
        """Where an alpha stands against Krippendorff's own guidance."""
        if value is None:
            return "not computed"
        if value >= cal.ALPHA_RELIABLE:
            return "at or above 0.800, the level Krippendorff calls reliable"
        if value >= cal.ALPHA_TENTATIVE:
            return "between 0.667 and 0.800: enough, in Krippendorff's guidance, for tentative conclusions only"
        return "below 0.667, the least Krippendorff accepts even for tentative conclusions"

    # measured action steps -----------------------------------------------------------------
    VERDICT_LABELS: ClassVar[dict[str, str]] = {
        measures.MET: "Met", measures.NOT_MET: "Not met", measures.PENDING: "Not yet measured",
        measures.WITHHELD: "Not shown publicly",
    }

    def target(self, v: Verdict) -> str:
        """A structured measure in words: "At least 60% of visits rated Providing or above on ..."."""
        t = v.target
        return (f"At least {t.share}% of visits rated {v.level_label} on \u201c{v.characteristic_title}\u201d, "
                f"{self.judged_when(v)}.")

    def judged_when(self, v: Verdict) -> str:
        by = v.target.by
        if isinstance(by, dt.date):
            return f"at the school's first walkthrough on or after {self.date(by)} that rates it"
        return "at the school's next walkthrough that rates it"

    def _pct(self, part: int, whole: int, share: int) -> str:
        """A whole percentage, or one decimal where rounding would put it on the wrong side of the target."""
        rounded = percent(part, whole)
        if (rounded >= share) != (100 * part >= share * whole):
            return f"{100 * part / whole:.1f}%".replace(".0%", "%")
        return f"{rounded}%"

    def reached(self, span: Span, label: str, share: int) -> str:
        """"7 of 11 visits (64%) rated Providing or above"; a published range as a range."""
        rated = self.plural(span.total, "visit")
        if span.exact:
            return f"{span.lo} of {rated} ({self._pct(span.lo, span.total, share)}) rated {label}"
        lo, hi = self._pct(span.lo, span.total, share), self._pct(span.hi, span.total, share)
        if span.hi == span.total:
            return f"at least {lo} of {rated} rated {label}"
        if span.lo == 0:
            return f"at most {hi} of {rated} rated {label}"
        return f"between {lo} and {hi} of {rated} rated {label}"

    def verdict(self, v: Verdict) -> str:
        """The result of a measured step at the walkthrough that judges it, in every case."""
        if v.state == measures.PENDING:
            return f"Not yet measured: it is judged {self.judged_when(v)}."
        assert v.judge is not None
        when = f"the walkthrough of {self.date(v.judge.date)}"
        if v.state == measures.WITHHELD:
            return (f"Judged at {when}; its result is not shown publicly, because the public site gives ratings "
                    "only in two halves of the continuum, and as ranges where numbers are small. Staff and the "
                    "walkthrough team see it.")
        assert v.reached is not None
        word = "Met" if v.state == measures.MET else "Not met"
        return f"{word} at {when}: {self.reached(v.reached, v.level_label, v.target.share)} (target {v.target.share}%)."
