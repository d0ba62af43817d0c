"""Classify one piece of scripted evidence: specific and objective, or not.

The scripting protocol wants evidence that is both *specific* (who, how many, what exactly) and
*objective* (what was seen and heard, not how good it was). ``classify`` flags an item as
``judgmental``, ``general`` (too general), ``both`` or ``ok``, and for every flag names the words
that caused it, why they did, and what an observable version would say.

How it reads a note:

1. Only the observer's own words count. Quoted speech or text (``T: "Nice work"``), the words
   after a speaker label (``Teacher: Good job``), a posted artifact (``Poster: Mathematicians
   check their work``) and a title in capitals (``a "Be a Good Sport" poster``, ``Good Readers``)
   are evidence, whatever words they hold. A note in Spanish is left alone (English only).
2. **Judgmental** when the observer's words hold one of these classes (word lists below, each with
   its source): *evaluation* (how good it was: "smooth", "well-paced", "useful", a lead-in such as
   "Great example of discourse:"), an *inner state* of students or the teacher, often hedged
   ("looked lost", "seemed frustrated", "got it", "clearly understood"), a *verdict* on what
   should have been ("too much teacher talk", "not enough", "lacked"), a *degree* word that grades
   ("very", "really"), or the observer's own *reaction* ("I loved", "Wow").
3. **Too general** when nothing makes it specific: no count, no quote, no time, and fewer than
   ``MIN_DETAIL`` words of concrete detail once the words any classroom note could hold (students,
   teacher, working, lesson, group...) and the judgmental words are set aside; or when it leans on
   a generality ("a variety of", "different activities").

The evaluative words come from two published lexicons whose licences allow redistribution in an
MIT package, trimmed to the words that judge (see ``lexicon.py``), plus the classroom words listed
here; the inner-state, verdict and degree classes are this module's own short lists.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import EVALUATIVE_ADJECTIVES, JUDGING_ADJECTIVES

# ---------------------------------------------------------------------------------------------
# Word classes. Each is documentation as much as code: what it catches, and why.

# Words that say how good something was. Judgmental wherever the observer writes them.
EVALUATIVE = frozenset(
    """
good great nice nicely excellent amazing awesome wonderful wonderfully fantastic terrific outstanding superb
brilliant lovely beautiful beautifully perfect perfectly impressive impressively poor poorly bad awful
effective effectively ineffective successful successfully unsuccessful meaningful powerful insightful thoughtful
thoughtfully thought-provoking high-quality low-quality high-level low-level creative creatively clever cleverly
smart wise wisely skillful skillfully skilful skilfully masterful seamless seamlessly smooth smoothly
helpful unhelpful useful useless relevant irrelevant authentic appropriate appropriately inappropriate
purposeful purposefully productive productively unproductive rigorous shallow superficial thorough actionable
vague practical fun boring exciting interesting inviting supportive encouraging caring respectful chaotic
messy mess chaos disorganized unstructured lively captivating compelling awkward dull sweet joyful
patiently gentle gently engaging well-paced well-run well-organized well-planned well-managed well-structured
well-written well-chosen well-designed well-done cool wasted excellently strong weak passive passively
accessible kid-friendly discussion-friendly demanding overwhelming engaged enthusiastic enthusiastically
impressed confusing fluently actively vivid rich sophisticated deep deeper surface-level
robust strategic strategically intentional intentionally student-centered teacher-centered teacher-directed
student-directed rote busywork mindless meaningless haphazard sloppy rushed hurried efficient efficiently
inefficient organized exemplary ideal optimal stellar phenomenal incredible remarkable noteworthy commendable
admirable inadequate insufficient adequate sufficient age-appropriate equitable inclusive culturally vibrant
welcoming orderly hectic frantic sluggish brisk fast-paced slow-paced well-scaffolded scaffolded carefully careful
masterfully excellently highlight gem disaster pleasure delight missed-opportunity
""".split()
)
# "Strong acid", "warm colors": literal senses that the next word gives away.
LITERAL_NEXT = {
    "strong": {"acid", "acids", "base", "bases", "verbs", "magnet", "magnets", "wind", "winds"},
    "weak": {"acid", "acids", "base", "bases", "magnet", "magnets"},
    "good": {"morning", "afternoon", "night", "game"},
    "fun": {"fact", "facts"},
    "cool": {"colors", "colours", "down", "air", "water"},
    "specific": {"heat"},
    "rich": {"text"},
    "successful": {"passes", "attempts", "shots", "trials", "throws", "catches"},
    "passive": {"voice"},
    "engaged": {"in"},
    "deep": {"end", "water"},
    "organized": {"by", "into", "in"},
}
# Attributions of what students or the teacher felt, knew or understood: an observer sees behaviour,
# not minds. Judgmental wherever they are the observer's words.
INNER_STATE = frozenset(
    """
