"""Command palette: every topic and outlet by fuzzy name, and the app's actions.

The actions are the key bindings' own (`PALETTE`): a palette entry names a binding by its id and
gives it a palette title; its help is the binding's tooltip and its action the binding's action,
so what an action does is declared once, on its binding.

Textual's palette reads string prompts and help as markup, so names from content are handed
over as `Content` and help text is escaped.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

if TYPE_CHECKING:
    from briefing.ui.app import BriefingApp

#: Hits offered for one query.
MOST_HITS = 50


@dataclass(frozen=True)
class PaletteEntry:
    """A binding offered in the palette under `title`. `reader_only`: only when the palette was
    opened on the reading screen (its own panes and history)."""

    binding_id: str
    title: str
    reader_only: bool = False


#: Every binding the palette offers, in the order it lists them (`BriefingApp.get_system_commands`).
PALETTE: tuple[PaletteEntry, ...] = (
    PaletteEntry("search.open", "Search"),
    PaletteEntry("view.toggle_topics", "Toggle topic list", reader_only=True),
    PaletteEntry("view.toggle_sources", "Toggle source panel", reader_only=True),
    PaletteEntry("history.back", "Back", reader_only=True),
    PaletteEntry("history.forward", "Forward", reader_only=True),
    PaletteEntry("claim.copy", "Copy claim with citation", reader_only=True),
    PaletteEntry("topic.copy", "Copy topic as Markdown", reader_only=True),
    PaletteEntry("view.figures", "Figures"),
    PaletteEntry("view.quotes", "Quotations"),
    PaletteEntry("outlet.all", "All outlets"),
    PaletteEntry("app.print", "Print summary"),
    PaletteEntry("app.problems", "Show content problems"),
    PaletteEntry("app.help", "Keys and help"),
)
#: Bindings with a description that the palette leaves to their keys, each for a reason.
KEYS_ONLY: frozenset[str] = frozenset(
    {
        *(f"topic.{n}" for n in range(10)),  # the palette lists every topic by name instead
        "topic.next",  # the same: a topic by name
        "topic.previous",
        "search.next_hit",  # steps through a marked query's hits: a key held down, not a command
        "search.previous_hit",
        "search.clear",
        "outlet.open",  # every outlet is listed by name ("Outlet: …")
        "app.quit",  # Textual's own palette has Quit
    }
)


def binding_by_id(owners: Iterable[type], binding_id: str) -> tuple[type, Binding]:
    """The binding declared with `binding_id` by one of `owners` (their own `BINDINGS`), and
    which of them declares it."""
    for owner in owners:
        for binding in vars(owner).get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id == binding_id:
                return owner, binding
    raise KeyError(binding_id)


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
