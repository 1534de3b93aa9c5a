"""The Textual app: a thin shell around a loaded `Briefing`. Build it with `make_app`.

The app is the one place that moves between screens: the navigation messages of
`briefing.ui.navigation` bubble up to it, and its typed actions (`open_outlet`, `all_outlets`,
`go_to_topic`) serve the command palette and clickable text.

It follows edits: given a `reload` (the CLI's, over the compiled store), it watches the content
folder from a thread worker started after the first paint, and swaps in the new briefing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Input

from briefing.model import Briefing
from briefing.ui.commands import PALETTE, BriefingCommands, binding_by_id
from briefing.ui.help import help_rows
from briefing.ui.navigation import ChooseOutlet, GoToTopic, OpenOutlet
from briefing.ui.screens.compare import CompareScreen
from briefing.ui.screens.dialogs import ChooseOutletScreen, HelpScreen, ProblemsScreen
from briefing.ui.screens.listing import ListingScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.outlet import OutletScreen

if TYPE_CHECKING:
    from briefing.shelf.model import Library


class UnknownTheme(ValueError):
    """--theme named a theme Textual does not have."""


#: Brings the briefing up to date with its folder: the new briefing and the content paths that
#: changed, or None when nothing did. Runs in a worker thread.
Reload = Callable[[], "tuple[Briefing, frozenset[str]] | None"]
#: Seconds after the first paint before the folder is watched (start-up never pays for it).
WATCH_DELAY = 1.0


class BriefingApp(App[None]):
    CSS_PATH = "briefing.tcss"
    COMMANDS = App.COMMANDS | {BriefingCommands}
    BINDINGS = [
        Binding("f1,question_mark", "help", "Help", id="app.help", tooltip="Every key, and what it does"),
        Binding(
            "p",
            "print_summary",
            "Print",
            show=False,
            id="app.print",
            tooltip="Write the one-page summary (PDF and text)",
        ),
        # Not in the footer (most briefings have none): the start-up notice names the key.
        Binding(
            "exclamation_mark",
            "show_problems",
            "Problems",
            show=False,
            id="app.problems",
            tooltip="Problems found in the content",
        ),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit briefing"),
    ]

    def __init__(
        self,
        briefing: Briefing,
        *,
        handout_dir: Path | None = None,
        deterministic: bool = False,
        notices: Iterable[str] = (),
        reload: Reload | None = None,
    ) -> None:
        super().__init__()
        self.briefing = briefing
        self._reload = reload
        self._stop_watching = threading.Event()
        self.handout_dir = handout_dir or Path.cwd()
        # Tests and screenshots need frames that do not depend on time.
        self.deterministic = deterministic
        self.notices = tuple(notices)
        self.title = briefing.title
        self.sub_title = f"as of {briefing.as_of}" if briefing.as_of else ""

    def get_default_screen(self) -> Screen:
        return MainScreen(self.briefing)

    def on_mount(self) -> None:
        if self.deterministic:
            for search_input in self.screen.query(Input):
                search_input.cursor_blink = False
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=10, markup=False)
        self._announce_problems()
        if self._reload is not None and self.briefing.root:
            self.set_timer(WATCH_DELAY, self._follow_edits)

    def on_unmount(self) -> None:
        self._stop_watching.set()

    def _announce_problems(self) -> None:
        if self.briefing.problems:
            count = len(self.briefing.problems)
            self.notify(
                f"{count} problem{'s' * (count != 1)} in the content; the rest loaded. Press ! to see them.",
                severity="warning" if self.briefing.errors else "information",
                timeout=8,
                markup=False,
            )

    # -- following edits -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="watch")
    def _follow_edits(self) -> None:
        from briefing.watch import content_changes

        self.reload_content()  # saves made while the app was closed (see `open_briefing`)
        for _ in content_changes(Path(self.briefing.root), self._stop_watching):
            self.reload_content()

    def reload_content(self) -> None:
        """Bring the briefing up to date with its folder (from a worker thread): what changed is
        shown at once; nothing else moves."""
        if self._reload is None:
            return
        try:
            result = self._reload()
        except Exception as exc:  # a broken store or folder must not end a meeting
            self.log.error(f"reloading failed: {exc!r}")
            self.call_from_thread(
                self.notify,
                "Could not read the changes; the briefing shown is as before.",
                severity="error",
                markup=False,
            )
            return
        if result is not None:
            briefing, changed = result
            self.call_from_thread(self._content_changed, briefing, changed)

    def _content_changed(self, briefing: Briefing, changed: frozenset[str]) -> None:
        had_problems = self.briefing.problems
        self.briefing = briefing
        self.title = briefing.title
        self.sub_title = f"as of {briefing.as_of}" if briefing.as_of else ""
        reader = next((screen for screen in self.screen_stack if isinstance(screen, MainScreen)), None)
        if reader is not None:
            # In the reading screen's queue: its panes are swapped between two of its messages.
            reader.call_next(reader.show_briefing, briefing)
        from briefing.watch import describe_changes

        # A deleted file is said to be gone, not to have "updated" the briefing.
        removed = {path for path in changed if briefing.root and not (Path(briefing.root) / path).exists()}
        kept = changed - removed
        notice = [f"Updated from {describe_changes(kept)}"] if kept else []
        if removed:
            notice.append(f"removed {describe_changes(removed)}" if kept else f"Removed {describe_changes(removed)}")
        self.notify("; ".join(notice), timeout=3, markup=False)
        if briefing.problems != had_problems:
            self._announce_problems()
        self.refresh_bindings()

    # -- navigation: the one place that pushes, pops and switches screens ----------------------

    def _return_to_reader(self) -> MainScreen:
        """Close every screen above the reading screen (it is always at the bottom) and return it."""
        screen = self.screen
        while not isinstance(screen, MainScreen):
            self.pop_screen()
            screen = self.screen
        return screen

    def action_go_to_topic(self, topic_id: str, claim_id: str | None = None) -> None:
        """Show a topic (and a claim of it) on the reading screen, from wherever the reader is."""
        # Posted after the pops, so the reading screen handles it once it is back on top.
        self._return_to_reader().post_message(GoToTopic(topic_id, claim_id))

    @on(GoToTopic)
    def _go_to_topic(self, message: GoToTopic) -> None:
        # Only requests from other screens get here: the reading screen handles its own.
        self.action_go_to_topic(message.topic_id, message.claim_id)

    def action_open_outlet(self, source_id: str) -> None:
        """Show one outlet in full; from an outlet, switch to the other one (Esc still goes back once)."""
        source = self.briefing.source(source_id)
        if source is None:
            self.bell()
            return
        if isinstance(self.screen, OutletScreen):
            self.switch_screen(OutletScreen(self.briefing, source))
        else:
            self.push_screen(OutletScreen(self.briefing, source))

    @on(OpenOutlet)
    def _open_outlet(self, message: OpenOutlet) -> None:
        self.action_open_outlet(message.source_id)

    @on(ChooseOutlet)
    def _choose_outlet(self, message: ChooseOutlet) -> None:
        def chosen(source_id: str | None) -> None:
            if source_id:
                self.action_open_outlet(source_id)

        self.push_screen(ChooseOutletScreen(self.briefing, message.source_ids), chosen)

    def action_figures(self) -> None:
        """Every figure the briefing states, grouped by what it measures."""
        from briefing.ui.screens.figures import FiguresScreen

        self._open_listing(FiguresScreen)

    def action_quotes(self) -> None:
        """Every quotation, with who said it and the outlets that carried it."""
        from briefing.ui.screens.quotes import QuotesScreen

        self._open_listing(QuotesScreen)

    def _open_listing(self, kind: type[ListingScreen]) -> None:
        if isinstance(self.screen, kind):
            return
        if isinstance(self.screen, ListingScreen):  # from figures to quotes: Esc still goes back once
            self.switch_screen(kind(self.briefing))
        else:
            self.push_screen(kind(self.briefing))

    def action_all_outlets(self) -> None:
        """All outlets side by side."""
        if not isinstance(self.screen, CompareScreen):
            self.push_screen(CompareScreen(self.briefing))

    def action_search(self) -> None:
        """Search from any screen: back to the reading screen, then open its search box."""
        reader = self._return_to_reader()
        # Queued on the reading screen, behind the resume its pops posted, so focus lands in the box.
        reader.call_later(reader.action_open_search)

    # -- actions -----------------------------------------------------------------------------

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(help_rows(self, self.screen)))

    def action_show_problems(self) -> None:
        if not self.briefing.problems:  # the key is never silent: it says there is nothing to see
            self.notify("No problems in the content: every file loaded.", timeout=3, markup=False)
        elif not isinstance(self.screen, ProblemsScreen):
            self.push_screen(ProblemsScreen(self.briefing.problems, self.briefing.root))

    def action_print_summary(self) -> None:
        self.notify("Writing the one-page summary…", timeout=2, markup=False)
        self._write_handouts()

    @work(thread=True, exclusive=True, group="print")
    def _write_handouts(self) -> None:
        from briefing.summary import write_handouts

        try:
            paths = write_handouts(self.briefing, self.handout_dir)
        except OSError as exc:
            self.call_from_thread(self.notify, f"Could not write the summary: {exc}", severity="error", markup=False)
            return
        listing = "\n".join(str(path) for path in paths)
        self.call_from_thread(self.notify, f"Summary written:\n{listing}", timeout=10, markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The bindings `PALETTE` names, with their tooltips. Commands act on the screen the
        palette was opened from; search brings the reading screen back first, and what only the
        reading screen can do is offered only there (Back and Forward when there is somewhere
        to go; the problems when there are some)."""
        yield from super().get_system_commands(screen)
        reader = screen if isinstance(screen, MainScreen) else None
        for entry in PALETTE:
            declared_by, binding = binding_by_id((MainScreen, BriefingApp), entry.binding_id)
            if entry.binding_id == "search.open" and reader is None:
                yield SystemCommand(entry.title, "Back to the briefing and search everything", self.action_search)
                continue
            if (entry.reader_only and reader is None) or not self._offered(entry.binding_id, reader):
                continue
            namespace, _, action = binding.action.rpartition(".")
            on_app = declared_by is BriefingApp or namespace == "app"
            target = self if on_app else reader
            if target is None:
                continue
            # Help in the palette is read as markup: a "[" in a tooltip must stay a "[".
            yield SystemCommand(entry.title, escape(binding.tooltip), getattr(target, f"action_{action}"))

    def _offered(self, binding_id: str, reader: MainScreen | None) -> bool:
        if binding_id == "history.back":
            return reader is not None and reader.history.can_go_back
        if binding_id == "history.forward":
            return reader is not None and reader.history.can_go_forward
        if binding_id == "app.problems":
            return bool(self.briefing.problems)
        return True


