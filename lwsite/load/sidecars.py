"""``focus.<lang>.md``, ``debrief.<lang>.md``: a cycle's texts in another language of the site."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from .. import model as m
from .context import Context
from .fields import Reader
from .keys import Keys, Raw
from .markdown import MarkdownFile

SIDECAR_RE = re.compile(r"(?P<kind>focus|debrief)\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]+)?)\.md")
# the texts a sidecar may translate (its body translates the file's body), read by sidecar()
SIDECAR_KEYS = {
    "focus": Keys(question=Raw(), improvement_goal=Raw(), look_fors=Raw()),
    "debrief": Keys(message=Raw(), prediction=Raw(), quick_wins=Raw(), patterns=Raw(), strengths=Raw()),
}


class SidecarFiles(Context):
    """Reads the translations of a cycle's focus.md and debrief.md."""

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
                r.error(
                    1,
                    f"'{lang}' is not one of the portfolio's languages ({', '.join(self.languages)}): add it to "
                    "languages in portfolio.yml, or remove this file",
                )
                continue
            found = self.sidecar(r, md, kind, lang, found)
        return found

    def sidecar(self, r: Reader, md: MarkdownFile, kind: str, lang: str, found: Any) -> Any:
        doc = md.meta
        table = SIDECAR_KEYS[kind]
        r.keys(doc, table.named(f"a translation ({kind}.{lang}.md translates the texts of {kind}.md)"))
        given: dict[str, Any] = dict(found.translations.get(lang, {}))
        claims: dict[str, tuple[m.Claim, ...]] = {}
        for key in table.allowed:
            if key not in doc:
                continue
            line = r.line(doc, key)
            original = getattr(found, key)
            if key in ("look_fors", "quick_wins", "patterns", "strengths"):
                items = r.text_list(doc, key)
                if len(items) != len(original):
                    r.error(
                        line,
                        f"'{key}' has {len(items)} item(s) and {kind}.md has {len(original)}: translate "
                        "each item, in the same order",
                    )
                    continue
                if key in ("patterns", "strengths"):
                    if any(c.translations.get(lang) for c in original):
                        r.error(line, f"'{key}' is also translated in {kind}.md (claim: {{{lang}: ...}}): keep one")
                        continue
                    claims[key] = tuple(
                        replace(c, translations={**c.translations, lang: {"claim": text}})
                        for c, text in zip(original, items, strict=True)
                    )
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
