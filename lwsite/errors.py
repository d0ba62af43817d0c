"""Content problems: every one names a file and a line and says what to do."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# line breaks and other controls a message may quote from content (a value, a file name): shown
# escaped, so that every problem stays one line
_BREAKS_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    return _BREAKS_RE.sub(lambda m: repr(m.group())[1:-1], text)


@dataclass(frozen=True, order=True)
class Problem:
    """One content error or warning, reported as ``path:line: message``."""

    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return one_line(f"{self.path}:{self.line}: {kind}{self.message}")


@dataclass
class Problems:
    """Collects every problem of one run, so that all are reported at once."""

    items: list[Problem] = field(default_factory=list)
    _seen: set[Problem] = field(default_factory=set, repr=False, compare=False)

    def error(self, path: str, line: int, message: str) -> None:
        self._add(Problem(path, max(1, line), message))

    def warn(self, path: str, line: int, message: str) -> None:
        self._add(Problem(path, max(1, line), message, warning=True))

    def _add(self, problem: Problem) -> None:
        if problem not in self._seen:  # two checks of one rule report it once
            self._seen.add(problem)
            self.items.append(problem)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]


class ContentError(Exception):
    """Raised by the shell when content has errors; carries every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class InputError(Exception):
    """A problem with the content or the input files a command was given: the command line prints it
    and exits with 1."""
