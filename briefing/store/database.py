"""The store's SQLite file: where it lives, how it is opened, and what makes it unusable.

A file that cannot serve as it is (corrupt, truncated, of another format, written by other code,
for another folder) raises `StoreUnusable` or one of `DAMAGE`; the store deletes it and starts
again, since the content folder is the truth and the file only a compiled copy of it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from briefing import __version__
from briefing.store import codec, schema

#: How long a process waits for another one that is writing the same store.
LOCK_WAIT_SECONDS = 60.0
MEMORY = ":memory:"
_PACKAGE = Path(__file__).resolve().parent.parent

#: What reading a damaged store can raise: SQLite's errors, and what decoding garbage raises
#: (bad UTF-8 and JSON are ValueErrors; a wrong shape, TypeError/KeyError/IndexError; absurd
#: sizes, OverflowError/MemoryError). None of them may stop a start: the store is rebuilt.
DAMAGE = (sqlite3.Error, ValueError, TypeError, KeyError, IndexError, OverflowError, MemoryError)


class StoreUnusable(Exception):
    """The store file cannot serve as it is: rebuild it."""


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing"


def store_path(root: Path) -> Path:
    """One store per content folder, named after the folder's resolved path."""
    name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:20]
    return cache_dir() / "stores" / f"{name}.sqlite3"


@functools.cache  # a process runs one code; the shelf opens a hundred stores (~8 ms a walk)
def code_fingerprint() -> str:
    """Changes with the package's own code, so an edited checkout never reads stale rows."""
    digest = hashlib.sha256(f"{__version__}\0{codec.SCHEMA}\0{schema.FORMAT}".encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"\0{path.relative_to(_PACKAGE)}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def connect(where: str) -> sqlite3.Connection:
    connection = sqlite3.connect(where, timeout=LOCK_WAIT_SECONDS, check_same_thread=False, isolation_level=None)
    if where != MEMORY:
        connection.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
        connection.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last commit is fine
    return connection


def check(connection: sqlite3.Connection, root: Path) -> None:
    """Raise `StoreUnusable` unless the file is a complete store of this code for `root`
    (a new, empty file is made one)."""
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version == 0:  # a new file (or not ours at all: then creating the tables says so)
        initialise(connection, root)
        (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version != schema.FORMAT:
        raise StoreUnusable("was of an older format")
    meta = dict(connection.execute("SELECT key, value FROM meta"))
    if meta.get("code") != code_fingerprint():
        raise StoreUnusable("was written by another version of briefing")
    if meta.get("root") != str(root.resolve()):
        raise StoreUnusable("belonged to another folder")


def initialise(connection: sqlite3.Connection, root: Path) -> None:
    with transaction(connection, immediate=True):
        # Two processes may find the same new file: the first to take the lock creates it.
        if connection.execute("PRAGMA user_version").fetchone()[0] == schema.FORMAT:
            return
        for statement in schema.TABLES.split(";"):
            if statement.strip():
                connection.execute(statement)  # (executescript would commit half-way)
        connection.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [("code", code_fingerprint()), ("root", str(root.resolve())), ("header", ""), ("problems", "")],
        )
        connection.execute(f"PRAGMA user_version = {schema.FORMAT}")


def create(where: str, root: Path) -> sqlite3.Connection:
    connection = connect(where)
    initialise(connection, root)
    return connection


def create_file(location: Path, root: Path) -> sqlite3.Connection:
    """A new store file at `location`: made whole under a temporary name, then linked into
    place, so no process ever opens half a store; when another process got there first, its
    store is used. Every later change is one SQLite transaction (a crash keeps the last)."""
    temporary = location.with_name(f".{location.name}.{os.getpid()}.new")
    delete(temporary)
    try:
        initialise_at = sqlite3.connect(str(temporary), isolation_level=None)
        try:
            initialise(initialise_at, root)
        finally:
            initialise_at.close()
        with suppress(FileExistsError):  # another process made it meanwhile: theirs is used
            os.link(temporary, location)
    finally:
        delete(temporary)
    connection = connect(str(location))
    try:
        check(connection, root)
    except BaseException:
        connection.close()
        raise
    return connection


def delete(location: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        # Gone already; or creating it again fails too, and the store works from memory.
        with suppress(OSError):
            Path(f"{location}{suffix}").unlink()


def is_locked(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


@contextmanager
def transaction(connection: sqlite3.Connection, immediate: bool = False) -> Iterator[None]:
    connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def get_meta(connection: sqlite3.Connection, key: str) -> str | None:
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(connection: sqlite3.Connection, **values: str) -> None:
    connection.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(values.items()))


def reason(exc: BaseException) -> str:
    """One short line, whatever a damaged file made the error say."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 80 else text[:79] + "…"
