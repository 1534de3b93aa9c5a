"""One topic: its summary, its claims with outlet badges, and "Where reports differ" set apart.

A Line-API `ScrollView`: the topic is laid out once per width into strips, and only the visible
lines are painted. One widget per topic instead of one per claim keeps start-up and topic
switches cheap (each mounted widget costs style work), whatever the size of the topic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from briefing.model import OVERVIEW_ID, Briefing, Claim, Topic
from briefing.ui.render import claim_content

SpanFinder = Callable[[str], Sequence[tuple[int, int]]]
GUTTER = 2  # cells left of every line: the cursor bar or the differences rule
#: Lines kept above a claim a jump lands on (a search hit, n/N, a figure), as less and vim do.
CONTEXT_LINES = 3


@dataclass(frozen=True)
class _Line:
    strip: Strip
    claim: int | None = None  # index into topic.claims, for cursor, clicks and scrolling
    rule: str = ""  # "" | "difference" | "bottom-line": what the gutter shows
    row: int = 0  # line number within its claim
    heading: bool = False  # a section's title ("Where reports differ", "Bottom line"…)


class TopicPane(ScrollView, can_focus=True):
    """A scrollable topic with a claim cursor; the cursor drives the source panel."""

    COMPONENT_CLASSES = {
        "topic-pane--title",
        "topic-pane--summary",
        "topic-pane--section",
        "topic-pane--differences",
        "topic-pane--cursor",
        "topic-pane--cursor-bar",
        "topic-pane--rule",
        "topic-pane--bottom-rule",
        "topic-pane--match",
    }

    BINDINGS = [
        Binding("down,j", "cursor(1)", "Next claim", show=False, id="claim.next", tooltip="Move to the next claim"),
        Binding(
            "up,k",
            "cursor(-1)",
            "Previous claim",
            show=False,
            id="claim.previous",
            tooltip="Move to the previous claim",
        ),
        Binding(
            "home,g", "cursor_to(0)", "First claim", show=False, id="claim.first", tooltip="The topic's first claim"
        ),
        Binding("end,G", "cursor_to(-1)", "Last claim", show=False, id="claim.last", tooltip="The topic's last claim"),
        Binding("pagedown,space", "cursor(5)", "Page down", show=False, id="claim.page_down", tooltip="Five claims on"),
        Binding("pageup", "cursor(-5)", "Page up", show=False, id="claim.page_up", tooltip="Five claims back"),
        Binding(
            "enter",
            "screen.open_outlet",
            "Open outlet",
            show=False,
            id="claim.open_outlet",
            tooltip="Open the outlet behind this claim",
        ),
        # A ScrollView would scroll sideways on ←/→; here they mean "another topic". The ids are
        # the screen's, so a keymap that rebinds "next topic" rebinds these too.
        Binding("right", "screen.step_topic(1)", "Next topic", show=False, id="topic.next"),
        Binding("left", "screen.step_topic(-1)", "Prev topic", show=False, id="topic.previous"),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    class CursorMoved(Message):
        def __init__(self, pane: TopicPane, claim: Claim | None) -> None:
            super().__init__()
            self.pane = pane
            self.claim = claim

    def __init__(self, briefing: Briefing, topic: Topic, *, cursor: int = 0, id: str | None = None) -> None:
        super().__init__(id=id, classes="topic-pane")
        self.briefing = briefing
        self.topic = topic
        self.claims = topic.claims
        self._find_spans: SpanFinder | None = None
        self._lines: list[_Line] = []
        self._claim_rows: dict[int, tuple[int, int]] = {}
        self._laid_out_width = -1
        self._claim_content: dict[int, Content] = {}
        self._cursor_cache: tuple[tuple[int, bool], list[Strip]] | None = None
        self._line_cache: dict[tuple[int, bool, bool], Strip] = {}
        #: Whether the next scroll to the cursor keeps context above it (see `reveal`).
        self._reveal_pending = True
        self.set_reactive(TopicPane.cursor, max(0, min(cursor, len(self.claims) - 1)))
        # The border names the topic shown, with its number key, even when its title is scrolled away.
        position = briefing.position(topic.id)
        self.border_title = Content(f"{position + 1} {topic.title}" if position is not None else topic.title)

    # -- layout ------------------------------------------------------------------------------

    def _blocks(self):
        """(content, claim index, gutter rule, component class, blank line after) per block."""
        topic = self.topic
        yield Content(topic.title), None, "", "topic-pane--title", True
        if topic.summary and topic.id == OVERVIEW_ID:
            yield Content("Bottom line"), None, "bottom-line", "topic-pane--section", False
            yield Content(topic.summary), None, "bottom-line", "", True
        elif topic.summary:
            yield Content(topic.summary), None, "", "topic-pane--summary", True
        find_spans = self._find_spans
        match_style = self._match_style() if find_spans else None
        index = 0
        for section in topic.sections:
            rule = "difference" if section.is_differences else ""
            if section.is_differences:
                title = f"{section.title} ({len(section.claims)})"
                yield Content(title), None, rule, "topic-pane--differences", False
            elif section.title:
                yield Content(section.title), None, "", "topic-pane--section", False
            for claim in section.claims:
                if find_spans and match_style:
                    content = claim_content(self.briefing, claim, find_spans(claim.text), match_style)
                else:
                    content = claim_content(self.briefing, claim)
                yield content, index, rule, "", True
                index += 1
        if not self.claims:
            yield Content("This topic has no claims yet."), None, "", "topic-pane--summary", True

    def _match_style(self) -> Style:
        """The `topic-pane--match` rule as a style. The visual style keeps colours and bold but
        not `reverse`; the rule's text style has it."""
        rule = self.get_component_styles("topic-pane--match").text_style
        return self.get_visual_style("topic-pane--match", partial=True) + Style.from_rich_style(rule)

    def _layout(self, width: int) -> None:
        text_width = max(width - GUTTER - 1, 4)
        base = self.visual_style
        lines: list[_Line] = []
        rows: dict[int, tuple[int, int]] = {}
        self._claim_content = {}
        self._cursor_cache = None
        self._line_cache = {}
        blank = Strip.blank(text_width)
        for block, claim_index, rule, component, gap in self._blocks():
            content = block.stylize_before(self.get_visual_style(component, partial=True)) if component else block
            first = len(lines)
            strips = Visual.to_strips(self, content, text_width, None, base) or [blank]
            heading = claim_index is None and component in ("topic-pane--section", "topic-pane--differences")
            lines.extend(_Line(strip, claim_index, rule, row, heading) for row, strip in enumerate(strips))
            if claim_index is not None:
                rows[claim_index] = (first, len(lines) - 1)
                self._claim_content[claim_index] = content
            if gap:
                # Inside "Where reports differ" the rule runs on through the gaps.
                lines.append(_Line(blank, None, rule if rule == "difference" else ""))
        self._lines, self._claim_rows = lines, rows
        self._laid_out_width = width
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def _ensure_layout(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._laid_out_width and width > 0:
            self._layout(width)

    def _theme_changed(self) -> None:
        """Rendered lines carry the old theme's colours: lay out afresh."""
        self._laid_out_width = -1
        self.refresh()

    def on_resize(self) -> None:
        self._ensure_layout()
        self._scroll_to_cursor()

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self.call_after_refresh(self._scroll_to_cursor)
        self.post_message(self.CursorMoved(self, self.current_claim))

    # -- painting ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        self._ensure_layout()
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[index]
        on_cursor = line.claim is not None and line.claim == self.cursor and bool(self.claims)
        key = (index, on_cursor, self.has_focus)
        if key not in self._line_cache:
            self._line_cache[key] = self._render_row(line, on_cursor, width)
        return self._line_cache[key].crop(scroll_x, scroll_x + width)

    def _render_row(self, line: _Line, on_cursor: bool, width: int) -> Strip:
        if on_cursor:
            gutter = Segment("▌ ", self.get_component_rich_style("topic-pane--cursor-bar"))
        elif line.rule == "difference":
            gutter = Segment("┃ ", self.get_component_rich_style("topic-pane--rule"))
        elif line.rule:
            gutter = Segment("┃ ", self.get_component_rich_style("topic-pane--bottom-rule"))
        else:
            gutter = Segment("  ")
        body = self._cursor_strips(line.claim)[line.row] if on_cursor and line.claim is not None else line.strip
        strip = Strip.join([Strip([gutter], GUTTER), body])
        if on_cursor:
            strip = strip.extend_cell_length(width, self.get_component_rich_style("topic-pane--cursor"))
        return strip.apply_style(self.rich_style)

    def _cursor_strips(self, claim_index: int) -> list[Strip]:
        """The cursor claim, rendered again on the cursor background (cached per claim/focus)."""
        key = (claim_index, self.has_focus)
        if self._cursor_cache is None or self._cursor_cache[0] != key:
            style = self.visual_style + self.get_visual_style("topic-pane--cursor")
            width = max(self._laid_out_width - GUTTER - 1, 4)
            strips = Visual.to_strips(self, self._claim_content[claim_index], width, None, style, pad=True)
            self._cursor_cache = (key, strips)
        return self._cursor_cache[1]

    def line_of_claim(self, claim_index: int) -> int:
        """The first laid-out line of a claim (for scrolling and for tests that click it)."""
        self._ensure_layout()
        return self._claim_rows[claim_index][0]

    def claim_lines(self, claim_index: int) -> tuple[int, int]:
        """The first and last laid-out lines of a claim."""
        self._ensure_layout()
        return self._claim_rows[claim_index]

    def heading_line(self, claim_index: int) -> int | None:
        """The line of the section heading a claim sits under, if any."""
        first = self.claim_lines(claim_index)[0]
        return next((y for y in range(first - 1, -1, -1) if self._lines[y].heading), None)

    def rendered_text(self) -> str:
        """The laid-out topic as plain text (what the reader sees, scrolled or not)."""
        self._ensure_layout()
        return "\n".join(line.strip.text.rstrip() for line in self._lines)

    def marked_lines(self) -> int:
        """How many lines carry a search mark (reversed, as the stylesheet has it: visible
        without colour)."""
        self._ensure_layout()
        return sum(
            any(segment.style is not None and segment.style.reverse for segment in line.strip) for line in self._lines
        )

    # -- cursor ------------------------------------------------------------------------------

    @property
    def current_claim(self) -> Claim | None:
        return self.claims[self.cursor] if self.claims else None

    def watch_cursor(self, old: int, new: int) -> None:
        for claim_index in (old, new):
            if claim_index in self._claim_rows:
                first, last = self._claim_rows[claim_index]
                self.refresh_lines(first - int(self.scroll_offset.y), last - first + 1)
        self._scroll_to_cursor()
        self.post_message(self.CursorMoved(self, self.current_claim))

    def _scroll_to_cursor(self) -> None:
        if not self.claims:
            return
        self._ensure_layout()
        if self.cursor == 0:
            self._reveal_pending = False
            self.scroll_home(animate=False, immediate=True)  # keep the title and summary in view
            return
        first, last = self._claim_rows.get(self.cursor, (0, 0))
        if self._reveal_pending and self.scrollable_content_region.height > 0:
            self._reveal_pending = False
            self.scroll_to(y=self._context_top(first, last), animate=False, immediate=True, force=True)
            return
        self.scroll_to_region(Region(0, first, 1, last - first + 1), animate=False, immediate=True, force=True)

    def _context_top(self, first: int, last: int) -> int:
        """The top line that shows claim lines `first`…`last` with context: from the topic's
        title if all of it fits, else from its section's heading, else a few lines above it."""
        height = self.scrollable_content_region.height
        if last < height:
            return 0
        heading = self.heading_line(self.cursor)
        if heading is not None and last - heading < height:
            return heading
        # A claim taller than the pane starts at its top; else a few lines of what comes before.
        return max(0, first - min(CONTEXT_LINES, max(height - (last - first + 1), 0)))

    def reveal(self, claim_index: int) -> None:
        """Put the cursor on a claim a jump lands on (a search hit, n/N, a figure or a quote)
        and show it with context above it, as less and vim do, rather than on the pane's edge."""
        self._reveal_pending = True
        self.move_to(claim_index)

    def move_to(self, index: int) -> None:
        """Put the cursor on claim `index`; always announces it, even when it did not move."""
        if not self.claims:
            return
        index = max(0, min(index, len(self.claims) - 1))
        if index == self.cursor:
            self._scroll_to_cursor()
            self.post_message(self.CursorMoved(self, self.current_claim))
        else:
            self.cursor = index

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_cursor_to(self, index: int) -> None:
        self.move_to(index if index >= 0 else len(self.claims) - 1)

    def show_matches(self, find_spans: SpanFinder | None) -> None:
        """Mark the query's matches in every claim (or clear them with None)."""
        if find_spans is None and self._find_spans is None:
            return
        self._find_spans = find_spans
        if self._laid_out_width > 0:
            self._layout(self._laid_out_width)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        self.focus()
        index = offset.y + int(self.scroll_offset.y)
        claim = self._lines[index].claim if 0 <= index < len(self._lines) else None
        if claim is not None:
            self.move_to(claim)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
