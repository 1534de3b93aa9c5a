"""Claims that follow one sentence of a cited outlet too closely: our own words, checked.

A briefing carries facts over from its outlets, never their sentences. A claim that keeps a
sentence's words in the sentence's order, with a word or two swapped for a synonym, is the
outlet's sentence, not ours. Two measures, each over the claim's text outside quotation marks
(quotes of officials are meant to be word for word) against one sentence at a time:

* **Words in order.** The longest run of the claim's words that appears in the sentence in the
  same order, gaps allowed (a longest common subsequence of stems, so "hailed" and "hails" are
  one word; "the", "was", "that" count too, since they make a sentence's shape). Names and
  figures do not count on either side: "Kazakhstan" or "500" must carry over, so they say
  nothing about whose sentence it is. Too close: at least `MIN_IN_ORDER` such words, and at least
  `MIN_SHARE` of the claim's own.
* **A shared run.** `MIN_RUN` words or more, names included, word for word in a row.

The thresholds were chosen on the bundled briefing against its five reports (issue 21): the
sentences it flags before the rewrite are kept as fixtures in `tests/test_check_closeness.py`;
the briefing as rewritten is clean. A pure swap of synonyms that leaves only names and small
words in common ("These discussions were set to start immediately in the Middle East" → "Those
talks were to begin straight away…") is beyond any measure of shared words: thresholds low
enough to catch it flag most of a briefing, whose facts must carry over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.recognise import find_quotes
from briefing.search.language import stem

#: Too close: this many of the claim's words (names and figures aside) in the sentence's order…
MIN_IN_ORDER = 8
#: …making up at least this share of the claim's words.
MIN_SHARE = 0.5
#: Or this many words in a row, word for word.
MIN_RUN = 8

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_APOSTROPHE = re.compile(r"['’]")
# "โ" between non-Thai characters is damaged curly punctuation (see `against.py`): an apostrophe
# in "Ukraineโs", a quotation mark or a dash elsewhere. Read as an apostrophe it joins "Ukraine's".
_DAMAGED = re.compile(r"(?<![\u0e00-\u0e7f])\u0e42(?![\u0e00-\u0e7f])")
# A sentence ends at . ! or ? (a closing quotation mark may follow) before a space…
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+")
# …unless the word before it is an abbreviation: "U.S.", "Feb.".
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.)+$|\b(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov)\.$")


def words(text: str) -> list[str]:
    """The words of `text`, case folded, apostrophes dropped ("Ukraine’s" → "ukraines")."""
    text = _DAMAGED.sub("'", text)
    return [_APOSTROPHE.sub("", word).casefold() for word in _WORD.findall(text)]


def sentences(text: str) -> list[str]:
    """The sentences of an outlet's text; a line (a headline, a subheading) is one at most."""
    found: list[str] = []
    for line in text.splitlines():
        pending = ""
        for piece in _SENTENCE_END.split(line.strip()):
            pending = f"{pending} {piece}" if pending else piece
            if not _ABBREVIATION.search(pending):
                found.append(pending)
                pending = ""
        if pending:
            found.append(pending)
    return [sentence for sentence in found if words(sentence)]


def names_in(text: str) -> frozenset[str]:
    """Words `text` writes with a capital letter and never in lower case: names ("Trump", "Kyiv",
    "NHL"). A sentence's first word says nothing either way ("But", "Trump")."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    for sentence in sentences(text):
        for raw in _WORD.findall(_DAMAGED.sub("'", sentence))[1:]:
            word = _APOSTROPHE.sub("", raw).casefold()
            (capitalised if raw[0].isupper() else lower).add(word)
    return frozenset(capitalised - lower)


@dataclass(frozen=True)
class _Sentence:
    text: str
    words: tuple[str, ...]
    stems: tuple[str, ...]


@dataclass(frozen=True)
class OutletSentences:
    """One outlet's text, sentence by sentence, ready to compare claims with."""

    sentences: tuple[_Sentence, ...]
    names: frozenset[str]

    @classmethod
    def of(cls, text: str, names: frozenset[str]) -> OutletSentences:
        found = []
        for sentence in sentences(text):
            sentence_words = tuple(words(sentence))
            found.append(_Sentence(sentence, sentence_words, tuple(_common_stems(sentence_words, names))))
        return cls(tuple(found), names)


@dataclass(frozen=True)
class Closeness:
    """How closely a claim follows one sentence."""

    sentence: str
    in_order: int  # the claim's words (names and figures aside) in the sentence's order
    claim_words: int  # the claim's words, names and figures aside
    run: int  # the longest run of words shared word for word

    @property
    def too_close(self) -> bool:
        by_order = self.in_order >= MIN_IN_ORDER and self.in_order >= MIN_SHARE * self.claim_words
        return by_order or self.run >= MIN_RUN


def closest(text: str, outlet: OutletSentences) -> Closeness | None:
    """The sentence of `outlet` that `text` (a claim, or one side of a difference) follows most
    closely, when it follows it too closely; else None."""
    claim_words = words(_outside_quotes(text))
    claim_stems = _common_stems(claim_words, outlet.names)
    found: Closeness | None = None
    for sentence in outlet.sentences:
        closeness = Closeness(
            sentence.text,
            _in_order(claim_stems, sentence.stems),
            len(claim_stems),
            _longest_run(claim_words, sentence.words),
        )
        if closeness.too_close and (found is None or _strength(closeness) > _strength(found)):
            found = closeness
    return found


def _strength(closeness: Closeness) -> tuple[float, int]:
    return (closeness.in_order / max(closeness.claim_words, 1), closeness.run)


def _outside_quotes(text: str) -> str:
    for quote in find_quotes(text).quotes:
        text = text.replace(quote, " ")
    return text


def _common_stems(text_words: list[str] | tuple[str, ...], names: frozenset[str]) -> list[str]:
    """Stems of the words that are neither names nor figures."""
    return [stem(word) for word in text_words if word not in names and not any(c.isdigit() for c in word)]


def _in_order(claim: list[str], sentence: tuple[str, ...]) -> int:
    """The length of the longest common subsequence."""
    previous = [0] * (len(sentence) + 1)
    for word in claim:
        current = [0]
        for index, other in enumerate(sentence):
            current.append(previous[index] + 1 if word == other else max(previous[index + 1], current[index]))
        previous = current
    return previous[-1]


def _longest_run(claim: list[str], sentence: tuple[str, ...]) -> int:
    """The length of the longest common run of consecutive words."""
    longest = 0
    previous = [0] * (len(sentence) + 1)
    for word in claim:
        current = [0]
        for index, other in enumerate(sentence):
            current.append(previous[index] + 1 if word == other else 0)
        longest = max(longest, *current)
        previous = current
    return longest
