"""Equivalent spellings from the content (`Briefing.variants`), single- or multi-word.

Each group gets a pseudo-term (``\\x01`` + group number) that never occurs in text. Wherever a
document contains any spelling of a group, the group's pseudo-term is added over the positions
that spelling covers, so ``KHL`` and ``Kontinental Hockey League`` share one posting list.
No spelling is built in: every group comes from the content's front matter.
"""

from __future__ import annotations

from briefing.search.language import is_stop_word, stem
from briefing.search.normalize import Extra, tokenize

GROUP_PREFIX = "\x01"


def group_term(number: int) -> str:
    return f"{GROUP_PREFIX}{number}"


def is_group_term(term: str) -> bool:
    return term.startswith(GROUP_PREFIX)


class VariantTable:
    """Lookup tables for a briefing's variant groups."""

    def __init__(self, groups: tuple[tuple[str, ...], ...] = ()) -> None:
        #: one-word spelling → group terms (a spelling may, by mistake, sit in two groups)
        self.single: dict[str, tuple[str, ...]] = {}
        #: first word of a multi-word spelling → [(words, group term)]
        self.multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        #: the head noun of a spelling of several words (by stem) → group terms (`heads`)
        self._heads: dict[str, tuple[str, ...]] = {}
        for number, group in enumerate(groups or ()):
            token = group_term(number)
            for spelling in group:
                if not isinstance(spelling, str):
                    continue
                tokens = tokenize(spelling)
                words = tuple(tokens.terms)
                if not words:
                    continue
                if len(words) == 1:
                    self._add_single(words[0], token)
                    if len(words[0]) >= 3 and words[0].isalpha():
                        self._add_single(words[0] + "s", token)  # "POWs" is still a POW
                    continue
                # A single hyphenated spelling ("cease-fire") also matches its joined form.
                for term, first, last in tokens.extras:
                    if first == 0 and last == len(words) - 1:
                        self._add_single(term, token)
                entries = self.multi.setdefault(words[0], [])
                if (words, token) not in entries:
                    entries.append((words, token))
                if " " in spelling.strip():  # words apart, not "cease-fire" or "U.S."
                    self._add_head(words, token)

        self._keys = frozenset(self.single) | frozenset(self.multi)
        # A query finds a multi-word spelling by word stems ("hockey leagues"), and a run of two
        # words or more from inside one ("atomic energy agency") as a partial match.
        self._query_whole: dict[tuple[str, ...], str] = {}
        self._query_partial: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._longest = 0
        for entries in self.multi.values():
            for words, token in entries:
                stems = tuple(stem(word) for word in words)
                self._query_whole.setdefault(stems, token)
                self._longest = max(self._longest, len(words))
                for start in range(len(words)):
                    for end in range(start + 2, len(words) + 1):
                        if end - start == len(words) or sum(not is_stop_word(w) for w in words[start:end]) < 2:
                            continue
                        present = self._query_partial.get(stems[start:end], ())
                        if token not in present:
                            self._query_partial[stems[start:end]] = (*present, token)

    def _add_head(self, words: tuple[str, ...], token: str) -> None:
        # The head noun of a name of several words ("League" of "National Hockey League",
        # "Agency" of "International Atomic Energy Agency", "prisoner" of "prisoner of war") says
        # what the thing is: "which two leagues" asks for the NHL and the KHL.
        head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
        if is_stop_word(head) or not head.isalpha() or len(head) < 3:
            return
        present = self._heads.get(stem(head), ())
        if token not in present:
            self._heads[stem(head)] = (*present, token)

    def heads(self, word: str) -> tuple[str, ...]:
        """The groups whose spelling of several words has `word` (by stem) as its head noun:
        "leagues" → the NHL's and the KHL's."""
        return self._heads.get(stem(word), ())

    def _add_single(self, word: str, token: str) -> None:
        present = self.single.get(word, ())
        if token not in present:
            self.single[word] = (*present, token)

    def __bool__(self) -> bool:
        return bool(self.single or self.multi)

    def annotate(self, terms: list[str], extras: list[Extra], words: set[str] | None = None) -> None:
        """Append a group pseudo-term to `extras` wherever `terms`/`extras` spell a variant.

        `words`, if given, is `set(terms)` (the caller may already have it)."""
        keys = self._keys
        if not keys:
            return
        present = keys.intersection(terms if words is None else words)
        found: list[Extra] = []
        if extras:
            for term, first, last in extras:
                for token in self.single.get(term, ()):
                    found.append((token, first, last))
        elif not present:
            return
        count = len(terms)
        for term in present:
            singles = self.single.get(term, ())
            multis = self.multi.get(term, ())
            position = -1
            for _ in range(terms.count(term)):
                position = terms.index(term, position + 1)
                for token in singles:
                    found.append((token, position, position))
                for spelling, token in multis:
                    end = position + len(spelling)
                    if end <= count and tuple(terms[position:end]) == spelling:
                        found.append((token, position, end - 1))
        extras.extend(found)

    def match_query_words(self, words: list[str | None]) -> list[tuple[int, int, tuple[str, ...], bool]]:
        """Multi-word spellings in a query, longest first, left to right:
        [(first index, last index, group terms, whole spelling?)]. Words compare by stem; a run of
        two words or more from inside a longer spelling ("atomic energy agency" of "International
        Atomic Energy Agency") is a partial match."""
        matches: list[tuple[int, int, tuple[str, ...], bool]] = []
        if not self._longest:
            return matches
        stems = [stem(word) if word else "" for word in words]
        index = 0
        while index < len(words):
            for end in range(min(len(words), index + self._longest), index + 1, -1):
                piece = tuple(stems[index:end])
                if "" in piece:
                    continue
                token = self._query_whole.get(piece)
                if token is not None:
                    matches.append((index, end - 1, (token,), True))
                    break
                tokens = self._query_partial.get(piece)
                if tokens:
                    matches.append((index, end - 1, tokens, False))
                    break
            else:
                index += 1
                continue
            index = matches[-1][1] + 1
        return matches
