"""Figures and quotations in a claim's text: what `check --against` checks and the meeting tools
list. Pure functions over plain strings.

* **Figures** are numbers in digits (175, 2,000, 2.5, 2016, the 28 of "28 February", the 30 of
  "30-day", 11th) or in words: two to twenty, the tens, hundred, thousand, million, billion and
  their compounds ("twenty-three", "a hundred"), ordinals ("eleventh"), "half", "a third",
  "a quarter", "three quarters", "dozen". Not figures: digits glued after a letter ("G7"),
  digits inside web addresses, the bare words "one" and "first" (nearly always "one report",
  "a first step"), and plurals such as "dozens" or "thousands", which count nothing exactly.
* **Quotations** are passages in double quotes ("…" or “…”), or single quotes opened before a
  letter (‘…’/'…'), outermost only; an apostrophe never opens one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction

# --- finding quotes in a claim --------------------------------------------------------------

_DOUBLE_OPEN = '“"'
_DOUBLE_CLOSE = '”"'
_SINGLE_OPEN = "‘'"
_SINGLE_CLOSE = "’'"


@dataclass(frozen=True)
class QuoteScan:
    quotes: tuple[str, ...]
    unclosed: bool


def find_quotes(text: str) -> QuoteScan:
    """The passages of `text` in quotation marks, outermost only.

    Double quotes pair up in order. A single quote opens only at the start of a word (after a
    space or an opening bracket, before a letter) and closes only where no letter follows, so
    apostrophes — "Ukraine’s", "he’d", "the leaders’" outside a quote — are never taken for
    quotation marks.
    """
    quotes: list[str] = []
    unclosed = False
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in _DOUBLE_OPEN:
            end = _next_index(text, i + 1, _DOUBLE_CLOSE)
            if end < 0:
                unclosed = True
                break
            quotes.append(text[i + 1 : end])
            i = end + 1
            continue
        if char in _SINGLE_OPEN and _opens_single(text, i):
            end = _single_close(text, i + 1)
            if end >= 0:
                quotes.append(text[i + 1 : end])
                i = end + 1
                continue
            if char == "‘":
                unclosed = True
                break
        i += 1
    return QuoteScan(tuple(q for q in quotes if q.strip()), unclosed)


def _next_index(text: str, start: int, chars: str) -> int:
    for index in range(start, len(text)):
        if text[index] in chars:
            return index
    return -1


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if not after.isalpha():
        return False
    return text[i] == "‘" or before.isspace() or before in '([{—–-“"'


def _single_close(text: str, start: int) -> int:
    for index in range(start, len(text)):
        if text[index] in _SINGLE_CLOSE:
            after = text[index + 1] if index + 1 < len(text) else " "
            if not after.isalnum() and not text[index - 1].isspace():
                return index
    return -1


# --- figures --------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1_000, "millionth": 1_000_000,
}  # fmt: skip
# Fractions by their (singular or plural) word: "a third", "three quarters", "half".
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}  # fmt: skip
_NOT_ALONE = {"one", "first"}  # in a claim, alone, these are words rather than counts
_WORD = re.compile(r"[A-Za-z]+")
_JOIN = re.compile(r"[ \t\n-]+")
_DIGITS = re.compile(r"(?<![A-Za-z0-9.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_DIGITS_LENIENT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """One figure of a claim: as written, the values it may stand for, and where it is."""

    shown: str
    values: frozenset[Fraction]
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)


# Every word that can start or make a number in words; a text with none of them has none.
_ANY_NUMBER_WORD = re.compile(
    r"(?<![A-Za-z])(?:"
    + "|".join(sorted({*_UNITS, *_TENS, *_SCALES, *_ORDINALS, *_FRACTIONS, "dozen"}))
    + r")(?![A-Za-z])",
    re.IGNORECASE,
)


def figures_in(text: str) -> list[Figure]:
    """The figures a claim states, in the order written (see the module docstring)."""
    text = _ADDRESS.sub(lambda m: " " * len(m.group()), text)
    found: list[tuple[int, Figure]] = []
    for match in _DIGITS.finditer(text):
        figure = Figure(match.group(), frozenset({_digits_value(match)}), match.start(), match.end())
        found.append((match.start(), figure))
    if not _ANY_NUMBER_WORD.search(text):  # most claims: no need to read them word by word
        return [figure for _start, figure in found]
    for start, end, values in _number_words(text, strict=True):
        found.append((start, Figure(text[start:end], values, start, end)))
    found.sort(key=lambda item: item[0])
    return [figure for _start, figure in found]


def values_in(text: str) -> frozenset[Fraction]:
    """Every value an outlet's text states, in digits or words (leniently: "one" counts)."""
    values = {_digits_value(match) for match in _DIGITS_LENIENT.finditer(text)}
    for _start, _end, found in _number_words(text, strict=False):
        values |= found
    return frozenset(values)


