"""One-typo tolerance: edit distance 1 (substitution, insertion, deletion, transposition).

`DeletionIndex` finds every vocabulary word within one edit of a query word without scanning the
vocabulary: a word and its one-letter deletions are keys; a query's own deletions look them up.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Query words shorter than this get no typo tolerance ("pase" must not find "vase").
MIN_TYPO_LENGTH = 5


def typo_eligible(word: str) -> bool:
    return len(word) >= MIN_TYPO_LENGTH and word.isalpha()


def within_one_edit(a: str, b: str) -> bool:
    """Optimal-string-alignment distance of `a` and `b` is at most 1."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if la - lb > 1 or lb - la > 1:
        return False
    if la < lb:
        a, b, la, lb = b, a, lb, la
    index = 0
    shortest = lb
    while index < shortest and a[index] == b[index]:
        index += 1
    if la > lb:  # one letter inserted in `a`
        return a[index + 1 :] == b[index:]
    if a[index + 1 :] == b[index + 1 :]:  # one substitution
        return True
    return (  # two neighbours swapped
        index + 1 < la and a[index] == b[index + 1] and a[index + 1] == b[index] and a[index + 2 :] == b[index + 2 :]
    )


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class DeletionIndex:
    """Vocabulary words reachable by one typo, for words of at least four letters."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._keys: dict[str, list[str]] = {}
        self.add(words)

    def add(self, words: Iterable[str]) -> None:
        """Make more words reachable (a word already here is not added twice by the index)."""
        for word in words:
            if len(word) >= MIN_TYPO_LENGTH - 1 and word.isalpha():
                for key in _deletions(word) | {word}:
                    self._keys.setdefault(key, []).append(word)

    def near(self, word: str) -> list[str]:
        """Vocabulary words within one edit of `word` (not `word` itself), sorted."""
        if not typo_eligible(word):
            return []
        found: set[str] = set()
        for key in _deletions(word) | {word}:
            for candidate in self._keys.get(key, ()):
                if candidate != word and within_one_edit(candidate, word):
                    found.add(candidate)
        return sorted(found)


def deletion_keys(word: str) -> set[str]:
    """The keys a word is filed under (and looked up by) for one-typo matching."""
    return _deletions(word) | {word}
