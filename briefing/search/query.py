"""Parse a query into terms. A query is never a pattern: only its words are used.

A *term* is one query word (or hyphenated compound, or multi-word variant or synonym). It matches
if any of its *alternatives* matches; an alternative is a sequence of *atoms* that must occur at
consecutive positions (``30-day`` is ``30day`` or ``30`` then ``day``; ``refused`` may be
``held back`` when the briefing declares them synonyms).

Each atom grades a document word: exact 1.0, same stem 0.85, part of a longer variant spelling
0.8, synonym 0.8 (0.68 by stem), prefix 0.7, one typo 0.5. Every word may be a prefix (the last
one at any length, while it is being typed; the others from three letters). Question words and
fillers ("who", "the", "how many") are *stop* terms: they count for little in ranking.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.search.answers import (
    TIME,
    asking_words,
    asks_date,
    asks_length,
    asks_source,
    asks_who_said,
    relative_clause,
    wanted_kind,
    wanted_time_unit,
)
from briefing.search.language import asks_time, is_stop_word, quantity_question, stem
from briefing.search.normalize import COMPOUND, INITIALS, MOST_INITIALS, analyze
from briefing.search.paraphrase import ParaphraseTable, demonym_bases
from briefing.search.quantities import DURATION, number_spellings, query_durations
from briefing.search.synonyms import SynonymTable
from briefing.search.typos import typo_eligible, within_one_edit
from briefing.search.variants import VariantTable, is_group_term

EXACT, STEM, PART_OF_VARIANT, PREFIX, SYNONYM, TYPO = 1.0, 0.85, 0.8, 0.7, 0.8, 0.5
#: General English paraphrases (`paraphrase`): below every form of the word typed.
PARAPHRASE, BROADER = 0.45, 0.35
#: A name's head noun for the name ("league" for "NHL", `variants.VariantTable.heads`).
HEAD = PARAPHRASE
#: The same length of time in other units or words ("90 minutes" for "an hour and a half").
SAME_QUANTITY = PART_OF_VARIANT
#: A short word for the name whose initials it spells ("UN" for "United Nations").
INITIAL = PART_OF_VARIANT
#: Only this much of a query is read, and at most this many terms are used: `MAX_TERMS` words
#: that are not fillers (a long question keeps its last content words: "...with past policy"),
#: `MAX_WORDS` in all.
MAX_QUERY_CHARS = 1_000
MAX_TERMS = 12
MAX_WORDS = 24
#: A prefix this short does not pull in variant spellings ("k" must not find every KHL).
MIN_PREFIX_FOR_VARIANTS = 3
#: Words before the last are prefixes from this length ("nuc plant" finds "nuclear plant").
MIN_EARLIER_PREFIX = 3


@dataclass
class Atom:
    word: str | None  # None: only variant groups (a multi-word spelling typed in full)
    stem: str | None = None  # match other forms of the word (None: the exact word only)
    prefix: bool = False
    typo: bool = False
    best: float = EXACT  # the grade of an exact match (a synonym's is lower)
    groups: dict[str, float] = field(default_factory=dict)  # variant group term → grade

    def grade(self, term: str) -> float | None:
        """How well document term `term` matches this atom; None if it does not."""
        if is_group_term(term):
            return self.groups.get(term)
        return self.grade_word(term)

    def grade_word(self, term: str) -> float | None:
        word = self.word
        if not word:
            return None
        if term == word:
            return self.best
        if self.stem is not None and stem(term) == self.stem:
            return STEM * self.best
        if self.prefix and term.startswith(word):
            return PREFIX
        if self.typo and within_one_edit(term, word):
            return TYPO
        return None


@dataclass
class Term:
    text: str
    alternatives: tuple[tuple[Atom, ...], ...]
    stop: bool = False  # a question word or filler: helps ranking, never decides it
    aside: bool = False  # in a clause that qualifies a noun ("the talks *where Ukraine accepted*")


@dataclass
class Query:
    terms: list[Term]
    quantity: bool = False  # "how many", "how long", "share of": a figure is the answer
    quantity_term: int | None = None  # the term naming what is counted or measured
    time: bool = False  # "when", "what day": a date or a day is the answer
    kind: str | None = None  # "who": a person, "where": a place, "why": a reason… (`answers`)
    words: frozenset[str] = frozenset()  # the words typed, folded
    time_unit: str | None = None  # "in which month": "month"; "what year": "year" (`answers`)
    #: A query of one name ("witkoff"): its other names ("envoy"), whose facts introduce it.
    introduced_by: tuple[tuple[str, ...], ...] = ()
    source: bool = False  # "who wrote the AP story", "which newspaper": an outlet's card answers
    said_by: bool = False  # "which outlet said…": what the outlets reported answers too
    length: bool = False  # "how long": only a figure that is a length answers (`answers`)

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def content(self) -> list[int]:
        """Indexes of the terms that decide ranking: all but stop terms, or all when every term
        is one ("who", "what did")."""
        found = [number for number, term in enumerate(self.terms) if not term.stop]
        return found or list(range(len(self.terms)))


def parse_query(
    query: object,
    variants: VariantTable | None = None,
    synonyms: SynonymTable | None = None,
    paraphrases: ParaphraseTable | None = None,
) -> Query:
    """The terms of `query` (at most `MAX_TERMS`); an empty `Query` when it has no words.
    Anything but a string is a query with no words."""
    if not isinstance(query, str) or not query:
        return Query([])
    variants = variants or VariantTable()
    synonyms = synonyms or SynonymTable()
    paraphrases = paraphrases or ParaphraseTable()
    query = query[:MAX_QUERY_CHARS]
    matches = []
    content = 0
    for match in COMPOUND.finditer(query):
        analysis = analyze(match.group())
        if analysis.parts:
            matches.append((match, analysis))
            content += not (len(analysis.parts) == 1 and is_stop_word(analysis.parts[0][0]))
        if content >= MAX_TERMS or len(matches) >= MAX_WORDS:
            break
    if not matches:
        return Query([])
    # The last word is being typed unless the query ends with a space or punctuation.
    typing = matches[-1][0].end() == len(query)
    single_words = [analysis.parts[0][0] if len(analysis.parts) == 1 else None for _, analysis in matches]
    variant_spans = {
        first: (last, tokens, whole) for first, last, tokens, whole in variants.match_query_words(single_words)
    }
    synonym_spans = dict(synonyms.match_query_words(single_words))
    duration_spans = query_durations(query, [(match, analysis.parts) for match, analysis in matches])
    loose_durations: dict[int, int] = {}  # a unit after "a"/"an": its length in minutes

    terms: list[Term] = []
    term_words: list[str | None] = []  # one folded word per term, None for several
    paused: list[bool] = []
    index = 0
    while index < len(matches):
        is_last = index == len(matches) - 1
        # Each pass adds one term: whether a comma (or other pause) comes before it.
        paused.append(
            index > 0 and any(mark in query[matches[index - 1][0].end() : matches[index][0].start()] for mark in ",;:")
        )
        if index in duration_spans and single_words[index] in ("a", "an") and duration_spans[index][0] == index + 1:
            # "a day", "a month": the unit is still the word asked ("a day after the call"); it
            # also finds the same length in other units ("24 hours"). "a month-long": the compound.
            span = duration_spans.pop(index)
            if single_words[index + 1] is None:
                duration_spans[index + 1] = span
            else:
                loose_durations[index + 1] = span[1]
        if index in duration_spans and not any(
            other in variant_spans or other in synonym_spans for other in range(index, duration_spans[index][0] + 1)
        ):
            last, minutes = duration_spans[index]
            text = query[matches[index][0].start() : matches[last][0].end()]
            stated = [term for _, analysis in matches[index : last + 1] for term, _, _ in analysis.parts]
            lengths: list[tuple[Atom, ...]] = [(Atom(None, groups={DURATION + str(minutes): SAME_QUANTITY}),)]
            lengths.append(tuple(Atom(word, stem=_stem_of(word)) for word in stated))
            if last == index and matches[index][1].joined:  # "30-day" as "30day"
                lengths.append((Atom(matches[index][1].joined),))
            terms.append(Term(text, tuple(lengths)))
            term_words.append(None)
            index = last + 1
            continue
        if index in variant_spans:
            last, tokens, whole = variant_spans[index]
            text = query[matches[index][0].start() : matches[last][0].end()]
            words = [word for word in single_words[index : last + 1] if word]
            groups = dict.fromkeys(tokens, EXACT if whole else PART_OF_VARIANT)
            alternatives: tuple[tuple[Atom, ...], ...] = ((Atom(None, groups=groups),),)
            if not whole:  # the words as written still count, above the spellings they are part of
                alternatives += (tuple(Atom(word, stem=_stem_of(word)) for word in words),)
            terms.append(Term(text, alternatives))
            term_words.append(None)
            index = last + 1
            continue
        if index in synonym_spans:
            last = synonym_spans[index]
            text = query[matches[index][0].start() : matches[last][0].end()]
            words = [word for word in single_words[index : last + 1] if word]
            own = tuple(Atom(word, stem=_stem_of(word)) for word in words)
            terms.append(Term(text, (own, *_synonym_alternatives(tuple(words), synonyms))))
            term_words.append(None)
            index = last + 1
            continue
        match, analysis = matches[index]
        prefix = (is_last and typing) or None
        words = [term for term, _, _ in analysis.parts]
        if len(words) == 1:
            word = words[0]
            alternatives = ((_atom(word, prefix, variants),), *_synonym_alternatives((word,), synonyms))
            if index in loose_durations:
                alternatives += ((Atom(None, groups={DURATION + str(loose_durations[index]): SAME_QUANTITY}),),)
            stop = is_stop_word(word)
            if not stop and not (prefix and typing):
                alternatives += _paraphrase_alternatives(word, paraphrases, variants)
                alternatives += _head_alternatives(word, variants)
                alternatives += _initials_alternatives(word, match.group(), paraphrases, variants)
            alternatives += _number_alternatives(words)
        else:
            joined = "".join(words)
            parts = tuple(
                _atom(word, prefix if number == len(words) - 1 else False, variants)
                for number, word in enumerate(words)
            )
            alternatives = ((_atom(joined, prefix, variants),), parts, *_number_alternatives(words))
            stop = False
        terms.append(Term(match.group(), alternatives, stop))
        term_words.append(words[0] if len(words) == 1 else None)
        index += 1
    quantity, quantity_term = quantity_question(term_words)
    kind = wanted_kind(term_words)
    for number in asking_words(term_words):
        terms[number].stop = True
    for number in relative_clause(term_words, paused):
        terms[number].aside = True
    typed = frozenset(word for match, analysis in matches for word, _, _ in analysis.parts)
    time = asks_time(term_words) or kind == TIME or asks_date(term_words)
    unit = wanted_time_unit(term_words) if time else None
    only = term_words[0] if len(terms) == 1 and not terms[0].stop else None
    named = tuple(synonyms.names_of((only,))) if only else ()
    return Query(
        terms,
        quantity,
        quantity_term,
        time,
        kind,
        typed,
        unit,
        named,
        asks_source(term_words),
        asks_who_said(term_words),
        asks_length(term_words),
    )


def _stem_of(word: str) -> str | None:
    return None if is_stop_word(word) else stem(word)


def _atom(word: str, typing: bool | None, variants: VariantTable) -> Atom:
    """One query word. `typing`: True for the word being typed (a prefix at any length), None
    for the others (a prefix from MIN_EARLIER_PREFIX letters), False for no prefix at all."""
    stop = is_stop_word(word)
    if typing is None:
        prefix = not stop and len(word) >= MIN_EARLIER_PREFIX
    else:
        prefix = typing
    atom = Atom(word, stem=_stem_of(word), prefix=prefix, typo=not stop and typo_eligible(word))
    for spelling, tokens in variants.single.items():
        grade = atom.grade_word(spelling)
        if grade is None or (grade == PREFIX and len(word) < MIN_PREFIX_FOR_VARIANTS):
            continue
        for token in tokens:
            if grade > atom.groups.get(token, 0.0):
                atom.groups[token] = grade
    return atom


def _number_alternatives(words: list[str]) -> tuple[tuple[Atom, ...], ...]:
    """A number's other spellings ("12" for "twelve", "dozen"), graded as a variant spelling."""
    return tuple(tuple(Atom(word, best=SAME_QUANTITY) for word in spelling) for spelling in number_spellings(words))


