"""The as-you-type result list: two lines a hit (where, then the matched words), best first.

A Line-API `ScrollView`: a keystroke only replaces the list of hits, and only the rows on screen
are ever rendered, so the repaint costs the same for 5 hits or 50, on any size of briefing.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

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


class SearchResults(ScrollView, can_focus=False):
    """Shows hits; the search box drives its cursor so typing never leaves the box."""

    COMPONENT_CLASSES = {"search-results--cursor", "search-results--kind", "search-results--hint"}

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
        self._rows: dict[tuple[int, int, bool], tuple[Strip, Strip]] = {}

    def show(self, query: str, hits: Sequence, note: str = "") -> None:
        self.query_text = query
        self.hits = hits
        self.cursor = 0
        self._rows.clear()
        count = f"{len(hits)} result{'s' * (len(hits) != 1)}"
        self.border_title = Content(count if query.strip() else "Search")
        self.border_subtitle = Content(note)
        self.virtual_size = Size(0, max(len(hits), 1) * LINES_PER_HIT)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def _message(self) -> Content:
        if not self.query_text.strip():
            return Content("Type to search topics, claims, differences and outlets.")
        return Content.assemble(
            "No match for ", Content.styled(self.query_text, "bold"), ". Try fewer words or another spelling."
        )

    def _hit_lines(self, index: int, width: int) -> tuple[Strip, Strip]:
        selected = index == self.cursor
        key = (index, width, selected)
        if key not in self._rows:
            hit = self.hits[index]
            title = Content.assemble(
                Content.styled("▶ " if selected else "  ", "bold $accent"),
                Content.styled(hit.title or "", "bold"),
                Content.styled(
                    f"  {KIND_LABELS.get(hit.kind, hit.kind)}  ",
                    self.get_visual_style("search-results--kind", partial=True),
                ),
                badges(self.briefing, hit.source_ids),
            )
            snippet, spans = hit.snippet(max(width - 3, 10))
            line = Content.assemble("  ", highlighted(snippet, spans))
            style = self.visual_style
            if selected:
                style = style + self.get_visual_style("search-results--cursor")
            rendered = [Visual.to_strips(self, content, width, 1, style, pad=True)[0] for content in (title, line)]
            self._rows[key] = (rendered[0], rendered[1])
        return self._rows[key]

    def render_line(self, y: int) -> Strip:
        _scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.scrollable_content_region.width
        if not self.hits:
            if row == 0:
                hint = self.get_visual_style("search-results--hint", partial=True)
                return Visual.to_strips(
                    self, self._message().stylize_before(hint), width, 1, self.visual_style, pad=True
                )[0]
            return Strip.blank(width, self.rich_style)
        index, part = divmod(row, LINES_PER_HIT)
        if index >= len(self.hits):
            return Strip.blank(width, self.rich_style)
        return self._hit_lines(index, width)[part]

    def move(self, delta: int) -> None:
        if not self.hits:
            return
        self.cursor = max(0, min(self.cursor + delta, len(self.hits) - 1))
        self.refresh()
        self.scroll_to_region(
            Region(0, self.cursor * LINES_PER_HIT, 1, LINES_PER_HIT), animate=False, immediate=True, force=True
        )

    def action_move(self, delta: int) -> None:
        self.move(delta)

    def action_choose(self) -> None:
        if self.hits:
            self.post_message(self.Chosen(self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.hits:
            return
        index = (offset.y + int(self.scroll_offset.y)) // LINES_PER_HIT
        if 0 <= index < len(self.hits):
            self.cursor = index
            self.refresh()
            self.post_message(self.Chosen(index))

    def on_resize(self) -> None:
        self._rows.clear()

    def _forget_rows(self) -> None:
        self._rows.clear()  # rendered in the old theme's colours

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._forget_rows, init=False)  # old colours
