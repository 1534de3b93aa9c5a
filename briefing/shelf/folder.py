"""The library folder: where it is, which briefings it holds, and adding one to it.

Each briefing is a folder (or a link to one) directly inside the library; the bundled briefing
is always on the shelf without being in it. Nothing here reads a briefing's content.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from briefing.loading.layout import BRIEFING_FILE
from briefing.loading.paths import bundled_content_dir

LIBRARY_VAR = "BRIEFING_LIBRARY"
#: The folder name the bundled briefing goes by (it is never inside the library itself).
BUNDLED_NAME = "bundled"


class AddError(Exception):
    """`briefing add` cannot add the folder: the message says why, in one line."""


def library_dir() -> Path:
    """$BRIEFING_LIBRARY, else $XDG_DATA_HOME/briefing/library (~/.local/share/briefing/library)."""
    if explicit := os.environ.get(LIBRARY_VAR):
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "briefing" / "library"


@dataclass(frozen=True)
class Folder:
    name: str
    path: Path
    bundled: bool = False
    linked: bool = False


def briefing_folders(library: Path | None = None) -> list[Folder]:
    """The bundled briefing, then every folder of the library by name. Hidden entries and plain
    files are skipped; a link to a folder that is gone is kept, so the shelf can say so."""
    library = library_dir() if library is None else library
    bundled = bundled_content_dir()
    folders = [Folder(BUNDLED_NAME, bundled, bundled=True)]
    seen = {_resolved(bundled)}
    try:
        children = sorted(library.iterdir(), key=lambda path: path.name.casefold())
    except OSError:
        return folders  # no library yet (or unreadable): the bundled briefing alone
    for child in children:
        if child.name.startswith(".") or not (child.is_dir() or child.is_symlink()):
            continue
        resolved = _resolved(child)
        if resolved in seen:
            continue  # the same briefing reached twice (a link to the bundled one, say)
        seen.add(resolved)
        folders.append(Folder(child.name, child, linked=child.is_symlink()))
    return folders


def _resolved(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path)


@dataclass(frozen=True)
class Added:
    folder: Folder
    how: str  # "linked" or "copied"
    why: str


def add_folder(source: Path, *, copy: bool = False, library: Path | None = None) -> Added:
    """Put `source` on the shelf: a link by default, so the author's edits show; a copy with
    `copy`, a snapshot that stays as it is whatever happens to `source`. Raises `AddError`."""
    library = library_dir() if library is None else library
    if not source.is_dir():
        raise AddError(f"{source}: {'not a folder' if source.exists() else 'no such folder'}")
    if not (source / BRIEFING_FILE).is_file():
        raise AddError(f"{source}: no {BRIEFING_FILE} here; `briefing new {source}` starts a briefing")
    resolved = source.resolve()
    if resolved == library.resolve() or library.resolve() in resolved.parents:
        raise AddError(f"{source}: already inside the library ({library})")
    for folder in briefing_folders(library):
        if _resolved(folder.path) == str(resolved):
            raise AddError(f"{source}: already on the shelf as {folder.name!r}")
    try:
        library.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AddError(f"{library}: cannot make the library folder ({exc.strerror or exc})") from None
    target = library / _free_name(library, resolved.name)
    if not copy:
        try:
            target.symlink_to(resolved, target_is_directory=True)
            why = f"edits to {source} show on the shelf; use --copy for a snapshot that never changes"
            return Added(Folder(target.name, target, linked=True), "linked", why)
        except OSError as exc:
            why = f"this system could not make a link ({exc.strerror or exc}), so a snapshot was taken"
    else:
        why = f"a snapshot: it stays as it is whatever happens to {source}; edits there do not show"
    try:
        # Links inside are kept as links: content reached through a link out of the folder is
        # never read, in the library as anywhere else.
        shutil.copytree(resolved, target, symlinks=True, ignore=shutil.ignore_patterns(".*"))
    except OSError as exc:
        shutil.rmtree(target, ignore_errors=True)
        raise AddError(f"{source}: could not copy into {library} ({getattr(exc, 'strerror', None) or exc})") from None
    return Added(Folder(target.name, target), "copied", why)


def _free_name(library: Path, wanted: str) -> str:
    """A folder name for the library: the source's, made safe, with -2, -3… while it is taken."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", wanted).strip("-.") or "briefing"
    if base == BUNDLED_NAME:
        base = f"{base}-copy"
    name, number = base, 1
    while (library / name).exists() or (library / name).is_symlink():
        number += 1
        name = f"{base}-{number}"
    return name


# -- the last briefing read ------------------------------------------------------------------


def _last_read_file() -> Path:
    # Kept with the compiled stores: losing it loses only the one-key reopen.
    from briefing.store.database import cache_dir

    return cache_dir() / "last-read"


def last_read() -> str | None:
    try:
        text = _last_read_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text or None


def remember(root: str) -> None:
    path = _last_read_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(root + "\n", encoding="utf-8")
    except OSError:
        pass  # a read-only cache folder costs the reader only the one-key reopen
