"""Write lwsite/analysis/evaluative.txt: evaluative adjectives from two published lexicons.

    pip download --no-deps vaderSentiment==3.3.2 textblob==0.20.1   # then unzip both wheels
    python tests/data/evidence_quality/make_lexicon.py VADER_LEXICON.txt EN_SENTIMENT.xml

- VADER 3.3.2 (C.J. Hutto, MIT licence): ``vaderSentiment/vader_lexicon.txt``, words rated by
  people from -4 to +4. Kept: single words with a mean rating of at least 1.5 either way, not
  ending in -ing or -ed (verbs of doing such as "laughing", "helped" are observable).
- Pattern's English sentiment lexicon 1.3 (Tom De Smedt, Walter Daelemans, CLiPS; public domain,
  PDDL), as shipped in TextBlob 0.20.1 (``textblob/en/en-sentiment.xml``): adjectives hand-tagged
  with polarity and subjectivity per sense. Kept: mean subjectivity at least 0.6 and mean absolute
  polarity at least 0.3 over the word's senses; those with at least 0.7 and 0.4 are marked ``*``: they
  judge wherever the observer writes them ("a lively discussion"), the others only where they grade.

The coach uses these words only where they grade (after "was", "seemed", "very"...), see quality.py.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[3] / "lwsite" / "analysis" / "evaluative.txt"
WORD = re.compile(r"[a-z][a-z-]*[a-z]")
# Literal in a classroom: the word names a thing or an activity there, not a judgment of it.
LITERAL = set(
    """
free hot cold warm clear solid liquid positive negative hard soft sharp bright dark light heavy loud quiet
fair true false right wrong correct sweet sour bitter funny play care help support share agree like
safe united special primary mock dramatic super fine plain rich ok okay yes no please thank thanks
own light rank cutting patient natural passive cool base behind cast-iron chicken confirmed decreased elect
experienced filled fly kind latest rose secret sick sure thin ungraded unsalted welcome winning favorite famous
artificial sexual violent dangerous hazardous important magic popular ill static grand honest innocent guilty
legendary nameless uncut unilateral youngish drunk wealthy cheap expensive dirty detailed elaborate enormous huge
tough precise exotic fake top greater greatest solid
""".split()
)

HEADER = """\
# Evaluative adjectives: the words that grade when an observer writes "was ___", "seemed ___", "very ___".
# Made by tests/data/evidence_quality/make_lexicon.py from:
#
# 1. VADER sentiment lexicon 3.3.2, vader_lexicon.txt (words with a mean rating of at least 1.5 either way).
#    The MIT License (MIT). Copyright (c) 2016 C.J. Hutto.
#    Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
#    associated documentation files (the "Software"), to deal in the Software without restriction,
#    including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense,
#    and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so,
#    subject to the following conditions: The above copyright notice and this permission notice shall be
#    included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS",
#    WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
#    MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
#    COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF
#    CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR
#    OTHER DEALINGS IN THE SOFTWARE.
# 2. Pattern's English sentiment lexicon 1.3 (Tom De Smedt, Walter Daelemans, CLiPS), en-sentiment.xml as
#    shipped in TextBlob 0.20.1: adjectives with mean subjectivity >= 0.6 and mean |polarity| >= 0.3.
#    Public domain: Open Data Commons Public Domain Dedication and License (PDDL).
#
# Left out: words that are literal in a classroom (hot plate, clear cup, free choice, warm colours...).
# A word marked * judges wherever the observer writes it; the others only where they grade
# ("was ___", "seemed ___", "very ___").
"""


def main(vader_path: str, pattern_path: str) -> None:
    words: set[str] = set()
    anywhere: set[str] = set()
    for line in Path(vader_path).read_text(encoding="utf-8").splitlines():
        token, mean = line.split("\t")[:2]
        if WORD.fullmatch(token) and abs(float(mean)) >= 1.5 and not token.endswith(("ing", "ed")):
            words.add(token)
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for node in ET.parse(pattern_path).getroot():
        form = (node.get("form") or "").lower()
        if WORD.fullmatch(form):
            senses[form].append((abs(float(node.get("polarity", 0))), float(node.get("subjectivity", 0))))
    for form, values in senses.items():
        polarity = sum(p for p, _ in values) / len(values)
        subjectivity = sum(s for _, s in values) / len(values)
        if subjectivity >= 0.6 and polarity >= 0.3:
            words.add(form)
        if subjectivity >= 0.7 and polarity >= 0.4:
            anywhere.add(form)
    kept = sorted(words - LITERAL)
    lines = [f"{w} *" if w in anywhere else w for w in kept]
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} words ({len(anywhere - LITERAL)} marked *) -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
