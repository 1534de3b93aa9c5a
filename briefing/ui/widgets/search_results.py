"""The as-you-type result list: the highlighted hit in full, the others in two lines, best first.

The highlighted hit shows where it is, then its whole text wrapped to the width with the matched
words marked and its outlets after it, so the answer reads without pressing Enter; a "where
reports differ" hit shows each side on a line of its own, with that side's outlets. Every other
hit takes two lines: where, then the matched words.

A Line-API `ScrollView`: a keystroke only replaces the list of hits, only the rows on screen are
rendered, and only the highlighted hit is wrapped, so a repaint costs the same for 5 hits or 50, on
any size of briefing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from briefing.model import Briefing
from briefing.ui.render import badges

if TYPE_CHECKING:  # the search package loads with the index, after the first paint
    from briefing.search import Hit

LINES_PER_HIT = 2  # a hit that is not highlighted
INDENT = "  "
SIDE_MARK = "· "  # before each side of a highlighted difference
KIND_LABELS = {
    "claim": "claim",
    "difference": "reports differ",
    "topic": "topic",
    "source": "outlet",
    "overview": "bottom line",
}


class SearchResults(ScrollView, can_focus=False):
    """Shows hits; the search box drives its cursor so typing never leaves the box."""

    COMPONENT_CLASSES = {
        "search-results--cursor",
        "search-results--kind",
        "search-results--hint",
        "search-results--match",
    }

    class Chosen(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        self.hits: Sequence[Hit] = ()
        self.cursor = 0
        self.query_text = ""
        self.note = ""
        self._compact: dict[tuple[int, int], tuple[Strip, Strip]] = {}
        self._full: tuple[int, int, list[Strip]] | None = None  # (hit, width, lines) of the highlighted hit
        self._mark: Style | None = None  # the match style, once per theme

    def show(self, query: str, hits: Sequence[Hit], note: str = "") -> None:
        """Show `hits` for `query`; `note` says why there can be none yet (the index is building)."""
        self.query_text = query
        self.hits = hits
        self.cursor = 0
        self.note = note
        self._forget_rows()
        count = f"{len(hits)} result{'s' * (len(hits) != 1)}"
        self.border_title = Content("Search" if note or not query.strip() else count)
        self.border_subtitle = Content(note)
        self._update_size()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    # -- layout: every hit takes two lines but the highlighted one -------------------------------

    @property
    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _highlighted_height(self) -> int:
        width = self._width
        return len(self._full_lines(width)) if self.hits and width > 0 else LINES_PER_HIT

    def _update_size(self) -> None:
        if not self.hits:
            self.virtual_size = Size(0, 1)
            return
        self.virtual_size = Size(0, (len(self.hits) - 1) * LINES_PER_HIT + self._highlighted_height())

    def _locate(self, row: int) -> tuple[int, int] | None:
        """The hit shown on content row `row`, and the line of it; None past the last hit."""
        before = self.cursor * LINES_PER_HIT
        if row < before:
            return divmod(row, LINES_PER_HIT)
        height = self._highlighted_height()
        if row < before + height:
            return self.cursor, row - before
        index, line = divmod(row - before - height, LINES_PER_HIT)
        index += self.cursor + 1
        return (index, line) if index < len(self.hits) else None

    # -- rendering -----------------------------------------------------------------------------

    def _heading(self, hit: Hit, selected: bool, with_badges: bool) -> Content:
        parts = [
            Content.styled("▶ " if selected else INDENT, "bold $accent"),
            Content.styled(hit.title or "", "bold"),
            Content.styled(
                f"  {KIND_LABELS.get(hit.kind, hit.kind)}  ",
                self.get_visual_style("search-results--kind", partial=True),
            ),
        ]
        if with_badges and hit.kind != "difference":  # a difference's outlets go with their sides
            parts.append(badges(self.briefing, hit.source_ids))
        return Content.assemble(*parts)

    def _marked(self, text: str, spans: Sequence[tuple[int, int]]) -> Content:
        """`text` as plain content with the matched words in the themeable match style."""
        content = Content(text)
        mark = self._mark
        if mark is None:
            # The visual style keeps colours and bold but not `reverse`; the rule's text style has it.
            rule = self.get_component_styles("search-results--match").text_style
            mark = self._mark = self.get_visual_style("search-results--match", partial=True) + Style.from_rich_style(
                rule
            )
        for start, end in spans:
            content = content.stylize(mark, start, end)
        return content

    def _line(self, content: Content, width: int, selected: bool) -> Strip:
        style = self.visual_style
        if selected:
            style = style + self.get_visual_style("search-results--cursor")
        return Visual.to_strips(self, content, width, 1, style, pad=True)[0]

    def _compact_lines(self, index: int, width: int) -> tuple[Strip, Strip]:
        key = (index, width)
        if key not in self._compact:
            hit = self.hits[index]
            snippet, spans = hit.snippet(max(width - len(INDENT) - 1, 10))
            self._compact[key] = (
                self._line(self._heading(hit, False, True), width, False),
                self._line(Content.assemble(INDENT, self._marked(snippet, spans)), width, False),
            )
        return self._compact[key]

    def _full_lines(self, width: int) -> list[Strip]:
        """The highlighted hit: where it is, then all of its text wrapped, then its outlets (for
        a difference, its label, then each side with its own outlets)."""
        if self._full is not None and self._full[:2] == (self.cursor, width):
            return self._full[2]
        hit = self.hits[self.cursor]
        lines = [self._line(self._heading(hit, True, False), width, True)]
        for body, indent in self._full_body(hit):
            wrapped = body.wrap(max(width - len(indent), 10))
            lines.extend(self._line(Content.assemble(indent, line), width, True) for line in wrapped)
        self._full = (self.cursor, width, lines)
        return lines

    def _full_body(self, hit: Hit) -> list[tuple[Content, str]]:
        """What the highlighted hit says, paragraph by paragraph, each with its indent."""
        from briefing.search.hit import claim_of, side_spans, sides

        claim = claim_of(self.briefing, hit) if hit.kind == "difference" else None
        if claim is not None:  # read from its topic: one topic for the one hit shown in full
            paragraphs = [(Content.styled(f"{claim.label}:", "bold"), INDENT)] if claim.label else []
            for side in sides(claim):
                said = self._marked(_one_line(side.text), side_spans(hit, claim, side))
                if side.source_ids:
                    said = Content.assemble(said, " ", badges(self.briefing, side.source_ids))
                paragraphs.append((Content.assemble(SIDE_MARK, said), INDENT))
            return paragraphs
        body = self._marked(_one_line(hit.text), hit.spans)
        if hit.source_ids and hit.kind != "source":
            body = Content.assemble(body, " ", badges(self.briefing, hit.source_ids))
        return [(body, INDENT)]

    def _message(self) -> Content:
        if self.note:
            return Content(f"{self.note[:1].upper()}{self.note[1:]} Results appear as soon as it is ready.")
        if not self.query_text.strip():
            return Content("Type to search topics, claims, differences and outlets.")
        return Content.assemble(
            "No match for ", Content.styled(self.query_text, "bold"), ". Try fewer words or another spelling."
        )

    def render_line(self, y: int) -> Strip:
        _scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self._width
        if not self.hits:  # the message wraps: at 80 columns it is wider than the list
            hint = self.get_visual_style("search-results--hint", partial=True)
            lines = self._message().stylize_before(hint).wrap(max(width, 1))  # the CSS says nowrap: wrap here
            if row >= len(lines):
                return Strip.blank(width, self.rich_style)
            return Visual.to_strips(self, lines[row], width, 1, self.visual_style, pad=True)[0]
        found = self._locate(row)
        if found is None:
            return Strip.blank(width, self.rich_style)
        index, line = found
        if index == self.cursor:
            return self._full_lines(width)[line]
        return self._compact_lines(index, width)[line]

    # -- moving --------------------------------------------------------------------------------

    def move(self, delta: int) -> None:
        if not self.hits:
            return
        self.cursor = max(0, min(self.cursor + delta, len(self.hits) - 1))
        self._update_size()
        self.refresh()
        top = self.cursor * LINES_PER_HIT
        self.scroll_to_region(Region(0, top, 1, self._highlighted_height()), animate=False, immediate=True, force=True)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.hits:
            return
        found = self._locate(offset.y + int(self.scroll_offset.y))
        if found is not None:
            self.cursor = found[0]
            self._update_size()
            self.refresh()
            self.post_message(self.Chosen(found[0]))

    def on_resize(self) -> None:
        self._forget_rows()
        self._update_size()

    def show_briefing(self, briefing: Briefing) -> None:
        """The briefing changed on disk: its outlets' badges now; the hits come with the next search."""
        self.briefing = briefing
        self.show(self.query_text, [], note=self.note)

    def _forget_rows(self) -> None:
        self._compact.clear()
        self._full = None
        self._mark = None

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._forget_rows, init=False)  # rendered in the old theme's colours


def _one_line(text: str) -> str:
    """`text` with line breaks and tabs as spaces: as long, so spans into it still fit."""
    return text.replace("\n", " ").replace("\r", " ").replace("\t", " ")
