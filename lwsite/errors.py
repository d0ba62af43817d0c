"""Content problems: every one names a file and a line and says what to do."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One content error or warning, reported as ``path:line: message``."""

    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}: {kind}{self.message}"


@dataclass
class Problems:
    """Collects every problem of one run, so that all are reported at once."""

    items: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int, message: str) -> None:
        self._add(Problem(path, max(1, line), message))

    def warn(self, path: str, line: int, message: str) -> None:
        self._add(Problem(path, max(1, line), message, warning=True))

    def _add(self, problem: Problem) -> None:
        if problem not in self.items:  # two checks of one rule report it once
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
