"""Finding the people of a privacy roster in text, however their names are written.

Text is read as its readers see it: HTML character references and percent escapes decoded,
HTML tags, Markdown emphasis marks and invisible characters removed, Unicode decomposed (NFKD),
case and accents folded, letters of other scripts that look like Latin ones (Cyrillic а) mapped
to them. It is cut into tokens, runs of letters and digits, each with its place in the text:
link targets, addresses and file names are cut the same way, so ``maria-lopez``,
``maria.lopez@`` and ``maria_lopez`` are the tokens ``maria`` and ``lopez``, and ``marialopez``
is one token, which the index knows as the full name joined. Tokens are whole words, so a
name never matches inside a longer word.

``Matcher`` indexes a roster once: every word of every name, each name joined into one word,
and the other names an entry lists, keyed by their first token; the portfolio's own names and
the allowed words are indexed the same way, as phrases that no hit may lie inside. Scanning a
text looks each token up in those dictionaries: it never loops over the names.

What stops a build (an error) and what only warns is described in docs/content-format.md
("The privacy roster"); the ordinary-word lists and the look-alike letters are package data
(lwsite/data/, see its NOTICE.md).
"""

from __future__ import annotations

import bisect
import functools
import gzip
import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import NamedTuple
from urllib.parse import unquote

# -- titles, particles -----------------------------------------------------------------------------

TITLES_EN = (
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Mister",
    "Dr",
    "Doctor",
    "Prof",
    "Professor",
    "Coach",
    "Principal",
    "Dean",
    "Superintendent",
    "Sir",
    "Madam",
)
TITLES_ES = (
    "Sr",
    "Sra",
    "Srta",
    "Señor",
    "Señora",
    "Señorita",
    "Don",
    "Doña",
    "Dra",
    "Doctora",
    "Profe",
    "Profesor",
    "Profesora",
    "Maestro",
    "Maestra",
    "Director",
    "Directora",
    "Lic",
    "Licenciado",
    "Licenciada",
)
# words inside a name that are neither a given name nor the surname ("Maria de la Cruz")
PARTICLES = frozenset("de del la las los da das do dos di du van von der den ter ten le y bin ibn al el".split())
SUFFIXES = frozenset("jr sr ii iii iv".split())

# -- folding ---------------------------------------------------------------------------------------

# Everything but whitespace and the ASCII punctuation that separates words is part of a token:
# invisible characters, combining marks, emphasis marks (* _ ~ `), character references and
# HTML tags stay inside it, and folding removes or decodes them.
_SEPARATORS = r"\s!\"'(),./:;<=>?@\[\]^{|}+\-#$"
TOKEN_RE = re.compile(
    rf"(?:[^{_SEPARATORS}&]+"
    r"|&#?[A-Za-z0-9]{1,32};?|&"  # a character reference, or an ampersand
    r"|<!--.{0,200}?-->"  # an HTML comment
    r"|</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>]{0,200})?/?>"  # an HTML tag
    r")+",
    re.DOTALL,
)
# A text without these, all ASCII, has the tokens of [a-z0-9]+ in its lowercase form.
_JOINERS_RE = re.compile(r"[*`~\\&<%]")
_WORD_RE = re.compile(r"[a-z0-9]+")
_TAG_RE = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", re.DOTALL)
_REMOVED = frozenset("*`~\\")  # Markdown emphasis, code and escapes: readers see the text joined
# letters without a decomposition
_SPECIAL = {
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ħ": "h",
    "ı": "i",
    "ŀ": "l",
    "ŧ": "t",
    "ĸ": "k",
    "ſ": "s",
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
    "ŉ": "n",
    "ƒ": "f",
}
# blank letters: they show nothing
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")


def _data(name: str) -> bytes:
    return resources.files("lwsite").joinpath("data", name).read_bytes()


@functools.cache
def lookalikes() -> dict[str, str]:
    """Letters of other scripts that look like a Latin letter: character -> that letter."""
    out: dict[str, str] = {}
    for line in _data("lookalikes.txt").decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            code, letter = line.split()[:2]
            out[chr(int(code.removeprefix("U+"), 16))] = letter
    return out


def _strip_marks(text: str) -> str:
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("M"))


