"""The one-page summary model, built once from a `Briefing`, and the one fitting rule.

Pure: no Textual, no fpdf. Every format renders a `Summary`; what differs between formats is
only how "does it fit?" is measured (60 lines x 80 cells for text, real heights for PDF/HTML).

The fitting rule, applied in this order until the page fits, never silently:

1. shrink the font size (PDF/HTML only), from the largest readable size to the smallest;
2. shorten topics: fewer items per topic, taken in the order key point, difference, key point,
   difference, …, down to the first key point alone; when the page has room for part of a step
   the earlier topics keep one more item than the later ones; every shortened topic ends with
   "… N more — run `briefing`" (saying how many of those are differences);
3. drop the last topics (the lowest-ordered ones), with a footer note naming them; room left
   over below the last topic kept goes back, item by item, to the first topics.

Each action taken is returned as one human-readable line, for stderr.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from rich.cells import cell_len, chop_cells

from briefing.model import Briefing, Claim
from briefing.safe_text import strip_unsafe

#: The text page: `briefing print | lp -o cpi=12 -o lpi=7` fits this on A4 and Letter.
PAGE_LINES = 60
PAGE_COLUMNS = 80
#: Readable font sizes for PDF/HTML, largest first (points).
FONT_SIZES = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5)
#: Long single items are cut (with "…") so one item can never fill the page by itself.
MAX_TITLE_CELLS = 120
MAX_TOPIC_TITLE_CELLS = 100
MAX_BOTTOM_LINE_CELLS = 800
MAX_POINT_CELLS = 280
MAX_DATE_CELLS = 40
MAX_FOOTER_CELLS = 200
RUN_HINT = "run `briefing`"
ELLIPSIS = "…"


class UnknownTopicError(ValueError):
    """`--topics` named a topic id the briefing does not have."""

    def __init__(self, topic_id: str, valid: Sequence[str]) -> None:
        self.topic_id = topic_id
        self.valid = tuple(valid)
        super().__init__(f"unknown topic `{topic_id}`; valid topics: {', '.join(self.valid) or 'none'}")


@dataclass(frozen=True)
class Segment:
    """A run of text followed by the outlets (short names) cited right after it."""

    text: str
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Point:
    """A key point or one difference: optional label, then attributed segments."""

    segments: tuple[Segment, ...]
    label: str = ""
    shortened: bool = False  # the text was cut to MAX_POINT_CELLS

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments).strip()


@dataclass(frozen=True)
class TopicSummary:
    id: str
    title: str
    points: tuple[Point, ...]
    differences: tuple[Point, ...]
    hidden: int = 0  # key points and differences left out by the fitting rule
    hidden_differences: int = 0  # how many of `hidden` are differences

    @property
    def items(self) -> int:
        return len(self.points) + len(self.differences)

    @property
    def more_note(self) -> str:
        if not self.hidden:
            return ""
        differ = f" ({self.hidden_differences} where reports differ)" if self.hidden_differences else ""
        return f"{ELLIPSIS} {self.hidden} more{differ} — {RUN_HINT}"


@dataclass(frozen=True)
class Summary:
    title: str
    as_of: str
    event_date: str
    bottom_line: str
    topics: tuple[TopicSummary, ...]
    hidden_topics: tuple[str, ...] = ()  # ids of topics dropped by the fitting rule
    font_size: float | None = None  # PDF/HTML only; None for text formats
    cuts: tuple[str, ...] = ()  # what building cut because it was too long, one line each

    @property
    def date_line(self) -> str:
        parts = []
        if self.as_of:
            parts.append(f"As of {self.as_of}")
        if self.event_date:
            parts.append(f"Event date {self.event_date}")
        return " · ".join(parts)

    @property
    def footer_note(self) -> str:
        """ "N topics not shown: a, b — run `briefing`", or "" when every topic is shown."""
        count = len(self.hidden_topics)
        if not count:
            return ""
        head = f"{count} topic{'s' * (count != 1)} not shown"
        tail = f" — {RUN_HINT}"
        budget = MAX_FOOTER_CELLS - cell_len(head) - cell_len(tail) - 2
        names = ", ".join(self.hidden_topics)
        shown = len(self.hidden_topics)
        # Long lists name the first few ids and count the rest.
        while shown and cell_len(names) > budget:
            shown -= 1
            names = ", ".join(self.hidden_topics[:shown]) + f", and {count - shown} more"
        return f"{head}: {names}{tail}" if shown else head + tail


@dataclass(frozen=True)
class FittedSummary:
    summary: Summary
    actions: tuple[str, ...]  # one line per shortening action, for stderr


# --- building -------------------------------------------------------------------------------


def truncate_cells(text: str, limit: int) -> str:
    """`text` cut to at most `limit` cells, at a word boundary when one is near, with "…"."""
    if cell_len(text) <= limit:
        return text
    head = chop_cells(text, limit - 1)[0]
    cut = head.rfind(" ")
    if cut > len(head) * 2 // 3:
        head = head[:cut]
    return head.rstrip(" ,;:") + ELLIPSIS


def _clean(text: str) -> str:
    return " ".join(strip_unsafe(text).split())


def _point(claim: Claim, outlet_names: dict[str, str]) -> Point:
    label = truncate_cells(_clean(claim.label), 60) if claim.label else ""
    segments = []
    for part in claim.parts:
        text = strip_unsafe(part.text)
        # Keep one leading space when the source had one, so "x [A]; y [B]" reads right.
        lead = " " if text[:1].isspace() else ""
        text = lead + " ".join(text.split())
        outlets = tuple(outlet_names.get(s, s) for s in part.source_ids)
        if text.strip() or outlets:
            segments.append(Segment(text, outlets))
    if segments:
        segments[0] = replace(segments[0], text=segments[0].text.lstrip())
    point = Point(tuple(segments), label)
    if cell_len(label) + cell_len(point.text) > MAX_POINT_CELLS:
        # Too long to stay a key point: keep its opening and every outlet it cites.
        outlets = tuple(dict.fromkeys(o for segment in segments for o in segment.outlets))
        text = truncate_cells(point.text, MAX_POINT_CELLS - cell_len(label))
        point = Point((Segment(text, outlets),), label, shortened=True)
    return point


def build_summary(briefing: Briefing, topic_ids: Sequence[str] | None = None) -> Summary:
    """The whole summary, before fitting. `topic_ids` picks and orders topics (by id).

    Raises `UnknownTopicError` for an id the briefing does not have.
    """
    if topic_ids is None:
        topics = list(briefing.iter_topics())
    else:
        topics = []
        for topic_id in dict.fromkeys(topic_ids):
            topic = briefing.topic(topic_id)
            if topic is None:
                raise UnknownTopicError(topic_id, [entry.id for entry in briefing.outline])
            topics.append(topic)
    outlet_names = {source.id: _clean(source.short) or source.id for source in briefing.sources}
    cuts: list[str] = []

    def cut(text: str, limit: int, what: str) -> str:
        short = truncate_cells(_clean(text), limit)
        if short != _clean(text):
            cuts.append(f"{what} cut to {limit} characters (marked {ELLIPSIS})")
        return short

    built = tuple(
        TopicSummary(
            id=topic.id,
            title=cut(topic.title, MAX_TOPIC_TITLE_CELLS, f"title of topic `{topic.id}`") or topic.id,
            points=tuple(_point(claim, outlet_names) for claim in topic.key_claims),
            differences=tuple(_point(claim, outlet_names) for claim in topic.differences),
        )
        for topic in topics
    )
    return Summary(
        title=cut(briefing.title, MAX_TITLE_CELLS, "title") or "Briefing",
        as_of=cut(briefing.as_of, MAX_DATE_CELLS, "as_of"),
        event_date=cut(briefing.event_date, MAX_DATE_CELLS, "event_date"),
        bottom_line=cut(briefing.bottom_line, MAX_BOTTOM_LINE_CELLS, "bottom line"),
        topics=built,
        cuts=tuple(cuts),
    )


# --- fitting --------------------------------------------------------------------------------


def _capped(summary: Summary, caps: Sequence[int]) -> Summary:
    """Keep the first `cap` items of each topic, in the order point, difference, point, …"""
    topics = []
    for topic, cap in zip(summary.topics, caps, strict=False):
        points, differences = len(topic.points), len(topic.differences)
        # Interleaved, item i of the pairs is point i then difference i.
        pairs = min(cap // 2, points, differences)
        keep_points, keep_differences = pairs, pairs
        left = cap - 2 * pairs
        while left > 0 and (keep_points < points or keep_differences < differences):
            if keep_points < points and (keep_points <= keep_differences or keep_differences >= differences):
                keep_points += 1
            else:
                keep_differences += 1
            left -= 1
        topics.append(
            replace(
                topic,
                points=topic.points[:keep_points],
                differences=topic.differences[:keep_differences],
                hidden=points - keep_points + differences - keep_differences,
                hidden_differences=differences - keep_differences,
            )
        )
    return replace(summary, topics=tuple(topics))


def _caps_for(slots: int, count: int) -> list[int]:
    """Spread `slots` items over `count` topics, earlier topics first: 7 over 3 -> 3, 2, 2."""
    return [slots // count + (1 if index < slots % count else 0) for index in range(count)]


def _largest(low: int, high: int, ok: Callable[[int], bool]) -> int | None:
    """The largest n in [low, high] with ok(n), assuming ok is monotone (true, then false)."""
    found = None
    while low <= high:
        middle = (low + high) // 2
        if ok(middle):
            found, low = middle, middle + 1
        else:
            high = middle - 1
    return found


def fit_summary(
    summary: Summary,
    fits: Callable[[Summary], bool],
    font_sizes: Sequence[float | None] = (None,),
) -> FittedSummary:
    """Apply the fitting rule to `summary` until `fits(summary)` holds."""
    fitted = _fit(summary, fits, font_sizes)
    result = fitted.summary
    # Points cut for length are reported where they are printed, not where fitting hid them.
    long_points = {
        topic.id: sum(point.shortened for point in (*topic.points, *topic.differences)) for topic in result.topics
    }
    if count := sum(long_points.values()):
        where = ", ".join(topic_id for topic_id, n in long_points.items() if n)
        cut = (
            f"{count} long point{'s' * (count != 1)} cut to {MAX_POINT_CELLS} characters "
            f"(marked {ELLIPSIS}) in: {where}"
        )
        return replace(fitted, actions=(*result.cuts, cut, *fitted.actions))
    return replace(fitted, actions=(*result.cuts, *fitted.actions))


def _fit(summary: Summary, fits: Callable[[Summary], bool], font_sizes: Sequence[float | None]) -> FittedSummary:
    actions: list[str] = []
    # 1. The largest font size that fits as it is (sizes are tried largest, smallest, then
    #    halving the range between, since a smaller font never needs more room).
    sizes = list(font_sizes)

    def sized(index: int) -> Summary:
        return replace(summary, font_size=sizes[index])

    if fits(sized(0)):
        return FittedSummary(sized(0), tuple(actions))
    if len(sizes) > 1 and fits(sized(len(sizes) - 1)):
        best = _largest(1, len(sizes) - 2, lambda index: fits(sized(len(sizes) - 1 - index)))
        index = len(sizes) - 1 - best if best is not None else len(sizes) - 1
        actions.append(f"font reduced from {sizes[0]:g} pt to {sizes[index]:g} pt")
        return FittedSummary(sized(index), tuple(actions))
    smallest = font_sizes[-1]
    if len(font_sizes) > 1:
        actions.append(f"font reduced from {font_sizes[0]:g} pt to {smallest:g} pt (the smallest)")
    summary = replace(summary, font_size=smallest)
    count = len(summary.topics)
    most = max((topic.items for topic in summary.topics), default=0)

    # 2. Fewer items per topic: `slots` items spread over the topics, at least one each.
    def shortened(slots: int) -> Summary:
        return _capped(summary, _caps_for(slots, count))

    slots = _largest(count, count * most - 1, lambda n: fits(shortened(n))) if count else None
    if slots is not None:
        result = shortened(slots)
        actions.append(_shortened_action(result))
        return FittedSummary(result, tuple(actions))
    # 3. One point each and still too long: drop topics from the end.
    base = _capped(summary, [1] * count)

    def dropped(drop: int) -> Summary:
        return replace(
            base,
            topics=base.topics[: count - drop],
            hidden_topics=tuple(topic.id for topic in base.topics[count - drop :]),
        )

    kept = _largest(0, count - 1, lambda keep: fits(dropped(count - keep)))
    # The footer grows as topics go, so "fits" is only nearly monotone: confirm, else drop more.
    keep = kept if kept is not None else 0
    while keep > 0 and not fits(dropped(count - keep)):
        keep -= 1
    result = dropped(count - keep)
    # Room left below the last topic kept goes back to the first topics, item by item.
    if keep:
        kept_summary = replace(summary, topics=summary.topics[:keep], hidden_topics=result.hidden_topics)

        def refilled(slots: int) -> Summary:
            return _capped(kept_summary, _caps_for(slots, keep))

        slots = _largest(keep + 1, keep * most, lambda n: fits(refilled(n)))
        if slots is not None:
            result = refilled(slots)
    if any(topic.hidden for topic in result.topics):
        actions.append(_shortened_action(result))
    if result.hidden_topics:
        actions.append(result.footer_note)
    if not fits(result):
        actions.append("the header alone is longer than one page; the page is overfull")
    return FittedSummary(result, tuple(actions))


def _shortened_action(summary: Summary) -> str:
    shortened = [topic for topic in summary.topics if topic.hidden]
    hidden = sum(topic.hidden for topic in shortened)
    most = max((topic.items for topic in shortened), default=0)
    return (
        f"shortened {len(shortened)} topic{'s' * (len(shortened) != 1)} to at most {most} "
        f"item{'s' * (most != 1)} each ({hidden} not shown, marked “{ELLIPSIS} N more — {RUN_HINT}”)"
    )