understood understand understands understanding grasp grasped knew confused confusion frustrated frustration
bored boredom disengaged unfocused focused attentive inattentive motivated unmotivated curious curiosity proud
happy unhappy excited excitement eager eagerly anxious anxiety nervous nervously worried uncomfortable
comfortable confident confidently unsure enjoy enjoyed enjoying enjoys love loved loves loving hate hated
passionate interested uninterested captivated invested overwhelmed relaxed calm restless rowdy struggle
struggled struggles struggling stuck shaky naturally genuinely genuine know knows distracted zoned tuned
puzzled hesitant reluctant willing thrilled delighted upset annoyed embarrassed shy scared afraid surprised amazed
intrigued fascinated hooked absorbed immersed disinterested apathetic sleepy tired exhausted energetic mastered
realized remembered grasping lost-looking perplexed baffled content satisfied
""".split()
)
# Inner-state words that are also literal: judgmental only after a form of be, seem, look or feel
# ("looked lost", "were lost"; not "lost his place").
INNER_AFTER_LINK = frozenset("lost ready natural".split())
# Grading words that are also plain description ("a specific next step", "clear cups"): judgmental only
# after a form of be, seem, look or feel ("feedback was specific", "directions were not clear").
GRADE_AFTER_LINK = frozenset("specific clear unclear safe hard easy difficult low high slow long noisy loud".split())
# "asked what they knew": a reported question, not the observer's inference.
REPORTED = frozenset("what how whether if who asked ask asks check checked checking about".split())
KNOWING = frozenset("know knows knew understand understands understood remember remembered".split())
# Hedges: the observer infers rather than reports. "appeared" and "looked" only before a state.
HEDGES = frozenset("seem seems seemed seeming".split())
LINK_VERBS = frozenset(
    "is are was were be been being am seem seems seemed appear appears appeared look looks "
    "looked feel feels felt sounded sounds became become got stayed remained".split()
)
INFERENCE_ADVERBS = frozenset(
    "clearly obviously evidently truly definitely certainly apparently probably perhaps maybe likely".split()
)
# Degree words grade what follows ("very hands-on", "really seamless").
DEGREE = frozenset("very really extremely super highly incredibly overly".split())
# ... and these only before a word that judges ("fully engaged", not "fully filled").
SOFT_DEGREE = frozenset("so quite pretty fairly fully totally completely entirely absolutely deeply".split())
# Words that may stand between a link verb and what it links ("was not clear", "were all so proud").
TRANSPARENT = frozenset(
    "not n't never always still all both a bit little very really so quite rather too "
    "fully totally completely pretty fairly".split()
)
# Verdicts on what should have been.
VERDICT_WORDS = frozenset(
    "lacked lacks lacking lack shouldn't should've underused overused dragged forever wasted "
    "waste dominated ignored barely missed managed".split()
)
VERDICT_PHRASES = (
    "not enough",
    "should have",
    "should be",
    "needs to",
    "need to",
    "needed to",
    "needed more",
    "needs more",
    "would have been",
    "could have",
    "missed opportunity",
    "took forever",
    "a concern",
    "was a hit",
    "a hit",
    "like clockwork",
    "in a good way",
    "out of control",
    "were just",
    "was just",
    "are just",
    "a hard time",
    "working hard",
    "worked hard",
    "work hard",
    "hard for",
    "teaching moment",
    "lightbulb moment",
    "set up for success",
    "went on too long",
)
# Inner states said in a phrase.
INNER_PHRASES = (
    "got it",
    "get it",
    "gets it",
    "getting it",
    "lost interest",
    "opened up",
    "on task",
    "off task",
    "held their attention",
    "held ss' attention",
)
# The observer's own reaction.
REACTION_RE = re.compile(
    r"\b(?:I|we)(?: really| was| were| am)?(?: pleasantly| so| really)? (?:liked|loved|enjoyed|felt|feel|appreciated|"
    r"admired|think|thought|believe|wish|impressed|surprised|pleased|struck|delighted|disappointed|concerned|"
    r"love|like|enjoy)\b|\blove it\b|\bwow\b|\bwhat a\b",
    re.IGNORECASE,
)
# Generalities: they could describe almost any classroom.
GENERALITIES = (
    "a variety of",
    "various",
    "different activities",
    "many activities",
    "lots of",
    "a lot of",
    "some students",
    "many students",
    "most students",
)
# Words any classroom note could hold: they name no detail of this one.
GENERIC = frozenset(
    """
