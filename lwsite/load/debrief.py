"""``debrief.md``: the team's patterns and strengths, each a claim with the visits behind it."""

from __future__ import annotations

from pathlib import Path

from .. import model as m
from .context import Context
from .fields import Reader
from .files import FILE
from .source import LMap


class DebriefFile(Context):
    """Reads a cycle's debrief.md."""

    def debrief(self, path: Path, schedule: m.Schedule | None, lens: tuple[str, ...] | None) -> m.Debrief | None:
        if not self.need(path, FILE):
            return None
        md = self.md_file(path)
        if md is None:
            return None
        r, doc = self.reader(path), md.meta
        r.keys(doc, ("patterns", "wonderings", "prediction", "strengths", "quick_wins", "message",
                     "reflection"))
        patterns = self.claims(r, doc, "patterns", schedule, lens, with_extent=True)
        strengths = self.claims(r, doc, "strengths", schedule, lens, with_extent=False)
        debrief = m.Debrief(
            patterns=patterns, strengths=strengths, wonderings=r.text_list(doc, "wonderings"),
            prediction=r.text(doc, "prediction"), quick_wins=r.text_list(doc, "quick_wins"),
            message=r.text(doc, "message"), reflection=r.text(doc, "reflection"),
            narrative=md.body.strip() or None,
        )
        return debrief if r.ok else None

    def claims(
        self, r: Reader, doc: LMap, key: str, schedule: m.Schedule | None,
        lens: tuple[str, ...] | None, with_extent: bool,
    ) -> tuple[m.Claim, ...]:
        out: list[m.Claim] = []
        items = r.list(doc, key)
        what = "a pattern" if with_extent else "a strength"
        allowed = ("claim", "extent", "characteristic", "visits") if with_extent else (
            "claim", "characteristic", "visits")
        required = ("claim", "extent", "visits") if with_extent else ("claim", "visits")
        for i, item in enumerate(items):
            c = r.mapping(item, items.item_lines[i], what)
            if c is None or not r.keys(c, allowed, required, what):
                continue
            claim = r.text(c, "claim", True)
            extent = r.choice(c, "extent", m.EXTENTS, True) if with_extent else None
            char = r.text(c, "characteristic")
            if char is not None and lens is not None and char not in lens:
                r.error(r.line(c, "characteristic"), f"characteristic '{char}' is not in this cycle's lens ("
                        + ", ".join(lens) + "): use one of them or remove it")
            visits: list[int] = []
            vitems = r.list(c, "visits", True)
            if "visits" in c and not vitems:
                r.error(r.line(c, "visits"), f"{what} needs at least one visit behind it")
            for j, v in enumerate(vitems):
                if isinstance(v, bool) or not isinstance(v, int):
                    r.error(vitems.item_lines[j], f"visits must be visit numbers, not {v!r}")
                elif schedule is not None and schedule.visit(v) is None:
                    r.error(vitems.item_lines[j], f"visit {v} is not in schedule.yml: cite scheduled visits only")
                else:
                    visits.append(v)
            if claim:
                out.append(m.Claim(claim, tuple(visits), extent, char))
        return tuple(out)
