"""Noticing edits to a content folder as they happen, for the app and `briefing check --watch`.

Built on watchfiles (the operating system's file events, debounced in Rust). What changed is not
reported: the compiled store compares the folder with what it holds, so a caller only needs to
know *that* something did, and an editor's temporary files, renames and multiple writes in one
save come down to one batch. Imported only by what watches, never on start-up.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

#: Milliseconds of quiet before a batch is reported: one save, not each write of it.
DEBOUNCE_MS = 250
#: Seconds between looks for a content folder that is gone.
REAPPEAR_CHECK_SECONDS = 0.5
#: Changed files named in one line; the rest are counted.
NAMED = 3


def _is_content(_change: object, path: str) -> bool:
    """Markdown files, and folders (a renamed or new `topics/` changes what is read)."""
    return path.endswith(".md") or Path(path).is_dir() or not Path(path).suffix


def content_changes(root: Path, stop: threading.Event) -> Iterator[None]:
    """Yield once per batch of changes under `root`, until `stop` is set.

    The folder itself may be renamed, deleted or made again while it is watched (a sync tool, a
    checkout, an author starting over): the operating system's watch is lost with it, so the
    folder's identity is looked at between batches, a change of it is reported like an edit,
    and the new folder is watched as soon as it exists."""
    from watchfiles import watch

    last = _identity(root)
    while not stop.is_set():
        current = _identity(root)
        if current != last:
            last = current
            yield None  # gone, or back: the caller reads the folder again
        if current is None:
            stop.wait(REAPPEAR_CHECK_SECONDS)
            continue
        try:
            for changes in watch(
                root,
                watch_filter=_is_content,
                debounce=DEBOUNCE_MS,
                step=50,
                stop_event=stop,
                raise_interrupt=True,  # Ctrl-C ends `check --watch` as the caller decides, not with a log line
                rust_timeout=500,  # how often `stop`, and the folder's identity, are looked at
                yield_on_timeout=True,
            ):
                if stop.is_set():
                    return
                if _identity(root) != current:
                    break  # the watch lost the folder: watch what is there now
                if changes:
                    yield None
            else:
                return
        except OSError:  # it went between the look and the watch
            stop.wait(REAPPEAR_CHECK_SECONDS)


def _identity(root: Path) -> tuple[int, int] | None:
    try:
        info = root.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def describe_changes(paths: Iterable[str]) -> str:
    """What changed, in a line: "topics/kursk.md, topics/hockey.md and 4 more"."""
    ordered = sorted(paths)
    if not ordered:
        return "the folder"
    named = ", ".join(ordered[:NAMED])
    return named + (f" and {len(ordered) - NAMED} more" if len(ordered) > NAMED else "")
