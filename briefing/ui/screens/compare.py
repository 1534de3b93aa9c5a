"""All outlets side by side: what each is, what is confirmed, how much it backs per topic.

Counts come from `Briefing.citations` (a compiled store answers them from its counts) and only
the first topics and disagreements are listed, so the screen costs the same at any size."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalScroll, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from briefing.citing import CitingClaims
from briefing.model import Briefing, Source
from briefing.ui.navigation import OpenOutlet
from briefing.ui.source_card import source_card

#: The narrowest a column may be and still read (120 columns show three, 160 all five).
COLUMN_WIDTH = 32
#: Topics and disagreements listed per outlet; the rest are counted.
LISTED_TOPICS = 40
LISTED_DIFFERENCES = 12


class OutletColumn(VerticalScroll, can_focus=False):
    """Not focusable: ←/→ and ↑/↓ are the screen's, for every column at once."""

    def __init__(self, briefing: Briefing, source: Source, number: int) -> None:
        super().__init__(classes="outlet-column")
        self.briefing = briefing
        self.source = source
        self.border_title = Content(f"{number} {source.short}")
        self._card = Static(Content(""), classes="outlet-card")

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width > 0:
            self._card.update(source_card(self.source, width))

    def compose(self) -> ComposeResult:
        source, briefing = self.source, self.briefing
        self._card.update(source_card(source, COLUMN_WIDTH - 4))
        yield self._card
        counts = {entry.topic_id: entry.claims + entry.differences for entry in briefing.citations(source.id)}
        rows = []
        for entry in briefing.outline[:LISTED_TOPICS]:
            count = counts.get(entry.id, 0)
            rows.append(
                Content.assemble(
                    Content.styled(f"{count:>3} ", "bold" if count else "dim"),
                    Content(entry.title) if count else Content.styled(entry.title, "dim"),
                )
            )
        if len(briefing.outline) > LISTED_TOPICS:
            rest = len(briefing.outline) - LISTED_TOPICS
            listed = {entry.id for entry in briefing.outline[:LISTED_TOPICS]}
            citing = len(counts.keys() - listed)
            rows.append(Content.styled(f"… {rest:,} more topics, {citing:,} of them citing it", "dim"))
        yield Static(
            Content.assemble(Content.styled("Claims per topic\n", "bold"), Content("\n").join(rows)), classes="counts"
        )
        differs = CitingClaims(briefing, source.id, differences=True)
        if differs:
            lines = [Content(f"• {claim.label or claim.text}") for claim in differs[:LISTED_DIFFERENCES]]
            if len(differs) > LISTED_DIFFERENCES:
                lines.append(Content.styled(f"… {len(differs) - LISTED_DIFFERENCES:,} more", "dim"))
            yield Static(
                Content.assemble(Content.styled("Disagreements\n", "bold $text-warning"), Content("\n").join(lines))
            )

    def on_click(self) -> None:
        self.post_message(OpenOutlet(self.source.id))


class CompareScreen(Screen):
    """One column per outlet, as many as fit at `COLUMN_WIDTH` or more; ←/→ move a whole column,
    Home/End go to the first and last outlet."""

    BINDINGS = [
        Binding("escape,b,backspace,a", "app.pop_screen", "Back", id="compare.close", tooltip="Back to the briefing"),
        Binding("right,l", "step(1)", "Next outlet", id="compare.next", tooltip="Move one outlet to the right"),
        Binding("left,h", "step(-1)", "Prev outlet", id="compare.previous", tooltip="Move one outlet to the left"),
        Binding("home", "step_to(0)", "First", show=False, id="compare.first", tooltip="The first outlet"),
        Binding("end", "step_to(-1)", "Last", show=False, id="compare.last", tooltip="The last outlet"),
        Binding("down,j", "scroll(1)", "Down", show=False, id="compare.down", tooltip="Scroll the columns down"),
        Binding("up,k", "scroll(-1)", "Up", show=False, id="compare.up", tooltip="Scroll the columns up"),
        *(
            Binding(str(n), f"open({n})", f"Outlet {n}", show=False, id=f"compare.open_{n}", tooltip="Open that column")
            for n in range(1, 10)
        ),
    ]

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing
        self.sub_title = "All outlets"
        #: The outlet in the leftmost column shown.
        self.first = 0

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        with HorizontalScroll(id="compare-body", can_focus=False):
            for number, source in enumerate(self.briefing.sources, start=1):
                yield OutletColumn(self.briefing, source, number)
        yield Static(id="compare-hint")
        yield Footer()

    @property
    def per_screen(self) -> int:
        """How many columns fit side by side at `COLUMN_WIDTH` or more."""
        width = self.query_one("#compare-body").size.width or self.app.size.width
        return max(1, min(len(self.briefing.sources), width // COLUMN_WIDTH))

    def on_resize(self) -> None:
        self._lay_out()

    def on_mount(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        body = self.query_one("#compare-body", HorizontalScroll)
        width = body.size.width or self.app.size.width
        per = self.per_screen
        for column in self.query(OutletColumn):
            column.styles.width = width // per
        self.first = max(0, min(self.first, len(self.briefing.sources) - per))
        self.call_after_refresh(self._scroll_to_first)
        self._show_hint()

    def _scroll_to_first(self) -> None:
        columns = list(self.query(OutletColumn))
        if columns:
            body = self.query_one("#compare-body", HorizontalScroll)
            body.scroll_to(x=columns[self.first].virtual_region.x, animate=False, immediate=True, force=True)

    def _show_hint(self) -> None:
        per, total = self.per_screen, len(self.briefing.sources)
        if per < total:
            where = f"outlets {self.first + 1}–{self.first + per} of {total} · ←/→ Home End move · "
        else:
            where = f"all {total} outlets · " if total != 1 else "1 outlet · "
        self.query_one("#compare-hint", Static).update(
            Content.styled(f"{where}1–{min(total, 9)} or a click opens", "dim")
        )

    def action_step(self, delta: int) -> None:
        self._move_to(self.first + delta)

    def action_step_to(self, index: int) -> None:
        self._move_to(index if index >= 0 else len(self.briefing.sources))

    def _move_to(self, first: int) -> None:
        last_first = len(self.briefing.sources) - self.per_screen
        moved = max(0, min(first, last_first))
        if moved == self.first:
            self.app.bell()
            return
        self.first = moved
        self._scroll_to_first()
        self._show_hint()

    def action_scroll(self, delta: int) -> None:
        for column in self.query(OutletColumn):
            column.scroll_relative(y=delta * 2, animate=False)

    def action_open(self, number: int) -> None:
        if number <= len(self.briefing.sources):
            self.post_message(OpenOutlet(self.briefing.sources[number - 1].id))