a an the and or but of to in on at for with w/ from by into about as than then there here this that these those
it its their his her they them he she we i our you your is are was were be been being am has have had do does did
doing done some many most several few all each other others another more less much lots lot very really also
just still while when during after before around up down out over through again today now time times minutes
student students ss s kid kids child children class classes teacher teachers t ts co-teacher co-teachers
adult adults para paras group groups small whole individual partner partners pair pairs team teams table tables
lesson lessons activity activities work working worked works task tasks practice practicing practiced
learning learn learned learns doing did do does make making made use using used
room classroom lab library center centers station stations session block period day
teaching taught teach teaches lead leading led helping helped help support supported supporting
reading read writing wrote write writes talking talked talk discussing discussed discussion discussions
answering answered asking asked question questions questionnaire
new same different various variety kind kinds type types things thing stuff
went go goes going get got gets getting seemed seem looked look felt feel
on-task engaged engagement participating participated participation
which who whom whose what how why where not enough like mostly usually often sometimes own back right level
early late long short hard lost interest needed need needs good well
""".split()
)
NUMBER_WORDS = frozenset(
    """
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty thirty forty fifty sixty hundred half twice thrice once both none no every each all
nobody neither only first second third
""".split()
)
# A speaker label: the words after it are speech, not the observer's.
SPEAKER_RE = re.compile(
    r"(?:^|(?<=[;.]\s))(?:T\d?|S\d*|Ss|Teacher|Student|Students|Child|Kid|Instructor|Coach|Librarian|Para|"
    r"Counselor|Interventionist|Director|Principal|Aide|[A-Z][\w-]* (?:teacher|T|student|S))"
    r"(?: to [\w ]{1,20})?:\s*([^;]*)"
)
# A posted artifact: the text after the label is the artifact's when it starts like a copy of it.
ARTIFACT_RE = re.compile(
    r"(?:^|(?<=[;.] ))(?i:posted|poster|on the (?:board|wall|screen)|board|wall|chart|anchor chart|sign|title|"
    r"objective|"
    r"learning target|target|agenda|prompt|journal prompt|exit ticket|do now|slide|handout|bulletin board|"
    r"sentence frame|sentence stem|stem|word wall|banner|label|caption|essential question|task|directions|"
    r"instructions|goal|success criteria|criteria|learning objective|language objective|content objective)s?"
    r"(?: [\w ]{1,20})?:\s*([A-Z][^;]*)"
)
QUOTE_RE = re.compile(r"\"[^\"]*\"?|“[^”]*”?|(?<![\w])'[^']{2,}'(?![\w])|‘[^’]*’")
TITLED_RE = re.compile(r"\b(?:titled|entitled|called|named|labell?ed|reads?|says?)\s+((?:[A-Z][\w'’-]*\s*){1,8})")
TOKEN_RE = re.compile(r"[^\W\d_](?:[\w'’/-]*\w)?|\d[\d.,:/%x-]*|[!?;:.,()\-–—+]")
CLAUSE_START = frozenset([*"!?;:.,()-–—+", "QUOTE"])
# Spanish notes are left alone: this round the coach reads English only.
SPANISH = frozenset(
    "el la los las del de que en y con para por una un su sus estudiantes alumnos maestra maestro "
    "muy se al es son fue eran estaba estaban lección clase grupo grupos parecían durante sobre cada "
    "cuando como pero más también".split()
)
ENGLISH = frozenset(
    "the and of to with in on were was a an is are students teacher their at for from up by as it "
    "they each all t s ss w/ his her this that".split()
)
SPANISH_MARKS = re.compile("[¡¿ñáéíóú]")

# Concrete words an unquantified, unquoted note needs not to be too general, without and with judgment in
# it: the one fitted part of the rules, chosen on the corpus's train split for the best F0.5 (precision
# weighs more) of the two flags; tests/test_quality_scores.py cross-validates the choice.
MIN_DETAIL = 5
MIN_DETAIL_JUDGED = 4
# "Remote Spanish:", "AP Calc FRQ practice -": a heading that names the class, not what happened in it.
LEAD_LABEL_RE = re.compile(r"^[^:;.!?\"“]{1,40}?(?::| - | – | — )")

WHY = {
    "evaluation": ("says how good it was, not what happened", "what did you see or hear that made it so?"),
    "inner": ("an inference about what students felt or understood", "what did students do or say?"),
    "hedge": ("an inference about what students felt or understood", "what did students do or say?"),
    "degree": ("grades what follows, as a judgment does", "what exactly did you see or hear?"),
    "verdict": ("a verdict on what should have been", "what happened, for how long, with how many?"),
    "reaction": ("your own reaction, not evidence", "what did students or the teacher do or say?"),
    "general": ("no count, quote or concrete detail", "who, how many, doing or saying what exactly?"),
    "generality": ("could describe almost any classroom", "who, how many, doing or saying what exactly?"),
}
# Kept for the pages' "How to use it" list.
REWRITE_PROMPTS: dict[str, str] = {
    "judgmental": "Describe what you saw and heard instead of how good it was: what exactly did "
    "students or the teacher do or say?",
    "general": "What exactly did students do or say? Add who, how many, and what.",
}
NO_ACTION = "no count, quote or concrete detail"


@dataclass(frozen=True)
class Reason:
    """One cause of a flag: the words, the class they belong to, why that matters, what to ask instead."""

    kind: str  # "judgmental" or "general"
    cls: str  # a key of WHY
    words: tuple[str, ...]

    @property
    def why(self) -> str:
        return WHY[self.cls][0]

    @property
    def ask(self) -> str:
        return WHY[self.cls][1]


@dataclass(frozen=True)
class QualityFinding:
    """Why an item was flagged: the triggering words by kind, and the reasons behind them."""

    judgmental: tuple[str, ...] = ()
    general: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()

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

    def because(self, kind: str) -> str:
        """The words of one kind and why they matter: ``"looked lost" (an inference about ...)``."""
        parts = []
        for why, words in _grouped(self.reasons, kind):
            if words == (NO_ACTION,):
                parts.append(NO_ACTION)
            else:
                parts.append(", ".join(f'"{w}"' for w in words) + f" ({why})")
        return "; ".join(parts)

    def ask(self, kind: str) -> str:
        """What an observable version would say, for the first reason of one kind."""
        return next((r.ask for r in self.reasons if r.kind == kind), "")

    def explain(self, kind: str) -> str:
        """``"looked lost" (an inference about ...): what did students do or say?`` for one kind."""
        return f"{self.because(kind)}: {self.ask(kind)}"


def _grouped(reasons: tuple[Reason, ...], kind: str) -> list[tuple[str, tuple[str, ...]]]:
    out: dict[str, list[str]] = {}
    for r in reasons:
        if r.kind == kind:
            words = out.setdefault(r.why, [])
            words += [w for w in r.words if w not in words]
    return [(why, tuple(words)) for why, words in out.items()]


# Every word the token scan of ``classify`` reacts to (the others are skipped at once).
TRIGGERS = (
    EVALUATIVE
    | INNER_STATE
    | INFERENCE_ADVERBS
    | HEDGES
    | INNER_AFTER_LINK
    | GRADE_AFTER_LINK
    | DEGREE
    | SOFT_DEGREE
    | VERDICT_WORDS
    | EVALUATIVE_ADJECTIVES
    | frozenset("well appeared appear appears looked look looks felt feel feels too checked !".split())
)
_TITLED_HINT = (
    " titled ",
    " entitled ",
    " called ",
    " named ",
    " labeled ",
    " labelled ",
    " read ",
    " reads ",
    " say ",
    " says ",
)
_REACTION_HINTS = (" i ", " we ", " wow ", " love it ", " what a ")
_VERDICT_PADDED = tuple((p, f" {p} ") for p in VERDICT_PHRASES)
_INNER_PADDED = tuple((p, f" {p} ") for p in INNER_PHRASES)
MARKUP_RE = re.compile(r"[*_`]")


def _mask(text: str) -> tuple[str, bool]:
    """The observer's own words, with quotes, speech, artifacts and titles replaced by ``QUOTE``."""
    has_quote = False

    def sub(match: re.Match[str]) -> str:
        nonlocal has_quote
        has_quote = True
        return " QUOTE "

    own = QUOTE_RE.sub(sub, text) if ("'" in text or '"' in text or "“" in text or "‘" in text) else text
    patterns: tuple[re.Pattern[str], ...] = (SPEAKER_RE, ARTIFACT_RE) if ":" in own else ()
    lowered = f" {own.lower()} "
    if any(hint in lowered for hint in _TITLED_HINT):
        patterns += (TITLED_RE,)
    for pattern in patterns:
        found = pattern.search(own)
        while found and found.group(1).strip():
            has_quote = True
            own = own[: found.start(1)] + " QUOTE " + own[found.end(1) :]
            found = pattern.search(own, found.start(1) + 7)
    return own, has_quote


