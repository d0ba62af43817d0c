"""``messages/<kind>.md``: the letters and notes written for an audience, per language."""

from __future__ import annotations

import re
from pathlib import Path

from .. import model as m
from ..model import Audience
from .context import Context
from .files import FOLDER
from .keys import Choice, Keys, Text

MESSAGE_RE = re.compile(r"(?P<kind>[a-z-]+)(?:\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]+)?))?\.md")
MESSAGE = Keys(title=Text(), audience=Choice(("public", "staff", "team")))


class MessageFiles(Context):
    """Reads a cycle's messages/ folder."""

    def messages(self, folder: Path) -> tuple[m.Message, ...]:
        if not self.need(folder, FOLDER):
            return ()
        out: list[m.Message] = []
        for path in self.children(folder):
            match = MESSAGE_RE.fullmatch(path.name)
            if not match or match.group("kind") not in m.MESSAGE_KINDS or not self.is_file(path):
                self.stray(path, "messages/", ", ".join(f"{k}.md" for k in m.MESSAGE_KINDS) + " or <kind>.<lang>.md")
                continue
            md = self.md_file(path, front_matter_required=False)
            if md is None:
                continue
            r, doc = self.reader(path), md.meta
            r.keys(doc, MESSAGE)
            v = r.values(doc, MESSAGE)
            audience = Audience.PUBLIC
            raw = v["audience"]
            if raw:
                audience = Audience.parse(raw)
            if not md.body.strip():
                r.error(md.body_line, "the message is empty: write it, or remove the file")
            if r.ok:
                out.append(
                    m.Message(
                        match.group("kind"), match.group("lang"), md.body.strip(), self.rel(path), v["title"], audience
                    )
                )
        return tuple(out)
