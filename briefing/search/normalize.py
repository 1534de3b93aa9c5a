"""Turn text into search terms: case-, accent- and punctuation-insensitive, with char offsets.

A *compound* is a run of word pieces joined by apostrophes (``Putin’s``), hyphens
(``cease-fire``) or digit-grouping commas (``1,000``). Each hyphen part is one *position*; the
compound also yields extra terms that cover several positions:

* the joined form of a hyphenated compound (``cease-fire`` → ``ceasefire`` over both parts), so
  ``ceasefire`` and ``cease-fire`` find each other;
* the part before an apostrophe (``Putin’s`` → ``putins`` and ``putin``).

Nothing here knows about the model or about queries.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Combining marks that may follow a letter when text is not NFC-normalised.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_PIECE = rf"[^\W_](?:[^\W_]|[{_MARKS}])*"
_APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
_HYPHENS = "\\-\u2010\u2011"
_WORD = rf"{_PIECE}(?:[{_APOSTROPHES}]{_PIECE})*"
_JOINER = rf"(?:[{_HYPHENS}]|(?<=\d),(?=\d))"
COMPOUND = re.compile(rf"{_WORD}(?:{_JOINER}{_WORD})*")
_PART = re.compile(_WORD)
_APOSTROPHE = re.compile(f"[{_APOSTROPHES}]")

#: Letters that Unicode decomposition leaves alone but readers treat as plain Latin.
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "þ": "th",
        "Þ": "th",
        "\u02bc": "",  # modifier-letter apostrophe counts as a letter to the regex: drop it here
    }
)
#: The pseudo-term between fields of one document, so phrases never cross fields.
SEPARATOR = "|"


def fold(text: str) -> str:
    """Lowercase, strip accents and drop everything but letters and digits: ``Kyïv’s`` → ``kyivs``."""
    if text.isascii():
        folded = text.lower()
        return folded if folded.isalnum() else "".join(c for c in folded if c.isalnum())
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return "".join(c for c in text if c.isalnum())


class Analysis(NamedTuple):
    """One compound: its parts (term, start, end relative to the compound), and extra terms."""

    parts: tuple[tuple[str, int, int], ...]
    alternates: tuple[tuple[str, int], ...]  # (term, part index): the part before an apostrophe
    joined: str | None  # all parts joined, when there is more than one


_cache: dict[str, Analysis] = {}
_CACHE_LIMIT = 200_000


def analyze(raw: str) -> Analysis:
    """Analyse one compound (a `COMPOUND` match). Cached: documents repeat their words."""
    found = _cache.get(raw)
    if found is not None:
        return found
    parts: list[tuple[str, int, int]] = []
    alternates: list[tuple[str, int]] = []
    for match in _PART.finditer(raw):
        piece = match.group()
        term = fold(piece)
        if not term:
            continue
        if _APOSTROPHE.search(piece):
            head = fold(_APOSTROPHE.split(piece, 1)[0])
            if head and head != term:
                alternates.append((head, len(parts)))
        parts.append((term, match.start(), match.end()))
    joined = "".join(term for term, _, _ in parts) if len(parts) > 1 else None
    analysis = Analysis(tuple(parts), tuple(alternates), joined)
    if len(_cache) >= _CACHE_LIMIT:
        _cache.clear()
    _cache[raw] = analysis
    return analysis


#: An extra term covering positions first..last (inclusive).
Extra = tuple[str, int, int]


# Plain ASCII text with no joiners tokenizes as runs of letters and digits.
_ASCII_RUN = re.compile(r"[a-z0-9]+")
_DIGIT_COMMA = re.compile(r"\d,\d")


# Anything but ASCII and non-ASCII punctuation that only ever separates words (dashes, quotes).
_NOT_ASCII_OR_SEPARATOR = re.compile("[^\x00-\x7f—–“”„…«»·•   ]")


def _is_plain(text: str) -> bool:
    return (
        (text.isascii() or not _NOT_ASCII_OR_SEPARATOR.search(text))
        and "-" not in text
        and "'" not in text
        and "`" not in text
        and ("," not in text or not _DIGIT_COMMA.search(text))
    )


def terms_of(text: str, terms: list[str], extras: list[Extra]) -> None:
    """Append `text`'s terms (one per position) and extra terms to the lists. No offsets: fast."""
    if _is_plain(text):
        terms.extend(_ASCII_RUN.findall(text.lower()))
        return
    for raw in COMPOUND.findall(text):
        parts, alternates, joined = _cache.get(raw) or analyze(raw)
        base = len(terms)
        terms.extend(term for term, _, _ in parts)
        for term, index in alternates:
            extras.append((term, base + index, base + index))
        if joined:
            extras.append((joined, base, base + len(parts) - 1))


