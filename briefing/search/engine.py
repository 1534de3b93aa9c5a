"""`SearchIndex`: a briefing's documents in an index store, searched in milliseconds.

A query runs in four steps, none of which walks every document:

1. parse: words → terms, stop words marked, synonyms and variant spellings added (`query`);
2. expand: each term's atoms → vocabulary words with grades, through the store (`expansion`);
3. choose candidates: OR of the content terms' posting bitsets; when that is more than
   `FULL_RANKING` documents, the best classes first (documents with the most terms, then the most
   exact ones), drawn per kind so topics cannot crowd out facts;
4. rank: each candidate's matches, field by field, scored by `ranking.score`; ties in reading order.
"""

from __future__ import annotations

import gc
import heapq
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import partial

from briefing.model import OVERVIEW_ID, Briefing
from briefing.search import bitset
from briefing.search.answers import (
    INTRODUCED,
    SIZE,
    TIME,
    holds_kind,
    says_any,
    states_length,
    states_new_figure,
    states_time_unit,
)
from briefing.search.documents import FACTS, Document, header_documents, source_documents, topic_documents
from briefing.search.expansion import expand
from briefing.search.highlight import asks_initials, spans_for_terms
from briefing.search.hit import Hit
from briefing.search.index import IndexStore, MemoryIndex, name_term
from briefing.search.matching import (
    DirectGrades,
    Interval,
    has_phrase,
    one_guess_per_word,
    simple_intervals,
    term_intervals,
)
from briefing.search.normalize import SEPARATOR
from briefing.search.paraphrase import ParaphraseTable, shared_paraphrases
from briefing.search.query import STEM, Query, Term, parse_query
from briefing.search.ranking import (
    ASIDE,
    Asks,
    Evidence,
    TermWeight,
    idf,
    passage_gain,
    score_whole,
    with_passages,
)
from briefing.search.synonyms import SynonymTable
from briefing.search.variants import VariantTable

#: Most hits a search returns, whatever `limit` says; `limit` when it is not a number.
MAX_LIMIT = 1_000
DEFAULT_LIMIT = 50
#: Up to this many candidates, every one is ranked in full; beyond, the best classes are.
FULL_RANKING = 300
#: Kinds drawn separately when candidates must be chosen, with each pool's share of `limit`.
_POOLS: tuple[tuple[tuple[str, ...], float], ...] = (
    (("claim", "difference"), 1.5),
    (("topic",), 0.5),
    (("source", "paragraph", "overview"), 0.3),
)
_TOPIC_NAME_FIELDS = (0, 2)  # a topic's title and aliases: what its facts are about

Grades = dict[str, list[tuple[int, int, int, float]]]  # word → [(term, alternative, atom, grade)]
IntervalFinder = Callable[[Sequence[str], Iterable[tuple[str, int, int]]], list[list[Interval]]]


def briefing_documents(briefing: Briefing, variants: VariantTable) -> Iterator[Document]:
    """Every document of a briefing, file by file: the bottom line, topics, outlets."""
    overview = briefing.entry(OVERVIEW_ID) is not None
    yield from header_documents(briefing.header, overview, variants, "briefing.md")
    for topic in briefing.iter_topics():
        yield from topic_documents(topic, variants)
    for source in briefing.sources:
        yield from source_documents(source, variants)


def _synonyms(briefing: Briefing) -> SynonymTable:
    header = briefing.header
    return SynonymTable(tuple(header.synonyms or ()), tuple(header.other_names or ()))


class _Highlighter(DirectGrades):
    """The search's own expansions, in the shape `spans_for_terms` reads: words the search did
    not expand to stay unmarked, so a highlight never disagrees with a hit."""

    def __init__(self, grades: Grades) -> None:
        super().__init__([])
        self.update(grades)

    def fill(self, words: Iterable[str]) -> _Highlighter:
        return self


@dataclass(frozen=True)
class Gathered:
    """One query's candidates, each with its evidence: all that scoring them needs."""

    query: Query
    grades: Grades
    frequencies: list[int]  # per term, how many documents it may match
    size: int  # documents in the index
    asks: Asks
    candidates: list[tuple[int, Document, Evidence]]  # (id, document, evidence)

    def weights(self) -> list[TermWeight]:
        """Each term's rarity; question words and fillers marked, unless the query is all such
        words; a word of a clause qualifying a noun weighs `ASIDE`."""
        all_stop = len(self.query.content) == len(self.query.terms)
        return [
            TermWeight(idf(self.size, frequency) * (ASIDE if term.aside else 1.0), term.stop and not all_stop)
            for term, frequency in zip(self.query.terms, self.frequencies, strict=True)
        ]


