"""Writing the files a command makes: all of them or none, and paths as a user reads them."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path


def shown(path: Path) -> str:
    """A path as messages show it: relative to the folder the command runs in, when it can be."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def write_all(base: Path, files: Mapping[str, str | bytes], remove: Sequence[str] = ()) -> None:
    """Write every file below ``base`` or none: into a hidden folder first, then moved in."""
    base.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".lwsite-", dir=base))
    try:
        for rel, text in files.items():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        for rel in files:
            (base / rel).parent.mkdir(parents=True, exist_ok=True)
            (staging / rel).replace(base / rel)
        for rel in remove:
            (base / rel).unlink(missing_ok=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def new_folder(folder: Path, files: Mapping[str, str]) -> None:
    """Create a folder with its files at once (a rename of a complete hidden folder)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        for rel, text in files.items():
            (staging / rel).parent.mkdir(parents=True, exist_ok=True)
            (staging / rel).write_text(text, encoding="utf-8")
        staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
