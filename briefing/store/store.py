"""`Store`: one content folder compiled into one SQLite file, kept in step with the folder.

Every start compares the folder's files (path, size, modification time) with what the store
holds; a file whose bytes changed is parsed again, alone. A store that cannot be used as it is
(corrupt, truncated, of another format, written by other code) is deleted and rebuilt, with one
notice; one that stays locked by another process is left alone and this process works from a
private copy in memory. Removing the store loses nothing: it is rebuilt from the folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import __version__
from briefing.loading.layout import BRIEFING_FILE, missing_briefing_problem
from briefing.model import OVERVIEW_ID, ContentError, Header, Problem, Severity, Source, TopicEntry
from briefing.store import codec, schema
from briefing.store.scan import FileStat, Scan, scan_folder

if TYPE_CHECKING:
    from briefing.store.search_index import SqliteIndex

NO_CACHE_VAR = "BRIEFING_NO_CACHE"
#: How long a process waits for another one that is writing the same store.
LOCK_WAIT_SECONDS = 60.0
_PACKAGE = Path(__file__).resolve().parent.parent

Progress = Callable[[int, int], None]  # (files compiled so far, files to compile)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing"


def store_path(root: Path) -> Path:
    """One store per content folder, named after the folder's resolved path."""
    name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:20]
    return cache_dir() / "stores" / f"{name}.sqlite3"


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


class StoreUnusable(Exception):
    """The store file cannot serve as it is: rebuild it."""


#: What reading a damaged store can raise: SQLite's errors, and what decoding garbage raises
#: (bad UTF-8 and JSON are ValueErrors; a wrong shape, TypeError/KeyError/IndexError; absurd
#: sizes, OverflowError/MemoryError). None of them may stop a start: the store is rebuilt.
DAMAGE = (sqlite3.Error, ValueError, TypeError, KeyError, IndexError, OverflowError, MemoryError)


@dataclass
class Sync:
    """What one `Store.sync` changed."""

    changed: set[str] = field(default_factory=set)  # content paths parsed again or added
    removed: set[str] = field(default_factory=set)  # content paths that are gone
    listing: bool = False  # the folder's own problems changed (a badly named file, a link out)

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed or self.listing)


