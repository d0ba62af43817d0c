"""Load and validate a walkthrough portfolio folder into domain objects.

``load(content_dir)`` reads every file of the content format, checks every rule of the
format, and returns the published portfolio with all problems found (never raising for bad
content). Checks that depend on a file that failed to load are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import string
import zoneinfo
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import i18n
from .. import model as m
from ..errors import Problems
from ..model import Audience
from ..privacy import Roster, check_decoded_names, check_links, check_names, load_roster, mask_problems
from .fields import LEVEL_ID_RE, Reader, retype_hint
from .files import FILE, FOLDER, REFUSED, Tree, walk
from .source import (
    LList,
    LMap,
    MarkdownFile,
    SourceError,
    check_paragraphs,
    escaped_strings,
    parse_yaml,
    read_text,
    split_front_matter,
)

# names and ids: always fullmatch (a "$" would also match before a final line break), ASCII digits only
CYCLE_ID_RE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})-([a-z0-9][a-z0-9-]*)")
SCRIPT_RE = re.compile(r"visit-([0-9]+)\.md")
MESSAGE_RE = re.compile(r"(?P<kind>[a-z-]+)(?:\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]+)?))?\.md")
ITEM_RE = re.compile(r"^[-*+] (.*)$")
TAG_RE = re.compile(r"^\[([^\]\s]+)\] (.*)$", re.S)
CYCLE_FILES = ("focus.md", "team.yml", "schedule.yml", "scripts", "debrief.md", "actions.yml", "messages")
LANG_RE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)?")
TARGET_KEYS = ("characteristic", "at_least", "share", "by")  # a structured measure, rather than a text per language
# focus.<lang>.md, debrief.<lang>.md: a cycle's texts in another language of the site
SIDECAR_RE = re.compile(r"(?P<kind>focus|debrief)\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]+)?)\.md")
# the texts a sidecar may translate (its body translates the file's body)
SIDECAR_KEYS = {"focus": ("question", "improvement_goal", "look_fors"),
                "debrief": ("message", "prediction", "quick_wins", "patterns", "strengths")}


def by_language(**fields: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """{field: {lang: value}} turned into an object's translations, {lang: {field: value}}."""
    out: dict[str, dict[str, Any]] = {}
    for name, given in fields.items():
        for lang, value in given.items():
            out.setdefault(lang, {})[name] = value
    return out


@dataclass
class Loaded:
    """The result of loading: the published portfolio (None if unusable) and all problems."""

    portfolio: m.Portfolio | None
    problems: Problems
    files: list[Path] = field(default_factory=list)  # every content file read


