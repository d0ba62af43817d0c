"""Marker scan: every free-text field reaches exactly the audiences that may see it.

A unique marker is planted in every free-text field of every content file, the site is
built for all three audiences, and every output file (.gz decompressed) is searched. A
string field that has no rule below fails the test: a new field must be given an audience.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import make_project, mkdocs_build, output_texts

AUDIENCES = ("public", "staff", "team")
SKIP = "not free text"
OWN = "the message's own audience"  # messages/<kind>.md: its front matter's audience (default public)

# Lowest audience that may see each field (the content format's audience table).
RULES: dict[str, str] = {
    "portfolio:name": "public", "portfolio:contact": "public", "portfolio:description": "public",
    "portfolio:kind": SKIP, "portfolio:school_year_start": SKIP, "portfolio:language": SKIP,
    "portfolio:letter_languages[]": SKIP, "portfolio:timezone": SKIP,
    "portfolio:privacy.roster": SKIP, "portfolio:privacy.allow_words[]": SKIP,
    "framework:title": "public", "framework:levels[].label": "public",
    "framework:levels[].description": "public", "framework:levels[].id": SKIP,
    "framework:sections[].id": SKIP, "framework:sections[].title": "public",
    "framework:sections[].characteristics[].id": SKIP,
    "framework:sections[].characteristics[].title": "public",
    "framework:sections[].characteristics[].description": "public",
    "school:name": "public", "school:grades": "public", "school:description": "public",
    "school:rooms[].code": "team", "school:rooms[].grade": "team",
    "focus:question": "public", "focus:improvement_goal": "public", "focus:look_fors[]": "public",
    "focus:guiding_questions[]": "team", "focus:body": "public",
    "focus:framework": SKIP, "focus:characteristics[]": SKIP, "focus:status": SKIP,
    "team:members[].role": "public", "team:members[].name": "team", "team:members[].group": "team",
    "team:members[].brings[]": SKIP, "team:debrief": "team",
    "schedule:visits[].group": "team", "schedule:visits[].grade": "public",
    "schedule:visits[].subject": "public", "schedule:visits[].room": "team",
    "schedule:visits[].start": SKIP, "schedule:orientation.start": SKIP, "schedule:debrief.start": SKIP,
    "script:observers[]": "team", "script:wonderings[]": "staff", "script:evidence": "staff",
    "script:narrative": "team", "script:segment": SKIP, "script:ratings.*": SKIP,
    "debrief:patterns[].claim": "public", "debrief:patterns[].extent": SKIP,
    "debrief:patterns[].characteristic": SKIP, "debrief:strengths[].claim": "public",
    "debrief:strengths[].characteristic": SKIP, "debrief:wonderings[]": "staff",
    "debrief:prediction": "public", "debrief:quick_wins[]": "public", "debrief:message": "public",
    "debrief:reflection": "staff", "debrief:body": "staff",
    "actions:[].id": SKIP, "actions:[].action": "public", "actions:[].owner": "public",
    "actions:[].horizon": SKIP, "actions:[].status": SKIP, "actions:[].carries": SKIP,
    "actions:[].measure": "public", "actions:[].outcome": "public",
    "message:title": OWN, "message:body": OWN, "message:audience": SKIP,
}
# Values used as keys elsewhere are replaced whole and consistently (group labels, room codes).
CONSISTENT = {"team:members[].group", "schedule:visits[].group", "school:rooms[].code",
              "schedule:visits[].room"}
SHARED_RULE = {"team:members[].group": "schedule:visits[].group", "school:rooms[].code": "schedule:visits[].room"}


class Planter:
    def __init__(self) -> None:
        self.counter = itertools.count(1)
        self.planted: dict[str, tuple[str, str]] = {}  # marker -> (field, audience)
        self.unknown: list[str] = []
        self.same: dict[str, str] = {}
        self.own = "public"  # the audience of the message file being planted

    def marker(self, field: str) -> str:
        marker = f"zqmark{next(self.counter):04d}x"
        self.planted[marker] = (field, self.own if RULES[field] == OWN else RULES[field])
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
        if field not in RULES:
            self.unknown.append(field)
            return node
        if RULES[field] == SKIP:
            return node
        if field in CONSISTENT:
            if node not in self.same:
                self.same[node] = self.marker(field)
            return self.same[node]
        return f"{node} {self.marker(field)}"


KINDS = {"portfolio.yml": "portfolio", "school.yml": "school", "focus.md": "focus",
         "team.yml": "team", "schedule.yml": "schedule", "debrief.md": "debrief",
         "actions.yml": "actions"}


def plant(content: Path) -> Planter:
    planter = Planter()
    # group labels and room codes first, so the schedule reuses the team's and school's markers
    order = sorted(content.rglob("*"), key=lambda p: (p.name == "schedule.yml", str(p)))
    for path in order:
        if not path.is_file():
            continue
        rel = path.relative_to(content).as_posix()
        kind = "framework" if rel.startswith("frameworks/") else (
            "script" if "/scripts/" in rel else "message" if "/messages/" in rel else KINDS.get(path.name))
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
        path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
                        + "---\n" + body, encoding="utf-8")
    return planter


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Planter, dict[str, dict[str, str]]]:
    project = make_project(tmp_path_factory.mktemp("markers"))
    planter = plant(project / "content")
    outputs: dict[str, dict[str, str]] = {}
    for audience in AUDIENCES:
        result = mkdocs_build(project, audience, site_dir=f"site-{audience}")
        assert result.returncode == 0, result.stdout + result.stderr
        # calendar lines are folded at 75 octets: unfold them, so a marker cut in two is found
        outputs[audience] = {name: text.replace("\r\n ", "").replace("\r\n\t", "") if name.endswith(".ics")
                             else text for name, text in output_texts(project / f"site-{audience}").items()}
    return planter, outputs


def test_every_string_field_has_an_audience_rule(marked: tuple[Planter, Any]) -> None:
    planter, _ = marked
    assert not planter.unknown, f"fields without an audience rule: {sorted(set(planter.unknown))}"


def test_fixture_plants_every_free_text_field(marked: tuple[Planter, Any]) -> None:
    planter, _ = marked
    covered = {field for field, _ in planter.planted.values()}
    wanted = {f for f, rule in RULES.items() if rule != SKIP and f not in SHARED_RULE.values()}
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
        if allowed and not where:
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


def test_calendars_and_feeds_are_scanned(marked: tuple[Planter, Any]) -> None:
    """Every audience has calendars and a feed, and they carry planted text, so the scan reads them."""
    planter, outputs = marked
    question = next(m for m, (field, _) in planter.planted.items() if field == "focus:question")
    for audience in AUDIENCES:
        files = outputs[audience]
        calendars = [name for name in files if name.endswith(".ics")]
        assert "calendar/upcoming.ics" in calendars and "feed.xml" in files, audience
        cycle_calendars = [name for name in calendars if name.endswith("/walkthrough.ics")]
        assert cycle_calendars and all(question in files[name] for name in cycle_calendars), audience
    summary_title = next(m for m, (field, lowest) in planter.planted.items()
                         if field == "message:title" and lowest == "staff")
    assert summary_title in outputs["staff"]["feed.xml"]
    assert summary_title not in outputs["public"]["feed.xml"]
