"""Topics read from the store when a view asks for them, with a small cache of recent ones."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator

from briefing.loading.validate import without_unknown_citations
from briefing.model import Citations, Claim, Topic
from briefing.store import codec
from briefing.store.store import DAMAGE, Store

#: Topics kept decoded: a reader moves among a few; a search opens a few more.
CACHED_TOPICS = 64


class StoredLibrary:
    """`TopicLibrary` over a `Store`. Citations of outlets that did not load are dropped, as the
    loader does, so a view can always resolve an outlet id."""

    def __init__(self, store: Store, source_ids: frozenset[str]) -> None:
        self._store = store
        self._source_ids = set(source_ids)
        self._cache: OrderedDict[str, Topic | None] = OrderedDict()

    def topic(self, topic_id: str) -> Topic | None:
        if topic_id in self._cache:
            self._cache.move_to_end(topic_id)
            return self._cache[topic_id]
        topic = self._read(topic_id)
        self._cache[topic_id] = topic
        if len(self._cache) > CACHED_TOPICS:
            self._cache.popitem(last=False)
        return topic

    def _read(self, topic_id: str) -> Topic | None:
        try:
            row = self._store.topic_row(topic_id)
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
        if topic_id == "overview":
            topic = parse_briefing_file(root / BRIEFING_FILE).overview
        else:
            topic = parse_topic_file(
                root / TOPICS_DIR / f"{topic_id}.md", f"{TOPICS_DIR}/{topic_id}.md", topic_id
            ).topic
        return without_unknown_citations(topic, self._source_ids) if topic else None

    def index_store(self):
        """The store's search index, so a search reads postings from disk (`SearchIndex.for_briefing`)."""
        return self._store.search_index()

    def citations(self, source_id: str) -> tuple[Citations, ...]:
        rows = self._store.query(
            "SELECT cites.topic_id, cites.claims, cites.differences"
            " FROM cites JOIN topics ON topics.id = cites.topic_id WHERE cites.source_id = ?"
            " ORDER BY topics.rank, topics.ord, topics.sort_title, topics.path",
            (source_id,),
        )
        return tuple(Citations(*row) for row in rows)

    def claims_citing(self, source_id: str) -> Iterator[Claim]:
        rows = self._store.query(
            "SELECT topics.id FROM cites JOIN topics ON topics.id = cites.topic_id WHERE cites.source_id = ?"
            " ORDER BY topics.rank, topics.ord, topics.sort_title, topics.path",
            (source_id,),
        )
        for (topic_id,) in rows:
            topic = self.topic(topic_id)
            if topic is not None:
                yield from (claim for claim in topic.claims if source_id in claim.source_ids)
