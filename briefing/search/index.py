"""`SearchIndex`: an inverted index over a `Briefing`, built in one pass, queried in milliseconds.

* Every claim, topic (title, summary, aliases), outlet (name, headline, paragraphs) and the bottom
  line is a *document*. Document ids follow reading order (topic order, then position), so the
  smallest id wins a tie.
* Each normalised term maps to the ids of the documents containing it; a term's id set is kept
  as an int bitset when common, so AND/OR of whole posting lists happen in C.
* Query words expand to vocabulary words (exact, plural, prefix for the word being typed, one
  typo), at most `MAX_EXPANSIONS` each. Documents are pre-ranked by cheap classes (how many words
  match exactly; claims/topics/outlets/prose drawn separately), and only the first ~200 are
  scored in full (phrase, grades, field bonuses).
"""

from __future__ import annotations

import bisect
import gc
import math
from array import array
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from briefing.model import OVERVIEW_ID, Briefing
from briefing.search import bitset
from briefing.search.highlight import spans_for_terms
from briefing.search.hit import Hit
from briefing.search.matching import DirectGrades, Interval, has_phrase, simple_intervals, term_intervals
from briefing.search.normalize import SEPARATOR, Extra, terms_of
from briefing.search.query import EXACT, PLURAL, PREFIX, TYPO, Atom, Term, is_plural_pair, parse_query
from briefing.search.typos import DeletionIndex
from briefing.search.variants import VariantTable

#: At most this many vocabulary words stand in for one query word.
MAX_EXPANSIONS = 50
#: A prefix looks at most this many vocabulary words (then keeps the most frequent).
PREFIX_SCAN = 2_000
#: Terms in at least this many documents keep a ready-made bitset.
DENSE_TERM = 24
#: Most hits a search returns, whatever `limit` says.
MAX_LIMIT = 1_000

# Score parts (higher is better).
ALL_WORDS = 100.0
PARTIAL = 60.0  # times the (rarity-weighted) share of words matched
PHRASE = 30.0
ALIAS = 20.0  # every word found in one of the topic's aliases (exactly, or as a plural)
TITLE = 10.0  # every word found in the topic's title (exactly, or as a plural)
FIELD_INEXACT = 5.0  # either of those, but by prefix or typo
GRADE = 30.0  # times the mean grade: exact 1.0 > plural 0.9 > prefix 0.7 > typo 0.5
KIND_WEIGHT = {"claim": 5.0, "difference": 5.0, "topic": 4.0, "source": 3.0, "paragraph": 1.0, "overview": 1.0}
#: Prefixes of pseudo-terms marking a word in a topic's title or aliases.
TITLE_MARK, ALIAS_MARK = "\x02", "\x03"
# Candidate pools, drawn separately so one kind cannot crowd out the others.
_POOLS = (("topic",), ("claim", "difference"), ("source",), ("paragraph", "overview"))
_PSEUDO = ("\x01", TITLE_MARK, ALIAS_MARK)


class _Doc(NamedTuple):
    kind: str  # a Hit kind, or "paragraph" (a source hit whose text is a paragraph)
    topic_id: str | None
    claim_id: str | None
    source_id: str | None
    title: str
    text: str
    source_ids: tuple[str, ...]
    path: str
    line: int


class _Matches(NamedTuple):
    grades: dict[str, list[tuple[int, int, int, float]]]  # word → [(term, alternative, atom, grade)]
    expansions: list[list[list[dict[str, float]]]]  # per term, alternative, atom: word → grade
    any_masks: list[int]  # per term: documents where it may match
    exact_masks: list[int]  # per term: documents where it matches exactly


class _Highlighter(DirectGrades):
    """The search's own expansion table, in the shape `spans_for_terms` fills and reads: words
    the search did not expand to stay unmarked."""

    def __init__(self, grades: dict[str, list[tuple[int, int, int, float]]]) -> None:
        super().__init__([])
        self.update(grades)

    def fill(self, words: Iterable[str]) -> _Highlighter:
        return self


