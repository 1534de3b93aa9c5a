"""One outlet in full: who published it, what it reported, every claim citing it, and where it
disagrees with the others.

The claims come a page at a time (`m` shows more): an outlet of a 10,000-topic briefing backs
~100,000 claims, and the view reads only the topics whose claims it shows (`CitingClaims`)."""

from __future__ import annotations

from collections.abc import Iterator

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from briefing.citing import CitingClaims
from briefing.model import Briefing, Source
from briefing.ui.navigation import GoToTopic, OpenOutlet
from briefing.ui.render import badge
from briefing.ui.source_card import source_fields
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
        Binding("m", "more", "More claims", id="outlet.more", tooltip="Show the next page of claims citing it"),
        Binding("tab", "focus_claim(1)", "Next claim", id="outlet.next_claim", tooltip="Highlight the next claim"),
        Binding(
            "shift+tab",
            "focus_claim(-1)",
            "Prev claim",
            show=False,
            id="outlet.previous_claim",
            tooltip="Highlight the previous claim",
        ),
    ]

    def __init__(self, briefing: Briefing, source: Source) -> None:
        super().__init__(classes="outlet-screen")
        self.briefing = briefing
        self.source = source
        self.sub_title = source.outlet
        self.pages = (
            _Pages(briefing, CitingClaims(briefing, source.id)),
            _Pages(briefing, CitingClaims(briefing, source.id, differences=True)),
        )

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
        citing, differs = self.pages
        yield Static(
            Content.styled(f"Claims citing {source.short} ({len(citing.claims):,})", "bold"), classes="section-title"
        )
        yield from citing.next_page()
        yield citing.more_line
        yield Static(
            Content.styled(f"Where {source.short} differs from others ({len(differs.claims):,})", "bold $text-warning"),
            classes="section-title",
        )
        yield from differs.next_page()
        yield differs.more_line
        if not differs.claims:
            yield Static(Content.styled("No recorded disagreement.", "dim"))

    def action_more(self) -> None:
        """The next page of whichever list still has claims to show, first the claims."""
        for page in self.pages:
            if page.shown < len(page.claims):
                rows = list(page.next_page())
                self.query_one("#outlet-body", VerticalScroll).mount_all(rows, before=page.more_line)
                self.call_after_refresh(rows[0].scroll_visible, top=True, animate=False)
                self.refresh_bindings()  # the footer drops `m` once all is shown
                return
        self.app.bell()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "more":  # only offered while there is more to show
            return any(page.shown < len(page.claims) for page in self.pages)
        return True

    def action_step(self, delta: int) -> None:
        sources = self.briefing.sources
        index = (sources.index(self.source) + delta) % len(sources)
        self.post_message(OpenOutlet(sources[index].id))

    def action_focus_claim(self, delta: int) -> None:
        """Highlight the next (or previous) claim; Enter then shows it in its topic."""
        claims = list(self.query(OutletClaim))
        if not claims:
            self.app.bell()
            return
        focused = self.focused
        if isinstance(focused, OutletClaim) and focused in claims:
            index = max(0, min(claims.index(focused) + delta, len(claims) - 1))
        else:
            index = 0 if delta > 0 else len(claims) - 1
        claims[index].focus()

    def action_scroll(self, delta: int) -> None:
        body = self.query_one("#outlet-body", VerticalScroll)
        body.scroll_relative(y=delta * 2, animate=False)


#: Claims shown at a time: a screenful or two, whatever the size of the briefing.
PAGE = 100


class _Pages:
    """One list of an outlet's claims, shown a page at a time, each topic's title before its
    first claim."""

    def __init__(self, briefing: Briefing, claims: CitingClaims) -> None:
        self.briefing = briefing
        self.claims = claims
        self.shown = 0
        self.more_line = Static(Content(""), classes="outlet-more")
        self._last_topic: str | None = None

    def next_page(self) -> Iterator[Static]:
        end = min(self.shown + PAGE, len(self.claims))
        for claim in self.claims[self.shown : end]:
            if claim.topic_id != self._last_topic and not claim.is_difference:
                self._last_topic = claim.topic_id
                entry = self.briefing.entry(claim.topic_id)
                yield Static(Content.styled(entry.title if entry else claim.topic_id, "italic"), classes="outlet-topic")
            yield OutletClaim(self.briefing, claim)
        self.shown = end
        left = len(self.claims) - end
        self.more_line.update(Content.styled(f"… {left:,} more: press m to show them", "dim") if left else Content(""))
        self.more_line.display = bool(left)


class OutletClaim(ClaimView, can_focus=True):
    """A claim in the outlet view; Enter (once Tab has highlighted it) or a click jumps to the
    claim in its topic."""

    BINDINGS = [
        Binding("enter", "open", "Go to claim", id="outlet.go_to_claim", tooltip="Show this claim in its topic"),
    ]

    def action_open(self) -> None:
        self.post_message(GoToTopic(self.claim.topic_id, self.claim.id))

    def on_click(self) -> None:
        self.action_open()
