"""The shelf, as a reader uses it: open a briefing, go back, reopen the last one, switch from the
palette, search every briefing and open a hit at its claim, widen a briefing's own search, and a
broken briefing that opens to its problems while the others stay on the shelf.

Each test has its own library and cache folder (the last briefing read is kept there)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from briefing.shelf.reading import library_access
from briefing.ui.app import BriefingApp, make_app
from briefing.ui.screens.dialogs import ProblemsScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.shelf import ShelfScreen
from briefing.ui.shelf_app import NO_BRIEFING, ShelfApp
from briefing.ui.widgets.search_bar import SearchInput
from devkit import library as devkit_library
from devkit.screen import screen_lines

FIXTURES = Path(__file__).parent / "fixtures"
BUNDLED = "Trump–Putin call on Ukraine, 18 March 2025"


def make_library(tmp_path: Path, monkeypatch, *names: str) -> Path:
    """A library of the bundled briefing and copies of the named fixtures, linked in, with a
    cache folder of its own."""
    library = devkit_library.make_library(tmp_path, *names)
    monkeypatch.setenv("BRIEFING_LIBRARY", str(library))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return library


@pytest.fixture
def library(tmp_path, monkeypatch) -> Path:
    return make_library(tmp_path, monkeypatch, "minimal", "broken")


def shelf_app() -> ShelfApp:
    app = make_app(None, library=library_access(), deterministic=True)
    assert isinstance(app, ShelfApp)
    return app


def shown_titles(app) -> list[str]:
    return [entry.title for entry in app.shelf.entries]


async def open_from_shelf(pilot, title: str) -> None:
    """Move to the briefing on the shelf and press Enter, as a reader would."""
    position = shown_titles(pilot.app).index(title)
    await pilot.press("home", *["down"] * position, "enter")
    await pilot.pause()
    await pilot.pause()


async def settle(pilot) -> None:
    """Past the shelf's typing delay and its search worker."""
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_enter_opens_the_highlighted_briefing_and_esc_goes_back_to_the_shelf(library):
    app = shelf_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, ShelfScreen)
        # Newest event first; the same event day: the later "as of" first.
        assert shown_titles(app) == [BUNDLED, "Broken briefing", "Test briefing"]
        await pilot.press("down", "down", "enter")  # each entry is one option
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.briefing.title == "Test briefing" and app.title == "Test briefing"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ShelfScreen) and app.briefing is NO_BRIEFING


async def test_esc_clears_a_marked_search_before_it_leaves_the_briefing(library):
    app = shelf_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # the bundled briefing, first on the shelf
        await pilot.pause()
        await pilot.press("slash", *"prisoners", "enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, MainScreen) and reader.active_query == "prisoners"
        await pilot.press("escape")  # clears the marks
        await pilot.pause()
        assert app.screen is reader and reader.active_query == ""
        await pilot.press("escape")  # nothing left to clear: back to the shelf
        await pilot.pause()
        assert isinstance(app.screen, ShelfScreen)


async def test_r_reopens_the_briefing_read_last_even_after_a_restart(library):
    app = shelf_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")  # nothing read yet: r does nothing
        await pilot.pause()
        assert isinstance(app.screen, ShelfScreen)
        await open_from_shelf(pilot, "Test briefing")
        await pilot.press("escape")
        await pilot.pause()
        assert "r: reopen Test briefing" in "\n".join(screen_lines(app))
    again = shelf_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(again.screen, MainScreen) and again.briefing.title == "Test briefing"


async def test_the_palette_switches_from_one_briefing_to_another(library):
    app = shelf_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.briefing.title == BUNDLED
        await pilot.press("ctrl+p", *"briefing", "space", *"test")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.briefing.title == "Test briefing"
        assert len(app.screen_stack) == 2, "one briefing over the shelf, never a pile of them"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ShelfScreen)


async def test_slash_on_the_shelf_searches_every_briefing_and_enter_opens_the_claim(library):
    app = shelf_app()
    async with app.run_test(size=(120, 40)) as pilot:
        # A claim that is not where the briefing opens anyway: the second of its second topic.
        await pilot.press("slash", *"starts at once")
        await settle(pilot)
        shelf = app.screen
        assert isinstance(shelf, ShelfScreen) and shelf.searching
        assert {hit.briefing for hit in shelf.hits} >= {"Test briefing"}
        position, first = next((n, hit) for n, hit in enumerate(shelf.hits) if hit.briefing == "Test briefing")
        assert first.outlets == ("Alpha News", "Beta News") and first.text == "The pause starts at once."
        assert first.topic_id == "energy"
        text = "\n".join(screen_lines(app))
        assert "Test briefing" in text and "Energy › The pause starts at once.  [Alpha News, Beta News]" in text
        await pilot.press(*["down"] * position, "enter")
        await pilot.pause()
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, MainScreen) and app.briefing.title == "Test briefing"
        pane = reader.current_pane
        assert pane is not None and pane.topic.id == first.topic_id
        assert pane.current_claim is not None and pane.current_claim.id == first.claim_id
        await pilot.press("escape")  # back to the shelf, which still shows the search
        await pilot.pause()
        assert isinstance(app.screen, ShelfScreen) and app.screen.searching
        await pilot.press("escape")  # and closes it
        await pilot.pause()
        assert not app.screen.searching


async def test_ctrl_g_widens_a_briefings_search_to_every_briefing(library):
    app = shelf_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_from_shelf(pilot, "Test briefing")
        await pilot.press("slash", *"pause")
        await pilot.pause()
        assert app.screen.query_one(SearchInput).value == "pause"
        await pilot.press("ctrl+g")
        await settle(pilot)
        shelf = app.screen
        assert isinstance(shelf, ShelfScreen) and shelf.searching and shelf.searched == "pause"
        assert {hit.briefing for hit in shelf.hits} == {"Test briefing", BUNDLED, "Broken briefing"}


