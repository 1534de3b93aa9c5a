"""The shelf: every briefing of the library, newest event first, and a search across them all.

Each line is a briefing's header and counts (`ShelfEntry`, read from its store by the CLI): the
shelf never reads a topic. Enter opens one, `/` searches every briefing (in a thread worker:
a hundred briefings take longer than a keystroke), `r` reopens the last one read. Opening is
asked for with `OpenBriefing`, which the app routes; the screen never switches screens itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len, set_cell_size
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.shelf.model import Library, ShelfEntry, ShelfHit
from briefing.ui.navigation import OpenBriefing

#: Hits listed for one query across the library.
SHOWN_HITS = 50
#: Seconds of quiet typing before the library is searched: each search reads every briefing.
SEARCH_DELAY = 0.15
#: Terminal cells of a bottom line on the shelf: about two lines at 120 columns.
BOTTOM_LINE = 200
#: Terminal cells of a hit's text: the answer usually reads in them; Enter shows the claim whole.
HIT_TEXT = 160


class ShelfScreen(Screen[None]):
    BINDINGS = [
        Binding("slash", "open_search", "Search all", id="shelf.search", tooltip="Search every briefing at once"),
        Binding("r", "reopen", "Reopen last", id="shelf.reopen", tooltip="Open the briefing read last"),
        Binding("escape", "close_search", "Shelf", show=False, id="shelf.close_search", tooltip="Back to the shelf"),
        Binding("down", "move(1)", "Down", show=False, id="shelf.down", tooltip="The next hit"),
        Binding("up", "move(-1)", "Up", show=False, id="shelf.up", tooltip="The previous hit"),
    ]

    #: Whether the search box and its hits are shown instead of the shelf.
    searching: reactive[bool] = reactive(False, init=False)

    def __init__(self, library: Library) -> None:
        super().__init__(classes="shelf-screen")
        self.library = library
        self.hits: list[ShelfHit] = []
        self.searched = ""  # the query the listed hits answer
        self._timer: Timer | None = None
        self._last = library.last_read()

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        yield Input(placeholder="Search every briefing", id="shelf-search")
        shelf = OptionList(*_separated(entry_prompt(entry) for entry in self.entries), id="shelf-list")
        shelf.border_title = f"{len(self.entries)} briefings, newest event first"
        yield shelf
        hits = OptionList(id="shelf-hits")
        hits.border_title = "Hits in every briefing"
        yield hits
        yield Static(id="shelf-status")
        yield Footer()

    @property
    def entries(self) -> list[ShelfEntry]:
        return self.library.entries

    def on_mount(self) -> None:
        self.sub_title = "the shelf"
        box = self.query_one("#shelf-search", Input)
        box.cursor_blink = not getattr(self.app, "deterministic", False)
        shelf = self.query_one("#shelf-list", OptionList)
        last = next((n for n, entry in enumerate(self.entries) if entry.root == self._last), None)
        shelf.highlighted = last if last is not None else (0 if self.entries else None)
        shelf.focus()
        self._show_status()

    def on_screen_resume(self) -> None:
        # Back from a briefing: the one just read is the one `r` reopens.
        self._last = self.library.last_read()
        self._show_status()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reopen":
            return self.library.entry(self._last or "") is not None
        if action in ("close_search", "move"):
            return self.searching
        return True

    # -- opening -------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#shelf-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.post_message(OpenBriefing(self.entries[int(event.option.id)].root))

    def action_reopen(self) -> None:
        if self._last and self.library.entry(self._last) is not None:
            self.post_message(OpenBriefing(self._last))

    # -- searching every briefing --------------------------------------------------------------

    def watch_searching(self, searching: bool) -> None:
        self.set_class(searching, "-searching")
        self.refresh_bindings()
        self._show_status()

    def action_open_search(self, query: str | None = None) -> None:
        """Show the search box (with `query` in it, when widening a briefing's own search)."""
        self.searching = True
        box = self.query_one("#shelf-search", Input)
        if query is not None:
            box.value = query
        box.focus()
        if query is None:
            box.select_all()
        self._search_soon(box.value)

    def action_close_search(self) -> None:
        self.searching = False
        self.query_one("#shelf-list", OptionList).focus()

    @on(Input.Changed, "#shelf-search")
    def _typed(self, event: Input.Changed) -> None:
        self._search_soon(event.value)

    def _search_soon(self, query: str) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SEARCH_DELAY, lambda: self.run_search(query))

    @work(thread=True, exclusive=True, group="shelf-search")
    def run_search(self, query: str) -> None:
        try:
            hits = self.library.search(query, SHOWN_HITS) if query.strip() else []
        except Exception as exc:  # one briefing's fault must not end the search, nor the app
            self.log.error(f"searching the library failed: {exc!r}")
            hits = []
        self.app.call_from_thread(self._show_hits, query, hits)

    def _show_hits(self, query: str, hits: list[ShelfHit]) -> None:
        if query != self.query_one("#shelf-search", Input).value:
            return  # typing went on: a newer search is coming
        self.hits, self.searched = hits, query
        options = self.query_one("#shelf-hits", OptionList)
        options.set_options(_separated(hit_prompt(hit) for hit in hits))
        options.highlighted = 0 if hits else None
        self._show_status()

    def action_move(self, delta: int) -> None:
        options = self.query_one("#shelf-hits", OptionList)
        if options.option_count:
            (options.action_cursor_down if delta > 0 else options.action_cursor_up)()

    @on(Input.Submitted, "#shelf-search")
    def _submitted(self) -> None:
        options = self.query_one("#shelf-hits", OptionList)
        if options.highlighted is None:
            self.app.bell()
            return
        self._open_hit(self.hits[options.highlighted])

    @on(OptionList.OptionSelected, "#shelf-hits")
    def _hit_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._open_hit(self.hits[int(event.option.id)])

    def _open_hit(self, hit: ShelfHit) -> None:
        self.post_message(OpenBriefing(hit.root, hit.topic_id, hit.claim_id, hit.source_id))

    # -- the status line -----------------------------------------------------------------------

    def _show_status(self) -> None:
        if self.searching:
            if not self.searched:
                text = "Type to search every briefing · Esc: back to the shelf"
            else:
                briefings = len({hit.root for hit in self.hits})
                text = (
                    f"{len(self.hits)} hit{'s' * (len(self.hits) != 1)} in {briefings} "
                    f"briefing{'s' * (briefings != 1)} · ↑↓ choose · Enter: open at the claim · Esc: back"
                )
            self.query_one("#shelf-status", Static).update(Content(text))
            return
        parts = [Content("Enter: open · /: search every briefing")]
        last = self.library.entry(self._last or "")
        if last is not None:
            parts.append(Content.assemble("r: reopen ", Content.styled(last.title, "italic")))
        self.query_one("#shelf-status", Static).update(Content(" · ").join(parts))


