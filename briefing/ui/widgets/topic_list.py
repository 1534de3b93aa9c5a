"""The sidebar: every topic, numbered for the 1–9 keys."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.model import Briefing


class TopicList(OptionList):
    def __init__(self, briefing: Briefing, *, id: str | None = None) -> None:
        options = [
            Option(
                Content.assemble(
                    Content.styled(f"{number:>2} " if number <= 9 else "   ", "dim"),
                    Content(topic.title),
                    Content.styled(f" {len(topic.differences)}≠", "$text-warning") if topic.differences else "",
                ),
                id=topic.id,
            )
            for number, topic in enumerate(briefing.topics, start=1)
        ]
        super().__init__(*options, id=id)
        self.border_title = "Topics"

    def select_topic(self, topic_id: str) -> None:
        index = self.get_option_index(topic_id)
        if self.highlighted != index:
            self.highlighted = index
