"""A claim as a small widget, for views that list a modest number of them (an outlet's claims)."""

from __future__ import annotations

from textual.widgets import Static

from briefing.model import Briefing, Claim
from briefing.ui.render import claim_content


class ClaimView(Static):
    def __init__(self, briefing: Briefing, claim: Claim) -> None:
        super().__init__(claim_content(briefing, claim), classes="claim")
        self.briefing = briefing
        self.claim = claim
