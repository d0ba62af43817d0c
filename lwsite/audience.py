"""What each audience may see, decided once, here.

``Rules`` answers the questions templates and analysis ask ("may this build show overdue
flags?"), and ``view`` returns a copy of the portfolio from which everything the audience
may not see has been removed, so that nothing later can leak it by accident. The table
of the content format is the source: a field it does not name is team-only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .model import Audience, Cycle, Debrief, Outline, Portfolio, School, Script, Team


@dataclass(frozen=True)
class Rules:
    audience: Audience
    publish_team_names: bool = False
    public_school_comparison: bool = False
    min_group: int = 3

    @property
    def staff(self) -> bool:
        return self.audience >= Audience.STAFF

    @property
    def team(self) -> bool:
        return self.audience >= Audience.TEAM

    # one property per row of the audience table that is not public
    show_evidence = staff  # scripted evidence and per-visit wonderings
    show_visit_numbers = staff  # visit numbers cited by patterns and strengths
    show_debrief_notes = staff  # debrief wonderings, reflection and narrative
    show_overdue = staff  # overdue flags on action steps
    show_ratings = team  # ratings per visit
    show_schedule_rows = team  # per-visit schedule rows
    show_rooms = team  # room codes, coverage by room
    show_team_details = team  # observers, what members bring, visiting groups, hall work
    show_quality_report = team  # the evidence-quality report

    @property
    def show_team_names(self) -> bool:
        return self.team or self.publish_team_names

    @property
    def suppress_small_counts(self) -> bool:
        return not self.staff

    @property
    def compare_schools(self) -> bool:
        return self.staff or self.public_school_comparison

    @classmethod
    def for_portfolio(cls, portfolio: Portfolio, audience: Audience) -> Rules:
        return cls(
            audience,
            portfolio.privacy.publish_team_names,
            portfolio.privacy.public_school_comparison,
            portfolio.privacy.min_group,
        )


def view(portfolio: Portfolio, rules: Rules) -> Portfolio:
    """The portfolio as the audience may see it."""
    return replace(
        portfolio,
        schools=tuple(_school(s, rules) for s in portfolio.schools),
    )


def _school(school: School, rules: Rules) -> School:
    return replace(
        school,
        rooms=school.rooms if rules.show_rooms else (),
        cycles=tuple(_cycle(c, rules) for c in school.cycles),
    )


def _cycle(cycle: Cycle, rules: Rules) -> Cycle:
    return replace(
        cycle,
        focus=cycle.focus if rules.team else replace(cycle.focus, guiding_questions=()),
        team=_team(cycle.team, rules),
        schedule=cycle.schedule if rules.show_schedule_rows else replace(cycle.schedule, visits=()),
        outline=_outline(cycle.outline, rules),
        scripts=tuple(_script(s, rules) for s in cycle.scripts) if rules.show_evidence else (),
        debrief=_debrief(cycle.debrief, rules) if cycle.debrief else None,
        messages=tuple(m for m in cycle.messages if m.audience <= rules.audience),
    )


def _team(team: Team, rules: Rules) -> Team:
    if rules.show_team_details:
        return team
    members = tuple(
        replace(m, name=m.name if rules.show_team_names else None, group=None, brings=())
        for m in team.members
    )
    return Team(members=members, hall_work=None, debrief=None)


def _outline(outline: Outline, rules: Rules) -> Outline:
    if rules.show_team_details:
        return outline
    return replace(outline, blocks=tuple(replace(b, group=None) for b in outline.blocks))


def _script(script: Script, rules: Rules) -> Script:
    if rules.team:
        return script
    return replace(script, observers=(), segment=None, ratings=(), narrative=None, path="")


def _debrief(debrief: Debrief, rules: Rules) -> Debrief:
    if rules.show_debrief_notes:
        return debrief
    return replace(
        debrief,
        patterns=tuple(replace(p, visits=()) for p in debrief.patterns),
        strengths=tuple(replace(s, visits=()) for s in debrief.strengths),
        wonderings=(),
        reflection=None,
        narrative=None,
    )
