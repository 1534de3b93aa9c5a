"""Every figure the briefing states (`#`): grouped by the quantity it measures, with the phrase,
the topic and the outlets; the groups the briefing marks as reported differently flagged ≠."""

from __future__ import annotations

from textual.content import Content

from briefing.meeting.figures import Figure, FigureGroup, figure_groups
from briefing.ui.render import badges
from briefing.ui.screens.listing import ListingScreen, Row


class FiguresScreen(ListingScreen):
    TITLE_TEXT = "Figures"
    NOUN = "figure"
    PLACEHOLDER = "Filter: a number, a word, a topic, an outlet"
    WHOLE_GROUPS = True

    def rows_of_topic(self, topic_id: str) -> list[Row]:
        topic = self.briefing.topic(topic_id)
        if topic is None:
            return []
        rows = []
        for group in figure_groups(topic):
            key = f"{group.topic_id}/{group.title}"
            for figure in group.figures:
                words = [figure.shown, figure.phrase, group.title, group.topic_title, *figure.source_ids]
                rows.append(Row((group, figure), " ".join(words).casefold(), group.topic_id, figure.claim_id, key))
        return rows

    def heading(self, row: Row) -> Content:
        group: FigureGroup = row.item[0]
        return Content.assemble(
            Content.styled(group.topic_title, "bold"),
            Content.styled(" › ", "dim"),
            Content.styled(group.title, "bold $text-accent"),
            Content.styled("  ≠ reported differently", "$text-warning") if group.differs else Content(""),
        )

    def prompt(self, row: Row) -> Content:
        figure: Figure = row.item[1]
        return Content.assemble(
            Content("  "),
            Content.styled(figure.shown, "bold"),
            Content.styled("  " + figure.phrase, "dim") if figure.phrase != figure.shown else Content(""),
            Content("  "),
            badges(self.briefing, figure.source_ids),
        )
