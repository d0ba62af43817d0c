"""The text of new content files: a school, a cycle, a schedule, a visit's script.

Pure functions from domain values to file text. Every file they make follows the content
format exactly (values written by ``emit.scalar``) and passes ``lwsite check`` as it is;
comments tell the principal what each value means and what to fill in. A value still to be
written holds ``PLACEHOLDER``, which ``lwsite publish`` refuses to publish.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from . import model as m
from .emit import clean, flow_list, hhmm, scalar

PLACEHOLDER = "(fill this in)"
DEFAULT_HALL_WORK = 1


def school_yml(name: str, grades: str | None = None) -> str:
    lines = [
        "# A school of the portfolio. Only name is required; lwsite check explains every key.",
        f"name: {scalar(name)}",
        f"grades: {scalar(grades)}" if grades else "# grades: K-5                 # the grades the school teaches",
        "# classrooms: 24               # how many classrooms, for coverage figures (default: the rooms below)",
        "# rooms:                       # opaque codes, seen by the walkthrough team only; lwsite schedule",
        '#   - {code: R01, grade: "K"}  # uses them to visit every classroom over the year',
        "",
    ]
    return "\n".join(lines)


def focus_md(
    framework: m.Framework,
    *,
    like: m.Focus | None = None,
    like_id: str | None = None,
) -> str:
    """A draft focus.md: a copy of ``like``'s focus, or placeholders in the first lens."""
    ids = ", ".join(c.id for c in framework.characteristics)
    lines = [
        "---",
        "# The Focus of Inquiry. This cycle is a draft: lwsite check reads it, no site shows it.",
        "# When the team has visited and the scripts are in, publish it with lwsite publish.",
    ]
    if like is not None:
        lines.append(f"# Copied from {like_id}: change what this cycle asks differently.")
        lines.append(f"question: {scalar(like.question)}")
    else:
        lines.append(f"question: {scalar('What do we want to learn about teaching and learning? ' + PLACEHOLDER)}")
    lines.append(f"framework: {scalar(framework.id)}{' ' * 8}# a framework of frameworks/")
    lens = like.characteristics if like else tuple(c.id for c in framework.characteristics[:1])
    lines.append(f"characteristics: {flow_list(lens)}   # the lens, from: {ids}")
    if like is not None and like.improvement_goal:
        lines.append(f"improvement_goal: {scalar(like.improvement_goal)}")
    else:
        lines.append('# improvement_goal: "School Improvement Plan, goal 2: ..."   # optional')
    lines.append("look_fors:                        # concrete things observers watch for")
    for item in like.look_fors if like and like.look_fors else (PLACEHOLDER,):
        lines.append(f"  - {scalar(item)}")
    if like is not None and like.guiding_questions != m.DEFAULT_GUIDING_QUESTIONS:
        lines.append("guiding_questions:")
        lines.extend(f"  - {scalar(q)}" for q in like.guiding_questions)
    lines += [
        "status: draft                     # draft | published (lwsite publish sets it)",
        "---",
        "",
    ]
    return "\n".join(lines)


def team_yml(like: m.Team | None = None, like_id: str | None = None) -> str:
    lines = [
        "# The walkthrough team, by role. A name is seen by the team only (unless",
        "# privacy.publish_team_names is true); a group is the visiting group in schedule.yml.",
    ]
    if like is not None:
        lines.append(f"# Copied from {like_id}: change who is on the team this time.")
    hall_work = like.hall_work if like and like.hall_work else DEFAULT_HALL_WORK
    lines.append(
        f"hall_work: {hall_work}          # 1 individual reflection | 2 team calibration | "
        "3 consensus on the continuum (allows ratings)"
    )
    lines.append(
        f"debrief: {scalar(like.debrief) if like and like.debrief else 'same-day'}"
        "     # same-day | next-day | other text"
    )
    lines.append("members:")
    members = like.members if like else (m.TeamMember("Principal", None, "A", ("facilitation",)),)
    for member in members:
        lines.append(f"  - role: {scalar(member.role)}")
        if member.name:
            lines.append(f"    name: {scalar(member.name)}")
        if member.group:
            lines.append(f"    group: {scalar(member.group)}")
        if member.brings:
            lines.append(f"    brings: {flow_list(member.brings)}")
    if like is None:
        lines += [
            "    # brings: any of focus-expertise, facilitation, credibility",
            "  # - role: Math coach            # one entry per member",
            "  #   group: B",
        ]
    lines.append("")
    return "\n".join(lines)


def open_steps(actions: Sequence[m.ActionStep]) -> list[m.ActionStep]:
    """The steps a next cycle carries: those still planned or in progress."""
    return [a for a in actions if a.open]


def translated_yml(key: str, text: str, step: m.ActionStep, language: str) -> list[str]:
    """A step's text as written: one line, or one per language when it has translations."""
    others = [(lang, given[key]) for lang, given in step.translations.items() if given.get(key)]
    if not others:
        return [f"  {key}: {scalar(text)}"]
    return [f"  {key}:", f"    {language}: {scalar(text)}", *(f"    {lang}: {scalar(t)}" for lang, t in others)]


