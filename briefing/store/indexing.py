"""Keeping the store's search index: built once when first needed, then changed file by file.

A start never builds it; the first search does (the app, in a background worker). The documents
are made from the stored rows in worker processes when there are many, and stream into the index
in reading order through a connection of the builder's own, so readers are never held up.
"""

from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path

from briefing.loading.layout import BRIEFING_FILE
from briefing.store import codec
from briefing.store.database import connect, get_meta, set_meta, transaction
from briefing.store.progress import Progress, counting

Spellings = tuple[tuple[str, ...], ...]


def is_indexed(connection: sqlite3.Connection) -> bool:
    return get_meta(connection, "indexed") == "yes"


def follow_changes(
    connection: sqlite3.Connection, spellings: Spellings, changed: list[str], removed: list[str]
) -> None:
    """Keep a built index in step with files just compiled. When the spellings changed (every
    document carries them) it is dropped, to be built again when next needed."""
    if not is_indexed(connection):
        return
    from briefing.store.search_index import SqliteIndex, documents_from_rows

    index = SqliteIndex(connection)
    if get_meta(connection, "variants") != codec.dumps(list(spellings)):
        index.clear()
        set_meta(connection, indexed="no")
        return
    for path in removed:
        index.remove(path)
    for path in changed:
        index.replace(path, documents_from_rows(connection, [path], spellings))


def build_in_memory(connection: sqlite3.Connection, spellings: Spellings) -> None:
    """A store in memory: only its own connection can read it, so no workers."""
    from briefing.store.search_index import SqliteIndex, documents_from_rows

    with transaction(connection, immediate=True):
        paths = paths_in_reading_order(connection)
        SqliteIndex(connection).rebuild(documents_from_rows(connection, paths, spellings))
        _mark_indexed(connection, spellings)


def build(
    location: Path, generation: str | None, spellings: Spellings, paths: list[str], progress: Progress | None
) -> None:
    """Build the index of the store file at `location` unless another process built it, or
    changed the briefing, since `generation` was read."""
    from briefing.store.compile import in_parallel
    from briefing.store.search_index import SqliteIndex, documents_chunk

    advance = counting(len(paths), progress)
    writer = connect(str(location))
    try:
        with transaction(writer, immediate=True):
            if is_indexed(writer) or get_meta(writer, "generation") != generation:
                return  # theirs stands
            work = partial(documents_chunk, str(location), spellings)
            SqliteIndex(writer).rebuild(in_parallel(work, paths, advance))
            _mark_indexed(writer, spellings)
    finally:
        writer.close()


def _mark_indexed(connection: sqlite3.Connection, spellings: Spellings) -> None:
    set_meta(connection, indexed="yes", variants=codec.dumps(list(spellings)))


def paths_in_reading_order(connection: sqlite3.Connection) -> list[str]:
    """Content files in the order their documents are read: the briefing file, the topics as
    the outline orders them, then the outlets."""
    topics = [path for (path,) in connection.execute("SELECT path FROM topics ORDER BY rank, ord, sort_title, path")]
    sources = [path for (path,) in connection.execute("SELECT path FROM sources ORDER BY id")]
    header = [BRIEFING_FILE] if BRIEFING_FILE not in topics and get_meta(connection, "header") else []
    return header + topics + sources
