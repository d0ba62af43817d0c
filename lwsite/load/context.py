"""What every file kind's reader shares: the walked tree, the problems, and reading a file.

``Context`` holds one load's state; each file kind adds its methods in its own module
(``focus.py``, ``team.py``...), and ``portfolio.Loader`` puts them together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import model as m
from ..errors import Problems
from .fields import Reader
from .files import FILE, FOLDER, REFUSED, Tree, walk
from .markdown import MarkdownFile, split_front_matter
from .source import LMap, parse_yaml
from .text import SourceError, check_paragraphs, read_text

# names and ids: always fullmatch (a "$" would also match before a final line break), ASCII digits only
CYCLE_ID_RE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})-([a-z0-9][a-z0-9-]*)")
LANG_RE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)?")


def by_language(**fields: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """{field: {lang: value}} turned into an object's translations, {lang: {field: value}}."""
    out: dict[str, dict[str, Any]] = {}
    for name, given in fields.items():
        for lang, value in given.items():
            out.setdefault(lang, {})[name] = value
    return out


class Context:
    """One load: the content folder's walk, the problems found, and what later checks need."""

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
        # the steps of every cycle, by school, for the checks of carries (actions.py)
        self.drafts: dict[str, dict[str, m.ActionStep]] = {}
        self.published_actions: dict[str, dict[str, m.ActionStep]] = {}
        self.cycle_actions: list[tuple[str, bool, tuple[m.ActionStep, ...], str]] = []

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
                self.rel(path),
                1,
                f"{path.name} is a folder, but it must be a file: move what it holds and remove the folder"
                if found == FOLDER
                else f"{path.name} is a file, but it must be a folder: rename or remove it",
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
            self.rel(path),
            1,
            f"{kind} '{path.name}' is not part of {where} (allowed: {allowed}): move, rename or remove it",
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
        tree.refuse_copies_of(
            (self.root / privacy.roster).resolve(),
            (
                f"this is the privacy roster ({privacy.roster}) under another name (a link to it), and would "
                "be published: remove it"
            ),
        )
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


def iso_date(raw: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None
