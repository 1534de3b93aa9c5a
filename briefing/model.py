"""The briefing model every consumer reads: app, search and printed summary.

A `Briefing` is immutable: one generation of its content. Its outline, outlets and problems are
held; its topics come from a `TopicLibrary` when asked for (from a compiled store, `StoredLibrary`,
which stays pinned to the generation it was taken at however late a topic is read; or from memory,
`Briefing.from_topics`). A save brings a new `Briefing`; one taken before it never shows the new
text. Nothing here parses files, and nothing downstream reaches back into Markdown.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from briefing.search.index import IndexStore

#: The topic id given to the overview that `briefing.md` carries.
OVERVIEW_ID = "overview"
#: The heading that marks a topic's disagreements between outlets.
DIFFERENCES_HEADING = "Where reports differ"
#: Source fields whose confirmation status is recorded.
SOURCE_FIELDS = ("outlet", "headline", "published", "byline", "address")
#: What an author types at the end of a claim to put it on the handout (`briefing print`).
KEY_MARKER = "{key}"
#: How many marked claims, and marked "Where reports differ" entries, a topic's handout shows.
KEY_POINTS_PER_TOPIC = 3
KEY_DIFFERENCES_PER_TOPIC = 2


class ContentError(Exception):
    """The content folder cannot be read at all (missing, not a folder). Nothing else escapes
    the loader: every other problem is a `Problem` in `Briefing.problems`."""


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, pointing at a file and line like a compiler would."""

    path: str
    line: int
    severity: Severity
    message: str

    def format(self) -> str:
        location = f"{self.path}:{self.line}" if self.line else self.path
        return f"{location}: {self.severity.value}: {self.message}"


@dataclass(frozen=True)
class ClaimPart:
    """A run of claim text followed by the outlets cited right after it (possibly none)."""

    text: str
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    """One attributed statement: a bullet in a topic, or one entry of "Where reports differ"."""

    id: str
    topic_id: str
    section: str
    parts: tuple[ClaimPart, ...]
    is_difference: bool
    path: str
    line: int
    label: str = ""
    #: The author marked it `{key}`: it goes on the handout.
    key_point: bool = False

    @property
    def text(self) -> str:
        """The claim as plain text, citations removed."""
        return "".join(part.text for part in self.parts).strip()

    @property
    def source_ids(self) -> tuple[str, ...]:
        """Every outlet the claim cites, in order of first citation."""
        seen: dict[str, None] = {}
        for part in self.parts:
            for source_id in part.source_ids:
                seen.setdefault(source_id, None)
        return tuple(seen)


@dataclass(frozen=True)
class Section:
    title: str
    claims: tuple[Claim, ...]
    line: int = 0

    @property
    def is_differences(self) -> bool:
        return self.title.casefold() == DIFFERENCES_HEADING.casefold()


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    order: int
    summary: str
    sections: tuple[Section, ...]
    path: str
    aliases: tuple[str, ...] = ()

    @property
    def claims(self) -> tuple[Claim, ...]:
        """All claims in reading order, differences included."""
        return tuple(claim for section in self.sections for claim in section.claims)

    @property
    def key_claims(self) -> tuple[Claim, ...]:
        """The topic's statements: every claim that is not a "Where reports differ" entry."""
        return tuple(claim for claim in self.claims if not claim.is_difference)

    @property
    def differences(self) -> tuple[Claim, ...]:
        return tuple(claim for claim in self.claims if claim.is_difference)

    def claim_index(self, claim_id: str | None) -> int:
        """Where a claim stands in `claims` (the cursor position that shows it); 0, the top of
        the topic, when it is not one of this topic's claims."""
        if claim_id is not None:
            for index, claim in enumerate(self.claims):
                if claim.id == claim_id:
                    return index
        return 0

    def place_of(self, claim: Claim | None, index: int) -> int:
        """Where a reader who was on `claim`, at `index` of an earlier version of this topic,
        is now: on the claim with the same text (it moved), else the one with the same id (it
        was reworded in place), else the nearest claim to where they were."""
        claims = self.claims
        if not claims:
            return 0
        if claim is not None:
            same_text = [position for position, candidate in enumerate(claims) if candidate.text == claim.text]
            if same_text:  # the one nearest to where the reader was, should the text repeat
                return min(same_text, key=lambda position: abs(position - index))
            for position, candidate in enumerate(claims):
                if candidate.id == claim.id:
                    return position
        return max(0, min(index, len(claims) - 1))

    @property
    def source_ids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for claim in self.claims:
            for source_id in claim.source_ids:
                seen.setdefault(source_id, None)
        return tuple(seen)


