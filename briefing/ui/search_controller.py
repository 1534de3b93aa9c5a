"""The reading screen's search, in a room of its own: the index (built after the first paint and
again after each save), the box and its results as you type, the query marked in the panes, and
the hits n/N walk.

The screen owns the widgets and the two reactives the stylesheet reads (`searching`,
`active_query`); it hands its search messages and actions here in one line each. Every jump to a
hit, from Enter, a click or n/N, goes through `reveal`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing.hits import HitCursor
from briefing.ui.navigation import OpenOutlet
from briefing.ui.widgets.search_bar import SearchBar, SearchInput
from briefing.ui.widgets.search_results import SearchResults
from briefing.ui.widgets.topic_pane import SpanFinder, TopicPane

if TYPE_CHECKING:  # the search package is imported with the index, after the first paint
    from briefing.search import Hit, SearchIndex
    from briefing.ui.screens.main import MainScreen

#: Most results a keystroke shows (and the marked query's hits n/N walk).
RESULT_LIMIT = 50
#: Seconds after the screen is mounted before the index is built: the first paint comes first.
INDEX_DELAY = 0.25
#: How long the wrap-around notice of n/N stays (seconds).
WRAP_NOTICE_SECONDS = 2


def walkable(hits: Sequence[Hit]) -> list[Hit]:
    """The hits n/N step through: those in a topic (an outlet hit opens only on Enter). The box
    counts these, so its `9 hits` and the `1/9` of the first n agree."""
    return [hit for hit in hits if hit.topic_id]


class SearchController:
    """Search state and behaviour for one `MainScreen` (which it drives through its widgets)."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.index: SearchIndex | None = None  # built in a worker after the first paint
        self.hits: HitCursor[Hit] = HitCursor()
        self._failed = False
        self.unavailable = False  # the last index build failed

    # -- the index ----------------------------------------------------------------------------

    def start(self) -> None:
        """Build the index once the first frame is painted."""
        self.screen.set_timer(INDEX_DELAY, self.build_index)

    def build_index(self) -> None:
        """(Re)build the index in a thread worker, for the screen's briefing as it is now."""
        briefing = self.screen.briefing

        def build() -> None:
            from briefing.search import SearchIndex

            try:
                index = SearchIndex.for_briefing(briefing)
            except Exception as exc:  # a failed worker would end the app: reading goes on without search
                self.screen.app.call_from_thread(self._index_failed, exc)
                return
            self.screen.app.call_from_thread(self._index_ready, index)

        self.screen.run_worker(build, thread=True, exclusive=True, group="index")

    def _index_failed(self, error: Exception) -> None:
        """The index could not be built: the topics stay readable, and the search box says why
        it finds nothing until the next save builds it again."""
        self.screen.log.error(f"the search index could not be built: {error!r}")
        self.unavailable = True
        self.screen.notify(
            "Search is unavailable: the index could not be built. Reading works; a save tries again.",
            severity="error",
            markup=False,
        )

    def _index_ready(self, index: SearchIndex) -> None:
        # Not frozen out of the collector's reach (`gc.freeze`): this briefing lasts only until
        # the next save, and what a frozen one leaves behind would never be collected. The start-up
        # model is frozen once, in `commands/app.py`; the store's index holds few objects.
        self.index = index
        self.unavailable = False
        search_input = self.screen.query_one(SearchInput)
        if self.screen.searching and search_input.value:
            self.run(search_input.value)
        if self.screen.active_query:  # a new index (the briefing changed): the marked query follows it
            query = self.screen.active_query
            self.activate(query, self._search(index, query))
            self.mark_panes()

    # -- the box and its results --------------------------------------------------------------

    def open(self) -> None:
        self.screen.searching = True
        search_input = self.screen.query_one(SearchInput)
        search_input.focus()
        search_input.select_all()
        self.run(search_input.value)

    def run(self, query: str) -> None:
        """Search on the event loop, synchronously.

        The index answers in a few milliseconds at 10,000 topics (bench/search_bench.py), less
        than one frame. Measured here, handing the query to a worker and back cost 40 ms a key
        (a thread worker) or more (an async one), so the direct call is what keeps typing
        smooth; and since each keystroke is answered before the next is read, no result can
        be stale. The index itself is built in a thread worker, off the first paint.
        """
        if self.index is None:
            note = "search is unavailable (see the notice)" if self.unavailable else "indexing the briefing…"
            self.screen.query_one(SearchResults).show(query, [], note=note)
            return
        self.show_results(query, self._search(self.index, query))

    def show_results(self, query: str, hits: list[Hit]) -> None:
        if query != self.screen.query_one(SearchInput).value:
            return  # a newer keystroke is on its way; drop the stale result
        self.screen.query_one(SearchResults).show(query, hits)
        self.screen.query_one(SearchBar).set_counter(None, len(walkable(hits)))

    def _search(self, index: SearchIndex, query: str) -> list[Hit]:
        """The app's one call to the search: a query that breaks it shows as no hits and one
        notice (a meeting goes on), and nothing is written to the terminal."""
        try:
            hits = index.search(query, limit=RESULT_LIMIT)
        except Exception as exc:
            self.screen.log.error(f"search failed on {query!r}: {exc!r}")
            if not self._failed:  # one notice, not one per keystroke
                self.screen.notify("Search failed on this query; try other words.", severity="error", markup=False)
            self._failed = True
            return []
        self._failed = False
        return hits

    def move_results(self, delta: int) -> None:
        self.screen.query_one(SearchResults).move(delta)

    def submit(self) -> None:
        """Enter in the box: go to the highlighted result."""
        results = self.screen.query_one(SearchResults)
        if results.hits:
            self.choose(results.cursor)
        else:
            self.screen.app.bell()

    def choose(self, position: int) -> None:
        """Go to one of the results (Enter or a click), marking the query for n/N."""
        results = self.screen.query_one(SearchResults)
        hit = results.hits[position]
        self.activate(results.query_text, results.hits, hit)
        self.screen.searching = False
        self.reveal(hit)

    def close(self) -> None:
        """Esc in the box: back to the pane, the query still marked for n/N."""
        query = self.screen.query_one(SearchInput).value
        if query.strip() and self.index is not None:
            self.activate(query, self.screen.query_one(SearchResults).hits)
        self.screen.searching = False
        pane = self.screen.current_pane
        if pane:
            pane.focus()

    # -- the marked query and n/N -------------------------------------------------------------

    def activate(self, query: str, hits: Sequence[Hit], chosen: Hit | None = None) -> None:
        """Remember the query for n/N and mark it in every pane."""
        self.hits = HitCursor(query, walkable(hits), chosen)
        self.screen.query_one(SearchBar).set_counter(self.hits.position, len(self.hits))
        if query == self.screen.active_query:
            self.screen.refresh_bindings()
        self.screen.active_query = query

    def span_finder(self) -> SpanFinder | None:
        """What the panes mark for the active query; a failure marks nothing (see `_search`)."""
        index, query = self.index, self.screen.active_query
        if index is None or not query:
            return None

        def find_spans(text: str) -> Sequence[tuple[int, int]]:
            try:
                return index.spans(text, query)
            except Exception as exc:
                self.screen.log.error(f"marking failed for {query!r}: {exc!r}")
                return ()

        return find_spans

    def mark_panes(self) -> None:
        """Mark the active query in every pane (or unmark, when there is none)."""
        finder = self.span_finder()
        for pane in self.screen.panes.query(TopicPane):
            pane.show_matches(finder)

    def reveal(self, hit: Hit) -> None:
        """Show a hit where the reader can read it: its claim in its topic, or its outlet. Enter,
        a click and n/N all come here."""
        if hit.kind == "source" and hit.source_id:
            self.screen.post_message(OpenOutlet(hit.source_id))
        elif hit.topic_id:
            self.screen.show_topic(hit.topic_id, claim_id=hit.claim_id)

    def step(self, delta: int) -> None:
        """n/N: the next or previous hit, with the bell and a notice when it wraps round."""
        step = self.hits.step(delta)
        if step is None:
            return
        if step.wrapped:
            self.screen.app.bell()
            edge = "last" if delta > 0 else "first"
            self.screen.notify(f"Passed the {edge} hit; wrapped around", timeout=WRAP_NOTICE_SECONDS, markup=False)
        self.screen.query_one(SearchBar).set_counter(step.position, len(self.hits))
        self.reveal(step.hit)

    def clear(self) -> None:
        self.hits = HitCursor()
        self.screen.active_query = ""
