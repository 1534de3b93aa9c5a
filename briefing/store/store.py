"""`Store`: one content folder compiled into one SQLite file, kept in step with the folder.

Every `sync` compares the folder's files (path, size, modification time) with what the store
holds; a file whose bytes changed is parsed again, alone. A store that cannot be used as it is
is deleted and rebuilt with one notice (`briefing.store.database`); one that stays locked by
another process is left alone and this process works from a private copy in memory. Removing
the store loses nothing: it is rebuilt from the folder.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.loading.layout import BRIEFING_FILE
from briefing.model import ContentError, Header, Problem, Source, TopicEntry
from briefing.store import codec, database, indexing, stops
from briefing.store.database import DAMAGE, MEMORY, StoreUnusable, get_meta, set_meta, transaction
from briefing.store.progress import Progress, counting
from briefing.store.scan import FileStat, Scan, scan_folder

if TYPE_CHECKING:
    from briefing.store.library import StoredLibrary
    from briefing.store.search_index import SqliteIndex

NO_CACHE_VAR = "BRIEFING_NO_CACHE"
LOCKED = "the compiled briefing is locked by another program; working from memory"


#: The outline's order (the `topics_reading` index), and what one entry is read from.
_READING = "rank, ord, sort_title, path"
_ENTRY_COLUMNS = "id, title, ord, summary, path, aliases, claim_count, difference_count"
#: Topic ids per `IN (...)` lookup: well under SQLite's limit of host parameters (999).
_IDS_PER_QUERY = 500


def _unwritable(exc: BaseException) -> str:
    return f"the compiled briefing cannot be written ({database.reason(exc)}); working from memory"


@dataclass
class Sync:
    """What one `Store.sync` changed."""

    changed: set[str] = field(default_factory=set)  # content paths parsed again or added
    removed: set[str] = field(default_factory=set)  # content paths that are gone
    listing: bool = False  # the folder's own problems changed (a badly named file, a link out)

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed or self.listing)

    @property
    def paths(self) -> frozenset[str]:
        """Every content path that changed or is gone."""
        return frozenset(self.changed | self.removed)


@dataclass
class _Plan:
    compile: list[FileStat] = field(default_factory=list)
    touch: list[FileStat] = field(default_factory=list)  # new time, same bytes
    remove: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.compile or self.touch or self.remove)


class Store:
    """The compiled form of one content folder. Thread-safe: one connection behind a lock."""

    def __init__(self, root: Path | str, location: Path | None = None, *, in_memory: bool = False) -> None:
        """`in_memory`: no file at all (as `$BRIEFING_NO_CACHE` asks), for `load_briefing`."""
        self.root = Path(root)
        if not self.root.exists():
            raise ContentError(f"{self.root}: content folder not found")
        if not self.root.is_dir():
            raise ContentError(f"{self.root}: not a folder; give the folder that holds {BRIEFING_FILE}")
        in_memory = in_memory or bool(os.environ.get(NO_CACHE_VAR))
        self.location = None if in_memory else (location or database.store_path(self.root))
        self.notices: list[str] = []  # one line each, for the CLI's stderr or the app's notices
        #: The generation of the last briefing taken from this store (`open.snapshot`).
        self.shown_generation: str | None = None
        self._lock = threading.RLock()
        self._search_index: SqliteIndex | None = None
        #: The last outline's entries by topic id, true to the store's generation
        #: `_entries_generation`: a save reads again only the topics it changed (see `outline`).
        self._entries: dict[str, TopicEntry] = {}
        self._entries_generation: str | None = None
        #: The last outline and its places (topic id → position), shared with the next one
        #: while the order of the topics stays the same.
        self._order: tuple[tuple[TopicEntry, ...], dict[str, int]] = ((), {})
        #: The libraries of briefings still in use, told what a sync is about to rewrite.
        self._libraries: weakref.WeakSet[StoredLibrary] = weakref.WeakSet()
        self._connection = self._open()

    # -- opening -----------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.location is None:
            return database.create(MEMORY, self.root)
        try:
            self.location.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # no cache folder to write
            self.notices.append(_unwritable(exc))
            return self._in_memory()
        if self.location.is_symlink():
            # Never write through a link: whatever it names (a user's file) is not ours.
            return self._recreate("the compiled briefing was a link to another file; replaced it with a store")
        if self.location.exists() and not self.location.is_file():
            self.notices.append(f"{self.location} is not a file; working from memory")
            return self._in_memory()
        if not self.location.exists():
            return self._recreate()
        if not os.access(self.location, os.W_OK) and os.access(self.location.parent, os.W_OK):
            # A store made read-only in a folder that is not: ours to replace, rather than
            # parse the whole folder into memory on every start from now on.
            return self._recreate("the compiled briefing was read-only; rebuilt it")
        connection = None
        try:
            connection = database.connect(str(self.location))
            database.check(connection, self.root)
            return connection
        except StoreUnusable as exc:
            why = f"the compiled briefing {exc}; rebuilt it"
        except sqlite3.OperationalError as exc:
            if database.is_locked(exc):
                self.notices.append(LOCKED)
                return self._in_memory()
            why = f"the compiled briefing could not be read ({database.reason(exc)}); rebuilt it"
        except DAMAGE as exc:
            why = f"the compiled briefing was damaged ({database.reason(exc)}); rebuilt it"
        if connection is not None:
            with suppress(sqlite3.Error):
                connection.close()
        return self._recreate(why)

    def _recreate(self, why: str | None = None) -> sqlite3.Connection:
        """A new, empty store file, saying `why` once it is made; when it cannot be made (a
        full disk, a read-only folder), a store in memory, saying that instead."""
        if self.location is None:
            return self._in_memory()
        database.delete(self.location)
        try:
            connection = database.create_file(self.location, self.root)
        except (sqlite3.Error, OSError, StoreUnusable) as exc:
            self.notices.append(_unwritable(exc))
            return self._in_memory()
        if why:
            self.notices.append(why)
        return connection

    def _in_memory(self) -> sqlite3.Connection:
        """A private store in memory, for good: nothing is written to `location` from now on
        (the search index included)."""
        self.location = None
        return database.create(MEMORY, self.root)

    def _work_from_memory(self, notice: str) -> None:
        """The file cannot take what must be written (a full disk, a read-only folder, another
        process that keeps it locked): go on from a private store in memory, filled from the
        folder, saying so once. Nothing is lost: the file is only a copy of the folder."""
        self.notices.append(notice)
        with suppress(sqlite3.Error):
            self._connection.close()
        self._connection = self._in_memory()
        self._search_index = None
        self._entries, self._order = {}, ((), {})

    def rebuild(self, reason: str) -> None:
        """Start again from an empty store (the folder is the truth), saying why once."""
        with self._lock:
            self._connection.close()
            self._connection = self._recreate(f"the compiled briefing {reason}; rebuilt it")
            self._search_index = None
            self._entries, self._order = {}, ((), {})

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    # -- keeping in step with the folder -----------------------------------------------------

    def sync(self, progress: Progress | None = None) -> Sync:
        """Parse again what changed in the folder since the store last saw it."""
        with self._lock:
            with transaction(self._connection):  # one read of the store for every file's lookup
                scan = scan_folder(self.root, self._holds_as_is)
            listing = codec.encode_problems(list(scan.problems))
            plan = self._plan(scan)
            if not plan and get_meta(self._connection, "listing") == listing:
                return Sync()
            try:
                with transaction(self._connection, immediate=True):
                    plan = self._plan(scan)  # another process may have done part of it meanwhile
                    known = self._entries_generation == get_meta(self._connection, "generation")
                    generation = self._apply(plan, scan, listing, progress)
                    stops.point("sync-before-commit")
                if known:  # committed, on top of the generation the outline entries are true to
                    self._entries_generation = generation  # (those it rewrote are forgotten)
            except sqlite3.Error as exc:
                if self.location is None:
                    raise  # memory itself failed: nothing to fall back on
                # Another process holds the store for longer than we wait, or the file cannot
                # take the change (disk full, read-only): the transaction left it as it was.
                self._work_from_memory(LOCKED if database.is_locked(exc) else _unwritable(exc))
                plan = self._plan(scan)
                with transaction(self._connection):
                    self._apply(plan, scan, listing, progress)
            self._search_index = None  # the next search reads the new state
            changed = {stat.path for stat in plan.compile} | {stat.path for stat in plan.touch}
            return Sync(changed, set(plan.remove), True)

    def _holds_as_is(self, path: str, size: int, mtime_ns: int) -> bool:
        """Whether the store holds `path` with this size and modification time (for `scan_folder`:
        such a file is counted, not listed)."""
        row = self._connection.execute("SELECT size, mtime_ns FROM files WHERE path = ?", (path,)).fetchone()
        return row is not None and row[0] == size and row[1] == mtime_ns

    def _plan(self, scan: Scan) -> _Plan:
        """What a sync must do. A save costs what it changed: the folder's listing leaves out the
        files the store holds as they are (`scan_folder`'s `unchanged`), and the stored rows are
        looked up for the others only. Holding every file's row, or every file's listing, cost
        a whole folder's worth of objects per save (~5 MiB at 10,011 topics; README, "A long
        editing session")."""
        files = scan.files
        plan = _Plan()
        moved: list[str] = []  # a new size or time: perhaps changed
        new: set[str] = set()
        if scan.unchanged:
            held = 0
            for path, listed in files.items():
                row = self._connection.execute("SELECT size, mtime_ns FROM files WHERE path = ?", (path,)).fetchone()
                if row is None:
                    new.add(path)
                else:
                    held += 1
                    if row[0] != listed.size or row[1] != listed.mtime_ns:
                        moved.append(path)
            (stored,) = self._connection.execute("SELECT COUNT(*) FROM files").fetchone()
            if held + scan.unchanged != stored:  # the store holds files the folder no longer has
                return self._plan(scan_folder(self.root))
        else:
            stored = 0
            for path, size, mtime in self._connection.execute("SELECT path, size, mtime_ns FROM files"):
                stat = files.get(path)
                if stat is None:
                    plan.remove.append(path)
                    continue
                stored += 1
                if size != stat.size or mtime != stat.mtime_ns:
                    moved.append(path)
            if stored < len(files):  # files the store does not hold yet
                held_paths = {path for (path,) in self._connection.execute("SELECT path FROM files")}
                new = {path for path in files if path not in held_paths}
        touched: set[str] = set()
        if moved:
            # Touched, perhaps not changed (a checkout, a sync): the bytes decide.
            from briefing.store.compile import digest_of

            for path in moved:
                row = self._connection.execute("SELECT digest FROM files WHERE path = ?", (path,)).fetchone()
                if row and row[0] and digest_of(self.root / path) == row[0]:
                    touched.add(path)
                else:
                    new.add(path)
        # In order of path (the folder lists its files in an order of its own).
        plan.compile = sorted(files[path] for path in new)
        plan.touch = sorted(files[path] for path in touched)
        return plan

    def follow(self, library: StoredLibrary) -> None:
        """Keep `library` pinned to this generation: before a sync rewrites a topic, the library
        is handed the rows it had (held weakly: a briefing no longer shown costs nothing)."""
        with self._lock:
            self._libraries.add(library)

    def _keep_for_libraries(self, paths: list[str]) -> None:
        """Hand every library in use the topics of `paths` as they are, before they change."""
        libraries = list(self._libraries)
        if not libraries or not paths:
            return
        connection = self._connection
        for path in paths:
            for (topic_id,) in connection.execute("SELECT id FROM topics WHERE path = ?", (path,)).fetchall():
                row = self.topic_row(topic_id)
                cites = {
                    source_id: (claims, differences)
                    for source_id, claims, differences in connection.execute(
                        "SELECT source_id, claims, differences FROM cites WHERE topic_id = ?", (topic_id,)
                    )
                }
                for library in libraries:
                    library.keep_before_change(topic_id, row, cites)

    def _apply(self, plan: _Plan, scan: Scan, listing: str, progress: Progress | None) -> str:
        """Write what `plan` changed; returns the new generation."""
        from briefing.store.problems import all_problems
        from briefing.store.rows import forget_file, write_file

        connection = self._connection
        rewritten = [*plan.remove, *(stat.path for stat in plan.compile)]
        self._keep_for_libraries(rewritten)
        self._forget_entries(rewritten)
        for path in plan.remove:
            forget_file(connection, path)
        connection.executemany(
            "UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
            [(stat.size, stat.mtime_ns, stat.path) for stat in plan.touch],
        )
        if plan.compile:
            from briefing.store.compile import compile_files

            total = len(plan.compile)
            advance = counting(total, progress)
            if progress:
                progress(0, total)
            for record in compile_files(self.root, plan.compile, advance):
                forget_file(connection, record.stat.path)
                write_file(connection, record)
        spellings = self._header().variants
        indexing.follow_changes(connection, spellings, [stat.path for stat in plan.compile], plan.remove)
        generation = str(int(get_meta(connection, "generation") or 0) + 1)
        # Every problem, worked out once per change, so that opening the store reads one row.
        problems = codec.encode_problems(all_problems(connection, scan))
        set_meta(connection, problems=problems, listing=listing, generation=generation)
        return generation

    # -- the search index --------------------------------------------------------------------

    def ensure_index(self, progress: Progress | None = None) -> None:
        """Build the search index if it is not built (see `briefing.store.indexing`)."""
        with self._lock:
            if indexing.is_indexed(self._connection):
                return
            spellings = self._header().variants
            if self.location is None:
                indexing.build_in_memory(self._connection, spellings)
                return
            generation = get_meta(self._connection, "generation")
            paths = indexing.paths_in_reading_order(self._connection)
            location = self.location
        # Outside the lock: the app reads topics while its worker builds the index.
        try:
            indexing.build(location, generation, spellings, paths, progress)
        except sqlite3.Error as exc:
            with self._lock:  # the file cannot take the index: everything from memory instead
                self._work_from_memory(_unwritable(exc))
                scan = scan_folder(self.root)
                with transaction(self._connection):
                    self._apply(self._plan(scan), scan, codec.encode_problems(list(scan.problems)), None)
                indexing.build_in_memory(self._connection, self._header().variants)
        stops.point("index-built")
        with self._lock:
            self._search_index = None

    def is_indexed(self) -> bool:
        with self._lock:
            return indexing.is_indexed(self._connection)

    def search_index(self) -> SqliteIndex:
        """The store's search index (an `IndexStore`), built if it is not yet; its postings are
        read from the store as queries need them."""
        from briefing.store.search_index import SqliteIndex

        self.ensure_index()
        with self._lock:
            if self._search_index is None:
                self._search_index = SqliteIndex(self._connection, self._lock)
            return self._search_index

    # -- reading -----------------------------------------------------------------------------

    def query(self, sql: str, parameters: Iterable = ()) -> list[tuple]:
        with self._lock:
            return self._connection.execute(sql, tuple(parameters)).fetchall()

    def _header(self) -> Header:
        encoded = get_meta(self._connection, "header")
        return codec.decode_header(encoded) if encoded else Header()

    def header(self) -> Header:
        with self._lock:
            return self._header()

    def has_synced(self) -> bool:
        """Whether the store holds a briefing (it was brought up to date at least once)."""
        with self._lock:
            return get_meta(self._connection, "generation") is not None

    def generation(self) -> str:
        """Changes with every sync that changed something, whichever process made it."""
        with self._lock:
            return get_meta(self._connection, "generation") or "0"

    def changed_elsewhere(self) -> None:
        """Another process changed the store: what this one caches of the index is stale."""
        with self._lock:
            self._search_index = None

    def outline(self) -> tuple[tuple[TopicEntry, ...], dict[str, int]]:
        """Every topic's entry in reading order, and each topic's place in it (id → position).

        An app session holds one outline and makes the next one on every save. The entries of
        the topics a save did not rewrite are the last outline's own objects, and only the rows
        of the topics it did rewrite are read; when the order of the topics is the same as
        before (a save that rewords a topic), the places are the last outline's table too.
        Reading and decoding every row again made a whole outline's worth of short-lived objects
        per save (~8 MiB at 10,011 topics), whose peak Python's allocator then kept (README,
        "A long editing session")."""
        with self._lock, self._one_read():
            connection = self._connection
            # Read before the rows: rows newer than it only make the next call read them again.
            generation = get_meta(connection, "generation")
            if generation is None or generation != self._entries_generation:
                self._entries, self._order = {}, ((), {})  # another process's sync: nothing known
            known = self._entries
            before, places = self._order
            if not self._same_order(before):
                ids = [topic_id for (topic_id,) in connection.execute(f"SELECT id FROM topics ORDER BY {_READING}")]
                places = {topic_id: place for place, topic_id in enumerate(ids)}
                for gone in [topic_id for topic_id in known if topic_id not in places]:
                    del known[gone]
            missing = [topic_id for topic_id in places if topic_id not in known]
            for start in range(0, len(missing), _IDS_PER_QUERY):
                chunk = missing[start : start + _IDS_PER_QUERY]
                marks = ",".join("?" * len(chunk))
                for row in connection.execute(f"SELECT {_ENTRY_COLUMNS} FROM topics WHERE id IN ({marks})", chunk):
                    topic_id, title, place, summary, path, aliases, claims, differences = row
                    known[topic_id] = TopicEntry(
                        topic_id, title, place, summary, path, codec.split_list(aliases), claims, differences
                    )
            outline = tuple(known[topic_id] for topic_id in places)
            self._order = (outline, places)
            self._entries_generation = generation
            return outline, places

    def _one_read(self) -> AbstractContextManager[None]:
        """One read transaction around several reads, so that they see one state of the store:
        the order of the topics and the rows read for it are separate statements, and another
        process's sync between them could remove a topic the order still names."""
        return nullcontext() if self._connection.in_transaction else transaction(self._connection)

    def _same_order(self, outline: tuple[TopicEntry, ...]) -> bool:
        """Whether the store holds the topics of `outline`, in its order: compared row by row as
        they are read, so that nothing is kept of them."""
        if not outline:
            return False
        count = 0
        for (topic_id,) in self._connection.execute(f"SELECT id FROM topics ORDER BY {_READING}"):
            if count >= len(outline) or outline[count].id != topic_id:
                return False
            count += 1
        return count == len(outline)

    def _forget_entries(self, paths: list[str]) -> None:
        """The outline entries of topics a sync is about to rewrite or remove."""
        for path in paths:
            for (topic_id,) in self._connection.execute("SELECT id FROM topics WHERE path = ?", (path,)):
                self._entries.pop(topic_id, None)

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
            encoded = get_meta(self._connection, "problems")
        return tuple(codec.decode_problems(encoded)) if encoded else ()