@dataclass(frozen=True)
class Source:
    """One outlet's report: who published it, what is confirmed, and what it said."""

    id: str
    outlet: str
    short: str
    headline: str
    published: str
    byline: str
    address: str
    confirmed: frozenset[str]
    note: str
    paragraphs: tuple[str, ...]
    path: str
    #: The outlet's own text, as a plain file name inside the folder given to
    #: `briefing check --against DIR`; empty when the author names none.
    text_file: str = ""
    #: The front matter line of `text_file`, so a problem with it points at the right line.
    text_file_line: int = 0

    def is_confirmed(self, field_name: str) -> bool:
        return field_name in self.confirmed


@dataclass(frozen=True)
class Header:
    """What `briefing.md`'s front matter says about the whole briefing."""

    title: str = "Briefing"
    as_of: str = ""
    event_date: str = ""
    bottom_line: str = ""
    #: Spellings search treats as the same word or phrase ("Kyiv", "Kiev").
    variants: tuple[tuple[str, ...], ...] = ()
    #: Different words search treats as near-equivalents ("swap", "exchange").
    synonyms: tuple[tuple[str, ...], ...] = ()
    #: Other names readers use for a thing, after what the briefing calls it ("Russia", "Moscow").
    other_names: tuple[tuple[str, ...], ...] = ()


class TopicEntry(NamedTuple):
    """One line of the briefing's outline: what lists, palettes and key bindings need of a topic
    without loading its claims. (A named tuple: a 10,000-topic outline is built at every start.)"""

    id: str
    title: str
    order: int
    summary: str
    path: str
    aliases: tuple[str, ...] = ()
    claim_count: int = 0
    difference_count: int = 0

    @classmethod
    def of(cls, topic: Topic) -> TopicEntry:
        differences = len(topic.differences)
        return cls(
            topic.id,
            topic.title,
            topic.order,
            topic.summary,
            topic.path,
            topic.aliases,
            len(topic.claims) - differences,
            differences,
        )


def reading_order(topic: Topic | TopicEntry) -> tuple[bool, int, str]:
    """The overview first, then by `order`, then by title."""
    return (topic.id != OVERVIEW_ID, topic.order, topic.title.casefold())


class Citations(NamedTuple):
    """How much one topic draws on one outlet."""

    topic_id: str
    claims: int  # key claims citing the outlet
    differences: int  # "where reports differ" entries citing it


class TopicLibrary(Protocol):
    """Where a briefing's topics come from when asked for: memory, or a compiled store. What it
    returns never changes for one library: a library is one generation of the content."""

    def topic(self, topic_id: str) -> Topic | None: ...

    def claims_citing(self, source_id: str) -> Iterator[Claim]: ...

    def citations(self, source_id: str) -> tuple[Citations, ...]: ...

    def index_store(self) -> IndexStore | None:
        """The search index this library keeps (a compiled store keeps one on disk), or None:
        then `SearchIndex.for_briefing` builds one in memory from the topics."""
        ...


class _InMemoryLibrary:
    def __init__(self, topics: Iterable[Topic]) -> None:
        self._topics = {topic.id: topic for topic in topics}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _InMemoryLibrary) and self._topics == other._topics

    def __hash__(self) -> int:
        return hash(tuple(self._topics.values()))

    def topic(self, topic_id: str) -> Topic | None:
        return self._topics.get(topic_id)

    def index_store(self) -> IndexStore | None:
        return None  # searched through an index built in memory

    def claims_citing(self, source_id: str) -> Iterator[Claim]:
        for topic in self._topics.values():
            for claim in topic.claims:
                if source_id in claim.source_ids:
                    yield claim

    def citations(self, source_id: str) -> tuple[Citations, ...]:
        found = []
        for topic in self._topics.values():
            citing = [claim.is_difference for claim in topic.claims if source_id in claim.source_ids]
            if citing:
                found.append(Citations(topic.id, citing.count(False), citing.count(True)))
        return tuple(found)


