"""The search box: typing stays in the box; arrows move the result cursor."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

#: Longer queries are cut: nobody types more in a meeting, and it bounds the work per keystroke.
MAX_QUERY_CHARS = 200


class SearchInput(Input):
    BINDINGS = [
        Binding("down", "results(1)", "Next result", show=False, id="search.next_result"),
        Binding("up", "results(-1)", "Previous result", show=False, id="search.previous_result"),
        Binding(
            "escape",
            "close",
            "Close search",
            id="search.close",
            tooltip="Back to the pane; n/N still step through hits",
        ),
    ]

    class MoveResults(Message):
        def __init__(self, delta: int) -> None:
            super().__init__()
            self.delta = delta

    class Closed(Message):
        pass

    def action_results(self, delta: int) -> None:
        self.post_message(self.MoveResults(delta))

    def action_close(self) -> None:
        self.post_message(self.Closed())


class SearchBar(Horizontal):
    """The box plus a `3/17` counter of where the reader is among the hits."""

    def compose(self):
        yield Static(Content.styled(" / ", "bold"), id="search-prompt")
        yield SearchInput(
            placeholder="Search: Enter opens, Esc closes",  # fits the box at 80 columns
            max_length=MAX_QUERY_CHARS,
            id="search-input",
        )
        yield Static(Content(""), id="search-counter")

    @property
    def input(self) -> SearchInput:
        return self.query_one(SearchInput)

    def set_counter(self, position: int | None, total: int) -> None:
        if not total:
            text = Content.styled("no hits", "dim") if self.input.value.strip() else Content("")
        elif position is None:
            text = Content.styled(f"{total} hit{'s' * (total != 1)}", "dim")
        else:
            text = Content.assemble(Content.styled(f"{position + 1}/{total}", "bold"), Content.styled("  n/N", "dim"))
        self.query_one("#search-counter", Static).update(text)
