"""Where documents and their postings live: the small interface a search needs, and the
in-memory implementation shipped here.

A query touches only the postings of its expanded terms and the few documents it scores, through
`IndexStore`: a store kept in SQLite can stand behind the same methods. Corpus statistics (the
number of documents, each term's document frequency, average field lengths) are kept up to date
as a content file's documents are replaced, so one edited file never means a full rebuild.
"""

from __future__ import annotations

import bisect
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Protocol

from briefing.search import bitset
from briefing.search.documents import FIELDS, Document
from briefing.search.language import stem_all
from briefing.search.normalize import SEPARATOR
from briefing.search.typos import DeletionIndex
from briefing.search.variants import is_group_term

#: Terms in at least this many documents keep a ready-made bitset of them.
DENSE_TERM = 24
#: Before a word: the topics whose title or aliases hold it (`name_term`).
NAME_MARK = "\x02"


def name_term(word: str) -> str:
    """The term listing the topics that are *called* `word` (in their title or aliases), so that
    on a large briefing they are never crowded out by topics that merely mention it."""
    return NAME_MARK + word


def _words_of(document: Document) -> set[str]:
    """Every term a document is found by (its words, extra terms, and for a topic its names)."""
    positions = document.terms.split(" ")
    words = set(positions)
    if document.extras:
        words.update(extra[0] for extra in document.extras)
    if document.kind == "topic":
        title_end, aliases_start = document.starts[1], document.starts[2]
        names = set(positions[:title_end])
        names.update(positions[aliases_start:])
        names.update(word for word, first, _ in document.extras if first < title_end or first >= aliases_start)
        names.discard(SEPARATOR)
        words.update(NAME_MARK + word for word in names)
    words.discard(SEPARATOR)
    words.discard("")
    return words


def _is_word(term: str) -> bool:
    """A vocabulary word, not a variant group or a name term."""
    return not is_group_term(term) and not term.startswith(NAME_MARK)


class IndexStore(Protocol):
    """What searching reads. Document ids are ints; reading order is `Document.order`."""

    @property
    def size(self) -> int:
        """How many documents are indexed (N, for term rarity)."""

    def document(self, doc_id: int) -> Document:
        """Raises `KeyError` for a document no longer indexed (a store shared with another
        process may have dropped it since its postings were read): a search skips it."""

    def postings(self, term: str) -> Sequence[int]:
        """Ids of the documents that contain `term` (a word or a variant group)."""

    def mask(self, term: str) -> int:
        """`postings(term)` as a bitset (bit d set: document d)."""

    def document_frequency(self, term: str) -> int:
        """How many documents contain `term`."""

    def recent_mask(self) -> int:
        """Documents whose ids do not follow reading order (indexed after the rest, when one
        file was re-indexed): candidates chosen by lowest id must include them."""

    def kind_mask(self, kinds: Iterable[str]) -> int:
        """Every live document of these kinds, as a bitset."""

    def terms_with_prefix(self, prefix: str, limit: int) -> list[str]:
        """Vocabulary words starting with `prefix` (at most `limit` looked at, in order)."""

    def near(self, word: str) -> list[str]:
        """Vocabulary words one typo away from `word`."""

    def words_with_stem(self, stem: str) -> Sequence[str]:
        """Vocabulary words whose stem is `stem`."""

    def topic_header(self, topic_id: str) -> int | None:
        """The id of a topic's own document (title, summary, aliases)."""

    def average_length(self, kind: str, field: int) -> float:
        """Mean number of words in one field, over the documents of one kind where it is not
        empty (a field most documents leave empty, like aliases, is not held against the few)."""

    def reading(self) -> AbstractContextManager[object]:
        """Around one query's reads: a store shared with other processes checks for their
        changes once here rather than before every read."""


