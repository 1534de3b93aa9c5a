"""Command palette: every topic and outlet by fuzzy name (actions come from the app).

Textual's palette reads string prompts and help as markup, so names from content are handed
over as `Content` and help text is escaped.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

if TYPE_CHECKING:
    from briefing.ui.app import BriefingApp

#: Hits offered for one query.
MOST_HITS = 50


class BriefingCommands(Provider):
    def _entries(self) -> Iterator[tuple[str, str, Callable[[], None]]]:
        app = cast("BriefingApp", self.app)
        briefing = app.briefing
        for entry in briefing.outline:
            yield f"Topic: {entry.title}", entry.summary, partial(app.action_go_to_topic, entry.id)
        for source in briefing.sources:
            yield f"Outlet: {source.outlet}", source.headline, partial(app.action_open_outlet, source.id)

    async def discover(self) -> Hits:
        for name, help_text, callback in self._entries():
            yield DiscoveryHit(Content(name), callback, text=name, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        scored = [(score, entry) for entry in self._entries() if (score := matcher.match(entry[0])) > 0]
        # Only the best are offered (and highlighted): a 10,000-topic briefing matches thousands.
        for score, (name, help_text, callback) in heapq.nlargest(MOST_HITS, scored, key=lambda item: item[0]):
            yield Hit(score, _highlight(matcher, query, name), callback, text=name, help=escape(help_text))


def _highlight(matcher: Matcher, query: str, name: str) -> Content:
    """Like `Matcher.highlight`, but on plain text (that one parses the candidate as markup)."""
    content = Content(name)
    _score, offsets = matcher.fuzzy_search.match(query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize("bold reverse", offset, offset + 1)
    return content
