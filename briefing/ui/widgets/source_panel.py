"""The outlets behind the claim under the cursor: who reported it and what is confirmed.

One `Static` is updated per cursor move (mounting a widget per outlet cost ~90 ms at start-up).
Each card's text carries its own click action, so a click opens the outlet it lands on at any
width and however the cards wrap.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from briefing.model import Briefing, Claim
from briefing.ui.render import badge, source_card


def open_on_click(content: Content, source_id: str) -> Content:
    """`content`, which opens outlet `source_id` when clicked.

    The action goes as a (name, arguments) pair, so the id is never parsed as action text.
    """
    return content.stylize(Style.from_meta({"@click": ("app.open_outlet", (source_id,))}))


class SourcePanel(VerticalScroll):
    """Follows the claim cursor: one card per cited outlet, numbered as the `o` chooser is."""

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        self.border_title = "Sources"
        self.can_focus = False
        self._body = Static(Content(""), id="sources-body")
        # Textual would paint clickable text as links, in one colour: the cards keep their own.
        self._body.auto_links = False
        self.shown_source_ids: tuple[str, ...] = ()
        self._shown_claim: Claim | None = None

    def compose(self):
        yield self._body

    def show_briefing(self, briefing: Briefing, claim: Claim | None) -> None:
        """The briefing changed on disk: its outlets now, for the claim under the cursor."""
        self.briefing = briefing
        self._shown_claim = None
        self.show_claim(claim)

    def show_claim(self, claim: Claim | None) -> None:
        if claim is not None and claim is self._shown_claim:
            return  # already showing it: no repaint
        self._shown_claim = claim
        self.shown_source_ids = ()
        if claim is None:
            self._body.update(Content.styled("No claim selected.", "dim"))
            return
        if not claim.source_ids:
            self._body.update(Content.styled("This claim cites no outlet.", "$text-error"))
            return
        heading = "Outlets on each side" if claim.is_difference else "Reported by"
        blocks = [Content.styled(heading, "bold")]
        shown = []
        for number, source_id in enumerate(claim.source_ids, start=1):
            source = self.briefing.source(source_id)
            if source is None:
                continue
            card = Content.assemble(
                Content.styled(f"{number} ", "dim"), badge(self.briefing, source_id), "\n", source_card(source)
            )
            blocks.append(open_on_click(card, source_id))
            shown.append(source_id)
        blocks.append(Content.styled("o open outlet · a all outlets", "dim"))
        self.shown_source_ids = tuple(shown)
        self._body.update(Content("\n\n").join(blocks))
        self.scroll_home(animate=False)
