"""The Textual app: a thin shell around a loaded `Briefing`. Build it with `make_app`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from briefing.model import Briefing, Claim
from briefing.ui.commands import BriefingCommands
from briefing.ui.screens.compare import CompareScreen
from briefing.ui.screens.dialogs import ChooseOutletScreen, HelpScreen, ProblemsScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.outlet import OutletScreen


class UnknownTheme(ValueError):
    """--theme named a theme Textual does not have."""


class BriefingApp(App):
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
        Binding(
            "exclamation_mark", "show_problems", "Problems", id="app.problems", tooltip="Problems found in the content"
        ),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit briefing"),
    ]

    def __init__(
        self,
        briefing: Briefing,
        *,
        theme: str | None = None,
        handout_dir: Path | None = None,
        deterministic: bool = False,
    ) -> None:
        super().__init__()
        self.briefing = briefing
        self.handout_dir = handout_dir or Path.cwd()
        # Tests and screenshots need frames that do not depend on time.
        self.deterministic = deterministic
        self.title = briefing.title
        self.sub_title = f"as of {briefing.as_of}" if briefing.as_of else ""
        if theme:
            self.theme = theme

    def get_default_screen(self) -> Screen:
        return MainScreen(self.briefing)

    def on_mount(self) -> None:
        if self.deterministic:
            for search_input in self.screen.query("Input"):
                search_input.cursor_blink = False
        if self.briefing.problems:
            count = len(self.briefing.problems)
            self.notify(
                f"{count} problem{'s' * (count != 1)} in the content; the rest loaded. Press ! to see them.",
                severity="warning" if self.briefing.errors else "information",
                timeout=8,
                markup=False,
            )

    # -- navigation used by screens, widgets and the palette --------------------------------

    @property
    def main_screen(self) -> MainScreen:
        return next(screen for screen in self.screen_stack if isinstance(screen, MainScreen))

    def _back_to_main(self) -> MainScreen:
        main = self.main_screen
        while self.screen is not main:
            self.pop_screen()
        return main

    def go_to_topic(self, topic_id: str) -> None:
        self._back_to_main().show_topic(topic_id)

    def go_to_claim(self, claim: Claim) -> None:
        main = self._back_to_main()
        main.show_topic(claim.topic_id, main.claim_index(claim.topic_id, claim.id))

    def open_outlet(self, source_id: str) -> None:
        source = self.briefing.source(source_id)
        if source is None:
            return
        if isinstance(self.screen, OutletScreen):
            self.switch_screen(OutletScreen(self.briefing, source))
        else:
            self.push_screen(OutletScreen(self.briefing, source))

    def choose_outlet(self, source_ids: tuple[str, ...]) -> None:
        def chosen(source_id: str | None) -> None:
            if source_id:
                self.open_outlet(source_id)

        self.push_screen(ChooseOutletScreen(self.briefing, source_ids), chosen)

    def open_all_outlets(self) -> None:
        if not isinstance(self.screen, CompareScreen):
            self.push_screen(CompareScreen(self.briefing))

    # -- actions -----------------------------------------------------------------------------

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self._binding_rows(self.screen)))

    def _binding_rows(self, screen: Screen) -> list[tuple[str, str, str]]:
        """One row per binding of ours that applies now (they all carry an id), every key shown.

        Textual splits "down,j" into one binding per key; they share the id, so group by it.
        """
        keys: dict[str, list[str]] = {}
        about: dict[str, tuple[str, str]] = {}
        for _key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.id or not binding.description:
                continue
            row_id = "topic.number" if binding.id.startswith("topic.") and binding.id[6:].isdigit() else binding.id
            keys.setdefault(row_id, []).append(self.get_key_display(binding))
            about.setdefault(row_id, (binding.description, binding.tooltip))
        about["topic.number"] = ("Go to topic by number", "The numbers in the topic list")
        rows = [
            ("1…9" if row_id == "topic.number" else ", ".join(dict.fromkeys(keys[row_id])), *about[row_id])
            for row_id in keys
        ]
        return sorted(rows, key=lambda row: row[1])

    def action_show_problems(self) -> None:
        if not isinstance(self.screen, ProblemsScreen):
            self.push_screen(ProblemsScreen(self.briefing.problems, self.briefing.root))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Problems are hidden from the footer when there is nothing to show.
        return not (action == "show_problems" and not self.briefing.problems)

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
        yield from super().get_system_commands(screen)
        main = self.main_screen
        yield SystemCommand("Search", "Search everything as you type", main.action_open_search)
        yield SystemCommand("All outlets", "All outlets side by side", self.open_all_outlets)
        yield SystemCommand("Print summary", "Write the one-page summary as PDF and text", self.action_print_summary)
        yield SystemCommand("Toggle topic list", "Show or hide the topic list", main.action_toggle_topics)
        yield SystemCommand("Toggle source panel", "Show or hide the source panel", main.action_toggle_sources)
        yield SystemCommand("Back", "Back to where you were", main.action_back)
        yield SystemCommand("Forward", "Forward again", main.action_forward)
        if self.briefing.problems:
            yield SystemCommand("Show content problems", "What the loader found wrong", self.action_show_problems)


def make_app(
    briefing: Briefing,
    *,
    theme: str | None = None,
    handout_dir: Path | None = None,
    deterministic: bool = False,
) -> BriefingApp:
    """The one factory for the CLI, the tests and the screenshot script."""
    app = BriefingApp(briefing, handout_dir=handout_dir, deterministic=deterministic)
    if theme:
        if theme not in app.available_themes:
            names = ", ".join(sorted(app.available_themes))
            raise UnknownTheme(f"unknown theme {theme!r}; choose one of: {names}")
        app.theme = theme
    return app