class Store:
    """The compiled form of one content folder. Thread-safe: one connection behind a lock."""

    def __init__(self, root: Path | str, location: Path | None = None) -> None:
        self.root = Path(root)
        if not self.root.exists():
            raise ContentError(f"{self.root}: content folder not found")
        if not self.root.is_dir():
            raise ContentError(f"{self.root}: not a folder; give the folder that holds {BRIEFING_FILE}")
        in_memory = bool(os.environ.get(NO_CACHE_VAR))
        self.location = None if in_memory else (location or store_path(self.root))
        self.notices: list[str] = []  # one line each, for the CLI's stderr or the app's notices
        self._lock = threading.RLock()
        self._search_index: SqliteIndex | None = None
        self._connection = self._open()

    # -- opening -----------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.location is None:
            return self._create(":memory:")
        try:
            self.location.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return self._create(":memory:")  # no cache folder to write: work from memory
        try:
            connection = self._connect(str(self.location))
            self._check(connection)
            return connection
        except StoreUnusable as exc:
            self.notices.append(f"the compiled briefing {exc}; rebuilt it")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                self.notices.append("the compiled briefing is locked by another program; working from memory")
                return self._create(":memory:")
            self.notices.append(f"the compiled briefing could not be read ({_reason(exc)}); rebuilt it")
        except DAMAGE as exc:
            self.notices.append(f"the compiled briefing was damaged ({_reason(exc)}); rebuilt it")
        self._delete_files()
        try:
            return self._create(str(self.location))
        except sqlite3.Error:
            return self._create(":memory:")

    def _connect(self, where: str) -> sqlite3.Connection:
        connection = sqlite3.connect(where, timeout=LOCK_WAIT_SECONDS, check_same_thread=False, isolation_level=None)
        if where != ":memory:":
            connection.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
            connection.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last commit is fine
        return connection

    def _check(self, connection: sqlite3.Connection) -> None:
        """Raise `StoreUnusable` unless the file is a complete store of this code for this folder."""
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version == 0:  # a new, empty file (or not ours at all: then creating the tables says so)
            self._initialise(connection)
            (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version != schema.FORMAT:
            raise StoreUnusable("was of an older format")
        meta = dict(connection.execute("SELECT key, value FROM meta"))
        if meta.get("code") != code_fingerprint():
            raise StoreUnusable("was written by another version of briefing")
        if meta.get("root") != str(self.root.resolve()):
            raise StoreUnusable("belonged to another folder")

    def _initialise(self, connection: sqlite3.Connection) -> None:
        with _transaction(connection, immediate=True):
            # Two processes may find the same new file: the first to take the lock creates it.
            if connection.execute("PRAGMA user_version").fetchone()[0] == schema.FORMAT:
                return
            for statement in schema.TABLES.split(";"):
                if statement.strip():
                    connection.execute(statement)  # (executescript would commit half-way)
            connection.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [("code", code_fingerprint()), ("root", str(self.root.resolve())), ("header", ""), ("problems", "")],
            )
            connection.execute(f"PRAGMA user_version = {schema.FORMAT}")

    def _create(self, where: str) -> sqlite3.Connection:
        connection = self._connect(where)
        self._initialise(connection)
        return connection

    def _delete_files(self) -> None:
        if self.location is None:
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                Path(f"{self.location}{suffix}").unlink()
            except FileNotFoundError:
                pass
            except OSError:
                pass  # creating it again will fail too, and we fall back to memory

    def rebuild(self, reason: str) -> None:
        """Start again from an empty store (the folder is the truth), saying why once."""
        with self._lock:
            self.notices.append(f"the compiled briefing {reason}; rebuilt it")
            self._connection.close()
            self._delete_files()
            try:
                self._connection = self._create(str(self.location) if self.location else ":memory:")
            except sqlite3.Error:
                self._connection = self._create(":memory:")

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    # -- keeping in step with the folder -----------------------------------------------------

    def sync(self, progress: Progress | None = None) -> Sync:
        """Parse again what changed in the folder since the store last saw it."""
        with self._lock:
            scan = scan_folder(self.root)
            listing = codec.encode_problems(list(scan.problems))
            plan = self._plan(scan)
            if not plan and self._meta("listing") == listing:
                return Sync()
            try:
                with _transaction(self._connection, immediate=True):
                    plan = self._plan(scan)  # another process may have done part of it meanwhile
                    self._apply(plan, progress)
                    self._store_problems(scan, listing)
                    self._set_meta("generation", str(int(self._meta("generation") or 0) + 1))
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                # Another process holds the store for longer than we wait: work from memory.
                self.notices.append("the compiled briefing is locked by another program; working from memory")
                self._connection.close()
                self._connection = self._create(":memory:")
                plan = self._plan(scan)
                with _transaction(self._connection):
                    self._apply(plan, progress)
                    self._store_problems(scan, listing)
            return Sync(
                {stat.path for stat in plan.compile} | {stat.path for stat in plan.touch}, set(plan.remove), True
            )

    def _meta(self, key: str) -> str | None:
        row = self._connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self._connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def _store_problems(self, scan: Scan, listing: str) -> None:
        """Every problem, worked out once per change so that opening the store reads one row."""
        found: list[Problem] = list(scan.problems)
        if BRIEFING_FILE not in scan.files:
            found.append(missing_briefing_problem())
        for (encoded,) in self._connection.execute("SELECT problems FROM files WHERE problems != '[]'"):
            found += codec.decode_problems(encoded)
        found += self._unknown_citations()
        found += self._shared_orders()
        found.sort(key=lambda problem: (problem.path, problem.line))
        self._set_meta("problems", codec.encode_problems(found))
        self._set_meta("listing", listing)

    def _plan(self, scan: Scan) -> _Plan:
        stored = {
            path: (size, mtime, digest)
            for path, size, mtime, digest in self._connection.execute("SELECT path, size, mtime_ns, digest FROM files")
        }
        plan = _Plan(remove=[path for path in stored if path not in scan.files])
        for path, stat in scan.files.items():
            known = stored.get(path)
            if known is None:
                plan.compile.append(stat)
            elif known[:2] != (stat.size, stat.mtime_ns):
                # Touched, perhaps not changed (a checkout, a sync): the bytes decide.
                from briefing.store.compile import digest_of

                if known[2] and digest_of(self.root / path) == known[2]:
                    plan.touch.append(stat)
                else:
                    plan.compile.append(stat)
        return plan

    def _apply(self, plan: _Plan, progress: Progress | None) -> None:
        connection = self._connection
        for path in plan.remove:
            self._forget(path)
        connection.executemany(
            "UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
            [(stat.size, stat.mtime_ns, stat.path) for stat in plan.touch],
        )
        if plan.compile:
            from briefing.store.compile import compile_files

            total, done = len(plan.compile), 0

            def advance(count: int) -> None:
                nonlocal done
                done += count
                if progress:
                    progress(done, total)

            if progress:
                progress(0, total)
            for record in compile_files(self.root, plan.compile, advance):
                self._forget(record.stat.path)
                self._write(record)
        self._follow_with_index([stat.path for stat in plan.compile], plan.remove)

    # -- the search index --------------------------------------------------------------------

    def _follow_with_index(self, changed: list[str], removed: list[str]) -> None:
        """Keep a built search index in step with the files just changed. When the spellings
        changed (every document carries them) it is dropped, and built again when next needed."""
        if self._meta("indexed") != "yes":
            return
        from briefing.store.search_index import SqliteIndex

        index = SqliteIndex(self._connection)
        if self._meta("variants") != codec.dumps(list(self.header().variants)):
            index.clear()
            self._set_meta("indexed", "no")
        else:
            for path in removed:
                index.remove(path)
            for path in changed:
                index.replace(path, self._documents_of(path))
        self._search_index = None  # the next search reads the new state

    def _documents_of(self, path: str) -> list:
        """The search documents of one content file, made from its stored rows."""
        from briefing.store.search_index import documents_from_rows

        return documents_from_rows(self._connection, [path], self.header().variants)

    def ensure_index(self, progress: Progress | None = None) -> None:
        """Build the search index if it is not built: every document, in reading order, made in
        worker processes when there are many. A start never pays for this; the first search does
        (the app, in the background). Readers are never held up: documents are made outside the
        store's lock, and written through a connection of their own."""
        from briefing.store.compile import in_parallel
        from briefing.store.search_index import SqliteIndex, documents_chunk, documents_from_rows

        with self._lock:
            if self._meta("indexed") == "yes":
                return
            generation = self._meta("generation")
            spellings = self.header().variants
            paths = self._paths_in_reading_order()
            if self.location is None:  # a store in memory: only this connection can read it
                with _transaction(self._connection, immediate=True):
                    SqliteIndex(self._connection).rebuild(documents_from_rows(self._connection, paths, spellings))
                    self._mark_indexed(self._connection, spellings)
                return
        total, done = len(paths), 0

        def advance(count: int) -> None:
            nonlocal done
            done += count
            if progress:
                progress(done, total)

        writer = self._connect(str(self.location))
        try:
            with _transaction(writer, immediate=True):
                state = dict(writer.execute("SELECT key, value FROM meta WHERE key IN ('indexed', 'generation')"))
                if state.get("indexed") != "yes" and state.get("generation") == generation:
                    # Workers read the committed rows through connections of their own; the
                    # documents stream into the index as they come, in reading order.
                    work = partial(documents_chunk, str(self.location), spellings)
                    SqliteIndex(writer).rebuild(in_parallel(work, paths, advance))
                    self._mark_indexed(writer, spellings)
                # else another process built it, or changed the briefing meanwhile: theirs stands
        finally:
            writer.close()
        with self._lock:
            self._search_index = None

    @staticmethod
    def _mark_indexed(connection: sqlite3.Connection, spellings: tuple[tuple[str, ...], ...]) -> None:
        connection.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [("indexed", "yes"), ("variants", codec.dumps(list(spellings)))],
        )

    def _paths_in_reading_order(self) -> list[str]:
        """Content files in the order their documents are read: the briefing file, the topics
        as the outline orders them, then the outlets."""
        topics = [
            path for (path,) in self._connection.execute("SELECT path FROM topics ORDER BY rank, ord, sort_title, path")
        ]
        sources = [path for (path,) in self._connection.execute("SELECT path FROM sources ORDER BY id")]
        header = [BRIEFING_FILE] if BRIEFING_FILE not in topics and self._meta("header") else []
        return header + topics + sources

    def search_index(self):
        """The store's search index (an `IndexStore`), built if it is not yet; its postings are
        read from the store as queries need them."""
        from briefing.store.search_index import SqliteIndex

        self.ensure_index()
        with self._lock:
            if self._search_index is None:
                self._search_index = SqliteIndex(self._connection, self._lock)
            return self._search_index

    def _forget(self, path: str) -> None:
        connection = self._connection
        connection.execute(
            "DELETE FROM cites WHERE topic_id IN (SELECT id FROM topics WHERE path = ?)",
            (path,),
        )
        connection.execute("DELETE FROM bodies WHERE id IN (SELECT id FROM topics WHERE path = ?)", (path,))
        connection.execute("DELETE FROM topics WHERE path = ?", (path,))
        connection.execute("DELETE FROM sources WHERE path = ?", (path,))
        connection.execute("DELETE FROM files WHERE path = ?", (path,))
        if path == BRIEFING_FILE:
            connection.execute("UPDATE meta SET value = '' WHERE key = 'header'")

    def _write(self, record) -> None:  # record: briefing.store.compile.Compiled
        connection = self._connection
        stat = record.stat
        connection.execute(
            "INSERT INTO files (path, kind, item_id, size, mtime_ns, digest, problems) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (stat.path, stat.kind, stat.item_id, stat.size, stat.mtime_ns, record.digest, record.problems),
        )
        if record.header is not None:
            connection.execute("UPDATE meta SET value = ? WHERE key = 'header'", (record.header,))
        if record.source is not None:
            connection.execute(
                "INSERT INTO sources (id, path, record) VALUES (?, ?, ?)", (stat.item_id, stat.path, record.source)
            )
        if (row := record.topic) is not None:
            connection.execute("INSERT INTO bodies (id, body) VALUES (?, ?)", (row.id, row.body))
            connection.execute(
                "INSERT INTO topics (id, path, title, ord, rank, sort_title, summary, aliases, claim_count,"
                " difference_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row.id,
                    row.path,
                    row.title,
                    row.order,
                    0 if row.id == OVERVIEW_ID else 1,
                    row.title.casefold(),
                    row.summary,
                    row.aliases,
                    row.claim_count,
                    row.difference_count,
                ),
            )
            connection.executemany(
                "INSERT INTO cites (topic_id, source_id, claims, differences, lines) VALUES (?, ?, ?, ?, ?)",
                [(row.id, *cite) for cite in record.cites],
            )

    # -- reading -----------------------------------------------------------------------------

    def query(self, sql: str, parameters: Iterable = ()) -> list[tuple]:
        with self._lock:
            return self._connection.execute(sql, tuple(parameters)).fetchall()

    def header(self) -> Header:
        rows = self.query("SELECT value FROM meta WHERE key = 'header'")
        return codec.decode_header(rows[0][0]) if rows and rows[0][0] else Header()

    def outline(self) -> tuple[TopicEntry, ...]:
        rows = self.query(
            "SELECT id, title, ord, summary, path, aliases, claim_count, difference_count FROM topics"
            " ORDER BY rank, ord, sort_title, path"
        )
        return tuple(
            TopicEntry(topic_id, title, order, summary, path, codec.split_list(aliases), claims, differences)
            for topic_id, title, order, summary, path, aliases, claims, differences in rows
        )

    def sources(self) -> tuple[Source, ...]:
        return tuple(codec.decode_source(record) for (record,) in self.query("SELECT record FROM sources ORDER BY id"))

    def topic_row(self, topic_id: str) -> tuple | None:
        rows = self.query(
            "SELECT topics.id, title, ord, summary, path, aliases, body FROM topics JOIN bodies USING (id)"
            " WHERE topics.id = ?",
            (topic_id,),
        )
        return rows[0] if rows else None

    def problems(self) -> tuple[Problem, ...]:
        """Every problem as of the last `sync`: each file's own, the folder's, and those that
        look across files."""
        with self._lock:
            encoded = self._meta("problems")
        return tuple(codec.decode_problems(encoded)) if encoded else ()

    def is_empty(self) -> bool:
        """Nothing compiled yet: the first `sync` parses the whole folder."""
        return not self.query("SELECT 1 FROM files LIMIT 1")

    def _unknown_citations(self) -> Iterator[Problem]:
        from briefing.loading.validate import unknown_source_problem

        rows = self._connection.execute(
            "SELECT topics.path, cites.source_id, cites.lines FROM cites JOIN topics ON topics.id = cites.topic_id"
            " WHERE cites.source_id NOT IN (SELECT id FROM sources)"
        ).fetchall()
        if not rows:
            return
        known = [source_id for (source_id,) in self._connection.execute("SELECT id FROM sources")]
        for path, source_id, lines in rows:
            for line in json.loads(lines):
                yield unknown_source_problem(path, line, source_id, known)

    def _shared_orders(self) -> Iterator[Problem]:
        rows = self._connection.execute(
            "SELECT ord, path FROM topics WHERE rank = 1 AND ord IN"
            " (SELECT ord FROM topics WHERE rank = 1 GROUP BY ord HAVING COUNT(*) > 1)"
            " ORDER BY ord, sort_title, path"
        ).fetchall()
        first: dict[int, str] = {}
        for order, path in rows:
            if order in first:
                yield Problem(path, 0, Severity.WARNING, f"`order: {order}` is also used by {first[order]}")
            else:
                first[order] = path


@dataclass
class _Plan:
    compile: list[FileStat] = field(default_factory=list)
    touch: list[FileStat] = field(default_factory=list)  # new time, same bytes
    remove: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.compile or self.touch or self.remove)


@contextmanager
def _transaction(connection: sqlite3.Connection, immediate: bool = False) -> Iterator[None]:
    connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _reason(exc: BaseException) -> str:
    """One short line, whatever a damaged file made the error say."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 80 else text[:79] + "…"
