"""The reading app, driven the way a reader drives it: keys first, mouse too."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.ui.app import UnknownTheme, make_app
from briefing.ui.keys import key_bindings, unnamed_bindings
from briefing.ui.screens.compare import CompareScreen
from briefing.ui.screens.dialogs import ChooseOutletScreen, HelpScreen, ProblemsScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.outlet import OutletScreen
from briefing.ui.widgets.source_panel import SourcePanel
from devkit.screen import screen_lines

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def briefing():
    return load_briefing(bundled_content_dir())


def panel_outlets(app) -> list[str]:
    return list(app.screen.query_one(SourcePanel).shown_source_ids)


async def test_opens_on_the_overview_with_its_sources(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.current_pane.topic.id == "overview"
        assert panel_outlets(app) == list(briefing.topic_at(0).claims[0].source_ids)


async def test_press_3_move_down_two_claims_panel_follows(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "down", "j")
        await pilot.pause()
        pane = app.screen.current_pane
        topic = briefing.topic_at(2)
        assert pane.topic.id == topic.id
        assert pane.cursor == 2
        assert panel_outlets(app) == list(topic.claims[2].source_ids)
        await pilot.press("k")
        await pilot.pause()
        assert panel_outlets(app) == list(topic.claims[1].source_ids)


async def test_open_an_outlet_and_go_back(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        claim = app.screen.current_pane.current_claim
        await pilot.press("o")
        await pilot.pause()
        if len(claim.source_ids) > 1:
            assert isinstance(app.screen, ChooseOutletScreen)
            await pilot.press("1")
            await pilot.pause()
        assert isinstance(app.screen, OutletScreen)
        assert app.screen.source.id == claim.source_ids[0]
        await pilot.press("right")
        await pilot.pause()
        sources = briefing.sources
        following = sources[(sources.index(briefing.source(claim.source_ids[0])) + 1) % len(sources)]
        assert app.screen.source.id == following.id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.current_pane.topic.id == briefing.outline[1].id


async def test_back_and_forward_through_topics(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "down", "4")
        await pilot.pause()
        assert app.screen.current_pane.topic.id == briefing.outline[3].id
        await pilot.press("b")
        await pilot.pause()
        pane = app.screen.current_pane
        assert pane.topic.id == briefing.outline[1].id
        assert pane.cursor == 1, "back returns to the claim the reader had reached"
        await pilot.press("f")
        await pilot.pause()
        assert app.screen.current_pane.topic.id == briefing.outline[3].id


async def test_next_and_previous_topic_wrap(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.screen.current_pane.topic.id == briefing.outline[-1].id
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.screen.current_pane.topic.id == briefing.outline[0].id
        await pilot.press("right")
        await pilot.pause()
        assert app.screen.current_pane.topic.id == briefing.outline[1].id, "→ in a pane means next topic"


async def test_toggle_panels(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        sidebar, sources = app.screen.query_one("#sidebar"), app.screen.query_one("#sources")
        assert sidebar.display and sources.display
        await pilot.press("t", "s")
        await pilot.pause()
        assert not sidebar.display and not sources.display
        await pilot.press("s")
        await pilot.pause()
        assert sources.display


async def test_narrow_terminal_hides_panels_until_asked(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        sources = app.screen.query_one("#sources")
        assert not sources.display
        await pilot.press("s")
        await pilot.pause()
        assert sources.display
        assert sources.region.width <= 44


async def test_mouse_click_on_topic_and_claim(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#sidebar", offset=(3, 2))  # row 0 is the border, row 1 the first topic
        await pilot.pause()
        assert app.screen.current_pane.topic.id == briefing.outline[1].id
        pane = app.screen.current_pane
        row = pane.line_of_claim(1) - int(pane.scroll_offset.y)
        await pilot.click(pane, offset=(6, 1 + row))  # +1: the pane's top border
        await pilot.pause()
        assert pane.cursor == 1


async def test_all_outlets_side_by_side(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        columns = app.screen.query(".outlet-column")
        assert [c.source.id for c in columns] == [s.id for s in briefing.sources]
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, OutletScreen)
        assert app.screen.source.id == briefing.sources[1].id


async def test_help_lists_the_keys(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        descriptions = {row[1] for row in app.screen.rows}
        assert {"Search", "Next hit", "Outlet", "Back", "Next topic", "Quit"} <= descriptions
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


def test_every_binding_has_an_id_and_no_key_a_terminal_cannot_send():
    assert unnamed_bindings() == []
    keys = {key for binding in key_bindings() for key in binding.keys}
    assert not keys & {"ctrl+h", "ctrl+m", "ctrl+i", "ctrl+j", "ctrl+enter"}, "terminals send these as other keys"


async def test_problems_are_shown_and_valid_topics_still_load(tmp_path):
    content = tmp_path / "content"
    import shutil

    shutil.copytree(FIXTURES / "minimal", content)
    (content / "topics" / "broken.md").write_text("---\ntitle: [unclosed\n---\n- x [@alpha]\n")
    briefing = load_briefing(content)
    assert briefing.errors
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("problem" in str(n.message) for n in app._notifications)
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.current_pane.topic.id == "energy"
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        assert any(p.path == "topics/broken.md" for p in app.screen.problems)


@pytest.mark.parametrize("size", [(40, 12), (20, 6)])
async def test_tiny_terminals_and_resizing_do_not_crash(briefing, size):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=size) as pilot:
        await pilot.press("3", "down", "s", "t", "slash", "k", "h", "l", "enter")
        for width, height in [(120, 40), (20, 6), (80, 24), (40, 12), (1, 1), (100, 30)]:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
        assert app.is_running
        # Back at a usable size the reader sees a whole screen again, not what a tiny one left:
        # the topic that was open, named in its pane's border, with the footer's keys below.
        main = app.screen
        assert isinstance(main, MainScreen)
        pane = main.current_pane
        # Enter on the search for "khl" opened the hockey topic: it is still the one shown, named
        # in its pane's border, with the query kept in the box above it.
        assert pane is not None and pane.topic.id == "hockey"
        screen = "\n".join(screen_lines(app))
        assert "─ 6 Hockey matches ─" in screen
        assert "/ khl" in screen


def test_unknown_theme_is_refused(briefing):
    with pytest.raises(UnknownTheme):
        make_app(briefing, theme="no-such-theme")
    assert make_app(briefing, theme="nord").theme == "nord"


async def test_hostile_content_renders_literally():
    """Markup, escapes and look-alike citations in content are shown exactly as written."""
    briefing = load_briefing(FIXTURES / "hostile")
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = {}
        for number in range(1, len(briefing.outline) + 1):
            await pilot.press(str(number))
            await pilot.pause()
            # Lines are wrapped to the pane: compare words, not line breaks.
            shown[app.screen.current_pane.topic.id] = " ".join(app.screen.current_pane.rendered_text().split())
        overview, scripts, markup = (shown[entry.id] for entry in briefing.outline)
        assert "A claim with [/] and [0] and [bold in it." in overview
        assert "Markup [b]must[/b] stay literal, and [link=https://x.example]links[/link] too." in overview
        assert "[bold]Label[/]: one side" in scripts and "[not a citation]" in scripts
        assert "Scripts [italic]and[/italic] widths" in scripts
        assert "[@mark] looks like a citation" in markup and "[dim]summary[/dim]" in markup
        assert "Backslash \\ and [$accent]variable[/] markup." in markup
        assert not any("\x1b" in text for text in shown.values())

        # And on the terminal itself: the header, the pane, the badges and the source panel.
        await pilot.press("1")
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        for literal in (
            "[bold red]Hostile[/] briefing",
            "[/] and [0] and [bold in it",
            " [M] ",
            "[bold]Markup[/bold] Times",
        ):
            assert literal in screen
        assert "\x1b" not in screen
        svg = app.export_screenshot()
        assert "[/]&#160;and&#160;[0]&#160;and&#160;[bold" in svg or "[/] and [0] and [bold" in svg


async def test_print_summary_writes_the_handouts_without_blocking(briefing, tmp_path):
    app = make_app(briefing, deterministic=True, handout_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await pilot.press("2", "down")  # the UI keeps answering while the PDF is written
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.current_pane.cursor == 1
        written = sorted(path.name for path in tmp_path.iterdir())
        assert written == ["briefing-summary.pdf", "briefing-summary.txt"]
        assert (tmp_path / "briefing-summary.pdf").read_bytes().startswith(b"%PDF")
        assert any(str(tmp_path) in str(n.message) for n in app._notifications)


async def test_palette_finds_topics_and_outlets(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        for character in "kursk":
            await pilot.press(character)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.current_pane.topic.id == "kursk"


async def test_changing_theme_repaints_the_pane_in_the_new_colours(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = app.screen.current_pane
        before = pane.render_line(0)
        app.theme = "textual-light"
        await pilot.pause()
        after = pane.render_line(0)
        assert before.text == after.text
        assert [s.style for s in before] != [s.style for s in after]


def test_cli_start_path_refuses_bad_theme_and_folder_in_one_line(tmp_path):
    import subprocess
    import sys

    for args, expected in [
        (["--theme", "no-such-theme"], "unknown theme 'no-such-theme'"),
        (["--content", str(tmp_path / "nowhere")], "content folder not found"),
    ]:
        result = subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, timeout=60)
        assert result.returncode == 2
        assert expected in result.stderr and "Traceback" not in result.stderr


async def test_an_empty_folder_still_opens_and_survives_every_key(tmp_path):
    briefing = load_briefing(tmp_path)
    assert briefing.outline == () and briefing.errors
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in [
            "1",
            "down",
            "right",
            "o",
            "a",
            "escape",
            "b",
            "f",
            "t",
            "s",
            "n",
            "slash",
            "x",
            "enter",
            "escape",
            "exclamation_mark",
            "escape",
            "f1",
            "escape",
        ]:
            await pilot.press(key)
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MainScreen)
