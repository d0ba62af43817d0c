"""``focus.md``: a cycle's Focus of Inquiry, its framework and its lens."""

from __future__ import annotations

from pathlib import Path

from .. import model as m
from .context import Context
from .source import LList


class FocusFile(Context):
    """Reads a cycle's focus.md."""

    def focus(self, path: Path, frameworks: dict[str, m.Framework]) -> m.Focus | None:
        md = self.md_file(path)
        if md is None:
            return None
        r, doc = self.reader(path), md.meta
        r.keys(doc, ("question", "framework", "characteristics", "improvement_goal", "look_fors",
                     "guiding_questions", "status"), ("question", "framework", "characteristics"))
        question = r.text(doc, "question", True)
        fid = r.text(doc, "framework", True)
        lens = r.text_list(doc, "characteristics", True)
        if "characteristics" in doc and not lens and r.ok:
            r.error(r.line(doc, "characteristics"), "the lens needs at least one characteristic id")
        fw = frameworks.get(fid) if fid else None
        if fid is not None and not r.check_id(fid, r.line(doc, "framework"), "framework id"):
            fid = None
        elif fid is not None and fw is None and not self.is_file(self.root / "frameworks" / f"{fid}.yml"):
            r.error(r.line(doc, "framework"),
                    f"framework '{fid}' does not exist: add frameworks/{fid}.yml or fix the id")
        if fw is not None:
            items = doc.get("characteristics")
            lines = items.item_lines if isinstance(items, LList) else []
            for i, cid in enumerate(lens):
                if fw.characteristic(cid) is None:
                    r.error(lines[i] if i < len(lines) else r.line(doc, "characteristics"),
                            f"characteristic '{cid}' is not in framework '{fw.id}': use one of "
                            + ", ".join(c.id for c in fw.characteristics))
        if len(set(lens)) != len(lens):
            r.error(r.line(doc, "characteristics"), "a characteristic is listed twice in the lens")
        status = r.choice(doc, "status", ("draft", "published")) or "published"
        guiding = r.text_list(doc, "guiding_questions") or m.DEFAULT_GUIDING_QUESTIONS
        if not r.ok or question is None or fid is None:
            return None
        return m.Focus(
            question=question, framework=fid, characteristics=lens,
            improvement_goal=r.text(doc, "improvement_goal"), look_fors=r.text_list(doc, "look_fors"),
            guiding_questions=guiding, status=status, narrative=md.body.strip() or None,
        )
