"""One outlet in full: who published it, what it reported, every claim citing it, and where it
disagrees with the others."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from briefing.model import Briefing, Source
from briefing.ui.navigation import GoToTopic, OpenOutlet
from briefing.ui.render import badge, source_fields
from briefing.ui.widgets.claim_view import ClaimView


class OutletScreen(Screen):
    BINDINGS = [
        Binding("escape,b,backspace", "app.pop_screen", "Back", id="outlet.close", tooltip="Back to the briefing"),
        Binding(
            "right_square_bracket,right", "step(1)", "Next outlet", id="outlet.next", tooltip="Show the next outlet"
        ),
        Binding(
            "left_square_bracket,left",
            "step(-1)",
            "Prev outlet",
            id="outlet.previous",
            tooltip="Show the previous outlet",
        ),
        Binding("down,j", "scroll(1)", "Scroll down", show=False, id="outlet.scroll_down"),
        Binding("up,k", "scroll(-1)", "Scroll up", show=False, id="outlet.scroll_up"),
    ]

    def __init__(self, briefing: Briefing, source: Source) -> None:
        super().__init__(classes="outlet-screen")
        self.briefing = briefing
        self.source = source
        self.sub_title = source.outlet

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        with VerticalScroll(id="outlet-body"):
            yield from self._sections()
        yield Footer()

    def _sections(self):
        source, briefing = self.source, self.briefing
        yield Static(
            Content.assemble(badge(briefing, source.id), " ", Content.styled(source.outlet, "bold")),
            classes="outlet-title",
        )
        details = Static(source_fields(source), classes="outlet-fields")
        details.border_title = "Publication"
        yield details
        if source.note:
            yield Static(
                Content.assemble(Content.styled("Note  ", "bold $text-warning"), source.note), classes="outlet-note"
            )
        reported = Static(
            Content("\n\n").join(Content(p) for p in source.paragraphs) or Content("—"), classes="outlet-reported"
        )
        reported.border_title = "What it reported"
        yield reported
        citing = [c for c in briefing.claims_citing(source.id) if not c.is_difference]
        differs = [c for c in briefing.claims_citing(source.id) if c.is_difference]
        yield Static(Content.styled(f"Claims citing {source.short} ({len(citing)})", "bold"), classes="section-title")
        current_topic = None
        for claim in citing:
            if claim.topic_id != current_topic:
                current_topic = claim.topic_id
                topic = briefing.topic(claim.topic_id)
                yield Static(Content.styled(topic.title if topic else claim.topic_id, "italic"), classes="outlet-topic")
            yield OutletClaim(briefing, claim)
        yield Static(
            Content.styled(f"Where {source.short} differs from others ({len(differs)})", "bold $text-warning"),
            classes="section-title",
        )
        for claim in differs:
            yield OutletClaim(briefing, claim)
        if not differs:
            yield Static(Content.styled("No recorded disagreement.", "dim"))

    def action_step(self, delta: int) -> None:
        sources = self.briefing.sources
        index = (sources.index(self.source) + delta) % len(sources)
        self.post_message(OpenOutlet(sources[index].id))

    def action_scroll(self, delta: int) -> None:
        body = self.query_one("#outlet-body", VerticalScroll)
        body.scroll_relative(y=delta * 2, animate=False)


class OutletClaim(ClaimView):
    """A claim in the outlet view; clicking it jumps to the claim in its topic."""

    def on_click(self) -> None:
        self.post_message(GoToTopic(self.claim.topic_id, self.claim.id))
