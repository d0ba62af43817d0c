"""``actions.yml``: a cycle's action steps, their measures, and the steps they carry."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .. import model as m
from .context import CYCLE_ID_RE, Context, by_language
from .fields import Reader
from .files import FILE
from .keys import Choice, Date, Ident, Keys, Raw, Text, Translated
from .source import LList, LMap

ACTION = Keys(
    "an action step",
    id=Ident("action id", required=True),
    action=Translated(required=True),
    owner=Text(required=True),
    horizon=Choice(m.HORIZONS),
    due=Date(),
    status=Choice(m.STATUSES),
    measure=Raw(),  # text (or a text per language), or a target mapping (MEASURE)
    carries=Text(),
    outcome=Translated(),
)
MEASURE = Keys(
    "a measure",
    characteristic=Text(required=True),
    at_least=Text(required=True),
    share=Raw(required=True),
    by=Raw(),  # read by target(): "60%", and next-walkthrough or a date
)


class ActionsFile(Context):
    """Reads a cycle's actions.yml, and checks every school's carries once all are read."""

    def actions(self, path: Path, cid: str, fw: m.Framework | None = None) -> tuple[m.ActionStep, ...]:
        if not self.need(path, FILE):
            return ()
        r = self.reader(path)
        data = self.yaml_file(path)
        if data is None:
            return ()
        if not isinstance(data, LList):
            r.error(1, "actions.yml must be a list of action steps (each starting with '- id: ...')")
            return ()
        out: list[m.ActionStep] = []
        for i, item in enumerate(data):
            a = r.mapping(item, data.item_lines[i], "an action step")
            got = r.read(a, ACTION)
            if a is None or got is None:
                continue
            aid = got["id"]
            if aid is not None and any(x.id == aid for x in out):
                r.error(r.line(a, "id"), f"action id '{aid}' is used twice in this cycle: make it unique")
                continue
            (action, action_tr), owner = got["action"], got["owner"]
            outcome, outcome_tr = got["outcome"]
            carries = got["carries"]
            if carries is not None:
                parts = carries.split("/")
                if len(parts) != 2 or not CYCLE_ID_RE.fullmatch(parts[0]):
                    r.error(r.line(a, "carries"), f"carries '{carries}' must be <cycle-id>/<action-id>")
                    carries = None
                elif aid is not None:
                    self.carries_lines[(cid, aid)] = r.line(a, "carries")
            measure, target = None, None
            measure_tr: dict[str, str] = {}
            given = a.get("measure")
            if isinstance(given, LMap) and set(given) & set(MEASURE.allowed):
                target = self.target(r, given, r.line(a, "measure"), cid, fw)
            else:  # a text, or a text per language ({en: ..., es: ...})
                measure, measure_tr = r.translated(a, "measure")
            step = m.ActionStep(
                id=aid or "",
                action=action or "",
                owner=owner or "",
                cycle=cid,
                horizon=got["horizon"],
                due=got["due"],
                status=got["status"] or "planned",
                measure=measure,
                carries=carries,
                outcome=outcome,
                line=a.line,
                target=target,
                translations=by_language(action=action_tr, measure=measure_tr, outcome=outcome_tr),
            )
            if aid and action and owner:
                out.append(step)
        return tuple(out)

    def target(self, r: Reader, doc: LMap, line: int, cid: str, fw: m.Framework | None) -> m.Target | None:
        """A structured measure: ``{characteristic: ID, at_least: LEVEL, share: 60%, by: next-walkthrough}``."""
        got = r.read(doc, MEASURE)
        if got is None:
            return None
        char, level = got["characteristic"], got["at_least"]
        if char is not None and fw is not None and fw.characteristic(char) is None:
            r.error(
                r.line(doc, "characteristic"),
                f"characteristic '{char}' is not in framework '{fw.id}': use "
                "one of " + ", ".join(c.id for c in fw.characteristics),
            )
            char = None
        if level is not None and fw is not None and fw.level(level) is None:
            r.error(
                r.line(doc, "at_least"),
                f"at_least '{level}' is not a level of framework '{fw.id}': use one "
                "of " + ", ".join(lv.id for lv in fw.levels),
            )
            level = None
        share = None
        raw = doc.get("share")
        found = re.match(r"^(\d{1,3})%$", raw.strip()) if isinstance(raw, str) else None
        if found and 1 <= int(found.group(1)) <= 100:
            share = int(found.group(1))
        elif "share" in doc:
            shown = doc.raw.get("share") or (raw if isinstance(raw, str) else repr(raw))
            r.error(
                r.line(doc, "share"),
                f"share '{shown}' must be a whole percentage of visits from 1% to 100%, such as 60%",
            )
        by: str | dt.date = m.NEXT_WALKTHROUGH
        if "by" in doc:
            value = doc["by"]
            day = dt.date.fromisoformat(cid[:10])
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                if value <= day:
                    r.error(
                        r.line(doc, "by"),
                        f"by {value} is not after this walkthrough ({day}): give a later "
                        f"date, or by: {m.NEXT_WALKTHROUGH}",
                    )
                    return None
                by = value
            elif value != m.NEXT_WALKTHROUGH:
                r.error(
                    r.line(doc, "by"),
                    f"by must be {m.NEXT_WALKTHROUGH} (the school's next walkthrough that "
                    f"rates it) or an unquoted date YYYY-MM-DD, not {doc.raw.get('by') or repr(value)}",
                )
                return None
        if char is None or level is None or share is None:
            return None
        return m.Target(char, level, share, by)

    def check_carries(self, schools: list[m.School]) -> None:
        for school, draft, actions, rel in self.cycle_actions:
            for a in actions:
                if a.carries is None:
                    continue
                line = self.carries_lines.get((a.cycle, a.id), a.line)
                target = self.published_actions.get(school, {}).get(a.carries)
                drafted = self.drafts.get(school, {}).get(a.carries)
                if a.carries.split("/")[0] >= a.cycle:
                    self.problems.error(rel, line, f"carries '{a.carries}' must name a step of an earlier cycle")
                elif target is None and drafted is not None and not draft:
                    self.problems.error(
                        rel,
                        line,
                        f"carries '{a.carries}' names a step of a draft cycle: "
                        "a published cycle may only carry published steps",
                    )
                elif target is None and drafted is None:
                    elsewhere = [s for s, acts in self.published_actions.items() if a.carries in acts and s != school]
                    hint = (
                        f" (it is a step of school '{elsewhere[0]}': steps never carry across schools)"
                        if elsewhere
                        else ": check the cycle id and action id"
                    )
                    self.problems.error(
                        rel, line, f"carries '{a.carries}' resolves to no action step of this school" + hint
                    )