class _Loader:
    def __init__(self, root: Path, project: Path | None = None) -> None:
        self.root = root
        self.problems = Problems()
        self.files: list[Path] = []
        self.privacy: m.Privacy | None = None
        self.carries_lines: dict[tuple[str, str], int] = {}  # (cycle id, action id) -> line of carries
        # the names and titles the portfolio itself uses (not ids): a roster name inside one is no hit
        self.known_names: list[str] = []
        self.texts: dict[Path, str | SourceError] = {}
        self.languages: tuple[str, ...] = ("en",)  # the portfolio's languages, the site's own first
        # every file and folder, links followed only within the project: what is loaded and scanned
        self.tree: Tree = walk(root, project)
        for shown, message in self.tree.refusals:
            self.problems.error(shown, 1, message)

    # the walked files -------------------------------------------------------------------
    def children(self, folder: Path) -> list[Path]:
        """The entries of a folder, without those the walk refused (it reported them)."""
        return [e.path for e in self.tree.children(folder) if e.kind != REFUSED]

    def is_file(self, path: Path) -> bool:
        return self.tree.kind(path) == FILE

    def is_dir(self, path: Path) -> bool:
        return self.tree.kind(path) == FOLDER

    def need(self, path: Path, kind: str, missing: str | None = None) -> bool:
        """True when ``path`` is a ``kind`` (FILE or FOLDER) to read. A folder where a file belongs,
        or the reverse, is an error; so is a missing one, when ``missing`` says why it is needed."""
        found = self.tree.kind(path)
        if found == kind:
            return True
        if found in (FILE, FOLDER):
            self.problems.error(
                self.rel(path), 1,
                f"{path.name} is a folder, but it must be a file: move what it holds and remove the folder"
                if found == FOLDER else f"{path.name} is a file, but it must be a folder: rename or remove it",
            )
        elif found is None and missing is not None:
            self.missing(path, missing)
        return False

    # helpers ----------------------------------------------------------------------------
    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def reader(self, path: Path) -> Reader:
        return Reader(self.problems, self.rel(path), self.languages)

    def stray(self, path: Path, where: str, allowed: str) -> None:
        kind = "folder" if self.is_dir(path) else "file"
        self.problems.error(
            self.rel(path), 1, f"{kind} '{path.name}' is not part of {where} (allowed: {allowed}): "
            "move, rename or remove it",
        )

    def missing(self, path: Path, what: str) -> None:
        self.problems.error(self.rel(path), 1, f"{path.name} is missing: {what}")

    def text(self, path: Path) -> str | None:
        """A walked content file's text, read once for the loader and the scan; None if unreadable."""
        if path not in self.texts:
            try:
                self.texts[path] = read_text(path)
            except SourceError as exc:
                self.texts[path] = exc
        found = self.texts[path]
        return found if isinstance(found, str) else None

    def read(self, path: Path) -> str:
        self.text(path)
        found = self.texts[path]
        if isinstance(found, SourceError):
            raise found
        return found

    def refuse_roster_copies(self, tree: Tree) -> None:
        """Refuse a link (or hard link) to the privacy roster in a walked folder."""
        privacy = self.privacy
        if privacy is None or not privacy.roster:
            return
        before = len(tree.refusals)
        tree.refuse_copies_of((self.root / privacy.roster).resolve(), (
            f"this is the privacy roster ({privacy.roster}) under another name (a link to it), and would "
            "be published: remove it"))
        for shown, message in tree.refusals[before:]:
            self.problems.error(shown, 1, message)

    def yaml_file(self, path: Path) -> Any:
        self.files.append(path)
        try:
            data = parse_yaml(self.read(path))
        except SourceError as exc:
            self.problems.error(self.rel(path), exc.line, exc.message)
            return None
        if data is None:
            self.problems.error(self.rel(path), 1, "the file is empty: fill it in")
        return data

    def md_file(self, path: Path, front_matter_required: bool = True) -> MarkdownFile | None:
        self.files.append(path)
        try:
            text = self.read(path)
            if not front_matter_required and not text.startswith("---\n"):
                empty = LMap()
                empty.line, empty.key_lines, empty.raw = 1, {}, {}
                check_paragraphs(text, 1)
                return MarkdownFile(meta=empty, meta_line=1, body=text, body_line=1)
            return split_front_matter(text)
        except SourceError as exc:
            self.problems.error(self.rel(path), exc.line, exc.message)
            return None

    # portfolio --------------------------------------------------------------------------
    def load(self) -> m.Portfolio | None:
        if not self.root.is_dir():
            self.problems.error(".", 1, f"content folder {self.root} does not exist: check content_dir")
            return None
        for child in self.children(self.root):
            if child.name not in ("portfolio.yml", "frameworks", "schools", "catalogs"):
                self.stray(child, "the content folder", "portfolio.yml, frameworks/, schools/, catalogs/")
        portfolio = self.portfolio(self.root / "portfolio.yml")
        catalogs = self.catalogs(self.root / "catalogs")
        frameworks = self.frameworks(self.root / "frameworks")
        schools = self.schools(self.root / "schools", portfolio, frameworks)
        if portfolio is None:
            return None
        return m.Portfolio(
            **{**portfolio, "frameworks": tuple(frameworks.values()), "schools": tuple(schools), "catalogs": catalogs}
        )

    def portfolio(self, path: Path) -> dict[str, Any] | None:
        if not self.need(path, FILE, "every portfolio needs portfolio.yml with at least its name"):
            return None
        data = self.yaml_file(path)
        r = self.reader(path)
        doc = r.mapping(data, 1, "portfolio.yml") if data is not None else None
        if doc is None:
            return None
        r.keys(
            doc,
            ("name", "kind", "contact", "description", "school_year_start", "language", "languages",
             "letter_languages", "timezone", "privacy"),
            ("name",),
        )
        language, languages = self.portfolio_languages(r, doc)
        self.languages = languages
        r.languages = languages
        name, name_tr = r.translated(doc, "name", required=True)
        self.known_names += [name or "", *name_tr.values()]
        description, description_tr = r.translated(doc, "description")
        kind = r.choice(doc, "kind", ("district", "school")) or "school"
        start = (8, 1)
        if "school_year_start" in doc:
            raw = r.text(doc, "school_year_start")
            parsed = _month_day(raw) if raw else None
            if raw and parsed is None:
                r.error(r.line(doc, "school_year_start"),
                        f"school_year_start '{raw}' must be a real month-day \"MM-DD\" (not 02-29)")
            start = parsed or start
        timezone = r.text(doc, "timezone")
        if timezone is not None:
            try:
                zoneinfo.ZoneInfo(timezone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder such as America
                r.error(r.line(doc, "timezone"),
                        f"timezone '{timezone}' is not an IANA time zone name such as America/New_York")
                timezone = None
        privacy = m.Privacy()
        self.privacy = privacy
        if "privacy" in doc:
            p = r.mapping(doc["privacy"], r.line(doc, "privacy"), "privacy")
            if p is not None:
                r.keys(p, ("roster", "min_group", "publish_team_names", "public_school_comparison",
                           "allow_words"), what="privacy")
                roster = r.text(p, "roster")
                if roster is not None:
                    roster_path = (self.root / roster).resolve()
                    if roster_path.is_relative_to(self.root.resolve()):
                        r.error(r.line(p, "roster"),
                                "privacy.roster must lie outside the content folder, which is published: "
                                "move the roster file out of it")
                        roster = None
                    elif not roster_path.is_file():
                        r.error(r.line(p, "roster"),
                                f"privacy.roster file {roster} does not exist: create it or fix the path")
                        roster = None
                privacy = m.Privacy(
                    roster=roster,
                    min_group=r.integer(p, "min_group", 1) or 3,
                    publish_team_names=r.boolean(p, "publish_team_names", False),
                    public_school_comparison=r.boolean(p, "public_school_comparison", False),
                    allow_words=r.text_list(p, "allow_words"),
                )
                self.privacy = privacy
                self.refuse_roster_copies(self.tree)
        if name is None:
            return None
        return {
            "name": name, "kind": kind, "contact": r.text(doc, "contact"),
            "description": description, "school_year_start": start,
            "language": language, "languages": languages, "timezone": timezone,
            "privacy": privacy, "translations": by_language(name=name_tr, description=description_tr),
        }

    def portfolio_languages(self, r: Reader, doc: LMap) -> tuple[str, tuple[str, ...]]:
        """The site's own language and every language of the site (its own first).

        ``letter_languages`` is the old name of ``languages``. Every language needs a catalog:
        lwsite's (``lwsite/i18n/<lang>.yml``) or the portfolio's own (``catalogs/<lang>.yml``).
        """
        language = r.text(doc, "language") or "en"
        if not LANG_RE.fullmatch(language):
            r.error(r.line(doc, "language"), f"language '{language}' must be a language code such as en, es or pt-BR")
            language = "en"
        key = "letter_languages" if "letter_languages" in doc and "languages" not in doc else "languages"
        if "letter_languages" in doc and "languages" in doc:
            r.error(r.line(doc, "letter_languages"), "write the site's languages once, as 'languages' "
                    "('letter_languages' is its old name): remove 'letter_languages'")
        found: list[tuple[str, int]] = [(language, r.line(doc, "language"))]
        items = r.list(doc, key)
        for i, item in enumerate(items):
            line = items.item_lines[i]
            if not isinstance(item, str) or not LANG_RE.fullmatch(item):
                r.error(line, f"{key}: {items.raw[i] or item!r} is not a language code such as en, es or pt-BR "
                        "(quote a code YAML reads as something else, such as \"no\")")
            elif item in (f for f, _ in found[1:]):
                r.error(line, f"{key}: '{item}' is listed twice")
            elif item != language:
                found.append((item, line))
        own = self.catalog_files()
        for lang, line in found:
            if lang not in i18n.available() and lang not in own:
                r.error(line, f"lwsite has no catalog of its words in '{lang}' (it has {', '.join(i18n.available())}): "
                        f"add catalogs/{lang}.yml to the content folder with every text of lwsite's "
                        f"i18n/en.yml translated, or remove '{lang}'")
        return language, tuple(lang for lang, _ in found)

    def catalog_files(self) -> dict[str, Path]:
        folder = self.root / "catalogs"
        if not self.is_dir(folder):
            return {}
        return {p.stem: p for p in self.children(folder) if p.suffix == ".yml" and self.is_file(p)}

    # the portfolio's own catalogs ------------------------------------------------------
    def catalogs(self, folder: Path) -> dict[str, Mapping[str, Any]]:
        """catalogs/<lang>.yml: the portfolio's own words for a language, over lwsite's (or all of
        them, for a language lwsite has no catalog of)."""
        out: dict[str, Mapping[str, Any]] = {}
        if self.tree.kind(folder) is None or not self.need(folder, FOLDER):
            return out
        english = i18n.table("en")
        for path in self.children(folder):
            if path.suffix != ".yml" or not self.is_file(path):
                self.stray(path, "catalogs/", "<language>.yml files, such as fr.yml")
                continue
            lang = path.stem
            r = self.reader(path)
            if lang not in self.languages:
                r.error(1, f"this is a catalog for '{lang}', which is not one of the portfolio's languages "
                        f"({', '.join(self.languages)}): add it to languages in portfolio.yml, or remove this file")
                continue
            data = self.yaml_file(path)
            doc = r.mapping(data, 1, "a catalog") if data is not None else None
            if doc is None:
                continue
            given = self.catalog_texts(r, doc, english, "")
            if lang not in i18n.available():
                missing = [k for k, _ in i18n.texts(english) if k not in given]
                if missing:
                    r.error(1, f"{len(missing)} of lwsite's {len(list(i18n.texts(english)))} texts are missing "
                            f"(the first: {', '.join(missing[:3])}): lwsite has no catalog of its own in '{lang}', "
                            "so this one must give every text of lwsite's i18n/en.yml")
            if r.ok:
                out[lang] = doc
        return out

    def catalog_words(self, r: Reader, value: Any, line: int) -> None:
        """words: the short texts records repeat (roles, owners, subjects), each with its translation."""
        words = r.mapping(value, line, "words (each repeated text, then its translation)")
        for word in words or {}:
            if not isinstance(words[word], str) or not words[word].strip():  # type: ignore[index]
                r.error(r.line(words, word), f"words: '{word}' needs its translation, as text")  # type: ignore[arg-type]

    def catalog_texts(self, r: Reader, doc: LMap, english: Any, prefix: str) -> set[str]:
        """Check a catalog's texts against lwsite's English one; the keys it gives."""
        given: set[str] = set()
        for k, value in doc.items():
            key = f"{prefix}.{k}" if prefix else str(k)
            line = r.line(doc, k)
            if key == "words":
                self.catalog_words(r, value, line)
                continue
            base = english.get(k) if isinstance(english, Mapping) else None
            if base is None:
                r.error(line, f"'{key}' is not a text lwsite writes: check it against lwsite's i18n/en.yml")
                continue
            if isinstance(base, Mapping) and not i18n.is_plural(base):
                if isinstance(value, LMap):
                    given |= self.catalog_texts(r, value, base, key)
                else:
                    r.error(line, f"'{key}' holds texts ({', '.join(base)}): indent them below it")
                continue
            forms = base if isinstance(base, Mapping) else None
            if forms is not None and not (isinstance(value, Mapping) and "other" in value and all(
                    f in i18n.PLURAL_FORMS and isinstance(v, str) for f, v in value.items())):
                r.error(line, f"'{key}' needs its plural forms (one: ..., other: ...)")
                continue
            if isinstance(base, list) and not (isinstance(value, list) and len(value) == len(base)
                                               and all(isinstance(v, str) and v.strip() for v in value)):
                r.error(line, f"'{key}' must be a list of {len(base)} texts, as in lwsite's catalog")
                continue
            if isinstance(base, str) and not (isinstance(value, str) and value.strip()):
                r.error(line, f"'{key}' must be a text")
                continue
            if placeholders(value) != placeholders(base):
                wanted = ", ".join("{" + n + "}" for n in sorted(placeholders(base))) or "none"
                r.error(line, f"'{key}' must use the placeholders of lwsite's text ({wanted}), each in braces")
                continue
            given.add(key)
        return given

    # frameworks -------------------------------------------------------------------------
    def frameworks(self, folder: Path) -> dict[str, m.Framework]:
        found: dict[str, m.Framework] = {}
        if self.tree.kind(folder) is None:
            self.problems.error("frameworks", 1, "the frameworks/ folder is missing: add at least one framework")
        if not self.need(folder, FOLDER):
            return found
        for path in self.children(folder):
            if path.suffix != ".yml" or not self.is_file(path):
                self.stray(path, "frameworks/", "<framework-id>.yml files")
                continue
            r = self.reader(path)
            if not r.check_id(path.stem, 1, "framework id"):
                continue
            fw = self.framework(path, r)
            if fw is not None:
                found[fw.id] = fw
        return found

    def framework(self, path: Path, r: Reader) -> m.Framework | None:
        data = self.yaml_file(path)
        doc = r.mapping(data, 1, "a framework") if data is not None else None
        if doc is None:
            return None
        r.keys(doc, ("title", "levels", "sections"), ("title", "levels", "sections"))
        levels: list[m.Level] = []
        items = r.list(doc, "levels")
        if "levels" in doc and not 2 <= len(items) <= 7:
            r.error(r.line(doc, "levels"), f"a framework needs 2 to 7 levels, not {len(items)}")
        for i, item in enumerate(items):
            lv = r.mapping(item, items.item_lines[i], "a level")
            if lv is None or not r.keys(lv, ("id", "label", "description"), ("id", "label"), "a level"):
                continue
            lid = r.text(lv, "id", True)
            label, label_tr = r.translated(lv, "label", True)
            ldesc, ldesc_tr = r.translated(lv, "description")
            if lid is not None and not LEVEL_ID_RE.fullmatch(lid):
                r.error(r.line(lv, "id"), f"level id '{lid}' must be letters, digits and hyphens (at most 16)")
                continue
            if lid is not None and any(x.id == lid for x in levels):
                r.error(r.line(lv, "id"), f"level id '{lid}' is used twice: make level ids unique")
                continue
            if lid and label:
                levels.append(m.Level(lid, label, ldesc, by_language(label=label_tr, description=ldesc_tr)))
                self.known_names += [label, *label_tr.values()]
        sections: list[m.Section] = []
        seen: set[str] = set()
        items = r.list(doc, "sections")
        for i, item in enumerate(items):
            sec = r.mapping(item, items.item_lines[i], "a section")
            if sec is None or not r.keys(sec, ("id", "title", "characteristics"),
                                         ("id", "title", "characteristics"), "a section"):
                continue
            sid = r.ident(sec, "id", True, "section id")
            title, title_tr = r.translated(sec, "title", True)
            if sid in seen:
                r.error(r.line(sec, "id"), f"section id '{sid}' is used twice: make it unique")
            chars: list[m.Characteristic] = []
            citems = r.list(sec, "characteristics")
            for j, citem in enumerate(citems):
                ch = r.mapping(citem, citems.item_lines[j], "a characteristic")
                if ch is None or not r.keys(ch, ("id", "title", "description"), ("id", "title"),
                                            "a characteristic"):
                    continue
                cid = r.ident(ch, "id", True, "characteristic id")
                ctitle, ctitle_tr = r.translated(ch, "title", True)
                cdesc, cdesc_tr = r.translated(ch, "description")
                if cid is not None and cid in seen:
                    r.error(r.line(ch, "id"), f"characteristic id '{cid}' is used twice: make it unique")
                    continue
                self.known_names += [ctitle or "", *ctitle_tr.values()]
                if cid and ctitle and sid:
                    seen.add(cid)
                    chars.append(m.Characteristic(cid, ctitle, sid, cdesc,
                                                  by_language(title=ctitle_tr, description=cdesc_tr)))
            self.known_names += [title or "", *title_tr.values()]
            if sid and title:
                seen.add(sid)
                sections.append(m.Section(sid, title, tuple(chars), by_language(title=title_tr)))
        title, title_tr = r.translated(doc, "title", True)
        self.known_names += [title or "", *title_tr.values()]
        if not r.ok or title is None:
            return None
        return m.Framework(path.stem, title, tuple(levels), tuple(sections), by_language(title=title_tr))

    # schools ----------------------------------------------------------------------------
    def schools(
        self, folder: Path, portfolio: dict[str, Any] | None, frameworks: dict[str, m.Framework]
    ) -> list[m.School]:
        out: list[m.School] = []
        if self.tree.kind(folder) is None:
            self.problems.error("schools", 1, "the schools/ folder is missing: add at least one school")
        if not self.need(folder, FOLDER):
            return out
        start = portfolio["school_year_start"] if portfolio else (8, 1)
        for path in self.children(folder):
            r = self.reader(path)
            if not self.is_dir(path):
                self.stray(path, "schools/", "one folder per school")
                continue
            if not r.check_id(path.name, 1, "school id (the folder name)"):
                continue
            school = self.school(path, start, frameworks)
            if school is not None:
                out.append(school)
        self.check_carries(out)
        return out

    def school(
        self, folder: Path, start: tuple[int, int], frameworks: dict[str, m.Framework]
    ) -> m.School | None:
        for child in self.children(folder):
            if child.name not in ("school.yml", "cycles"):
                self.stray(child, "a school folder", "school.yml, cycles/")
        path = folder / "school.yml"
        if not self.need(path, FILE, "every school folder needs school.yml with the school's name"):
            return None
        r = self.reader(path)
        data = self.yaml_file(path)
        doc = r.mapping(data, 1, "school.yml") if data is not None else None
        if doc is None:
            return None
        r.keys(doc, ("name", "grades", "classrooms", "rooms", "description"), ("name",))
        rooms: list[m.Room] = []
        items = r.list(doc, "rooms")
        for i, item in enumerate(items):
            room = r.mapping(item, items.item_lines[i], "a room")
            if room is None or not r.keys(room, ("code", "grade"), ("code",), "a room"):
                continue
            code = r.text(room, "code", True)
            if code is not None and any(x.code == code for x in rooms):
                r.error(r.line(room, "code"), f"room code '{code}' is listed twice")
                continue
            if code:
                rooms.append(m.Room(code, r.text(room, "grade")))
        classrooms = r.integer(doc, "classrooms", 1)
        name, name_tr = r.translated(doc, "name", True)
        description, description_tr = r.translated(doc, "description")
        self.known_names += [name or "", *name_tr.values()]
        school_ok = r.ok
        cycles = self.cycles(folder / "cycles", folder.name, start, frameworks, tuple(rooms))
        if not school_ok or name is None:
            return None
        return m.School(
            id=folder.name, name=name, path=self.rel(folder), grades=r.text(doc, "grades"),
            classrooms=classrooms if classrooms is not None else (len(rooms) or None),
            rooms=tuple(rooms), description=description,
            cycles=tuple(sorted(cycles, key=lambda c: (c.date, c.id))),
            translations=by_language(name=name_tr, description=description_tr),
        )

    # cycles -----------------------------------------------------------------------------
    def cycles(
        self, folder: Path, school: str, start: tuple[int, int],
        frameworks: dict[str, m.Framework], rooms: tuple[m.Room, ...],
    ) -> list[m.Cycle]:
        out: list[m.Cycle] = []
        self.drafts.setdefault(school, {})
        self.published_actions.setdefault(school, {})
        if not self.need(folder, FOLDER):
            return out
        for path in self.children(folder):
            if not self.is_dir(path):
                self.stray(path, "cycles/", "one folder per cycle, named YYYY-MM-DD-slug")
                continue
            match = CYCLE_ID_RE.fullmatch(path.name)
            day = _iso_date(match.group(1)) if match else None
            if match is None or day is None or len(path.name) > 64:
                self.problems.error(
                    self.rel(path), 1,
                    f"cycle folder '{path.name}' must be named YYYY-MM-DD-slug with a real date "
                    "(the walkthrough day) and a lowercase slug",
                )
                continue
            cycle = self.cycle(path, school, day, match.group(2), start, frameworks, rooms)
            if cycle is not None:
                out.append(cycle)
        return out

    drafts: dict[str, dict[str, m.ActionStep]]
    published_actions: dict[str, dict[str, m.ActionStep]]

    def cycle(
        self, folder: Path, school: str, day: dt.date, slug: str, start: tuple[int, int],
        frameworks: dict[str, m.Framework], rooms: tuple[m.Room, ...],
    ) -> m.Cycle | None:
        cid = folder.name
        for child in self.children(folder):
            if child.name not in CYCLE_FILES and not SIDECAR_RE.fullmatch(child.name):
                self.stray(child, "a cycle folder", ", ".join(CYCLE_FILES) + ", focus.<lang>.md, debrief.<lang>.md")
        focus_path = folder / "focus.md"
        if not self.need(focus_path, FILE, "every cycle needs focus.md with its Focus of Inquiry"):
            return None
        focus = self.focus(focus_path, frameworks)
        if focus is not None:
            focus = self.sidecars(folder, "focus", focus)
        draft = focus is not None and focus.status == "draft"
        fw = frameworks.get(focus.framework) if focus else None
        lens = focus.characteristics if focus else None
        team = self.team(folder / "team.yml", required=not draft)
        schedule = self.schedule(folder / "schedule.yml", day, team, rooms, required=not draft)
        scripts = self.scripts(folder / "scripts", schedule, team, fw, lens)
        debrief = self.debrief(folder / "debrief.md", schedule, lens)
        if debrief is not None:
            debrief = self.sidecars(folder, "debrief", debrief)
        actions = self.actions(folder / "actions.yml", cid, fw)
        messages = self.messages(folder / "messages")
        bucket = self.drafts[school] if draft else self.published_actions[school]
        for a in actions:
            bucket[a.key] = a
        self.cycle_actions.append((school, draft, actions, self.rel(folder / "actions.yml")))
        if draft or focus is None or team is None or schedule is None:
            return None
        return m.Cycle(
            id=cid, school=school, date=day, slug=slug, school_year=m.school_year_of(day, start),
            path=self.rel(folder), focus=focus, team=team, schedule=schedule,
            outline=outline_of(schedule, len(scripts)), scripts=scripts, debrief=debrief, actions=actions,
            messages=messages, rooms=tuple(sorted({v.room for v in schedule.visits if v.room})),
        )

    cycle_actions: list[tuple[str, bool, tuple[m.ActionStep, ...], str]]

    def focus(self, path: Path, frameworks: dict[str, m.Framework]) -> m.Focus | None:
        md = self.md_file(path)
        if md is None:
            return None
        r, doc = self.reader(path), md.meta
        r.keys(doc, ("question", "framework", "characteristics", "improvement_goal", "look_fors",
                     "guiding_questions", "status"), ("question", "framework", "characteristics"))
        question, question_tr = r.translated(doc, "question", True)
        goal, goal_tr = r.translated(doc, "improvement_goal")
        look_fors, look_fors_tr = r.translated_list(doc, "look_fors")
        fid = r.text(doc, "framework", True)
        lens = r.text_list(doc, "characteristics", True)
        if "characteristics" in doc and not lens and r.ok:
            r.error(r.line(doc, "characteristics"), "the lens needs at least one characteristic id")
        fw = frameworks.get(fid) if fid else None
        if fid is not None and not r.check_id(fid, r.line(doc, "framework"), "framework id"):
            fid = None
        elif fid is not None and fw is None and not self.is_file(self.root / "frameworks" / f"{fid}.yml"):
            r.error(r.line(doc, "framework"),
                    f"framework '{fid}' does not exist: add frameworks/{fid}.yml or fix the id")
        if fw is not None:
            items = doc.get("characteristics")
            lines = items.item_lines if isinstance(items, LList) else []
            for i, cid in enumerate(lens):
                if fw.characteristic(cid) is None:
                    r.error(lines[i] if i < len(lines) else r.line(doc, "characteristics"),
                            f"characteristic '{cid}' is not in framework '{fw.id}': use one of "
                            + ", ".join(c.id for c in fw.characteristics))
        if len(set(lens)) != len(lens):
            r.error(r.line(doc, "characteristics"), "a characteristic is listed twice in the lens")
        status = r.choice(doc, "status", m.CYCLE_STATUSES) or "published"
        guiding = r.text_list(doc, "guiding_questions") or m.DEFAULT_GUIDING_QUESTIONS
        if not r.ok or question is None or fid is None:
            return None
        return m.Focus(
            question=question, framework=fid, characteristics=lens,
            improvement_goal=goal, look_fors=look_fors,
            guiding_questions=guiding, status=status, narrative=md.body.strip() or None,
            translations=by_language(question=question_tr, improvement_goal=goal_tr, look_fors=look_fors_tr),
        )

    # a cycle's texts in other languages ------------------------------------------------
    def sidecars(self, folder: Path, kind: str, found: Any) -> Any:
        """``found`` (a Focus or a Debrief) with the translations of its ``<kind>.<lang>.md`` files.

        A sidecar holds the translated texts of its file (its front matter) and of its body
        (below it); a list (look-fors, quick wins, patterns, strengths) has one translation per
        item, in the same order.
        """
        for path in self.children(folder):
            match = SIDECAR_RE.fullmatch(path.name)
            if match is None or match.group("kind") != kind or not self.is_file(path):
                continue
            lang, r = match.group("lang"), self.reader(path)
            md = self.md_file(path)
            if md is None:
                continue
            if lang == self.languages[0]:
                r.error(1, f"{path.name} would hold the site's own language ({lang}): write these texts in {kind}.md")
                continue
            if lang not in self.languages:
                r.error(1, f"'{lang}' is not one of the portfolio's languages ({', '.join(self.languages)}): add it to "
                        "languages in portfolio.yml, or remove this file")
                continue
            found = self.sidecar(r, md, kind, lang, found)
        return found

    def sidecar(self, r: Reader, md: MarkdownFile, kind: str, lang: str, found: Any) -> Any:
        doc = md.meta
        r.keys(doc, SIDECAR_KEYS[kind], what=f"a translation ({kind}.{lang}.md translates the texts of {kind}.md)")
        given: dict[str, Any] = dict(found.translations.get(lang, {}))
        claims: dict[str, tuple[m.Claim, ...]] = {}
        for key in SIDECAR_KEYS[kind]:
            if key not in doc:
                continue
            line = r.line(doc, key)
            original = getattr(found, key)
            if key in ("look_fors", "quick_wins", "patterns", "strengths"):
                items = r.text_list(doc, key)
                if len(items) != len(original):
                    r.error(line, f"'{key}' has {len(items)} item(s) and {kind}.md has {len(original)}: translate "
                            "each item, in the same order")
                    continue
                if key in ("patterns", "strengths"):
                    if any(c.translations.get(lang) for c in original):
                        r.error(line, f"'{key}' is also translated in {kind}.md (claim: {{{lang}: ...}}): keep one")
                        continue
                    claims[key] = tuple(replace(c, translations={**c.translations, lang: {"claim": text}})
                                        for c, text in zip(original, items, strict=True))
                    continue
                value: Any = items
            else:
                value = r.text(doc, key)
                if value is None:
                    continue
                if original is None:
                    r.error(line, f"'{key}' translates nothing: {kind}.md has no '{key}'")
                    continue
            if key in given:
                r.error(line, f"'{key}' is also given in '{lang}' in {kind}.md: keep one of them")
                continue
            given[key] = value
        body = md.body.strip()
        if body and found.narrative is None:
            r.error(md.body_line, f"{kind}.md has no text below its front matter: this text translates nothing")
        elif body:
            given["narrative"] = body
        if not r.ok:
            return found
        return replace(found, translations={**found.translations, lang: given}, **claims)

    def team(self, path: Path, required: bool) -> m.Team | None:
        if not self.need(path, FILE,
                         "every published cycle needs team.yml with the team's roles" if required else None):
            return None
        r = self.reader(path)
        data = self.yaml_file(path)
        doc = r.mapping(data, 1, "team.yml") if data is not None else None
        if doc is None:
            return None
        r.keys(doc, ("hall_work", "debrief", "members"), ("members",))
        members: list[m.TeamMember] = []
        items = r.list(doc, "members", True)
        if "members" in doc and not items and r.ok:
            r.error(r.line(doc, "members"), "the team needs at least one member")
        for i, item in enumerate(items):
            mem = r.mapping(item, items.item_lines[i], "a team member")
            if mem is None or not r.keys(mem, ("role", "name", "group", "brings"), ("role",), "a team member"):
                continue
            role = r.text(mem, "role", True)
            brings = r.text_list(mem, "brings")
            for b in brings:
                if b not in m.BRINGS:
                    r.error(r.line(mem, "brings"), f"'brings' may list {', '.join(m.BRINGS)}, not '{b}'")
            if role:
                members.append(m.TeamMember(role, r.text(mem, "name"), r.text(mem, "group"), brings))
        hall_work = r.integer(doc, "hall_work", 1, 3)
        if not r.ok:
            return None
        return m.Team(tuple(members), hall_work, r.text(doc, "debrief"))

    def schedule(
        self, path: Path, day: dt.date, team: m.Team | None, rooms: tuple[m.Room, ...], required: bool
    ) -> m.Schedule | None:
        if not self.need(path, FILE,
                         "every published cycle needs schedule.yml with the day's visits" if required else None):
            return None
        r = self.reader(path)
        data = self.yaml_file(path)
        doc = r.mapping(data, 1, "schedule.yml") if data is not None else None
        if doc is None:
            return None
        r.keys(doc, ("date", "orientation", "visits", "debrief"), ("date", "visits"))
        date = r.date(doc, "date", True)
        if date is not None and date != day:
            r.error(r.line(doc, "date"),
                    f"date {date} does not match the cycle folder's date {day}: make them equal")
        orientation = self.block(r, doc, "orientation")
        debrief = self.block(r, doc, "debrief")
        visits: list[m.ScheduledVisit] = []
        lines: dict[int, int] = {}
        items = r.list(doc, "visits", True)
        if "visits" in doc and not items and r.ok:
            r.error(r.line(doc, "visits"), "the schedule needs at least one visit")
        groups = {mem.group for mem in team.members} if team else None
        codes = {room.code for room in rooms}
        for i, item in enumerate(items):
            v = r.mapping(item, items.item_lines[i], "a visit")
            if v is None or not r.keys(v, ("visit", "start", "minutes", "group", "grade", "subject", "room"),
                                       ("visit", "start", "minutes"), "a visit"):
                continue
            num = r.integer(v, "visit", 1)
            start = r.time(v, "start", True)
            minutes = r.integer(v, "minutes", 1, 90, True)
            group, room = r.text(v, "group"), r.text(v, "room")
            grade, subject = r.text(v, "grade"), r.text(v, "subject")
            if num is not None and num in lines:
                r.error(v.line, f"visit {num} is listed twice (first on line {lines[num]}): number visits uniquely")
                continue
            if group is not None and groups is not None and group not in groups:
                r.error(r.line(v, "group"),
                        f"group '{group}' has no member in team.yml: give a member 'group: {group}'")
            if room is not None and codes and room not in codes:
                r.error(r.line(v, "room"), f"room '{room}' is not one of the school's rooms ("
                        + ", ".join(sorted(codes)) + "): use one of them or add it to school.yml")
            if num is None or start is None or minutes is None:
                continue
            block = m.TimeBlock(start, minutes)
            if start.hour * 60 + start.minute + minutes > 24 * 60:
                r.error(r.line(v, "minutes"), f"visit {num} runs past midnight: shorten it")
                continue
            lines[num] = v.line
            visits.append(m.ScheduledVisit(num, block, group, grade, subject, room))
        by_group: dict[str | None, list[m.ScheduledVisit]] = {}
        for sv in visits:
            by_group.setdefault(sv.group, []).append(sv)
        for group, runs in by_group.items():
            runs.sort(key=lambda sv: (sv.block.start, sv.number))
            for prev, cur in zip(runs, runs[1:], strict=False):
                if _minutes(cur.block.start) < _minutes(prev.block.start) + prev.block.minutes:
                    who = f"group {group}" if group else "visits without a group"
                    r.error(lines[cur.number],
                            f"visit {cur.number} ({_hm(cur.block.start)}) overlaps visit {prev.number} "
                            f"({_hm(prev.block.start)}-{_hm(prev.block.end)}) of {who}: one group "
                            "visits one room at a time")
        if not r.ok or date is None:
            return None
        return m.Schedule(date, orientation, tuple(sorted(visits, key=lambda sv: sv.number)), debrief)

    def block(self, r: Reader, doc: LMap, key: str) -> m.TimeBlock | None:
        if key not in doc:
            return None
        b = r.mapping(doc[key], r.line(doc, key), key)
        if b is None or not r.keys(b, ("start", "minutes"), ("start", "minutes"), key):
            return None
        start, minutes = r.time(b, "start", True), r.integer(b, "minutes", 1, 600, True)
        if start is None or minutes is None:
            return None
        if _minutes(start) + minutes > 24 * 60:
            r.error(r.line(b, "minutes"), f"the {key} runs past midnight ({_hm(start)} and {minutes} minutes): "
                    "shorten it, or start it earlier")
            return None
        return m.TimeBlock(start, minutes)

    def scripts(
        self, folder: Path, schedule: m.Schedule | None, team: m.Team | None,
        fw: m.Framework | None, lens: tuple[str, ...] | None,
    ) -> tuple[m.Script, ...]:
        if not self.need(folder, FOLDER):
            return ()
        out: list[m.Script] = []
        seen: dict[int, str] = {}
        for path in self.children(folder):
            match = SCRIPT_RE.fullmatch(path.name)
            if not match or not self.is_file(path):
                self.stray(path, "scripts/", "visit-N.md files (visit-4.md for visit 4)")
                continue
            script = self.script(path, int(match.group(1)), schedule, team, fw, lens)
            if script is None:
                continue
            if script.visit in seen:
                self.problems.error(self.rel(path), 1,
                                    f"visit {script.visit} already has a script ({seen[script.visit]}): "
                                    "keep one script per visit")
                continue
            seen[script.visit] = path.name
            out.append(script)
        return tuple(sorted(out, key=lambda s: s.visit))

    def script(
        self, path: Path, file_num: int, schedule: m.Schedule | None, team: m.Team | None,
        fw: m.Framework | None, lens: tuple[str, ...] | None,
    ) -> m.Script | None:
        md = self.md_file(path)
        if md is None:
            return None
        r, doc = self.reader(path), md.meta
        r.keys(doc, ("visit", "observers", "segment", "ratings", "independent", "wonderings"), ("visit",))
        num = r.integer(doc, "visit", 1, required=True)
        if num is not None and num != file_num:
            r.error(r.line(doc, "visit"), f"visit {num} does not match the file name's number {file_num}: "
                    "make them equal")
        if num is not None and schedule is not None and schedule.visit(num) is None:
            r.error(r.line(doc, "visit"), f"visit {num} is not in schedule.yml: add it there or fix the number")
        ratings: list[m.Rating] = []
        if "ratings" in doc:
            rmap = r.mapping(doc["ratings"], r.line(doc, "ratings"), "ratings")
            if team is not None and team.hall_work != 3:
                r.error(r.line(doc, "ratings"), "ratings are allowed only when team.yml has hall_work: 3 "
                        "(consensus on the continuum): remove them or change hall_work")
            elif rmap is not None:
                for cid, level in rmap.items():
                    line = r.line(rmap, cid)
                    if lens is not None and cid not in lens:
                        r.error(line, f"rating of '{cid}', which is not in this cycle's lens ("
                                + ", ".join(lens) + "): rate only lens characteristics")
                        continue
                    if not isinstance(level, str):
                        r.error(line, retype_hint(cid, level, rmap.raw.get(cid)))
                        continue
                    if fw is not None and fw.level(level) is None:
                        r.error(line, f"level '{level}' is not a level of framework '{fw.id}': use one of "
                                + ", ".join(lv.id for lv in fw.levels))
                        continue
                    if num is not None:
                        ratings.append(m.Rating(num, cid, level))
        segment = r.choice(doc, "segment", m.SEGMENTS)
        observers = r.text_list(doc, "observers")
        independent = self.independent(r, doc, observers, num, team, fw, lens) if "independent" in doc else ()
        wonderings = r.text_list(doc, "wonderings")
        evidence, narrative = self.evidence(md, r, num or file_num, lens)
        if not r.ok or num is None:
            return None
        return m.Script(num, self.rel(path), evidence, observers, segment, tuple(ratings), wonderings,
                        narrative, independent)

    def independent(
        self, r: Reader, doc: LMap, observers: tuple[str, ...], num: int | None, team: m.Team | None,
        fw: m.Framework | None, lens: tuple[str, ...] | None,
    ) -> tuple[m.IndependentRating, ...]:
        """Each observer's own level before consensus: ``{role: {characteristic: level}}``, keyed by the
        visit's observers (a role that observed twice is numbered in both places: Teacher 1, Teacher 2)."""
        line = r.line(doc, "independent")
        imap = r.mapping(doc["independent"], line, "independent")
        if imap is None:
            return ()
        if team is not None and team.hall_work != 3:
            r.error(line, "independent levels are allowed only when team.yml has hall_work: 3 (consensus on the "
                    "continuum): remove them or change hall_work")
            return ()
        if not observers:
            r.error(line, "independent needs the visit's observers: list their roles in observers: [...], "
                    "then give each one's levels under independent")
            return ()
        twice = [o for o, n in Counter(observers).items() if n > 1]
        if twice:
            r.error(r.line(doc, "observers"), f"observers lists '{twice[0]}' twice: number them ('{twice[0]} 1', "
                    f"'{twice[0]} 2') here and under independent")
            return ()
        roles = Counter(mem.role for mem in team.members) if team is not None else None
        out: list[m.IndependentRating] = []
        for role, levels in imap.items():
            at = r.line(imap, role)
            if roles is not None and not is_team_role(role, roles):
                r.error(at, f"'{role}' is not a role of this cycle's team (" + ", ".join(sorted(roles))
                        + "): key independent levels by role, never by name, numbered ('Teacher 1', 'Teacher 2') "
                        "when two members with one role observed the visit")
                continue
            if role not in observers:
                r.error(at, f"'{role}' is not one of this visit's observers (" + ", ".join(observers)
                        + "): add the role to observers, or fix it here")
                continue
            lmap = r.mapping(levels, at, f"independent levels of '{role}'")
            if lmap is None:
                continue
            for cid, level in lmap.items():
                cline = r.line(lmap, cid)
                if lens is not None and cid not in lens:
                    r.error(cline, f"independent level of '{cid}', which is not in this cycle's lens ("
                            + ", ".join(lens) + "): rate only lens characteristics")
                    continue
                if not isinstance(level, str):
                    r.error(cline, retype_hint(cid, level, lmap.raw.get(cid)))
                    continue
                if fw is not None and fw.level(level) is None:
                    r.error(cline, f"level '{level}' is not a level of framework '{fw.id}': use one of "
                            + ", ".join(lv.id for lv in fw.levels))
                    continue
                if num is not None:
                    out.append(m.IndependentRating(num, role, cid, level))
        return tuple(out)

    def evidence(
        self, md: MarkdownFile, r: Reader, visit: int, lens: tuple[str, ...] | None
    ) -> tuple[tuple[m.Evidence, ...], str | None]:
        items: list[tuple[int, list[str]]] = []
        narrative: list[str] = []
        pending_blank = 0
        for offset, line in enumerate(md.body.split("\n")):
            lineno = md.body_line + offset
            item = ITEM_RE.match(line)
            if item:
                items.append((lineno, [item.group(1)]))
                pending_blank = 0
            elif line.strip() == "":
                pending_blank += 1
            elif line[:1] in (" ", "\t") and items and (pending_blank == 0 or items[-1][1]):
                items[-1][1].extend([""] * pending_blank + [line.strip()])
                pending_blank = 0
            else:
                narrative.append(line)
                pending_blank = 0
        out: list[m.Evidence] = []
        for lineno, parts in items:
            text = "\n".join(parts).strip()
            tag = None
            match = TAG_RE.match(text)
            if match:
                tag, text = match.group(1), match.group(2).strip()
                if lens is not None and tag not in lens:
                    r.error(lineno, f"tag [{tag}] is not in this cycle's lens (" + ", ".join(lens)
                            + "): use one of them, or write \\[ to start with a literal bracket")
                    continue
            if not text:
                r.error(lineno, "an evidence item is empty: write what was seen or heard")
                continue
            out.append(m.Evidence(text, visit, lineno, tag))
        return tuple(out), ("\n".join(narrative).strip() or None)

    def debrief(self, path: Path, schedule: m.Schedule | None, lens: tuple[str, ...] | None) -> m.Debrief | None:
        if not self.need(path, FILE):
            return None
        md = self.md_file(path)
        if md is None:
            return None
        r, doc = self.reader(path), md.meta
        r.keys(doc, ("patterns", "wonderings", "prediction", "strengths", "quick_wins", "message",
                     "reflection"))
        patterns = self.claims(r, doc, "patterns", schedule, lens, with_extent=True)
        strengths = self.claims(r, doc, "strengths", schedule, lens, with_extent=False)
        prediction, prediction_tr = r.translated(doc, "prediction")
        quick_wins, quick_wins_tr = r.translated_list(doc, "quick_wins")
        message, message_tr = r.translated(doc, "message")
        debrief = m.Debrief(
            patterns=patterns, strengths=strengths, wonderings=r.text_list(doc, "wonderings"),
            prediction=prediction, quick_wins=quick_wins,
            message=message, reflection=r.text(doc, "reflection"),
            narrative=md.body.strip() or None,
            translations=by_language(prediction=prediction_tr, quick_wins=quick_wins_tr, message=message_tr),
        )
        return debrief if r.ok else None

    def claims(
        self, r: Reader, doc: LMap, key: str, schedule: m.Schedule | None,
        lens: tuple[str, ...] | None, with_extent: bool,
    ) -> tuple[m.Claim, ...]:
        out: list[m.Claim] = []
        items = r.list(doc, key)
        what = "a pattern" if with_extent else "a strength"
        allowed = ("claim", "extent", "characteristic", "visits") if with_extent else (
            "claim", "characteristic", "visits")
        required = ("claim", "extent", "visits") if with_extent else ("claim", "visits")
        for i, item in enumerate(items):
            c = r.mapping(item, items.item_lines[i], what)
            if c is None or not r.keys(c, allowed, required, what):
                continue
            claim, claim_tr = r.translated(c, "claim", True)
            extent = r.choice(c, "extent", m.EXTENTS, True) if with_extent else None
            char = r.text(c, "characteristic")
            if char is not None and lens is not None and char not in lens:
                r.error(r.line(c, "characteristic"), f"characteristic '{char}' is not in this cycle's lens ("
                        + ", ".join(lens) + "): use one of them or remove it")
            visits: list[int] = []
            vitems = r.list(c, "visits", True)
            if "visits" in c and not vitems:
                r.error(r.line(c, "visits"), f"{what} needs at least one visit behind it")
            for j, v in enumerate(vitems):
                if isinstance(v, bool) or not isinstance(v, int):
                    r.error(vitems.item_lines[j], f"visits must be visit numbers, not {v!r}")
                elif schedule is not None and schedule.visit(v) is None:
                    r.error(vitems.item_lines[j], f"visit {v} is not in schedule.yml: cite scheduled visits only")
                else:
                    visits.append(v)
            if claim:
                out.append(m.Claim(claim, tuple(visits), extent, char, by_language(claim=claim_tr)))
        return tuple(out)

    def actions(self, path: Path, cid: str, fw: m.Framework | None = None) -> tuple[m.ActionStep, ...]:
        if not self.need(path, FILE):
            return ()
        r = self.reader(path)
        data = self.yaml_file(path)
        if data is None:
            return ()
        if not isinstance(data, LList):
            r.error(1, "actions.yml must be a list of action steps (each starting with '- id: ...')")
            return ()
        out: list[m.ActionStep] = []
        for i, item in enumerate(data):
            a = r.mapping(item, data.item_lines[i], "an action step")
            if a is None or not r.keys(a, ("id", "action", "owner", "horizon", "due", "status", "measure",
                                           "carries", "outcome"), ("id", "action", "owner"), "an action step"):
                continue
            aid = r.ident(a, "id", True, "action id")
            if aid is not None and any(x.id == aid for x in out):
                r.error(r.line(a, "id"), f"action id '{aid}' is used twice in this cycle: make it unique")
                continue
            action, action_tr = r.translated(a, "action", True)
            owner = r.text(a, "owner", True)
            outcome, outcome_tr = r.translated(a, "outcome")
            carries = r.text(a, "carries")
            if carries is not None:
                parts = carries.split("/")
                if len(parts) != 2 or not CYCLE_ID_RE.fullmatch(parts[0]):
                    r.error(r.line(a, "carries"), f"carries '{carries}' must be <cycle-id>/<action-id>")
                    carries = None
                elif aid is not None:
                    self.carries_lines[(cid, aid)] = r.line(a, "carries")
            measure, target = None, None
            measure_tr: dict[str, str] = {}
            given = a.get("measure")
            if isinstance(given, LMap) and set(given) & set(TARGET_KEYS):
                target = self.target(r, given, r.line(a, "measure"), cid, fw)
            else:  # a text, or a text per language ({en: ..., es: ...})
                measure, measure_tr = r.translated(a, "measure")
            step = m.ActionStep(
                id=aid or "", action=action or "", owner=owner or "", cycle=cid,
                horizon=r.choice(a, "horizon", m.HORIZONS), due=r.date(a, "due"),
                status=r.choice(a, "status", m.STATUSES) or "planned", measure=measure,
                carries=carries, outcome=outcome, line=a.line, target=target,
                translations=by_language(action=action_tr, measure=measure_tr, outcome=outcome_tr),
            )
            if aid and action and owner:
                out.append(step)
        return tuple(out)

    def target(self, r: Reader, doc: LMap, line: int, cid: str, fw: m.Framework | None) -> m.Target | None:
        """A structured measure: ``{characteristic: ID, at_least: LEVEL, share: 60%, by: next-walkthrough}``."""
        if not r.keys(doc, TARGET_KEYS, ("characteristic", "at_least", "share"),
                      "a measure"):
            return None
        char, level = r.text(doc, "characteristic", True), r.text(doc, "at_least", True)
        if char is not None and fw is not None and fw.characteristic(char) is None:
            r.error(r.line(doc, "characteristic"), f"characteristic '{char}' is not in framework '{fw.id}': use "
                    "one of " + ", ".join(c.id for c in fw.characteristics))
            char = None
        if level is not None and fw is not None and fw.level(level) is None:
            r.error(r.line(doc, "at_least"), f"at_least '{level}' is not a level of framework '{fw.id}': use one "
                    "of " + ", ".join(lv.id for lv in fw.levels))
            level = None
        share = None
        raw = doc.get("share")
        found = re.match(r"^(\d{1,3})%$", raw.strip()) if isinstance(raw, str) else None
        if found and 1 <= int(found.group(1)) <= 100:
            share = int(found.group(1))
        elif "share" in doc:
            shown = doc.raw.get("share") or (raw if isinstance(raw, str) else repr(raw))
            r.error(r.line(doc, "share"), f"share '{shown}' must be a whole percentage of visits from 1% to 100%, "
                    "such as 60%")
        by: str | dt.date = m.NEXT_WALKTHROUGH
        if "by" in doc:
            value = doc["by"]
            day = dt.date.fromisoformat(cid[:10])
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                if value <= day:
                    r.error(r.line(doc, "by"), f"by {value} is not after this walkthrough ({day}): give a later "
                            f"date, or by: {m.NEXT_WALKTHROUGH}")
                    return None
                by = value
            elif value != m.NEXT_WALKTHROUGH:
                r.error(r.line(doc, "by"), f"by must be {m.NEXT_WALKTHROUGH} (the school's next walkthrough that "
                        f"rates it) or an unquoted date YYYY-MM-DD, not {doc.raw.get('by') or repr(value)}")
                return None
        if char is None or level is None or share is None:
            return None
        return m.Target(char, level, share, by)

    def check_carries(self, schools: list[m.School]) -> None:
        for school, draft, actions, rel in self.cycle_actions:
            for a in actions:
                if a.carries is None:
                    continue
                line = self.carries_lines.get((a.cycle, a.id), a.line)
                target = self.published_actions.get(school, {}).get(a.carries)
                drafted = self.drafts.get(school, {}).get(a.carries)
                if a.carries.split("/")[0] >= a.cycle:
                    self.problems.error(rel, line, f"carries '{a.carries}' must name a step of an earlier cycle")
                elif target is None and drafted is not None and not draft:
                    self.problems.error(rel, line, f"carries '{a.carries}' names a step of a draft cycle: "
                                        "a published cycle may only carry published steps")
                elif target is None and drafted is None:
                    elsewhere = [s for s, acts in self.published_actions.items() if a.carries in acts and s != school]
                    hint = (f" (it is a step of school '{elsewhere[0]}': steps never carry across schools)"
                            if elsewhere else ": check the cycle id and action id")
                    self.problems.error(rel, line, f"carries '{a.carries}' resolves to no action step of this school"
                                        + hint)

    def messages(self, folder: Path) -> tuple[m.Message, ...]:
        if not self.need(folder, FOLDER):
            return ()
        out: list[m.Message] = []
        for path in self.children(folder):
            match = MESSAGE_RE.fullmatch(path.name)
            if not match or match.group("kind") not in m.MESSAGE_KINDS or not self.is_file(path):
                self.stray(path, "messages/", ", ".join(f"{k}.md" for k in m.MESSAGE_KINDS)
                           + " or <kind>.<lang>.md")
                continue
            md = self.md_file(path, front_matter_required=False)
            if md is None:
                continue
            r, doc = self.reader(path), md.meta
            r.keys(doc, ("title", "audience"))
            audience = Audience.PUBLIC
            raw = r.choice(doc, "audience", ("public", "staff", "team"))
            if raw:
                audience = Audience.parse(raw)
            if not md.body.strip():
                r.error(md.body_line, "the message is empty: write it, or remove the file")
            if r.ok:
                out.append(m.Message(match.group("kind"), match.group("lang"), md.body.strip(),
                                     self.rel(path), r.text(doc, "title"), audience))
        return tuple(out)


def placeholders(text: Any) -> set[str]:
    """The {placeholders} of a catalog text (of each of its forms or items); "{" for broken braces."""
    parts = text.values() if isinstance(text, Mapping) else text if isinstance(text, list) else [text]
    try:
        return {f for part in parts for _, f, _, _ in string.Formatter().parse(str(part)) if f}
    except ValueError:
        return {"{"}


def is_team_role(role: str, roles: Counter[str]) -> bool:
    """A role of the team, or one numbered ("Teacher 2") when the team has that many members with it."""
    if role in roles:
        return True
    numbered = re.match(r"^(.+) (\d+)$", role)
    return numbered is not None and 1 <= int(numbered.group(2)) <= roles.get(numbered.group(1), 0) and (
        roles[numbered.group(1)] >= 2)


def _month_day(raw: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"([0-9]{2})-([0-9]{2})", raw)
    if not match or raw == "02-29":
        return None
    try:
        dt.date(2001, int(match.group(1)), int(match.group(2)))
    except ValueError:
        return None
    return int(match.group(1)), int(match.group(2))


def _iso_date(raw: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def _hm(t: dt.time) -> str:
    return t.strftime("%H:%M")


def outline_of(schedule: m.Schedule, scripted: int = 0) -> m.Outline:
    """The day's outline, which every audience may see: blocks per group, totals, the usual
    length of a visit, and how many visits have a script."""
    by_group: dict[str | None, list[m.ScheduledVisit]] = {}
    for v in schedule.visits:
        by_group.setdefault(v.group, []).append(v)
    spans = []
    for group, visits in by_group.items():
        start = min(v.block.start for v in visits)
        end = max(v.block.end for v in visits)
        spans.append((start, end, len(visits), group))
    spans.sort(key=lambda s: (s[0], s[1], str(s[3])))
    blocks = tuple(m.OutlineBlock(i + 1, s, e, n, g) for i, (s, e, n, g) in enumerate(spans))
    grades = Counter(v.grade for v in schedule.visits if v.grade)
    subjects = Counter(v.subject for v in schedule.visits if v.subject)
    lengths = Counter(v.block.minutes for v in schedule.visits)
    return m.Outline(
        orientation=schedule.orientation, blocks=blocks, debrief=schedule.debrief,
        visits=len(schedule.visits),
        grades=tuple(sorted(grades.items(), key=lambda kv: m.grade_order(kv[0]))),
        subjects=tuple(sorted(subjects.items())),
        minutes=max(lengths.items(), key=lambda kv: (kv[1], kv[0]))[0] if lengths else None,
        scripted=scripted,
    )


def load(content_dir: Path, docs_dir: Path | None = None, project_dir: Path | None = None) -> Loaded:
    """Load and validate a portfolio, and scan it and ``docs_dir`` for privacy problems.

    Symbolic links are followed only within ``project_dir`` (the folder of mkdocs.yml; by
    default the folder holding the content folder): see ``files.walk``. Never raises for bad
    content: every problem is in the result, and the portfolio is None when there is any error.
    """
    root = content_dir.resolve()
    project = project_dir if project_dir is not None else content_dir.absolute().parent
    loader = _Loader(root, project)
    loader.drafts, loader.published_actions, loader.cycle_actions = {}, {}, []
    portfolio = loader.load()
    privacy = portfolio.privacy if portfolio else loader.privacy
    docs = None
    if docs_dir is not None and docs_dir.is_dir():
        if root.is_relative_to(docs_dir.resolve()):
            loader.problems.error(".", 1, f"the content folder {content_dir} is inside the docs folder {docs_dir}, "
                                  "which MkDocs publishes as it is: move it out of the docs folder")
        docs = walk(docs_dir, project, f"{docs_dir.name}/", private=(root,))
        loader.refuse_roster_copies(docs)
        for shown, message in docs.refusals:
            loader.problems.error(shown, 1, message)
    roster = _scan(loader, docs, privacy, loader.problems)
    if roster is not None:
        mask_problems(loader.problems, roster)
    if loader.problems.errors:
        portfolio = None
    return Loaded(portfolio, loader.problems, loader.files)


def _scan(loader: _Loader, docs: Tree | None, privacy: m.Privacy | None, problems: Problems) -> Roster | None:
    """Scan every walked file and folder: links and escapes in content files, roster names everywhere.

    The content folder's files are those the loader read (one walk for both); the docs folder's
    are every file MkDocs publishes: its text when it is UTF-8 text, whatever its extension
    (Markdown, HTML, CSV...), else its name. Returns the roster, if any (to mask names in messages).
    """
    root = loader.root
    roster = None
    if privacy is not None and privacy.roster:
        path = (root / privacy.roster).resolve()
        if path.is_file():
            roster = load_roster(path, privacy.allow_words, problems, privacy.roster,
                                 [k for k in loader.known_names if k])
    for entry in loader.tree.all():
        text = loader.text(entry.path) if entry.kind == FILE else None
        content = text is not None and entry.path.suffix in (".md", ".yml")
        if text is not None and content:
            check_links(text, entry.rel, problems)
        if roster is not None:
            check_names(entry.path, entry.rel, roster, problems, text if entry.kind == FILE else "")
        if text is not None and content:
            _scan_escaped(text, entry.rel, roster, problems, front_matter=entry.path.suffix == ".md")
    if roster is not None and docs is not None:
        for entry in docs.all():
            text = _published_text(entry.path) if entry.kind == FILE else None
            check_names(entry.path, docs.shown(entry), roster, problems, text or "")
    return roster


def _published_text(path: Path) -> str | None:
    """A published file's text when it is UTF-8 text (of any extension), else None."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
            if b"\0" in head:
                return None  # binary: an image, a PDF
            data = head + handle.read()
    except OSError:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _scan_escaped(text: str, shown: str, roster: Roster | None, problems: Problems, front_matter: bool) -> None:
    """Scan the YAML strings that escapes make read differently from their source text.

    Only what the value holds beyond its source text is reported: the scan of the raw text
    has reported the rest.
    """
    for line, value, source in escaped_strings(text, front_matter):
        seen, found = Problems(), Problems()
        for part, into in ((source, seen), (value, found)):
            check_links(part, shown, into, first_line=line)
        if roster is not None:
            check_decoded_names(source, value, shown, roster, problems, first_line=line)
        extra = Counter(p.message for p in found.items) - Counter(p.message for p in seen.items)
        for p in found.items:
            if extra[p.message] > 0:
                extra[p.message] -= 1
                (problems.warn if p.warning else problems.error)(p.path, p.line, p.message)
