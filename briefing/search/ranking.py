"""Scoring one document against one query: pure arithmetic on what matched where.

BM25 with field weights (BM25F): each query term adds its rarity (idf) times a saturating count
of its matches, each match weighted by how well it matched (exact > same stem > prefix, synonym >
typo), by the field it is in and by that field's length against the average. Then:

* a fact (claim or "where reports differ" entry) counts in full; a topic header, an outlet and the
  bottom line count for less, and their repeated mentions count once per field, so a fact that
  states the words beats a header that merely lists them;
* a fact also gets a little from its topic's title and aliases (what the topic is about), so
  "where would hockey games be played" finds "The games would be held in both countries";
* question words and fillers ("who", "the", "did") weigh a tenth of a content word, and the words
  of a clause that only qualifies a noun ("the talks *where Ukraine accepted the pause*") half;
* the share of the query's content words (rarity-weighted) that a document holds, squared, scales
  it, so the document with all the words usually wins over one repeating a few of them, and a rare
  word missing costs more than a common one; for a question asking for a kind of thing (below),
  the thing asked for counts as one more word, of average rarity, held by the facts that hold one;
* a question that asks for a kind of thing ("who" a person, "where" a place, "why" a reason, "how
  big" a size: `answers`) lifts the facts that hold one;
* a question that asks for a quantity ("how many POWs", "how long was the call") lifts the facts
  that state a figure the question does not already name (and hold the word being counted,
  when there is one); a "when" question lifts, as much, the facts that name a day, a month or a
  year (the unit asked for, when it names one: "in which month").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from briefing.search.documents import FACTS

K1 = 1.2  # how fast repeated matches stop adding
B = 0.75  # how much a long field is held against its matches
#: Field weights by kind, in `documents.FIELDS` order.
FIELD_WEIGHTS: dict[str, tuple[float, ...]] = {
    "claim": (1.0,),
    "difference": (1.0,),
    "topic": (1.0, 0.5, 0.8),
    "source": (0.7, 1.0, 1.0),
    "paragraph": (1.0,),
    "overview": (1.0,),
}
KIND_WEIGHTS = {"claim": 1.0, "difference": 1.0, "topic": 0.5, "source": 0.4, "paragraph": 0.35, "overview": 0.45}
CONTEXT = 0.3  # a match in the topic's title or aliases, for one of its facts
CONTEXT_COVERS = 0.5  # ...and how much of the word it counts as holding
STOP_SHARE = 0.1
COVERAGE_FLOOR = 0.5  # a document with none of the content words would keep this share
PHRASE = 0.15  # every term, in query order, at consecutive positions
QUANTITY = 1.0  # a fact stating a figure, for a question asking for one
TIME = 1.0  # a fact saying when, for a "when" question (as much as a figure for "how many")
SOURCE = 3.0  # an outlet's card, for a question asking who wrote or carried a report
ASIDE = 0.5  # the rarity of a word in a clause qualifying a noun ("the talks where Ukraine agreed")
KIND = 0.5  # a fact holding the person, place, reason or size a question asks for
#: A match of at least this grade (the word, its forms, a typo) covers the word typed; a
#: paraphrase covers its share of it.
COVER_FULL = 0.5
COVER_POWER = 2.0  # the share of the words held counts squared: distinct words beat repeats


@dataclass(frozen=True)
class TermWeight:
    idf: float
    stop: bool = False


def idf(documents: int, frequency: int) -> float:
    """BM25's rarity of a term found in `frequency` of `documents` documents (always > 0)."""
    return math.log(1.0 + (documents - frequency + 0.5) / (frequency + 0.5))


#: A side's passage: its matches per term ((field, grade) each) and its length.
Passage = tuple[Sequence[Sequence[tuple[int, float]]], int]
Passages = tuple[Passage, ...]


@dataclass(frozen=True)
class Evidence:
    """What one document holds of one query."""

    kind: str
    lengths: Sequence[int]  # each field's length
    averages: Sequence[float]  # each field's average length over documents of this kind
    matches: Sequence[Sequence[tuple[int, float]]]  # per term: (field, grade) of each match
    context: Sequence[float] = ()  # per term: best grade in the topic's title or aliases (facts)
    phrase: bool = False
    has_figure: bool = False
    has_time: bool = False
    has_kind: bool = False  # holds the kind of thing the question asks for (`Asks.kind`)
    #: A fact's sides (a difference's), each with its label as a passage of its own: the passage's
    #: matches per term and its length, scored with the rest of this evidence (`score`). Built
    #: on demand (`passages`): few facts come near enough to the first hits to need them.
    side_passages: Passages | Callable[[], Iterable[Passage]] = ()
    shortest_side: int = 0  # the shortest passage's length, for `passage_gain`

    def passages(self) -> Passages:
        found = self.side_passages
        if callable(found):
            found = tuple(found())
            object.__setattr__(self, "side_passages", found)  # built once; frozen from now on
        return found


