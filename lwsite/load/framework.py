"""``frameworks/<framework-id>.yml``: a framework's levels, sections and characteristics."""

from __future__ import annotations

from pathlib import Path

from .. import model as m
from .context import Context, by_language
from .fields import LEVEL_ID_RE, Reader
from .files import FOLDER
from .keys import Ident, Keys, List, Text, Translated

FRAMEWORK = Keys(title=Translated(required=True), levels=List(required=True), sections=List(required=True))
LEVEL = Keys("a level", id=Text(required=True), label=Translated(required=True), description=Translated())
SECTION = Keys(
    "a section",
    id=Ident("section id", required=True),
    title=Translated(required=True),
    characteristics=List(required=True),
)
CHARACTERISTIC = Keys(
    "a characteristic",
    id=Ident("characteristic id", required=True),
    title=Translated(required=True),
    description=Translated(),
)


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
        r.keys(doc, FRAMEWORK)
        v = r.values(doc, FRAMEWORK)
        levels: list[m.Level] = []
        items = v["levels"]
        if "levels" in doc and not 2 <= len(items) <= 7:
            r.error(r.line(doc, "levels"), f"a framework needs 2 to 7 levels, not {len(items)}")
        for i, item in enumerate(items):
            lv = r.read(r.mapping(item, items.item_lines[i], "a level"), LEVEL)
            if lv is None:
                continue
            lid, (label, label_tr), (ldesc, ldesc_tr) = lv["id"], lv["label"], lv["description"]
            if lid is not None and not LEVEL_ID_RE.fullmatch(lid):
                r.error(r.line(item, "id"), f"level id '{lid}' must be letters, digits and hyphens (at most 16)")
                continue
            if lid is not None and any(x.id == lid for x in levels):
                r.error(r.line(item, "id"), f"level id '{lid}' is used twice: make level ids unique")
                continue
            if lid and label:
                levels.append(m.Level(lid, label, ldesc, by_language(label=label_tr, description=ldesc_tr)))
                self.known_names += [label, *label_tr.values()]
        sections: list[m.Section] = []
        seen: set[str] = set()
        items = v["sections"]
        for i, item in enumerate(items):
            sec = r.read(r.mapping(item, items.item_lines[i], "a section"), SECTION)
            if sec is None:
                continue
            sid, (title, title_tr) = sec["id"], sec["title"]
            if sid in seen:
                r.error(r.line(item, "id"), f"section id '{sid}' is used twice: make it unique")
            chars: list[m.Characteristic] = []
            citems = sec["characteristics"]
            for j, citem in enumerate(citems):
                ch = r.read(r.mapping(citem, citems.item_lines[j], "a characteristic"), CHARACTERISTIC)
                if ch is None:
                    continue
                cid, (ctitle, ctitle_tr), (cdesc, cdesc_tr) = ch["id"], ch["title"], ch["description"]
                if cid is not None and cid in seen:
                    r.error(r.line(citem, "id"), f"characteristic id '{cid}' is used twice: make it unique")
                    continue
                self.known_names += [ctitle or "", *ctitle_tr.values()]
                if cid and ctitle and sid:
                    seen.add(cid)
                    chars.append(
                        m.Characteristic(cid, ctitle, sid, cdesc, by_language(title=ctitle_tr, description=cdesc_tr))
                    )
            self.known_names += [title or "", *title_tr.values()]
            if sid and title:
                seen.add(sid)
                sections.append(m.Section(sid, title, tuple(chars), by_language(title=title_tr)))
        title, title_tr = v["title"]
        self.known_names += [title or "", *title_tr.values()]
        if not r.ok or title is None:
            return None
        return m.Framework(path.stem, title, tuple(levels), tuple(sections), by_language(title=title_tr))
