"""A screen that lists rows gathered from the whole briefing, filtered as you type: the base of
the figures (`#`) and quotes (`"`) views.

The rows are gathered topic by topic in a thread worker once the screen is up, and shown as
they come, so the screen opens at once whatever the size of the briefing. At most `SHOWN` rows
are listed at a time (a line says how many more match); typing narrows them. Enter, or a click,
goes to the row's claim on the reading screen (through `GoToTopic`, which the app routes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import Briefing
from briefing.ui.navigation import GoToTopic

#: Rows listed at once: enough to scroll through, few enough to redraw on every keystroke.
SHOWN = 100
#: Topics gathered before the list first shows, and between two updates while it fills.
FIRST_BATCH = 20
BATCH = 500


@dataclass(frozen=True)
class Row:
    """One listed line: what it stands for, the text the filter looks in, and the claim it goes
    to. What it shows is built only when it is listed (`ListingScreen.prompt`): a large
    briefing has tens of thousands of rows, and only a few hundred are ever on screen."""

    item: Any  # what the screen listing it makes of a row: a (group, figure), a (title, quote)
    haystack: str
    topic_id: str
    claim_id: str
    #: The group it belongs to; its heading (`ListingScreen.heading`) is shown once above its rows.
    group_key: str = ""


class ListingScreen(Screen[None]):
    """Subclasses say what a row is (`rows_of_topic`) and what the list is called."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="listing.close", tooltip="Back to the briefing"),
        Binding("down", "move(1)", "Down", show=False, id="listing.down", tooltip="The next row"),
        Binding("up", "move(-1)", "Up", show=False, id="listing.up", tooltip="The previous row"),
        Binding("pagedown", "move(10)", "Page down", show=False, id="listing.page_down", tooltip="Ten rows on"),
        Binding("pageup", "move(-10)", "Page up", show=False, id="listing.page_up", tooltip="Ten rows back"),
        Binding("enter", "choose", "Go to claim", id="listing.choose", tooltip="Show this claim in its topic"),
    ]

    #: Shown in the border and the palette.
    TITLE_TEXT = ""
    #: What a row is called ("figure", "quotation"), for the count line.
    NOUN = "row"
    PLACEHOLDER = "Filter"
    #: A group is listed whole when the filter finds its words anywhere in it: "hours" lists the
    #: call's length as every outlet gave it, minutes included.
    WHOLE_GROUPS = False

    def __init__(self, briefing: Briefing) -> None:
        super().__init__(classes="listing-screen")
        self.briefing = briefing
        self.rows: list[Row] = []
        self.shown: list[Row] = []
        self.complete = False
        self.matching = 0
        self._group_haystacks: dict[str, str] = {}
        #: The last query, the rows it matched, and how many rows there were then.
        self._last_match: tuple[str, list[Row], int] = ("", [], 0)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        yield Input(placeholder=self.PLACEHOLDER, id="listing-filter")
        options = OptionList(id="listing-rows")
        options.border_title = self.TITLE_TEXT
        yield options
        yield Static(id="listing-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.TITLE_TEXT
        box = self.query_one(Input)
        box.cursor_blink = not getattr(self.app, "deterministic", False)  # frames that do not depend on time
        box.focus()
        self._show_status()
        self.gather()

    # -- gathering --------------------------------------------------------------------------

    def rows_of_topic(self, topic_id: str) -> list[Row]:
        raise NotImplementedError

    def prompt(self, row: Row) -> Content:
        raise NotImplementedError

    def heading(self, row: Row) -> Content | None:
        return None

    @work(thread=True, exclusive=True, group="listing")
    def gather(self) -> None:
        batch: list[Row] = []
        for count, entry in enumerate(self.briefing.outline, start=1):
            batch.extend(self.rows_of_topic(entry.id))
            # The first topics at once, so the list is never empty for long; then in batches.
            if count == FIRST_BATCH or count % BATCH == 0:
                self.app.call_from_thread(self._add_rows, batch, False)
                batch = []
        self.app.call_from_thread(self._add_rows, batch, True)

    def _add_rows(self, rows: list[Row], complete: bool) -> None:
        self.rows.extend(rows)
        for row in rows:
            known = self._group_haystacks.get(row.group_key, "")
            self._group_haystacks[row.group_key] = f"{known}\n{row.haystack}" if known else row.haystack
        self.complete = complete
        if len(self.shown) < SHOWN or complete:
            self._refilter()
        else:
            self._show_status()

    # -- filtering --------------------------------------------------------------------------

    @on(Input.Changed, "#listing-filter")
    def _filter_changed(self) -> None:
        self._refilter()

    def _matching(self) -> list[Row]:
        query = self.query_one(Input).value.casefold()
        words = query.split()
        # Typing on narrows the last answer: only the rows that matched it can match now.
        last_query, last_rows, last_count = self._last_match
        narrowing = last_query and query.startswith(last_query) and last_count == len(self.rows)
        whole = self.WHOLE_GROUPS
        haystacks = self._group_haystacks
        matches = [
            row
            for row in (last_rows if narrowing else self.rows)
            if all(word in (haystacks[row.group_key] if whole else row.haystack) for word in words)
        ]
        self._last_match = (query, matches, len(self.rows))
        return matches

    def _refilter(self) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        matches = self._matching()
        shown = matches[:SHOWN]
        self.shown = shown
        self.matching = len(matches)
        prompts: list[Option] = []
        group = None
        for index, row in enumerate(shown):
            if row.group_key != group:
                group = row.group_key
                heading = self.heading(row)
                if heading is not None:
                    prompts.append(Option(heading, disabled=True))
            prompts.append(Option(self.prompt(row), id=str(index)))
        options.set_options(prompts)
        if prompts:
            first = next((i for i, option in enumerate(prompts) if not option.disabled), None)
            options.highlighted = highlighted if highlighted is not None and highlighted < len(prompts) else first
            if options.highlighted is not None and prompts[options.highlighted].disabled:
                options.highlighted = first
        self._show_status()

    def _show_status(self) -> None:
        matching = self.matching
        noun = self.NOUN + ("s" if matching != 1 else "")
        parts = [f"{matching:,} {noun}"]
        if not self.complete:
            parts.append("reading the briefing…")
        if matching > len(self.shown):
            parts.append(f"the first {len(self.shown):,} listed: type to narrow")
        parts.append("Enter: go to the claim · Esc: back")
        self.query_one("#listing-status", Static).update(Content(" · ".join(parts)))

    # -- moving and choosing ----------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        options = self.query_one(OptionList)
        if not options.option_count:
            return
        step = options.action_cursor_down if delta > 0 else options.action_cursor_up
        for _ in range(abs(delta)):
            step()

    def action_choose(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            self.app.bell()
            return
        self._go(options.get_option_at_index(options.highlighted))

    @on(OptionList.OptionSelected, "#listing-rows")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._go(event.option)

    def _go(self, option: Option) -> None:
        if option.id is None:
            return
        row = self.shown[int(option.id)]
        self.post_message(GoToTopic(row.topic_id, row.claim_id))

    @on(Input.Submitted, "#listing-filter")
    def _submitted(self) -> None:
        # Enter in the filter box goes to the highlighted row, as in the search box.
        self.action_choose()
