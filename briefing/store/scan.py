"""What the content folder holds now: every content file with its size and modification time.

One `stat` per file and no reading: this is what a start-up pays to learn which files changed.
Files that cannot be ids, that would shadow another, or that lead outside the content folder
(symbolic links) are reported here and never read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from briefing.loading.layout import BRIEFING_FILE, SOURCES_DIR, TOPICS_DIR, id_problem
from briefing.model import OVERVIEW_ID, Problem, Severity

GONE = "the content folder is gone (moved or deleted); it is read again as soon as it is back"
#: The kind of file each folder holds.
KINDS = {SOURCES_DIR: "source", TOPICS_DIR: "topic"}


@dataclass(frozen=True)
class FileStat:
    path: str  # relative to the content folder, with "/" separators
    kind: str  # "briefing" | "topic" | "source"
    item_id: str  # the topic or source id (the overview for briefing.md)
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Scan:
    files: dict[str, FileStat]
    problems: tuple[Problem, ...]  # about names and links, found without reading anything
    gone: bool = False  # the content folder itself is not there (moved or deleted meanwhile)


def scan_folder(root: Path) -> Scan:
    """Every content file of `root` that may be read, and the problems with those that may not.

    A folder that went away after it was opened (renamed, deleted, being recreated) is one
    problem, not one per file it held: the briefing comes back when the folder does."""
    if not root.is_dir():
        return Scan({}, (Problem(str(root), 0, Severity.ERROR, GONE),), gone=True)
    files: dict[str, FileStat] = {}
    problems: list[Problem] = []
    briefing = root / BRIEFING_FILE
    try:
        header = briefing.stat()
    except OSError:
        pass  # the store reports the missing file, with what to put in it
    else:
        if _inside(root, briefing):
            files[BRIEFING_FILE] = FileStat(BRIEFING_FILE, "briefing", OVERVIEW_ID, header.st_size, header.st_mtime_ns)
        else:
            problems.append(_outside(BRIEFING_FILE))
    for folder, kind in KINDS.items():
        seen = {OVERVIEW_ID: BRIEFING_FILE} if kind == "topic" else {}
        for name, stat, outside in _listing(root, folder, problems):
            shown_as = f"{folder}/{name}"
            item_id = name[: -len(".md")]
            if outside:
                problems.append(_outside(shown_as))
            elif bad_name := id_problem(item_id, shown_as):
                problems.append(bad_name)
            elif item_id in seen:
                problems.append(
                    Problem(shown_as, 0, Severity.ERROR, f"duplicate id `{item_id}` (also {seen[item_id]})")
                )
            else:
                seen[item_id] = shown_as
                size, mtime = (stat.st_size, stat.st_mtime_ns) if stat else (-1, -1)
                files[shown_as] = FileStat(shown_as, kind, item_id, size, mtime)
    return Scan(files, tuple(problems))


def _listing(root: Path, folder: str, problems: list[Problem]) -> list[tuple[str, os.stat_result | None, bool]]:
    """(name, stat or None when it cannot be read, leads outside the folder) for `folder/*.md`."""
    directory = root / folder
    found: list[tuple[str, os.stat_result | None, bool]] = []
    if directory.is_symlink() and not _inside(root, directory):
        problems.append(_outside(folder))
        return found
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                if not entry.name.endswith(".md"):
                    continue
                outside = entry.is_symlink() and not _inside(root, Path(entry.path))
                try:
                    stat = entry.stat()
                except OSError:
                    stat = None  # reading it will say why
                found.append((entry.name, stat, outside))
    except FileNotFoundError:
        problems.append(Problem(folder, 0, Severity.ERROR, f"folder `{folder}/` is missing: create it"))
    except NotADirectoryError:
        problems.append(Problem(folder, 0, Severity.ERROR, f"`{folder}` is not a folder: make it one"))
    except OSError as exc:
        problems.append(Problem(folder, 0, Severity.ERROR, f"cannot list the folder ({exc.strerror})"))
    return sorted(found)


def _inside(root: Path, path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return True  # reading it reports the loop


def _outside(shown_as: str) -> Problem:
    return Problem(shown_as, 0, Severity.ERROR, "links outside the content folder: not read")
