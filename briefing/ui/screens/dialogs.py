"""Small modal screens: help, loader problems, and choosing one of a claim's outlets."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import Briefing, Problem, Severity

CLOSE_KEYS = "escape,q,f1,question_mark"


class HelpScreen(ModalScreen[None]):
    """Every key of the screen the reader came from, built from the bindings themselves."""

    BINDINGS = [Binding(CLOSE_KEYS, "dismiss", "Close", id="help.close", tooltip="Back to where you were")]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__(classes="dialog-screen")
        self.rows = rows

    def compose(self) -> ComposeResult:
        key_width = max((len(key) for key, _, _ in self.rows), default=6) + 2
        lines = [
            Content.assemble(
                Content.styled(f"{key:<{key_width}}", "bold $text-accent"),
                Content(f"{description:<22}"),
                Content.styled(tip, "dim"),
            )
            for key, description, tip in self.rows
        ]
        with VerticalScroll(classes="dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "Esc to close · ctrl+p for every command"
            yield Static(Content("\n").join(lines))


#: Problems listed in the app; a briefing with thousands is sent to `briefing check`.
LISTED_PROBLEMS = 300


class ProblemsScreen(ModalScreen[None]):
    """What the loader found wrong; the topics that loaded are still there behind it."""

    BINDINGS = [Binding(CLOSE_KEYS, "dismiss", "Close", id="problems.close", tooltip="Back to the briefing")]

    def __init__(self, problems: tuple[Problem, ...], root: str) -> None:
        super().__init__(classes="dialog-screen")
        self.problems = problems
        self.root = root

    def compose(self) -> ComposeResult:
        lines = [
            Content.assemble(
                Content.styled(
                    f"{p.severity.value:<8}",
                    "bold $text-error" if p.severity is Severity.ERROR else "bold $text-warning",
                ),
                Content.styled(f"{p.path}:{p.line}" if p.line else p.path, "bold"),
                "\n        ",
                p.message,
            )
            for p in self.problems[:LISTED_PROBLEMS]
        ]
        if len(self.problems) > LISTED_PROBLEMS:
            rest = len(self.problems) - LISTED_PROBLEMS
            lines.append(Content.styled(f"… and {rest:,} more: `briefing check` lists them all", "dim"))
        with VerticalScroll(classes="dialog") as dialog:
            dialog.border_title = f"{len(self.problems)} content problem{'s' * (len(self.problems) != 1)}"
            dialog.border_subtitle = "Fix them, then run `briefing check` · Esc to close"
            folder = Path(self.root).name or self.root
            yield Static(Content.assemble(Content.styled("In the content folder ", "dim"), Content(folder), "\n"))
            yield Static(Content("\n").join(lines) if lines else Content("No problems."))


class ChooseOutletScreen(ModalScreen[str | None]):
    """A claim cites several outlets: pick one by number, arrows or mouse."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="choose.cancel", tooltip="Open no outlet"),
        *(Binding(str(n), f"pick({n})", f"Outlet {n}", show=False, id=f"choose.{n}") for n in range(1, 10)),
    ]

    def __init__(self, briefing: Briefing, source_ids: tuple[str, ...]) -> None:
        super().__init__(classes="dialog-screen")
        self.briefing = briefing
        self.source_ids = source_ids

    def compose(self) -> ComposeResult:
        options = []
        for number, source_id in enumerate(self.source_ids, start=1):
            source = self.briefing.source(source_id)
            options.append(
                Option(
                    Content.assemble(Content.styled(f"{number} ", "dim"), source.outlet if source else source_id),
                    id=source_id,
                )
            )
        with Vertical(classes="dialog chooser") as dialog:
            dialog.border_title = "Open which outlet?"
            yield OptionList(*options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_pick(self, number: int) -> None:
        if number <= len(self.source_ids):
            self.dismiss(self.source_ids[number - 1])
