"""Quantities in any wording: "an hour and a half", "ninety minutes" and "1.5 hours" are one
length of time; "a month-long truce" and "a 30-day ceasefire" another.

A length of time (a number, or "a"/"half", and a unit: minute, hour, day, week, month, year) is
canonicalised to minutes: a document holds it as an extra term (`DURATION` + minutes) over the
words that state it, made when it is indexed; a query's length of time looks for that term, so it
finds a document stating the same length in other units or words. A month counts as 30 days, a
year as 365. Read from the words alone: "a few hours" states no length.

A bare number typed in words or digits ("twelve", "a dozen", "12") also finds its other
spellings, by the query alone (`number_spellings`): nothing is stored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.search.normalize import Extra, tokenize

#: Before a length of time in minutes: a term no text holds, found only by a query's length.
DURATION = "\x01q"

#: Units of time, in minutes.
UNITS = {
    "minute": 1,
    "minutes": 1,
    "min": 1,
    "mins": 1,
    "hour": 60,
    "hours": 60,
    "hr": 60,
    "hrs": 60,
    "day": 1440,
    "days": 1440,
    "week": 10_080,
    "weeks": 10_080,
    "fortnight": 20_160,
    "month": 43_200,
    "months": 43_200,
    "year": 525_600,
    "years": 525_600,
}
_ONES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
#: The most digits a number read here has: a longer run of digits (an identifier, a pasted hash,
#: a 300-digit number that a float holds only as infinity) states no quantity.
MOST_DIGITS = 15
#: The largest number read here, in words or digits ("a dozen dozen dozen…" grows without end).
LARGEST = 10.0**15
_ARTICLES = frozenset({"a", "an"})
#: The cheap test before tokenising a text for lengths of time: a unit word in it.
_UNIT_HINT = re.compile(r"\b(?:minute|min|hour|hr|day|week|fortnight|month|year)s?\b", re.IGNORECASE)


def _number(words: Sequence[str], gaps: Sequence[str], at: int) -> tuple[float, int] | None:
    """The number that starts at `at` ("90", "1.5", "twenty-five", "a hundred and five", "a
    dozen") and the position after it, or None."""
    word = words[at]
    if _is_digits(word):
        if at + 1 < len(words) and gaps[at + 1] == "." and _is_digits(words[at + 1]):
            return float(f"{word}.{words[at + 1]}"), at + 2  # "1.5": two words, a point between
        return float(word), at + 1
    if word.isdigit():
        return None  # digits of another script ("፩"): not a number `float` reads
    value = current = 0.0
    end = at
    if word in _ARTICLES and at + 1 < len(words) and (words[at + 1] in _SCALES or words[at + 1] == "dozen"):
        current, end = 1.0, at + 1  # "a hundred", "a dozen"
    while end < len(words):
        word = words[end]
        within = current % 100
        if word in _ONES and (within == 0 or (within >= 20 and within % 10 == 0)):
            current += _ONES[word]  # "five", "twenty-five"
        elif word in _TENS and within == 0:
            current += _TENS[word]
        elif word == "hundred" and current:
            current *= 100  # "two hundred fifty thousand": the hundreds, then the thousands
        elif word in _SCALES and current:
            value += current * _SCALES[word]
            current = 0.0
        elif word == "dozen":
            current = (current or 1.0) * 12
        elif not (word == "and" and (value or current >= 100) and words[end + 1 : end + 2] and _counts(words[end + 1])):
            break
        end += 1
    total = value + current
    return (total, end) if 0 < total <= LARGEST else None


def _is_digits(word: str) -> bool:
    """ASCII digits, at most `MOST_DIGITS` of them: a number `float` reads exactly enough."""
    return word.isascii() and word.isdigit() and len(word) <= MOST_DIGITS


def _counts(word: str) -> bool:
    return word in _ONES or word in _TENS


def _half(words: Sequence[str], at: int) -> int:
    """The position after "and a half" at `at`, or `at` when there is none."""
    if tuple(words[at : at + 3]) == ("and", "a", "half"):
        return at + 3
    return at


def durations(words: Sequence[str], gaps: Sequence[str]) -> list[tuple[int, int, int]]:
    """Every length of time in `words` (folded, one per position; `gaps`: the text before each),
    as (minutes, first position, last position)."""
    found: list[tuple[int, int, int]] = []
    count = len(words)
    at = 0
    while at < count:
        word = words[at]
        start, value, unit_at = at, None, None
        if word == "half" and at + 2 < count and words[at + 1] in _ARTICLES and words[at + 2] in UNITS:
            value, unit_at = 0.5, at + 2  # "half an hour"
        elif word in _ARTICLES and at + 1 < count and words[at + 1] in UNITS:
            value, unit_at = 1.0, at + 1  # "an hour", "a month"
        elif word in UNITS and at + 1 < count and words[at + 1] == "long" and "-" in gaps[at + 1]:
            value, unit_at = 1.0, at  # "month-long"
        else:
            number = _number(words, gaps, at)
            if number is not None:
                value, after = number
                half = _half(words, after)
                if half != after:  # "two and a half hours"
                    value += 0.5
                    after = half
                if after < count and words[after] in UNITS:
                    unit_at = after
                else:
                    value = None
                if word == "one" and unit_at is None:
                    value = None
        if value is None or unit_at is None:
            at += 1
            continue
        last = unit_at
        half = _half(words, unit_at + 1)
        if half != unit_at + 1:  # "an hour and a half"
            value += 0.5
            last = half - 1
        minutes = value * UNITS[words[unit_at]]
        if 0 < minutes <= LARGEST and minutes == int(minutes):
            found.append((int(minutes), start, last))
        at = last + 1
    return found


def duration_extras(text: str, base: int = 0) -> list[Extra]:
    """A text's lengths of time as extra terms (`DURATION` + minutes) over the words stating
    them (`base`: the position of its first word): "roughly 90 minutes" → `DURATION` 90."""
    if not _UNIT_HINT.search(text):
        return []
    tokens = tokenize(text)
    gaps = [text[tokens.spans[index - 1][1] : start] if index else "" for index, (start, _) in enumerate(tokens.spans)]
    found = durations(tokens.terms, gaps)
    return [(DURATION + str(minutes), base + first, base + last) for minutes, first, last in found]


def query_durations(
    query: str, matches: Sequence[tuple[re.Match[str], Sequence[tuple[str, int, int]]]]
) -> dict[int, tuple[int, int]]:
    """A query's lengths of time, by the query words (`matches`: each compound and its parts)
    that state them: first word → (last word, minutes)."""
    if not _UNIT_HINT.search(query):
        return {}
    words: list[str] = []
    gaps: list[str] = []
    owner: list[int] = []
    end = 0
    for number, (match, parts) in enumerate(matches):
        for term, start, stop in parts:
            gaps.append(query[end : match.start() + start])
            end = match.start() + stop
            words.append(term)
            owner.append(number)
    return {owner[first]: (owner[last], minutes) for minutes, first, last in durations(words, gaps)}


_WORD_OF = {value: word for word, value in {**_ONES, **_TENS}.items()}


def number_spellings(parts: Sequence[str]) -> list[tuple[str, ...]]:
    """A number typed alone (one word or compound: "twelve", "dozen", "23", "twenty-three") in
    its other spellings, each as words at consecutive positions: "12" → twelve, dozen; "twenty-
    three" → 23. "one" is left out (mostly a pronoun: "one report"); [] for anything else."""
    if parts == ["one"] or not parts:
        return []
    number = _number(parts, [""] * len(parts), 0)
    if number is None or number[1] != len(parts) or number[0] != int(number[0]):
        return []
    value = int(number[0])
    found: list[tuple[str, ...]] = [(str(value),)]
    if value in _WORD_OF:
        found.append((_WORD_OF[value],))
    elif 20 < value < 100:
        tens, ones = _WORD_OF[value - value % 10], _WORD_OF[value % 10]
        found += [(tens + ones,), (tens, ones)]  # "twenty-three" holds "twentythree" and its parts
    if value == 12:
        found.append(("dozen",))
    typed = tuple(parts)
    return [spelling for spelling in found if spelling != typed and "".join(spelling) != "".join(typed)]
