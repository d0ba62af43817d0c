"""``schools/<school-id>/school.yml``: each school, its rooms and its cycles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import model as m
from .context import by_language
from .cycles import CycleFolders
from .files import FILE, FOLDER
from .keys import Int, Keys, List, Text, Translated

SCHOOL = Keys(
    name=Translated(required=True),
    grades=Text(),
    classrooms=Int(1),
    rooms=List(),
    description=Translated(),
)
ROOM = Keys("a room", code=Text(required=True), grade=Text())


class SchoolFolders(CycleFolders):
    """Reads schools/ and each school folder."""

    def schools(
        self, folder: Path, portfolio: dict[str, Any] | None, frameworks: dict[str, m.Framework]
    ) -> list[m.School]:
        out: list[m.School] = []
        if self.tree.kind(folder) is None:
            self.problems.error("schools", 1, "the schools/ folder is missing: add at least one school")
        if not self.need(folder, FOLDER):
            return out
        start = portfolio["school_year_start"] if portfolio else (8, 1)
        for path in self.children(folder):
            r = self.reader(path)
            if not self.is_dir(path):
                self.stray(path, "schools/", "one folder per school")
                continue
            if not r.check_id(path.name, 1, "school id (the folder name)"):
                continue
            school = self.school(path, start, frameworks)
            if school is not None:
                out.append(school)
        self.check_carries(out)
        return out

    def school(self, folder: Path, start: tuple[int, int], frameworks: dict[str, m.Framework]) -> m.School | None:
        for child in self.children(folder):
            if child.name not in ("school.yml", "cycles"):
                self.stray(child, "a school folder", "school.yml, cycles/")
        path = folder / "school.yml"
        if not self.need(path, FILE, "every school folder needs school.yml with the school's name"):
            return None
        r = self.reader(path)
        data = self.yaml_file(path)
        doc = r.mapping(data, 1, "school.yml") if data is not None else None
        if doc is None:
            return None
        r.keys(doc, SCHOOL)
        v = r.values(doc, SCHOOL)
        rooms: list[m.Room] = []
        items = v["rooms"]
        for i, item in enumerate(items):
            room = r.read(r.mapping(item, items.item_lines[i], "a room"), ROOM)
            if room is None:
                continue
            code = room["code"]
            if code is not None and any(x.code == code for x in rooms):
                r.error(r.line(item, "code"), f"room code '{code}' is listed twice")
                continue
            if code:
                rooms.append(m.Room(code, room["grade"]))
        classrooms = v["classrooms"]
        name, name_tr = v["name"]
        description, description_tr = v["description"]
        self.known_names += [name or "", *name_tr.values()]
        school_ok = r.ok
        cycles = self.cycles(folder / "cycles", folder.name, start, frameworks, tuple(rooms))
        if not school_ok or name is None:
            return None
        return m.School(
            id=folder.name,
            name=name,
            path=self.rel(folder),
            grades=v["grades"],
            classrooms=classrooms if classrooms is not None else (len(rooms) or None),
            rooms=tuple(rooms),
            description=description,
            cycles=tuple(sorted(cycles, key=lambda c: (c.date, c.id))),
            translations=by_language(name=name_tr, description=description_tr),
        )
