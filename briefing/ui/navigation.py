"""Where the reader asks to go, as typed messages.

Widgets and screens post these and never move between screens themselves. They bubble up to
the app, which is the one place that pushes, pops and switches screens (`BriefingApp`); the
reading screen handles `GoToTopic` itself when the request comes from inside it.
"""

from __future__ import annotations

from textual.message import Message


class GoToTopic(Message):
    """Show a topic on the reading screen, with the cursor on one of its claims (or its top)."""

    def __init__(self, topic_id: str, claim_id: str | None = None) -> None:
        super().__init__()
        self.topic_id = topic_id
        self.claim_id = claim_id


class OpenOutlet(Message):
    """Show one outlet in full."""

    def __init__(self, source_id: str) -> None:
        super().__init__()
        self.source_id = source_id


class ChooseOutlet(Message):
    """A claim cites several outlets: let the reader pick the one to open."""

    def __init__(self, source_ids: tuple[str, ...]) -> None:
        super().__init__()
        self.source_ids = source_ids


class OpenBriefing(Message):
    """Open a briefing of the shelf (its folder as the library names it), at a topic and claim
    of it, or at one of its outlets, when a search across briefings found them."""

    def __init__(
        self, root: str, topic_id: str | None = None, claim_id: str | None = None, source_id: str | None = None
    ) -> None:
        super().__init__()
        self.root = root
        self.topic_id = topic_id
        self.claim_id = claim_id
        self.source_id = source_id