def carried_actions_yml(steps: Sequence[m.ActionStep], like_id: str, language: str = "en") -> str:
    lines = [
        f"# Action steps. These carry the steps {like_id} left planned or in progress:",
        "# update each one, give it a due date, drop what no longer applies, add new ones.",
        "# Owners are roles or teams, never a single named teacher.",
    ]
    for step in steps:
        lines.append(f"- id: {scalar(step.id)}")
        lines += translated_yml("action", step.action, step, language)
        lines.append(f"  owner: {scalar(step.owner)}")
        if step.horizon:
            lines.append(f"  horizon: {step.horizon}")
        lines.append(f"  status: planned                # it was {step.status} in {like_id}")
        if step.measure:
            lines += translated_yml("measure", step.measure, step, language)
        elif step.target is not None:
            # a date of the earlier cycle may fall before this one: carried, the target is judged next time
            carried = replace(step.target, by=m.NEXT_WALKTHROUGH)
            lines.append(f"  measure: {measure_yml(carried)}")
            if isinstance(step.target.by, dt.date):
                lines.append(f"  # it was to be judged by {step.target.by.isoformat()} in {like_id}")
        lines.append(f"  carries: {scalar(step.key)}")
        lines.append("  # due: YYYY-MM-DD")
    lines.append("")
    return "\n".join(lines)


def measure_yml(target: m.Target) -> str:
    """A structured measure in flow style, as the content format writes it."""
    by = target.by.isoformat() if isinstance(target.by, dt.date) else target.by
    return (
        f"{{characteristic: {scalar(target.characteristic)}, at_least: {scalar(target.level, quote=True)}, "
        f"share: {target.share}%, by: {by}}}"
    )


def schedule_yml(
    day: dt.date,
    visits: Sequence[m.ScheduledVisit],
    *,
    orientation: m.TimeBlock | None = None,
    debrief: m.TimeBlock | None = None,
    note: Sequence[str] = (),
) -> str:
    lines = [f"# {line}" for line in note]
    lines += [
        '# Times are "HH:MM" (24-hour). Room codes are seen by the walkthrough team only;',
        "# add each visit's subject when you know it.",
        f"date: {day.isoformat()}",
    ]
    lines.append(
        f"orientation: {_block(orientation)}" if orientation else '# orientation: {start: "08:00", minutes: 30}'
    )
    lines.append("visits:")
    for v in visits:
        parts = [f"visit: {v.number}", f"start: {hhmm(v.block.start)}", f"minutes: {v.block.minutes}"]
        if v.group:
            parts.append(f"group: {scalar(v.group)}")
        if v.grade:
            parts.append(f"grade: {scalar(v.grade, quote=True)}")
        if v.subject:
            parts.append(f"subject: {scalar(v.subject)}")
        if v.room:
            parts.append(f"room: {scalar(v.room, quote=True)}")
        lines.append("  - {" + ", ".join(parts) + "}")
    lines.append(f"debrief: {_block(debrief)}" if debrief else '# debrief: {start: "11:30", minutes: 60}')
    lines.append("")
    return "\n".join(lines)


def _block(block: m.TimeBlock) -> str:
    return f"{{start: {hhmm(block.start)}, minutes: {block.minutes}}}"


def evidence_item(tag: str | None, text: str) -> str:
    """One evidence item: ``- [tag] text``; further lines of the text are indented under it."""
    lines = [line.strip() for line in clean(text).split("\n") if line.strip()]
    first = lines[0]
    if first.startswith("["):
        first = "\\" + first  # a literal bracket, never read as a tag
    head = f"- [{tag}] {first}" if tag else f"- {first}"
    return "\n".join([head] + [f"  {line}" for line in lines[1:]])


def script_md(
    visit: int,
    *,
    observers: Sequence[str] = (),
    segment: str | None = None,
    ratings: Sequence[tuple[str, str]] = (),
    wonderings: Sequence[str] = (),
    evidence: Sequence[tuple[str | None, str]] = (),
    note: str | None = None,
    independent: Sequence[tuple[str, Sequence[tuple[str, str]]]] = (),
) -> str:
    lines = ["---"]
    if note:
        lines.append(f"# {note}")
    lines.append(f"visit: {visit}")
    if observers:
        lines.append(f"observers: {flow_list(observers)}")
    if segment:
        lines.append(f"segment: {segment}")
    if ratings:
        lines.append("ratings:")
        lines.extend(f"  {cid}: {scalar(level, quote=True)}" for cid, level in ratings)
    if independent:
        lines.append("independent:                      # each observer's own level, before the team agreed")
        for role, levels in independent:
            lines.append(f"  {scalar(role)}:")
            lines.extend(f"    {cid}: {scalar(level, quote=True)}" for cid, level in levels)
    if wonderings:
        lines.append("wonderings:")
        lines.extend(f"  - {scalar(w)}" for w in wonderings)
    lines.append("---")
    lines.extend(evidence_item(tag, text) for tag, text in evidence)
    lines.append("")
    return "\n".join(lines)
