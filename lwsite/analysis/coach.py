"""The evidence-quality coach over a whole portfolio.

``flags`` runs the classifier of ``analysis.quality`` on every scripted evidence item and on
the text the public reads (debrief claims, strengths, quick wins and message, hand-written
messages); ``summarise`` turns the evidence flags into shares of specific, objective
evidence by cycle and by school — never by observer or role: it is a calibration aid for
the team, not a score of a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import Problem
from ..model import Cycle, Portfolio
from .quality import QualityFinding, classify, describe, merge, without_missing_detail

SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“'])")


@dataclass(frozen=True)
class Flag:
    """One flagged text: where it is, what it says, and why it was flagged."""

    school: str
    cycle: str
    path: str
    line: int
    text: str
    finding: QualityFinding
    field: str  # "evidence", "pattern", "strength", "quick win", "message", "<kind> message"
    visit: int | None = None

    def problem(self) -> Problem:
        return Problem(self.path, self.line, "; ".join(describe(self.finding)), warning=True)


@dataclass(frozen=True)
class Share:
    """Evidence items that are specific and objective, out of all items."""

    label: str
    ok: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.ok / self.total) if self.total else 0


def _prose(text: str) -> QualityFinding:
    """Prose is judged sentence by sentence; the reasons of every sentence are merged."""
    found = [classify(sentence) for sentence in SENTENCE_RE.split(text.strip())]
    # generality matters in prose only next to judgment
    return merge([f for f in found if f.judgmental])


def _line_of(read: Callable[[str], str] | None, path: str, text: str) -> int:
    if read is None:
        return 1
    try:
        source = read(path)
    except OSError:
        return 1
    probe = text.strip().split("\n")[0][:40]
    index = source.find(probe)
    return source.count("\n", 0, index) + 1 if index >= 0 else 1


def cycle_flags(cycle: Cycle, read: Callable[[str], str] | None = None) -> list[Flag]:
    out: list[Flag] = []
    for script in cycle.scripts:
        for item in script.evidence:
            found = classify(item.text)
            if not found.ok:
                out.append(
                    Flag(cycle.school, cycle.id, script.path, item.line, item.text, found, "evidence", item.visit)
                )
    public: list[tuple[str, str, str, bool]] = []  # (path, field, text, is_prose)
    if cycle.debrief is not None:
        path = f"{cycle.path}/debrief.md"
        public += [(path, "pattern", p.claim, False) for p in cycle.debrief.patterns]
        public += [(path, "strength", s.claim, False) for s in cycle.debrief.strengths]
        public += [(path, "quick win", q, False) for q in cycle.debrief.quick_wins]
        if cycle.debrief.message:
            public.append((path, "message", cycle.debrief.message, True))
    public += [(m.path, f"{m.kind} message", m.body, True) for m in cycle.messages]
    for path, field, text, prose in public:
        found = _prose(text) if prose else classify(text)
        # claims and quick wins are not scripted evidence: no actor is needed in "Post stems"
        found = without_missing_detail(found)
        # public prose is checked for judgment: a summary may speak generally
        if prose and not found.judgmental:
            continue
        if not found.ok:
            out.append(Flag(cycle.school, cycle.id, path, _line_of(read, path, text), text, found, field))
    return out


def flags(portfolio: Portfolio, read: Callable[[str], str] | None = None) -> list[Flag]:
    """Every flagged text of the portfolio, in file order."""
    found = [f for c in portfolio.cycles for f in cycle_flags(c, read)]
    return sorted(found, key=lambda f: (f.path, f.line))


def evidence_share(cycles: list[Cycle], label: str) -> Share:
    items = [e for c in cycles for e in c.evidence]
    ok = sum(1 for e in items if classify(e.text).ok)
    return Share(label, ok, len(items))


def summarise(portfolio: Portfolio) -> tuple[Share, list[Share], list[Share]]:
    """The share of specific, objective evidence overall, by school and by cycle."""
    cycles = sorted(portfolio.cycles, key=lambda c: (c.school, c.date))
    overall = evidence_share(cycles, "All walkthroughs")
    by_school = [evidence_share([c for c in cycles if c.school == s.id], s.name) for s in portfolio.schools]
    by_cycle = [evidence_share([c], f"{c.school}/{c.id}") for c in cycles if c.scripts]
    return overall, by_school, by_cycle
