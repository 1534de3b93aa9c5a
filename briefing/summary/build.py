"""Building the summary model from a `Briefing`, one topic at a time.

Pure: no Textual, no fpdf. Which claims of a topic go on the handout:

- A topic with claims marked `{key}` shows those: its first three marked key points and its
  first two marked "where reports differ" entries. Marking is the author choosing the topic's
  entry on the handout, so a topic that marks only points shows no difference, and the reverse.
- A topic that marks nothing shows one key point chosen for it (the claim that states a figure
  and is reported by the most outlets, the first such on a tie; else its first claim) and its
  first "where reports differ" entry. The overview that marks nothing shows only that entry
  (the call's length, in the bundled briefing): the bottom line summarises its claims, but a
  difference it can only name, not give each outlet's figure.

Long texts are cut, visibly (with "…"), so that no single item can fill the page by itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from rich.cells import cell_len, chop_cells

from briefing.bundled import bundled_content_dir
from briefing.model import (
    KEY_DIFFERENCES_PER_TOPIC,
    KEY_POINTS_PER_TOPIC,
    OVERVIEW_ID,
    Briefing,
    Claim,
    Topic,
    TopicEntry,
)
from briefing.safe_text import strip_unsafe
from briefing.summary.model import ELLIPSIS, LeftOut, Point, Segment, Summary, TopicSummary, Totals

MAX_TITLE_CELLS = 120
MAX_TOPIC_TITLE_CELLS = 100
MAX_BOTTOM_LINE_CELLS = 800
MAX_POINT_CELLS = 320
MAX_LABEL_CELLS = 60
MAX_DATE_CELLS = 40
MAX_HOME_CELLS = 80
#: How much of the "Not on this page" line may be titles; the rest are counted.
MAX_LEFT_OUT_CELLS = 220
MAX_LEFT_OUT_TITLE_CELLS = 70

_FIGURE = re.compile(r"\d")


class UnknownTopicError(ValueError):
    """`--topics` named a topic id the briefing does not have."""

    def __init__(self, topic_id: str, valid: Sequence[str]) -> None:
        self.topic_id = topic_id
        self.valid = tuple(valid)
        super().__init__(f"unknown topic `{topic_id}`; valid topics: {', '.join(self.valid) or 'none'}")


def truncate_cells(text: str, limit: int) -> str:
    """`text` cut to at most `limit` cells, at a word boundary when one is near, with "…"."""
    if cell_len(text) <= limit:
        return text
    head = chop_cells(text, limit - 1)[0]
    cut = head.rfind(" ")
    if cut > len(head) * 2 // 3:
        head = head[:cut]
    return head.rstrip(" ,;:") + ELLIPSIS


def clean(text: str) -> str:
    """One line of safe text: control characters and bidi overrides removed, spaces collapsed."""
    return " ".join(strip_unsafe(text).split())


# --- which claims -----------------------------------------------------------------------------


def fallback_point(claims: Sequence[Claim]) -> Claim | None:
    """For a topic that marks no key point: the claim stating a figure that most outlets report
    (a figure is what people ask for in a meeting, and more outlets make it safer to hand out),
    else the first claim (authors lead with a topic's main fact)."""
    with_figures = [claim for claim in claims if _FIGURE.search(claim.text)]
    if with_figures:
        return max(with_figures, key=lambda claim: len(claim.source_ids))  # max keeps the first on a tie
    return claims[0] if claims else None


def is_marked(topic: Topic) -> bool:
    """Whether the author chose the topic's handout entry (any claim marked `{key}`)."""
    return any(claim.key_point for claim in topic.claims)


def stands_for_itself(topic: Topic) -> bool:
    """An overview that marks nothing leaves its claims to the bottom line, which summarises
    them and is always printed; repeating one would spend a topic's room on a duplicate."""
    return topic.id == OVERVIEW_ID and not is_marked(topic)


def key_points(topic: Topic) -> tuple[Claim, ...]:
    if is_marked(topic):
        return tuple(claim for claim in topic.key_claims if claim.key_point)[:KEY_POINTS_PER_TOPIC]
    if stands_for_itself(topic):
        return ()
    chosen = fallback_point(topic.key_claims)
    return (chosen,) if chosen else ()


def key_differences(topic: Topic) -> tuple[Claim, ...]:
    if is_marked(topic):
        return tuple(claim for claim in topic.differences if claim.key_point)[:KEY_DIFFERENCES_PER_TOPIC]
    return topic.differences[:1]


# --- into the summary model -------------------------------------------------------------------


def _point(claim: Claim, outlet_names: dict[str, str]) -> Point:
    label = truncate_cells(clean(claim.label), MAX_LABEL_CELLS) if claim.label else ""
    segments = []
    for part in claim.parts:
        text = strip_unsafe(part.text)
        # Keep one leading space when the source had one, so "x [A]; y [B]" reads right.
        lead = " " if text[:1].isspace() else ""
        text = lead + " ".join(text.split())
        outlets = tuple(outlet_names.get(source_id, source_id) for source_id in part.source_ids)
        if text.strip() or outlets:
            segments.append(Segment(text, outlets))
    if segments:
        segments[0] = Segment(segments[0].text.lstrip(), segments[0].outlets)
    point = Point(tuple(segments), label)
    if cell_len(label) + cell_len(point.text) > MAX_POINT_CELLS:
        # Too long for a handout: keep its opening and every outlet it cites.
        outlets = tuple(dict.fromkeys(outlet for segment in segments for outlet in segment.outlets))
        text = truncate_cells(point.text, MAX_POINT_CELLS - cell_len(label))
        point = Point((Segment(text, outlets),), label, cut=True)
    return point


def outlet_names(briefing: Briefing) -> dict[str, str]:
    """Source id -> the short name printed in outlet tags."""
    return {source.id: clean(source.short) or source.id for source in briefing.sources}


def summarize_topic(topic: Topic, names: dict[str, str]) -> TopicSummary:
    """Everything of `topic` the handout would show if the page had room."""
    title = truncate_cells(clean(topic.title), MAX_TOPIC_TITLE_CELLS) or topic.id
    points = tuple(_point(claim, names) for claim in key_points(topic))
    differences = tuple(_point(claim, names) for claim in key_differences(topic))
    return TopicSummary(topic.id, title, points, differences)


def shorter_forms(topic: TopicSummary) -> list[TopicSummary]:
    """`topic` as built, then ever shorter: first point and first difference, then the first
    point alone. The fitter takes the first form that fits."""
    forms = [topic]

    def add(points: tuple[Point, ...], differences: tuple[Point, ...]) -> None:
        form = TopicSummary(topic.id, topic.title, points, differences)
        if form.items and form not in forms:
            forms.append(form)

    add(topic.points[:1], topic.differences[:1])
    if topic.points:
        add(topic.points[:1], ())
    else:
        add((), topic.differences[:1])
    return forms


def summary_header(briefing: Briefing) -> Summary:
    """The summary's header and the briefing's totals, with no topics yet."""
    notes: list[str] = []

    def cut(text: str, limit: int, what: str) -> str:
        short = truncate_cells(clean(text), limit)
        if short != clean(text):
            notes.append(f"{what} cut to {limit} characters (marked {ELLIPSIS})")
        return short

    outline = briefing.outline
    home, bundled = home_of(briefing)
    return Summary(
        home=home,
        bundled=bundled,
        title=cut(briefing.title, MAX_TITLE_CELLS, "title") or "Briefing",
        as_of=cut(briefing.as_of, MAX_DATE_CELLS, "as_of"),
        event_date=cut(briefing.event_date, MAX_DATE_CELLS, "event_date"),
        bottom_line=cut(briefing.bottom_line, MAX_BOTTOM_LINE_CELLS, "bottom line"),
        totals=Totals(
            topics=len(outline),
            claims=sum(entry.claim_count for entry in outline),
            differences=sum(entry.difference_count for entry in outline),
        ),
        notes=tuple(notes),
    )


def home_of(briefing: Briefing) -> tuple[str, bool]:
    """Where the full briefing lives, as a reader would type it: its folder, absolute, with the
    home directory as "~"; and whether it is the bundled briefing (then no folder is given, and
    none for a briefing held only in memory)."""
    if not briefing.root:
        return "", False
    root = Path(briefing.root).expanduser().resolve()
    if root == bundled_content_dir().resolve():
        return "", True
    try:
        shown = "~/" + root.relative_to(Path.home().resolve()).as_posix()
    except ValueError:
        shown = root.as_posix()
    return truncate_cells(clean(shown), MAX_HOME_CELLS), False


def left_out(entries: Sequence[TopicEntry], start: int) -> LeftOut:
    """`entries[start:]` as the page names them: titles up to a fixed length, the rest counted.

    Costs O(what is named), not O(len(entries)), so the fitter can ask at every step."""
    titles: list[str] = []
    used = 0
    for entry in entries[start:]:
        title = truncate_cells(clean(entry.title), MAX_LEFT_OUT_TITLE_CELLS) or entry.id
        used += cell_len(title) + 2
        if used > MAX_LEFT_OUT_CELLS:
            break
        titles.append(title)
    return LeftOut(tuple(titles), max(0, len(entries) - start))


def topic_entries(briefing: Briefing, topic_ids: Sequence[str] | None) -> list[TopicEntry]:
    """The topics to print, in order: the whole outline, or the ids asked for.

    Raises `UnknownTopicError` for an id the briefing does not have."""
    if topic_ids is None:
        return list(briefing.outline)
    entries = []
    for topic_id in dict.fromkeys(topic_ids):
        entry = briefing.entry(topic_id)
        if entry is None:
            raise UnknownTopicError(topic_id, [known.id for known in briefing.outline])
        entries.append(entry)
    return entries
