"""``frameworks/<framework-id>.yml``: a framework's levels, sections and characteristics."""

from __future__ import annotations

from pathlib import Path

from .. import model as m
from .context import Context
from .fields import LEVEL_ID_RE, Reader
from .files import FOLDER


class FrameworkFiles(Context):
    """Reads frameworks/ and each framework file."""

    def frameworks(self, folder: Path) -> dict[str, m.Framework]:
        found: dict[str, m.Framework] = {}
        if self.tree.kind(folder) is None:
            self.problems.error("frameworks", 1, "the frameworks/ folder is missing: add at least one framework")
        if not self.need(folder, FOLDER):
            return found
        for path in self.children(folder):
            if path.suffix != ".yml" or not self.is_file(path):
                self.stray(path, "frameworks/", "<framework-id>.yml files")
                continue
            r = self.reader(path)
            if not r.check_id(path.stem, 1, "framework id"):
                continue
            fw = self.framework(path, r)
            if fw is not None:
                found[fw.id] = fw
        return found

    def framework(self, path: Path, r: Reader) -> m.Framework | None:
        data = self.yaml_file(path)
        doc = r.mapping(data, 1, "a framework") if data is not None else None
        if doc is None:
            return None
        r.keys(doc, ("title", "levels", "sections"), ("title", "levels", "sections"))
        levels: list[m.Level] = []
        items = r.list(doc, "levels")
        if "levels" in doc and not 2 <= len(items) <= 7:
            r.error(r.line(doc, "levels"), f"a framework needs 2 to 7 levels, not {len(items)}")
        for i, item in enumerate(items):
            lv = r.mapping(item, items.item_lines[i], "a level")
            if lv is None or not r.keys(lv, ("id", "label", "description"), ("id", "label"), "a level"):
                continue
            lid, label = r.text(lv, "id", True), r.text(lv, "label", True)
            if lid is not None and not LEVEL_ID_RE.fullmatch(lid):
                r.error(r.line(lv, "id"), f"level id '{lid}' must be letters, digits and hyphens (at most 16)")
                continue
            if lid is not None and any(x.id == lid for x in levels):
                r.error(r.line(lv, "id"), f"level id '{lid}' is used twice: make level ids unique")
                continue
            if lid and label:
                levels.append(m.Level(lid, label, r.text(lv, "description")))
                self.known_names.append(label)
        sections: list[m.Section] = []
        seen: set[str] = set()
        items = r.list(doc, "sections")
        for i, item in enumerate(items):
            sec = r.mapping(item, items.item_lines[i], "a section")
            if sec is None or not r.keys(sec, ("id", "title", "characteristics"),
                                         ("id", "title", "characteristics"), "a section"):
                continue
            sid, title = r.ident(sec, "id", True, "section id"), r.text(sec, "title", True)
            if sid in seen:
                r.error(r.line(sec, "id"), f"section id '{sid}' is used twice: make it unique")
            chars: list[m.Characteristic] = []
            citems = r.list(sec, "characteristics")
            for j, citem in enumerate(citems):
                ch = r.mapping(citem, citems.item_lines[j], "a characteristic")
                if ch is None or not r.keys(ch, ("id", "title", "description"), ("id", "title"),
                                            "a characteristic"):
                    continue
                cid = r.ident(ch, "id", True, "characteristic id")
                ctitle = r.text(ch, "title", True)
                if cid is not None and cid in seen:
                    r.error(r.line(ch, "id"), f"characteristic id '{cid}' is used twice: make it unique")
                    continue
                self.known_names.append(ctitle or "")
                if cid and ctitle and sid:
                    seen.add(cid)
                    chars.append(m.Characteristic(cid, ctitle, sid, r.text(ch, "description")))
            self.known_names.append(title or "")
            if sid and title:
                seen.add(sid)
                sections.append(m.Section(sid, title, tuple(chars)))
        title = r.text(doc, "title", True)
        self.known_names.append(title or "")
        if not r.ok or title is None:
            return None
        return m.Framework(path.stem, title, tuple(levels), tuple(sections))