class SearchIndex:
    """Search one briefing. Take it with `SearchIndex.for_briefing(briefing)`: the store's index
    when the briefing's library keeps one, else `build` makes one in memory."""

    def __init__(
        self,
        store: IndexStore,
        variants: VariantTable,
        synonyms: SynonymTable,
        paraphrases: ParaphraseTable | None = None,
    ) -> None:
        self.store = store
        self.variants = variants
        self.synonyms = synonyms
        # Read here, where the app makes its index (a worker, after the first paint).
        self.paraphrases = shared_paraphrases() if paraphrases is None else paraphrases

    @classmethod
    def for_briefing(cls, briefing: Briefing) -> SearchIndex:
        """The briefing's own index when it has one (a compiled store keeps it), else one built
        in memory."""
        held = briefing.library.index_store()
        if held is None:
            return cls.build(briefing)
        return cls(held, VariantTable(tuple(briefing.variants or ())), _synonyms(briefing))

    @classmethod
    def build(cls, briefing: Briefing, paraphrases: ParaphraseTable | None = None) -> SearchIndex:
        """Index every topic, outlet and the bottom line of `briefing` (a whole-briefing pass).
        `paraphrases`: the shipped table unless given (an empty one turns them off)."""
        variants = VariantTable(tuple(briefing.variants or ()))
        synonyms = _synonyms(briefing)
        collecting = gc.isenabled()
        gc.disable()  # the build makes ~10^6 small objects and no cycles: skip collector passes
        try:
            store = MemoryIndex(briefing_documents(briefing, variants))
        finally:
            if collecting:
                gc.enable()
        return cls(store, variants, synonyms, paraphrases)

    @property
    def size(self) -> int:
        return self.store.size

    def parse(self, query: object) -> Query:
        return parse_query(query, self.variants, self.synonyms, self.paraphrases)

    def spans(self, text: str, query: str) -> list[tuple[int, int]]:
        """Character ranges `[start, end)` of `text` that `query` matches (this briefing's
        variants and synonyms applied), in order, merged: for marking matches in a view. Only
        the query's content words are marked when it has any: a text that holds only its
        question words or fillers ("how", "was", "the") shows no mark."""
        if not isinstance(text, str):
            return []
        parsed = self.parse(query)
        return list(spans_for_terms(text, parsed.terms, self.variants, marked=set(parsed.content)))

    def search(self, query: str, limit: int = DEFAULT_LIMIT, *, budget: int | None = None) -> list[Hit]:
        """Hits for `query`, best first; [] for a blank or wordless query or anything but a
        string. A `limit` that is not a whole number means the default. Raises only on a bug.
        `budget`: score about that many documents (at least `limit`) of the best classes when
        more match, as on a large briefing, instead of all of them up to `FULL_RANKING`: for a
        caller that merges the best few of many briefings."""
        if isinstance(limit, bool) or not isinstance(limit, int):
            try:
                limit = int(limit)
            except (TypeError, ValueError, OverflowError):
                limit = DEFAULT_LIMIT
        limit = min(limit, MAX_LIMIT)
        with self.store.reading():
            return self._search(query, limit, budget)

    def _search(self, query: str, limit: int, budget: int | None) -> list[Hit]:
        gathered = self.gather(query, limit, budget)
        if gathered is None:
            return []
        ranked = []
        weights = gathered.weights()
        asks = gathered.asks
        wholes = [score_whole(evidence, weights, asks) for _, _, evidence in gathered.candidates]
        # A fact's sides are scored only if one could reach the first `limit`: never above its
        # whole's score times `passage_gain`, and the limit-th best whole score is a floor there.
        best = heapq.nlargest(limit, wholes)
        floor = best[-1] if len(best) == limit else 0.0
        same: dict[tuple, float] = {}  # a fact with the same words and context scores the same
        for (doc, document, evidence), whole in zip(gathered.candidates, wholes, strict=True):
            found = whole
            if whole > 0.0 and evidence.shortest_side and whole * passage_gain(evidence) >= floor:
                key = (document.kind, document.terms, tuple(evidence.context))
                if key not in same:
                    same[key] = with_passages(evidence, weights, asks, whole)
                found = same[key]
            if found > 0.0:
                ranked.append((-found, document.order, doc, document))
        ranked.sort(key=lambda item: (item[0], item[1], item[2]))
        parsed = gathered.query
        highlighter = _Highlighter(gathered.grades)
        marked = set(parsed.content)
        initials = asks_initials(parsed.terms)
        return [
            self._hit(document, -negative, parsed.terms, highlighter, marked, initials)
            for negative, _, _, document in ranked[:limit]
        ]

    def gather(self, query: str, limit: int, budget: int | None = None) -> Gathered | None:
        """Steps 1–3 and what step 4 scores: the parsed query, its terms' weights, what it asks,
        and each candidate with its evidence; None when nothing can match. `search` ranks this;
        `bench/fit_ranking.py` ranks it again under other constants without searching again."""
        if limit <= 0 or not self.store.size:
            return None
        parsed = self.parse(query)
        if not parsed:
            return None
        grades, masks, strong = self._expand(parsed.terms)
        content = parsed.content
        union = 0
        for number in content:
            union |= masks[number]
        if not union:
            return None
        pool = limit if budget is None else max(limit, budget)
        full = FULL_RANKING if budget is None else pool
        candidates = self._candidates(union, [masks[n] for n in content], [strong[n] for n in content], pool, full)
        if len(candidates) < union.bit_count():
            candidates = list(dict.fromkeys(self._named_topics(grades, content, limit) + candidates))
        frequencies = [mask.bit_count() for mask in masks]
        asks = _asks(parsed)
        finder = _interval_finder(parsed.terms, grades)
        contexts: dict[str, list[float]] = {}
        averages: dict[str, list[float]] = {}
        gathered = []
        for doc in candidates:
            try:
                document = self.store.document(doc)
            except KeyError:  # another process removed it from a shared index since its postings were read
                continue
            evidence = self._evidence(document, finder, contexts, averages, len(parsed.terms), asks, parsed.words)
            gathered.append((doc, document, evidence))
        return Gathered(parsed, grades, frequencies, self.store.size, asks, gathered)

    # -- steps ---------------------------------------------------------------------------------

    def _expand(self, terms: list[Term]) -> tuple[Grades, list[int], list[int]]:
        """Expand every atom; per term, the documents where it may match and where it matches
        by its own word or stem."""
        grades: Grades = {}
        masks: list[int] = []
        strong: list[int] = []
        store = self.store
        for t, term in enumerate(terms):
            term_any = term_strong = 0
            for a, alternative in enumerate(term.alternatives):
                alt_any = alt_strong = -1  # all bits: the AND of no atom yet
                for k, atom in enumerate(alternative):
                    atom_any = atom_strong = 0
                    for word, grade in expand(atom, store).items():
                        grades.setdefault(word, []).append((t, a, k, grade))
                        mask = store.mask(word)
                        atom_any |= mask
                        if grade >= STEM:
                            atom_strong |= mask
                    alt_any &= atom_any
                    alt_strong &= atom_strong
                term_any |= max(alt_any, 0)
                term_strong |= max(alt_strong, 0)
            masks.append(term_any)
            strong.append(term_strong)
        return grades, masks, strong

    def _candidates(
        self, union: int, masks: list[int], strong: list[int], limit: int, full: int = FULL_RANKING
    ) -> list[int]:
        """The documents worth ranking: all of them when few; else, from the best classes down
        (most terms, then most terms by their own word or stem), each kind's share of places,
        then anything left of the best classes until there are `limit`."""
        if union.bit_count() <= full:
            return bitset.lowest(union, full)
        classes: list[int] = []
        slices = bitset.count_slices(masks)
        for matched in range(len(masks), 0, -1):
            members = bitset.with_count(slices, matched, union)
            if members:
                exact = bitset.count_slices([mask & members for mask in strong])
                classes.extend(bitset.with_count(exact, count, members) for count in range(len(masks), -1, -1))
        quotas = [max(1, int(limit * share)) for _, share in _POOLS]
        pools = [self.store.kind_mask(kinds) for kinds, _ in _POOLS]
        # Ids stand for reading order except for re-indexed files' documents: those of a class
        # always join it (few: one file's worth per edit).
        recent = self.store.recent_mask()
        chosen: dict[int, None] = {}
        for group in classes:
            for number, pool in enumerate(pools):
                if group and quotas[number] > 0:
                    members = group & pool
                    found = [doc for doc in bitset.lowest(members, quotas[number]) if doc not in chosen]
                    if recent & members:
                        found += [doc for doc in bitset.lowest(recent & members, FULL_RANKING) if doc not in chosen]
                    quotas[number] -= len(found)
                    chosen.update(dict.fromkeys(found))
            if not any(quota > 0 for quota in quotas):
                break
        for group in classes:  # kinds short of candidates leave their places to the others
            if len(chosen) >= limit:
                break
            chosen.update(dict.fromkeys(bitset.lowest(group, limit + len(chosen))))
        return list(chosen)

    def _named_topics(self, grades: Grades, content: list[int], limit: int) -> list[int]:
        """On a large briefing, the topics whose title or aliases hold every content term: ranked
        in full even when more topics mention the words than there are places."""
        named = -1
        for number in content:
            term_mask = 0
            for word, found in grades.items():
                if any(entry[0] == number for entry in found):
                    term_mask |= self.store.mask(name_term(word))
            named &= term_mask
            if not named:
                return []
        return bitset.lowest(max(named, 0), max(1, int(limit * _POOLS[1][1])))

    def _evidence(
        self,
        document: Document,
        finder: IntervalFinder,
        contexts: dict[str, list[float]],
        averages: dict[str, list[float]],
        term_count: int,
        asks: Asks,
        asked: frozenset[str],
    ) -> Evidence:
        positions = document.positions()
        intervals = one_guess_per_word(finder(positions, document.extras))
        has_kind = False
        if asks.kind == INTRODUCED and document.kind in FACTS:
            has_kind = says_any(asks.introduced_by, positions)
        elif asks.kind and document.kind in FACTS:
            has_kind = holds_kind(
                asks.kind, document.text, positions, document.has_time, asked, self._frequency, self.paraphrases.knows
            )
        context: list[float] = []
        if document.kind in FACTS and document.topic_id is not None:
            context = self._context(document.topic_id, finder, contexts, term_count)
        if document.kind in FACTS and SEPARATOR in positions:  # the names it borrowed (`documents`)
            own = positions.index(SEPARATOR)
            borrowed = [max((grade for first, _, grade in found if first > own), default=0.0) for found in intervals]
            intervals = [[interval for interval in found if interval[0] < own] for found in intervals]
            context = [max(pair) for pair in zip(context or [0.0] * term_count, borrowed, strict=True)]
        matches = [_per_position(document, found) for found in intervals]
        return Evidence(
            kind=document.kind,
            lengths=document.lengths,
            averages=averages.get(document.kind)
            or averages.setdefault(
                document.kind,
                [self.store.average_length(document.kind, field) for field in range(len(document.lengths))],
            ),
            matches=matches,
            context=context,
            phrase=term_count > 1 and has_phrase(intervals),
            # "how big" wants a size: a figure that is none ("30 days") answers it no better than words
            has_figure=document.has_figure
            and (not asks.quantity or states_new_figure(positions, asked))
            and (asks.kind != SIZE or has_kind)
            and (not asks.length or states_length(positions)),
            has_time=document.has_time and (not asks.time_unit or states_time_unit(asks.time_unit, positions)),
            has_kind=has_kind,
            # each side as a passage, with the label: built only if the whole comes near the first hits
            side_passages=partial(_sides, document, intervals) if document.sides else (),
            shortest_side=_shortest_side(document),
        )

    def _frequency(self, word: str) -> tuple[int, int]:
        """How many of the briefing's documents hold `word`, and how many there are."""
        return self.store.document_frequency(word), self.store.size

    def _context(
        self, topic_id: str, finder: IntervalFinder, contexts: dict[str, list[float]], term_count: int
    ) -> list[float]:
        """Per term, its best grade in a topic's title or aliases (once per topic and query)."""
        found = contexts.get(topic_id)
        if found is None:
            found = [0.0] * term_count
            header = self.store.topic_header(topic_id)
            document = None
            if header is not None:
                with suppress(KeyError):  # removed meanwhile by another process, as above
                    document = self.store.document(header)
            if document is not None:
                for number, intervals in enumerate(finder(document.positions(), document.extras)):
                    for first, _, grade in intervals:
                        if document.field_at(first) in _TOPIC_NAME_FIELDS and grade > found[number]:
                            found[number] = grade
            contexts[topic_id] = found
        return found

    def _hit(
        self,
        document: Document,
        score: float,
        terms: list[Term],
        highlighter: _Highlighter,
        marked: set[int],
        initials: bool,
    ) -> Hit:
        spans = spans_for_terms(document.text, terms, self.variants, highlighter, marked, initials)
        return hit_of(document, score, spans)

    def __repr__(self) -> str:
        return f"<SearchIndex {self.store!r}>"


