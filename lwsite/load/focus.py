"""``focus.md``: a cycle's Focus of Inquiry, its framework and its lens."""

from __future__ import annotations

from pathlib import Path

from .. import model as m
from .context import Context, by_language
from .keys import Choice, Keys, Text, TextList, Translated, TranslatedList
from .source import LList

FOCUS = Keys(
    question=Translated(required=True),
    framework=Text(required=True),
    characteristics=TextList(required=True),
    improvement_goal=Translated(),
    look_fors=TranslatedList(),
    guiding_questions=TextList(),
    status=Choice(m.CYCLE_STATUSES),
)


class FocusFile(Context):
    """Reads a cycle's focus.md."""

    def focus(self, path: Path, frameworks: dict[str, m.Framework]) -> m.Focus | None:
        md = self.md_file(path)
        if md is None:
            return None
        r, doc = self.reader(path), md.meta
        r.keys(doc, FOCUS)
        v = r.values(doc, FOCUS)
        (question, question_tr), fid, lens = v["question"], v["framework"], v["characteristics"]
        (goal, goal_tr), (look_fors, look_fors_tr) = v["improvement_goal"], v["look_fors"]
        if doc.get("characteristics") == []:  # a list with no item (a wrong value is reported as such)
            r.error(r.line(doc, "characteristics"), "the lens needs at least one characteristic id")
        fw = frameworks.get(fid) if fid else None
        if fid is not None and not r.check_id(fid, r.line(doc, "framework"), "framework id"):
            fid = None
        elif fid is not None and fw is None and not self.is_file(self.root / "frameworks" / f"{fid}.yml"):
            r.error(
                r.line(doc, "framework"), f"framework '{fid}' does not exist: add frameworks/{fid}.yml or fix the id"
            )
        if fw is not None:
            items = doc.get("characteristics")
            lines = items.item_lines if isinstance(items, LList) else []
            for i, cid in enumerate(lens):
                if fw.characteristic(cid) is None:
                    r.error(
                        lines[i] if i < len(lines) else r.line(doc, "characteristics"),
                        f"characteristic '{cid}' is not in framework '{fw.id}': use one of "
                        + ", ".join(c.id for c in fw.characteristics),
                    )
        if len(set(lens)) != len(lens):
            r.error(r.line(doc, "characteristics"), "a characteristic is listed twice in the lens")
        status: m.CycleStatus = v["status"] or "published"
        guiding = v["guiding_questions"] or m.DEFAULT_GUIDING_QUESTIONS
        if not r.ok or question is None or fid is None:
            return None
        return m.Focus(
            question=question,
            framework=fid,
            characteristics=lens,
            improvement_goal=goal,
            look_fors=look_fors,
            guiding_questions=guiding,
            status=status,
            narrative=md.body.strip() or None,
            translations=by_language(question=question_tr, improvement_goal=goal_tr, look_fors=look_fors_tr),
        )
