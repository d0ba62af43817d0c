"""``debrief.md``: the team's patterns and strengths, each a claim with the visits behind it."""

from __future__ import annotations

from pathlib import Path

from .. import model as m
from .context import Context, by_language
from .fields import Reader
from .files import FILE
from .keys import Choice, Keys, List, Text, TextList, Translated, TranslatedList
from .source import LList

DEBRIEF = Keys(
    patterns=List(),
    wonderings=TextList(),
    prediction=Translated(),
    strengths=List(),
    quick_wins=TranslatedList(),
    message=Translated(),
    reflection=Text(),
)
PATTERN = Keys(
    "a pattern",
    claim=Translated(required=True),
    extent=Choice(m.EXTENTS, required=True),
    characteristic=Text(),
    visits=List(required=True),
)
STRENGTH = Keys("a strength", claim=Translated(required=True), characteristic=Text(), visits=List(required=True))


class DebriefFile(Context):
    """Reads a cycle's debrief.md."""

    def debrief(self, path: Path, schedule: m.Schedule | None, lens: tuple[str, ...] | None) -> m.Debrief | None:
        if not self.need(path, FILE):
            return None
        md = self.md_file(path)
        if md is None:
            return None
        r, doc = self.reader(path), md.meta
        r.keys(doc, DEBRIEF)
        v = r.values(doc, DEBRIEF)
        patterns = self.claims(r, v["patterns"], schedule, lens, with_extent=True)
        strengths = self.claims(r, v["strengths"], schedule, lens, with_extent=False)
        (prediction, prediction_tr), (quick_wins, quick_wins_tr) = v["prediction"], v["quick_wins"]
        message, message_tr = v["message"]
        debrief = m.Debrief(
            patterns=patterns,
            strengths=strengths,
            wonderings=v["wonderings"],
            prediction=prediction,
            quick_wins=quick_wins,
            message=message,
            reflection=v["reflection"],
            narrative=md.body.strip() or None,
            translations=by_language(prediction=prediction_tr, quick_wins=quick_wins_tr, message=message_tr),
        )
        return debrief if r.ok else None

    def claims(
        self,
        r: Reader,
        items: LList,
        schedule: m.Schedule | None,
        lens: tuple[str, ...] | None,
        with_extent: bool,
    ) -> tuple[m.Claim, ...]:
        out: list[m.Claim] = []
        table = PATTERN if with_extent else STRENGTH
        what = table.what
        for i, item in enumerate(items):
            c = r.mapping(item, items.item_lines[i], what)
            got = r.read(c, table)
            if c is None or got is None:
                continue
            (claim, claim_tr), extent, char = got["claim"], got.get("extent"), got["characteristic"]
            if char is not None and lens is not None and char not in lens:
                r.error(
                    r.line(c, "characteristic"),
                    f"characteristic '{char}' is not in this cycle's lens ("
                    + ", ".join(lens)
                    + "): use one of them or remove it",
                )
            visits: list[int] = []
            vitems = got["visits"]
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
                out.append(m.Claim(claim, tuple(visits), extent, char, by_language(claim=claim_tr)))
        return tuple(out)