class SearchIndex:
    """Search one briefing. Build once with `SearchIndex.build(briefing)`; immutable after."""

    def __init__(self, briefing: Briefing) -> None:
        self.variants: tuple[tuple[str, ...], ...] = tuple(briefing.variants or ())
        self._table = VariantTable(self.variants)
        self._docs: list[_Doc] = []
        self._positions: list[str] = []  # each document's terms, space-separated, one per position
        self._extras: list[tuple[Extra, ...]] = []
        self._topic_fields: dict[int, tuple[int, int]] = {}  # doc → (title end, alias start)
        self._building: defaultdict[str, list[int]] = defaultdict(list)  # postings while building
        collecting = gc.isenabled()
        gc.disable()  # the build makes ~1M small objects and no cycles: skip collector passes
        try:
            self._build(briefing)
        finally:
            if collecting:
                gc.enable()
        building = self._building
        del self._building
        building.pop(SEPARATOR, None)
        # Compact, and invisible to the garbage collector: arrays of C ints, not lists of objects.
        self._postings: dict[str, array[int]] = {word: array("i", ids) for word, ids in building.items()}
        self.size = len(self._docs)
        self._universe = (1 << self.size) - 1
        self._vocabulary = sorted(word for word in self._postings if word[0] not in _PSEUDO)
        self._near = DeletionIndex(self._vocabulary)
        self._dense = {
            word: bitset.from_ids(ids, self.size) for word, ids in self._postings.items() if len(ids) >= DENSE_TERM
        }
        self._sparse_cache: dict[str, int] = {}
        pools: list[list[int]] = [[] for _ in _POOLS]
        for doc, ref in enumerate(self._docs):
            for number, kinds in enumerate(_POOLS):
                if ref.kind in kinds:
                    pools[number].append(doc)
        self._pools = [bitset.from_ids(ids, self.size) for ids in pools]

    @classmethod
    def build(cls, briefing: Briefing) -> SearchIndex:
        return cls(briefing)

    # ---------------------------------------------------------------- building

    def _build(self, briefing: Briefing) -> None:
        overview_done = False
        for topic in briefing.iter_topics():
            claims = topic.claims
            cited = [claim.source_ids for claim in claims]
            if topic.id == OVERVIEW_ID:
                overview_done = True
                self._add_overview(briefing)
            else:
                text = f"{topic.title} — {topic.summary}" if topic.summary else topic.title
                topic_sources = tuple(dict.fromkeys(source for ids in cited for source in ids))
                ref = _Doc("topic", topic.id, None, None, topic.title, text, topic_sources, topic.path, 0)
                self._add(ref, [topic.title, topic.summary, *topic.aliases], topic=bool(topic.aliases))
            for claim, source_ids in zip(claims, cited, strict=False):
                kind = "difference" if claim.is_difference else "claim"
                parts = claim.parts
                text = parts[0].text.strip() if len(parts) == 1 else claim.text
                ref = _Doc(kind, topic.id, claim.id, None, topic.title, text, source_ids, claim.path, claim.line)
                self._add(ref, [text, claim.label] if claim.label else [text])
        if not overview_done:
            self._add_overview(briefing)
        for source in briefing.sources:
            text = source.headline or source.outlet
            ref = _Doc("source", None, None, source.id, source.outlet, text, (source.id,), source.path, 0)
            self._add(ref, [text, source.outlet, source.short])
            for paragraph in source.paragraphs:
                ref = _Doc("paragraph", None, None, source.id, source.outlet, paragraph, (source.id,), source.path, 0)
                self._add(ref, [paragraph])

    def _add_overview(self, briefing: Briefing) -> None:
        if briefing.bottom_line:
            topic_id = OVERVIEW_ID if briefing.topic(OVERVIEW_ID) else None
            ref = _Doc("overview", topic_id, None, None, briefing.title, briefing.bottom_line, (), "briefing.md", 0)
            self._add(ref, [briefing.bottom_line])

    def _add(self, ref: _Doc, fields: list[str], topic: bool = False) -> None:
        """Index one document. For a topic, fields are title, summary, then aliases."""
        doc = len(self._docs)
        terms: list[str] = []
        extras: list[Extra] = []
        starts: list[int] = []
        for number, text in enumerate(fields):
            if number:
                terms.append(SEPARATOR)
            starts.append(len(terms))
            if text:
                terms_of(text, terms, extras)
        words = set(terms)
        self._table.annotate(terms, extras, words)
        if extras:
            words.update(extra[0] for extra in extras)
        self._docs.append(ref)
        self._positions.append(" ".join(terms))
        self._extras.append(tuple(extras) if extras else ())
        postings = self._building
        for word in words:
            postings[word].append(doc)
        if ref.kind == "topic":
            title_end = starts[1] - 1 if len(starts) > 1 else len(terms)
            alias_start = starts[2] if topic else len(terms) + 1
            self._topic_fields[doc] = (title_end, alias_start)
            # Pseudo-terms for words in the title and in the aliases, to find field matches fast.
            marked = {TITLE_MARK + word for word in terms[:title_end]}
            marked.update(ALIAS_MARK + word for word in terms[alias_start:])
            marked.update(
                (ALIAS_MARK if first >= alias_start else TITLE_MARK) + word
                for word, first, last in extras
                if first >= alias_start or last < title_end
            )
            marked.discard(ALIAS_MARK + SEPARATOR)
            for word in marked:
                postings[word].append(doc)

    # ---------------------------------------------------------------- searching

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Hits for `query`, best first; [] for a blank or wordless query. Never raises."""
        try:
            return self._search(query, limit)
        except Exception:
            return []

    def spans(self, text: str, query: str) -> list[tuple[int, int]]:
        """Character ranges of `text` that `query` matches (this briefing's variants applied)."""
        try:
            if not isinstance(text, str):
                return []
            return list(spans_for_terms(text, parse_query(query, self._table), self._table))
        except Exception:
            return []

    def _search(self, query: str, limit: int = 50) -> list[Hit]:
        """`search` without the safety net (tests call this, so errors surface)."""
        try:
            limit = min(int(limit), MAX_LIMIT)
        except (TypeError, ValueError, OverflowError):
            limit = 50
        if limit <= 0 or not self.size:
            return []
        terms = parse_query(query, self._table)
        if not terms:
            return []
        matches = self._match_sets(terms)
        candidates = self._candidates(self._classes(matches, limit), limit, len(terms))
        intervals_of = self._interval_finder(terms, matches.grades)
        weights = [1.0 + math.log((self.size + 1) / (mask.bit_count() + 1)) for mask in matches.any_masks]
        scored = []
        for doc in candidates:
            score = self._score(doc, len(terms), intervals_of, weights)
            if score is not None:
                scored.append((-score, doc))
        scored.sort()
        # Highlight with the search's own expansions, so spans never disagree with hits.
        highlight = _Highlighter(matches.grades)
        return [self._hit(doc, -negative, terms, highlight) for negative, doc in scored[:limit]]

    def _match_sets(self, terms: list[Term]) -> _Matches:
        """Expand every atom against the vocabulary; bitsets of documents matching each term."""
        matches = _Matches({}, [], [], [])
        for t, term in enumerate(terms):
            term_any = term_exact = 0
            term_expansions = []
            for a, alternative in enumerate(term.alternatives):
                alt_any = alt_exact = self._universe
                alt_expansions = []
                for k, atom in enumerate(alternative):
                    expanded = self._expand(atom)
                    alt_expansions.append(expanded)
                    atom_any = atom_exact = 0
                    for word, grade in expanded.items():
                        matches.grades.setdefault(word, []).append((t, a, k, grade))
                        mask = self._mask(word)
                        atom_any |= mask
                        if grade == EXACT:
                            atom_exact |= mask
                    alt_any &= atom_any
                    alt_exact &= atom_exact
                term_any |= alt_any
                term_exact |= alt_exact
                term_expansions.append(alt_expansions)
            matches.expansions.append(term_expansions)
            matches.any_masks.append(term_any)
            matches.exact_masks.append(term_exact)
        return matches

    def _classes(self, matches: _Matches, limit: int) -> list[int]:
        """Document bitsets, best first: with every term (most exact first), else with most terms."""
        count = len(matches.any_masks)
        everything = self._universe
        for mask in matches.any_masks:
            everything &= mask
        if not everything:  # nothing has every word: fall back to documents with some
            slices = bitset.count_slices(matches.any_masks)
            return [bitset.with_count(slices, number, self._universe) for number in range(count, 0, -1)]
        slices = bitset.count_slices([mask & everything for mask in matches.exact_masks])
        classes = [bitset.with_count(slices, number, everything) for number in range(count, -1, -1)]
        topics = everything & self._pools[0]
        if topics.bit_count() > limit:  # more topics than places: those matching by alias, title first
            fields = [topics & self._field_mask(matches.expansions, mark) for mark in (ALIAS_MARK, TITLE_MARK)]
            classes = fields + classes
        return classes

    def _interval_finder(self, terms: list[Term], grades: dict[str, list[tuple[int, int, int, float]]]):
        if all(len(term.alternatives) == 1 and len(term.alternatives[0]) == 1 for term in terms):
            simple = {word: [(t, grade) for t, _, _, grade in found] for word, found in grades.items()}
            count = len(terms)
            return lambda positions, extras: simple_intervals(count, simple, positions, extras)
        return lambda positions, extras: term_intervals(terms, grades, positions, extras)

    def _hit(self, doc: int, score: float, terms: list[Term], highlight: _Highlighter) -> Hit:
        ref = self._docs[doc]
        return Hit(
            kind="source" if ref.kind == "paragraph" else ref.kind,
            topic_id=ref.topic_id,
            claim_id=ref.claim_id,
            source_id=ref.source_id,
            title=ref.title,
            text=ref.text,
            source_ids=ref.source_ids,
            path=ref.path,
            line=ref.line,
            score=score,
            spans=spans_for_terms(ref.text, terms, self._table, highlight),
        )

    def _field_mask(self, expansions: list[list[list[dict[str, float]]]], mark: str) -> int:
        """Topics where every term matches inside the title (or the aliases)."""
        result = self._universe
        for term_expansions in expansions:
            term_mask = 0
            for alt_expansions in term_expansions:
                alt_mask = self._universe
                for expanded in alt_expansions:
                    atom_mask = 0
                    for word in expanded:
                        atom_mask |= self._mask(mark + word)
                    alt_mask &= atom_mask
                term_mask |= alt_mask
            result &= term_mask
            if not result:
                break
        return result

    def _candidates(self, classes: list[int], limit: int, term_count: int) -> list[int]:
        """The documents worth scoring: from each pool, the first of the best classes."""
        claims = limit if term_count == 1 else max(limit + limit // 2, 60)
        quotas = [limit, claims, limit, limit]
        chosen: dict[int, None] = {}
        for members in classes:
            if not members:
                continue
            for number, pool in enumerate(self._pools):
                if quotas[number] > 0:
                    found = [doc for doc in bitset.lowest(members & pool, quotas[number]) if doc not in chosen]
                    quotas[number] -= len(found)
                    chosen.update(dict.fromkeys(found))
            if not any(quota > 0 for quota in quotas):
                break
        return list(chosen)

    def _score(self, doc: int, term_count: int, intervals_of, weights: list[float]) -> float | None:
        text = self._positions[doc]
        intervals = intervals_of(text.split(" ") if text else (), self._extras[doc])
        matched = [bool(found) for found in intervals]
        if not any(matched):
            return None
        ref = self._docs[doc]
        score = KIND_WEIGHT[ref.kind]
        score += GRADE * sum(max(grade for _, _, grade in found) for found in intervals if found) / term_count
        if all(matched):
            score += ALL_WORDS
            if term_count > 1 and has_phrase(intervals):
                score += PHRASE
            fields = self._topic_fields.get(doc)
            if fields:
                score += self._field_bonus(intervals, *fields)
        else:
            share = sum(weight for weight, hit in zip(weights, matched, strict=False) if hit) / sum(weights)
            score += PARTIAL * share
        return round(score, 4)

    @staticmethod
    def _field_bonus(intervals: list[list[Interval]], title_end: int, alias_start: int) -> float:
        for inside, bonus in (
            (lambda first, last: first >= alias_start, ALIAS),
            (lambda first, last: last < title_end, TITLE),
        ):
            grades = [max((g for first, last, g in found if inside(first, last)), default=0.0) for found in intervals]
            if all(grades):
                return bonus if min(grades) >= PLURAL else FIELD_INEXACT
        return 0.0

    def _mask(self, word: str) -> int:
        mask = self._dense.get(word)
        if mask is not None:
            return mask
        mask = self._sparse_cache.get(word)
        if mask is None:
            ids = self._postings.get(word)
            mask = bitset.from_ids(ids, self.size) if ids else 0
            if len(self._sparse_cache) > 2_048:
                self._sparse_cache.clear()
            self._sparse_cache[word] = mask
        return mask

    def _expand(self, atom: Atom) -> dict[str, float]:
        """Vocabulary words (and variant groups) standing in for one query atom, with grades."""
        postings = self._postings
        found: dict[str, float] = {}
        for token, grade in atom.groups.items():
            if token in postings:
                found[token] = grade
        word = atom.word
        if word:
            if word in postings:
                found[word] = max(found.get(word, 0.0), EXACT)
            for other in (word + "s", word + "es", word[:-1], word[:-2]):
                if other in postings and is_plural_pair(word, other):
                    found.setdefault(other, PLURAL)
            if atom.prefix:
                for other in self._prefixed(word):
                    found.setdefault(other, PREFIX)
            if atom.typo:
                for other in self._near.near(word):
                    found.setdefault(other, TYPO)
        if len(found) > MAX_EXPANSIONS:
            best = sorted(found.items(), key=lambda item: (-item[1], -len(postings[item[0]]), item[0]))
            found = dict(best[:MAX_EXPANSIONS])
        return found

    def _prefixed(self, prefix: str) -> list[str]:
        vocabulary = self._vocabulary
        start = bisect.bisect_left(vocabulary, prefix)
        words = []
        for index in range(start, min(start + PREFIX_SCAN, len(vocabulary))):
            word = vocabulary[index]
            if not word.startswith(prefix):
                break
            words.append(word)
        if len(words) > MAX_EXPANSIONS:
            postings = self._postings
            words.sort(key=lambda word: (-len(postings[word]), word))
            words = words[:MAX_EXPANSIONS]
        return words

    def __repr__(self) -> str:
        return f"<SearchIndex {self.size} documents, {len(self._vocabulary)} words>"
