"""The reading screen: topic list, topic pane, source panel, and search over all of them."""

from __future__ import annotations

import gc

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header

from briefing.history import History, Place
from briefing.model import Briefing, Claim
from briefing.ui.widgets.search_bar import SearchBar, SearchInput
from briefing.ui.widgets.search_results import SearchResults
from briefing.ui.widgets.source_panel import SourcePanel
from briefing.ui.widgets.topic_list import TopicList
from briefing.ui.widgets.topic_pane import TopicPane

RESULT_LIMIT = 50
INDEX_DELAY = 0.25  # seconds after mount


def _pane_id(topic_id: str) -> str:
    return f"pane-{topic_id}"


class MainScreen(Screen):
    """Routes messages from the widgets; the widgets only show the model."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-medium"), (110, "-wide")]
    AUTO_FOCUS = "TopicPane"

    BINDINGS = [
        *(Binding(str(n), f"goto_number({n})", f"Topic {n}", show=False, id=f"topic.{n}") for n in range(1, 10)),
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
        Binding("N,shift+f3", "next_hit(-1)", "Prev hit", show=False, id="search.previous_hit"),
        Binding("o", "open_outlet", "Outlet", id="outlet.open", tooltip="Open the outlet behind this claim"),
        Binding("a", "all_outlets", "All outlets", show=False, id="outlet.all", tooltip="All outlets side by side"),
        Binding("b,alt+left", "back", "Back", id="history.back", tooltip="Back to where you were"),
        Binding("f,alt+right", "forward", "Forward", show=False, id="history.forward"),
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
        Binding("escape", "clear_search", "Clear search", show=False, id="search.clear"),
    ]

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing
        self.history = History()
        self.index = None  # built in a worker after the first paint
        self.hits: list = []
        self.hit_position: int | None = None
        self.active_query = ""

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
        self.set_timer(INDEX_DELAY, self.build_index)

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

    def show_topic(self, topic_id: str, claim_index: int = 0, *, record: bool = True) -> None:
        """Show a topic with the cursor on a claim. Panes are mounted on first visit only, so
        start-up costs one topic whatever the size of the briefing."""
        pane = self._mounted_pane(topic_id)
        if pane is None:
            topic = self.briefing.topic(topic_id)
            if topic is None:
                return
            pane = TopicPane(self.briefing, topic, cursor=claim_index, id=_pane_id(topic_id))
            self.panes.mount(pane)
            if self.active_query and self.index is not None:
                pane.show_matches(self._span_finder())
        else:
            pane.move_to(claim_index)
        self.panes.current = pane.id
        self.query_one(TopicList).select_topic(topic_id)
        self._close_results()
        pane.focus()
        if record:
            self.history.visit(Place(topic_id, claim_index))

    def claim_index(self, topic_id: str, claim_id: str | None) -> int:
        topic = self.briefing.topic(topic_id)
        if topic is None or claim_id is None:
            return 0
        return next((i for i, claim in enumerate(topic.claims) if claim.id == claim_id), 0)

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

    def action_goto_number(self, number: int) -> None:
        if number <= len(self.briefing.outline):
            self.show_topic(self.briefing.outline[number - 1].id)

    def action_step_topic(self, delta: int) -> None:
        outline = self.briefing.outline
        if outline:
            index = (self._current_topic_index() + delta) % len(outline)
            self.show_topic(outline[index].id)

    def action_back(self) -> None:
        self._go(self.history.back(), "Nothing to go back to")

    def action_forward(self) -> None:
        self._go(self.history.forward(), "Nothing to go forward to")

    def _go(self, place: Place | None, nothing: str) -> None:
        if place is None:
            self.app.bell()
            self.notify(nothing, timeout=2, markup=False)
            return
        self.show_topic(place.topic_id, place.claim_index, record=False)

    # -- panels ------------------------------------------------------------------------------

    def action_toggle_topics(self) -> None:
        self._toggle(self.query_one("#sidebar"), "topics")

    def action_toggle_sources(self) -> None:
        self._toggle(self.query_one("#sources"), "sources")

    def _toggle(self, widget, name: str) -> None:
        """Flip what is shown now; the classes override the width-based defaults in the CSS."""
        visible = widget.display
        self.set_class(visible, f"-hide-{name}")
        self.set_class(not visible, f"-show-{name}")
        if visible and widget.has_focus_within:
            pane = self.current_pane
            if pane is not None:
                pane.focus()

    # -- outlets -----------------------------------------------------------------------------

    def _current_claim(self) -> Claim | None:
        pane = self.current_pane
        return pane.current_claim if pane else None

    def action_open_outlet(self) -> None:
        claim = self._current_claim()
        if claim is None or not claim.source_ids:
            self.app.bell()
            return
        if len(claim.source_ids) == 1:
            self.app.open_outlet(claim.source_ids[0])
        else:
            self.app.choose_outlet(claim.source_ids)

    def on_source_panel_outlet_clicked(self, message: SourcePanel.OutletClicked) -> None:
        self.app.open_outlet(message.source_id)

    def action_all_outlets(self) -> None:
        self.app.open_all_outlets()

    # -- search ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def build_index(self) -> None:
        from briefing.search import SearchIndex

        index = SearchIndex.for_briefing(self.briefing)
        self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index) -> None:
        self.index = index
        # The model and its index live as long as the app: move them out of the collector's
        # way, or every full collection walks ~10^6 objects (~40 ms a keystroke at 10,000 topics).
        gc.freeze()
        search_input = self.query_one(SearchInput)
        if self.query_one("#results").display and search_input.value:
            self.run_search(search_input.value)

    def action_open_search(self) -> None:
        search_bar = self.query_one(SearchBar)
        search_bar.display = True
        results = self.query_one(SearchResults)
        results.display = True
        self.panes.display = False
        search_input = search_bar.input
        search_input.focus()
        search_input.select_all()
        self.run_search(search_input.value)

    def _close_results(self) -> None:
        self.query_one(SearchResults).display = False
        self.panes.display = True
        self.query_one(SearchBar).display = bool(self.active_query)

    @on(SearchInput.Changed)
    def _query_changed(self, event: SearchInput.Changed) -> None:
        self.run_search(event.value)

    def run_search(self, query: str) -> None:
        if self.index is None:
            self.query_one(SearchResults).show(query, [], note="indexing…")
            return
        self._search(query)

    def _search(self, query: str) -> None:
        """Search on the event loop, synchronously.

        The index answers in a few milliseconds at 10,000 topics (bench/search_bench.py), less
        than one frame. Measured here, handing the query to a worker and back cost 40 ms a key
        (a thread worker) or more (an async one), so the direct call is what keeps typing
        smooth; and since each keystroke is answered before the next is read, no result can
        be stale. The index itself is built in a thread worker, off the first paint.
        """
        self._show_results(query, self.index.search(query, limit=RESULT_LIMIT))

    def _show_results(self, query: str, hits: list) -> None:
        if query != self.query_one(SearchInput).value:
            return  # a newer keystroke is on its way; drop the stale result
        self.query_one(SearchResults).show(query, hits)
        self.query_one(SearchBar).set_counter(None, len(hits))

    @on(SearchInput.MoveResults)
    def _move_results(self, message: SearchInput.MoveResults) -> None:
        self.query_one(SearchResults).move(message.delta)

    @on(SearchInput.Submitted)
    def _submitted(self) -> None:
        results = self.query_one(SearchResults)
        if results.hits:
            self._open_hit_list(results.cursor)
        else:
            self.app.bell()

    @on(SearchResults.Chosen)
    def _chosen(self, message: SearchResults.Chosen) -> None:
        self._open_hit_list(message.index)

    @on(SearchInput.Closed)
    def _search_closed(self) -> None:
        query = self.query_one(SearchInput).value
        if query.strip() and self.index is not None:
            self._activate_query(query, self.query_one(SearchResults).hits)
        self._close_results()
        if self.current_pane:
            self.current_pane.focus()

    def _open_hit_list(self, position: int) -> None:
        results = self.query_one(SearchResults)
        hit = results.hits[position]
        self._activate_query(results.query_text, results.hits, hit)
        self._close_results()
        self._go_to_hit(hit)

    def _activate_query(self, query: str, hits, chosen=None) -> None:
        """Remember the query for n/N and mark it in every pane.

        n/N step through the hits that live in a topic; an outlet hit opens only on Enter.
        """
        self.active_query = query
        self.hits = [hit for hit in hits if hit.topic_id]
        self.hit_position = self.hits.index(chosen) if chosen in self.hits else None
        self.query_one(SearchBar).set_counter(self.hit_position, len(self.hits))
        finder = self._span_finder()
        for pane in self.panes.query(TopicPane):
            pane.show_matches(finder)

    def _span_finder(self):
        index, query = self.index, self.active_query
        return lambda text: index.spans(text, query)

    def _go_to_hit(self, hit) -> None:
        if hit.kind == "source" and hit.source_id:
            self.app.open_outlet(hit.source_id)
            return
        if not hit.topic_id:
            return
        self.show_topic(hit.topic_id, self.claim_index(hit.topic_id, hit.claim_id))

    def action_next_hit(self, delta: int) -> None:
        if not self.hits:
            self.app.bell()
            self.notify("No search hits: press / to search", timeout=2, markup=False)
            return
        position = -1 if self.hit_position is None and delta > 0 else (self.hit_position or 0)
        target = position + delta
        if not 0 <= target < len(self.hits):
            self.app.bell()
            edge = "last" if delta > 0 else "first"
            self.notify(f"Passed the {edge} hit; wrapped around", timeout=2, markup=False)
            target %= len(self.hits)
        self.hit_position = target
        self.query_one(SearchBar).set_counter(target, len(self.hits))
        self.query_one(SearchBar).display = True
        self._go_to_hit(self.hits[target])

    def action_clear_search(self) -> None:
        if not self.active_query:
            return
        self.active_query = ""
        self.hits = []
        self.hit_position = None
        for pane in self.panes.query(TopicPane):
            pane.show_matches(None)
        self.query_one(SearchBar).display = False
