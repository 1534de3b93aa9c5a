"""Every figure the briefing states, with what it measures, grouped so that one quantity reported
differently sits together (the meeting tool behind `#`).

A figure is what `briefing.recognise` finds in a claim (digits or number words), except a number
in words after "the", "both", "these", "their"… ("the two leaders"), which refers to things
already counted; it is widened to the
words that say what it counts: a qualifier before it ("nearly", "about", "an estimated") and a
unit after it ("hours", "square miles", "prisoners", "-day", "th anniversary"). The unit's kind
(a duration, people, an area, a share, money, a date, a year, an ordinal) comes from a small
general vocabulary, never from this briefing's wording.

Grouping, topic by topic:

1. each "Where reports differ" entry with figures is a group, under its label ("Call length",
   "The 23 wounded"): that is where the briefing itself says a quantity is reported differently;
2. a figure in an ordinary claim joins such a group when it is of the same kind and the same
   value as a figure in it (the 175 and the 23 of the prisoner claims join "The 23 wounded");
3. the other figures of a topic are grouped by kind ("How long", "How many people"…).

Groups and the figures in them keep reading order. The work is per topic, so a caller can list
a briefing of any size as its topics are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction

from briefing.model import Claim, ClaimPart, Topic
from briefing.recognise import Figure as Recognised
from briefing.recognise import figures_in

#: What each kind of figure is called, as a group's title; in the order kinds are tried.
KINDS = {
    "duration": "How long",
    "people": "How many people",
    "area": "Area",
    "share": "Share",
    "money": "Money",
    "date": "Dates",
    "year": "Years",
    "ordinal": "Anniversaries and ranks",
    "count": "Other figures",
}


def _words(kind: str, words: str) -> dict[str, str]:
    return dict.fromkeys(words.split(), kind)


_UNIT_KINDS = {
    **_words("duration", "second seconds minute minutes hour hours day days week weeks month months year years"),
    **_words("duration", "decade decades century centuries"),
    **_words("people", "people person prisoner prisoners soldier soldiers troops pow pows captive captives"),
    **_words("people", "civilian civilians wounded injured dead killed casualties men women children"),
    **_words("people", "player players detainees hostages officials residents refugees"),
    **_words("area", "square mile miles kilometre kilometres kilometer kilometers km acre acres hectare hectares"),
    **_words("share", "percent % quarter quarters half third thirds"),
    **_words("money", "dollar dollars euro euros pound pounds rouble roubles ruble rubles hryvnia"),
    **_words("ordinal", "anniversary birthday place round"),
}
_MONTHS = set(_words("month", "january february march april may june july august september october november"))
_MONTHS |= set(_words("month", "december jan feb mar apr jun jul aug sep sept oct nov dec"))
_QUALIFIERS = (
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "some",
    "approximately",
    "an estimated",
    "estimated",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "just over",
    "just under",
    "close to",
    "only",
)  # not "over" alone: "hand over 175"
_QUALIFIER = re.compile(r"(?:^|(?<=\W))(" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+$", re.I)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_NEXT_WORD = re.compile(r"[\s-]*(%|[A-Za-z]+)")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,;:.])")
_WORDS_AROUND = 6  # words of the claim shown on each side of a figure: the phrase it measures
# A number in words after one of these points back at things already counted ("the two leaders",
# "both sides", "its three points"): a reference, not a figure reported. Digits are always
# figures ("the 23 wounded" is what an outlet reported).
_REFERRING = re.compile(r"(?:^|\W)(?:the|these|those|its|their|his|her|our|both|all)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """One figure as a claim states it."""

    shown: str  # "nearly three hours", "175 prisoners", "11th anniversary"
    kind: str  # a key of KINDS
    values: frozenset[Fraction]
    phrase: str  # the words around it in the claim: what it measures
    claim: Claim
    source_ids: tuple[str, ...]  # the outlets cited for the part of the claim that states it

    @property
    def claim_id(self) -> str:
        return self.claim.id


@dataclass(frozen=True)
class FigureGroup:
    """Figures of one topic about one quantity."""

    topic_id: str
    topic_title: str
    title: str
    figures: tuple[Figure, ...]
    #: The briefing says outlets report it differently (a "Where reports differ" entry).
    differs: bool


def figures_of_claim(claim: Claim) -> list[Figure]:
    """Every figure the claim states, in the order written."""
    found: list[Figure] = []
    for part in claim.parts:
        found.extend(_figures_of_part(claim, part))
    return found


def _figures_of_part(claim: Claim, part: ClaimPart) -> Iterator[Figure]:
    text = part.text
    outlets = part.source_ids or claim.source_ids
    for figure in figures_in(text):
        start, end = figure.start, figure.end
        if figure.shown[:1].isupper() and text[:start].strip():
            continue  # a capitalised number word inside a sentence names something: "the Second World War"
        if not figure.shown[:1].isdigit() and _REFERRING.search(text[:start]):
            continue  # "the two leaders": a reference (see `_REFERRING`)
        qualifier = _QUALIFIER.search(text[:start])
        if qualifier:
            start = qualifier.start(1)
        end, kind = _unit(text, figure)
        yield Figure(
            shown=" ".join(text[start:end].split()),
            kind=kind,
            values=figure.values,
            phrase=_phrase(text, start, end),
            claim=claim,
            source_ids=outlets,
        )


def _unit(text: str, figure: Recognised) -> tuple[int, str]:
    """Where the figure's unit ends in `text`, and the figure's kind."""
    suffix = _ORDINAL_SUFFIX.match(text, figure.end) if figure.shown[-1:].isdigit() else None
    end = suffix.end() if suffix else figure.end
    # Up to three words on: "23 badly wounded soldiers", "500 square miles", "30-day".
    position, kind, taken_until = end, "", end
    for _ in range(3):
        word = _NEXT_WORD.match(text, position)
        if word is None:
            break
        lowered = word.group(1).lower()
        found = _UNIT_KINDS.get(lowered)
        if found and (not kind or found == kind):
            kind, taken_until = found, word.end()
        elif kind:
            break
        elif lowered in _MONTHS:
            return word.end(), "date"  # "28 February"
        position = word.end()
    if kind:
        return taken_until, kind
    if any(value.denominator != 1 for value in figure.values):
        return end, "share"  # "a quarter", "half"
    if suffix or figure.shown.lower().endswith(("th", "st", "nd", "rd")):
        return end, "ordinal"  # "11th", "eleventh"
    preceding = text[: figure.start].split()[-1:]
    if preceding and preceding[0].strip(",").lower() in _MONTHS:
        return end, "date"  # "March 18"
    value = next(iter(figure.values))
    if len(figure.values) == 1 and 1900 <= value <= 2100 and figure.shown.isdigit():
        return end, "year"
    return end, "count"


def _phrase(text: str, start: int, end: int) -> str:
    """A few words either side of the figure, inside its sentence or clause."""
    before = re.split(r"[.;:!?]\s", text[:start])[-1].split()[-_WORDS_AROUND:]
    after = re.split(r"[.;:!?](?:\s|$)", text[end:])[0].split()[:_WORDS_AROUND]
    middle = " ".join(text[start:end].split())
    phrase = " ".join([*before, middle, *after]).strip(" ,;")
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", phrase)  # where a citation was taken out


def figure_groups(topic: Topic) -> list[FigureGroup]:
    """The topic's figures, grouped (see the module docstring)."""
    claims = topic.claims
    order = {claim.id: position for position, claim in enumerate(claims)}
    members: dict[str, list[Figure]] = {}
    titles: dict[str, tuple[str, bool]] = {}
    differing: list[tuple[str, set[tuple[str, Fraction]]]] = []
    for claim in topic.differences:
        figures = figures_of_claim(claim)
        if figures:
            key = f"difference:{claim.id}"
            members[key] = figures
            titles[key] = (claim.label or "Where reports differ", True)
            # The label counts too: "The 23 wounded" is about the 23, though its sides only say 175.
            label = Claim(claim.id, claim.topic_id, "", (ClaimPart(claim.label),), True, claim.path, claim.line)
            measured = [*figures, *figures_of_claim(label)]
            differing.append((key, {(figure.kind, value) for figure in measured for value in figure.values}))
    for claim in topic.key_claims:
        for figure in figures_of_claim(claim):
            key = next((key for key, known in differing if _same_quantity(figure, known)), f"kind:{figure.kind}")
            if key not in titles:
                titles[key] = (KINDS[figure.kind], False)
            members.setdefault(key, []).append(figure)
    groups = [
        FigureGroup(
            topic.id,
            topic.title,
            titles[key][0],
            tuple(sorted(figures, key=lambda figure: order.get(figure.claim_id, 0))),
            titles[key][1],
        )
        for key, figures in members.items()
    ]
    return sorted(groups, key=lambda group: order.get(group.figures[0].claim_id, 0))


def _same_quantity(figure: Figure, known: set[tuple[str, Fraction]]) -> bool:
    """The same value, of the same kind; a bare number ("175") may stand for any kind."""
    return any(
        value in figure.values and (kind == figure.kind or "count" in (kind, figure.kind)) for kind, value in known
    )


def all_figure_groups(topics: Iterable[Topic]) -> Iterator[FigureGroup]:
    """Every topic's groups, topic by topic, in reading order."""
    for topic in topics:
        yield from figure_groups(topic)
