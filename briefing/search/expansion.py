"""Query atoms → the vocabulary words (and variant groups) that stand in for them, with grades.

Reads the store only through `IndexStore`: a word, its stem's words, a bounded run of prefixed
words, the words one typo away. Nothing here walks the documents.
"""

from __future__ import annotations

from briefing.search.index import IndexStore
from briefing.search.query import PREFIX, STEM, TYPO, Atom

#: At most this many vocabulary words stand in for one query atom (the most common kept).
MAX_EXPANSIONS = 50
#: A prefix looks at most this many vocabulary words.
PREFIX_SCAN = 2_000


def expand(atom: Atom, store: IndexStore) -> dict[str, float]:
    """Vocabulary words and variant groups matching `atom`, each with its best grade."""
    found: dict[str, float] = {}
    for token, grade in atom.groups.items():
        if store.document_frequency(token):
            found[token] = grade
    word = atom.word
    if word:
        best = atom.best
        if store.document_frequency(word):
            found[word] = max(found.get(word, 0.0), best)
        if atom.stem is not None:
            for other in store.words_with_stem(atom.stem):
                _offer(found, other, STEM * best)
        if atom.prefix:
            prefixed = store.terms_with_prefix(word, PREFIX_SCAN)
            if len(prefixed) > MAX_EXPANSIONS:
                prefixed = _most_common(prefixed, store, MAX_EXPANSIONS)
            for other in prefixed:
                _offer(found, other, PREFIX)
        if atom.typo:
            for other in store.near(word):
                _offer(found, other, TYPO)
    if len(found) > MAX_EXPANSIONS:
        ranked = sorted(found.items(), key=lambda item: (-item[1], -store.document_frequency(item[0]), item[0]))
        found = dict(ranked[:MAX_EXPANSIONS])
    return found


def _offer(found: dict[str, float], word: str, grade: float) -> None:
    if grade > found.get(word, 0.0):
        found[word] = grade


def _most_common(words: list[str], store: IndexStore, count: int) -> list[str]:
    return sorted(words, key=lambda word: (-store.document_frequency(word), word))[:count]
