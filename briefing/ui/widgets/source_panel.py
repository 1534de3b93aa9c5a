"""The outlets behind the claim under the cursor: who reported it and what is confirmed.

One `Static` is updated per cursor move (mounting a widget per outlet cost ~90 ms at start-up);
a click is mapped back to the outlet by the line it lands on.
"""

from __future__ import annotations

from textual import events
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from briefing.model import Briefing, Claim
from briefing.ui.render import badge, source_card


class SourcePanel(VerticalScroll):
    """Follows the claim cursor: one card per cited outlet, numbered as the `o` chooser is."""

    class OutletClicked(Message):
        def __init__(self, source_id: str) -> None:
            super().__init__()
            self.source_id = source_id

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        self.border_title = "Sources"
        self.can_focus = False
        self._body = Static(Content(""), id="sources-body")
        self._card_at_line: list[tuple[int, str]] = []  # (first line, source id), ascending
        self.shown_source_ids: tuple[str, ...] = ()
        self._shown_claim: Claim | None = None

    def compose(self):
        yield self._body

    def show_claim(self, claim: Claim | None) -> None:
        if claim is not None and claim is self._shown_claim:
            return  # already showing it: no repaint
        self._shown_claim = claim
        self._card_at_line = []
        self.shown_source_ids = ()
        if claim is None:
            self._body.update(Content.styled("No claim selected.", "dim"))
            return
        if not claim.source_ids:
            self._body.update(Content.styled("This claim cites no outlet.", "$text-error"))
            return
        heading = "Outlets on each side" if claim.is_difference else "Reported by"
        blocks = [Content.styled(heading, "bold")]
        line = 2
        shown = []
        for number, source_id in enumerate(claim.source_ids, start=1):
            source = self.briefing.source(source_id)
            if source is None:
                continue
            card = Content.assemble(
                Content.styled(f"{number} ", "dim"), badge(self.briefing, source_id), "\n", source_card(source)
            )
            self._card_at_line.append((line, source_id))
            shown.append(source_id)
            # Cards are wrapped to the panel width, so count wrapped lines.
            width = max(self._body.size.width or self.size.width - 2, 34)
            line += len(card.wrap(width)) + 1
            blocks.append(card)
        blocks.append(Content.styled("o open outlet · a all outlets", "dim"))
        self.shown_source_ids = tuple(shown)
        self._body.update(Content("\n\n").join(blocks))
        self.scroll_home(animate=False)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self._body)
        if offset is None:
            return
        chosen = None
        for first_line, source_id in self._card_at_line:
            if offset.y >= first_line:
                chosen = source_id
        if chosen:
            self.post_message(self.OutletClicked(chosen))