@dataclass(frozen=True)
class Asks:
    """What kind of answer a question wants, beyond its words."""

    quantity: bool = False  # "how many", "how long", "share of"
    quantity_term: int | None = None  # the term naming what is counted ("how many POWs")
    time: bool = False  # "when"
    kind: str | None = None  # "who", "where", "why", "how big" (a date is `time`)
    time_unit: str | None = None  # "in which month", "what year", "what day": `time` in that unit
    introduced_by: tuple[tuple[str, ...], ...] = ()  # kind INTRODUCED: the name's other names
    source: bool = False  # who wrote or carried a report: an outlet's card is the answer
    said_by: bool = False  # which outlet said a thing: what each outlet reported answers too
    length: bool = False  # "how long": a figure answers only when it is a length


def score(evidence: Evidence, weights: Sequence[TermWeight], asks: Asks = Asks()) -> float:
    """The document's score for the query (0.0 when nothing matched). A "where reports differ"
    entry (or a claim whose parts cite different outlets) scores as its best side, with its
    label, or as a whole, whichever is higher: the list shows each side with its outlets, so one
    side that answers is as good as a claim that does, and no longer for the sides around it."""
    return with_passages(evidence, weights, asks, score_whole(evidence, weights, asks))


def score_whole(evidence: Evidence, weights: Sequence[TermWeight], asks: Asks = Asks()) -> float:
    """`score` of the document as a whole, its sides aside."""
    return _score(evidence, weights, asks, evidence.matches, evidence.lengths)


def with_passages(evidence: Evidence, weights: Sequence[TermWeight], asks: Asks, whole: float) -> float:
    """`score`, given the whole's: the best of it and of each side's passage."""
    best = whole
    for matches, length in evidence.passages():
        best = max(best, _score(evidence, weights, asks, matches, (length,)))
    return best


def passage_gain(evidence: Evidence) -> float:
    """At most how many times its whole's score a side's passage can score. A passage holds
    some of the whole's matches and is shorter: each word's weight grows at most as the length
    normalisation shrinks (BM25's saturation only slows it), and nothing else can grow."""
    if not evidence.shortest_side or not evidence.lengths or not evidence.averages:
        return 1.0
    average = evidence.averages[0]
    return _norm(evidence.lengths[0], average) / _norm(evidence.shortest_side, average)


def _norm(length: float, average: float) -> float:
    return 1.0 - B + B * (length / average if average else 1.0)


def _score(
    evidence: Evidence,
    weights: Sequence[TermWeight],
    asks: Asks,
    matches_of: Sequence[Sequence[tuple[int, float]]],
    lengths: Sequence[int],
) -> float:
    """`score` of one passage: the evidence's matches and lengths, or one side's."""
    kind = evidence.kind
    fact = kind in FACTS
    field_weights = FIELD_WEIGHTS[kind]
    norms = [_norm(length, average) for length, average in zip(lengths, evidence.averages, strict=False)]
    relevance = covered = total = 0.0
    for number, weight in enumerate(weights):
        matches = matches_of[number]
        frequency = 0.0
        if fact:
            for field, grade in matches:
                frequency += field_weights[field] * grade / norms[field]
        else:  # a header or an outlet: each field counts a word once, at its best grade
            best: dict[int, float] = {}
            for field, grade in matches:
                if grade > best.get(field, 0.0):
                    best[field] = grade
            for field, grade in best.items():
                frequency += field_weights[field] * grade / norms[field]
        context = evidence.context[number] if number < len(evidence.context) else 0.0
        frequency += CONTEXT * context
        if frequency:
            rarity = weight.idf * STOP_SHARE if weight.stop else weight.idf
            relevance += rarity * frequency * (K1 + 1.0) / (frequency + K1)
        if not weight.stop:
            total += weight.idf
            if matches:  # a paraphrase covers less of the word typed than the word itself
                covered += weight.idf * min(1.0, max(grade for _, grade in matches) / COVER_FULL)
            elif context:
                covered += weight.idf * CONTEXT_COVERS
    if not relevance:
        return 0.0
    if fact and total and (asks.quantity or asks.time or asks.kind):  # what is asked counts as one more word
        share = total / max(1, sum(not weight.stop for weight in weights))
        total += share
        counted = asks.quantity_term is None or bool(matches_of[asks.quantity_term])
        if (
            (asks.quantity and evidence.has_figure and counted)
            or (asks.time and evidence.has_time)
            or (asks.kind and evidence.has_kind)
        ):
            covered += share
    coverage = (covered / total if total else 1.0) ** COVER_POWER
    result = relevance * KIND_WEIGHTS[kind] * (COVERAGE_FLOOR + (1.0 - COVERAGE_FLOOR) * coverage)
    if evidence.phrase:
        result *= 1.0 + PHRASE
    counted = asks.quantity_term is None or bool(matches_of[asks.quantity_term])
    if fact and asks.quantity and evidence.has_figure and counted:
        result *= 1.0 + QUANTITY
    if fact and asks.time and evidence.has_time:
        result *= 1.0 + TIME
    if fact and asks.kind and evidence.has_kind:
        result *= 1.0 + KIND
    if asks.source and (kind == "source" or (asks.said_by and kind == "paragraph")):
        result *= 1.0 + SOURCE
    return result
