"""Load and validate a walkthrough portfolio folder into domain objects.

``load(content_dir)`` reads every file of the content format, checks every rule of the
format, and returns the published portfolio with all problems found (never raising for bad
content). Checks that depend on a file that failed to load are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import i18n
from .. import model as m
from ..errors import Problems
from ..privacy import mask_problems
from .catalogs import CatalogFiles
from .context import LANG_RE, by_language
from .fields import Reader
from .files import FILE, walk
from .framework import FrameworkFiles
from .keys import Bool, Choice, Int, Keys, Mapping, Raw, Text, TextList, Translated
from .scan import scan_all
from .school import SchoolFolders
from .source import LMap

# the languages are read first (portfolio_languages): the texts given per language are checked against them
PORTFOLIO = Keys(
    name=Translated(required=True),
    kind=Choice(("district", "school")),
    contact=Text(),
    description=Translated(),
    school_year_start=Text(),
    language=Raw(),
    languages=Raw(),
    letter_languages=Raw(),
    timezone=Text(),
    privacy=Mapping(),
)
PRIVACY = Keys(
    "privacy",
    roster=Text(),
    min_group=Int(1),
    publish_team_names=Bool(False),
    public_school_comparison=Bool(False),
    allow_words=TextList(),
)


@dataclass
class Loaded:
    """The result of loading: the published portfolio (None if unusable) and all problems."""

    portfolio: m.Portfolio | None
    problems: Problems
    files: list[Path] = field(default_factory=list)  # every content file read


class Loader(CatalogFiles, FrameworkFiles, SchoolFolders):
    """Every file kind's reader, from portfolio.yml down."""

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
        r.keys(doc, PORTFOLIO)
        language, languages = self.portfolio_languages(r, doc)
        self.languages = languages
        r.languages = languages
        v = r.values(doc, PORTFOLIO)
        name, name_tr = v["name"]
        self.known_names += [name or "", *name_tr.values()]
        description, description_tr = v["description"]
        kind = v["kind"] or "school"
        start = (8, 1)
        if "school_year_start" in doc:
            raw = v["school_year_start"]
            parsed = _month_day(raw) if raw else None
            if raw and parsed is None:
                r.error(
                    r.line(doc, "school_year_start"),
                    f"school_year_start '{raw}' must be a real month-day \"MM-DD\" (not 02-29)",
                )
            start = parsed or start
        timezone = v["timezone"]
        if timezone is not None:
            try:
                zoneinfo.ZoneInfo(timezone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder such as America
                r.error(
                    r.line(doc, "timezone"),
                    f"timezone '{timezone}' is not an IANA time zone name such as America/New_York",
                )
                timezone = None
        privacy = m.Privacy()
        self.privacy = privacy
        if "privacy" in doc:
            p = v["privacy"]
            if p is not None:
                r.keys(p, PRIVACY)
                pv = r.values(p, PRIVACY)
                roster = pv["roster"]
                if roster is not None:
                    roster_path = (self.root / roster).resolve()
                    if roster_path.is_relative_to(self.root.resolve()):
                        r.error(
                            r.line(p, "roster"),
                            "privacy.roster must lie outside the content folder, which is published: "
                            "move the roster file out of it",
                        )
                        roster = None
                    elif not roster_path.is_file():
                        r.error(
                            r.line(p, "roster"),
                            f"privacy.roster file {roster} does not exist: create it or fix the path",
                        )
                        roster = None
                privacy = m.Privacy(
                    roster=roster,
                    min_group=pv["min_group"] or 3,
                    publish_team_names=pv["publish_team_names"],
                    public_school_comparison=pv["public_school_comparison"],
                    allow_words=pv["allow_words"],
                )
                self.privacy = privacy
                self.refuse_roster_copies(self.tree)
        if name is None:
            return None
        return {
            "name": name,
            "kind": kind,
            "contact": v["contact"],
            "description": description,
            "school_year_start": start,
            "language": language,
            "languages": languages,
            "timezone": timezone,
            "privacy": privacy,
            "translations": by_language(name=name_tr, description=description_tr),
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
            r.error(
                r.line(doc, "letter_languages"),
                "write the site's languages once, as 'languages' "
                "('letter_languages' is its old name): remove 'letter_languages'",
            )
        found: list[tuple[str, int]] = [(language, r.line(doc, "language"))]
        items = r.list(doc, key)
        for i, item in enumerate(items):
            line = items.item_lines[i]
            if not isinstance(item, str) or not LANG_RE.fullmatch(item):
                r.error(
                    line,
                    f"{key}: {items.raw[i] or item!r} is not a language code such as en, es or pt-BR "
                    '(quote a code YAML reads as something else, such as "no")',
                )
            elif item in (f for f, _ in found[1:]):
                r.error(line, f"{key}: '{item}' is listed twice")
            elif item != language:
                found.append((item, line))
        own = self.catalog_files()
        for lang, line in found:
            if lang not in i18n.available() and lang not in own:
                r.error(
                    line,
                    f"lwsite has no catalog of its words in '{lang}' (it has {', '.join(i18n.available())}): "
                    f"add catalogs/{lang}.yml to the content folder with every text of lwsite's "
                    f"i18n/en.yml translated, or remove '{lang}'",
                )
        return language, tuple(lang for lang, _ in found)


def _month_day(raw: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"([0-9]{2})-([0-9]{2})", raw)
    if not match or raw == "02-29":
        return None
    try:
        dt.date(2001, int(match.group(1)), int(match.group(2)))
    except ValueError:
        return None
    return int(match.group(1)), int(match.group(2))


def load(content_dir: Path, docs_dir: Path | None = None, project_dir: Path | None = None) -> Loaded:
    """Load and validate a portfolio, and scan it and ``docs_dir`` for privacy problems.

    Symbolic links are followed only within ``project_dir`` (the folder of mkdocs.yml; by
    default the folder holding the content folder): see ``files.walk``. Never raises for bad
    content: every problem is in the result, and the portfolio is None when there is any error.
    """
    root = content_dir.resolve()
    project = project_dir if project_dir is not None else content_dir.absolute().parent
    loader = Loader(root, project)
    portfolio = loader.load()
    privacy = portfolio.privacy if portfolio else loader.privacy
    docs = None
    if docs_dir is not None and docs_dir.is_dir():
        if root.is_relative_to(docs_dir.resolve()):
            loader.problems.error(
                ".",
                1,
                f"the content folder {content_dir} is inside the docs folder {docs_dir}, "
                "which MkDocs publishes as it is: move it out of the docs folder",
            )
        docs = walk(docs_dir, project, f"{docs_dir.name}/", private=(root,))
        loader.refuse_roster_copies(docs)
        for shown, message in docs.refusals:
            loader.problems.error(shown, 1, message)
    roster = scan_all(loader, docs, privacy, loader.problems)
    if roster is not None:
        mask_problems(loader.problems, roster)
    if loader.problems.errors:
        portfolio = None
    return Loaded(portfolio, loader.problems, loader.files)
