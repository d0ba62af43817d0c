"""Content Markdown, rendered safely.

Content text goes through a Markdown instance of lwsite's own with raw HTML turned off: a
pasted ``<script>`` or ``onerror=`` is shown as text, never emitted as markup. Links with a
scheme other than http(s) or mailto are dropped (the loader reports them as errors).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


class _SafeLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            for attr in ("href", "src"):
                value = el.get(attr)
                if value is None:
                    continue
                scheme = _SCHEME.match(value.strip())
                if scheme and scheme.group(1).lower() not in ("http", "https", "mailto"):
                    del el.attrib[attr]
            if el.tag == "img":  # images are not part of the format
                el.tag = "span"
                el.text = el.get("alt", "")
                el.attrib.clear()


def _make() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_SafeLinks(md), "lwsite_safe_links", 0)
    return md


_MD = _make()


def render(text: str | None) -> Markup:
    """Block Markdown to HTML."""
    if not text:
        return Markup("")
    _MD.reset()
    return Markup(_MD.convert(text))


def render_inline(text: str | None) -> Markup:
    """One-line Markdown to HTML without the wrapping paragraph."""
    html = str(render(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)
