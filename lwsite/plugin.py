"""The MkDocs plugin: adapts MkDocs events to lwsite's core, and does nothing else.

- ``on_config``: resolves options, registers lwsite's theme folder and stylesheet, and sets
  what a school site needs unless the user's mkdocs.yml says otherwise.
- ``on_pre_build``: loads and checks the content, and prepares every language's edition,
  before MkDocs cleans the site folder, so a failed build leaves the previous site untouched
  (in a strict build, content warnings fail it here too, rather than after the new site is
  written).
- ``on_files``: adds the planned pages as generated files (never written to docs_dir).
- ``on_env``: gives the theme's templates lwsite's words (``lwt("key")``), and lets the theme's
  Jinja environment keep compiled templates for the process.
- ``on_page_content``: replaces a generated page's content with its rendered template.
- ``on_post_build``: builds the site in each of the portfolio's other languages, under
  ``<site>/<lang>/`` (the layout of mkdocs-static-i18n), as MkDocs builds it: a copy of the
  configuration with that ``site_dir``, ``theme.language`` and search language, this plugin
  told which prepared edition to render; then reports how many charts were rendered and how
  many came from the cache.
- ``on_serve``: watches the content folder.

A build of one language is a whole MkDocs build (its own navigation, sitemap, 404 page and
search index with the language's stemmer). mkdocs-static-i18n does the same, but it cannot
see pages that are not files on disk (lwsite's are generated), so lwsite runs its own loop.
MkDocs keeps one instance of a plugin that has ``on_startup`` (this one, Material's search) for
the whole process, so the build of another language runs with the same instances: their state
is put back as it was after it.

Under ``mkdocs serve`` (``on_startup`` says so) a content error does not fail the build, which
would leave every request waiting until the content is fixed: the site becomes one error page
(``lwsite/render/serve.py``) that lists every problem and reloads itself after the next build.
``mkdocs build`` fails as before.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import jinja2
import yaml
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage

from .errors import Problem
from .i18n import Translator
from .model import Audience
from .pipeline import Prepared, Settings, prepare_editions
from .render import serve
from .render.site import Page, Renderer, menu
from .render.templates import shared_cache
from .resources import theme_dir
from .values import valid_year
from .writing import shown

log = logging.getLogger("mkdocs.plugins.lwsite")

STYLESHEET = "assets/lwsite/lwsite.css"
SCRIPT = "assets/lwsite/print.js"


class LwsiteConfig(base.Config):  # type: ignore[no-untyped-call]
    content_dir = c.Type(str, default="content")
    audience = c.Choice(("public", "staff", "team"), default="public")
    school_year = c.Optional(c.Type(str))
    quality = c.Choice(("info", "warn", "error"), default="info")
    editor_pages = c.ListOfItems(c.Type(str), default=[])  # docs/ pages for the people who edit the records
    cache_dir = c.Type(str, default=".cache/lwsite")
    site_names = c.Type(dict, default={})  # the site's name in each other language: {es: ...}


@dataclass(frozen=True)
class Edition:
    """What the site's first build hands the build of another language: its prepared edition."""

    lang: str
    prepared: Prepared