def _digits_value(match: re.Match[str]) -> Fraction:
    return Fraction(match.group(1).replace(",", "") + (match.group(2) or ""))


def _number_words(text: str, *, strict: bool) -> list[tuple[int, int, frozenset[Fraction]]]:
    """(start, end, values) of each run of number words in `text`."""
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    runs: list[tuple[int, int, frozenset[Fraction]]] = []
    i = 0
    while i < len(words):
        taken, values = _read_number(words, i, text)
        if not taken:
            i += 1
            continue
        first, last = words[i], words[i + taken - 1]
        if not (strict and taken == 1 and first[2] in _NOT_ALONE):
            runs.append((first[0], last[1], values))
        i += taken
    return runs


def _read_number(words: list[tuple[int, int, str]], i: int, text: str) -> tuple[int, frozenset[Fraction]]:
    """How many words from `i` make one number, and its possible values (0 words: none)."""

    def joined(j: int) -> bool:  # words j-1 and j are separated only by spaces or a hyphen
        return j < len(words) and bool(_JOIN.fullmatch(text[words[j - 1][1] : words[j][0]]))

    word = words[i][2]
    # "a quarter", "a third", "a dozen", "a hundred": the article stands for one.
    if word in ("a", "an"):
        if not joined(i + 1):
            return 0, frozenset()
        after = words[i + 1][2]
        if after in _SCALES or after == "dozen":
            taken, values = _read_cardinal(words, i + 1, text, joined, start_value=1)
            return 1 + taken, values
        if after in _FRACTIONS:
            values = {Fraction(1, _FRACTIONS[after])}
            if after in _ORDINALS:  # "a third" round is an ordinal too
                values.add(Fraction(_ORDINALS[after]))
            return 2, frozenset(values)
        return 0, frozenset()
    if word in _ORDINALS:  # "eleventh"; "third" alone is an ordinal, "a third" a fraction
        return 1, frozenset({Fraction(_ORDINALS[word])})
    if word in ("half", "quarter"):
        return 1, frozenset({Fraction(1, _FRACTIONS[word])})
    if word == "dozen":
        return 1, frozenset({Fraction(12)})
    if word in _UNITS or word in _TENS or word in _SCALES:
        return _read_cardinal(words, i, text, joined)
    return 0, frozenset()


def _read_cardinal(words, i, text, joined, start_value: int | None = None):
    """A cardinal such as "one hundred and seventy-five", possibly ending in an ordinal
    ("twenty-first"), a fraction ("three quarters") or "dozen" ("two dozen")."""
    total, current, j = 0, 0, i
    if start_value is not None:
        current = start_value
    last_kind = "start"
    while j < len(words):
        word = words[j][2]
        if j > i and not joined(j):
            break
        if word in _UNITS and last_kind in ("start", "tens", "scale", "and"):
            if last_kind == "start" and start_value is not None:
                break
            current += _UNITS[word]
            last_kind = "unit"
        elif word in _TENS and last_kind in ("start", "scale", "and"):
            if last_kind == "start" and start_value is not None:
                break
            current += _TENS[word]
            last_kind = "tens"
        elif word in _SCALES and last_kind in ("start", "unit", "tens", "scale"):
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1_000:
                total, current = total + current, 0
            last_kind = "scale"
        elif (
            word == "and"
            and last_kind == "scale"
            and j + 1 < len(words)
            and joined(j + 1)
            and (words[j + 1][2] in _UNITS or words[j + 1][2] in _TENS)
        ):
            last_kind = "and"
        elif word == "dozen" and last_kind in ("start", "unit", "tens"):
            current = max(current, 1) * 12
            j += 1
            last_kind = "dozen"
            break
        elif word in _FRACTIONS and last_kind in ("unit", "tens") and word not in ("half",):
            # "three quarters", "two thirds": a count of fractions
            value = Fraction(total + current, _FRACTIONS[word])
            return j - i + 1, frozenset({value})
        elif word in _ORDINALS and last_kind in ("tens", "scale") and word not in _SCALES:
            return j - i + 1, frozenset({Fraction(total + current + _ORDINALS[word])})
        else:
            break
        j += 1
    if last_kind == "and":
        j -= 1
    if j == i:
        return 0, frozenset()
    return j - i, frozenset({Fraction(total + current)})
