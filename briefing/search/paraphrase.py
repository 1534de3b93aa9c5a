"""General English paraphrases, for the reader's words that the briefing does not use: "hitting"
finds strikes, "bombing" attacks, "encircled" surrounded, "hint" suggest.

The table (`paraphrases.tsv`, built from WordNet 3.0 by `scripts/build_paraphrases.py` and
shipped in the package) maps a word's stem to words of the *same* sense and to *broader* words
(its direct hypernyms). A query word's paraphrases rank below the word typed, the briefing's own
synonyms and every other form of it (`query.PARAPHRASE`, `query.BROADER`).

Read once per process (~40k lines, tens of milliseconds), when an index is made: the app makes
its index in a worker after the first paint, so no keystroke waits for it.
"""

from __future__ import annotations

import bisect
from functools import cache
from importlib import resources

from briefing.search.language import stem

Related = tuple[tuple[str, ...], tuple[str, ...]]  # (same sense, broader)
_NONE: Related = ((), ())


class ParaphraseTable:
    """`lines`: `stem<TAB>same<TAB>broader`, sorted (`#` lines first); looked up by bisection, so
    reading the table is one split of the file, not a dictionary of 40k entries."""

    def __init__(self, lines: list[str] | None = None) -> None:
        self._lines = sorted(line for line in lines or () if line and not line.startswith("#"))
        self._parsed: dict[str, Related] = {}
        self._stems: frozenset[str] | None = None

    def knows(self, word: str) -> bool:
        """Whether `word` (by its stem) is an English word the table lists: a word it does not
        know is most often a name ("Witkoff", "Slovyansk")."""
        if self._stems is None:
            self._stems = frozenset(line.partition("\t")[0] for line in self._lines)
        return stem(word) in self._stems

    def __bool__(self) -> bool:
        return bool(self._lines)

    def __len__(self) -> int:
        return len(self._lines)

    def related(self, word: str) -> Related:
        """The words of the same sense as `word` and the broader ones, by its stem."""
        key = stem(word)
        found = self._parsed.get(key)
        if found is None:
            probe = key + "\t"
            at = bisect.bisect_left(self._lines, probe)
            if at == len(self._lines) or not self._lines[at].startswith(probe):
                return _NONE
            _, same, broader = (self._lines[at] + "\t").split("\t")[:3]
            found = (tuple(same.split()), tuple(broader.split()))
            self._parsed[key] = found
        return found


def demonym_bases(word: str) -> tuple[str, ...]:
    """The place a folded "-ian" word may be of ("iranians" → iran, "russian" → russia,
    "ukrainian" → ukraine, "canadian" → canada): WordNet has no link from a people to its
    country. Guesses only: a guess the briefing does not have matches nothing."""
    if word.endswith("s"):
        word = word[:-1]
    if not word.endswith("ian") or len(word) < 6:
        return ()
    root = word[:-3]
    return (word[:-1], root, root + "e", root + "a")


@cache
def shared_paraphrases() -> ParaphraseTable:
    """The shipped table, read on first use and kept for the process."""
    text = resources.files("briefing.search").joinpath("paraphrases.tsv").read_text(encoding="utf-8")
    return ParaphraseTable(text.splitlines())
