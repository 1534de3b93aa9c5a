"""The outlets behind the claim under the cursor: who reported it and what is confirmed."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from briefing.model import Briefing, Claim
from briefing.ui.render import badge, source_card


class SourceCard(Static):
    """One outlet; a click opens its full view."""

    class Clicked(Message):
        def __init__(self, source_id: str) -> None:
            super().__init__()
            self.source_id = source_id

    def __init__(self, content: Content, source_id: str) -> None:
        super().__init__(content, classes="source-card")
        self.source_id = source_id

    def on_click(self) -> None:
        self.post_message(self.Clicked(self.source_id))


class SourcePanel(VerticalScroll):
    """Follows the claim cursor: one card per cited outlet, numbered for the `o` key."""

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        self.border_title = "Sources"
        self.can_focus = False

    def show_claim(self, claim: Claim | None) -> None:
        self.remove_children()
        if claim is None:
            self.mount(Static(Content("No claim selected."), classes="hint"))
            return
        source_ids = claim.source_ids
        if not source_ids:
            self.mount(Static(Content.styled("This claim cites no outlet.", "$text-error"), classes="hint"))
            return
        heading = "Reported by" if not claim.is_difference else "Outlets on each side"
        cards = [Static(Content.styled(heading, "bold"), classes="panel-heading")]
        for number, source_id in enumerate(source_ids, start=1):
            source = self.briefing.source(source_id)
            if source is None:
                continue
            cards.append(
                SourceCard(
                    Content.assemble(
                        Content.styled(f"{number} ", "dim"),
                        badge(self.briefing, source_id),
                        "\n",
                        source_card(source),
                    ),
                    source_id,
                )
            )
        cards.append(Static(Content.styled("o open outlet · a all outlets", "dim"), classes="hint"))
        self.mount_all(cards)
        self.scroll_home(animate=False)
