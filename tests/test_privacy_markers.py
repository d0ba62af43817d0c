"""Marker scan: every free-text field reaches exactly the audiences that may see it.

A unique marker is planted in every free-text field of every content file, the site is
built for all three audiences, and every output file (.gz decompressed) is searched. A
string field that has no rule below fails the test: a new field must be given an audience.

Every text that may come in another language is given in Spanish too, with a marker of its
own (a per-language value, the ``focus.es.md`` and ``debrief.es.md`` sidecars, the catalog's
``words:``): a Spanish marker must reach the public site (its Spanish edition) when its field is
public, and never a build whose audience may not see its field, in any language's output.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import build_site, make_project, output_texts

from lwsite import audience as audience_table
from lwsite.model import Audience

AUDIENCES = ("public", "staff", "team")
# the fields that may be given per language ({en: ..., es: ...}); their Spanish text has a marker of its own
TRANSLATABLE = {
    "portfolio:name",
    "portfolio:description",
    "school:name",
    "school:description",
    "framework:title",
    "framework:levels[].label",
    "framework:levels[].description",
    "framework:sections[].title",
    "framework:sections[].characteristics[].title",
    "framework:sections[].characteristics[].description",
    "focus:question",
    "focus:improvement_goal",
    "focus:look_fors[]",
    "debrief:patterns[].claim",
    "debrief:strengths[].claim",
    "debrief:prediction",
    "debrief:quick_wins[]",
    "debrief:message",
    "actions:[].action",
    "actions:[].measure",
    "actions:[].outcome",
}
# the fields translated once by the words: table of catalogs/es.yml
WORDS = {"team:members[].role", "actions:[].owner", "schedule:visits[].subject"}
SKIP = "not free text"
OWN = "the message's own audience"  # messages/<kind>.md: its front matter's audience (default public)


def rule(field: str) -> str:
    """The lowest audience that may see a field, from the one audience table (lwsite.audience.TABLE)."""
    try:
        found = audience_table.lowest(field)
    except KeyError:
        raise KeyError(field) from None
    if found is None:
        return SKIP
    if found == audience_table.OWN:
        return OWN
    assert isinstance(found, Audience)
    return found.label


class _Rules(dict[str, str]):
    """RULES[field] for every field the audience table names; KeyError for any other."""

    def __contains__(self, field: object) -> bool:
        try:
            rule(str(field))
        except KeyError:
            return False
        return True

    def __getitem__(self, field: str) -> str:
        return rule(field)


RULES = _Rules()
ALL_FIELDS = [f for row in audience_table.TABLE for f in row.fields] + list(audience_table.NOT_TEXT)
# Values used as keys elsewhere are replaced whole and consistently (group labels, room codes).
CONSISTENT = {"team:members[].group", "schedule:visits[].group", "school:rooms[].code", "schedule:visits[].room"}
SHARED_RULE = {"team:members[].group": "schedule:visits[].group", "school:rooms[].code": "schedule:visits[].room"}
# Fields whose values are levels, not text, so no marker fits in them, and whose rule is not "not free
# text": what reaches a reader is the figures made from them. The planter adds them to the fixture and
# registers, as their marker, what only they produce: the calibration page of a walkthrough.
TRACED = {"script:independent.*": 'data-lw-kind="calibration"'}


class Planter:
    def __init__(self) -> None:
        self.counter = itertools.count(1)
        self.planted: dict[str, tuple[str, str]] = {}  # marker -> (field, audience)
        self.unknown: list[str] = []
        self.same: dict[str, str] = {}
        self.own = "public"  # the audience of the message file being planted
        self.spanish: set[str] = set()  # the markers of Spanish texts
        self.words: dict[str, str] = {}  # the words: table, a planted text -> its Spanish

    def marker(self, field: str, spanish: bool = False) -> str:
        marker = f"zqmark{next(self.counter):04d}x"
        self.planted[marker] = (field, self.own if RULES[field] == OWN else RULES[field])
        if spanish:
            self.spanish.add(marker)
        return marker

    def walk(self, kind: str, node: Any, path: str = "") -> Any:
        if isinstance(node, dict):
            return {k: self.walk(kind, v, f"{path}.{k}" if path else k) for k, v in node.items()}
        if isinstance(node, list):
            return [self.walk(kind, v, f"{path}[]") for v in node]
        if not isinstance(node, str):
            return node
        field = f"{kind}:{path}"
        if field.startswith("script:ratings."):
            field = "script:ratings.*"
        if field.startswith("script:independent."):
            field = "script:independent.*"
        if field in TRACED:
            self.planted[TRACED[field]] = (field, RULES[field])
            return node
        if field not in RULES:
            self.unknown.append(field)
            return node
        if RULES[field] == SKIP:
            return node
        if field in CONSISTENT:
            if node not in self.same:
                self.same[node] = self.marker(field)
            return self.same[node]
        planted = f"{node} {self.marker(field)}"
        if field in WORDS:
            self.words.setdefault(planted, f"es {node} {self.marker(field, spanish=True)}")
        if field in TRANSLATABLE:
            return {"en": planted, "es": f"es {node} {self.marker(field, spanish=True)}"}
        return planted


KINDS = {
    "portfolio.yml": "portfolio",
    "school.yml": "school",
    "focus.md": "focus",
    "team.yml": "team",
    "schedule.yml": "schedule",
    "debrief.md": "debrief",
    "actions.yml": "actions",
}


def plant(content: Path) -> Planter:
    planter = Planter()
    # group labels and room codes first, so the schedule reuses the team's and school's markers
    order = sorted(content.rglob("*"), key=lambda p: (p.name == "schedule.yml", str(p)))
    for path in order:
        if not path.is_file():
            continue
        rel = path.relative_to(content).as_posix()
        kind = (
            "framework"
            if rel.startswith("frameworks/")
            else ("script" if "/scripts/" in rel else "message" if "/messages/" in rel else KINDS.get(path.name))
        )
        assert kind is not None, f"no marker rule for the file kind of {rel}"
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".yml":
            data = planter.walk(kind, yaml.safe_load(text))
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            continue
        _, front, body = text.split("---\n", 2)
        planter.own = yaml.safe_load(front).get("audience", "public") if kind == "message" else "public"
        meta = planter.walk(kind, yaml.safe_load(front))
        if kind == "script":
            lines = []
            for line in body.split("\n"):
                if re.match(r"^[-*+] ", line):
                    line = f"{line} {planter.marker('script:evidence')}"
                elif line.strip():
                    line = f"{line} {planter.marker('script:narrative')}"
                lines.append(line)
            body = "\n".join(lines) + f"\n\nObserved seating {planter.marker('script:narrative')}\n"
        else:
            body = f"{body}\n\nMore {planter.marker(kind + ':body')}\n"
            if kind in ("focus", "debrief"):  # its body in Spanish too, in a sidecar
                (path.parent / f"{kind}.es.md").write_text(
                    f"---\n# en español\n---\nMás {planter.marker(kind + ':body', spanish=True)}\n", encoding="utf-8"
                )
        path.write_text(
            "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8"
        )
    catalogs = content / "catalogs"
    catalogs.mkdir()
    (catalogs / "es.yml").write_text(yaml.safe_dump({"words": planter.words}, allow_unicode=True), encoding="utf-8")
    add_independent(content, planter)
    return planter


def add_independent(content: Path, planter: Planter) -> None:
    """Give a rated script without observers two observers and their own levels (keyed by the team's
    planted roles, as the format requires), and plant them: the calibration page's mark."""
    for path in sorted(content.rglob("scripts/*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        if "observers" in meta or not meta.get("ratings"):
            continue
        team = yaml.safe_load((path.parent.parent / "team.yml").read_text(encoding="utf-8"))
        roles = [member["role"] for member in team["members"]][:2]
        levels = ("P", "D")
        meta["observers"] = roles
        meta["independent"] = {
            role: dict.fromkeys(meta["ratings"], level) for role, level in zip(roles, levels, strict=True)
        }
        planter.walk("script", {"independent": meta["independent"]})  # registers the calibration page's mark
        path.write_text(
            "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8"
        )
        return
    raise AssertionError("the marker fixture has no rated script without observers to add independent levels to")


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Planter, dict[str, dict[str, str]]]:
    project = make_project(tmp_path_factory.mktemp("markers"))
    planter = plant(project / "content")
    outputs: dict[str, dict[str, str]] = {}
    for audience in AUDIENCES:
        result = build_site(project, audience, site_dir=f"site-{audience}")
        assert result.returncode == 0, result.stdout + result.stderr
        # calendar lines are folded at 75 octets: unfold them, so a marker cut in two is found
        outputs[audience] = {
            name: text.replace("\r\n ", "").replace("\r\n\t", "") if name.endswith(".ics") else text
            for name, text in output_texts(project / f"site-{audience}").items()
        }
    return planter, outputs


def test_every_string_field_has_an_audience_rule(marked: tuple[Planter, Any]) -> None:
    planter, _ = marked
    assert not planter.unknown, f"fields without an audience rule: {sorted(set(planter.unknown))}"


def test_fixture_plants_every_free_text_field(marked: tuple[Planter, Any]) -> None:
    planter, _ = marked
    covered = {field for field, _ in planter.planted.values()}
    wanted = {f for f in ALL_FIELDS if RULES[f] != SKIP and f not in SHARED_RULE.values()}
    assert wanted <= covered, f"the marker fixture lacks fields: {sorted(wanted - covered)}"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_markers_reach_exactly_their_audiences(marked: tuple[Planter, Any], audience: str) -> None:
    planter, outputs = marked
    files = outputs[audience]
    level = AUDIENCES.index(audience)
    leaks, missing = [], []
    for marker, (field, lowest) in sorted(planter.planted.items()):
        allowed = level >= AUDIENCES.index(lowest)
        where = [name for name, text in files.items() if marker in text.lower()]
        # a Spanish text must reach the public's Spanish edition; staff and team sites stay in English
        # (their Spanish family letters show some)
        needed = marker not in planter.spanish or audience == "public"
        if allowed and needed and not where:
            missing.append(f"{field} ({marker})")
        if not allowed and where:
            leaks.append(f"{field} ({marker}) in {', '.join(where[:5])}")
    assert not leaks, f"{audience} build leaks: {leaks}"
    assert not missing, f"{audience} build does not show: {missing}"


def test_search_index_and_sitemaps_are_scanned(marked: tuple[Planter, Any]) -> None:
    _, outputs = marked
    for audience in AUDIENCES:
        names = set(outputs[audience])
        assert {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz"} <= names
    # every language's output: the public site's Spanish edition is scanned with it
    assert {"es/search/search_index.json", "es/sitemap.xml", "es/feed.xml", "es/calendar/upcoming.ics"} <= set(
        outputs["public"]
    )


def test_spanish_texts_are_planted_and_found(marked: tuple[Planter, Any]) -> None:
    """The Spanish markers are real: every translatable field has one, and each public one is in es/ only."""
    planter, outputs = marked
    fields = {planter.planted[m][0] for m in planter.spanish}
    assert TRANSLATABLE | WORDS | {"focus:body", "debrief:body"} <= fields, sorted((TRANSLATABLE | WORDS) - fields)
    public = outputs["public"]
    for marker in planter.spanish:
        field, lowest = planter.planted[marker]
        where = [name for name, text in public.items() if marker in text.lower()]
        if lowest == "public":
            assert any(name.startswith("es/") for name in where), (field, marker)


def test_calendars_and_feeds_are_scanned(marked: tuple[Planter, Any]) -> None:
    """Every audience has calendars and a feed, and they carry planted text, so the scan reads them."""
    planter, outputs = marked
    question = next(
        m for m, (field, _) in planter.planted.items() if field == "focus:question" and m not in planter.spanish
    )
    spanish = next(m for m in planter.spanish if planter.planted[m][0] == "focus:question")
    for audience in AUDIENCES:
        files = outputs[audience]
        calendars = [name for name in files if name.endswith(".ics")]
        assert "calendar/upcoming.ics" in calendars and "feed.xml" in files, audience
        cycle_calendars = [name for name in calendars if name.endswith("/walkthrough.ics")]
        assert cycle_calendars and all(
            (spanish if name.startswith("es/") else question) in files[name] for name in cycle_calendars
        ), audience
    assert "es/calendar/upcoming.ics" in outputs["public"] and "es/feed.xml" in outputs["public"]
    summary_title = next(
        m for m, (field, lowest) in planter.planted.items() if field == "message:title" and lowest == "staff"
    )
    assert summary_title in outputs["staff"]["feed.xml"]
    assert summary_title not in outputs["public"]["feed.xml"]


def test_the_content_reference_prints_the_audience_table() -> None:
    """The table users read is the table the build and this test use."""
    from helpers import ROOT

    reference = (ROOT / "docs" / "content-format.md").read_text(encoding="utf-8")
    assert audience_table.reference_table() in reference
