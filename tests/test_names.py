"""The roster matcher: every form people write a name in stops the build, ordinary text does not.

Unit tests of lwsite/names.py and the roster checks of lwsite/privacy.py; the whole check and
build with planted names are in tests/test_privacy_build.py, and the bad-input suite
(tests/faults.py) runs several forms through `lwsite check` and `mkdocs build --strict`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.synth import roster_names
from lwsite.errors import Problems
from lwsite.names import TITLES_EN, TITLES_ES, Entry, Matcher, fold_words, is_ordinary
from lwsite.privacy import Roster, check_names, check_text_names, load_roster

ROSTER = Roster.of(
    [
        "Maria Lopez",  # 1
        "Jordan Smith",  # 2
        "Will Baker",  # 3: first name and surname ordinary English words
        "Grace Young",  # 4
        "Ana Li",  # 5
        "Abe Lincoln",  # 6
        Entry(7, 9, "Carla Gonzalez", ("Coach G", "Ms. G")),
        "Hans Becker",  # 8
        "Rosa Flores",  # 9: surname an ordinary Spanish word
        "Tom Wood",  # 10
        "María Elena de la Cruz",  # 11
        "Mei-Ling Chen",  # 12
        "Rachel Rivers",  # 13
    ],
    allow_words=["Will", "Rosa"],
    known=["Lincoln Elementary", "Harbor Point Public Schools", "Students explain their reasoning"],
    shown="private/roster.yml",
)
NAMES = (
    "maria",
    "lopez",
    "jordan",
    "smith",
    "baker",
    "grace",
    "young",
    "gonzalez",
    "becker",
    "flores",
    "wood",
    "cruz",
    "chen",
    "rivers",
    "lincoln",
)


def found(text: str, roster: Roster = ROSTER) -> list[tuple[int, str]]:
    """(first entry number, "error" | "warning") of every hit in a text."""
    return [(h.entries[0].number, "error" if h.error else "warning") for h in roster.matcher.scan(text)]


def errors(text: str, roster: Roster = ROSTER) -> list[int]:
    return [n for n, kind in found(text, roster) if kind == "error"]


# -- what stops a build ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        # title + surname, with or without a period, English and Spanish titles, possessive
        ("Ms. Gonzalez asked the class.", 7),
        ("Mrs. Becker's students compared strategies.", 8),
        ("Mr Becker walked in.", 8),
        ("Dr. Lopez visited.", 1),
        ("Coach Gonzalez ran the drill.", 7),
        ("Sr. Becker habló.", 8),
        ("La Sra. Flores leyó.", 9),
        ("Srta. Young", 4),
        ("Prof. Becker", 8),
        ("Ms. Lopez's class", 1),
        ("Ms.Lopez", 1),
        ("MR. BECKER", 8),
        ("Ms. Wood", 10),  # an ordinary-word surname with a title
        ("Sra. de la Cruz", 11),
        ("Principal Young spoke.", 4),
        # spelling variants of the text readers see
        ("María López led the lesson.", 1),
        ("Maria Lopez", 1),
        ("MARIA LOPEZ", 1),
        ("Maria Lo\u200bpez", 1),  # zero-width space
        ("Maria Lo\u00adpez", 1),  # soft hyphen
        ("Ma\u2060ria Lo\ufeffpez", 1),  # word joiner, byte-order mark
        ("Mari\u0301a Lo\u0301pez", 1),  # accents as combining marks
        ("M\u0430ria Lopez", 1),  # Cyrillic a
        ("\u041c\u0430ria L\u043epez", 1),  # Cyrillic M, a and o
        ("Ma&#114;ia Lopez", 1),  # a character reference
        ("Ma&#x72;ia L&oacute;pez", 1),
        ("Maria&nbsp;Lopez", 1),
        ("Maria Lo*pez*", 1),  # Markdown emphasis inside the name
        ("**Maria** _Lopez_", 1),
        ("`Maria` Lopez", 1),
        ("Ma<b>ria</b> Lopez", 1),
        ("Ma<!-- x -->ria Lopez", 1),
        ("\uff2d\uff41\uff52\uff49\uff41 \uff2c\uff4f\uff50\uff45\uff5a", 1),  # fullwidth
        ("Mar%C3%ADa%20Lopez", 1),  # percent escapes in an address
        # link targets and addresses: -, ., _ or nothing between the parts
        ("See https://example.org/maria-lopez/ for more.", 1),
        ("[notes](https://example.org/people/maria_lopez.html)", 1),
        ("Write to maria.lopez@school.example.", 1),
        ("mailto:mlopez@school.example", 1),
        ("marialopez", 1),
        ("MariaLopez", 1),
        ("lopezmaria@x.example", 1),
        ("grace-young", 4),  # both words ordinary, but a slug
        ("grace.young@school.example", 4),
        ("will_baker.pdf", 3),
        # another order, a middle name, a line break
        ("Lopez, Maria asked.", 1),
        ("Lopez Maria", 1),
        ("Maria Elena Lopez", 1),
        ("Maria E. Lopez", 1),
        ("The team met Maria\nLopez and walked.", 1),
        ("Grace\n  Young", 4),
        ("Maria de la Cruz", 11),
        ("Elena Cruz", 11),
        ("López Cruz, María", 11),
        ("Mei Chen", 12),
        ("Meiling Chen", 12),
        # two words of a name, both ordinary words, capitalised
        ("Will Baker", 3),
        ("Grace Young spoke.", 4),
        ("Rosa Flores", 9),
        # the surname alone when it is not an ordinary word
        ("Lopez asked a question.", 1),
        ("Gonzalez", 7),
        ("Becker's class", 8),
        ("Chen", 12),
        ("ana-li", 5),
        # the other names an entry lists
        ("Coach G ran the drill.", 7),
        ("ms g", 7),
    ],
)
def test_forms_that_stop_the_build(text: str, entry: int) -> None:
    assert entry in errors(text), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The students walked to the woods.",  # Wood: an ordinary word, and woods is another word
        "They used wood blocks and a young tree.",
        "The rivers of the region.",  # Rivers
        "Young people asked questions.",  # Young alone
        "with grace, young students wait",  # two ordinary words in lowercase prose
        "flores y rosas",  # Flores, an ordinary Spanish word
        "Cruz alone",
        "The analisis of the text.",  # ana-li is whole words only
        "An analysis. A lid. Ali.",
        "Lincoln Elementary hosted the walk.",  # Lincoln is a roster surname; the school's name is the portfolio's
        "lincoln-elementary",
        "Harbor Point Public Schools",
        "Students explain their reasoning",
        "Will the class finish?",  # Will is in allow_words
        "Rosa is a colour.",
        "Maria\n\nin another paragraph, Jordan",  # first names alone: warnings, not errors
        "the principal's office",
        "Miss the bus",
        "Mr. Smithson",  # whole words only
        "Lopezville",
        "marialopezz",
        "Ms. K. said",  # a title and an initial
    ],
)
def test_ordinary_text_does_not_stop_the_build(text: str) -> None:
    assert errors(text) == [], found(text)


def test_a_first_name_alone_is_a_warning() -> None:
    assert found("Maria's class sang.") == [(1, "warning")]
    assert found("Jordan and the class.") == [(2, "warning")]
    assert found("Grace period") == [(4, "warning")]
    assert found("Will it rain?") == []  # in allow_words
    assert found("Ms. Maria") == [(1, "warning")]  # a title and a first name
    # inside a full name it is that name, not a second hit
    assert found("Maria Lopez") == [(1, "error")]


def test_young_alone_and_mr_young() -> None:
    assert found("Young students") == []
    assert found("Mr. Young") == [(4, "error")]
    assert found("mr-young") == [(4, "error")]
    assert found("the young mr young") == []  # lowercase prose: an ordinary word after a title


def test_portfolio_names_and_allow_words_are_phrases() -> None:
    # inside the school's name the surname is no hit, anywhere else it is
    assert found("Lincoln Elementary") == []
    assert found("Lincoln said so") == [(6, "error")]
    assert found("Mr. Lincoln of Lincoln Elementary") == [(6, "error")]
    # the first name of an entry in allow_words does not warn, the full name still stops
    assert found("Will Baker") == [(3, "error")]
    roster = Roster.of(["Maria Lopez"], allow_words=["Maria Lopez Academy"])
    assert found("Maria Lopez Academy", roster) == []
    assert found("Maria Lopez", roster) == [(1, "error")]


def test_matches_are_whole_words() -> None:
    roster = Roster.of(["Ana Li", "Ed Park"])
    assert found("analisis de datos", roster) == []
    assert found("the ana-li file", roster) == [(1, "error")]
    assert found("anali", roster) == []  # too short to be a joined name
    assert found("Parker and Edison", roster) == []
    assert found("Ed Park", roster) == [(2, "error")]


def test_the_roster_entry_is_found_among_thousands() -> None:
    names = roster_names(5000)
    roster = Roster.of(names)
    target = 4321
    first, *_, last = names[target - 1].split()
    hits = roster.matcher.scan(f"Notes: {first.lower()}-{last.lower()}@school.example wrote.")
    assert any(h.error and target in [e.number for e in h.entries] for h in hits)
    assert roster.matcher.scan("The students compared two strategies.") == []


# -- folding ----------------------------------------------------------------------------------------


def test_folding() -> None:
    assert fold_words("María LÓPEZ") == ("maria", "lopez")
    assert fold_words("Mar\u200bía") == ("maria",)
    assert fold_words("Ma&#114;ia") == ("maria",)
    assert fold_words("\u041c\u0430ria") == ("maria",)  # Cyrillic
    assert fold_words("Łukasz Øster straße") == ("lukasz", "oster", "strasse")
    assert fold_words("maria_lopez maria-lopez maria.lopez") == ("maria", "lopez") * 3
    assert fold_words("Lo*pez* `Mar`ia") == ("lopez", "maria")


def test_titles_and_word_lists() -> None:
    assert {"mr", "mrs", "ms", "dr", "coach", "sr", "sra", "srta", "prof"} <= {
        w for t in TITLES_EN + TITLES_ES for w in fold_words(t)
    }
    for word in ("wood", "young", "rivers", "woods", "flores", "rosas", "cruz", "delgado"):
        assert is_ordinary(word), word
    for word in ("lopez", "gonzalez", "becker", "okafor", "nguyen"):
        assert not is_ordinary(word), word


# -- messages never print a name --------------------------------------------------------------------


def report(text: str, shown: str = "schools/x/cycles/y/debrief.md") -> list[str]:
    problems = Problems()
    check_text_names(text, shown, ROSTER, problems)
    return [str(p) for p in problems.items]


def assert_no_name(lines: list[str]) -> None:
    for line in lines:
        for name in NAMES:
            assert not re.search(rf"\b{name}\b", line, re.IGNORECASE), line


def test_messages_name_the_entry_and_mask_the_name() -> None:
    lines = report("---\nmessage: x\n---\nThe team met Maria Lopez and walked on.\n")
    assert lines == [
        "schools/x/cycles/y/debrief.md:4: roster entry 1 (private/roster.yml line 1) is named here: "
        '"The team met M**** L**** and walked on": describe the practice, number the visit, or use a role'
    ]
    lines = report("Coach G and Ms. Gonzalez, with Jordan.")
    # two hits of one entry on one line with the same context are one message
    assert lines == [
        "schools/x/cycles/y/debrief.md:1: roster entry 7 (private/roster.yml line 9) is named here: "
        '"Coach * and Ms. G*******, with J*****": describe the practice, number the visit, or use a role',
        "schools/x/cycles/y/debrief.md:1: warning: the first name of roster entry 2 (private/roster.yml line 2) is "
        'here: "Coach * and Ms. G*******, with J*****": if it means that person, remove it; if it is an ordinary '
        "word, add it to privacy.allow_words",
    ]
    # entries with the same name are listed by number
    roster = Roster.of(["Maria Lopez", "Ana Lopez", "Luis Lopez", "Eva Lopez", "Rita Lopez", "Sara Lopez"])
    problems = Problems()
    check_text_names("Lopez", "a.md", roster, problems)
    assert [str(p) for p in problems.items] == [
        'a.md:1: roster entry 1 (the roster line 1; also entries 2, 3, 4 and 2 more) is named here: "L****": '
        "describe the practice, number the visit, or use a role"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez",
        "Ms. Lopez's class",
        "maria.lopez@x.org",
        "Lopez, Maria Elena",
        "Mr Wood and Grace Young",
        "https://example.org/jordan-smith/",
        "Maria\nLopez",
        "Ma&#114;ia Lo\u200bpez",
        "Coach G with Rachel Rivers",
        "María Elena de la Cruz",
        "Mei-Ling Chen",
        "Grace, Maria and Jordan",
        "JORDAN SMITH",
    ],
)
def test_no_message_prints_a_name(text: str) -> None:
    lines = report(f"Some words before. {text} and words after the name.\n")
    assert lines
    assert_no_name(lines)


def test_a_name_in_a_file_or_folder_name(tmp_path: Path) -> None:
    folder = tmp_path / "maria-lopez"
    folder.mkdir()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "Jordan_Smith.md").write_text("Nothing here.\n")
    problems = Problems()
    check_names(folder, "schools/maria-lopez", ROSTER, problems)
    check_names(tmp_path / "notes" / "Jordan_Smith.md", "notes/Jordan_Smith.md", ROSTER, problems)
    check_names(tmp_path / "notes", "schools/lincoln-elementary", ROSTER, problems)  # a portfolio name
    lines = [str(p) for p in problems.items]
    assert lines == [
        "schools/m****-l****:1: the folder name 'm****-l****' names roster entry 1 (private/roster.yml line 1): "
        "rename the folder",
        "notes/J**********.md:1: the file name 'J**********.md' names roster entry 2 (private/roster.yml line 2): "
        "rename the file",
    ]


# -- the roster file --------------------------------------------------------------------------------


def load(tmp_path: Path, text: str) -> tuple[Roster | None, list[str]]:
    path = tmp_path / "roster.yml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    roster = load_roster(path, ["Will"], problems, "../private/roster.yml", known=["Oak Elementary"])
    return roster, [str(p) for p in problems.items]


def test_roster_entries_are_names_or_mappings(tmp_path: Path) -> None:
    roster, problems = load(
        tmp_path,
        (
            "names:\n"
            "  - Maria Lopez\n"
            "  - name: Carla Gonzalez\n"
            "    also: [Coach G, Ms. G]\n"
            "  - {name: Tom Wood, also: Mr. T}\n"
        ),
    )
    assert problems == []
    assert roster is not None
    assert [(e.number, e.line, e.name, e.also) for e in roster.entries] == [
        (1, 2, "Maria Lopez", ()),
        (2, 3, "Carla Gonzalez", ("Coach G", "Ms. G")),
        (3, 5, "Tom Wood", ("Mr. T",)),
    ]
    assert [h.entries[0].number for h in roster.matcher.scan("Then Mr. T and Coach G spoke.")] == [3, 2]
    assert roster.matcher.scan("Oak Elementary") == []


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("names:\n  - Maria Lopez\n  - 2024\n", "../private/roster.yml:3: roster entry 2 is not text: quote the name"),
        ("names:\n  - Maria Lopez\n  - [Jordan, Smith]\n", "../private/roster.yml:3: roster entry 2 is not text"),
        (
            "names:\n  - {name: Jordan Smith, nick: Jo}\n",
            "../private/roster.yml:2: roster entry 1 has a key other than name and also: remove it",
        ),
        ("names:\n  - also: [Coach J]\n", "../private/roster.yml:2: roster entry 1 needs name: the person's name"),
        (
            "names:\n  - name: Jordan Smith\n    also: {a: b}\n",
            "../private/roster.yml:3: roster entry 1: also must be a list of the other names",
        ),
        ("names:\n  - Maria Lopez\n  - ''\n", "../private/roster.yml:3: roster entry 2 is empty"),
        ("people: [Maria Lopez]\n", "../private/roster.yml:1: the roster must be a mapping with one key, names:"),
    ],
)
def test_invalid_roster_entries_are_located_errors(tmp_path: Path, text: str, expect: str) -> None:
    _, problems = load(tmp_path, text)
    assert len(problems) == 1 and problems[0].startswith(expect), problems
    assert_no_name(problems)


def test_entries_keep_their_numbers_past_an_invalid_one(tmp_path: Path) -> None:
    roster, problems = load(tmp_path, "names:\n  - 12\n  - Maria Lopez\n")
    assert len(problems) == 1
    assert roster is not None
    hits = roster.matcher.scan("Maria Lopez")
    assert [(e.number, e.line) for e in hits[0].entries] == [(2, 3)]


def test_a_matcher_indexes_the_roster_once() -> None:
    """The index is keyed by token: scanning looks tokens up, it never walks the names."""
    matcher = Matcher([Entry(i + 1, i + 1, n) for i, n in enumerate(roster_names(2000))])
    assert len(matcher.entries) == 2000
    assert all(isinstance(k, str) for k in matcher.index)
    assert matcher.firsts == frozenset(matcher.index)


def test_a_joined_name_that_is_a_word_is_no_hit() -> None:
    roster = Roster.of(["Cathy Ross", "Sam Tone"])
    assert found("Students cross the street; a stone wall.", roster) == []
    assert found("cathyross and sam.tone@x.example", roster) == [(1, "error"), (2, "error")]


def test_a_surname_that_is_a_title_word_is_masked_too() -> None:
    roster = Roster.of(["Mark Dean", "Ana Coach"])
    hits = roster.matcher.scan("Then Principal Dean and Ms. Coach spoke; titles: Principal, Dean, Sir.")
    assert [(h.entries[0].number, h.error) for h in hits] == [(1, True), (2, True)]
    assert all("Dean" not in h.context and "Coach" not in h.context for h in hits), hits
    assert roster.matcher.mask("Principal Dean") == "Principal D***"


def test_a_name_written_twice_is_two_hits() -> None:
    assert found("Maria Lopez\nMaria Lopez. Lopez, Maria Maria Lopez") == [(1, "error")] * 4
    roster = Roster.of([Entry(1, 1, "María López García", ("López",))])
    hits = roster.matcher.scan("López dijo. Sra. López. María López.")
    assert [h.context.count("*") > 0 for h in hits] == [True] * 3
    assert [(h.start, h.end) for h in hits] == [(0, 5), (12, 22), (24, 35)]
    assert found("Maria Maria") == [(1, "warning")] * 2
