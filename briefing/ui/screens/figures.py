"""Every figure the briefing states (`#`): grouped by the quantity it measures, with the phrase,
the topic and the outlets; the groups the briefing marks as reported differently flagged ≠."""

from __future__ import annotations

from textual.content import Content

from briefing.meeting.figures import FigureGroup, figure_groups
from briefing.ui.render import badges
from briefing.ui.screens.listing import ListingScreen, Row


class FiguresScreen(ListingScreen):
    TITLE_TEXT = "Figures"
    NOUN = "figure"
    PLACEHOLDER = "Filter figures: a number, a word, a topic or an outlet"
    WHOLE_GROUPS = True

    def rows_of_topic(self, topic_id: str) -> list[Row]:
        topic = self.briefing.topic(topic_id)
        return [row for group in figure_groups(topic) for row in self._rows(group)] if topic else []

    def _rows(self, group: FigureGroup) -> list[Row]:
        heading = Content.assemble(
            Content.styled(group.topic_title, "bold"),
            Content.styled(" › ", "dim"),
            Content.styled(group.title, "bold $text-accent"),
            Content.styled("  ≠ reported differently", "$text-warning") if group.differs else Content(""),
        )
        key = f"{group.topic_id}/{group.title}"
        rows = []
        for figure in group.figures:
            prompt = Content.assemble(
                Content("  "),
                Content.styled(figure.shown, "bold"),
                Content.styled("  " + figure.phrase, "dim") if figure.phrase != figure.shown else Content(""),
                Content("  "),
                badges(self.briefing, figure.source_ids),
            )
            haystack = " ".join(
                [figure.shown, figure.phrase, group.title, group.topic_title, *figure.source_ids]
            ).casefold()
            rows.append(Row(prompt, haystack, group.topic_id, figure.claim_id, heading, key))
        return rows