def _spanish(words: list[str], text: str) -> bool:
    es = sum(map(SPANISH.__contains__, words))
    en = sum(map(ENGLISH.__contains__, words))
    return es > en or (en == 0 and bool(SPANISH_MARKS.search(text)))


@functools.lru_cache(maxsize=1 << 16)  # pure, and asked again for one item by each figure and page
def classify(text: str, detail: tuple[int, int] = (MIN_DETAIL, MIN_DETAIL_JUDGED)) -> QualityFinding:
    """Flag one evidence item. ``detail``: the concrete words needed not to be too general (without and
    with judgment); fixed here, varied only by the cross-validation of the corpus tests."""
    plain = (MARKUP_RE.sub("", text) if ("*" in text or "_" in text or "`" in text) else text).strip()
    own, has_quote = _mask(plain)
    tokens = TOKEN_RE.findall(own)
    lower = [t.lower() for t in tokens]
    if _spanish(lower, own):
        return QualityFinding()
    reasons: list[Reason] = []

    def hit(cls: str, *words: str) -> None:
        reasons.append(Reason("judgmental", cls, tuple(words)))

    joined = " " + " ".join(lower) + " "
    if any(h in joined for h in _REACTION_HINTS):
        for match in REACTION_RE.finditer(own):
            hit("reaction", match.group(0))
    for phrase, padded in _VERDICT_PADDED:
        if padded in joined:
            hit("verdict", phrase)
    for phrase, padded in _INNER_PADDED:
        if padded in joined:
            hit("inner", phrase)
    judged: set[int] = set()
    n = len(tokens)
    for i, (tok, low) in enumerate(zip(tokens, lower, strict=True)):
        if low not in TRIGGERS and not low.startswith("well-"):
            continue  # most words: nothing to look at around them
        prev = lower[i - 1] if i else ""
        nxt = lower[i + 1] if i + 1 < n else ""
        nxt_word = nxt[:1].isalpha()
        back = i - 1
        while back > 0 and lower[back] in TRANSPARENT:
            back -= 1
        linked = (back >= 0 and lower[back] in LINK_VERBS) or prev == "not"
        if i in judged:
            continue  # already named with the word before it ("seemed frustrated")
        at_start = i == 0 or prev in CLAUSE_START or tokens[i - 1] in CLAUSE_START
        if tok[0].isupper() and not at_start and low != "i":
            continue  # a name or a title in capitals ("a Good Sport poster")
        if low in EVALUATIVE or (low.startswith("well-") and len(low) > 5):
            if nxt in LITERAL_NEXT.get(low, ()) and not linked:
                continue
            if low == "well" and prev == "as":
                continue
            hit("evaluation", low)
            judged.add(i)
        elif low == "well" and "as" not in (prev, nxt):
            hit("evaluation", low)
            judged.add(i)
        elif low in INNER_STATE:
            if prev == "about" or (low in KNOWING and REPORTED.intersection(lower[max(0, i - 3) : i])):
                continue  # "a poem about love", "asked what they knew"
            hit("inner", low)
            judged.add(i)
        elif low in INFERENCE_ADVERBS:
            hit("inner", f"{low} {nxt}" if nxt_word else low)
            judged.update((i, i + 1))
        elif (
            low in HEDGES
            or (
                low in ("appeared", "appear", "appears", "looked", "look", "looks")
                and (
                    nxt in INNER_STATE
                    or nxt in INNER_AFTER_LINK
                    or nxt in EVALUATIVE
                    or nxt in GRADE_AFTER_LINK
                    or nxt in EVALUATIVE_ADJECTIVES
                    or nxt in ("to", "like", "a")
                )
            )
            or (low in ("felt", "feel", "feels") and prev != "i")
        ):
            hit("hedge", f"{low} {nxt}" if nxt_word else low)
            judged.update((i, i + 1))
        elif (low in INNER_AFTER_LINK or low in GRADE_AFTER_LINK) and linked:
            words = f"{lower[back]} {low}" if back == i - 1 else f"{lower[back]} ... {low}"
            hit("inner" if low in INNER_AFTER_LINK else "evaluation", words)
            judged.add(i)
        elif low in DEGREE and nxt_word and nxt not in ("few", "many", "much", "little"):
            hit("degree", f"{low} {nxt}")
            judged.update((i, i + 1))
        elif low == "too" and nxt_word:
            hit("verdict", f"too {nxt}")
            judged.update((i, i + 1))
        elif low in SOFT_DEGREE and (
            nxt in EVALUATIVE
            or nxt in EVALUATIVE_ADJECTIVES
            or nxt in INNER_STATE
            or nxt in INNER_AFTER_LINK
            or nxt in GRADE_AFTER_LINK
        ):
            hit("degree", f"{low} {nxt}")
            judged.update((i, i + 1))
        elif low in VERDICT_WORDS:
            hit("verdict", low)
            judged.add(i)
        elif nxt == "than":
            continue  # a comparison ("is greater than", "longer than")
        elif low in EVALUATIVE_ADJECTIVES and (
            linked or prev in DEGREE or (prev in ("and", "but") and i >= 2 and lower[i - 2] in EVALUATIVE_ADJECTIVES)
        ):
            hit("evaluation", low)
            judged.add(i)
        elif low == "checked" and nxt == "out" and (prev in LINK_VERBS or i + 2 >= n or not lower[i + 2][:1].isalpha()):
            hit("inner", "checked out")
            judged.add(i)
        elif low in JUDGING_ADJECTIVES and nxt not in LITERAL_NEXT.get(low, ()):
            hit("evaluation", low)
            judged.add(i)
        elif low == "!":
            hit("evaluation", "!")
    label = LEAD_LABEL_RE.match(own)
    heading = len(TOKEN_RE.findall(label.group(0))) if label else 0
    general = _generality(lower, has_quote, judged, heading, detail)
    if general:
        reasons.append(general)
    said = [r.words[0].lower() for r in reasons if r.cls == "reaction"]
    reasons = [r for r in reasons if r.cls == "reaction" or not any(r.words[0] in s.split() for s in said)]
    judgmental = tuple(dict.fromkeys(w for r in reasons if r.kind == "judgmental" for w in r.words))
    gen_words = tuple(dict.fromkeys(w for r in reasons if r.kind == "general" for w in r.words))
    return QualityFinding(judgmental, gen_words, tuple(reasons))