@functools.cache
def _fold_char(ch: str) -> str:
    """One character folded: letters and digits, "" when readers see nothing, " " between words."""
    if ch in _REMOVED or ch in _FILLERS:
        return ""
    looks = lookalikes()
    if ch in looks:
        return looks[ch]
    category = unicodedata.category(ch)
    if category.startswith("M") or category == "Cf":
        return ""
    if category == "Cc":
        return " " if ch.isspace() else ""
    text = _strip_marks(unicodedata.normalize("NFKD", ch))
    text = _strip_marks(unicodedata.normalize("NFKD", text.casefold()))
    out = []
    for c in text:
        c = looks.get(c, c)
        c = _SPECIAL.get(c, c)
        out.append(c if c.isalnum() else " ")
    return "".join(out)


@functools.lru_cache(maxsize=1 << 16)
def fold_token(raw: str) -> tuple[str, ...]:
    """The folded words of one token of TOKEN_RE (most are one word; "maria_lopez" is two)."""
    if raw.isascii():
        if raw.isalnum():
            return (raw.lower(),)
        if "&" not in raw and "%" not in raw and "<" not in raw:
            return tuple("".join(_fold_char(c) for c in raw).split())
    if "<" in raw:
        raw = _TAG_RE.sub("", raw)
    if "&" in raw:
        raw = html.unescape(raw)
    if "%" in raw:
        raw = unquote(raw)
    return tuple("".join(_fold_char(c) for c in raw).split())


@functools.lru_cache(maxsize=1 << 14)
def fold_words(text: str) -> tuple[str, ...]:
    """Every folded word of a text, in order."""
    return tuple(word for raw in TOKEN_RE.findall(text) for word in fold_token(raw))


# -- ordinary words --------------------------------------------------------------------------------


class WordList:
    """A sorted word list held as one string per word length, searched by bisection.

    The data holds one line per length: the length, a space, and the words of that length
    concatenated in sorted order (every word is folded to a-z); lines starting with # are notes.
    """

    def __init__(self, data: str) -> None:
        self.buckets: dict[int, str] = {}
        for line in data.splitlines():
            if line.startswith("#"):
                continue
            size, _, words = line.partition(" ")
            self.buckets[int(size)] = words

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        size = len(word)
        bucket = self.buckets.get(size)
        if not bucket:
            return False
        lo, hi = 0, len(bucket) // size
        while lo < hi:
            mid = (lo + hi) // 2
            if bucket[mid * size : (mid + 1) * size] < word:
                lo = mid + 1
            else:
                hi = mid
        return bucket[lo * size : (lo + 1) * size] == word


@functools.cache
def _word_lists() -> tuple[WordList, WordList]:
    return (
        WordList(gzip.decompress(_data("words-en.txt.gz")).decode("ascii")),
        WordList(gzip.decompress(_data("words-es.txt.gz")).decode("ascii")),
    )


@functools.lru_cache(maxsize=1 << 14)
def is_ordinary(word: str) -> bool:
    """Whether a folded word is an ordinary English or Spanish word (lowercase in the lists)."""
    return any(word in words for words in _word_lists())


# -- the index -------------------------------------------------------------------------------------

FIRST, MIDDLE, SURNAME, WHOLE, JOINED, ALIAS = range(6)
TITLES = frozenset(w for t in TITLES_EN + TITLES_ES for w in fold_words(t))


@dataclass(frozen=True)
class Entry:
    """One entry of the roster: its position in the file (from 1), its line there, the name
    (last word the surname, first word the first name) and the other ways the person is called."""

    number: int
    line: int
    name: str
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """Roster entries found in a text: ``entries`` (the first of those found at the same place,
    then how many others), an error or (a first name alone) a warning, where, and the text around
    it with every roster name masked."""

    entries: tuple[Entry, ...]
    error: bool
    start: int
    end: int
    line: int
    context: str


class _Word(NamedTuple):
    entry: int  # index in Matcher.entries
    role: int
    word: int  # which word of the name: 0 the first, then the middles, -1 the surname
    ordinary: bool


@dataclass
class _Tokens:
    text: str
    words: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    raw: list[int] = field(default_factory=list)  # which raw token: parts of one are joined tightly

    def sep(self, i: int) -> str:
        """What stands between token i and token i + 1 ("" inside one raw token)."""
        if self.raw[i] == self.raw[i + 1]:
            return ""
        return self.text[self.ends[i] : self.starts[i + 1]]

    def capital(self, i: int) -> bool:
        raw = self.text[self.starts[i] : self.ends[i]]
        first = next((c for c in raw if c.isalnum()), "")
        return first.isupper()


