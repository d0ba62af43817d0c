"""The MkDocs plugin: adapts MkDocs events to lwsite's core, and does nothing else.

- ``on_config``: resolves options, registers lwsite's theme folder and stylesheet, and sets
  what a school site needs unless the user's mkdocs.yml says otherwise.
- ``on_pre_build``: loads and checks the content, before MkDocs cleans the site folder,
  so a failed build leaves the previous site untouched (in a strict build, content warnings
  fail it here too, rather than after the new site is written).
- ``on_files``: adds the planned pages as generated files (never written to docs_dir).
- ``on_page_content``: replaces a generated page's content with its rendered template.
- ``on_env``: lets the theme's Jinja environment keep compiled templates for the process.
- ``on_post_build``: reports how many charts were rendered and how many came from the cache.
- ``on_serve``: watches the content folder.

Under ``mkdocs serve`` (``on_startup`` says so) a content error does not fail the build, which
would leave every request waiting until the content is fixed: the site becomes one error page
(``lwsite/render/serve.py``) that lists every problem and reloads itself after the next build.
``mkdocs build`` fails as before.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import jinja2
import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage

from .errors import Problem
from .model import Audience
from .pipeline import Prepared, Settings, prepare
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


class LwsitePlugin(BasePlugin[LwsiteConfig]):  # type: ignore[no-untyped-call]
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.prepared: Prepared | None = None
        self.pages: dict[str, Page] = {}
        self.renderer: Renderer | None = None
        self.settings: Settings | None = None
        self.default_language = True
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
        self.prepared, self.pages, self.renderer, self.failed = None, {}, None, None
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
            content_dir, audience, year, Path(config.docs_dir),
            cache_dir=(base_dir / self.config.cache_dir).resolve(),
            version=os.environ.get("MIKE_DOCS_VERSION") or None,
            project_dir=base_dir,  # links in content/ and docs/ are followed only within it
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
        if isinstance(version, dict) and version.get("provider") == "mike" and not os.environ.get(
            "MIKE_DOCS_VERSION"
        ):
            extra.pop("version")
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in (str(s) for s in config.extra_javascript):
            config.extra_javascript.append(SCRIPT)  # the "Print or save as PDF" buttons
        return config

    # content ---------------------------------------------------------------------------
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        assert self.settings is not None
        prepared = prepare(self.settings)
        errors = [p for p in prepared.problems if not p.warning]
        warned = [p for p in prepared.problems if p.warning]
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
                raise PluginError(f"lwsite: {why}; the site was not built and the previous site, if any, "
                                  "is unchanged")
            self.failed, self.token = stop, str(time.time_ns())
            (log.info if quiet else log.error)(f"lwsite: {why}; the site shows them on every page until they "
                                               "are fixed")
            return
        assert prepared.site is not None
        self.prepared = prepared
        self.pages = {p.src: p for p in prepared.pages}
        if prepared.site.portfolio.language != "en" and self.default_language:
            config.theme["language"] = prepared.site.portfolio.language
        self.renderer = Renderer(
            theme_dir(), prepared.site, prepared.pages, config.use_directory_urls
        )

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
            return Files([File.generated(config, serve.SCRIPT, content=serve.reload_script()),
                          File.generated(config, serve.MARKER, content=self.token)])
        editors = set(self.config.editor_pages)
        if self.settings is not None and self.settings.audience == Audience.PUBLIC:
            for f in [f for f in files if f.src_uri in editors]:
                files.remove(f)  # editors' pages are not part of the public site at all
        own = [f for f in files.documentation_pages() if f.generated_by is None]
        taken = {f.src_uri for f in files}
        for page in self.pages.values():
            if page.src in taken:
                raise PluginError(
                    f"docs/{page.src} would replace a page lwsite makes: rename or move it"
                )
            meta = {"title": page.title} | ({"lang": page.lang} if page.lang else {})
            front = yaml.safe_dump(meta, allow_unicode=True)
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(
                File.generated(config, page.src, content=f"---\n{front}---\n", inclusion=inclusion)
            )
        assert self.prepared is not None
        for asset in self.prepared.assets:
            if asset.path in taken:
                raise PluginError(f"docs/{asset.path} would replace a file lwsite makes: rename it")
            files.append(File.generated(config, asset.path, content=asset.content))
        if not config.nav:
            ours = sorted(f.src_uri for f in own)
            config.nav = _mkdocs_nav(menu(list(self.pages.values()), [s for s in ours if s not in editors],
                                          [s for s in ours if s in editors]))
        return files

    def on_page_content(self, html: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is None or self.renderer is None or page.file.generated_by is None:
            return html
        return self.renderer.render(spec)

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # the theme's templates compiled once a process: mkdocs serve rebuilds at every change
        env.bytecode_cache = shared_cache(env)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.failed is not None and self.settings is not None:
            # written last, over the theme's 404.html: the server answers every missing page with it
            page = serve.error_page(theme_dir(), self.failed, shown(self.settings.content_dir),
                                    urlsplit(config.site_url or "/").path or "/", self.token)
            for name in ("404.html", "index.html"):
                Path(config.site_dir, name).write_text(page, encoding="utf-8")
            return
        if self.prepared is not None and self.prepared.site is not None:
            charts = self.prepared.site.charts
            log.info(f"lwsite: {charts.rendered} chart(s) rendered, {charts.cached} taken from the cache")

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        if self.settings is not None:
            server.watch(str(self.settings.content_dir))
        return server


def _mkdocs_nav(entries: Sequence[tuple[str | None, Any]]) -> list[Any]:
    """lwsite's menu as MkDocs writes a nav: {title: src}, a bare src, or {section: [...]}."""
    out: list[Any] = []
    for title, target in entries:
        value = _mkdocs_nav(target) if isinstance(target, list) else target
        out.append(value if title is None else {title: value})
    return out