def hit_of(document: Document, score: float = 0.0, spans: Sequence[tuple[int, int]] = ()) -> Hit:
    """A document as a hit: an outlet's paragraph is shown as its outlet."""
    return Hit(
        kind="source" if document.kind == "paragraph" else document.kind,
        topic_id=document.topic_id,
        claim_id=document.claim_id,
        source_id=document.source_id,
        title=document.title,
        text=document.text,
        source_ids=document.source_ids,
        path=document.path,
        line=document.line,
        score=round(score, 4),
        spans=tuple(spans),
    )


def _asks(parsed: Query) -> Asks:
    kind = None if parsed.kind == TIME else parsed.kind
    if parsed.introduced_by and kind is None:
        kind = INTRODUCED
    return Asks(
        parsed.quantity,
        parsed.quantity_term,
        parsed.time,
        kind,
        parsed.time_unit,
        parsed.introduced_by,
        parsed.source,
        parsed.said_by,
        parsed.length,
    )


def _per_position(document: Document, intervals: list[Interval]) -> list[tuple[int, float]]:
    """(field, grade) of each position a term matched, once per position at its best grade: the
    word "country's" is one match of "countries", not two ("countrys" and "country")."""
    return [(document.field_at(first), grade) for first, grade in _best_by_position(intervals).items()]


