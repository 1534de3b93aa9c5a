"""The kind of thing a question asks for, and whether a fact holds one.

"who" wants a person, "where" a place, "why" a reason, "how big" or "in size" a size; "what
day", "which year" and "when" a date (`language.TIME_WORDS`, kept by each document as
`has_time`; in the unit named, when there is one); "which spokesperson" a person, "which
city" or "which state" a place and "which country" (nation) a place that is no city
(`kinds.tsv`: Saudi Arabia, Ukraine, Serbia; not Jeddah or Washington), by the noun that
follows. The noun that names the kind is a filler (`asking_words`). A question opening on "did",
"is", "has"… asks yes or no: a fact that says no in words ("did not", "never", "refused",
"unmentioned") answers it plainly, where one that merely repeats the question's words may not.

A fact holds a person or a place when one of its words is a noun WordNet gives that kind
(`kinds.tsv`: envoy, secretary, Putin; region, town, Moscow; a person's only when capitalised,
a name or a title: "negotiators" names no one), or a name, a word WordNet does not
know (Witkoff, Slovyansk), that the question does not already name and that is not in most of
the briefing (on a briefing about Russia and Ukraine, every claim
names them: naming them again answers no "where"). Read from a fact's words when it is ranked:
nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from itertools import pairwise

from briefing.search.language import MONTHS, NUMBER_WORDS, WEEKDAYS, is_figure, is_stop_word, is_time, is_year
from briefing.search.quantities import durations

PERSON, PLACE, TIME, REASON, SIZE = "person", "place", "time", "reason", "size"
#: "which country": a place that is a country (`kinds.tsv`: Saudi Arabia, Ukraine), not a city.
COUNTRY = "country"
#: A place that is a city or a town (`kinds.tsv`: Jeddah, Washington): no answer to "which country".
CITY = "city"
#: What "which country" takes: a country, or a place that is no city (a region or an island that
#: WordNet 3.0, of 2006, does not yet call a country: Serbia, Taiwan).
_COUNTRY_LIKE = frozenset({COUNTRY, PLACE})
#: A yes-or-no question ("did Putin sign up to the full truce?"): a fact that says no says so
#: in words (`NEGATIONS`); one that says yes repeats the question's own words.
POLARITY = "polarity"
#: A query of one name wants the facts that introduce it: name and role together (`says_any`).
INTRODUCED = "introduced"

_WHICH = frozenset({"which", "what"})
_ASKS = {"who": PERSON, "whom": PERSON, "whose": PERSON, "where": PLACE, "why": REASON, "when": TIME}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: A question opening on one of these asks yes or no.
_AUXILIARIES = _words("did does do is are was were has have had will would can could should")
#: Words that say no: a negation, a refusal, something left out.
NEGATIONS = _words(
    "not no never neither nor without didnt doesnt dont isnt wasnt werent hasnt havent wont cannot cant "
    "refused refuses refuse rejected rejects reject declined declines decline unmentioned omitted omits"
)


#: After "which"/"what": nouns that say the kind wanted ("which capital", "what day").
_KIND_NOUNS = {
    **dict.fromkeys(_words("city cities town towns capital capitals region regions"), PLACE),
    **dict.fromkeys(_words("place places location venue"), PLACE),
    **dict.fromkeys(_words("country countries nation nations"), COUNTRY),
    **dict.fromkeys(_words("state states"), PLACE),  # a country, or Florida: any place
    **dict.fromkeys(_words("day days date dates weekday year years month months week weeks time"), TIME),
    **dict.fromkeys(_words("reason reasons"), REASON),
    **dict.fromkeys(_words("size area"), SIZE),
}
#: After "how": a size ("how big was the incursion" → 500 square miles).
_SIZE_MEASURES = frozenset({"big", "large", "vast", "huge", "small"})
#: After "how": words that ask for a size and are fillers there ("how big"). Not "how long":
#: a briefing's synonyms may tie "long" to "hours" and "length", the words the answer holds.
_HOW_MEASURES = _SIZE_MEASURES

#: Words that give a reason ("because", "why": the label of a difference, "in order to", "so that").
REASON_WORDS = _words(
    "because why reason reasons due cause caused aim aimed aims meant intended purpose goal argued arguing "
    "argues citing cited blamed fear fears"
)
_REASON_PAIRS = frozenset({("so", "that"), ("in", "order"), ("order", "to")})
#: Words that state a size or an area ("500 square miles", "Europe's largest").
SIZE_WORDS = _words(
    "square mile miles kilometre kilometres kilometer kilometers km acre acres hectare hectares area size "
    "largest biggest smallest"
)
#: A person or a place word in more than this share of documents, and in at least `COMMON_LEAST`
#: of them, answers no question: it is what the whole briefing is about.
COMMON_SHARE = 0.05
COMMON_LEAST = 4


#: Words that ask who wrote or carried a report: the outlet's card (name, headline, byline)
#: is the answer ("who wrote the AP story", "which newspaper ran it", "ap reporters").
_SOURCE_NOUNS = _words(
    "byline bylines reporter reporters journalist journalists correspondent correspondents newspaper "
    "newspapers paper papers outlet outlets publication publications author authors writer writers"
)
_REPORTS = _words("report reports")
#: After "who": verbs of writing or carrying a report ("who wrote", "who reported", "who carried").
_SOURCE_VERBS = _words("wrote written write writes reported reports authored filed carried carries published ran")


#: Words that ask who *wrote* a report (its byline, its card), not which outlet said a thing.
_AUTHORSHIP = _words(
    "byline bylines reporter reporters journalist journalists correspondent correspondents author authors "
    "writer writers wrote written write writes authored filed story stories article articles"
)


def asks_who_said(words: Sequence[str | None]) -> bool:
    """Whether a query asks which outlet said something ("which outlet said the call ran three
    hours", "who reported the call went on for hours"): a source question with no word of
    authorship. What an outlet reported (its paragraphs) answers it, as its card does; "who wrote
    the AP story" and "AP byline" want the card alone."""
    return asks_source(words) and not any(word in _AUTHORSHIP for word in words)


def asks_source(words: Sequence[str | None]) -> bool:
    """Whether a query asks who wrote or carried a report: a word naming a reporter or an outlet
    ("byline", "newspaper", "reporters"), or "who" before a verb of writing ("who wrote").
    Not "what did the president write": that asks what he said."""
    for index, word in enumerate(words):
        if word in _SOURCE_NOUNS:
            return True
        if word == "which" and index + 1 < len(words) and words[index + 1] in _REPORTS:
            return True  # "which report says…"; not "what did the report say"
        if word in ("who", "whom") and index + 1 < len(words) and words[index + 1] in _SOURCE_VERBS:
            return True
    return False


def wanted_kind(words: Sequence[str | None]) -> str | None:
    """The kind of answer a question wants, from its words (one folded word per query term, None
    for a term of several words): "who raised the plant" → person; "which capital" → place."""
    if words and words[0] in _AUXILIARIES:
        return POLARITY
    if _names_its_kind(words):  # "KHL countries", "technical talks location"
        return _KIND_NOUNS[words[-1] or ""]
    for index, word in enumerate(words):
        if word is None:
            continue
        following = words[index + 1 : index + 3]
        if word in _WHICH:
            following = words[_after_which(words, index) :][:2]
        if word in _WHICH or word == "since":
            for noun in following:
                if noun in _KIND_NOUNS:
                    return _KIND_NOUNS[noun]
            if word in _WHICH and any(kind_of(noun) == PERSON for noun in _noun_phrase(words, index)):
                return PERSON  # "which spokesperson", "what envoy", "which American cabinet member"
        if word == "how" and following and following[0] in _SIZE_MEASURES:
            return SIZE
        if word == "size":  # "how does the plant rank in size" → "Europe's largest"
            return SIZE
        if word in _ASKS:
            return _ASKS[word]
    return None


def asking_words(words: Sequence[str | None]) -> frozenset[int]:
    """Which of a question's words only say what kind of answer it wants, and so are fillers
    like "who": the noun after "which"/"what" ("what *day* of the *week*", "which *countries*")
    the size after "how" ("how *big*") and, in a "where" or "when" question, the verb that only
    says something happens ("be *held*", "*take place*"). The answer seldom repeats them:
    "The KHL has teams in Russia, Belarus…" answers "which countries have KHL teams"."""
    found: set[int] = set()
    for index, word in enumerate(words):
        if word in _WHICH:
            start = _after_which(words, index)
            for offset, noun in enumerate(words[start : start + 2], start=start):
                if noun in _KIND_NOUNS:
                    found.add(offset)
                    if offset + 2 < len(words) and words[offset + 1] == "of" and words[offset + 2] in _KIND_NOUNS:
                        found.add(offset + 2)  # "what day of the week": "of" then the next noun
                    elif offset + 3 < len(words) and words[offset + 1] == "of" and words[offset + 3] in _KIND_NOUNS:
                        found.add(offset + 3)  # "what day of the week"
                    break
        elif word == "how" and index + 1 < len(words) and words[index + 1] in _HOW_MEASURES:
            found.add(index + 1)
        elif word == "size":  # "rank in size": a size is the answer, not the word "size"
            found.add(index)
    if _names_its_kind(words):  # "KHL countries": countries are the answer, seldom the word
        found.add(len(words) - 1)
    if asks_date(words):  # "call date": the date is the answer
        found.update(index for index, word in enumerate(words) if word in _DATE_NOUNS)
    if any(word in _WHERE_WHEN for word in words):  # "where will the talks be held": that they happen
        for index, word in enumerate(words):
            if word in _HAPPENING:
                found.add(index)
            elif word in _TAKE and index + 1 < len(words) and words[index + 1] == "place":
                found.update((index, index + 1))
    return frozenset(found)


_WHERE_WHEN = frozenset({"where", "when"})
#: In a "where" or "when" question, verbs that only say the thing happens ("be held", "take
#: place", "happen"): the answer names the place or the day, seldom the verb. "Putin held back"
#: answers no "where will the talks be held".
_HAPPENING = _words("held hold holding happen happens happened happening occur occurs occurred")
_TAKE = _words("take takes taking took taken")  # "take place"; "when did Russia take Kursk" is no filler


#: After "which"/"what"/"in": the unit of time asked for, and what states it.
_TIME_UNITS = {
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "day": "day",
    "date": "day",
    "weekday": "day",
}
#: Without a question word, these ask when, in days: "call date", "POW swap date".
_DATE_NOUNS = _words("date dates weekday")


def _question_word(words: Sequence[str | None]) -> bool:
    return bool(words) and (words[0] in _AUXILIARIES or any(word in _ASKS or word in _WHICH for word in words))


def _names_its_kind(words: Sequence[str | None]) -> bool:
    """Whether a query with no question word ends on a noun naming the kind of answer it wants
    ("KHL countries", "technical talks location"), as "which countries" does."""
    return len(words) > 1 and words[-1] in _KIND_OF_KEYWORDS and not _question_word(words)


#: The nouns that end a keyword query to name the answer's kind. Not "town" or "city", which end
#: "russia retook town" as its object; not "reason" ("aid pause reason" wants the words of the
#: reason as much as a "because").
_KIND_OF_KEYWORDS = _words("country countries nation nations location locations venue place places")


def asks_date(words: Sequence[str | None]) -> bool:
    """Whether a query with no question word asks when by naming a date ("call date", "POW swap
    date"): the date is the answer, the word "date" seldom in it."""
    return not _question_word(words) and any(word in _DATE_NOUNS for word in words)


def wanted_time_unit(words: Sequence[str | None]) -> str | None:
    """The unit a time question names ("in which month" → month; "what year", "what day"), or None."""
    for index, word in enumerate(words):
        if word in _WHICH:
            start = _after_which(words, index)
            for noun in words[start : start + 2]:  # "what day", "what calendar date"
                unit = _TIME_UNITS.get(noun or "")
                if unit:
                    return unit
    if asks_date(words):
        return "day"
    return None


#: The words after "which" that may name what it asks for, at most.
_NOUN_PHRASE = 3


def _noun_phrase(words: Sequence[str | None], index: int) -> list[str]:
    """The words after "which"/"what" at `index` up to the first filler: the noun phrase that
    names what is asked for ("which *American cabinet member* led the talks")."""
    found: list[str] = []
    for word in words[_after_which(words, index) :][:_NOUN_PHRASE]:
        if word is None or is_stop_word(word):
            break
        found.append(word)
    return found


#: Between "what" and the noun that says the kind wanted: "what *was the* date of…".
_COPULA_AND_ARTICLES = _words("is was are were the a an")


def _after_which(words: Sequence[str | None], index: int) -> int:
    """Where the noun after "which"/"what" at `index` may be: past "was the" ("what was the date
    of the meeting" asks for a date, as "what date" does)."""
    start = index + 1
    while start < len(words) and start - index <= 2 and words[start] in _COPULA_AND_ARTICLES:
        start += 1
    return start


def states_time_unit(unit: str, positions: Sequence[str]) -> bool:
    """Whether a fact's words say when in the unit asked: a month names one ("August", "28
    February"), a year has its digits, a day a weekday or a date. "Russia's invasion in 2022"
    answers no "which month"."""
    words = set(positions)
    if unit == "month":
        return not words.isdisjoint(MONTHS)
    if unit == "day":
        return not words.isdisjoint(WEEKDAYS) or not words.isdisjoint(MONTHS)
    return any(is_time(word) and word.isdigit() for word in words)


def says_any(phrases: Sequence[Sequence[str]], positions: Sequence[str]) -> bool:
    """Whether a fact's words hold one of `phrases` (folded words, at consecutive positions):
    "White House envoy Steve Witkoff" holds "envoy", what readers call Witkoff."""
    for phrase in phrases:
        size = len(phrase)
        if size and any(list(positions[at : at + size]) == list(phrase) for at in range(len(positions) - size + 1)):
            return True
    return False


def states_new_figure(positions: Sequence[str], asked: frozenset[str]) -> bool:
    """Whether a fact's words state a figure the question does not already name: "the two
    leaders agreed" answers no "how long were the two leaders on the phone". A year is no
    count ("Russia's invasion in 2022" answers no "how many captured fighters"), unless the
    question counts years."""
    years = not asked.isdisjoint(_YEARS)
    return any(is_figure(word) and word not in asked and (years or not is_year(word)) for word in positions)


_YEARS = _words("year years")


def asks_length(words: Sequence[str | None]) -> bool:
    """Whether a question asks how long ("how long was the call", "for how long will the pause
    hold"): a length answers it, of time or of distance, not any figure ("two sides")."""
    return any(word == "how" and following == "long" for word, following in pairwise(words))


def states_length(positions: Sequence[str]) -> bool:
    """Whether a fact's words state a length of time ("roughly 90 minutes", "a month-long
    truce", "30 days") or of distance ("40 miles")."""
    if not _DISTANCES.isdisjoint(positions):
        return True
    return bool(durations(positions, [" "] * len(positions)))


_DISTANCES = _words("mile miles km kilometre kilometres kilometer kilometers metre metres meter meters feet yards")


def holds_kind(
    kind: str,
    text: str,
    positions: Sequence[str],
    has_time: bool,
    asked: frozenset[str],
    frequency: Callable[[str], tuple[int, int]],
    known: Callable[[str], bool] = lambda word: True,
) -> bool:
    """Whether a fact (its `text`, and its words as `positions`) holds an answer of `kind`. `asked`: the question's own
    words (naming them is no answer); `frequency`: how many documents hold a word, of how many;
    `known`: whether a word is English (else a name, a person's or a place's)."""
    if kind == TIME:
        return has_time
    words = set(positions)
    if kind == POLARITY:
        return not words.isdisjoint(NEGATIONS)
    if kind == REASON:
        return not words.isdisjoint(REASON_WORDS) or any(pair in _REASON_PAIRS for pair in pairwise(positions))
    if kind == SIZE:
        return not words.isdisjoint(SIZE_WORDS)
    kinds = shared_kinds()
    if kind == COUNTRY:  # a country, or a place WordNet does not call a city (Serbia, Taiwan)
        return any(
            word not in asked and raw_kind(word) in _COUNTRY_LIKE and not _common(word, frequency) for word in words
        ) or any(kinds.get(f"{first} {second}") in _COUNTRY_LIKE for first, second in pairwise(positions))
    for word in words:
        if word in asked or not word.isalpha() or is_stop_word(word) or word in NUMBER_WORDS:
            continue
        found = kind_of(word)
        if found is None and (len(word) <= 3 or known(word) or word.capitalize() not in text):
            continue  # a name is a word English does not have, capitalised in the text
        if found == kind and kind == PERSON and word.capitalize() not in text:
            continue  # "negotiators" names no one: "who" wants a name or a title ("Secretary of State")
        if found in (kind, None) and not _common(word, frequency):
            return True
    return any(  # a place of two words: "Middle East", "Saudi Arabia"
        _as_place(kinds.get(f"{first} {second}")) == kind for first, second in pairwise(positions)
    )


def _common(word: str, frequency: Callable[[str], tuple[int, int]]) -> bool:
    holding, documents = frequency(word)
    return holding >= COMMON_LEAST and holding > COMMON_SHARE * documents


def kind_of(word: str) -> str | None:
    """PERSON or PLACE when a folded word (or its singular: "envoys", "cities") is a noun of that
    kind, else None."""
    return _as_place(raw_kind(word))


def _as_place(kind: str | None) -> str | None:
    return PLACE if kind in (COUNTRY, CITY) else kind


def raw_kind(word: str) -> str | None:
    """`kind_of`, a country and a city told from other places (COUNTRY, CITY)."""
    kinds = shared_kinds()
    found = kinds.get(word)
    if found is None and len(word) > 3 and word.endswith("s"):
        found = kinds.get(word[:-1]) or (kinds.get(word[:-3] + "y") if word.endswith("ies") else None)
    return found


@cache
def shared_kinds() -> dict[str, str]:
    """The shipped `kinds.tsv` (noun → person, place, country or city), read on first use and kept."""
    text = resources.files("briefing.search").joinpath("kinds.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


#: Words that open a clause qualifying the noun before them, mid-question.
_RELATIVE = frozenset(("where", "when", "who", "whom", "whose", "which"))


def relative_clause(words: Sequence[str | None], paused: Sequence[bool] = ()) -> frozenset[int]:
    """The words of a clause that qualifies a noun of the question rather than says what is
    asked: after a "where", "who", "which" or "when" that follows a content word with no pause
    between them, to the end ("which cabinet member led the talks where *Ukraine accepted the
    pause*"). Not after a comma: "Besides Russia, which countries…" asks its own question."""
    for index, word in enumerate(words):
        if index >= 2 and word in _RELATIVE and not (index < len(paused) and paused[index]):
            before = words[index - 1]
            if before is None or not is_stop_word(before):
                return frozenset(range(index + 1, len(words)))
    return frozenset()
