"""``scripts/visit-N.md``: each visit's evidence, ratings and observers' own levels."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .. import model as m
from .context import Context
from .fields import Reader, retype_hint
from .files import FOLDER
from .keys import Choice, Int, Keys, Mapping, Raw, TextList
from .markdown import MarkdownFile
from .source import LMap
from .team import is_team_role

SCRIPT_RE = re.compile(r"visit-([0-9]+)\.md")
ITEM_RE = re.compile(r"^[-*+] (.*)$")
TAG_RE = re.compile(r"^\[([^\]\s]+)\] (.*)$", re.DOTALL)
SCRIPT = Keys(
    visit=Int(1, required=True),
    observers=TextList(),
    segment=Choice(m.SEGMENTS),
    ratings=Mapping(),
    independent=Raw(),  # {role: {characteristic: level}}: read by independent(), against the observers
    wonderings=TextList(),
)


class ScriptFiles(Context):
    """Reads a cycle's scripts/ folder and each visit's script."""

    def scripts(
        self,
        folder: Path,
        schedule: m.Schedule | None,
        team: m.Team | None,
        fw: m.Framework | None,
        lens: tuple[str, ...] | None,
    ) -> tuple[m.Script, ...]:
        if not self.need(folder, FOLDER):
            return ()
        out: list[m.Script] = []
        seen: dict[int, str] = {}
        for path in self.children(folder):
            match = SCRIPT_RE.fullmatch(path.name)
            if not match or not self.is_file(path):
                self.stray(path, "scripts/", "visit-N.md files (visit-4.md for visit 4)")
                continue
            script = self.script(path, int(match.group(1)), schedule, team, fw, lens)
            if script is None:
                continue
            if script.visit in seen:
                self.problems.error(
                    self.rel(path),
                    1,
                    f"visit {script.visit} already has a script ({seen[script.visit]}): keep one script per visit",
                )
                continue
            seen[script.visit] = path.name
            out.append(script)
        return tuple(sorted(out, key=lambda s: s.visit))

    def script(
        self,
        path: Path,
        file_num: int,
        schedule: m.Schedule | None,
        team: m.Team | None,
        fw: m.Framework | None,
        lens: tuple[str, ...] | None,
    ) -> m.Script | None:
        md = self.md_file(path)
        if md is None:
            return None
        r, doc = self.reader(path), md.meta
        r.keys(doc, SCRIPT)
        v = r.values(doc, SCRIPT)
        num = v["visit"]
        if num is not None and num != file_num:
            r.error(
                r.line(doc, "visit"), f"visit {num} does not match the file name's number {file_num}: make them equal"
            )
        if num is not None and schedule is not None and schedule.visit(num) is None:
            r.error(r.line(doc, "visit"), f"visit {num} is not in schedule.yml: add it there or fix the number")
        ratings: list[m.Rating] = []
        if "ratings" in doc:
            rmap = v["ratings"]
            if team is not None and team.hall_work != 3:
                r.error(
                    r.line(doc, "ratings"),
                    "ratings are allowed only when team.yml has hall_work: 3 "
                    "(consensus on the continuum): remove them or change hall_work",
                )
            elif rmap is not None:
                for cid, level in levels_of(r, rmap, "rating", lens, fw):
                    if num is not None:
                        ratings.append(m.Rating(num, cid, level))
        segment, observers = v["segment"], v["observers"]
        independent = self.independent(r, doc, observers, num, team, fw, lens) if "independent" in doc else ()
        wonderings = v["wonderings"]
        evidence, narrative = self.evidence(md, r, num or file_num, lens)
        if not r.ok or num is None:
            return None
        return m.Script(
            num, self.rel(path), evidence, observers, segment, tuple(ratings), wonderings, narrative, independent
        )

    def independent(
        self,
        r: Reader,
        doc: LMap,
        observers: tuple[str, ...],
        num: int | None,
        team: m.Team | None,
        fw: m.Framework | None,
        lens: tuple[str, ...] | None,
    ) -> tuple[m.IndependentRating, ...]:
        """Each observer's own level before consensus: ``{role: {characteristic: level}}``, keyed by the
        visit's observers (a role that observed twice is numbered in both places: Teacher 1, Teacher 2)."""
        line = r.line(doc, "independent")
        imap = r.mapping(doc["independent"], line, "independent")
        if imap is None:
            return ()
        if team is not None and team.hall_work != 3:
            r.error(
                line,
                "independent levels are allowed only when team.yml has hall_work: 3 (consensus on the "
                "continuum): remove them or change hall_work",
            )
            return ()
        if not observers:
            r.error(
                line,
                "independent needs the visit's observers: list their roles in observers: [...], "
                "then give each one's levels under independent",
            )
            return ()
        twice = [o for o, n in Counter(observers).items() if n > 1]
        if twice:
            r.error(
                r.line(doc, "observers"),
                f"observers lists '{twice[0]}' twice: number them ('{twice[0]} 1', "
                f"'{twice[0]} 2') here and under independent",
            )
            return ()
        roles = Counter(mem.role for mem in team.members) if team is not None else None
        out: list[m.IndependentRating] = []
        for role, levels in imap.items():
            at = r.line(imap, role)
            if roles is not None and not is_team_role(role, roles):
                r.error(
                    at,
                    f"'{role}' is not a role of this cycle's team ("
                    + ", ".join(sorted(roles))
                    + "): key independent levels by role, never by name, numbered ('Teacher 1', 'Teacher 2') "
                    "when two members with one role observed the visit",
                )
                continue
            if role not in observers:
                r.error(
                    at,
                    f"'{role}' is not one of this visit's observers ("
                    + ", ".join(observers)
                    + "): add the role to observers, or fix it here",
                )
                continue
            lmap = r.mapping(levels, at, f"independent levels of '{role}'")
            if lmap is None:
                continue
            for cid, level in levels_of(r, lmap, "independent level", lens, fw):
                if num is not None:
                    out.append(m.IndependentRating(num, role, cid, level))
        return tuple(out)

    def evidence(
        self, md: MarkdownFile, r: Reader, visit: int, lens: tuple[str, ...] | None
    ) -> tuple[tuple[m.Evidence, ...], str | None]:
        items: list[tuple[int, list[str]]] = []
        narrative: list[str] = []
        pending_blank = 0
        for offset, line in enumerate(md.body.split("\n")):
            lineno = md.body_line + offset
            item = ITEM_RE.match(line)
            if item:
                items.append((lineno, [item.group(1)]))
                pending_blank = 0
            elif line.strip() == "":
                pending_blank += 1
            elif line[:1] in (" ", "\t") and items and (pending_blank == 0 or items[-1][1]):
                items[-1][1].extend([""] * pending_blank + [line.strip()])
                pending_blank = 0
            else:
                narrative.append(line)
                pending_blank = 0
        out: list[m.Evidence] = []
        for lineno, parts in items:
            text = "\n".join(parts).strip()
            tag = None
            match = TAG_RE.match(text)
            if match:
                tag, text = match.group(1), match.group(2).strip()
                if lens is not None and tag not in lens:
                    r.error(
                        lineno,
                        f"tag [{tag}] is not in this cycle's lens ("
                        + ", ".join(lens)
                        + "): use one of them, or write \\[ to start with a literal bracket",
                    )
                    continue
            if not text:
                r.error(lineno, "an evidence item is empty: write what was seen or heard")
                continue
            out.append(m.Evidence(text, visit, lineno, tag))
        return tuple(out), ("\n".join(narrative).strip() or None)


def levels_of(
    r: Reader, levels: LMap, what: str, lens: tuple[str, ...] | None, fw: m.Framework | None
) -> list[tuple[str, str]]:
    """The (characteristic, level) pairs of a mapping that rates lens characteristics on the
    framework's levels (a visit's ratings, an observer's own levels); each other entry an error."""
    out: list[tuple[str, str]] = []
    for cid, level in levels.items():
        line = r.line(levels, cid)
        if lens is not None and cid not in lens:
            r.error(
                line,
                f"{what} of '{cid}', which is not in this cycle's lens ("
                + ", ".join(lens)
                + "): rate only lens characteristics",
            )
        elif not isinstance(level, str):
            r.error(line, retype_hint(cid, level, levels.raw.get(cid)))
        elif fw is not None and fw.level(level) is None:
            r.error(
                line,
                f"level '{level}' is not a level of framework '{fw.id}': use one of "
                + ", ".join(lv.id for lv in fw.levels),
            )
        else:
            out.append((cid, level))
    return out
