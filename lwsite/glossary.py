"""The words of learning walkthroughs, explained in plain words for a family.

The glossary page lists every term; pages explain a term where it first appears and link here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    id: str  # the anchor on the glossary page
    term: str
    meaning: str


TERMS: tuple[Term, ...] = (
    Term("learning-walkthrough", "Learning walkthrough",
         "A planned visit by a small team of educators to several classrooms, 10 to 20 minutes each, to learn "
         "what helps students learn. It is not an evaluation of any teacher."),
    Term("focus-of-inquiry", "Focus of Inquiry",
         "The one question the team brings into every classroom, tied to a goal the school is working on."),
    Term("improvement-goal", "Improvement goal",
         "A goal from the school's improvement plan. The Focus of Inquiry helps the school see how it is going."),
    Term("look-fors", "Look-fors",
         "The concrete things observers watch and listen for, such as students explaining an answer to a partner."),
    Term("characteristic", "Characteristic",
         "One thing about teaching and learning that the school cares about, described by a framework. Each "
         "walkthrough looks at a few of them."),
    Term("continuum", "Continuum and its levels",
         "A scale that describes how far a practice has grown across the school, from Not Evident (not seen, or "
         "very rarely) through Developing (starting, not yet consistent) and Providing (in place and consistent) "
         "to Sustaining (part of how the school works; students take ownership). The levels describe practice "
         "across classrooms, never a person."),
    Term("scripting", "Scripting and evidence",
         "Writing down exactly what is seen and heard in a classroom: what students say, the task, how many "
         "students did something. Notes never name a teacher or a student."),
    Term("visit-number", "Visit number",
         "Classrooms are known only by a number for the day (visit 1, visit 2 ...), so that notes cannot be traced "
         "to a classroom."),
    Term("hall-work", "Hall work",
         "What the team does in the hallway between visits: each observer reflects on the notes (reflection), "
         "the team compares notes so everyone sees the same thing (calibration), or the team agrees where what "
         "it saw sits on the continuum (a consensus rating)."),
    Term("debrief", "Debrief",
         "The team's meeting after the visits, where it looks at the notes from all the classrooms together."),
    Term("pattern", "Patterns (few, some, many, most)",
         "What the team saw across the classrooms visited, with how widely: in a few, some, many or most of them."),
    Term("practices-worth-spreading", "Practices worth spreading",
         "Things the team saw working that other classrooms could try. They are practices, never people."),
    Term("prediction", "Prediction",
         "What students would be able to do if they did everything they were asked to do that day. It helps the "
         "team ask whether the tasks match the goal."),
    Term("quick-win", "Quick win", "A small change the school can make right away."),
    Term("wondering", "Wondering", "A question the visit raised that the team wants to look into."),
    Term("action-step", "Action step",
         "Something the school will do next, owned by a role or a team (never one named teacher), with a due "
         "date and a way to tell whether it worked. Steps are checked at the next walkthrough."),
    Term("horizon", "Horizon", "How soon a step should be done: within a week, a month, or the school year."),
    Term("brings", "What team members bring",
         "Each team member brings something to the walkthrough: knowledge of the focus (focus expertise), skill "
         "at leading the team's talk (facilitation), or the trust of colleagues, so that staff take what the team "
         "found seriously (credibility)."),
    Term("school-year-figures", "Figures and ranges",
         "Trend pages count classroom visits. So that no classroom can be singled out, a small number is never "
         "printed: it reads \"fewer than 3\", or a figure is given as a range, such as \"5 to 6\" or \"40–50%\"."),
)


def term(term_id: str) -> Term:
    return next(t for t in TERMS if t.id == term_id)