class MemoryIndex:
    """An `IndexStore` in memory: postings as arrays of C ints, common terms also as bitsets."""

    def __init__(self, documents: Iterable[Document] = ()) -> None:
        self._documents: list[Document | None] = []
        self._postings: dict[str, array[int]] = {}
        self._by_path: dict[str, list[int]] = {}
        self._topics: dict[str, int] = {}
        self._kinds: dict[str, int] = {}  # kind → bitset of its live documents
        self._totals: dict[str, list[int]] = {kind: [0] * len(fields) for kind, fields in FIELDS.items()}
        self._counts: dict[str, list[int]] = {kind: [0] * len(fields) for kind, fields in FIELDS.items()}
        self._vocabulary: list[str] = []  # sorted real words (no group terms), for prefixes
        self._stems: dict[str, list[str]] = {}
        self._near = DeletionIndex(())
        self._masks: dict[str, int] = {}
        self._live = 0
        self._replaced_from: int | None = None  # the first id given out of reading order
        self.add(documents)

    # -- changing ------------------------------------------------------------------------------

    def add(self, documents: Iterable[Document]) -> None:
        """Index documents (any number, in any order)."""
        building: defaultdict[str, list[int]] = defaultdict(list)
        kinds: dict[str, list[int]] = {}
        for document in documents:
            doc = len(self._documents)
            self._documents.append(document)
            self._by_path.setdefault(document.path, []).append(doc)
            kinds.setdefault(document.kind, []).append(doc)
            if document.kind == "topic" and document.topic_id is not None:
                self._topics[document.topic_id] = doc
            self._count(document, 1)
            for word in _words_of(document):
                building[word].append(doc)
        size = len(self._documents)
        for kind, ids in kinds.items():
            self._kinds[kind] = self._kinds.get(kind, 0) | bitset.from_ids(ids, size)
        new_words = []
        for word, ids in building.items():
            current = self._postings.get(word)
            if current is None:
                self._postings[word] = array("i", ids)
                if _is_word(word):
                    new_words.append(word)
            else:
                current.extend(ids)
            self._masks.pop(word, None)
        self._learn(new_words)

    def remove(self, path: str) -> None:
        """Forget every document that came from one content file."""
        ids = self._by_path.pop(path, [])
        if not ids:
            return
        gone = set(ids)
        touched: set[str] = set()
        for doc in ids:
            document = self._documents[doc]
            if document is None:
                continue
            self._documents[doc] = None
            self._kinds[document.kind] &= ~(1 << doc)
            if document.kind == "topic" and self._topics.get(document.topic_id or "") == doc:
                del self._topics[document.topic_id or ""]
            self._count(document, -1)
            touched.update(_words_of(document))
        for word in touched:
            kept = array("i", (doc for doc in self._postings.get(word, ()) if doc not in gone))
            if kept:
                self._postings[word] = kept
            else:
                self._postings.pop(word, None)
                if _is_word(word):
                    index = bisect.bisect_left(self._vocabulary, word)
                    if index < len(self._vocabulary) and self._vocabulary[index] == word:
                        del self._vocabulary[index]
            self._masks.pop(word, None)

    def _count(self, document: Document, sign: int) -> None:
        """Keep N and the field-length totals (over documents where the field is not empty)."""
        totals, counts = self._totals[document.kind], self._counts[document.kind]
        for field, length in enumerate(document.lengths):
            if length:
                totals[field] += sign * length
                counts[field] += sign
        self._live += sign

    def replace(self, path: str, documents: Iterable[Document]) -> None:
        """Re-index one content file: its old documents out, the new ones in."""
        self.remove(path)
        if self._replaced_from is None:
            self._replaced_from = len(self._documents)
        self.add(documents)

    def _learn(self, words: list[str]) -> None:
        """New vocabulary words: sorted for prefixes, stemmed once, keyed for typos."""
        if not words:
            return
        if len(words) > len(self._vocabulary):
            self._vocabulary = sorted(self._vocabulary + words)
        else:
            for word in words:
                bisect.insort(self._vocabulary, word)
        for word, found in zip(words, stem_all(words), strict=True):
            self._stems.setdefault(found, []).append(word)
        self._near.add(words)
        for word in words:
            ids = self._postings[word]
            if len(ids) >= DENSE_TERM:
                self._masks[word] = bitset.from_ids(ids, len(self._documents))

    # -- reading -------------------------------------------------------------------------------

    @property
    def size(self) -> int:
        return self._live

    def document(self, doc_id: int) -> Document:
        document = self._documents[doc_id]
        if document is None:
            raise KeyError(f"document {doc_id} was removed")
        return document

    def postings(self, term: str) -> Sequence[int]:
        return self._postings.get(term, ())

    def mask(self, term: str) -> int:
        found = self._masks.get(term)
        if found is None:
            ids = self._postings.get(term)
            found = bitset.from_ids(ids, len(self._documents)) if ids else 0
            if len(self._masks) > 50_000:  # sparse terms come and go; never grow without bound
                self._masks.clear()
            self._masks[term] = found
        return found

    def document_frequency(self, term: str) -> int:
        return len(self._postings.get(term, ()))

    def recent_mask(self) -> int:
        if self._replaced_from is None:
            return 0
        return ((1 << len(self._documents)) - 1) & ~((1 << self._replaced_from) - 1)

    def kind_mask(self, kinds: Iterable[str]) -> int:
        found = 0
        for kind in kinds:
            found |= self._kinds.get(kind, 0)
        return found

    def terms_with_prefix(self, prefix: str, limit: int) -> list[str]:
        vocabulary = self._vocabulary
        start = bisect.bisect_left(vocabulary, prefix)
        words = []
        for index in range(start, min(start + limit, len(vocabulary))):
            word = vocabulary[index]
            if not word.startswith(prefix):
                break
            words.append(word)
        return words

    def near(self, word: str) -> list[str]:
        return [found for found in self._near.near(word) if found in self._postings]

    def words_with_stem(self, stem: str) -> Sequence[str]:
        return [word for word in self._stems.get(stem, ()) if word in self._postings]

    def topic_header(self, topic_id: str) -> int | None:
        return self._topics.get(topic_id)

    def average_length(self, kind: str, field: int) -> float:
        count = self._counts[kind][field]
        return self._totals[kind][field] / count if count else 0.0

    def reading(self) -> AbstractContextManager[object]:
        return nullcontext()  # this process's own: nothing else changes it

    def __repr__(self) -> str:
        return f"<MemoryIndex {self._live} documents, {len(self._vocabulary)} words>"


#: The terms a document is found by, and whether a term is a vocabulary word: what an index kept
#: elsewhere (the compiled store) builds its postings and vocabulary from.
index_terms = _words_of
is_word = _is_word
