"""Topics read from the store when a view asks for them, with a small cache of recent ones.

A `StoredLibrary` shows its store's generation at the time of `open.snapshot`: before a sync
rewrites topics, the store hands every library still in use the rows it is about to replace
(`Store.sync` → `keep_before_change`), so a briefing taken before a save keeps showing the text it
was taken with, however late it reads a topic. Topics the sync does not touch read the same in
either generation and are read from the store as before. (Another process's sync is not seen
here: `open.refresh` notices the generation moved and hands over the next briefing.)"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from briefing.loading.validate import without_unknown_citations
from briefing.model import OVERVIEW_ID, Citations, Claim, Topic
from briefing.store import codec
from briefing.store.store import DAMAGE, Store

if TYPE_CHECKING:  # the search package is imported with the index, after the first paint
    from briefing.search.index import IndexStore

#: Topics kept decoded: a reader moves among a few; a search opens a few more.
CACHED_TOPICS = 64

#: A topic's row as `Store.topic_row` reads it, and its outlets' counts: source id → (claims, differences).
TopicRow = tuple
CiteCounts = dict[str, tuple[int, int]]


class StoredLibrary:
    """`TopicLibrary` over a `Store`, pinned to the generation it was taken at. Citations of
    outlets that did not load are dropped, as the loader does, so a view can always resolve an
    outlet id. `positions`: the briefing's outline (topic id → place), for reading order."""

    def __init__(self, store: Store, source_ids: frozenset[str], positions: Mapping[str, int]) -> None:
        self._store = store
        self._source_ids = set(source_ids)
        self._positions = positions  # the briefing's own table (`open.snapshot`), not a copy
        self._cache: OrderedDict[str, Topic | None] = OrderedDict()
        #: Topics a later sync changed or removed, as they were in this generation (never evicted).
        self._kept: dict[str, tuple[TopicRow | None, CiteCounts]] = {}
        store.follow(self)

    def keep_before_change(self, topic_id: str, row: TopicRow | None, cites: CiteCounts) -> None:
        """The store is about to rewrite this topic: remember it as this generation has it. The
        first call wins; a later sync changes what a later generation has, not this one."""
        self._kept.setdefault(topic_id, (row, cites))

    def topic(self, topic_id: str) -> Topic | None:
        if topic_id in self._cache:
            self._cache.move_to_end(topic_id)
            return self._cache[topic_id]
        topic = self._read(topic_id)  # a kept topic evicted here is decoded from `_kept` again
        self._cache[topic_id] = topic
        if len(self._cache) > CACHED_TOPICS:
            self._cache.popitem(last=False)
        return topic

    def _read(self, topic_id: str) -> Topic | None:
        kept = self._kept.get(topic_id)
        try:
            row = kept[0] if kept is not None else self._store.topic_row(topic_id)
        except DAMAGE:
            return self._parse_file(topic_id)  # the store broke under us: read the file itself
        if row is None:
            return None
        try:
            return without_unknown_citations(codec.decode_topic(*row), self._source_ids)
        except DAMAGE:
            return self._parse_file(topic_id)

    def _parse_file(self, topic_id: str) -> Topic | None:
        from briefing.loading.layout import BRIEFING_FILE, TOPICS_DIR
        from briefing.loading.parse import parse_briefing_file, parse_topic_file

        root = self._store.root
        if topic_id == OVERVIEW_ID:
            topic = parse_briefing_file(root / BRIEFING_FILE).overview
        else:
            topic = parse_topic_file(
                root / TOPICS_DIR / f"{topic_id}.md", f"{TOPICS_DIR}/{topic_id}.md", topic_id
            ).topic
        return without_unknown_citations(topic, self._source_ids) if topic else None

    def index_store(self) -> IndexStore | None:
        """The store's search index, so a search reads postings from disk (`SearchIndex.for_briefing`)."""
        return self._store.search_index()

    def citations(self, source_id: str) -> tuple[Citations, ...]:
        rows = self._store.query(
            "SELECT cites.topic_id, cites.claims, cites.differences FROM cites WHERE cites.source_id = ?",
            (source_id,),
        )
        found = [Citations(*row) for row in rows if row[0] not in self._kept]
        for topic_id, (_, cites) in self._kept.items():
            if source_id in cites:
                found.append(Citations(topic_id, *cites[source_id]))
        # Only this generation's topics, in its reading order.
        return tuple(
            sorted((c for c in found if c.topic_id in self._positions), key=lambda c: self._positions[c.topic_id])
        )

    def claims_citing(self, source_id: str) -> Iterator[Claim]:
        for citing in self.citations(source_id):
            topic = self.topic(citing.topic_id)
            if topic is not None:
                yield from (claim for claim in topic.claims if source_id in claim.source_ids)
