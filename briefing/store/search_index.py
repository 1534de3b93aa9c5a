"""The search index, kept in the store: `SqliteIndex` is an `IndexStore` whose postings, documents
and vocabulary are read from SQLite when a query asks for them.

No process rebuilds it: a start reads nothing of it, a query reads the postings of its expanded
words (each a compressed bitset, ~20-70 µs to load) and the documents it ranks. An edited file's
documents are replaced in place; the postings of the words they hold are rewritten, nothing else.
Document ids follow reading order after a full build; documents of edited files are appended and
reported by `recent_mask`, so choosing candidates by lowest id can never leave them out.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from array import array
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import wraps
from typing import Any, NamedTuple, TypeVar

from briefing.search.documents import FIELDS, Document
from briefing.search.index import index_terms, is_word
from briefing.search.language import stem_all
from briefing.search.typos import MIN_TYPO_LENGTH, deletion_keys, typo_eligible, within_one_edit
from briefing.store.postings import bits_of, changed_postings, decode_postings, encode_postings, ids_of, pack, unpack

T = TypeVar("T")
#: Decoded bitsets kept per process: a keystroke's words, and the next keystroke's.
CACHED_MASKS = 512
#: Decoded documents kept per process: the candidates a few keystrokes rank.
CACHED_DOCUMENTS = 4 * CACHED_MASKS
#: Document rows a full build holds before it writes them out (it streams, never holds them all).
ROWS_PER_WRITE = 5_000
#: Terms looked up per query of `sterms`: well under SQLite's limit of host parameters (999).
TERMS_PER_LOOKUP = 500
_TOP = "\U0010ffff"


def encode_document(document: Document) -> str:
    return json.dumps(list(document), ensure_ascii=False, separators=(",", ":"))


class Prepared(NamedTuple):
    """A document ready to index: what its postings and statistics need, and its stored form.
    Worker processes prepare these, so building the index never decodes a document again."""

    path: str
    kind: str
    topic_id: str | None
    order: tuple
    lengths: tuple[int, ...]
    terms: tuple[str, ...]
    body: str

    @classmethod
    def of(cls, document: Document) -> Prepared:
        return cls(
            document.path,
            document.kind,
            document.topic_id,
            document.order,
            document.lengths,
            tuple(index_terms(document)),
            encode_document(document),
        )


def _tupled(value):
    if isinstance(value, list):
        return tuple(_tupled(item) for item in value)
    return value


def decode_document(body: str) -> Document:
    return Document(*(_tupled(value) for value in json.loads(body)))


def _locked(method: Callable[..., T]) -> Callable[..., T]:
    """Hold the store's lock while reading: a worker thread may be syncing the store. And
    forget what is cached when another process has changed the index since (its postings
    name documents by ids this process's state does not know yet)."""

    @wraps(method)
    def holding(self: SqliteIndex, *args: Any) -> T:
        with self._lock:
            if not self._reading:  # inside `reading()` the query asked once, at its start
                self._follow_other_writers()
            return method(self, *args)

    return holding


class SqliteIndex:
    """`IndexStore` over the store's connection; every read holds the store's lock."""

    def __init__(self, connection: sqlite3.Connection, lock: threading.RLock | None = None) -> None:
        self._db = connection
        # The store's lock: the app searches on its event loop while a worker may sync.
        self._lock = lock or threading.RLock()
        self._masks: OrderedDict[str, int] = OrderedDict()
        self._documents: OrderedDict[int, Document] = OrderedDict()
        self._reading = 0  # how deep in `reading()` this index is (it holds the lock meanwhile)
        self._state = self._read_state()
        self._version = self._data_version()

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One query's reads: whether another process changed the index is asked once, at the
        start, not before each of its few hundred reads (a search across a hundred briefings
        spent a fifth of its time asking). The lock is held throughout, so no sync of this
        process lands in the middle of the query either."""
        with self._lock:
            self._follow_other_writers()
            self._reading += 1
            try:
                yield
            finally:
                self._reading -= 1

    def _data_version(self) -> int:
        """Changes when another connection (another process, or the index build's) commits."""
        return self._db.execute("PRAGMA data_version").fetchone()[0]

    def _follow_other_writers(self) -> None:
        version = self._data_version()
        if version != self._version:
            self._version = version
            self._masks.clear()
            self._documents.clear()
            self._state = self._read_state()

    # -- state ---------------------------------------------------------------------------------

    def _read_state(self) -> dict:
        rows = dict(self._db.execute("SELECT key, value FROM sstate"))
        return {
            "size": int(rows.get("size", 0)),
            "next": int(rows.get("next", 0)),
            "watermark": int(rows.get("watermark", 0)),
            "lengths": json.loads(rows["lengths"]) if "lengths" in rows else _empty_lengths(),
        }

    def _write_state(self) -> None:
        state = self._state
        self._db.executemany(
            "INSERT OR REPLACE INTO sstate (key, value) VALUES (?, ?)",
            [
                ("size", str(state["size"])),
                ("next", str(state["next"])),
                ("watermark", str(state["watermark"])),
                ("lengths", json.dumps(state["lengths"])),
            ],
        )

    # -- building and changing -----------------------------------------------------------------

    def clear(self) -> None:
        for table in ("sdocs", "sterms", "styped", "skinds", "sstate"):
            self._db.execute(f"DELETE FROM {table}")
        self._masks.clear()
        self._documents.clear()
        self._state = {"size": 0, "next": 0, "watermark": 0, "lengths": _empty_lengths()}

    def rebuild(self, documents: Iterable[Prepared]) -> None:
        """Index every document afresh, given in reading order: ids follow it (inside the
        caller's transaction)."""
        self.clear()
        self._insert(documents)
        self._state["watermark"] = self._state["next"]
        self._write_state()

    def replace(self, path: str, documents: Iterable[Prepared]) -> None:
        """Re-index one content file (inside the caller's transaction)."""
        self.remove(path)
        self._insert(sorted(documents, key=lambda document: document.order))
        self._write_state()

    def remove(self, path: str) -> None:
        rows = self._db.execute("SELECT doc, body FROM sdocs WHERE path = ?", (path,)).fetchall()
        if not rows:
            return
        gone: set[int] = set()
        touched: set[str] = set()
        kinds: dict[str, int] = defaultdict(int)
        for doc, body in rows:
            document = decode_document(body)
            gone.add(doc)
            kinds[document.kind] |= 1 << doc
            touched.update(index_terms(document))
            self._count(document.kind, document.lengths, -1)
            self._documents.pop(doc, None)
        self._db.execute("DELETE FROM sdocs WHERE path = ?", (path,))
        for kind, bits in kinds.items():
            self._update_kind(kind, lambda current, bits=bits: current & ~bits)
        dropped = []
        size = self._state["next"]
        for term, _df, before in self._fetch_terms(list(touched)):
            count, after = changed_postings(before, gone, (), size)
            if count:
                self._db.execute("UPDATE sterms SET df = ?, bits = ? WHERE term = ?", (count, after, term))
            else:
                self._db.execute("DELETE FROM sterms WHERE term = ?", (term,))
                dropped.append(term)
            self._masks.pop(term, None)
        if dropped:
            self._db.executemany("DELETE FROM styped WHERE term = ?", [(term,) for term in dropped])

    def _insert(self, documents: Iterable[Prepared]) -> None:
        """Index documents given in reading order, streamed: only the postings are held."""
        first = size = self._state["next"]
        postings: defaultdict[str, array[int]] = defaultdict(lambda: array("I"))
        kinds: defaultdict[str, array[int]] = defaultdict(lambda: array("I"))
        rows = []
        for size, document in enumerate(documents, start=first + 1):
            doc = size - 1
            rows.append((doc, document.path, document.kind, document.topic_id, document.body))
            kinds[document.kind].append(doc)
            for term in document.terms:
                postings[term].append(doc)
            self._count(document.kind, document.lengths, 1)
            if len(rows) >= ROWS_PER_WRITE:
                self._db.executemany("INSERT INTO sdocs (doc, path, kind, topic_id, body) VALUES (?, ?, ?, ?, ?)", rows)
                rows.clear()
        self._db.executemany("INSERT INTO sdocs (doc, path, kind, topic_id, body) VALUES (?, ?, ?, ?, ?)", rows)
        if size == first:
            return
        for kind, ids in kinds.items():
            added = bits_of(ids, size)
            self._update_kind(kind, lambda current, added=added: current | added)
        existing = {term: (df, blob) for term, df, blob in self._fetch_terms(list(postings))}
        new_words = []
        updates, inserts = [], []
        for term, ids in postings.items():
            if term in existing:
                count, blob = changed_postings(existing[term][1], set(), ids, size)
                updates.append((count, blob, term))
            else:
                inserts.append((term, len(ids), encode_postings(ids, size), 1 if is_word(term) else 0))
                if is_word(term):
                    new_words.append(term)
            self._masks.pop(term, None)
        stems = dict(zip(new_words, stem_all(new_words), strict=True)) if new_words else {}
        if new_words:
            self._db.executemany(
                "INSERT INTO styped (key, term) VALUES (?, ?)",
                [
                    (key, word)
                    for word in new_words
                    if len(word) >= MIN_TYPO_LENGTH - 1 and word.isalpha()
                    for key in deletion_keys(word)
                ],
            )
        self._db.executemany("UPDATE sterms SET df = ?, bits = ? WHERE term = ?", updates)
        self._db.executemany(
            "INSERT INTO sterms (term, df, bits, word, stem) VALUES (?, ?, ?, ?, ?)",
            [(*row, stems.get(row[0])) for row in inserts],
        )
        self._state["next"] = size

    def _fetch_terms(self, terms: list[str]) -> list[tuple[str, int, bytes]]:
        found = []
        for start in range(0, len(terms), TERMS_PER_LOOKUP):
            chunk = terms[start : start + TERMS_PER_LOOKUP]
            marks = ",".join("?" * len(chunk))
            found += self._db.execute(
                f"SELECT term, df, bits FROM sterms WHERE term IN ({marks})",
                chunk,
            ).fetchall()
        return found

    def _update_kind(self, kind: str, change) -> None:
        row = self._db.execute("SELECT bits FROM skinds WHERE kind = ?", (kind,)).fetchone()
        bits = change(unpack(row[0]) if row else 0)
        self._db.execute("INSERT OR REPLACE INTO skinds (kind, bits) VALUES (?, ?)", (kind, pack(bits)))
        self._masks.pop("\0kind:" + kind, None)

    def _count(self, kind: str, lengths: Sequence[int], sign: int) -> None:
        totals, counts = self._state["lengths"][kind]
        for field, length in enumerate(lengths):
            if length:
                totals[field] += sign * length
                counts[field] += sign
        self._state["size"] += sign

    # -- reading (IndexStore) ------------------------------------------------------------------

    @property
    def size(self) -> int:
        return self._state["size"]

    @_locked
    def document(self, doc_id: int) -> Document:
        found = self._documents.get(doc_id)
        if found is None:
            row = self._db.execute("SELECT body FROM sdocs WHERE doc = ?", (doc_id,)).fetchone()
            if row is None:
                raise KeyError(f"document {doc_id} is not indexed")
            found = decode_document(row[0])
            self._documents[doc_id] = found
            if len(self._documents) > CACHED_DOCUMENTS:
                self._documents.popitem(last=False)
        return found

    @_locked
    def mask(self, term: str) -> int:
        found = self._masks.get(term)
        if found is None:
            row = self._db.execute("SELECT bits FROM sterms WHERE term = ?", (term,)).fetchone()
            found = decode_postings(row[0], self._state["next"]) if row else 0
            self._remember(term, found)
        else:
            self._masks.move_to_end(term)
        return found

    def _remember(self, key: str, bits: int) -> None:
        self._masks[key] = bits
        if len(self._masks) > CACHED_MASKS:
            self._masks.popitem(last=False)

    @_locked
    def document_frequency(self, term: str) -> int:
        row = self._db.execute("SELECT df FROM sterms WHERE term = ?", (term,)).fetchone()
        return row[0] if row else 0

    def postings(self, term: str) -> Sequence[int]:
        return ids_of(self.mask(term))

    @_locked
    def kind_mask(self, kinds: Iterable[str]) -> int:
        found = 0
        for kind in kinds:
            key = "\0kind:" + kind
            bits = self._masks.get(key)
            if bits is None:
                row = self._db.execute("SELECT bits FROM skinds WHERE kind = ?", (kind,)).fetchone()
                bits = unpack(row[0]) if row else 0
                self._remember(key, bits)
            found |= bits
        return found

    def recent_mask(self) -> int:
        """Documents indexed since the last full build: their ids are not in reading order."""
        watermark, end = self._state["watermark"], self._state["next"]
        return ((1 << end) - 1) & ~((1 << watermark) - 1) if end > watermark else 0

    @_locked
    def terms_with_prefix(self, prefix: str, limit: int) -> list[str]:
        rows = self._db.execute(
            "SELECT term FROM sterms WHERE term >= ? AND term < ? AND word = 1 ORDER BY term LIMIT ?",
            (prefix, prefix + _TOP, limit),
        )
        return [term for (term,) in rows]

    @_locked
    def near(self, word: str) -> list[str]:
        if not typo_eligible(word):
            return []
        keys = sorted(deletion_keys(word))
        marks = ",".join("?" * len(keys))
        rows = self._db.execute(f"SELECT DISTINCT term FROM styped WHERE key IN ({marks})", keys)
        return sorted(term for (term,) in rows if term != word and within_one_edit(term, word))

    @_locked
    def words_with_stem(self, stem: str) -> Sequence[str]:
        return [term for (term,) in self._db.execute("SELECT term FROM sterms WHERE stem = ?", (stem,))]

    @_locked
    def topic_header(self, topic_id: str) -> int | None:
        row = self._db.execute("SELECT doc FROM sdocs WHERE topic_id = ? AND kind = 'topic'", (topic_id,)).fetchone()
        return row[0] if row else None

    def average_length(self, kind: str, field: int) -> float:
        totals, counts = self._state["lengths"][kind]
        return totals[field] / counts[field] if counts[field] else 0.0

    def __repr__(self) -> str:
        return f"<SqliteIndex {self.size} documents>"


def _empty_lengths() -> dict[str, list[list[int]]]:
    return {kind: [[0] * len(fields), [0] * len(fields)] for kind, fields in FIELDS.items()}


def documents_from_rows(connection: sqlite3.Connection, paths: Sequence[str], spellings) -> list[Prepared]:
    """The search documents of content files, made from the store's rows (in `paths` order)."""
    from briefing.loading.layout import BRIEFING_FILE
    from briefing.search.documents import header_documents, source_documents, topic_documents
    from briefing.search.variants import VariantTable
    from briefing.store import codec

    variants = VariantTable(tuple(tuple(group) for group in spellings))
    marks = ",".join("?" * len(paths))
    topics = {
        row[4]: row
        for row in connection.execute(
            "SELECT topics.id, title, ord, summary, path, aliases, body FROM topics JOIN bodies USING (id)"
            f" WHERE path IN ({marks})",
            list(paths),
        )
    }
    sources = dict(connection.execute(f"SELECT path, record FROM sources WHERE path IN ({marks})", list(paths)))
    found: list[Prepared] = []
    for path in paths:
        made: list[Document] = []
        topic_row = topics.get(path)
        if path == BRIEFING_FILE:
            (header,) = connection.execute("SELECT value FROM meta WHERE key = 'header'").fetchone()
            if header:
                made += header_documents(codec.decode_header(header), topic_row is not None, variants, path)
        if topic_row is not None:
            made += topic_documents(codec.decode_topic(*topic_row), variants)
        if path in sources:
            made += source_documents(codec.decode_source(sources[path]), variants)
        found += [Prepared.of(document) for document in made]
    return found


def documents_chunk(location: str, spellings, paths: Sequence[str]) -> list[Prepared]:
    """`documents_from_rows` in a worker process, through a read-only connection of its own."""
    connection = sqlite3.connect(f"file:{location}?mode=ro", uri=True)
    try:
        return documents_from_rows(connection, paths, spellings)
    finally:
        connection.close()
