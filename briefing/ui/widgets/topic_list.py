"""The sidebar: every topic on one line, numbered for the 1–9 keys.

A Line-API `ScrollView` that paints only the visible rows, so a briefing of 10,000 topics costs
the same per frame as one of ten (an `OptionList` of that size cost ~40 ms per repaint here).
"""

from __future__ import annotations

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

#: Above this many topics the list drops its scrollbar (see the CSS) and the border counts instead.
MANY_TOPICS = 500


class TopicList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"topic-list--highlight", "topic-list--number", "topic-list--differences"}

    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False, id="topics.down", tooltip="Down the topic list"),
        Binding("up,k", "move(-1)", "Up", show=False, id="topics.up", tooltip="Up the topic list"),
        Binding("home", "move_to(0)", "First", show=False, id="topics.first", tooltip="The first topic in the list"),
        Binding("end", "move_to(-1)", "Last", show=False, id="topics.last", tooltip="The last topic in the list"),
        Binding("enter", "choose", "Open topic", id="topics.open", tooltip="Open the highlighted topic"),
    ]

    highlighted: reactive[int] = reactive(0, init=False)

    class TopicChosen(Message):
        def __init__(self, topic_id: str) -> None:
            super().__init__()
            self.topic_id = topic_id

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._take(briefing)

    def _take(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.topics = briefing.outline
        self.border_title = "Topics" if len(self.topics) <= MANY_TOPICS else f"Topics ({len(self.topics):,})"
        self.virtual_size = Size(0, len(self.topics))
        self.set_class(len(self.topics) > MANY_TOPICS, "-many")

    def show_briefing(self, briefing: Briefing, topic_id: str | None) -> None:
        """The briefing changed on disk: its outline now, the reader's topic still highlighted."""
        self._take(briefing)
        position = briefing.position(topic_id) if topic_id else None
        self.set_reactive(TopicList.highlighted, min(position or 0, max(len(self.topics) - 1, 0)))
        self.refresh()

    def _row(self, index: int) -> Content:
        topic = self.topics[index]
        number = f"{index + 1:>2} " if index < 9 else "   "
        differences = topic.difference_count
        return Content.assemble(
            Content.styled(number, self.get_visual_style("topic-list--number", partial=True)),
            topic.title,
            Content.styled(f" {differences}≠", self.get_visual_style("topic-list--differences", partial=True))
            if differences
            else "",
        )

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        if index >= len(self.topics):
            return Strip.blank(width, self.rich_style)
        strips = Visual.to_strips(self, self._row(index), width, 1, self.visual_style, pad=True)
        strip = strips[0] if strips else Strip.blank(width)
        if index == self.highlighted:
            strip = strip.apply_style(self.get_component_rich_style("topic-list--highlight"))
        return strip.crop(scroll_x, scroll_x + width).apply_style(self.rich_style)

    def watch_highlighted(self, old: int, new: int) -> None:
        scroll_y = int(self.scroll_offset.y)
        self.refresh_lines(old - scroll_y)
        self.refresh_lines(new - scroll_y)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, immediate=True, force=True)

    def select_topic(self, topic_id: str) -> None:
        position = self.briefing.position(topic_id)
        if position is not None:
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
        index = offset.y + int(self.scroll_offset.y)
        if 0 <= index < len(self.topics):
            self.highlighted = index
            self.post_message(self.TopicChosen(self.topics[index].id))
