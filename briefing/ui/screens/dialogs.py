"""Small modal screens: help, loader problems, and choosing one of a claim's outlets."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import Briefing, Problem, Severity
from briefing.ui.help import GROUPS, HelpRow
from briefing.ui.widgets.columns import ColumnText

CLOSE_KEYS = "escape,q,f1,question_mark"


class HelpScreen(ModalScreen[None]):
    """Every key of the screen the reader came from, built from the bindings themselves, grouped
    as a reader thinks (`briefing.ui.help`); a wrapped description stays under its column."""

    BINDINGS = [Binding(CLOSE_KEYS, "dismiss", "Close", id="help.close", tooltip="Back to where you were")]

    def __init__(self, rows: list[HelpRow]) -> None:
        super().__init__(classes="dialog-screen")
        self.rows = rows

    def compose(self) -> ComposeResult:
        key_width = min(max((len(row.keys) for row in self.rows), default=6), 16)
        description_width = min(max((len(row.description) for row in self.rows), default=10), 22)
        laid: list[Sequence[Content] | Content] = []
        for group in GROUPS:
            rows = [row for row in self.rows if row.group == group]
            if not rows:
                continue
            laid.append(Content.styled(("" if not laid else "\n") + group, "bold $text-secondary"))
            laid.extend(
                [
                    Content.styled(row.keys, "bold $text-accent"),
                    Content(row.description),
                    Content.styled(row.tip, "dim"),
                ]
                for row in rows
            )
        with VerticalScroll(classes="dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "Esc to close · ctrl+p for every command"
            yield ColumnText(laid, [key_width, description_width])


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
        rows: list[Sequence[Content] | Content] = [
            [
                Content.styled(
                    p.severity.value, "bold $text-error" if p.severity is Severity.ERROR else "bold $text-warning"
                ),
                Content.assemble(Content.styled(f"{p.path}:{p.line}" if p.line else p.path, "bold"), "\n", p.message),
            ]
            for p in self.problems[:LISTED_PROBLEMS]
        ]
        if len(self.problems) > LISTED_PROBLEMS:
            rest = len(self.problems) - LISTED_PROBLEMS
            rows.append(Content.styled(f"… and {rest:,} more: `briefing check` lists them all", "dim"))
        with VerticalScroll(classes="dialog") as dialog:
            count = len(self.problems)
            dialog.border_title = f"{count} content problem{'s' * (count != 1)}" if count else "No problems"
            # The app reads every save again: fixing the file is all it takes.
            dialog.border_subtitle = "Fix and save: the app reads it again · Esc to close"
            folder = Path(self.root).name or self.root
            yield Static(Content.assemble(Content.styled("In the content folder ", "dim"), Content(folder), "\n"))
            if rows:
                yield ColumnText(rows, [7])
            else:
                yield Static(Content("No problems: every file loaded."))


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
