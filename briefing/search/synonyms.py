"""Near-equivalent words a briefing declares (`synonyms:` in `briefing.md`): swap/exchange,
wounded/injured, proposed/suggested. Unlike variants (the same word spelled differently), a
synonym is another word: it finds what the query's word does not, and ranks below it.

Applied to queries only, by word stem ("suggested" finds "suggest", "suggests"), so the index
holds no synonym of its own and editing the list needs no re-indexing. A member may have several
words ("held back", "public opinion"); nothing is built in.

*Other names* (`other_names:`) are groups read one way: the first member is what the briefing
calls a thing, the others what a reader may call it ("Moscow", "Kremlin" for Russia; "envoy" for
Witkoff). A reader's name finds the briefing's; the briefing's name does not find the others,
nor one other name another (a claim about Russia is not about the envoy's "capital").
"""

from __future__ import annotations

from briefing.search.language import stem
from briefing.search.normalize import tokenize

Phrase = tuple[str, ...]  # folded words


class SynonymTable:
    def __init__(self, groups: tuple[tuple[str, ...], ...] = (), names: tuple[tuple[str, ...], ...] = ()) -> None:
        self._groups: list[list[Phrase]] = []
        self._named: set[int] = set()  # groups of other names: only their first member is offered
        #: a member's stems → the groups it belongs to
        self._by_stems: dict[Phrase, list[int]] = {}
        self.longest = 0
        every = [(group, False) for group in groups or ()] + [(group, True) for group in names or ()]
        for group, named in every:
            members: list[Phrase] = []
            for spelling in group:
                if not isinstance(spelling, str):
                    continue
                words = tuple(tokenize(spelling).terms)
                if words and words not in members:
                    members.append(words)
            if len(members) < 2:
                continue
            number = len(self._groups)
            self._groups.append(members)
            if named:
                self._named.add(number)
            for words in members:
                key = tuple(stem(word) for word in words)
                found = self._by_stems.setdefault(key, [])
                if number not in found:
                    found.append(number)
                self.longest = max(self.longest, len(words))

    def __bool__(self) -> bool:
        return bool(self._groups)

    def others(self, words: Phrase) -> list[Phrase]:
        """The other members of every group that `words` (by stem) belong to."""
        key = tuple(stem(word) for word in words)
        found: list[Phrase] = []
        for number in self._by_stems.get(key, ()):
            members = self._groups[number]
            if number in self._named:
                members = members[:1]
            for member in members:
                if tuple(stem(word) for word in member) != key and member not in found:
                    found.append(member)
        return found

    def names_of(self, words: Phrase) -> list[Phrase]:
        """What readers call the thing the briefing calls `words` (by stem): "Witkoff" → envoy,
        special envoy. A fact that says both introduces it."""
        key = tuple(stem(word) for word in words)
        found: list[Phrase] = []
        for number in self._by_stems.get(key, ()):
            members = self._groups[number]
            if number in self._named and tuple(stem(word) for word in members[0]) == key:
                found.extend(member for member in members[1:] if member not in found)
        return found

    def match_query_words(self, words: list[str | None]) -> list[tuple[int, int]]:
        """Runs of two words or more in a query that are a member ("public opinion"):
        [(first index, last index)], longest first, left to right."""
        matches: list[tuple[int, int]] = []
        if self.longest < 2:
            return matches
        stems = [stem(word) if word else None for word in words]
        index = 0
        while index < len(words):
            for end in range(min(len(words), index + self.longest), index + 1, -1):
                piece = stems[index:end]
                if None not in piece and tuple(piece) in self._by_stems:
                    matches.append((index, end - 1))
                    index = end
                    break
            else:
                index += 1
        return matches
