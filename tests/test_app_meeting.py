"""In a meeting: "send me that line" (y, Y), "what was the number?" (#), "who said that?" (")."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.ui.app import make_app
from briefing.ui.screens.figures import FiguresScreen
from briefing.ui.screens.listing import ListingScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.quotes import QuotesScreen
from devkit.screen import screen_lines

FIXTURES = Path(__file__).parent / "fixtures"
WOUNDED = "The Kremlin said Russia would also give Ukraine 23 badly wounded soldiers."


@pytest.fixture(scope="module")
def briefing():
    return load_briefing(bundled_content_dir())


def on_screen(app) -> str:
    return "\n".join(screen_lines(app))


def listed(app) -> list[str]:
    screen = app.screen
    assert isinstance(screen, ListingScreen)
    return [screen.prompt(row).plain for row in screen.shown]


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_y_copies_the_claim_with_its_outlet_and_date(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "j")
        assert app.screen.current_pane.current_claim.text == WOUNDED
        await pilot.press("y")
        assert app.clipboard == f"{WOUNDED} [Los Angeles Times (Associated Press story), 2025-03-18]"
        assert any("Copied with its outlets" in str(n.message) for n in app._notifications)


async def test_shift_y_copies_the_whole_topic_as_markdown(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "Y")
        copied = app.clipboard.splitlines()
        assert copied[0] == "# Kursk"
        topic = briefing.topic("kursk")
        assert sum(line.startswith("- ") for line in copied) == len(topic.claims) + len(topic.source_ids)


async def test_the_palette_copies_too(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "j", "ctrl+p", *"copy claim", "enter")
        await pilot.pause()
        assert app.clipboard.startswith(WOUNDED)


async def test_hash_lists_the_call_length_as_each_outlet_gave_it_and_enter_goes_there(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("number_sign")
        await settle(pilot)
        assert isinstance(app.screen, FiguresScreen)
        await pilot.press(*"hours")
        await pilot.pause()
        rows = listed(app)
        # The whole group shows: the minutes belong to the same quantity as the hours.
        assert [row.split("  ")[1] for row in rows] == ["nearly three hours", "roughly 90 minutes"]
        assert "Call length" in on_screen(app) and "reported differently" in on_screen(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        claim = app.screen.current_pane.current_claim
        assert claim.label == "Call length" and claim.topic_id == "overview"


async def test_hash_then_175_shows_the_prisoner_figures_together(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("number_sign")
        await settle(pilot)
        await pilot.press(*"175 exchange")
        await pilot.pause()
        text = on_screen(app)
        assert "Prisoner exchange › The 23 wounded" in text
        assert "23 badly wounded soldiers" in text and "23 injured" in text
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.current_pane.topic.id == "prisoner-exchange"


async def test_quotation_mark_lists_who_said_what_and_enter_goes_to_the_claim(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("quotation_mark")
        await settle(pilot)
        assert isinstance(app.screen, QuotesScreen)
        await pilot.press(*"zelensky two sides")
        await pilot.pause()
        assert listed(app) == [
            "  “There are two sides in this war — Russia and Ukraine.”  — Zelensky   uslive   LATimes/AP "
        ]
        await pilot.press("enter")
        await pilot.pause()
        claim = app.screen.current_pane.current_claim
        assert "There are two sides in this war" in claim.text


async def test_a_speaker_the_claim_does_not_name_is_not_guessed(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("quotation_mark")
        await settle(pilot)
        await pilot.press(*"in my view")  # "his warning … carries the qualifier": no name before it
        await pilot.pause()
        assert "— speaker not named" in listed(app)[0]


async def test_esc_closes_a_list_and_a_filter_with_no_match_says_so(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("number_sign")
        await settle(pilot)
        await pilot.press(*"zzzz")
        await pilot.pause()
        assert listed(app) == [] and "0 figures" in on_screen(app)
        await pilot.press("enter")  # nothing to go to: the bell, no crash
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_the_lists_render_hostile_text_literally_and_copy_it_clean(tmp_path):
    folder = tmp_path / "content"
    (folder / "topics").mkdir(parents=True)
    (folder / "sources").mkdir()
    (folder / "briefing.md").write_text("---\ntitle: Hostile\n---\n", encoding="utf-8")
    (folder / "sources" / "mark.md").write_text(
        '---\noutlet: "[bold]Mark[/]"\nshort: mark\nconfirmed: [outlet]\n---\nA [link=x]note[/link].\n',
        encoding="utf-8",
    )
    (folder / "topics" / "markup.md").write_text(
        '---\ntitle: "[red]Markup[/]"\norder: 1\nsummary: s\n---\n'
        '- [bold]Trump[/] said "[/] \x1b[2J 175 [0] soldiers" on [$accent]day[/] 3. [@mark]\n',
        encoding="utf-8",
    )
    briefing = load_briefing(folder)
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "y")  # 1 is the overview, which has no claims here
        assert "\x1b" not in app.clipboard and "[/] " in app.clipboard and "[[bold]Mark[/]]" in app.clipboard
        await pilot.press("quotation_mark")
        await settle(pilot)
        assert "“[/] [2J 175 [0] soldiers”  — Trump" in on_screen(app)  # ESC gone, the rest literal
        await pilot.press("escape", "number_sign")
        await settle(pilot)
        text = on_screen(app)
        assert "[red]Markup[/]" in text and "175 [0] soldiers" in text


async def test_help_and_keys_list_the_meeting_tools(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        text = on_screen(app)
        for line in (
            "Copy the claim with its outlets",
            "Copy the whole topic as Markdown",
            "Every figure",
            "Every quotation",
        ):
            assert line in text


async def test_deleting_filter_letters_widens_the_list_again(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("number_sign")
        await settle(pilot)
        everything = app.screen.matching
        await pilot.press(*"30")
        thirty = app.screen.matching
        await pilot.press(*" days")
        assert app.screen.matching < thirty
        await pilot.press(*["backspace"] * 5)
        assert app.screen.matching == thirty
        await pilot.press(*["backspace"] * 2)
        assert app.screen.matching == everything > thirty
