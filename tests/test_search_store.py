"""Documents are made one file at a time; the index keeps its statistics when a file is replaced;
a query reads only the postings it needs and the few documents it ranks."""

from __future__ import annotations

from dataclasses import replace

from briefing.model import Claim, ClaimPart
from briefing.search import SearchIndex
from briefing.search.documents import FIELDS, source_documents, topic_documents
from briefing.search.engine import FULL_RANKING, briefing_documents
from briefing.search.index import MemoryIndex
from briefing.search.synonyms import SynonymTable
from briefing.search.variants import VariantTable
from devkit.synthetic import make_synthetic_briefing

BRIEFING = make_synthetic_briefing(30, seed=5)
VARIANTS = VariantTable(BRIEFING.variants)


def test_a_topic_gives_its_header_and_one_document_per_claim_in_reading_order():
    topic = BRIEFING.topic_at(3)
    documents = topic_documents(topic, VARIANTS)
    assert [d.kind for d in documents] == ["topic"] + ["claim"] * 5 + ["difference"]
    assert [d.claim_id for d in documents[1:]] == [claim.id for claim in topic.claims]
    assert [d.order for d in documents] == sorted(d.order for d in documents)
    header = documents[0]
    assert len(header.lengths) == len(FIELDS["topic"]) and header.lengths[0] == len(topic.title.split())
    assert all(d.has_figure for d in documents[1:])  # every synthetic sentence carries a number
    assert documents[-1].text.startswith("Figure: ")  # a difference's label leads its text


def test_reading_order_keys_sort_topics_as_the_outline_does():
    later, earlier = BRIEFING.topic_at(5), BRIEFING.topic_at(2)
    assert topic_documents(earlier, VARIANTS)[-1].order < topic_documents(later, VARIANTS)[0].order
    outlet = source_documents(BRIEFING.sources[0], VARIANTS)[0]
    assert topic_documents(later, VARIANTS)[-1].order < outlet.order


def _statistics(store: MemoryIndex, words: list[str]) -> tuple:
    averages = tuple(
        store.average_length(kind, field) for kind, fields in FIELDS.items() for field in range(len(fields))
    )
    frequencies = tuple(len(store.postings(word)) for word in words)
    return store.size, tuple(round(a, 9) for a in averages), frequencies


def test_replacing_one_file_keeps_the_statistics_of_a_full_rebuild():
    topic = BRIEFING.topic_at(4)
    claim = topic.claims[0]
    edited_claim = replace(
        claim, parts=(ClaimPart("A brand new zeppelin claim, much longer than before it was.", ("alpha",)),)
    )
    edited_topic = replace(topic, sections=(replace(topic.sections[0], claims=(edited_claim,)), *topic.sections[1:]))
    edited = BRIEFING.from_topics(
        BRIEFING.header,
        [edited_topic if t.id == topic.id else t for t in BRIEFING.iter_topics()],
        BRIEFING.sources,
    )

    store = MemoryIndex(briefing_documents(BRIEFING, VARIANTS))
    store.replace(topic.path, topic_documents(edited_topic, VARIANTS))
    fresh = MemoryIndex(briefing_documents(edited, VARIANTS))

    words = ["zeppelin", "ceasefire", "energy", *claim.text.casefold().rstrip(".").split()[:4]]
    assert _statistics(store, words) == _statistics(fresh, words)
    assert store.words_with_stem("zeppelin") == ["zeppelin"]
    assert store.terms_with_prefix("zeppel", 10) == ["zeppelin"]
    # And the search reads the same: the edited claim is found, the old one is gone.
    live = SearchIndex(store, VARIANTS, SynonymTable())
    assert [hit.claim_id for hit in live.search("zeppelin")] == [edited_claim.id]
    store.remove(topic.path)
    assert store.postings("zeppelin") == () and store.terms_with_prefix("zeppel", 10) == []
    assert store.topic_header(topic.id) is None


class CountingStore(MemoryIndex):
    """Counts what a query reads."""

    reads = 0

    def document(self, doc_id):
        CountingStore.reads += 1
        return super().document(doc_id)


def test_a_query_reads_only_the_documents_it_ranks():
    briefing = make_synthetic_briefing(3_000)
    variants = VariantTable(briefing.variants)
    store = CountingStore(briefing_documents(briefing, variants))
    index = SearchIndex(store, variants, SynonymTable())
    assert store.size > 20_000
    for query in ("ceasefire", "energy infrastructure talks", "how many prisoners", "kreml", "175"):
        CountingStore.reads = 0
        hits = index.search(query, 50)
        assert hits, query
        # The ranked candidates and the header of each of their topics, never the whole briefing.
        assert CountingStore.reads <= 2 * FULL_RANKING, (query, CountingStore.reads)


def test_claims_of_a_topic_are_found_after_a_new_claim_is_added():
    topic = BRIEFING.topic_at(1)
    extra = Claim(f"{topic.id}/9.0", topic.id, "", (ClaimPart("Quokka sighting.", ("alpha",)),), False, topic.path, 99)
    grown = replace(topic, sections=(*topic.sections, replace(topic.sections[0], claims=(extra,))))
    store = MemoryIndex(briefing_documents(BRIEFING, VARIANTS))
    before = store.size
    store.replace(topic.path, topic_documents(grown, VARIANTS))
    assert store.size == before + 1
    assert len(store.postings("quokka")) == 1
