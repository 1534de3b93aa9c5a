"""One topic: its summary, its claims with outlet badges, and "Where reports differ" set apart."""

from __future__ import annotations

from typing import Callable, Sequence

from textual import events
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from briefing.model import OVERVIEW_ID, Briefing, Claim, Topic
from briefing.ui.render import claim_content

SpanFinder = Callable[[str], Sequence[tuple[int, int]]]


class ClaimView(Static):
    """A claim the reader can put the cursor on (keys) or click (mouse)."""

    class Clicked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, briefing: Briefing, claim: Claim, index: int) -> None:
        super().__init__(claim_content(briefing, claim), classes="claim")
        self.briefing = briefing
        self.claim = claim
        self.index = index

    def show_matches(self, find_spans: SpanFinder | None) -> None:
        spans = find_spans(self.claim.text) if find_spans else ()
        self.update(claim_content(self.briefing, self.claim, spans))

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.Clicked(self.index))


class TopicPane(VerticalScroll):
    """A scrollable topic with a claim cursor; the cursor drives the source panel."""

    BINDINGS = [
        Binding("down,j", "cursor(1)", "Next claim", show=False, id="claim.next", tooltip="Move to the next claim"),
        Binding("up,k", "cursor(-1)", "Previous claim", show=False, id="claim.previous", tooltip="Move to the previous claim"),
        Binding("home,g", "cursor_to(0)", "First claim", show=False, id="claim.first"),
        Binding("end,G", "cursor_to(-1)", "Last claim", show=False, id="claim.last"),
        Binding("pagedown", "cursor(5)", "Page down", show=False, id="claim.page_down"),
        Binding("pageup", "cursor(-5)", "Page up", show=False, id="claim.page_up"),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    class CursorMoved(Message):
        def __init__(self, pane: "TopicPane", claim: Claim | None) -> None:
            super().__init__()
            self.pane = pane
            self.claim = claim

    def __init__(self, briefing: Briefing, topic: Topic, *, cursor: int = 0, id: str | None = None) -> None:
        super().__init__(id=id, classes="topic-pane")
        self.can_focus = True
        self.briefing = briefing
        self.topic = topic
        self.claims = topic.claims
        self._views: list[ClaimView] = []
        self._find_spans: SpanFinder | None = None
        self.set_reactive(TopicPane.cursor, max(0, min(cursor, len(self.claims) - 1)))

    def compose(self):
        topic = self.topic
        yield Static(Content.styled(topic.title, "bold"), classes="topic-title")
        if topic.summary and topic.id == OVERVIEW_ID:
            bottom_line = Static(Content(topic.summary), classes="bottom-line")
            bottom_line.border_title = "Bottom line"
            yield bottom_line
        elif topic.summary:
            yield Static(Content(topic.summary), classes="topic-summary")
        index = 0
        for section in topic.sections:
            views = [ClaimView(self.briefing, claim, index + n) for n, claim in enumerate(section.claims)]
            if self._find_spans:
                for view in views:
                    view.show_matches(self._find_spans)
            index += len(views)
            self._views.extend(views)
            if section.is_differences:
                box = Vertical(*views, classes="differences")
                box.border_title = Content(section.title)
                yield box
            else:
                if section.title:
                    yield Static(Content(section.title), classes="section-title")
                yield from views
        if not self.claims:
            yield Static(Content("This topic has no claims yet."), classes="empty")

    def on_mount(self) -> None:
        if self._views:
            self._views[self.cursor].add_class("-cursor")
            self.call_after_refresh(self._scroll_to_cursor)
        self.post_message(self.CursorMoved(self, self.current_claim))

    def _scroll_to_cursor(self) -> None:
        if not self._views:
            return
        if self.cursor == 0:
            self.scroll_home(animate=False)  # keep the title and summary in view
        else:
            self.scroll_to_widget(self._views[self.cursor], animate=False)

    @property
    def current_claim(self) -> Claim | None:
        return self.claims[self.cursor] if self.claims else None

    def watch_cursor(self, old: int, new: int) -> None:
        if not self._views:
            return
        self._views[old].remove_class("-cursor")
        view = self._views[new]
        view.add_class("-cursor")
        self._scroll_to_cursor()
        self.post_message(self.CursorMoved(self, self.current_claim))

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
        spans = find_spans(self.claim.text) if find_spans else ()
        self.update(claim_content(self.briefing, self.claim, spans))

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.Clicked(self.index))


