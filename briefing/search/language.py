"""What search knows about English: word stems, question words and fillers, figures.

Stems come from the Snowball English stemmer (PyStemmer, in C), plus a short table of irregular
verb forms that no suffix rule can reach ("said" is a form of "say"). The index stems each word
of its vocabulary once; a query stems only its own words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

import Stemmer


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Question words and fillers: they help ranking (a little) but never decide it.
STOP_WORDS = _words(
    """
    a about after am an and any are as at be been before being both but by can could did do does
    doing done during each for from had has have having he her here hers him his how i if in into is
    it its just many me more most much my of on or other our ours over per same she should so some
    such than that the their theirs them then there these they this those through to too under until
    up very was we were what when where which while who whom whose why will with would you your
    """
    # Reflexives and intensifiers ("Trump himself", "in his own words"): they point at someone
    # the question already names. Hedges ("reportedly", "actually"): how sure, not what.
    """
    myself yourself himself herself itself ourselves yourselves themselves own
    reportedly allegedly apparently actually really exactly specifically particularly according
    """
    # Light verbs, which lend their meaning to the noun after them ("make a claim", "take part",
    # "get approval"): the noun says what is asked.
    """
    make makes made making get gets got getting take takes took taken taking
    """
)

#: After "how", these words ask for a quantity: of what follows ("how many POWs"), or a measure
#: that answers seldom repeat ("how big was the incursion" → "500 square miles").
_COUNTING = frozenset({"many", "much", "few"})
_MEASURES = _words("long often far big large old high")
#: Nouns that ask for a quantity wherever they stand ("share of power", "number of prisoners").
_QUANTITY_NOUNS = _words("number share percentage percent proportion amount total size length duration")

#: Words that state a figure without digits. "one" is left out: it is mostly a pronoun ("one report").
NUMBER_WORDS = _words(
    """
    two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
    sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion
    billions dozen dozens half quarter percent
    """
)

# Irregular forms, to their base form (which is then stemmed like any word). Only forms with a
# single common reading: "left" (leave, or the side?) and "lay" are not here.
_IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "held": "hold",
    "spoke": "speak",
    "spoken": "speak",
    "met": "meet",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "began": "begin",
    "begun": "begin",
    "brought": "bring",
    "sought": "seek",
    "thought": "think",
    "went": "go",
    "gone": "go",
    "made": "make",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "fought": "fight",
    "wrote": "write",
    "written": "write",
    "chose": "choose",
    "chosen": "choose",
    "stood": "stand",
    "broke": "break",
    "broken": "break",
    "sent": "send",
    "kept": "keep",
    "lost": "lose",
    "paid": "pay",
    "struck": "strike",
    "sold": "sell",
    "bought": "buy",
    "built": "build",
    "came": "come",
    "became": "become",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "understood": "understand",
    "led": "lead",
    "won": "win",
    "ran": "run",
    "drove": "drive",
    "driven": "drive",
    "froze": "freeze",
    "frozen": "freeze",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
}

_stemmer = Stemmer.Stemmer("english")


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """The stem of one folded word: "reciprocating" and "reciprocates" → "reciproc".

    Words with digits are their own stem ("30day" is not a form of anything)."""
    if not word.isalpha():
        return word
    base = _IRREGULAR.get(word, word)
    return _stemmer.stemWord(base)


def stem_all(words: list[str]) -> list[str]:
    """Stems of many words in one call into the stemmer (vocabulary building)."""
    stems = _stemmer.stemWords([_IRREGULAR.get(word, word) for word in words])
    return [found if word.isalpha() else word for word, found in zip(words, stems, strict=True)]


#: Words that place a fact in time, for "when" questions (years are found by their digits).
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow tonight")
MONTHS = _words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
) - {"may"}  # "may" is mostly the verb
#: Words that say when without a date: "at once", "immediately", "soon", "the week before",
#: "since the Second World War".
RELATIVE_TIME = _words("immediately immediate instantly soon shortly later earlier once week weeks ago since")
TIME_WORDS = WEEKDAYS | MONTHS | RELATIVE_TIME


def is_time(word: str) -> bool:
    """A folded word that says when: a weekday, a month, "yesterday", "soon" or "immediately",
    a year (1900–2099)."""
    return word in TIME_WORDS or is_year(word)


def is_year(word: str) -> bool:
    """A folded word that is a year from 1900 to 2099 ("2022")."""
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


FIGURE, TIME = 1, 2
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def answer_marks(words: set[str], text: str) -> int:
    """`FIGURE` | `TIME` when a document's folded `words` (also as `text`, space-separated)
    state a figure / say when. Set operations and one regex pass: no loop over the words."""
    digits = _DIGIT.search(text) is not None
    marks = FIGURE if digits or not words.isdisjoint(NUMBER_WORDS) else 0
    if not words.isdisjoint(TIME_WORDS) or (digits and _YEAR.search(text)):
        marks |= TIME
    return marks


def asks_time(words: list[str | None]) -> bool:
    """Whether a question asks when: "when", or "how soon" (answered by "at once", "within
    days": a time, not a figure)."""
    return "when" in words or any(word == "how" and following == "soon" for word, following in pairwise(words))


def is_stop_word(word: str) -> bool:
    return word in STOP_WORDS


def is_figure(word: str) -> bool:
    """A folded word that states a number: digits ("175", "30day", "11th") or a number word."""
    return word in NUMBER_WORDS or any(character.isdigit() for character in word)


def quantity_question(words: list[str | None]) -> tuple[bool, int | None]:
    """Whether a question asks for a quantity, and which of its words names what is counted or
    measured. `words`: one folded word per query term (None for a term of several words).

    "how many POWs" → (True, 2: "pows"); "how long was the call" → (True, None);
    "share of power" → (True, 0: "share"); "who proposed hockey" → (False, None)."""
    for index, word in enumerate(words):
        if word is not None and (word in _QUANTITY_NOUNS or word.removesuffix("s") in _QUANTITY_NOUNS):
            return True, index  # and its plural: "prisoner swap numbers"
        if word != "how" or index + 1 >= len(words):
            continue
        if words[index + 1] in _MEASURES:
            return True, None
        if words[index + 1] in _COUNTING:
            for following in range(index + 2, len(words)):
                candidate = words[following]
                if candidate is None or not is_stop_word(candidate):
                    return True, following
            return True, None
    return False, None