def merge(findings: list[QualityFinding], general: bool = True) -> QualityFinding:
    """One finding for several sentences (the judgmental ones, and the general ones if ``general``)."""
    reasons = tuple(r for f in findings for r in f.reasons if r.kind == "judgmental" or general)
    judgmental = tuple(dict.fromkeys(w for r in reasons if r.kind == "judgmental" for w in r.words))
    gen_words = tuple(dict.fromkeys(w for r in reasons if r.kind == "general" for w in r.words))
    return QualityFinding(judgmental, gen_words, reasons)


def without_missing_detail(finding: QualityFinding) -> QualityFinding:
    """The finding without the "no count, quote or concrete detail" reason (a claim needs no actor)."""
    reasons = tuple(r for r in finding.reasons if r.words != (NO_ACTION,))
    return QualityFinding(finding.judgmental, tuple(g for g in finding.general if g != NO_ACTION), reasons)


COUNT_RE = re.compile(r"^\d|^\d+:\d\d")


def _generality(
    lower: list[str], has_quote: bool, judged: set[int], heading: int, detail_needed: tuple[int, int]
) -> Reason | None:
    joined = " " + " ".join(lower) + " "
    vague = [p for p in GENERALITIES if f" {p} " in joined]
    counted = has_quote or any(COUNT_RE.match(t) or t in NUMBER_WORDS for t in lower)
    if counted and not vague:
        return None
    if vague and not counted:
        return Reason("general", "generality", tuple(vague))
    if counted:
        return None
    detail = [
        t
        for i, t in enumerate(lower)
        if i >= heading
        and i not in judged
        and t[:1].isalpha()
        and t not in GENERIC
        and t not in EVALUATIVE
        and t not in INNER_STATE
        and len(t) > 1
    ]
    if len(detail) < detail_needed[1 if judged else 0]:
        return Reason("general", "general", (NO_ACTION,))
    return None


def describe(finding: QualityFinding) -> list[str]:
    """One line per flagged kind: ``judgmental: "looked lost" (an inference ...): what did students do or say?``."""
    out = []
    if finding.judgmental:
        out.append("judgmental: " + finding.explain("judgmental"))
    if finding.general:
        out.append("general: " + finding.explain("general"))
    return out