def _best_by_position(intervals: list[Interval]) -> dict[int, float]:
    """Each position a term matched, at its best grade."""
    best: dict[int, float] = {}
    for first, _, grade in intervals:
        if grade > best.get(first, 0.0):
            best[first] = grade
    return best


def _interval_finder(terms: list[Term], grades: Grades) -> IntervalFinder:
    if all(len(term.alternatives) == 1 and len(term.alternatives[0]) == 1 for term in terms):
        simple = {word: [(t, grade) for t, _, _, grade in found] for word, found in grades.items()}
        count = len(terms)
        return lambda positions, extras: simple_intervals(count, simple, positions, extras)
    return lambda positions, extras: term_intervals(terms, grades, positions, extras)


def _shortest_side(document: Document) -> int:
    """The length of a fact's shortest side with its label (0 when it has no sides)."""
    if not document.sides:
        return 0
    return document.sides[0][0] + min(end - start for start, end in document.sides)


def _sides(document: Document, intervals: list[list[Interval]]) -> list[tuple[list[list[tuple[int, float]]], int]]:
    """The sides of a fact worth scoring as passages, each with its label: the label's matches
    and the side's own, per term, and the passage's length. Only the sides that hold a match,
    and, when the label does, the shortest side that holds none (every such passage holds the
    label's matches alone, and the shortest scores best): a side gains nothing by what it lacks."""
    spans = document.sides
    label = spans[0][0]
    best = [_best_by_position(term) for term in intervals]  # per term: position → best grade
    held = [False] * len(spans)
    in_label = False
    for found in best:
        for first in found:
            if first < label:
                in_label = True
                continue
            for number, (start, end) in enumerate(spans):
                if start <= first < end:
                    held[number] = True
                    break
    chosen = [number for number, holds in enumerate(held) if holds]
    bare = [number for number, holds in enumerate(held) if not holds]
    if in_label and bare:
        chosen.append(min(bare, key=lambda number: spans[number][1] - spans[number][0]))
    passages = []
    for number in chosen:
        start, end = spans[number]
        # A fact's own words are its one field (0); the names it borrowed were left out before.
        matches = [[(0, grade) for at, grade in found.items() if at < label or start <= at < end] for found in best]
        passages.append((matches, label + end - start))
    return passages
