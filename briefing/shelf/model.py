"""What the shelf shows: one line per briefing, one hit per search result across briefings.

Plain data, no I/O: the app and the commands get these from `briefing.shelf.reading` (which
reads the compiled stores) and the app is handed a `Library` of callables, so the UI never
touches a store or a content file itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.counting_words import counted

if TYPE_CHECKING:
    from briefing.model import Briefing

    #: Brings an open briefing up to date with its folder (see `briefing.ui.app.Reload`).
    Reload = Callable[[], "tuple[Briefing, frozenset[str]] | None"]


@dataclass(frozen=True)
class ShelfEntry:
    """One briefing on the shelf: its header and counts, never its topics."""

    root: str  # the folder as the library names it (a link stays a link)
    name: str  # the folder's name in the library
    title: str
    event_date: str = ""
    as_of: str = ""
    bottom_line: str = ""
    topics: int = 0  # the overview counts, as everywhere else ("All 11 topics")
    claims: int = 0
    differences: int = 0
    problems: int = 0
    errors: int = 0
    bundled: bool = False
    #: Why the briefing could not be read at all (a link to a folder that is gone), else "".
    unreadable: str = ""

    @property
    def broken(self) -> bool:
        return bool(self.errors or self.unreadable)

    @property
    def size(self) -> str:
        """ "11 topics · 159 claims · 30 differences", for the shelf and `briefing list`."""
        if self.unreadable:
            return ""
        parts = [counted(self.topics, "topic"), counted(self.claims, "claim")]
        if self.differences:
            parts.append(counted(self.differences, "difference"))
        return " · ".join(parts)


def newest_first(entries: Sequence[ShelfEntry]) -> list[ShelfEntry]:
    """Newest event first (ISO dates sort as text), then the latest as-of; briefings without
    an event date after those with one, and unreadable ones last, so they never hide the rest."""
    return sorted(
        entries,
        key=lambda entry: (
            bool(entry.unreadable),
            not entry.event_date,
            _descending(entry.event_date),
            _descending(entry.as_of),
            entry.title.casefold(),
            entry.name,
        ),
    )


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(char) for char in text)


@dataclass(frozen=True)
class ShelfHit:
    """One search hit from one briefing of the library, naming the briefing and its outlets."""

    root: str
    briefing: str  # the briefing's title
    kind: str  # as `briefing.search.Hit.kind`
    topic_id: str | None
    topic: str  # the topic's title ("" for an outlet's hit)
    claim_id: str | None
    source_id: str | None  # an outlet's own hit: the outlet
    text: str
    outlets: tuple[str, ...]
    source_ids: tuple[str, ...]
    file: str
    line: int
    score: float


@dataclass(frozen=True)
class Opened:
    """A briefing opened from the shelf: the model, how to follow its edits, one-line notices."""

    briefing: Briefing
    reload: Reload | None = None
    notices: tuple[str, ...] = ()


@dataclass
class Library:
    """The library as the app sees it: its entries and what it may ask of them. The CLI builds
    it over the compiled stores (`briefing.shelf.reading.library_access`); tests, over fakes."""

    entries: list[ShelfEntry]
    open: Callable[[str], Opened]
    search: Callable[[str, int], list[ShelfHit]]
    last_read: Callable[[], str | None] = lambda: None
    remember: Callable[[str], None] = lambda root: None
    #: Warnings about the library itself (a folder that could not be listed), shown once.
    notices: list[str] = field(default_factory=list)

    def entry(self, root: str) -> ShelfEntry | None:
        return next((entry for entry in self.entries if entry.root == root), None)
