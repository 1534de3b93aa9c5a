"""The sidebar: every topic, numbered for the number keys, its title wrapped to be read whole.

A Line-API `ScrollView` that paints only the visible rows, so a briefing of 10,000 topics costs
the same per frame as one of ten (an `OptionList` of that size cost ~40 ms per repaint here).
Titles wrap under their number while the briefing has at most `MANY_TOPICS` topics; a larger one
keeps one line per topic, so its layout is never computed for every title.

Two marks, neither by colour alone: the topic shown in the reading pane has a bar in the gutter
and is bold (`topic-list--current`); the keyboard cursor, while the list has focus, is reversed
(`topic-list--cursor`). Both read in every theme.
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from briefing.model import Briefing

#: Above this many topics the list drops its scrollbar (see the CSS), the border counts instead,
#: and each title takes one line.
MANY_TOPICS = 500
GUTTER = 1  # the current topic's bar


class TopicList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {
        "topic-list--current",
        "topic-list--current-bar",
        "topic-list--cursor",
        "topic-list--number",
        "topic-list--differences",
    }

    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False, id="topics.down", tooltip="Down the topic list"),
        Binding("up,k", "move(-1)", "Up", show=False, id="topics.up", tooltip="Up the topic list"),
        Binding("home", "move_to(0)", "First", show=False, id="topics.first", tooltip="The first topic in the list"),
        Binding("end", "move_to(-1)", "Last", show=False, id="topics.last", tooltip="The last topic in the list"),
        Binding("enter", "choose", "Open topic", id="topics.open", tooltip="Open the highlighted topic"),
    ]

    #: The keyboard cursor (a topic's position in the outline).
    highlighted: reactive[int] = reactive(0, init=False)

    class TopicChosen(Message):
        def __init__(self, topic_id: str) -> None:
            super().__init__()
            self.topic_id = topic_id

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: The topic shown in the reading pane (a position in the outline).
        self.current = 0
        self._take(briefing)

    def _take(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.topics = briefing.outline
        self.border_title = "Topics" if len(self.topics) <= MANY_TOPICS else f"Topics ({len(self.topics):,})"
        self.set_class(len(self.topics) > MANY_TOPICS, "-many")
        self._number_width = len(str(len(self.topics))) + 1
        #: Per laid-out line: (topic position, row within its title); per topic, its first line.
        self._lines: list[tuple[int, int]] = []
        self._first_line: list[int] = []
        self._strips: dict[int, list[Strip]] = {}
        self._laid_out_width = -1
        self._ensure_layout()

    @property
    def wraps(self) -> bool:
        return len(self.topics) <= MANY_TOPICS

    def show_briefing(self, briefing: Briefing, topic_id: str | None) -> None:
        """The briefing changed on disk: its outline now, the reader's topic still marked."""
        self._take(briefing)
        position = briefing.position(topic_id) if topic_id else None
        self.current = min(position or 0, max(len(self.topics) - 1, 0))
        self.set_reactive(TopicList.highlighted, self.current)
        self.refresh()

    # -- layout ------------------------------------------------------------------------------

    def _text_width(self, width: int) -> int:
        return max(width - GUTTER - self._number_width, 4)

    def _ensure_layout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._laid_out_width:
            return
        self._laid_out_width = width
        self._strips = {}
        if not self.wraps:
            self._lines, self._first_line = [], []
            self.virtual_size = Size(0, len(self.topics))
            return
        lines: list[tuple[int, int]] = []
        first_line: list[int] = []
        for position in range(len(self.topics)):
            first_line.append(len(lines))
            strips = self._title_strips(position)
            lines.extend((position, row) for row in range(len(strips)))
        self._lines, self._first_line = lines, first_line
        self.virtual_size = Size(0, len(lines))
        self.refresh()

    def _title_strips(self, position: int) -> list[Strip]:
        if position not in self._strips:
            topic = self.topics[position]
            differences = topic.difference_count
            title = Content.assemble(
                topic.title,
                Content.styled(f" {differences}≠", self.get_visual_style("topic-list--differences", partial=True))
                if differences
                else "",
            )
            height = None if self.wraps else 1
            strips = Visual.to_strips(self, title, self._text_width(self._laid_out_width), height, self.visual_style)
            self._strips[position] = strips or [Strip.blank(self._text_width(self._laid_out_width))]
        return self._strips[position]

    def _line_at(self, y: int) -> tuple[int, int] | None:
        if not self.wraps:
            return (y, 0) if 0 <= y < len(self.topics) else None
        return self._lines[y] if 0 <= y < len(self._lines) else None

    def _region_of(self, position: int) -> Region:
        if not self.wraps:
            return Region(0, position, 1, 1)
        first = self._first_line[position]
        return Region(0, first, 1, len(self._title_strips(position)))

    def on_resize(self) -> None:
        self._ensure_layout()

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        """Laid-out titles carry the old theme's colours: lay out afresh."""
        self._laid_out_width = -1
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- painting ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        self._ensure_layout()
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        found = self._line_at(scroll_y + y)
        if found is None:
            return Strip.blank(width, self.rich_style)
        position, row = found
        is_current = position == self.current
        number = f"{position + 1:>{self._number_width - 1}} " if row == 0 else " " * self._number_width
        bar = (
            Segment("▌", self.get_component_rich_style("topic-list--current-bar"))
            if is_current
            else Segment(" " * GUTTER)
        )
        body = self._title_strips(position)[row]
        strip = Strip.join(
            [
                Strip([bar], GUTTER),
                Strip([Segment(number, self.get_component_rich_style("topic-list--number"))], self._number_width),
                body,
            ]
        ).extend_cell_length(width)
        if is_current:
            strip = strip.apply_style(self.get_component_rich_style("topic-list--current"))
        if position == self.highlighted and self.has_focus:
            strip = strip.apply_style(self.get_component_rich_style("topic-list--cursor"))
        return strip.crop(scroll_x, scroll_x + width).apply_style(self.rich_style)

    def _refresh_topic(self, position: int) -> None:
        if 0 <= position < len(self.topics):
            region = self._region_of(position)
            self.refresh_lines(region.y - int(self.scroll_offset.y), region.height)

    def watch_highlighted(self, old: int, new: int) -> None:
        self._refresh_topic(old)
        self._refresh_topic(new)
        self._ensure_layout()
        if 0 <= new < len(self.topics) and self._laid_out_width > 0:
            self.scroll_to_region(self._region_of(new), animate=False, immediate=True, force=True)

    def select_topic(self, topic_id: str) -> None:
        """Mark the topic the reading pane shows (the cursor goes there too)."""
        position = self.briefing.position(topic_id)
        if position is not None:
            old, self.current = self.current, position
            self._refresh_topic(old)
            self._refresh_topic(position)
            self.highlighted = position

    def action_move(self, delta: int) -> None:
        self.highlighted = max(0, min(self.highlighted + delta, len(self.topics) - 1))

    def action_move_to(self, index: int) -> None:
        self.highlighted = index if index >= 0 else len(self.topics) - 1

    def action_choose(self) -> None:
        if self.topics:
            self.post_message(self.TopicChosen(self.topics[self.highlighted].id))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        found = self._line_at(offset.y + int(self.scroll_offset.y))
        if found is not None:
            self.highlighted = found[0]
            self.post_message(self.TopicChosen(self.topics[found[0]].id))
