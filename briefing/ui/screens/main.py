"""The reading screen: topic list, topic pane, source panel, and search over all of them."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Header

from briefing.history import History, Place
from briefing.hits import HitCursor
from briefing.model import Briefing, Severity
from briefing.ui.navigation import ChooseOutlet, GoToTopic, OpenOutlet
from briefing.ui.search_controller import SearchController
from briefing.ui.watchers import forget_removed_widgets
from briefing.ui.widgets.search_bar import SearchBar, SearchInput
from briefing.ui.widgets.search_results import SearchResults
from briefing.ui.widgets.source_panel import SourcePanel
from briefing.ui.widgets.topic_list import TopicList
from briefing.ui.widgets.topic_pane import TopicPane

if TYPE_CHECKING:  # the search package is imported with the index, after the first paint
    from briefing.search import Hit, SearchIndex

#: Seconds within which a second digit makes a two-digit topic number ("1" then "1": topic 11).
NUMBER_PAUSE = 0.8
#: The most topics the digit keys reach: 1-9, and 0 (or "1" "0") for the tenth.
DIGIT_TOPICS = 10
#: Characters of a copied claim the notice repeats before it cuts the rest to "…".
COPIED_SHOWN = 60
#: Seconds a notice stays: a warning, and a "copied" confirmation (read while looking away).
WARNING_SECONDS = 3
COPIED_SECONDS = 4


def _pane_id(topic_id: str) -> str:
    return f"pane-{topic_id}"


class MainScreen(Screen[None]):
    """Routes messages from the widgets; the widgets only show the model.

    Two screen classes say what the search is doing, and the stylesheet shows or hides the
    search bar, the results and the panes from them: `-searching` while the search box is open,
    `-marking` while a query is marked in the panes (n/N step through its hits).
    """

    #: Terminal widths (columns) at which the layout changes: one pane, two, three.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-medium"), (110, "-wide")]
    AUTO_FOCUS = "TopicPane"

    BINDINGS = [
        *(
            Binding(str(n), f"goto_number({n})", f"Topic {n}", show=False, id=f"topic.{n}", tooltip=f"Topic number {n}")
            for n in range(1, 10)
        ),
        Binding("0", "goto_number(0)", "Topic 10", show=False, id="topic.0", tooltip="Topic 10, or a ten"),
        Binding(
            "right,right_square_bracket",
            "step_topic(1)",
            "Next topic",
            show=False,
            id="topic.next",
            tooltip="Go to the next topic",
        ),
        Binding(
            "left,left_square_bracket",
            "step_topic(-1)",
            "Prev topic",
            show=False,
            id="topic.previous",
            tooltip="Go to the previous topic",
        ),
        Binding("slash,ctrl+f", "open_search", "Search", id="search.open", tooltip="Search everything as you type"),
        Binding("n,f3", "next_hit(1)", "Next hit", id="search.next_hit", tooltip="Jump to the next search hit"),
        Binding(
            "N",
            "next_hit(-1)",
            "Prev hit",
            show=False,
            id="search.previous_hit",
            tooltip="Jump to the previous search hit",
        ),
        Binding("o", "open_outlet", "Outlet", id="outlet.open", tooltip="Open the outlet behind this claim"),
        Binding("a", "app.all_outlets", "All outlets", show=False, id="outlet.all", tooltip="All outlets side by side"),
        Binding("b,alt+left", "back", "Back", id="history.back", tooltip="Back to where you were"),
        Binding("f,alt+right", "forward", "Forward", show=False, id="history.forward", tooltip="Forward again"),
        Binding(
            "t", "toggle_topics", "Topics", show=False, id="view.toggle_topics", tooltip="Show or hide the topic list"
        ),
        Binding(
            "s",
            "toggle_sources",
            "Sources",
            show=False,
            id="view.toggle_sources",
            tooltip="Show or hide the source panel",
        ),
        Binding("escape", "clear_search", "Clear search", show=False, id="search.clear", tooltip="Unmark the query"),
        Binding(
            "y", "copy_claim", "Copy", show=False, id="claim.copy", tooltip="Copy the claim with its outlets (to paste)"
        ),
        Binding(
            "Y", "copy_topic", "Copy topic", show=False, id="topic.copy", tooltip="Copy the whole topic as Markdown"
        ),
        Binding("number_sign", "app.figures", "Figures", id="view.figures", tooltip="Every figure, grouped"),
        Binding("quotation_mark", "app.quotes", "Quotes", show=False, id="view.quotes", tooltip="Every quotation"),
    ]

    #: The query marked in every pane, whose hits n/N step through ("" when none is).
    active_query: reactive[str] = reactive("", init=False)
    #: Whether the search box and its results are open (over the panes).
    searching: reactive[bool] = reactive(False, init=False)

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing
        self.history = History()
        self.search = SearchController(self)
        #: The number typed so far and when (see `action_goto_number`).
        self._number: tuple[int, float] = (0, 0.0)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        with Horizontal(id="body"):
            yield TopicList(self.briefing, id="sidebar")
            with Vertical(id="main"):
                yield SearchBar(id="search-bar")
                yield SearchResults(self.briefing, id="results")
                # The first topic is composed with the screen (not mounted after it), so the
                # first frame is complete and start-up pays for one layout, not several.
                first = self.briefing.topic_at(0)
                with ContentSwitcher(id="panes", initial=_pane_id(first.id) if first else None):
                    if first:
                        yield TopicPane(self.briefing, first, id=_pane_id(first.id))
            sources = SourcePanel(self.briefing, id="sources")
            sources.show_claim(first.claims[0] if first and first.claims else None)
            yield sources
        yield Footer()

    def on_mount(self) -> None:
        if self.briefing.outline:
            self.history.visit(Place(self.briefing.outline[0].id, 0))
        # The index is needed only once the reader searches: build it after the first paint.
        self.search.start()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Back, forward and the hit keys show dimmed in the footer while they cannot act."""
        if action == "back":
            return self.history.can_go_back or None
        if action == "forward":
            return self.history.can_go_forward or None
        if action == "next_hit":
            return bool(self.hits.hits) or None
        return True

    # -- topics and claims -------------------------------------------------------------------

    @property
    def panes(self) -> ContentSwitcher:
        return self.query_one("#panes", ContentSwitcher)

    @property
    def current_pane(self) -> TopicPane | None:
        current = self.panes.current
        return self.panes.get_child_by_id(current, TopicPane) if current else None

    def _mounted_pane(self, topic_id: str) -> TopicPane | None:
        found = self.panes.query(f"#{_pane_id(topic_id)}")
        return found.first(TopicPane) if found else None

    def show_topic(
        self, topic_id: str, claim_index: int = 0, *, claim_id: str | None = None, record: bool = True
    ) -> None:
        """Show a topic with the cursor on a claim, given by its place or (`claim_id`) its id.

        Panes are mounted on first visit only, so start-up costs one topic whatever the size of
        the briefing.
        """
        pane = self._mounted_pane(topic_id)
        topic = pane.topic if pane else self.briefing.topic(topic_id)
        if topic is None:
            return
        if claim_id is not None:
            claim_index = topic.claim_index(claim_id)
        if pane is None:
            pane = TopicPane(self.briefing, topic, cursor=claim_index, id=_pane_id(topic_id))
            self.panes.mount(pane)
            pane.show_matches(self.search.span_finder())
        else:
            pane.reveal(claim_index)  # a jump: the claim lands with context above it
        self.panes.current = pane.id
        self.query_one(TopicList).select_topic(topic_id)
        self.searching = False
        pane.focus()
        if record:
            self.history.visit(Place(topic_id, claim_index))
            self.refresh_bindings()

    async def show_briefing(self, briefing: Briefing) -> None:
        """The briefing changed on disk: show it with the reader kept in place.

        The open topic is shown again at the claim the reader was on (or the nearest one); a
        topic that is gone gives way to the one now at its place in the list. Other topics'
        panes are dropped and rebuilt from the new briefing when next visited. The search index
        is rebuilt, and the marked query and open results follow it.
        """
        pane = self.current_pane
        position = max(self._current_topic_index(), 0)
        self.briefing = briefing
        if pane is not None and self._broken_by_save(briefing, pane):
            await self._keep_stale(briefing, pane)
            return
        topic = briefing.topic(pane.topic.id) if pane else None
        if topic is None and briefing.outline:
            topic = briefing.topic(briefing.outline[min(position, len(briefing.outline) - 1)].id)
        cursor = topic.place_of(pane.current_claim, pane.cursor) if topic and pane and topic.id == pane.topic.id else 0
        had_focus = pane is not None and pane.has_focus
        self.panes.current = None  # no pane is current while the old ones go and the new one comes
        await self.panes.remove_children()
        claim = None
        if topic is not None:
            shown = TopicPane(briefing, topic, cursor=cursor, id=_pane_id(topic.id))
            await self.panes.mount(shown)
            shown.show_matches(self.search.span_finder())
            self.panes.current = shown.id
            self.history.update_current(Place(topic.id, shown.cursor))
            claim = shown.current_claim
            if had_focus or pane is None:
                shown.focus()
        self.query_one(TopicList).show_briefing(briefing, topic.id if topic else None)
        self.query_one(SourcePanel).show_briefing(briefing, claim)
        self.query_one(SearchResults).show_briefing(briefing)
        # The old panes (and the footer's old keys) are gone: let Textual's caches and watchers go of them.
        forget_removed_widgets(self.app, *self.query(Footer))
        self.search.build_index()

    @staticmethod
    def _broken_by_save(briefing: Briefing, pane: TopicPane) -> bool:
        """The shown topic is gone because its file now has an error (not because it was removed)."""
        return briefing.topic(pane.topic.id) is None and any(
            problem.path == pane.topic.path and problem.severity is Severity.ERROR for problem in briefing.problems
        )

    async def _keep_stale(self, briefing: Briefing, pane: TopicPane) -> None:
        """A save broke the shown topic's file: keep its last good version on screen, marked
        stale, until the file is fixed (the next good save shows the new version as usual)."""
        pane.add_class("-stale")
        pane.border_subtitle = Content("stale: its file has an error since the last save · ! to see it")
        for other in list(self.panes.query(TopicPane)):
            if other is not pane:
                await other.remove()
        self.query_one(TopicList).show_briefing(briefing, None)
        self.query_one(SourcePanel).show_briefing(briefing, pane.current_claim)
        self.query_one(SearchResults).show_briefing(briefing)
        forget_removed_widgets(self.app, *self.query(Footer))
        self.search.build_index()

    @on(GoToTopic)
    def _go_to_topic(self, message: GoToTopic) -> None:
        message.stop()  # handled here: the app routes only what comes from other screens
        self.show_topic(message.topic_id, claim_id=message.claim_id)

    def on_topic_pane_cursor_moved(self, message: TopicPane.CursorMoved) -> None:
        if message.pane is self.current_pane:
            self.query_one(SourcePanel).show_claim(message.claim)
            self.history.update_current(Place(message.pane.topic.id, message.pane.cursor))

    def on_topic_list_topic_chosen(self, message: TopicList.TopicChosen) -> None:
        self.show_topic(message.topic_id)

    def _current_topic_index(self) -> int:
        pane = self.current_pane
        if pane is None:
            return -1
        position = self.briefing.position(pane.topic.id)
        return -1 if position is None else position

    def action_goto_number(self, digit: int) -> None:
        """A topic by its number, at once: "4" shows topic 4. A digit typed within
        `NUMBER_PAUSE` of another makes a two-digit number when that topic exists ("1", "1": topic
        11, which replaces topic 1 in the history). "0" alone is topic 10, as on a keyboard's row."""
        typed, at = self._number
        now = time.monotonic()
        count = len(self.briefing.outline)
        composed = typed * 10 + digit  # decimal: "1" then "1" is 11
        if typed and now - at < NUMBER_PAUSE and composed <= count:
            self._number = (composed, now)
            self.show_topic(self.briefing.outline[composed - 1].id, record=False)
            self.history.update_current(Place(self.briefing.outline[composed - 1].id, 0))
            return
        number = digit or DIGIT_TOPICS
        self._number = (number, now)
        if number <= count:
            self.show_topic(self.briefing.outline[number - 1].id)
        else:
            self.app.bell()

    def action_step_topic(self, delta: int) -> None:
        outline = self.briefing.outline
        if outline:
            index = (self._current_topic_index() + delta) % len(outline)
            self.show_topic(outline[index].id)

    def action_back(self) -> None:
        self._go(self.history.back())

    def action_forward(self) -> None:
        self._go(self.history.forward())

    def _go(self, place: Place | None) -> None:
        if place is not None:
            self.show_topic(place.topic_id, place.claim_index, record=False)
        self.refresh_bindings()

    # -- panels ------------------------------------------------------------------------------

    def action_toggle_topics(self) -> None:
        self._toggle(self.query_one("#sidebar"), "topics")

    def action_toggle_sources(self) -> None:
        self._toggle(self.query_one("#sources"), "sources")

    def _toggle(self, widget: Widget, name: str) -> None:
        """Flip what is shown now; the classes override the width-based defaults in the CSS."""
        visible = widget.display
        self.set_class(visible, f"-hide-{name}")
        self.set_class(not visible, f"-show-{name}")
        if visible and widget.has_focus_within:
            pane = self.current_pane
            if pane is not None:
                pane.focus()

    def _sources_follow_result(self) -> None:
        """While searching, the source panel shows the outlets of the highlighted result."""
        results = self.query_one(SearchResults)
        if not results.hits:
            return
        hit = results.hits[min(results.cursor, len(results.hits) - 1)]
        source_ids = hit.source_ids or ((hit.source_id,) if hit.source_id else ())
        if source_ids:
            heading = "The outlet found" if hit.kind == "source" else "Reported by (highlighted result)"
            self.query_one(SourcePanel).show_outlets(source_ids, heading)

    # -- outlets -----------------------------------------------------------------------------

    def action_open_outlet(self) -> None:
        pane = self.current_pane
        claim = pane.current_claim if pane else None
        if claim is None or not claim.source_ids:
            self.app.bell()
        elif len(claim.source_ids) == 1:
            self.post_message(OpenOutlet(claim.source_ids[0]))
        else:
            self.post_message(ChooseOutlet(claim.source_ids))

    # -- copying ---------------------------------------------------------------------------

    def action_copy_claim(self) -> None:
        """The claim under the cursor with its outlets, as plain text, to the clipboard (OSC 52)."""
        from briefing.meeting.citation import claim_citation

        pane = self.current_pane
        claim = pane.current_claim if pane else None
        if claim is None:
            self.app.bell()
            self.notify("No claim here to copy.", severity="warning", timeout=WARNING_SECONDS, markup=False)
            return
        text = claim_citation(claim, self.briefing.sources_by_id)
        self.app.copy_to_clipboard(text)
        from briefing.summary.build import truncate_cells  # the handout's own cut, loaded on use

        shown = truncate_cells(text, COPIED_SHOWN)  # cells, not characters: CJK and emoji are two wide
        self.notify(f"Copied with its outlets: {shown}", timeout=COPIED_SECONDS, markup=False)

    def action_copy_topic(self) -> None:
        """The whole topic as Markdown, with its outlets, to the clipboard."""
        from briefing.meeting.citation import topic_markdown

        pane = self.current_pane
        if pane is None:
            self.app.bell()
            return
        self.app.copy_to_clipboard(topic_markdown(pane.topic, self.briefing.sources_by_id))
        self.notify(f"Copied “{pane.topic.title}” as Markdown, with its outlets", timeout=COPIED_SECONDS, markup=False)

    # -- search: the box, its results, the marked query and n/N (in `SearchController`) ------

    @property
    def index(self) -> SearchIndex | None:
        """The search index, once built (after the first paint, and again after each save)."""
        return self.search.index

    @property
    def hits(self) -> HitCursor[Hit]:
        """The marked query's hits, and where the reader is among them."""
        return self.search.hits

    def watch_searching(self, searching: bool) -> None:
        self.set_class(searching, "-searching")

    def watch_active_query(self, query: str) -> None:
        self.set_class(bool(query), "-marking")
        self.search.mark_panes()
        self.refresh_bindings()

    def action_open_search(self) -> None:
        self.search.open()

    @on(SearchInput.Changed)
    def _query_changed(self, event: SearchInput.Changed) -> None:
        self.search.run(event.value)
        self._sources_follow_result()

    @on(SearchInput.MoveResults)
    def _move_results(self, message: SearchInput.MoveResults) -> None:
        self.search.move_results(message.delta)
        self._sources_follow_result()

    @on(SearchInput.Submitted)
    def _submitted(self) -> None:
        self.search.submit()

    @on(SearchResults.Chosen)
    def _chosen(self, message: SearchResults.Chosen) -> None:
        self.search.choose(message.index)

    @on(SearchInput.Closed)
    def _search_closed(self) -> None:
        self.search.close()
        if self.current_pane:  # the panel follows the claim again, not the last result
            self.query_one(SourcePanel).show_claim(self.current_pane.current_claim)

    def action_next_hit(self, delta: int) -> None:
        self.search.step(delta)

    def action_clear_search(self) -> None:
        self.search.clear()
