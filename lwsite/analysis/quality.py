"""Classify one piece of scripted evidence: specific and objective, or not.

The scripting protocol wants evidence that is both *specific* (who, how many, what
exactly) and *objective* (what was seen and heard, not how good it was). ``classify``
flags an item as ``judgmental`` (evaluative words, first-person reactions), ``general``
(unquantified generalities, no observable actor or action), ``both``, or ``ok``, with the
words that triggered it. Quoted speech is evidence, not judgment: words inside quotes, or
after a speaker label such as ``Teacher:``, never count.

The word lists below are the documentation of the rules.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Evaluative adjectives and adverbs: they say how good something was, not what happened.
EVALUATIVE = (
    "good", "great", "effective", "effectively", "appropriate", "appropriately", "well",
    "nice", "nicely", "excellent", "amazing", "poor", "poorly", "wonderful", "wonderfully",
    "strong", "weak", "engaging", "impressive", "fantastic", "successful", "successfully",
    "meaningful", "awesome", "terrific", "outstanding", "beautiful", "beautifully",
    "perfect", "perfectly", "brilliant", "lovely", "bad", "boring", "exciting", "fun",
    "skillfully", "skilfully", "thoughtful", "thoughtfully", "powerful", "insightful",
    "rich", "high-quality", "low-quality", "engaged", "enthusiastic", "enthusiastically",
    "superb", "smooth", "smoothly", "clearly", "creative", "creatively",
)
# Phrases that are not evaluative although they contain a listed word.
NOT_EVALUATIVE = ("as well as", "as well", "well-being", "good morning", "good afternoon",
                  "well as", "very well be")
# First-person reactions: the observer's feelings, not evidence.
REACTIONS = (
    r"\bI (?:really )?(?:liked|loved|enjoyed|felt|feel|was impressed|was pleased|appreciated|"
    r"admired|think|thought|believe)\b",
    r"\bit was (?:nice|great|good|wonderful|lovely) to see\b",
    r"\bwhat a\b",
)
# Unquantified generalities: they could describe almost any classroom.
GENERALITIES = (
    "a variety of", "various", "the lesson is on", "the lesson was on", "the lesson is about",
    "the lesson was about", "students were engaged", "students are engaged", "students were on task",
    "students are on task", "students are participating", "students were participating",
    "students are working", "students were working", "some students", "many students",
    "most students", "lots of", "a lot of", "different activities", "many activities",
    "students are learning", "students were learning", "hands-on", "the class is", "the class was",
    "good energy", "great energy", "in the room",
)
# compiled once: the coach reads every evidence item of every build
_EVALUATIVE_RES = tuple((word, re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")) for word in EVALUATIVE)
_REACTION_RES = tuple(re.compile(pattern, re.I) for pattern in REACTIONS)
# Something observable happened: a count, a quote, or a verb of doing or saying.
NUMBER_RE = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|all|none|no|every)\b", re.I
)
ACTION_RE = re.compile(
    r"\b\w+(?:ed|ing)\b|\b(?:said|says|asked|asks|wrote|writes|read|reads|drew|draws|held|holds|"
    r"put|puts|sat|sits|chose|chooses|made|makes|told|tells|gave|gives|took|takes|showed|shows|"
    r"pointed|points|used|uses|ran|runs|came|comes|went|goes|saw|sees|built|builds|stood|stands|"
    r"posted|lists|listed|sorted|sorts|moved|moves|spoke|speaks|explained|explains|answered|"
    r"answers|compared|compares|repeated|repeats|shared|shares|wrote)\b",
    re.I,
)
QUOTE_RE = re.compile(r"\"[^\"]*\"|“[^”]*”|'[^']{3,}'|‘[^’]*’")
SPEAKER_RE = re.compile(r"^\s*(?:[A-Z][\w -]{0,30}):\s*(.*)$")

NO_ACTION = "no observable actor or action"

REWRITE_PROMPTS: dict[str, str] = {
    "judgmental": "Describe what you saw and heard instead of how good it was: what exactly did "
                  "students or the teacher do or say?",
    "general": "What exactly did students do or say? Add who, how many, and what.",
}


@dataclass(frozen=True)
class QualityFinding:
    """Why an item was flagged: the triggering words, by kind."""

    judgmental: tuple[str, ...] = ()
    general: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        if self.judgmental and self.general:
            return "both"
        if self.judgmental:
            return "judgmental"
        return "general" if self.general else "ok"

    @property
    def ok(self) -> bool:
        return not self.judgmental and not self.general


def _unquoted(text: str) -> tuple[str, bool]:
    """The observer's own words (quotes and a speaker's words removed) and whether any quote was there."""
    has_quote = bool(QUOTE_RE.search(text))
    own = QUOTE_RE.sub(" ", text)
    speaker = SPEAKER_RE.match(own)
    if speaker and not re.search(r"\b(?:asked|said|told)\b", own[: speaker.start(1)], re.I):
        # "Teacher: Good job, keep going" - the words after the label are speech
        own, has_quote = "", True
    return own, has_quote


@functools.lru_cache(maxsize=1 << 16)  # pure, and asked again for one item by each figure and page
def classify(text: str) -> QualityFinding:
    plain = re.sub(r"[*_`]", "", text).strip()
    own, has_quote = _unquoted(plain)
    lowered = f" {own.lower()} "
    for phrase in NOT_EVALUATIVE:
        lowered = lowered.replace(phrase, " ")
    judgmental: list[str] = []
    for reaction in _REACTION_RES:
        judgmental.extend(match.group(0) for match in reaction.finditer(own))
    judgmental.extend(word for word, pattern in _EVALUATIVE_RES if pattern.search(lowered))
    general = [phrase for phrase in GENERALITIES if phrase in lowered]
    observable = has_quote or NUMBER_RE.search(own) or ACTION_RE.search(own)
    if not general and not observable and len(plain.split()) < 12:
        general.append(NO_ACTION)
    if general and (has_quote or NUMBER_RE.search(own)) and not judgmental:
        general = [g for g in general if g in ("a variety of", "various")]
    if judgmental and not general and not has_quote and not NUMBER_RE.search(own):
        # a verdict with nothing specific behind it: no quote, no count
        general.append("no quote or count")
    return QualityFinding(tuple(dict.fromkeys(judgmental)), tuple(dict.fromkeys(general)))


def describe(finding: QualityFinding) -> list[str]:
    """One line per flagged kind: ``judgmental: "effective", "appropriate"``."""
    out = []
    if finding.judgmental:
        out.append("judgmental: " + ", ".join(f'"{w}"' for w in finding.judgmental))
    if finding.general:
        out.append("general: " + ", ".join(f'"{w}"' for w in finding.general))
    return out