async def test_a_broken_briefing_shows_its_problems_on_the_shelf_and_opens_to_them(library):
    app = shelf_app()
    async with app.run_test(size=(120, 40)) as pilot:
        broken = next(entry for entry in app.shelf.entries if entry.title == "Broken briefing")
        assert broken.errors
        assert f"Broken briefing  ⚠ {broken.problems} problems" in "\n".join(screen_lines(app))
        await open_from_shelf(pilot, "Broken briefing")
        assert isinstance(app.screen, ProblemsScreen)
        assert len(app.screen.problems) == broken.problems
        await pilot.press("escape")  # what loaded of it is readable behind its problems
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.briefing.title == "Broken briefing"


async def test_a_briefing_whose_folder_is_gone_says_so_and_hides_none_of_the_others(tmp_path, monkeypatch):
    library = make_library(tmp_path, monkeypatch, "minimal")
    (library / "vanished").symlink_to(tmp_path / "nowhere")
    app = shelf_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert shown_titles(app) == [BUNDLED, "Test briefing", "vanished"]
        assert "vanished  ✗ cannot be read:" in "\n".join(screen_lines(app))
        await pilot.press("end", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        assert "content folder not found" in app.screen.problems[0].message
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ShelfScreen)


async def test_content_from_a_briefing_is_never_read_as_markup_on_the_shelf(tmp_path, monkeypatch):
    make_library(tmp_path, monkeypatch, "hostile")
    app = shelf_app()
    async with app.run_test(size=(120, 40)):
        text = "\n".join(screen_lines(app))
        assert "[bold red]Hostile[/] briefing" in text
        assert "Markup [b]must[/b] stay literal" in text


def test_briefing_opens_the_shelf_only_when_the_library_holds_more_than_the_bundled(tmp_path, monkeypatch):
    from briefing.cli import build_parser
    from briefing.commands.app import prepare_app

    monkeypatch.setenv("BRIEFING_LIBRARY", str(tmp_path / "empty"))
    monkeypatch.delenv("BRIEFING_CONTENT", raising=False)
    alone = prepare_app(build_parser().parse_args([]))
    assert type(alone) is BriefingApp and alone.briefing.title == BUNDLED
    make_library(tmp_path, monkeypatch, "minimal")
    assert isinstance(prepare_app(build_parser().parse_args([])), ShelfApp)
    straight = prepare_app(build_parser().parse_args(["--content", str(FIXTURES / "minimal")]))
    assert type(straight) is BriefingApp and straight.briefing.title == "Test briefing"


def test_briefing_keys_lists_the_shelfs_bindings():
    from briefing.ui.keys import key_bindings

    ids = {binding.id: binding.keys for binding in key_bindings()}
    assert ids["shelf.search"] == ("slash",)
    assert ids["shelf.reopen"] == ("r",)
    assert ids["shelf.back"] == ("escape",)
    assert ids["shelf.widen"] == ("ctrl+g",)


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (105, 30)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_hit_across_briefings_is_followed_by_a_divider(library, size):
    # The list's scrollbar appears once the hits overflow: OptionList kept each hit's height
    # from the width before it, so a hit that then wrapped one line more lost its divider.
    app = shelf_app()
    titles = {BUNDLED, "Broken briefing", "Test briefing"}
    async with app.run_test(size=size) as pilot:
        await pilot.press("slash", *"ceasefire energy")
        await settle(pilot)
        hits = app.screen.query_one("#shelf-hits", OptionList)
        assert len(app.shelf.hits) > 20
        style = hits.get_visual_style("option-list--option")
        # Every line of the list, as scrolling through it shows them.
        lines = [hits._get_line(style, y).text.strip() for y in range(len(hits._lines))]
        starts = [n for n, line in enumerate(lines) if line in titles]
        assert len(starts) == len(app.shelf.hits)
        for start in starts[1:]:
            assert lines[start - 1].startswith("─" * 20), "\n".join(lines[start - 6 : start + 1])


@pytest.mark.parametrize("char", ["界", "😀", "é", "a"])
def test_bottom_lines_and_hits_are_cut_by_terminal_cells(char):
    from rich.cells import cell_len

    from briefing.shelf.model import ShelfEntry, ShelfHit
    from briefing.ui.screens.shelf import BOTTOM_LINE, HIT_TEXT, entry_prompt, hit_prompt

    long = f"{char * 150} {char * 150}"
    entry = ShelfEntry("/x", "x", "Title", bottom_line=long)
    bottom = entry_prompt(entry).plain.splitlines()[-1]
    assert bottom.endswith("…") and BOTTOM_LINE - 2 <= cell_len(bottom) <= BOTTOM_LINE
    hit = ShelfHit(
        root="/x",
        briefing="B",
        kind="claim",
        topic_id="t",
        topic="",
        claim_id="t/0",
        source_id=None,
        text=long,
        outlets=(),
        source_ids=(),
        file="briefing.md",
        line=1,
        score=1.0,
    )
    said = hit_prompt(hit).plain.splitlines()[-1]
    assert said.endswith("…") and HIT_TEXT - 2 <= cell_len(said) <= HIT_TEXT
    short = entry_prompt(ShelfEntry("/x", "x", "Title", bottom_line=char * 10)).plain.splitlines()[-1]
    assert short == char * 10


async def test_the_status_line_ends_in_an_ellipsis_when_the_last_title_is_too_long(library):
    app = shelf_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_shelf(pilot, BUNDLED)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ShelfScreen)
        status = screen_lines(app)[-2].rstrip()
        assert "r: reopen Trump–Putin" in status and status.endswith("…"), status
