"""Where lwsite's own theme folder is: inside the wheel, or at the repository's root."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def theme_dir() -> Path:
    packaged = _HERE / "theme"
    if packaged.is_dir():
        return packaged
    return _HERE.parent / "theme"
