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

from ..analysis.disclosure import Span
from ..analysis.figures import Depth, Distribution, Rated
from ..model import HORIZON_LABELS, STATUS_LABELS, ActionStep, Cycle
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
        found = step.timeframe
        return HORIZON_LABELS[found] if found else "Not given"

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