@dataclass(frozen=True)
class Briefing:
    """Everything that loaded, plus every problem found while loading it.

    The outline (one `TopicEntry` per topic, in reading order) is always in memory; a topic's
    claims are read when `topic()` asks for them, so what a view costs grows with what it shows,
    not with the size of the briefing.
    """

    header: Header
    outline: tuple[TopicEntry, ...]
    sources: tuple[Source, ...]
    library: TopicLibrary = field(repr=False)
    problems: tuple[Problem, ...] = ()
    root: str = ""
    _positions: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    _sources_by_id: dict[str, Source] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Lookup tables are derived once; the dataclass stays frozen for callers. A store's
        # snapshot hands over the positions it made for the briefing's library: one table, not two.
        if not self._positions:
            self._positions.update({entry.id: index for index, entry in enumerate(self.outline)})
        self._sources_by_id.update({source.id: source for source in self.sources})

    @classmethod
    def from_topics(
        cls,
        header: Header,
        topics: Iterable[Topic],
        sources: Iterable[Source],
        problems: Iterable[Problem] = (),
        root: str = "",
    ) -> Briefing:
        """A briefing held wholly in memory (tests' and synthetic briefings; `load_briefing`
        goes through a store), its outline in reading order."""
        topics = tuple(sorted(topics, key=reading_order))
        return cls(
            header,
            tuple(TopicEntry.of(topic) for topic in topics),
            tuple(sources),
            _InMemoryLibrary(topics),
            tuple(problems),
            root,
        )

    # -- the header, for short -----------------------------------------------------------------

    @property
    def title(self) -> str:
        return self.header.title

    @property
    def as_of(self) -> str:
        return self.header.as_of

    @property
    def event_date(self) -> str:
        return self.header.event_date

    @property
    def bottom_line(self) -> str:
        return self.header.bottom_line

    @property
    def variants(self) -> tuple[tuple[str, ...], ...]:
        return self.header.variants

    # -- topics --------------------------------------------------------------------------------

    def topic(self, topic_id: str) -> Topic | None:
        return self.library.topic(topic_id) if topic_id in self._positions else None

    def entry(self, topic_id: str) -> TopicEntry | None:
        position = self._positions.get(topic_id)
        return None if position is None else self.outline[position]

    def position(self, topic_id: str) -> int | None:
        """Where a topic stands in the outline (0 is the first)."""
        return self._positions.get(topic_id)

    def topic_at(self, position: int) -> Topic | None:
        """The topic at a place in the outline; negative counts from the end, as for a list."""
        if -len(self.outline) <= position < len(self.outline):
            return self.topic(self.outline[position].id)
        return None

    def iter_topics(self) -> Iterator[Topic]:
        """Every topic in reading order: for whole-briefing work (checking, indexing), never
        for showing a screen."""
        for entry in self.outline:
            topic = self.topic(entry.id)
            if topic is not None:
                yield topic

    def claims(self) -> Iterator[Claim]:
        """Every claim in reading order (whole-briefing work only, like `iter_topics`)."""
        for topic in self.iter_topics():
            yield from topic.claims

    def claims_citing(self, source_id: str) -> Iterator[Claim]:
        """The claims that cite an outlet, in reading order (whole-briefing work)."""
        return self.library.claims_citing(source_id)

    def citations(self, source_id: str) -> tuple[Citations, ...]:
        """Per topic that cites an outlet, in reading order: how many claims and differences do.
        Cheap at any size: what an outlet view shows before it reads any claim."""
        return self.library.citations(source_id)

    # -- outlets and problems ------------------------------------------------------------------

    def source(self, source_id: str) -> Source | None:
        return self._sources_by_id.get(source_id)

    @property
    def sources_by_id(self) -> Mapping[str, Source]:
        """Every outlet by its id (read only)."""
        return MappingProxyType(self._sources_by_id)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)
