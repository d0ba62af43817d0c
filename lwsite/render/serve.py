"""The page ``mkdocs serve`` shows while the content has errors: every problem, then the site again.

MkDocs's development server waits for a successful build before it answers any request, so a
failed build would leave the browser waiting until the content is fixed. In serve mode the plugin
builds this page instead: it stands in for every page (as the site's only page and its
``404.html``) and lists each problem as ``path:line: message``. The server's 404 answers carry no
live-reload script, so the page brings its own: a script file that polls a marker file holding
the build's token, and reloads when the marker changes or is gone (a later build, good or not).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import jinja2

from ..errors import Problem

SCRIPT = "assets/lwsite/serve-reload.js"
MARKER = "assets/lwsite/serve-build.txt"
_HERE = Path(__file__).resolve().parent


def error_page(theme_dir: Path, problems: Sequence[Problem], content: str, base: str, token: str) -> str:
    """The page's HTML: ``content`` names the content folder, ``base`` is the site's path on the
    server (``/`` or a mount path ending in ``/``), ``token`` the build's (also the marker's text)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(theme_dir / "lwsite")), autoescape=True)
    template = env.get_template("serve_error.html")
    return template.render(
        problems=[str(p) for p in problems],
        count=len(problems),
        content=content,
        script=base + SCRIPT,
        marker=base + MARKER,
        token=token,
    )


def reload_script() -> str:
    """The page's reload poll, a file of its own (the page has no inline script)."""
    return (_HERE / "serve_reload.js").read_text(encoding="utf-8")
