"""Placeholder: the evidence-quality classifier is being written (issue 7)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QualityFinding:
    judgmental: tuple[str, ...] = ()
    general: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        if self.judgmental and self.general:
            return "both"
        return "judgmental" if self.judgmental else ("general" if self.general else "ok")

    @property
    def ok(self) -> bool:
        return not self.judgmental and not self.general


def classify(text: str) -> QualityFinding:
    return QualityFinding()


def describe(f: QualityFinding) -> list[str]:
    return []


REWRITE_PROMPTS: dict[str, str] = {"judgmental": "", "general": ""}
