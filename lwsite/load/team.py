"""``team.yml``: a cycle's team, by role, and how it works in the hall."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .. import model as m
from .context import Context
from .files import FILE
from .keys import Int, Keys, List, Text, TextList

TEAM = Keys(hall_work=Int(1, 3), debrief=Text(), members=List(required=True))
MEMBER = Keys("a team member", role=Text(required=True), name=Text(), group=Text(), brings=TextList())


class TeamFile(Context):
    """Reads a cycle's team.yml."""

    def team(self, path: Path, required: bool) -> m.Team | None:
        if not self.need(
            path, FILE, "every published cycle needs team.yml with the team's roles" if required else None
        ):
            return None
        r = self.reader(path)
        data = self.yaml_file(path)
        doc = r.mapping(data, 1, "team.yml") if data is not None else None
        if doc is None:
            return None
        r.keys(doc, TEAM)
        v = r.values(doc, TEAM)
        members: list[m.TeamMember] = []
        items = v["members"]
        if doc.get("members") == []:  # a list with no item (a wrong value is reported as such)
            r.error(r.line(doc, "members"), "the team needs at least one member")
        for i, item in enumerate(items):
            mem = r.read(r.mapping(item, items.item_lines[i], "a team member"), MEMBER)
            if mem is None:
                continue
            role, brings = mem["role"], mem["brings"]
            for b in brings:
                if b not in m.BRINGS:
                    r.error(r.line(item, "brings"), f"'brings' may list {', '.join(m.BRINGS)}, not '{b}'")
            if role:
                members.append(m.TeamMember(role, mem["name"], mem["group"], brings))
        hall_work = v["hall_work"]
        if not r.ok:
            return None
        return m.Team(tuple(members), hall_work, v["debrief"])


def is_team_role(role: str, roles: Counter[str]) -> bool:
    """A role of the team, or one numbered ("Teacher 2") when the team has that many members with it."""
    if role in roles:
        return True
    numbered = re.match(r"^(.+) (\d+)$", role)
    return (
        numbered is not None
        and 1 <= int(numbered.group(2)) <= roles.get(numbered.group(1), 0)
        and (roles[numbered.group(1)] >= 2)
    )
