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
from briefing.ui.render import badge
from briefing.ui.source_card import source_card


def open_on_click(content: Content, source_id: str) -> Content:
    """`content`, which opens outlet `source_id` when clicked.

    The action goes as a (name, arguments) pair, so the id is never parsed as action text.
    """
    return content.stylize(Style.from_meta({"@click": ("app.open_outlet", (source_id,))}))


#: The panel's text width before it is laid out (its CSS width, less border and padding).
DEFAULT_WIDTH = 34


class SourcePanel(VerticalScroll):
    """Follows the claim cursor (or, while searching, the highlighted result): one card per cited
    outlet, numbered as the `o` chooser is."""

    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing = briefing
        self.border_title = "Sources"
        self.can_focus = False
        self._body = Static(Content(""), id="sources-body")
        # Textual would paint clickable text as links, in one colour: the cards keep their own.
        self._body.auto_links = False
        self.shown_source_ids: tuple[str, ...] = ()
        #: What is shown: (source ids, heading), and the width it was laid out for.
        self._shown: tuple[tuple[str, ...], str, int] | None = None
        self._shown_claim: Claim | None = None

    def compose(self):
        yield self._body

    def show_briefing(self, briefing: Briefing, claim: Claim | None) -> None:
        """The briefing changed on disk: its outlets now, for the claim under the cursor."""
        self.briefing = briefing
        self._shown_claim = None
        self._shown = None
        self.show_claim(claim)

    def show_claim(self, claim: Claim | None) -> None:
        if claim is not None and claim is self._shown_claim:
            return  # already showing it: no repaint
        self._shown_claim = claim
        if claim is None:
            self._show_message(Content.styled("No claim selected.", "dim"))
        elif not claim.source_ids:
            self._show_message(Content.styled("This claim cites no outlet.", "$text-error"))
        else:
            self._show_cards(claim.source_ids, "Outlets on each side" if claim.is_difference else "Reported by")

    def show_outlets(self, source_ids: tuple[str, ...], heading: str) -> None:
        """The cards of `source_ids` under `heading` (a search result's outlets, say)."""
        self._shown_claim = None
        self._show_cards(source_ids, heading)

    def _show_cards(self, source_ids: tuple[str, ...], heading: str) -> None:
        width = self._text_width()
        if self._shown == (source_ids, heading, width):
            return
        self._shown = (source_ids, heading, width)
        blocks = [Content.styled(heading, "bold")]
        shown = []
        for number, source_id in enumerate(source_ids, start=1):
            source = self.briefing.source(source_id)
            if source is None:
                continue
            card = Content.assemble(
                Content.styled(f"{number} ", "dim"), badge(self.briefing, source_id), "\n", source_card(source, width)
            )
            blocks.append(open_on_click(card, source_id))
            shown.append(source_id)
        blocks.append(Content.styled("o open outlet · a all outlets", "dim"))
        self.shown_source_ids = tuple(shown)
        self._body.update(Content("\n\n").join(blocks))
        self.scroll_home(animate=False)

    def _show_message(self, message: Content) -> None:
        self._shown = None
        self.shown_source_ids = ()
        self._body.update(message)

    def _text_width(self) -> int:
        width = self.scrollable_content_region.width
        return width if width > 0 else DEFAULT_WIDTH

    def on_resize(self) -> None:
        """Addresses are broken to the width: lay the cards out again at the new one."""
        if self._shown is not None and self._shown[2] != self._text_width():
            source_ids, heading, _width = self._shown
            self._shown = None
            self._show_cards(source_ids, heading)
