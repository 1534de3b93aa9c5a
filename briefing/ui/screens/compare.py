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
from briefing.ui.render import badge, confirmation

#: Topics and disagreements listed per outlet; the rest are counted.
LISTED_TOPICS = 40
LISTED_DIFFERENCES = 12


class OutletColumn(VerticalScroll):
    def __init__(self, briefing: Briefing, source: Source) -> None:
        super().__init__(classes="outlet-column")
        self.briefing = briefing
        self.source = source
        self.border_title = Content(source.short)

    def compose(self) -> ComposeResult:
        source, briefing = self.source, self.briefing
        yield Static(Content.styled(source.outlet, "bold"))
        yield Static(
            Content.assemble(
                Content.styled("Headline ", "dim"), confirmation(source, "headline"), "\n", source.headline
            )
        )
        yield Static(
            Content.assemble(
                Content.styled("Published ", "dim"), source.published, "  ", confirmation(source, "published")
            )
        )
        yield Static(
            Content.assemble(Content.styled("Byline ", "dim"), source.byline, "  ", confirmation(source, "byline"))
        )
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
    BINDINGS = [
        Binding("escape,b,backspace,a", "app.pop_screen", "Back", id="compare.close", tooltip="Back to the briefing"),
        *(
            Binding(str(n), f"open({n})", f"Outlet {n}", show=False, id=f"compare.open_{n}", tooltip="Open that column")
            for n in range(1, 10)
        ),
    ]

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing
        self.sub_title = "All outlets"

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        with HorizontalScroll(id="compare-body"):
            for source in self.briefing.sources:
                yield OutletColumn(self.briefing, source)
        yield Static(
            Content.assemble(
                Content.styled("Press 1–9 or click a column to open an outlet: ", "dim"),
                *(badge(self.briefing, s.id) for s in self.briefing.sources),
            ),
            id="compare-hint",
        )
        yield Footer()

    def action_open(self, number: int) -> None:
        if number <= len(self.briefing.sources):
            self.post_message(OpenOutlet(self.briefing.sources[number - 1].id))
