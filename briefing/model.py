"""The immutable briefing model every consumer reads: app, search and printed summary.

Nothing here parses files; `briefing.loader` builds these objects once and nothing downstream
reaches back into Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Iterator

#: The topic id given to the overview that `briefing.md` carries.
OVERVIEW_ID = "overview"
#: The heading that marks a topic's disagreements between outlets.
DIFFERENCES_HEADING = "Where reports differ"
#: Source fields whose confirmation status is recorded.
SOURCE_FIELDS = ("outlet", "headline", "published", "byline", "address")


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
        return tuple(claim for claim in self.claims if not claim.is_difference)

    @property
    def differences(self) -> tuple[Claim, ...]:
        return tuple(claim for claim in self.claims if claim.is_difference)

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
class Briefing:
    """Everything that loaded, plus every problem found while loading it."""

    title: str
    as_of: str
    event_date: str
    bottom_line: str
    topics: tuple[Topic, ...]
    sources: tuple[Source, ...]
    variants: tuple[tuple[str, ...], ...] = ()
    problems: tuple[Problem, ...] = ()
    root: str = ""
    _topics_by_id: dict[str, Topic] = field(default_factory=dict, repr=False, compare=False)
    _sources_by_id: dict[str, Source] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Lookup tables are derived once; the dataclass stays frozen for callers.
        self._topics_by_id.update({topic.id: topic for topic in self.topics})
        self._sources_by_id.update({source.id: source for source in self.sources})

    def topic(self, topic_id: str) -> Topic | None:
        return self._topics_by_id.get(topic_id)

    def source(self, source_id: str) -> Source | None:
        return self._sources_by_id.get(source_id)

    def claims(self) -> Iterator[Claim]:
        for topic in self.topics:
            yield from topic.claims

    def claims_citing(self, source_id: str) -> tuple[Claim, ...]:
        return tuple(claim for claim in self.claims() if source_id in claim.source_ids)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)