class LwsitePlugin(BasePlugin[LwsiteConfig]):  # type: ignore[no-untyped-call]
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.prepared: Prepared | None = None
        self.pages: dict[str, Page] = {}
        self.renderer: Renderer | None = None
        self.settings: Settings | None = None
        self.default_language = True
        self.edition: Edition | None = None  # set on the build of another language than the site's
        self.others: dict[str, Prepared] = {}  # the site's other languages, for its first build to build
        self.serving = False  # under mkdocs serve: content errors make an error page, not a failed build
        self.failed: list[Problem] | None = None  # this build's problems, when it shows the error page
        self.token = ""

    # MkDocs keeps a plugin with on_startup from one build of ``mkdocs serve`` to the next, so every
    # build starts from on_config's reset below.
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        self.serving = False

    # configuration ---------------------------------------------------------------------
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.prepared, self.pages, self.renderer, self.failed, self.others = None, {}, None, None, {}
        base_dir = Path(config.config_file_path or ".").resolve().parent
        content_dir = (base_dir / self.config.content_dir).resolve()
        try:
            audience = Audience.parse(os.environ.get("LWSITE_AUDIENCE") or self.config.audience)
        except ValueError as exc:
            raise PluginError(f"LWSITE_AUDIENCE: {exc}") from None
        year = os.environ.get("LWSITE_SCHOOL_YEAR") or self.config.school_year
        if year is not None and not valid_year(year):
            raise PluginError(f"school_year '{year}' must look like 2025-26")
        self.settings = Settings(
            content_dir,
            audience,
            year,
            Path(config.docs_dir),
            cache_dir=(base_dir / self.config.cache_dir).resolve(),
            version=os.environ.get("MIKE_DOCS_VERSION") or None,
            project_dir=base_dir,  # links in content/ and docs/ are followed only within it
            language=self.edition.lang if self.edition else None,
        )

        theme = config.theme
        dirs = list(theme.dirs)
        ours = str(theme_dir())
        if ours not in dirs:
            material = next((i for i, d in enumerate(dirs) if Path(d).name == "material"), 0)
            dirs.insert(material, ours)
            theme.dirs[:] = dirs
        # Material's own defaults, which a user who set nothing still has.
        if theme.get("font") == {"text": "Roboto", "code": "Roboto Mono"}:
            theme["font"] = False
        if not theme.get("features"):
            theme["features"] = ["navigation.prune", "navigation.indexes", "navigation.top", "search.suggest"]
        self.default_language = theme.get("language") in (None, "en")
        extra = config.extra
        if "generator" not in extra:
            extra["generator"] = False
        extra["lwsite"] = {"audience": audience.label}
        # Material's mike version selector fetches versions.json, which only a mike
        # deployment has: outside one it would be a request that always fails.
        version = extra.get("version")
        if (
            isinstance(version, dict)
            and version.get("provider") == "mike"
            and (not os.environ.get("MIKE_DOCS_VERSION") or self.edition is not None)
        ):
            # (and in another language's build: Material finds versions.json one folder above the site's
            # root, and <version>/<lang>/ is two folders below it; that language's archive page links
            # each year's version in the same language)
            extra.pop("version")
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in (str(s) for s in config.extra_javascript):
            config.extra_javascript.append(SCRIPT)  # the "Print or save as PDF" buttons
        return config

    # content ---------------------------------------------------------------------------
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        assert self.settings is not None
        if self.edition is not None:  # another language: the site's first build checked every edition
            prepared = self.edition.prepared
            assert prepared.site is not None
            self._use(prepared, config)
            return
        editions = prepare_editions(self.settings)
        prepared = next(iter(editions.values()))
        problems = list(dict.fromkeys(p for e in editions.values() for p in e.problems))
        errors = [p for p in problems if not p.warning]
        warned = [p for p in problems if p.warning]
        level = self.config.quality
        flagged = list(prepared.quality)
        stop: list[Problem] | None = None  # the problems that stop this build, if any
        if errors or prepared.site is None:
            stop, why = errors, f"{len(errors)} content error(s) listed above"
        elif level == "error" and flagged:
            stop, why = flagged, f"the evidence-quality coach flagged {len(flagged)} item(s) (quality: error)"
        elif config.strict and (warned + flagged if level == "warn" else warned):
            # a strict build would fail on these warnings only at its end, after MkDocs has emptied
            # the site folder and written the new site: fail now, leaving the previous site as it was
            stop = warned + flagged if level == "warn" else warned
            why = f"{len(stop)} content warning(s) listed above, and the build is strict"
        # Under a strict mkdocs serve, every message at warning level or above would fail the build
        # at its end, and the server would wait for a good build: the error page shows them instead.
        quiet = self.serving and stop is not None and config.strict
        for problem in warned:
            (log.info if quiet else log.warning)(str(problem))
        for problem in errors:
            (log.info if quiet else log.error)(str(problem))
        if flagged and not (errors or prepared.site is None):
            self._report_quality(flagged, quiet)
        if stop is not None:
            if not self.serving:
                raise PluginError(f"lwsite: {why}; the site was not built and the previous site, if any, is unchanged")
            self.failed, self.token = stop, str(time.time_ns())
            (log.info if quiet else log.error)(f"lwsite: {why}; the site shows them on every page until they are fixed")
            return
        assert prepared.site is not None
        portfolio = prepared.site.portfolio
        self.others = {lang: e for lang, e in editions.items() if lang != portfolio.language}
        if portfolio.language != "en" and self.default_language:
            config.theme["language"] = portfolio.language
            _search_language(config, portfolio.language)
        self._use(prepared, config)

    def _use(self, prepared: Prepared, config: MkDocsConfig) -> None:
        """Render this build's edition: its pages, and the links to its other languages."""
        site = prepared.site
        assert site is not None
        self.prepared = prepared
        self.pages = {p.src: p for p in prepared.pages}
        self.renderer = Renderer(theme_dir(), site, prepared.pages, config.use_directory_urls)
        extra = config.extra
        extra["lwsite"]["lang"] = site.lang
        editions = [
            {
                "lang": lang,
                "name": Translator(lang, site.portfolio.catalogs).plain("language_name"),
                "root": edition_root(site.lang, lang, site.portfolio.language),
            }
            for lang in site.editions
        ]
        extra["lwsite"]["editions"] = editions if len(editions) > 1 else []
        if len(editions) > 1 and "alternate" not in extra:
            # Material's language selector; partials/alternate.html makes each link land on this page
            extra["alternate"] = [{"name": e["name"], "link": e["root"] or "./", "lang": e["lang"]} for e in editions]

    def _report_quality(self, flagged: list[Problem], quiet: bool) -> None:
        """The evidence-quality coach: info (default), warn (fails --strict) or error."""
        level = self.config.quality
        head = f"lwsite: the evidence-quality coach flagged {len(flagged)} item(s)"
        if level == "error":
            for problem in flagged:
                (log.info if quiet else log.error)(f"{problem.path}:{problem.line}: {problem.message}")
            return
        emit = log.warning if level == "warn" and not quiet else log.info
        emit(f"{head}; see the team's evidence-quality page")
        for problem in flagged:
            emit(str(problem))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.failed is not None:
            # the error page is the whole site: no page, no asset but its reload script and marker
            config.nav = None
            return Files(
                [
                    File.generated(config, serve.SCRIPT, content=serve.reload_script()),
                    File.generated(config, serve.MARKER, content=self.token),
                ]
            )
        editors = set(self.config.editor_pages)
        if self.settings is not None and self.settings.audience == Audience.PUBLIC:
            for f in [f for f in files if f.src_uri in editors]:
                files.remove(f)  # editors' pages are not part of the public site at all
        own = [f for f in files.documentation_pages() if f.generated_by is None]
        taken = {f.src_uri for f in files}
        for page in self.pages.values():
            if page.src in taken:
                raise PluginError(f"docs/{page.src} would replace a page lwsite makes: rename or move it")
            meta = {"title": page.title} | ({"lang": page.lang} if page.lang else {})
            front = yaml.safe_dump(meta, allow_unicode=True)
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src, content=f"---\n{front}---\n", inclusion=inclusion))
        assert self.prepared is not None
        for asset in self.prepared.assets:
            if asset.path in taken:
                raise PluginError(f"docs/{asset.path} would replace a file lwsite makes: rename it")
            files.append(File.generated(config, asset.path, content=asset.content))
        if not config.nav:
            ours = sorted(f.src_uri for f in own)
            words = self.renderer.site.t if self.renderer else None
            config.nav = _mkdocs_nav(
                menu(
                    list(self.pages.values()),
                    [s for s in ours if s not in editors],
                    [s for s in ours if s in editors],
                    words,
                )
            )
        return files

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # lwsite's words, in the theme's own templates (English on the error page of mkdocs serve)
        env.globals["lwt"] = self.renderer.site.t if self.renderer is not None else Translator("en")
        env.filters["lw_without_home_alternates"] = _without_home_alternates
        # the theme's templates compiled once a process: mkdocs serve rebuilds at every change
        env.bytecode_cache = shared_cache(env)
        return env

    def on_page_content(self, html: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        if self.renderer is None:
            return html
        site = self.renderer.site
        if spec is None or page.file.generated_by is None:
            if site.lang == site.portfolio.language:
                return html
            # the site's own page (docs/), written in the site's language: say so in this one's
            t = site.t
            note = t("fallback.block", language=t.language_name(site.portfolio.language))
            return (
                f'<div class="lw-fallback" lang="{site.portfolio.language}">'
                f'<p class="lw-fallback-note" lang="{site.lang}">{note}</p>\n{html}\n</div>'
            )
        return self.renderer.render(spec)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.failed is not None and self.settings is not None:
            # written last, over the theme's 404.html: the server answers every missing page with it
            page = serve.error_page(
                theme_dir(),
                self.failed,
                shown(self.settings.content_dir),
                urlsplit(config.site_url or "/").path or "/",
                self.token,
            )
            for name in ("404.html", "index.html"):
                Path(config.site_dir, name).write_text(page, encoding="utf-8")
            return
        if self.prepared is None or self.prepared.site is None or self.edition is not None:
            return
        sites = [self.prepared.site, *(e.site for e in self.others.values() if e.site is not None)]
        for lang, prepared in self.others.items():
            self._build_language(config, lang, prepared)
        rendered, cached = sum(s.charts.rendered for s in sites), sum(s.charts.cached for s in sites)
        log.info(f"lwsite: {rendered} chart(s) rendered, {cached} taken from the cache")

    def _build_language(self, config: MkDocsConfig, lang: str, prepared: Prepared) -> None:
        """The site in another language, under <site_dir>/<lang>/, built by the same host (MkDocs or
        ProperDocs) from a copy of the configuration: its site_dir, site_url, theme language and search
        language are that language's; this plugin renders the edition prepared (and checked) already.

        The copy's plugins that MkDocs keeps for the process (those with ``on_startup``: this one,
        Material's search) are the very instances of this build: their state is put back afterwards."""
        host = type(config).__module__.split(".")[0]  # "mkdocs", or "properdocs"
        load_config = importlib.import_module(f"{host}.config").load_config
        build = importlib.import_module(f"{host}.commands.build").build
        site_url = f"{config.site_url.rstrip('/')}/{lang}/" if config.site_url else None
        saved = [(plugin, dict(vars(plugin))) for plugin in config.plugins.values()]
        try:
            copy = load_config(
                config.config_file_path,
                site_dir=str(Path(config.site_dir) / lang),
                docs_dir=config.docs_dir,
                strict=config.strict,
                site_url=site_url,
                use_directory_urls=config.use_directory_urls,
            )
            copy.theme["language"] = lang
            names = self.config.site_names
            if isinstance(names.get(lang), str) and names[lang].strip():
                copy.site_name = names[lang]
            _search_language(copy, lang)
            ours = [p for p in copy.plugins.values() if isinstance(p, LwsitePlugin)]
            if len(ours) != 1:
                raise PluginError(
                    f"lwsite: cannot build the site in '{lang}': the lwsite plugin is missing "
                    f"from {config.config_file_path}"
                )
            ours[0].edition = Edition(lang, prepared)
            log.info(f"lwsite: building the site in '{lang}' in {copy.site_dir}")
            build(copy)
        finally:
            for plugin, state in saved:
                vars(plugin).clear()
                vars(plugin).update(state)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if self.settings is not None:
            server.watch(str(self.settings.content_dir))
        return server


def edition_root(here: str, there: str, site_language: str) -> str:
    """The path from the root of one language's site to another's: "es/", "../", "../fr/", ""."""
    if here == there:
        return ""
    if here == site_language:
        return f"{there}/"
    return "../" if there == site_language else f"../{there}/"


_HOME_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def _without_home_alternates(html: str) -> Markup:
    """Material's head without its links to each language's home page (lwsite links this page's)."""
    return Markup(_HOME_ALTERNATE.sub("", str(html)))


def _search_language(config: MkDocsConfig, lang: str) -> None:
    """Material's search in a language: its lunr stemmer when Material has one, else its default."""
    code = lang.split("-")[0].lower()
    for plugin in config.plugins.values():
        options = getattr(plugin, "config", None)
        if (
            type(plugin).__module__.startswith("material.plugins.search")
            and options is not None
            and (code == "en" or _has_stemmer(code))
        ):
            options.lang = [code]


def _has_stemmer(code: str) -> bool:
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        return False
    lunr = Path(spec.origin).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
    return (lunr / f"lunr.{code}.min.js").is_file()


def _mkdocs_nav(entries: Sequence[tuple[str | None, Any]]) -> list[Any]:
    """lwsite's menu as MkDocs writes a nav: {title: src}, a bare src, or {section: [...]}."""
    out: list[Any] = []
    for title, target in entries:
        value = _mkdocs_nav(target) if isinstance(target, list) else target
        out.append(value if title is None else {title: value})
    return out
