"""What the content folder holds now: every content file with its size and modification time.

One `stat` per file and no reading: this is what a start-up pays to learn which files changed.
Files that cannot be ids, that would shadow another, or that lead outside the content folder
(symbolic links) are reported here and never read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from briefing.loading.layout import BRIEFING_FILE, SOURCES_DIR, TOPICS_DIR, id_problem
from briefing.model import OVERVIEW_ID, Problem, Severity

GONE = "the content folder is gone (moved or deleted); it is read again as soon as it is back"
#: The kind of file each folder holds.
KINDS = {SOURCES_DIR: "source", TOPICS_DIR: "topic"}


class FileStat(NamedTuple):
    """One content file as the folder holds it. A tuple, and the id worked out when asked: a
    sync lists every file of the folder (10,011 at the benchmark's size), each save."""

    path: str  # relative to the content folder, with "/" separators
    kind: str  # "briefing" | "topic" | "source"
    size: int
    mtime_ns: int

    @property
    def item_id(self) -> str:
        """The topic or source id (the overview for briefing.md)."""
        if self.kind == "briefing":
            return OVERVIEW_ID
        return self.path[self.path.rindex("/") + 1 : -len(".md")]


#: Whether the store holds a file as the folder does: (path, size, modification time) → bool.
Unchanged = Callable[[str, int, int], bool]


@dataclass(frozen=True)
class Scan:
    files: dict[str, FileStat]  # all of them, but those `scan_folder` was told are unchanged
    problems: tuple[Problem, ...]  # about names and links, found without reading anything
    gone: bool = False  # the content folder itself is not there (moved or deleted meanwhile)
    unchanged: int = 0  # files found and left out of `files`, as unchanged


def scan_folder(root: Path, unchanged: Unchanged | None = None) -> Scan:
    """Every content file of `root` that may be read, and the problems with those that may not.

    A folder that went away after it was opened (renamed, deleted, being recreated) is one
    problem, not one per file it held: the briefing comes back when the folder does.

    Every sync, so every save, lists the whole folder (10,011 files at the benchmark's size):
    the files come in the order the folder lists them, with nothing kept per file (no sorted
    copy of the listing, no table of ids) but its `FileStat`, and not even that for a topic or
    outlet `unchanged(path, size, mtime_ns)` says is unchanged (only counted); the problems are
    sorted by path."""
    if not root.is_dir():
        return Scan({}, (Problem(str(root), 0, Severity.ERROR, GONE),), gone=True)
    files: dict[str, FileStat] = {}
    problems: list[Problem] = []
    left_out = 0
    briefing = root / BRIEFING_FILE
    try:
        header = briefing.stat()
    except OSError:
        pass  # the store reports the missing file, with what to put in it
    else:
        if _inside(root, briefing):
            files[BRIEFING_FILE] = FileStat(BRIEFING_FILE, "briefing", header.st_size, header.st_mtime_ns)
        else:
            problems.append(_outside(BRIEFING_FILE))
    for folder, kind in KINDS.items():
        for name, size, mtime, outside in _listing(root, folder, problems):
            shown_as = f"{folder}/{name}"
            item_id = name[: -len(".md")]
            if outside:
                problems.append(_outside(shown_as))
            elif bad_name := id_problem(item_id, shown_as):
                problems.append(bad_name)
            elif kind == "topic" and item_id == OVERVIEW_ID:
                # Names in one folder differ, so their ids do: only the overview's can be taken.
                problems.append(
                    Problem(shown_as, 0, Severity.ERROR, f"duplicate id `{item_id}` (also {BRIEFING_FILE})")
                )
            elif unchanged is not None and size >= 0 and unchanged(shown_as, size, mtime):
                left_out += 1
            else:
                files[shown_as] = FileStat(shown_as, kind, size, mtime)
    problems.sort(key=lambda problem: problem.path)
    return Scan(files, tuple(problems), unchanged=left_out)


def _listing(root: Path, folder: str, problems: list[Problem]) -> Iterator[tuple[str, int, int, bool]]:
    """(name, size, modification time (both -1 when it cannot be read), leads outside the
    folder) for `folder/*.md`, in the order the folder lists them. Only the two figures of each
    `stat` are kept."""
    directory = root / folder
    if directory.is_symlink() and not _inside(root, directory):
        problems.append(_outside(folder))
        return
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                if not entry.name.endswith(".md"):
                    continue
                outside = entry.is_symlink() and not _inside(root, Path(entry.path))
                try:
                    stat = entry.stat()
                except OSError:
                    yield entry.name, -1, -1, outside  # reading it will say why
                else:
                    yield entry.name, stat.st_size, stat.st_mtime_ns, outside
    except FileNotFoundError:
        problems.append(Problem(folder, 0, Severity.ERROR, f"folder `{folder}/` is missing: create it"))
    except NotADirectoryError:
        problems.append(Problem(folder, 0, Severity.ERROR, f"`{folder}` is not a folder: make it one"))
    except OSError as exc:
        problems.append(Problem(folder, 0, Severity.ERROR, f"cannot list the folder ({exc.strerror})"))


def _inside(root: Path, path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return True  # reading it reports the loop


def _outside(shown_as: str) -> Problem:
    return Problem(shown_as, 0, Severity.ERROR, "links outside the content folder: not read")