def make_app(
    briefing: Briefing | None,
    *,
    theme: str | None = None,
    keymap: Mapping[str, str] | None = None,
    notices: Iterable[str] = (),
    handout_dir: Path | None = None,
    deterministic: bool = False,
    reload: Reload | None = None,
    library: Library | None = None,
) -> BriefingApp:
    """The one factory for the CLI, the tests and the screenshot script.

    `keymap` maps binding ids (see `briefing keys`) to the keys that replace theirs; `notices`
    are shown once the app is up (a keymap that could not be used, say); `reload`, when given,
    is how the app follows edits to the content folder. With a `library` (and no briefing) the
    app opens on the shelf of its briefings (`briefing.ui.shelf_app`).
    """
    app: BriefingApp
    if library is not None:
        from briefing.ui.shelf_app import ShelfApp

        app = ShelfApp(library, handout_dir=handout_dir, deterministic=deterministic, notices=notices)
    elif briefing is None:
        raise ValueError("make_app needs a briefing or a library")
    else:
        app = BriefingApp(
            briefing, handout_dir=handout_dir, deterministic=deterministic, notices=notices, reload=reload
        )
    if theme:
        if theme not in app.available_themes:
            names = ", ".join(sorted(app.available_themes))
            raise UnknownTheme(f"unknown theme {theme!r}; choose one of: {names}")
        app.theme = theme
    if keymap:
        app.set_keymap(dict(keymap))
    return app