class Tokens(NamedTuple):
    """`text` as positions with character offsets, for highlighting."""

    terms: list[str]
    spans: list[tuple[int, int]]  # [start, end) of each position in the text
    extras: list[Extra]


def tokenize(text: str) -> Tokens:
    """Every position of `text` with the character range it came from."""
    if _is_plain(text):
        lowered = text.lower()  # same length: only ASCII letters change
        return Tokens(_ASCII_RUN.findall(lowered), [m.span() for m in _ASCII_RUN.finditer(lowered)], [])
    tokens = Tokens([], [], [])
    for match in COMPOUND.finditer(text):
        parts, alternates, joined = analyze(match.group())
        base, offset = len(tokens.terms), match.start()
        for term, start, end in parts:
            tokens.terms.append(term)
            tokens.spans.append((offset + start, offset + end))
        for term, index in alternates:
            tokens.extras.append((term, base + index, base + index))
        if joined:
            tokens.extras.append((joined, base, base + len(parts) - 1))
    return tokens


#: Before an initialism's letters: a term no text holds, found only as a query's guess
#: (`initialisms`). Starts like a variant group's term, so it is no vocabulary word.
INITIALS = "\x01i"
#: Two capitalised words in a row, at least: the cheap test before looking for initialisms. It
#: starts only where a word starts: from every capital inside one long token ("AAAA…", a base64
#: run) it would scan to the token's end each time, quadratic in the token's length.
_CAPITALISED_RUN = re.compile(r"(?<![\w'’])[A-Z][\w'’]*\s+(?:(?:of|and|for|the)\s+)?[A-Z]")
#: Small words a name keeps inside it and its initials skip ("Bank of England" → BoE).
_NAME_JOINERS = frozenset({"of", "and", "for", "the"})
#: Between two words of one name: spaces, and a possessive's apostrophe ("United Nations' agency").
_NAME_GAP = re.compile(r"[\s'’]*")
#: An initialism has this many letters, at most.
MOST_INITIALS = 5


def initialisms(text: str, base: int = 0) -> list[Extra]:
    """The initials of every run of two to `MOST_INITIALS` capitalised words in `text` ("United
    Nations" → un, "Los Angeles Times" → lat and la and at), as extra terms over the positions the
    run covers (`base`: the position of `text`'s first word). What a reader's "UN" or "LA" finds."""
    if text[1:].islower() or not _CAPITALISED_RUN.search(text):  # no capital after the first letter
        return []
    tokens = tokenize(text)
    found: list[Extra] = []
    run: list[int] = []  # positions of the capitalised words of the current name
    last = -1
    for position, (start, _) in enumerate(tokens.spans):
        capital = text[start].isupper()
        joined = last >= 0 and _NAME_GAP.fullmatch(text, tokens.spans[last][1], start) is not None
        if capital and run and joined:
            run.append(position)
            last = position
        elif not capital and run and joined and tokens.terms[position] in _NAME_JOINERS:
            last = position  # "of" inside a name: neither breaks it nor gives a letter
        else:
            _add_initials(tokens.terms, run, base, found)
            run = [position] if capital else []
            last = position if capital else -1
    _add_initials(tokens.terms, run, base, found)
    return found


def _add_initials(terms: list[str], run: list[int], base: int, found: list[Extra]) -> None:
    for first in range(len(run)):
        for end in range(first + 2, min(len(run), first + MOST_INITIALS) + 1):
            letters = "".join(terms[position][0] for position in run[first:end])
            found.append((INITIALS + letters, base + run[first], base + run[end - 1]))
