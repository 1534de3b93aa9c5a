"""What goes on the handout, free of any format: the summary model every renderer shows.

A `Summary` is the one selection (`briefing.summary.fit.select`): the same topics, points and
differences in text, Markdown, HTML and PDF, on A4 or Letter. Only layout differs between them,
and every sentence the page adds of its own (what was left out, where the rest is) is written
here once, so no two formats can word it differently.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.counting_words import counted

ELLIPSIS = "…"
#: What the brackets after a point mean; printed on every handout.
OUTLETS_LEGEND = "[ ] the outlets that report each point"
#: What the "≠" before an entry means; printed only on a handout that shows one.
DIFFERENCE_LEGEND = "≠ where reports differ"
LEGEND = f"{DIFFERENCE_LEGEND} · {OUTLETS_LEGEND}"


def outlet_tag(outlets: tuple[str, ...]) -> str:
    """ "[LATimes/AP, USLive]": the outlets that report a point, by their short names."""
    return "[" + ", ".join(outlets) + "]"


@dataclass(frozen=True)
class Segment:
    """A run of text followed by the outlets (short names) cited right after it."""

    text: str
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Point:
    """A key point or one "where reports differ" entry: optional label, then attributed segments."""

    segments: tuple[Segment, ...]
    label: str = ""
    cut: bool = False  # the text was too long for a handout and ends in "…"

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments).strip()


@dataclass(frozen=True)
class TopicSummary:
    """One topic as the handout shows it: its key points, then the differences that matter."""

    id: str
    title: str
    points: tuple[Point, ...]
    differences: tuple[Point, ...]

    @property
    def items(self) -> int:
        return len(self.points) + len(self.differences)


@dataclass(frozen=True)
class LeftOut:
    """The topics that did not fit: the first few by title, and how many in all."""

    titles: tuple[str, ...] = ()
    count: int = 0


@dataclass(frozen=True)
class Totals:
    """The size of the whole briefing, for the line that says where the rest is."""

    topics: int = 0
    claims: int = 0
    differences: int = 0


@dataclass(frozen=True)
class Summary:
    title: str
    as_of: str
    event_date: str
    bottom_line: str
    topics: tuple[TopicSummary, ...] = ()
    left_out: LeftOut = LeftOut()
    totals: Totals = Totals()
    #: Where the full briefing lives, for a reader of paper: its folder ("~/briefings/call"),
    #: or "" when it is the bundled briefing (`bundled`) or held only in memory.
    home: str = ""
    bundled: bool = False
    #: What selecting cut or left out, one line each (for stderr; the page says it too).
    notes: tuple[str, ...] = ()

    @property
    def date_line(self) -> str:
        parts = []
        if self.as_of:
            parts.append(f"As of {self.as_of}")
        if self.event_date:
            parts.append(f"Event date {self.event_date}")
        return " · ".join(parts)

    @property
    def left_out_line(self) -> str:
        """ "Not on this page: A; B; and 9 more topics." — or "" when every topic is on it."""
        left = self.left_out
        if not left.count:
            return ""
        named = "; ".join(left.titles)
        unnamed = left.count - len(left.titles)
        if not named:
            return f"Not on this page: {counted(unnamed, 'topic')}."
        more = f"; and {counted(unnamed, 'more topic')}" if unnamed else ""
        return f"Not on this page: {named}{more}."

    @property
    def shows_differences(self) -> bool:
        return any(topic.differences for topic in self.topics)

    @property
    def legend(self) -> str:
        """What the marks on this page mean: "≠" only when the page shows one."""
        return LEGEND if self.shows_differences else OUTLETS_LEGEND

    @property
    def rest_line(self) -> str:
        """For the colleague holding the sheet: which briefing this is, of when, how much more
        there is, and where the full briefing lives."""
        totals = self.totals
        everything = (
            f"{counted(totals.topics, 'topic')}, {counted(totals.claims, 'claim')}, "
            f"{counted(totals.differences, 'difference')}"
        )
        dated = f"{self.title}, as of {self.as_of}" if self.as_of else self.title
        where = f": briefing --content {self.home}" if self.home else ""
        if self.bundled:
            where = ": bundled with the briefing app"
        return f"{dated}. In full ({everything}){where}" + ("" if self.home else ".")  # no dot after a path

    @property
    def ending(self) -> tuple[str, ...]:
        """The lines every format prints after the last topic."""
        return tuple(line for line in (self.legend, self.left_out_line, self.rest_line) if line)
