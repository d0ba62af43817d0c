"""``lwsite publish``'s core: a draft cycle becomes published only if the whole portfolio then checks.

``find`` locates the cycle and every value still saying ``(fill this in)``; ``publish`` sets
the status in focus.md, runs the check it is given, and puts the draft back when the check
fails, so that a cycle is never left published with errors.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import scaffold
from .errors import InputError, Problem
from .load.cycle import locate_cycle
from .writing import shown

DRAFT_RE = re.compile(r"^status:[ \t]*draft[ \t]*(#.*)?$", re.MULTILINE)


@dataclass(frozen=True)
class Draft:
    """A cycle to publish: its focus.md, as written, and the values still to write."""

    rel: str  # schools/SCHOOL/cycles/CYCLE-ID
    focus: Path
    text: str  # focus.md as it stands
    left: tuple[Problem, ...]  # values still saying "(fill this in)"

    @property
    def stays(self) -> str:
        return f"{self.rel} stays a draft: fix the problems above, then run lwsite publish again"

    @property
    def head(self) -> str:
        """The front matter of focus.md (where the status is), up to its closing ``---``."""
        end = self.text.find("\n---", 3)
        return self.text[: end if end > 0 else len(self.text)]

    @property
    def is_draft(self) -> bool:
        return bool(DRAFT_RE.search(self.head))


def find(content: Path, given: str) -> Draft:
    """The cycle a user named (its folder, or SCHOOL/CYCLE-ID), with every placeholder left in it."""
    located = locate_cycle(content, given)
    if located is None:
        raise InputError(f"{given}: not a cycle folder of {shown(content)}")
    folder = content.resolve() / "schools" / located[0] / "cycles" / located[1]
    rel = f"schools/{located[0]}/cycles/{located[1]}"
    left = []  # reported with every other problem, in one run
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".md", ".yml") and not path.name.startswith("."):
            for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
                if scaffold.PLACEHOLDER in line.split(" #")[0]:
                    left.append(
                        Problem(
                            f"{rel}/{path.relative_to(folder).as_posix()}",
                            n,
                            f"this still says {scaffold.PLACEHOLDER}: write it, or remove it if it is optional",
                        )
                    )
    focus = folder / "focus.md"
    if not focus.is_file():
        stays = Draft(rel, focus, "", ()).stays
        raise InputError(
            "\n".join(
                [
                    *(str(p) for p in left),
                    f"{rel}/focus.md:1: focus.md is missing: the cycle's status is set there",
                    stays,
                ]
            )
        )
    return Draft(rel, focus, focus.read_text(encoding="utf-8-sig"), tuple(left))


def publish(draft: Draft, check: Callable[[], bool]) -> bool:
    """Set the draft's status to published and run ``check`` (True: the portfolio may be built);
    if it fails (or raises), focus.md is put back as it was. True when the cycle is published."""
    head = draft.head
    draft.focus.write_text(DRAFT_RE.sub("status: published", head, count=1) + draft.text[len(head) :], encoding="utf-8")
    ok = False
    try:
        ok = check()
    finally:
        if not ok:
            draft.focus.write_text(draft.text, encoding="utf-8")
    return ok
