"""The files of a content or docs folder: one walk that the loader and the privacy scan share.

MkDocs walks ``docs/`` following symbolic links (``os.walk(followlinks=True)``), and a loader
that asks ``is_file()`` follows them too: so lwsite follows links as well, but only where they
stay inside the project folder (the folder of ``mkdocs.yml``; for ``lwsite check CONTENT_DIR``
the folder holding the content folder) or inside the walked folder itself. Every other link is
refused with an error on the link's own path, and so is a link (or hard link) to the privacy
roster, a link that loops back to a folder above it, a second link to a folder another link
already brings in, and anything that is neither a file nor a folder (a pipe, a device).

Whatever the loader reads and whatever the scan checks come from the one ``Tree`` this walk
makes, so the two can never see different files. Names starting with ``.`` are skipped, as
MkDocs excludes them from the site.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

FILE, FOLDER, REFUSED = "file", "folder", "refused"


@dataclass
class Entry:
    path: Path  # where the walk found it (links not resolved), under the walked folder
    rel: str  # the path relative to the walked folder, with '/'
    kind: str  # FILE, FOLDER or REFUSED
    inode: int = 0  # of the file the entry reads (a link's target), for files


@dataclass
class Tree:
    """Every entry under ``root``, in the order of a sorted walk, with what was refused."""

    root: Path
    shown_prefix: str = ""  # what problems put before ``rel`` ("docs/" for the docs folder)
    entries: dict[Path, Entry] = field(default_factory=dict)
    folders: dict[Path, list[Entry]] = field(default_factory=dict)
    refusals: list[tuple[str, str]] = field(default_factory=list)  # (shown path, message)

    def kind(self, path: Path) -> str | None:
        """FILE, FOLDER, REFUSED, or None when nothing (not hidden) is there."""
        if path == self.root:
            return FOLDER
        entry = self.entries.get(path)
        return entry.kind if entry else None

    def children(self, folder: Path) -> list[Entry]:
        return self.folders.get(folder, [])

    def shown(self, entry: Entry) -> str:
        return self.shown_prefix + entry.rel

    def all(self) -> list[Entry]:
        return list(self.entries.values())

    def refuse(self, entry: Entry, message: str) -> None:
        entry.kind = REFUSED
        self.refusals.append((self.shown(entry), message))

    def refuse_copies_of(self, target: Path, message: str) -> None:
        """Refuse every file that is ``target`` itself under another name (a link or hard link)."""
        try:
            inode = os.stat(target).st_ino
        except OSError:
            return
        for entry in self.entries.values():
            if entry.kind == FILE and entry.inode == inode and _same(entry.path, target):
                self.refuse(entry, message)


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def walk(root: Path, project: Path | None = None, shown_prefix: str = "", private: tuple[Path, ...] = ()) -> Tree:
    """Walk ``root``, following links only within ``root`` and the project folder ``project``.

    A link into one of the ``private`` folders (the content folder, for ``docs/``) is refused too.
    """
    tree = Tree(root, shown_prefix)
    if not root.is_dir():
        return tree
    allowed = [os.path.realpath(root)] + ([os.path.realpath(project)] if project is not None else [])
    where = "the project folder " + (str(project) if project is not None else str(root))
    linked: dict[str, str] = {}  # real folder -> the link that brought it in
    # (folder as found, its real path, the real paths of the folders above it)
    stack: list[tuple[Path, str, tuple[str, ...]]] = [(root, allowed[0], ())]
    while stack:
        folder, real, above = stack.pop()
        chain = (*above, real)
        try:
            with os.scandir(folder) as found:
                items = sorted((e for e in found if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as exc:
            if folder != root:
                tree.refuse(
                    tree.entries[folder], f"this folder cannot be read ({exc.strerror}): make it readable, or remove it"
                )
            continue
        entries: list[Entry] = []
        below: list[tuple[Path, str, tuple[str, ...]]] = []
        for item in items:
            path = folder / item.name
            rel = path.relative_to(root).as_posix()
            entry = Entry(path, rel, FILE)
            tree.entries[path] = entry
            entries.append(entry)
            if item.is_symlink():
                target = os.path.realpath(path)
                refusal = _link_refusal(target, allowed, where, chain, linked, private)
                if refusal is not None:
                    tree.refuse(entry, refusal)
                elif os.path.isdir(target):
                    entry.kind = FOLDER
                    linked[target] = tree.shown(entry)
                    below.append((path, target, chain))
                elif os.path.isfile(target):
                    entry.inode = os.stat(target).st_ino
                else:
                    tree.refuse(
                        entry, f"this is a symbolic link to {target}, which is neither a file nor a folder: remove it"
                    )
                continue
            try:
                if item.is_dir(follow_symlinks=False):
                    entry.kind = FOLDER
                    below.append((path, os.path.join(real, item.name), chain))
                elif item.is_file(follow_symlinks=False):
                    entry.inode = item.inode()
                else:
                    tree.refuse(entry, "this is neither a file nor a folder (a pipe, socket or device): remove it")
            except OSError as exc:
                tree.refuse(entry, f"this cannot be read ({exc.strerror}): make it readable, or remove it")
        tree.folders[folder] = entries
        stack.extend(reversed(below))
    tree.entries = dict(sorted(tree.entries.items(), key=lambda kv: kv[1].rel.split("/")))
    return tree


def _link_refusal(
    target: str,
    allowed: list[str],
    where: str,
    chain: tuple[str, ...],
    linked: dict[str, str],
    private: tuple[Path, ...],
) -> str | None:
    """Why a symbolic link to ``target`` may not be followed; None when it may."""
    if not os.path.exists(target):
        return f"this is a symbolic link to {target}, which does not exist: fix the link or remove it"
    if not any(_inside(target, folder) for folder in allowed):
        return (
            f"this is a symbolic link to {target}, which is outside {where}: lwsite follows links "
            "only within the project, so that nothing outside it is published; copy the file or "
            "folder into the project instead, or remove the link"
        )
    for folder in private:
        if _inside(target, os.path.realpath(folder)) or _inside(os.path.realpath(folder), target):
            return (
                f"this is a symbolic link to {target}, which would publish the content files "
                f"of {folder} as they are (team-only records included): remove the link"
            )
    if os.path.isdir(target):
        if any(_inside(folder, target) for folder in chain):
            return f"this is a symbolic link to {target}, a folder that holds the link itself (a loop): remove the link"
        if target in linked:
            return (
                f"this is a symbolic link to {target}, which the link {linked[target]} already brings "
                "in: link a folder once, or copy it"
            )
    return None
