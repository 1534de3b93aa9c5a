"""Parse a query into terms. A query is never a pattern: only its words are used.

A *term* is one query word (or hyphenated compound, or multi-word variant spelling). It matches
if any of its *alternatives* matches; an alternative is a sequence of *atoms* that must occur at
consecutive positions (``30-day`` is ``30day`` or ``30`` then ``day``).

Each atom grades a document word: exact 1.0, plural/singular 0.9, prefix 0.7 (only the word
being typed), one typo 0.5 (query words of five letters or more).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.search.normalize import COMPOUND, analyze
from briefing.search.typos import typo_eligible, within_one_edit
from briefing.search.variants import VariantTable, is_group_term

EXACT, PLURAL, PREFIX, TYPO = 1.0, 0.9, 0.7, 0.5
#: Only this much of a query is read, and at most this many terms are used.
MAX_QUERY_CHARS = 1_000
MAX_TERMS = 12
#: A prefix this short does not pull in variant spellings ("k" must not find every KHL).
MIN_PREFIX_FOR_VARIANTS = 3


@dataclass
class Atom:
    word: str | None  # None: only variant groups (a multi-word spelling typed in full)
    prefix: bool = False
    typo: bool = False
    groups: dict[str, float] = field(default_factory=dict)  # group term → grade

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
            return EXACT
        if is_plural_pair(word, term):
            return PLURAL
        if self.prefix and term.startswith(word):
            return PREFIX
        if self.typo and within_one_edit(term, word):
            return TYPO
        return None


def is_plural_pair(a: str, b: str) -> bool:
    """`a` and `b` differ by a plural ending: talk/talks, strike/strikes, match/matches."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) < 3 or not b.startswith(a) or not a.isalpha():
        return False
    return b[len(a) :] in ("s", "es")


@dataclass
class Term:
    text: str
    alternatives: tuple[tuple[Atom, ...], ...]

    @property
    def atoms(self) -> list[Atom]:
        return [atom for alternative in self.alternatives for atom in alternative]


def parse_query(query: object, variants: VariantTable | None = None) -> list[Term]:
    """The terms of `query` (at most `MAX_TERMS`); [] when it has no words."""
    if not isinstance(query, str) or not query:
        return []
    variants = variants or VariantTable()
    query = query[:MAX_QUERY_CHARS]
    matches = []
    for match in COMPOUND.finditer(query):
        analysis = analyze(match.group())
        if analysis.parts:
            matches.append((match, analysis))
        if len(matches) >= MAX_TERMS:
            break
    if not matches:
        return []
    # The word being typed is a prefix, unless the query ends with a space or punctuation.
    typing = matches[-1][0].end() == len(query)
    single_words = [analysis.parts[0][0] if len(analysis.parts) == 1 else None for _, analysis in matches]
    spans = {first: (last, token) for first, last, token in variants.match_query_words(single_words)}

    terms: list[Term] = []
    index = 0
    while index < len(matches):
        is_last = index == len(matches) - 1
        if index in spans:
            last, token = spans[index]
            text = query[matches[index][0].start() : matches[last][0].end()]
            terms.append(Term(text, ((Atom(None, groups={token: EXACT}),),)))
            index = last + 1
            continue
        match, analysis = matches[index]
        prefix = typing and is_last
        words = [term for term, _, _ in analysis.parts]
        if len(words) == 1:
            alternatives: tuple[tuple[Atom, ...], ...] = ((_atom(words[0], prefix, variants),),)
        else:
            joined = "".join(words)
            parts = tuple(
                _atom(word, prefix and number == len(words) - 1, variants) for number, word in enumerate(words)
            )
            alternatives = ((_atom(joined, prefix, variants),), parts)
        terms.append(Term(match.group(), alternatives))
        index += 1
    return terms


def _atom(word: str, prefix: bool, variants: VariantTable) -> Atom:
    atom = Atom(word, prefix=prefix, typo=typo_eligible(word))
    for spelling, tokens in variants.single.items():
        grade = atom.grade_word(spelling)
        if grade is None or (grade == PREFIX and len(word) < MIN_PREFIX_FOR_VARIANTS):
            continue
        for token in tokens:
            if grade > atom.groups.get(token, 0.0):
                atom.groups[token] = grade
    return atom