class TopicPane(VerticalScroll):
    """A scrollable topic with a claim cursor; the cursor drives the source panel."""

    BINDINGS = [
        Binding("down,j", "cursor(1)", "Next claim", show=False, id="claim.next", tooltip="Move to the next claim"),
        Binding("up,k", "cursor(-1)", "Previous claim", show=False, id="claim.previous", tooltip="Move to the previous claim"),
        Binding("home,g", "cursor_to(0)", "First claim", show=False, id="claim.first"),
        Binding("end,G", "cursor_to(-1)", "Last claim", show=False, id="claim.last"),
        Binding("pagedown", "cursor(5)", "Page down", show=False, id="claim.page_down"),
        Binding("pageup", "cursor(-5)", "Page up", show=False, id="claim.page_up"),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    class CursorMoved(Message):
        def __init__(self, pane: "TopicPane", claim: Claim | None) -> None:
            super().__init__()
            self.pane = pane
            self.claim = claim

    def __init__(self, briefing: Briefing, topic: Topic, *, cursor: int = 0, id: str | None = None) -> None:
        super().__init__(id=id, classes="topic-pane")
        self.can_focus = True
        self.briefing = briefing
        self.topic = topic
        self.claims = topic.claims
        self._views: list[ClaimView] = []
        self._find_spans: SpanFinder | None = None
        self.set_reactive(TopicPane.cursor, max(0, min(cursor, len(self.claims) - 1)))

    def compose(self):
        topic = self.topic
        yield Static(Content.styled(topic.title, "bold"), classes="topic-title")
        if topic.summary and topic.id == OVERVIEW_ID:
            bottom_line = Static(Content(topic.summary), classes="bottom-line")
            bottom_line.border_title = "Bottom line"
            yield bottom_line
        elif topic.summary:
            yield Static(Content(topic.summary), classes="topic-summary")
        index = 0
        for section in topic.sections:
            views = [ClaimView(self.briefing, claim, index + n) for n, claim in enumerate(section.claims)]
            if self._find_spans:
                for view in views:
                    view.show_matches(self._find_spans)
            index += len(views)
            self._views.extend(views)
            if section.is_differences:
                box = Vertical(*views, classes="differences")
                box.border_title = Content(section.title)
                yield box
            else:
                if section.title:
                    yield Static(Content(section.title), classes="section-title")
                yield from views
        if not self.claims:
            yield Static(Content("This topic has no claims yet."), classes="empty")

    def on_mount(self) -> None:
        if self._views:
            self._views[self.cursor].add_class("-cursor")
            self.call_after_refresh(self._scroll_to_cursor)
        self.post_message(self.CursorMoved(self, self.current_claim))

    def _scroll_to_cursor(self) -> None:
        if not self._views:
            return
        if self.cursor == 0:
            self.scroll_home(animate=False)  # keep the title and summary in view
        else:
            self.scroll_to_widget(self._views[self.cursor], animate=False)

    @property
    def current_claim(self) -> Claim | None:
        return self.claims[self.cursor] if self.claims else None

    def watch_cursor(self, old: int, new: int) -> None:
        if not self._views:
            return
        self._views[old].remove_class("-cursor")
        view = self._views[new]
        view.add_class("-cursor")
        self._scroll_to_cursor()
        self.post_message(self.CursorMoved(self, self.current_claim))

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

    def index_of(self, claim_id: str) -> int | None:
        for index, claim in enumerate(self.claims):
            if claim.id == claim_id:
                return index
        return None

    def show_matches(self, find_spans: SpanFinder | None) -> None:
        """Highlight the query's matches in every claim (or clear them with None)."""
        if find_spans is None and self._find_spans is None:
            return
        self._find_spans = find_spans
        for view in self._views:
            view.show_matches(find_spans)

    def on_claim_view_clicked(self, message: ClaimView.Clicked) -> None:
        self.focus()
        self.move_to(message.index)