class _Cover:
    """Token spans, asked whether one of them covers a given span."""

    def __init__(self, size: int, spans: Iterable[tuple[int, int]]) -> None:
        self.reach = [0] * (size + 1)  # reach[i]: the furthest end of a span starting at or before i
        for start, end in spans:
            self.reach[start] = max(self.reach[start], end)
        for i in range(1, size + 1):
            self.reach[i] = max(self.reach[i], self.reach[i - 1])

    def covers(self, span: tuple[int, int]) -> bool:
        return self.reach[span[0]] >= span[1]


def _windows(text: str, lowered: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """The lines around each whole-word place of ``words`` in ``lowered``, two lines either side
    (a name may be broken across two lines), merged where they overlap."""
    spots = []
    for word in words:
        at = lowered.find(word)
        while at != -1:
            after = at + len(word)
            if (at == 0 or not _WORD_RE.match(lowered, at - 1, at)) and not _WORD_RE.match(lowered, after, after + 1):
                spots.append(at)
            at = lowered.find(word, after)
    out: list[tuple[int, int]] = []
    for spot in sorted(spots):
        start = text.rfind("\n", 0, spot) + 1
        for _ in range(2):
            if start > 0:
                start = text.rfind("\n", 0, start - 1) + 1
        end = text.find("\n", spot)
        for _ in range(2):
            if end != -1:
                end = text.find("\n", end + 1)
        end = len(text) if end == -1 else end
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _tight(sep: str) -> bool:
    """Whether two words with this between them can be parts of one name: spaces (one line break
    at most), a hyphen, dot, underscore, comma, apostrophe, slash or plus."""
    if sep == "":
        return True
    if len(sep) > 12 or sep.count("\n") > 1:
        return False
    return (
        all(c.isspace() or c in ".,-_'’/+>" for c in sep) and len(sep.split()) <= 1 and len("".join(sep.split())) <= 2
    )


def _slug(sep: str) -> bool:
    """A separator of addresses and file names (maria-lopez, maria.lopez, maria_lopez)."""
    return all(c in "-._+/" for c in sep)


class Matcher:
    """The whole roster, indexed once; ``scan`` finds its entries in a text."""

    def __init__(self, entries: Sequence[Entry], allowed: Iterable[str] = ()) -> None:
        self.entries = tuple(entries)
        self.index: dict[str, dict[tuple[str, ...], list[_Word]]] = {}
        self.protect: dict[str, list[tuple[str, ...]]] = {}
        for i, entry in enumerate(self.entries):
            self._add_entry(i, entry)
        for phrase in allowed:
            words = fold_words(phrase)
            if words:
                self.protect.setdefault(words[0], []).append(words)
                if len(words) > 1:
                    self.protect.setdefault("".join(words), []).append(("".join(words),))
        self.firsts = frozenset(self.index)
        # the words that contexts mask wherever they are: every word of a name (a surname may be
        # a title word too: Dean), and the words of the other names but titles
        self.sensitive = {
            w
            for keys in self.index.values()
            for key, postings in keys.items()
            for w in key
            if w not in TITLES or any(p.role != ALIAS for p in postings)
        } - PARTICLES

    def _key(self, words: tuple[str, ...], posting: _Word) -> None:
        keys = self.index.get(words[0])
        if keys is None:
            self.index[words[0]] = {words: [posting]}
        elif words in keys:
            keys[words].append(posting)
        else:
            keys[words] = [posting]

    def _add_entry(self, i: int, entry: Entry) -> None:
        parts = [fold_words(w) for w in entry.name.split()]
        parts = [p for p in parts if p]
        while len(parts) > 1 and len(parts[0]) == 1 and parts[0][0] in TITLES:
            parts.pop(0)  # "Ms. Maria Lopez": the title is not part of the name
        if len(parts) > 2 and len(parts[-1]) == 1 and parts[-1][0] in SUFFIXES:
            parts.pop()  # "Jr."
        for alias in entry.also:
            words = fold_words(alias)
            if words:
                self._key(words, _Word(i, ALIAS, 0, False))
        if not parts:
            return
        if len(parts) == 1:
            self._key(parts[0], _Word(i, WHOLE, 0, False))
            return
        names = [
            (n, p) for n, p in enumerate(parts) if n in (0, len(parts) - 1) or not (len(p) == 1 and p[0] in PARTICLES)
        ]
        last = names[-1][0]
        for n, words in names:
            role = FIRST if n == 0 else SURNAME if n == last else MIDDLE
            ordinary = len(words) == 1 and is_ordinary(words[0])
            posting = _Word(i, role, -1 if n == last else n, ordinary)
            self._key(words, posting)
            if len(words) > 1:  # "García-López", "Mei-Ling": joined, and each part as a middle name
                self._key(("".join(words),), posting)
                for k, part in enumerate(words):
                    if len(part) > 2:
                        self._key((part,), _Word(i, MIDDLE, 100 * (n + 1) + k, is_ordinary(part)))
        first, surname = "".join(parts[0]), "".join(parts[-1])
        joined = {first + surname, surname + first, "".join("".join(p) for p in parts)}
        if len(surname) >= 4 and not (len(parts[-1]) == 1 and is_ordinary(surname)):
            joined.add(first[0] + surname)  # mlopez@...
        for word in joined:  # C. Ross is not "cross" (a longer word is hardly ever two names run together)
            if len(word) >= 6 and (len(word) > 9 or not is_ordinary(word)):
                self._key((word,), _Word(i, JOINED, 0, False))

    # -- scanning ----------------------------------------------------------------------------------

    def scan(self, text: str, errors_only: bool = False) -> list[Hit]:
        """Every roster entry in a text, in the order of the text."""
        if not text:
            return []
        if text.isascii() and _JOINERS_RE.search(text) is None:
            # the common case, fast: the lines around the index's words, if the text has any
            lowered = text.lower()
            found = self.firsts.intersection(_WORD_RE.findall(lowered))
            if not found:
                return []
            windows = _windows(text, lowered, found)
        else:
            words: set[str] = set()
            for raw in set(TOKEN_RE.findall(text)):
                words.update(fold_token(raw))
            if self.firsts.isdisjoint(words):
                return []
            windows = [(0, len(text))]
        hits = []
        for start, end in windows:
            hits += self._scan(text, start, end, errors_only)
        return hits

    def _scan(self, text: str, start: int, end: int, errors_only: bool) -> list[Hit]:
        tokens = _Tokens(text)
        for n, match in enumerate(TOKEN_RE.finditer(text, start, end)):
            for word in fold_token(match.group()):
                tokens.words.append(word)
                tokens.starts.append(match.start())
                tokens.ends.append(match.end())
                tokens.raw.append(n)
        spans = self._spans(tokens, errors_only)
        if not spans:
            return []
        newlines = [m.start() for m in re.finditer("\n", text)]
        hits = []
        for (first, last, error), found in sorted(spans.items()):
            entries = tuple(self.entries[i] for i in sorted(found))
            begin = tokens.starts[first]
            line = bisect.bisect_right(newlines, begin)  # lines before the hit's
            hits.append(
                Hit(
                    entries, error, begin, tokens.ends[last - 1], line + 1, self._context(tokens, first, last, newlines)
                )
            )
        return hits

    def _occurrences(self, t: _Tokens) -> list[tuple[int, int, list[_Word]]]:
        words, out = t.words, []
        for i, word in enumerate(words):
            keys = self.index.get(word)
            if keys is None:
                continue
            for key, postings in keys.items():
                size = len(key)
                if size > 1 and (
                    tuple(words[i : i + size]) != key or not all(_tight(t.sep(j)) for j in range(i, i + size - 1))
                ):
                    continue
                out.append((i, i + size, postings))
        return out

    def _protected(self, t: _Tokens) -> list[tuple[int, int]]:
        words, out = t.words, []
        for i, word in enumerate(words):
            for key in self.protect.get(word, ()):
                size = len(key)
                if size == 1 or (
                    tuple(words[i : i + size]) == key and all(_tight(t.sep(j)) for j in range(i, i + size - 1))
                ):
                    out.append((i, i + size))
        return out

    def _title_before(self, t: _Tokens, i: int, ordinary: bool) -> int | None:
        """The token of a title before a surname at token i ("Ms. Lopez", "Sra. de la Cruz",
        "Mr. J. Young"), if any; an ordinary-word surname counts only capitalised or in a slug."""
        j, skipped, initial = i - 1, 0, False
        while j >= 0 and _tight(t.sep(j)) and "," not in t.sep(j):  # "Principal, Dean": a list
            word = t.words[j]
            if word in TITLES:
                if ordinary and not (t.capital(i) or _slug(t.sep(i - 1))):
                    return None
                return j
            if word in PARTICLES and skipped < 3:
                skipped += 1
            elif len(word) == 1 and word.isalpha() and not initial:
                initial = True
            else:
                return None
            j -= 1
        return None

    def _middle(self, t: _Tokens, j: int) -> bool:
        """Whether token j may be a middle name the roster does not list ("Maria Elena Lopez")."""
        word = t.words[j]
        return word.isalpha() and word not in TITLES and len(word) <= 20 and (t.capital(j) or not is_ordinary(word))

    def _linked(self, t: _Tokens, a: tuple[int, int, _Word], b: tuple[int, int, _Word]) -> bool:
        """Whether two words of one name (a before b in the text) are written as one name."""
        (_, a_end, wa), (b_start, _, wb) = a, b
        if b_start < a_end:
            return False
        for j in range(a_end - 1, b_start):
            sep = t.sep(j)
            if not _tight(sep):
                return False
            if "." in sep and sep[-1:].isspace() and len(t.words[j]) > 1:  # "... Lopez. Maria said": two sentences
                return False
        forward = wa.word != -1 and (wb.word == -1 or wb.word > wa.word)
        unknown = 0
        for j in range(a_end, b_start):
            if t.words[j] in PARTICLES:
                continue
            if not forward or not self._middle(t, j):
                return False
            unknown += 1
        if unknown > 2:
            return False
        if wa.ordinary and wb.ordinary:  # "with grace, young students" is not Grace Young
            seps = "".join(t.sep(j) for j in range(a_end - 1, b_start))
            lower = not (t.capital(a_end - 1) or t.capital(b_start))
            if lower and "," in seps:
                return False
        return True

    def _spans(self, t: _Tokens, errors_only: bool) -> dict[tuple[int, int, bool], set[int]]:
        """(first token, end token, is an error) -> the entries found there."""
        errors: dict[tuple[int, int], set[int]] = {}
        firsts: dict[tuple[int, int], set[int]] = {}
        by_entry: dict[int, list[tuple[int, int, _Word]]] = {}
        for start, end, postings in self._occurrences(t):
            for w in postings:
                if w.role in (ALIAS, JOINED, WHOLE):
                    errors.setdefault((start, end), set()).add(w.entry)
                    continue
                by_entry.setdefault(w.entry, []).append((start, end, w))
                if w.role == SURNAME and not w.ordinary:
                    errors.setdefault((start, end), set()).add(w.entry)
                if w.role in (SURNAME, MIDDLE):
                    title = self._title_before(t, start, w.ordinary)
                    if title is not None:
                        errors.setdefault((title, end), set()).add(w.entry)
                if w.role == FIRST:
                    firsts.setdefault((start, end), set()).add(w.entry)
        for entry, places in by_entry.items():
            if len(places) < 2:
                continue
            places.sort(key=lambda f: (f[0], f[1]))
            chains = [[places[0]]]
            for occurrence in places[1:]:
                chain = chains[-1]
                # one name has each word once: "Maria Lopez Maria Lopez" is two
                if occurrence[2].word not in {w.word for _, _, w in chain} and self._linked(t, chain[-1], occurrence):
                    chain.append(occurrence)
                else:
                    chains.append([occurrence])
            for chain in chains:
                if len({w.word for _, _, w in chain}) > 1:
                    end = chain[-1][1]
                    if chain[-1][2].role == FIRST:  # "Lopez, Maria Elena": the middle names too
                        while (
                            end < min(len(t.words), chain[-1][1] + 2)
                            and _tight(t.sep(end - 1))
                            and t.capital(end)
                            and self._middle(t, end)
                            and t.words[end] not in self.index
                        ):
                            end += 1
                    errors.setdefault((chain[0][0], end), set()).add(entry)
        allowed = _Cover(len(t.words), self._protected(t))
        kept = {span: entries for span, entries in errors.items() if not allowed.covers(span)}
        out: dict[tuple[int, int, bool], set[int]] = {}
        # a hit inside a larger one (the surname of a full name, after a title) is part of that one
        reach = -1
        for span in sorted(kept, key=lambda s: (s[0], -s[1])):
            if span[1] > reach:
                out[(span[0], span[1], True)] = kept[span]
                reach = span[1]
        if errors_only:
            return out
        named = _Cover(len(t.words), kept)
        for span, entries in firsts.items():
            if not allowed.covers(span) and not named.covers(span):
                out[(span[0], span[1], False)] = entries
        return out

    # -- masking -----------------------------------------------------------------------------------

    def _context(self, t: _Tokens, start: int, end: int, newlines: list[int]) -> str:
        """The text around tokens start..end on their lines, every roster word in it masked."""
        text = t.text
        above = bisect.bisect_right(newlines, t.starts[start])
        line_start = newlines[above - 1] + 1 if above else 0
        below = bisect.bisect_left(newlines, t.ends[end - 1])
        line_end = newlines[below] if below < len(newlines) else len(text)
        first = max(0, start - 6)
        while first < start and (t.starts[first] < t.starts[start] - 60 or t.starts[first] < line_start):
            first += 1
        last = min(len(t.words), end + 6)
        while last > end and (t.ends[last - 1] > t.ends[end - 1] + 60 or t.ends[last - 1] > line_end):
            last -= 1
        masked = {
            j
            for j in range(first, last)
            if (start <= j < end and t.words[j] not in TITLES) or t.words[j] in self.sensitive
        }

        out, at = [], t.starts[first]
        for j in range(first, last):
            if j not in masked or t.starts[j] < at:
                continue
            k = j
            while k < last and t.raw[k] == t.raw[j]:
                k += 1
            out.append(text[at : t.starts[j]])
            out.append(_mask(text[t.starts[j] : t.ends[j]], "".join(t.words[j:k])))
            at = t.ends[j]
        out.append(text[at : t.ends[last - 1]])
        shown = " ".join(_visible("".join(out)).split())
        if len(shown) > 160:
            shown = shown[:157] + "..."
        ahead = text[max(line_start, t.starts[first] - 200) : t.starts[first]]
        behind = text[t.ends[last - 1] : min(line_end, t.ends[last - 1] + 200)]
        before = "..." if any(c.isalnum() for c in ahead) else ""
        after = "..." if any(c.isalnum() for c in behind) else ""
        return f"{before}{shown}{after}"

    def mask(self, text: str) -> str:
        """The text with every roster name in it that stops a build masked (for paths and
        messages that quote content)."""
        hits = self.scan(text, errors_only=True)
        if not hits:
            return text
        tokens = [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
        out, at = [], 0
        for start, end in tokens:
            if end <= at or not any(h.start <= start and end <= h.end for h in hits):
                continue
            if all(word in TITLES and word not in self.sensitive for word in fold_token(text[start:end])):
                continue
            out.append(text[at:start])
            out.append(_mask(text[start:end], "".join(fold_token(text[start:end]))))
            at = end
        out.append(text[at:])
        return "".join(out)


_ASCII_CONTROLS = dict.fromkeys((*range(32), 127), " ")


def _mask(raw: str, folded: str) -> str:
    """A word as messages show it: its first letter, then a star for each other letter (the
    emphasis or code marks around it kept)."""
    if raw.isalnum() and len(folded) > 1:
        return (folded[0].upper() if raw[0].isupper() else folded[0]) + "*" * (len(folded) - 1)
    core = raw.strip("*`~_")
    lead, trail = raw[: len(raw) - len(raw.lstrip("*`~_"))], raw[len(raw.rstrip("*`~_")) :]
    if len(folded) < 2:
        return f"{lead}*{trail}"
    first = next((c for c in _TAG_RE.sub("", core) if c.isalnum()), "")
    letter = folded[0].upper() if first.isupper() else folded[0]
    return lead + letter + "*" * (len(folded) - 1) + trail


def _visible(text: str) -> str:
    """Text as a log line may hold it: no control or invisible characters."""
    if text.isascii():
        return text.translate(_ASCII_CONTROLS)
    return "".join(
        " " if c.isspace() else c for c in text if c.isspace() or unicodedata.category(c) not in ("Cc", "Cf")
    )
