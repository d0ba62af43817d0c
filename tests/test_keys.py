"""The key tables of the content files (load/keys.py) and the Reader that runs them (load/fields.py).

The loader's own messages are tested file by file in faults.py; here: that the tables are the one
declaration of each file's keys, and that the roster and the import mapping share the reader.
"""

from __future__ import annotations

import importlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from lwsite.errors import Problems
from lwsite.importer import parse_mapping
from lwsite.load.fields import Reader
from lwsite.load.keys import Int, Keys, Raw, Text, TextList
from lwsite.load.portfolio import load
from lwsite.load.source import LMap, parse_yaml
from lwsite.privacy import load_roster

ROOT = Path(__file__).resolve().parent.parent
FILE_KINDS = (
    "portfolio",
    "framework",
    "school",
    "focus",
    "team",
    "schedule",
    "scripts",
    "debrief",
    "actions",
    "messages",
)


def tables() -> Iterator[tuple[str, Keys]]:
    for kind in FILE_KINDS:
        module = importlib.import_module(f"lwsite.load.{kind}")
        for name, value in vars(module).items():
            if isinstance(value, Keys):
                yield f"{kind}.{name}", value


def mapping(text: str) -> LMap:
    data = parse_yaml(text)
    assert isinstance(data, LMap)
    return data


def test_every_file_kind_declares_its_keys() -> None:
    declared = {name.split(".")[0] for name, _ in tables()}
    assert declared == set(FILE_KINDS)


@pytest.mark.parametrize(("name", "table"), list(tables()), ids=[name for name, _ in tables()])
def test_every_declared_key_is_in_the_content_reference(name: str, table: Keys) -> None:
    reference = (ROOT / "docs" / "content-format.md").read_text(encoding="utf-8")
    assert [k for k in table.allowed if not re.search(rf"`{k}\b|\b{k}:", reference)] == []


THING = Keys("a thing", name=Text(required=True), size=Int(1, 9), tags=TextList(), note=Raw())


def test_the_reader_runs_a_table() -> None:
    problems = Problems()
    r = Reader(problems, "t.yml")
    doc = mapping("nme: x\nsize: 12\ntags: [a, 3]\nnote: [free, shape]\n")
    assert r.read(doc, THING) is None  # a misspelt required key: the item is skipped
    values = r.values(doc, THING)
    assert values == {"name": None, "size": None, "tags": ("a",), "note": ["free", "shape"]}
    assert [(p.line, p.message) for p in problems.items] == [
        (1, "unknown key 'nme' in a thing: did you mean 'name'?"),  # and not also "'name' is required"
        (2, "'size' must be from 1 to 9, not 12"),
        (3, '`tags item: 3` was read as the number 3: quote it ("3")'),
    ]


def test_a_missing_key_and_an_unknown_one_far_from_any() -> None:
    problems = Problems()
    r = Reader(problems, "t.yml")
    assert r.read(mapping("colour: blue\n"), THING) is None
    assert [p.message for p in problems.items] == [
        "unknown key 'colour' in a thing: allowed: name, size, tags, note",
        "'name' is required in a thing: add it",
    ]


def test_a_private_table_never_quotes_a_key() -> None:
    problems = Problems()
    Reader(problems, "r.yml").keys(
        mapping("Jordan Smith: teacher\nnme: x\n"), Keys("the list", private=True, name=Text(required=True), also=Raw())
    )
    assert [p.message for p in problems.items] == [
        "the list has a key other than name and also: remove it",
        "the list has a key other than name and also: did you mean 'name'?",
    ]


def test_the_roster_uses_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "roster.yml"
    path.write_text("names:\n  - {name: Jordan Smith, aslo: [Coach J]}\n  - {Maria Lopez: x}\nsampel: true\n")
    problems = Problems()
    roster = load_roster(path, (), problems, "roster.yml")
    assert roster is not None and roster.names == ("Jordan Smith",)
    assert [str(p) for p in problems.items] == [
        "roster.yml:4: the roster has a key other than names and sample: did you mean 'sample'?",
        "roster.yml:2: roster entry 1 has a key other than name and also: did you mean 'also'?",
        "roster.yml:3: roster entry 2 has a key other than name and also: remove it",
        "roster.yml:3: roster entry 2 needs name: the person's name, as text (quote it)",
    ]


def test_a_misspelt_roster_name_key_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "roster.yml"
    path.write_text("names:\n  - {nmae: Jordan Smith}\n")
    problems = Problems()
    load_roster(path, (), problems, "roster.yml")
    assert [str(p) for p in problems.items] == [
        "roster.yml:2: roster entry 1 has a key other than name and also: did you mean 'name'?"
    ]


def test_the_import_mapping_uses_the_reader() -> None:
    columns, problems = parse_mapping("rows: visit\ncolums:\n  visit: V\n", "map.yml")
    assert columns is None
    assert problems == ["map.yml:2: unknown key 'colums': did you mean 'columns'?"]


def test_a_files_problems_do_not_depend_on_the_order_of_its_keys(tmp_path: Path) -> None:
    """The values are read before the file's own checks: an empty list is reported beside a wrong value."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", tmp_path, dirs_exist_ok=True)
    cycle = tmp_path / "content" / "schools" / "oak" / "cycles" / "2025-10-14-talk"
    (cycle / "team.yml").write_text("hall_work: 5\nmembers: []\n")
    focus = cycle / "focus.md"
    focus.write_text(
        focus.read_text().replace("characteristics: [student-discourse, questioning]", "characteristics: []")
    )
    loaded = load(tmp_path / "content")
    found = {(p.path.rsplit("/", 1)[-1], p.line, p.message) for p in loaded.problems.errors}
    assert {
        ("team.yml", 1, "'hall_work' must be from 1 to 3, not 5"),
        ("team.yml", 2, "the team needs at least one member"),
        ("focus.md", 4, "the lens needs at least one characteristic id"),
    } <= found, found