def _synonym_alternatives(words: tuple[str, ...], synonyms: SynonymTable) -> list[tuple[Atom, ...]]:
    if not synonyms or (len(words) == 1 and is_stop_word(words[0])):
        return []
    return [
        tuple(Atom(word, stem=_stem_of(word), best=SYNONYM) for word in member) for member in synonyms.others(words)
    ]


def _initials_alternatives(
    word: str, typed: str, paraphrases: ParaphraseTable, variants: VariantTable
) -> tuple[tuple[Atom, ...], ...]:
    """A short word typed in capitals ("UN") or that English does not have ("un") may be the
    initials of a name the text spells out ("United Nations", `normalize.initialisms`)."""
    if not (2 <= len(word) <= MOST_INITIALS and word.isalpha()) or word in variants.single:
        return ()
    if not typed.isupper() and paraphrases.knows(word):
        return ()
    return ((Atom(None, groups={INITIALS + word: INITIAL}),),)


def _head_alternatives(word: str, variants: VariantTable) -> tuple[tuple[Atom, ...], ...]:
    """A finished word that is the head noun of a name the briefing spells out ("leagues" of
    "National Hockey League"): that name in any spelling ("NHL"), graded as a paraphrase."""
    if word in variants.single:
        return ()
    tokens = variants.heads(word)
    return ((Atom(None, groups=dict.fromkeys(tokens, HEAD)),),) if tokens else ()


def _paraphrase_alternatives(
    word: str, paraphrases: ParaphraseTable, variants: VariantTable
) -> tuple[tuple[Atom, ...], ...]:
    """General paraphrases of a finished word (not one still being typed: "hit" is not yet
    "hitting"), unless it is one of the briefing's own spellings (a name is not paraphrased)."""
    if not paraphrases or not word.isalpha() or word in variants.single:
        return ()
    same, broader = paraphrases.related(word)
    same = (*same, *demonym_bases(word))
    return tuple((Atom(other, stem=stem(other), best=PARAPHRASE),) for other in same) + tuple(
        (Atom(other, stem=stem(other), best=BROADER),) for other in broader
    )
