"""Every direct quotation in the briefing, who said it as the claim states it, and the outlets
that carried it (the meeting tool behind `"`).

The speaker is read from the claim's own words and nothing else: the name before a verb of
saying ("Trump wrote…", "Karoline Leavitt, who called it…", "the White House calling it…"), or
after the quotation ("…," Zelensky said). A pronoun ("He said…") or a claim that names nobody
gives no speaker: the list shows it as not named, rather than guessing.

A quotation is someone's words (`is_quotation`). Not quotations: a fragment of a web address
(“for-tow-hours”: no space, words joined by hyphens, slashes or dots), and a single word in
quotes that the claim gives to nobody (“reportedly”, “recently”: a word discussed or held at a
distance). A single word the claim puts in someone's mouth is one (Trump said they had
“surrounded” them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from briefing.model import Claim, Topic
from briefing.recognise import find_quotes

_SAYING = re.compile(
    r"\b(?:said|says|say|told|tells|called|calls|calling|wrote|writes|posted|described|added|stated|warned|"
    r"declared|insisted|urged|complained|announced|asserted|argued|saying|quoted|quotes)\b"
)
_AFTER = re.compile(r"^[\s,.:;—-]*((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+(?:said|says|wrote|added|told)\b")
_ACCORDING_TO = re.compile(r"\baccording to ((?:the )?(?:[A-Z][\w'’.-]*\s*)+)")
# Capitalised words that are not names (a pronoun or article opening a sentence); "White" and
# "Press" only lead a name ("White House", "Press secretary").
_NOT_NAMES = frozenset(
    re.split(
        r"\s+",
        "he she they it his her their its the a an in at on as this that these those we i you but and other some"
        " press white",
    )
)
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*$")
_POSSESSIVE = re.compile(r"[’']s$")
_LOOK_BACK = 8  # words before the verb in which the name must be


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str  # "" when the claim does not name one
    claim: Claim
    source_ids: tuple[str, ...]

    @property
    def claim_id(self) -> str:
        return self.claim.id


def quotes_of_claim(claim: Claim) -> list[Quote]:
    """The claim's quotations, in the order written, each with its speaker and outlets."""
    found: list[Quote] = []
    for part in claim.parts:
        text = part.text
        position = 0
        for quoted in find_quotes(text).quotes:
            start = text.find(quoted, position)
            if start < 0:
                continue
            position = start + len(quoted)
            speaker = speaker_of(text, start, position)
            if is_quotation(quoted, speaker):
                found.append(Quote(quoted, speaker, claim, part.source_ids or claim.source_ids))
    return found


_ADDRESS_FRAGMENT = re.compile(r"^[\w]+(?:[-/.][\w]+)+/?$")


def is_quotation(quoted: str, speaker: str) -> bool:
    """Whether a passage in quotation marks is someone's words (see the module docstring)."""
    words = quoted.split()
    if len(words) == 1 and _ADDRESS_FRAGMENT.match(words[0]) and not speaker:
        return False
    return len(words) > 1 or bool(speaker)


def speaker_of(text: str, start: int, end: int) -> str:
    """Who the text says spoke the quotation at `start:end`, or "" (see the module docstring)."""
    clause = re.split(r"[;]\s|[.!?]\s+(?=[A-Z\"“])", text[:start])[-1]
    verbs = list(_SAYING.finditer(clause))
    if verbs:
        name = _name_before(clause[: verbs[-1].start()])
        if name:
            return name
    after = _AFTER.match(text[end + 1 :])  # the closing quotation mark is at `end`
    if after and after.group(1).split()[0].lower() not in _NOT_NAMES:
        return after.group(1)
    according = _ACCORDING_TO.search(clause)
    return according.group(1).strip() if according else ""


def _name_before(text: str) -> str:
    """The last run of capitalised words among the few words before a verb: "Karoline Leavitt"
    in "White House press secretary Karoline Leavitt, who"; a comma ends a run, so "At his
    meeting with Zelensky, Trump complained" gives "Trump"."""
    tokens = re.findall(r"[\w'’.-]+|[,;:()—]", text)[-_LOOK_BACK:]
    run: list[str] = []
    for token in reversed(tokens):
        bare = _POSSESSIVE.sub("", token)
        if _NAME_WORD.match(token) and bare.lower() not in _NOT_NAMES:
            run.insert(0, bare if not run else token)
        elif run and token == "White" and run[0] == "House":  # "White House"
            run.insert(0, token)
        elif run:
            break
    return " ".join(run)


def all_quotes(topics: Iterable[Topic]) -> Iterator[tuple[Topic, Quote]]:
    """Every quotation of every topic, topic by topic, in reading order."""
    for topic in topics:
        for claim in topic.claims:
            for quote in quotes_of_claim(claim):
                yield topic, quote
