"""Every direct quotation in the briefing (`"`): who said it as the claim states it, and the
outlets that carried it, topic by topic."""

from __future__ import annotations

from textual.content import Content

from briefing.meeting.quotes import Quote, quotes_of_claim
from briefing.ui.render import badges
from briefing.ui.screens.listing import ListingScreen, Row

#: Shown when the claim does not say who spoke: never a guess.
NOT_NAMED = "speaker not named"


class QuotesScreen(ListingScreen):
    TITLE_TEXT = "Quotations"
    NOUN = "quotation"
    PLACEHOLDER = "Filter: a word, a speaker, a topic, an outlet"

    def rows_of_topic(self, topic_id: str) -> list[Row]:
        topic = self.briefing.topic(topic_id)
        if topic is None:
            return []
        rows = []
        for claim in topic.claims:
            for quote in quotes_of_claim(claim):
                haystack = " ".join([quote.text, quote.speaker, topic.title, *quote.source_ids]).casefold()
                rows.append(Row((topic.title, quote), haystack, topic.id, claim.id, topic.id))
        return rows

    def heading(self, row: Row) -> Content:
        return Content.styled(row.item[0], "bold")

    def prompt(self, row: Row) -> Content:
        quote: Quote = row.item[1]
        speaker = (
            Content.styled(quote.speaker, "bold $text-accent")
            if quote.speaker
            else Content.styled(NOT_NAMED, "dim italic")
        )
        return Content.assemble(
            Content("  "),
            Content(f"“{quote.text}”"),
            Content.styled("  — ", "dim"),
            speaker,
            Content("  "),
            badges(self.briefing, quote.source_ids),
        )
