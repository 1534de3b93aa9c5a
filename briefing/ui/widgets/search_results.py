"""The as-you-type result list: two lines a hit (where, then the matched words), best first.

It renders into one `Static` from the hits the index returned, which keeps a keystroke's repaint
to a single widget update however large the briefing is (results are capped upstream).
"""

from __future__ import annotations

from typing import Sequence

from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Static

from briefing.model import Briefing
from briefing.ui.render import badges, highlighted

LINES_PER_HIT = 2
KIND_LABELS = {
    "claim": "claim",
    "difference": "reports differ",
    "topic": "topic",
    "source": "outlet",
    "overview": "bottom line",
}


class SearchResults(VerticalScroll):
    """Shows hits; the search box drives its cursor so typing never leaves the box."""

    BINDINGS = [
        Binding("down,j", "move(1)", "Next result", show=False, id="results.next"),
        Binding("up,k", "move(-1)", "Previous result", show=False, id="results.previous"),
        Binding("enter", "choose", "Open result", id="results.open"),
    ]

    class Chosen(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        self.hits: Sequence = ()
        self.cursor = 0
        self.query_text = ""
        self._body = Static(Content(""), id="results-body")

    def compose(self):
        yield self._body

    def show(self, query: str, hits: Sequence, note: str = "") -> None:
        self.query_text = query
        self.hits = hits
        self.cursor = 0
        self.border_title = Content(f"{len(hits)} result{'s' * (len(hits) != 1)}" if query.strip() else "Search")
        self.border_subtitle = Content(note)
        self._refresh_body()
        self.scroll_home(animate=False)

    def _refresh_body(self) -> None:
        if not self.query_text.strip():
            self._body.update(Content.styled("Type to search topics, claims, differences and outlets.", "dim"))
            return
        if not self.hits:
            self._body.update(
                Content.assemble(
                    Content.styled("No match for ", "dim"),
                    Content.styled(self.query_text, "bold"),
                    Content.styled(". Try fewer words or another spelling.", "dim"),
                )
            )
            return
        width = max(self.scrollable_content_region.width - 4, 20)
        lines: list[Content] = []
        for index, hit in enumerate(self.hits):
            marker = "▶ " if index == self.cursor else "  "
            title = Content.assemble(
                Content.styled(marker, "bold $accent"),
                Content.styled(hit.title or "", "bold"),
                Content.styled(f"  {KIND_LABELS.get(hit.kind, hit.kind)}  ", "dim"),
                badges(self.briefing, hit.source_ids),
            )
            snippet, spans = hit.snippet(width)
            line = Content.assemble("  ", highlighted(snippet, spans))
            if index == self.cursor:
                title = title.stylize("on $boost")
                line = line.stylize("on $boost")
            lines.extend((title, line))
        self._body.update(Content("\n").join(lines))

    def move(self, delta: int) -> None:
        if not self.hits:
            return
        self.cursor = max(0, min(self.cursor + delta, len(self.hits) - 1))
        self._refresh_body()
        self.scroll_to_region(
            Region(0, self.cursor * LINES_PER_HIT, 1, LINES_PER_HIT), animate=False, immediate=True
        )

    def action_move(self, delta: int) -> None:
        self.move(delta)

    def action_choose(self) -> None:
        if self.hits:
            self.post_message(self.Chosen(self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self._body)
        if offset is None or not self.hits:
            return
        index = offset.y // LINES_PER_HIT
        if 0 <= index < len(self.hits):
            self.cursor = index
            self._refresh_body()
            self.post_message(self.Chosen(index))

    def on_resize(self) -> None:
        self._refresh_body()
