"""The app over a library of briefings: the shelf at the bottom of the screen stack, one briefing
open over it at a time. Built by `make_app(library=...)`.

It is `BriefingApp` with the shelf added: `OpenBriefing` (from the shelf, its search, the palette)
opens a briefing over the shelf, Esc on the reading screen with nothing to clear goes back to it,
ctrl+g widens a briefing's search to every briefing. Whatever the reader does inside a briefing
is `BriefingApp`'s, unchanged: `self.briefing` is the open one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import partial
from typing import cast

from textual import on
from textual.actions import SkipAction
from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.timer import Timer

from briefing.model import Briefing, ContentError, Header, Problem, Severity
from briefing.shelf.model import Library
from briefing.ui.app import WATCH_DELAY, BriefingApp
from briefing.ui.navigation import GoToTopic, OpenBriefing
from briefing.ui.screens.dialogs import ProblemsScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.shelf import ShelfScreen
from briefing.ui.widgets.search_bar import SearchInput

#: What the app holds while no briefing is open: nothing to print, list or search.
NO_BRIEFING = Briefing.from_topics(Header(title="Briefings"), (), ())
#: App actions that act on the open briefing, so not on the shelf.
BRIEFING_ACTIONS = frozenset({"print_summary", "show_problems", "figures", "quotes", "all_outlets"})


class ShelvedReader(MainScreen):
    """The reading screen of a briefing opened from the shelf: Esc with nothing to clear is
    left to the app, which goes back to the shelf."""

    def action_clear_search(self) -> None:
        if not self.active_query and not self.hits.hits:
            raise SkipAction()
        super().action_clear_search()


class ShelfCommands(Provider):
    """Every briefing of the shelf in the palette, from any screen: "Briefing: <title>"."""

    def _entries(self) -> Iterable[tuple[str, str, str]]:
        app = cast("ShelfApp", self.app)
        for entry in app.library.entries:
            about = " · ".join(part for part in (entry.event_date, entry.size) if part)
            yield f"Briefing: {entry.title}", about, entry.root

    async def discover(self) -> Hits:
        app = cast("ShelfApp", self.app)
        for name, about, root in self._entries():
            yield DiscoveryHit(Content(name), partial(app.action_open_briefing, root), text=name, help=escape(about))

    async def search(self, query: str) -> Hits:
        app = cast("ShelfApp", self.app)
        matcher = self.matcher(query)
        for name, about, root in self._entries():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, Content(name), partial(app.action_open_briefing, root), text=name, help=escape(about))


class ShelfApp(BriefingApp):
    # The shelf's styles in a file of their own (a screen's CSS_PATH is not read for the
    # default screen). BriefingApp's one path is inferred as a str: a list is as valid.
    CSS_PATH = ["briefing.tcss", "shelf.tcss"]  # type: ignore[assignment]
    COMMANDS = BriefingApp.COMMANDS | {ShelfCommands}
    BINDINGS = [
        Binding("escape", "back_to_shelf", "Shelf", show=False, id="shelf.back", tooltip="Back to the shelf"),
        Binding(
            "ctrl+g",
            "search_everywhere",
            "Search all briefings",
            show=False,
            id="shelf.widen",
            tooltip="This search, in every briefing of the shelf",
        ),
    ]

    def __init__(self, library: Library, **options) -> None:
        super().__init__(NO_BRIEFING, **options)
        self.library = library
        self._watch_timer: Timer | None = None
        self.title = "Briefings"
        self.sub_title = ""
        self.notices = (*self.notices, *library.notices)

    def get_default_screen(self) -> Screen:
        return ShelfScreen(self.library)

    @property
    def shelf(self) -> ShelfScreen:
        return cast(ShelfScreen, self.screen_stack[0])

    # -- opening and closing briefings ---------------------------------------------------------

    @on(OpenBriefing)
    def _open_briefing(self, message: OpenBriefing) -> None:
        self.action_open_briefing(message.root, message.topic_id, message.claim_id, message.source_id)

    def action_open_briefing(
        self, root: str, topic_id: str | None = None, claim_id: str | None = None, source_id: str | None = None
    ) -> None:
        """Open a briefing of the shelf (in place of the one open, if any), at a claim or an
        outlet when given; a broken one opens to its problems."""
        entry = self.library.entry(root)
        try:
            opened = self.library.open(root)
        except (ContentError, OSError) as exc:
            self._close_briefing()
            reason = entry.unreadable if entry and entry.unreadable else str(exc)
            self.push_screen(ProblemsScreen((Problem(root, 0, Severity.ERROR, reason),), root))
            return
        self._close_briefing()
        briefing = opened.briefing
        self.briefing = briefing
        self._reload = opened.reload
        self.title = briefing.title
        self.sub_title = f"as of {briefing.as_of}" if briefing.as_of else ""
        reader = ShelvedReader(briefing)
        self.push_screen(reader)
        self.library.remember(root)
        for notice in opened.notices:
            self.notify(notice, severity="warning", timeout=10, markup=False)
        if topic_id:
            reader.call_after_refresh(reader.post_message, GoToTopic(topic_id, claim_id))
        elif source_id:
            self.call_after_refresh(self.action_open_outlet, source_id)
        if briefing.errors:
            self.call_after_refresh(self.action_show_problems)
        else:
            self._announce_problems()
        if self._reload is not None and briefing.root:
            self._watch_timer = self.set_timer(WATCH_DELAY, self._follow_edits)
        self.refresh_bindings()

    def _close_briefing(self) -> None:
        """Every screen above the shelf goes, and the open briefing's folder is no longer watched."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if self._watch_timer is not None:
            self._watch_timer.stop()  # closed within a second of opening: never watched at all
            self._watch_timer = None
        self._stop_watching.set()
        self._stop_watching = threading.Event()  # the next briefing's watcher has its own
        self._reload = None
        self.briefing = NO_BRIEFING
        self.title = "Briefings"
        self.sub_title = ""

    def _content_changed(self, briefing: Briefing, changed: frozenset[str]) -> None:
        # A watcher of a briefing closed meanwhile may still report: only the open one counts.
        if briefing.root == self.briefing.root:
            super()._content_changed(briefing, changed)

    def _follow_edits(self) -> None:  # type: ignore[override]
        if self.briefing.root:  # not when the briefing closed before the watch began
            super()._follow_edits()

    def action_back_to_shelf(self) -> None:
        if not isinstance(self.screen, MainScreen):
            raise SkipAction()
        self._close_briefing()

    def action_search_everywhere(self) -> None:
        """This search, widened to every briefing: the reading screen's query goes to the shelf's."""
        query = None
        reader = next((screen for screen in self.screen_stack if isinstance(screen, MainScreen)), None)
        if reader is not None:
            box = reader.query(SearchInput).first()
            query = box.value or reader.active_query or None
        self._close_briefing()
        self.shelf.action_open_search(query)

    def action_search(self) -> None:
        if any(isinstance(screen, MainScreen) for screen in self.screen_stack):
            super().action_search()
        else:
            self.shelf.action_open_search()

    # -- what applies where --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in BRIEFING_ACTIONS and self.briefing is NO_BRIEFING:
            return False
        if action == "back_to_shelf":
            return isinstance(self.screen, MainScreen)
        return super().check_action(action, parameters)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if self.briefing is not NO_BRIEFING:
            yield from super().get_system_commands(screen)
            yield SystemCommand("Back to the shelf", "Every briefing", self._close_briefing)
            return
        yield from super(BriefingApp, self).get_system_commands(screen)  # Textual's own: themes, keys, quit
        yield SystemCommand("Search every briefing", "Search all the briefings at once", self.action_search)
