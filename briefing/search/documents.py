"""What is searchable: pure functions turning one topic, one outlet, or the header into documents.

One content file gives its documents alone, so an index can be built file by file and one edited
file re-indexed without the others. Each document carries everything ranking needs: its kind, where
it stands in reading order (a sortable key, not the order it was indexed in), its fields' terms and
lengths, and whether it states a figure.

Fields by kind (in `FIELDS` order; the first is the text a hit shows):

* claim, difference: the text (a "where reports differ" entry's starts with its label); a claim
  that opens on a word pointing back ("Those talks…", "It…", "He…") holds, after a SEPARATOR, the
  names of the claim before it ("Saudi Arabia"), which search counts as light context, as it does
  the topic's title (`CONTEXT`), never as the claim's own words or in its length
* topic: title, summary, aliases (each alias apart, so no phrase runs from one into the next)
* source: headline (or outlet name), outlet name, badge; paragraph: one paragraph of the outlet
* overview: the bottom line
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from briefing.model import OVERVIEW_ID, Claim, Header, Source, Topic
from briefing.pointing_back import WORD, pointing_back
from briefing.search.hit import sides
from briefing.search.language import FIGURE, TIME, answer_marks, is_stop_word
from briefing.search.normalize import SEPARATOR, Extra, initialisms, terms_of, tokenize
from briefing.search.quantities import UNITS, duration_extras
from briefing.search.variants import VariantTable

FIELDS: dict[str, tuple[str, ...]] = {
    "claim": ("text",),
    "difference": ("text",),  # "Label: what each outlet says"
    "topic": ("title", "summary", "aliases"),
    "source": ("headline", "outlet", "badge"),
    "paragraph": ("text",),
    "overview": ("text",),
}
#: Kinds that state a fact: what a question is answered by.
FACTS = frozenset({"claim", "difference"})

#: Reading order: (part, topic order, topic title, position in the topic or outlet). The bottom
#: line comes first, then topics as the outline orders them (overview first), then outlets.
Order = tuple[int, int, str, int]
_BOTTOM_LINE: Order = (0, -(2**31), "", 0)
#: A byline that names no one.
_NO_BYLINE = frozenset({"", "none", "not confirmed", "unknown", "n/a"})


class Document(NamedTuple):
    kind: str  # a key of FIELDS
    topic_id: str | None
    claim_id: str | None
    source_id: str | None
    title: str  # the topic title, or the outlet name
    text: str  # what a hit shows
    source_ids: tuple[str, ...]
    path: str  # the content file it came from: re-indexing replaces a file's documents
    line: int
    order: Order
    terms: str  # every position, space-separated (one string: compact); fields and aliases apart by SEPARATOR
    extras: tuple[Extra, ...]  # terms covering positions: joined compounds, variant groups
    starts: tuple[int, ...]  # the position where each field starts
    lengths: tuple[int, ...]  # each field's number of words, for length normalisation
    has_figure: bool  # states a number: "175", "30-day", "three hours"
    has_time: bool  # says when: "Wednesday", "28 February", "2016"
    #: A fact's sides when it has two or more (a "where reports differ" entry, or a claim whose
    #: parts cite different outlets), each (first position, end position): the words before the
    #: first side are its label. Search scores each side with the label as a passage of its own,
    #: as the list shows it (`engine`).
    sides: tuple[tuple[int, int], ...] = ()

    def positions(self) -> list[str]:
        return self.terms.split(" ") if self.terms else []

    def field_at(self, position: int) -> int:
        """The field (index into FIELDS[kind]) that holds `position`."""
        starts = self.starts
        field = 0
        while field + 1 < len(starts) and starts[field + 1] <= position:
            field += 1
        return field


def _document(
    kind: str,
    fields: list[list[str]],
    variants: VariantTable,
    context: str = "",
    **ref,
) -> Document:
    """A document from its fields; each field is a list of phrases (kept apart by SEPARATOR).
    `context` (a fact's borrowed names) follows its one field after a SEPARATOR: searchable,
    not counted in its length nor read for figures or dates."""
    terms: list[str] = []
    extras: list[Extra] = []
    starts: list[int] = []
    lengths: list[int] = []
    stated: list[tuple[str, int]] = []  # each phrase and its first position
    for number, phrases in enumerate(fields):
        if number:
            terms.append(SEPARATOR)
        starts.append(len(terms))
        before = len(terms)
        for index, phrase in enumerate(phrases):
            if index:
                terms.append(SEPARATOR)
            if phrase:
                start = len(terms)
                terms_of(phrase, terms, extras)
                extras.extend(initialisms(phrase, start))
                stated.append((phrase, start))
        lengths.append(len(terms) - before - max(0, len(phrases) - 1))
    own = len(terms)
    if context:
        terms.append(SEPARATOR)
        terms_of(context, terms, extras)
    words = set(terms)
    if not words.isdisjoint(UNITS):  # a unit of time: read its lengths ("90 minutes")
        for phrase, start in stated:
            extras.extend(duration_extras(phrase, start))
    variants.annotate(terms, extras, words)
    joined = " ".join(terms)
    marks = answer_marks(set(terms[:own]), " ".join(terms[:own])) if context else answer_marks(words, joined)
    return Document(
        kind=kind,
        terms=joined,
        extras=tuple(extras),
        starts=tuple(starts),
        lengths=tuple(lengths),
        has_figure=bool(marks & FIGURE),
        has_time=bool(marks & TIME),
        **ref,
    )


def topic_order(topic: Topic) -> tuple[int, int, str]:
    """Where a topic stands in reading order (the model's `reading_order`, as sortable values)."""
    return (1 if topic.id == OVERVIEW_ID else 2, topic.order, topic.title.casefold())


def topic_documents(topic: Topic, variants: VariantTable) -> list[Document]:
    """A topic's header (unless it is the overview, whose header is the bottom line) and one
    document per claim and per "where reports differ" entry, in reading order."""
    part, order, title_key = topic_order(topic)
    documents = []
    claims = topic.claims
    if topic.id != OVERVIEW_ID:
        text = f"{topic.title} — {topic.summary}" if topic.summary else topic.title
        cited = tuple(dict.fromkeys(source for claim in claims for source in claim.source_ids))
        documents.append(
            _document(
                "topic",
                [[topic.title], [topic.summary], list(topic.aliases)],
                variants,
                topic_id=topic.id,
                claim_id=None,
                source_id=None,
                title=topic.title,
                text=text,
                source_ids=cited,
                path=topic.path,
                line=0,
                order=(part, order, title_key, 0),
            )
        )
    before = ("", "")  # the previous claim's text and what it borrowed, for one pointing back to it
    for position, claim in enumerate(claims, start=1):
        parts = claim.parts
        text = parts[0].text.strip() if len(parts) == 1 else claim.text
        if claim.label:  # "Call length: nearly three hours; …" reads as an answer, the text alone may not
            text = f"{claim.label}: {text}"
        borrowed = _names(*before) if before[0] and not claim.is_difference and pointing_back(text) else ""
        documents.append(
            _document(
                "difference" if claim.is_difference else "claim",
                [[text]],
                variants,
                borrowed,
                topic_id=topic.id,
                claim_id=claim.id,
                source_id=None,
                title=topic.title,
                text=text,
                source_ids=claim.source_ids,
                path=claim.path,
                line=claim.line,
                order=(part, order, title_key, position),
                sides=_sides(claim),
            )
        )
        before = (text, borrowed)
    return documents


def _sides(claim: Claim) -> tuple[tuple[int, int], ...]:
    """Where each side of a fact lies in its document's positions, its label first: the sides the
    list shows (`hit.sides`), each a run of text with the outlets that reported it. None unless
    there are two: a difference, or a claim whose parts cite different outlets."""
    if len(claim.parts) < 2:  # one run of text: one side (most claims)
        return ()
    found = sides(claim)
    if len(found) < 2:
        return ()
    text = f"{claim.label}: {claim.text}" if claim.label else claim.text
    shift = len(text) - len(claim.text)
    starts = [start for start, _ in tokenize(text).spans]  # the positions `terms_of` makes, where they start
    return tuple(
        (bisect_left(starts, shift + side.start), bisect_left(starts, shift + side.start + len(side.text)))
        for side in found
    )


def _names(text: str, borrowed: str) -> str:
    """The capitalised words of a claim that are not fillers (and those it borrowed itself)."""
    found = [word for word in WORD.findall(text) if word[0].isupper() and not is_stop_word(word.casefold())]
    if borrowed:
        found += borrowed.split()
    return " ".join(dict.fromkeys(found))


def source_documents(source: Source, variants: VariantTable) -> list[Document]:
    """An outlet: its name and headline, then each paragraph of what it reported."""

    def document(kind: str, fields: list[list[str]], text: str, position: int) -> Document:
        return _document(
            kind,
            fields,
            variants,
            topic_id=None,
            claim_id=None,
            source_id=source.id,
            title=source.outlet,
            text=text,
            source_ids=(source.id,),
            path=source.path,
            line=0,
            order=(3, 0, source.id, position),
        )

    headline = source.headline or source.outlet
    byline = source.byline if source.byline.strip().casefold() not in _NO_BYLINE else ""
    # The hit's title is the outlet's name, so its text starts at the headline (not the name twice).
    text = headline
    if byline:
        text = f"{text} — by {byline}"
    card = [[headline], [source.outlet, byline], [source.short]]
    documents = [document("source", card, text, 0)]
    for position, paragraph in enumerate(source.paragraphs, start=1):
        documents.append(document("paragraph", [[paragraph]], paragraph, position))
    return documents


def header_documents(header: Header, overview_topic: bool, variants: VariantTable, path: str) -> list[Document]:
    """The bottom line (shown as part of the overview topic when there is one)."""
    if not header.bottom_line:
        return []
    return [
        _document(
            "overview",
            [[header.bottom_line]],
            variants,
            topic_id=OVERVIEW_ID if overview_topic else None,
            claim_id=None,
            source_id=None,
            title=header.title,
            text=header.bottom_line,
            source_ids=(),
            path=path,
            line=0,
            order=_BOTTOM_LINE,
        )
    ]