def _separated(prompts: Iterable[Content]) -> list[Option | None]:
    """Options with ids "0", "1"…, a rule between two (`None`: a separator, which is no option,
    so positions stay those of the entries)."""
    options: list[Option | None] = []
    for number, prompt in enumerate(prompts):
        if number:
            options.append(None)
        options.append(Option(prompt, id=str(number)))
    return options


def clip_cells(text: str, cells: int) -> str:
    """`text` in at most `cells` terminal cells, ending in "…" when cut: a wide character (CJK,
    most emoji) takes two cells, so counting characters would overflow."""
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, cells - 1).rstrip() + "…"


def entry_prompt(entry: ShelfEntry) -> Content:
    """Title (and its problems), then dates and size, then the start of the bottom line: all of
    it content, so it is never read as markup."""
    first = [Content.styled(entry.title, "bold")]
    if entry.unreadable:
        first.append(Content.styled(f"  ✗ cannot be read: {entry.unreadable}", "bold $text-error"))
    elif entry.problems:
        noun = f"problem{'s' * (entry.problems != 1)}"
        style = "bold $text-error" if entry.errors else "$text-warning"
        first.append(Content.styled(f"  ⚠ {entry.problems} {noun}", style))
    dates = []
    if entry.event_date:
        dates.append(f"event {entry.event_date}")
    if entry.as_of:
        dates.append(f"as of {entry.as_of}")
    second = " · ".join([*dates, entry.size] if entry.size else dates) or entry.name
    bottom = clip_cells(" ".join(entry.bottom_line.split()), BOTTOM_LINE)
    lines = [Content.assemble(*first), Content.styled(second, "$text-muted")]
    if bottom:
        lines.append(Content(bottom))
    return Content("\n").join(lines)


def hit_prompt(hit: ShelfHit) -> Content:
    """The briefing it comes from, then `topic › text` and its outlets."""
    text = clip_cells(" ".join(hit.text.split()), HIT_TEXT)
    where = Content.styled(hit.briefing, "bold $accent")
    said = Content.assemble(Content.styled(f"{hit.topic} › ", "bold"), text) if hit.topic else Content(text)
    if hit.outlets and hit.kind != "source":
        said = Content.assemble(said, Content.styled(f"  [{', '.join(hit.outlets)}]", "$text-muted"))
    return Content("\n").join([where, said])
