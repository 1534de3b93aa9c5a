"""Moving between screens, as a reader does: clicking an outlet card at any width, clicking a claim
in an outlet, the palette from every screen, the notice when printing fails."""

from __future__ import annotations

import pytest

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.ui.app import make_app
from briefing.ui.screens.compare import CompareScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.outlet import OutletClaim, OutletScreen
from briefing.ui.widgets.search_bar import SearchInput
from briefing.ui.widgets.source_panel import SourcePanel
from devkit.screen import find_on_screen


@pytest.fixture(scope="module")
def briefing():
    return load_briefing(bundled_content_dir())


def claim_with_several_outlets(briefing) -> tuple[int, int]:
    """(topic number key, claim position) of the first claim that cites three outlets or more."""
    for position, entry in enumerate(briefing.outline[:9]):
        for index, claim in enumerate(briefing.topic(entry.id).claims):
            if len(claim.source_ids) >= 3:
                return position + 1, index
    raise AssertionError("the bundled briefing has no claim citing three outlets")


@pytest.mark.parametrize("size", [(120, 40), (100, 34)], ids=["120x40", "100x34"])
async def test_clicking_an_outlet_card_opens_that_outlet_at_any_width(briefing, size):
    """At 100 columns the panel is an overlay (press s); the cards wrap differently there.
    The second and third cards must open the second and third outlets, whatever the width."""
    number, index = claim_with_several_outlets(briefing)
    claim = briefing.topic(briefing.outline[number - 1].id).claims[index]
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=size) as pilot:
        await pilot.press(str(number), *["down"] * index)
        if size[0] < 110:
            await pilot.press("s")
        await pilot.pause()
        panel = app.screen.query_one(SourcePanel)
        assert panel.display and panel.shown_source_ids == claim.source_ids
        for card in (2, 3):
            source = briefing.source(claim.source_ids[card - 1])
            where = find_on_screen(app, f"{card}  {source.short}", within=panel.region)
            assert where is not None, f"card {card} is on screen"
            await pilot.click(offset=(where.x + 4, where.y))  # on the badge
            await pilot.pause()
            assert isinstance(app.screen, OutletScreen)
            assert app.screen.source.id == source.id
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)


async def test_clicking_a_claim_in_an_outlet_goes_to_it_in_its_topic(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "3")
        await pilot.pause()
        assert isinstance(app.screen, OutletScreen)
        claims = list(app.screen.query(OutletClaim))
        target = claims[min(2, len(claims) - 1)]
        target.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(target, offset=(2, 0))
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert len(app.screen_stack) == 1, "the outlet and the outlets side by side are closed"
        pane = app.screen.current_pane
        assert pane.topic.id == target.claim.topic_id
        assert pane.current_claim.id == target.claim.id
        assert app.focused is pane


async def open_palette_and_run(pilot, words: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    for character in words:
        await pilot.press(character if character != " " else "space")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("keys", [("a",), ("a", "2")], ids=["all-outlets", "outlet"])
async def test_palette_search_from_another_screen_brings_the_reader_back_to_the_box(briefing, keys):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        assert isinstance(app.screen, (CompareScreen, OutletScreen))
        assert not isinstance(app.screen, MainScreen)
        await open_palette_and_run(pilot, "search")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert isinstance(app.focused, SearchInput), "the reader can type the query at once"
        assert app.screen.searching and app.screen.has_class("-searching")
        await pilot.press("k")
        assert app.focused.value == "k"


async def test_palette_offers_the_reading_screen_commands_only_there(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        on_main = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Search", "Toggle topic list", "Toggle source panel", "All outlets"} <= on_main
        assert "Back" not in on_main, "nothing to go back to yet"
        await pilot.press("a")
        await pilot.pause()
        on_compare = {command.title for command in app.get_system_commands(app.screen)}
        assert "Search" in on_compare
        assert not on_compare & {"Toggle topic list", "Toggle source panel", "Back", "Forward"}


async def test_palette_topic_from_an_outlet_shows_that_topic(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "1")
        await pilot.pause()
        assert isinstance(app.screen, OutletScreen)
        await open_palette_and_run(pilot, "kursk")
        assert isinstance(app.screen, MainScreen)
        assert app.screen.current_pane.topic.id == "kursk"


async def test_back_and_forward_are_dimmed_until_they_can_act(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.screen
        assert main.check_action("back", ()) is None and main.check_action("forward", ()) is None
        assert main.check_action("next_hit", (1,)) is None, "no search yet"
        await pilot.press("b")  # dimmed: does nothing, and nothing breaks
        await pilot.press("3")
        await pilot.pause()
        assert main.check_action("back", ()) is True and main.check_action("forward", ()) is None
        await pilot.press("b")
        await pilot.pause()
        assert main.current_pane.topic.id == briefing.outline[0].id
        assert main.check_action("back", ()) is None and main.check_action("forward", ()) is True


async def test_a_failed_print_says_so_in_a_notice(briefing, tmp_path):
    not_a_folder = tmp_path / "handouts"
    not_a_folder.write_text("a file where the handout folder should be")
    app = make_app(briefing, deterministic=True, handout_dir=not_a_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        failures = [n for n in app._notifications if n.severity == "error"]
        assert len(failures) == 1
        assert str(failures[0].message).startswith("Could not write the summary:")
        assert str(not_a_folder) in str(failures[0].message)
        assert app.is_running
        assert not_a_folder.read_text().startswith("a file"), "nothing was written over it"


def test_every_binding_of_the_reader_and_the_app_is_in_the_palette_or_kept_to_its_keys():
    """A new binding is declared once, on its class: the palette takes it by id (`PALETTE`), or
    it is listed as keys only with a reason (`KEYS_ONLY`); never neither, never both."""
    from briefing.ui.app import BriefingApp
    from briefing.ui.commands import KEYS_ONLY, PALETTE, binding_by_id

    declared = {
        binding.id for owner in (BriefingApp, MainScreen) for binding in vars(owner)["BINDINGS"] if binding.description
    }
    in_palette = {entry.binding_id for entry in PALETTE}
    assert declared == in_palette | KEYS_ONLY
    assert not in_palette & KEYS_ONLY
    for entry in PALETTE:
        _, binding = binding_by_id((MainScreen, BriefingApp), entry.binding_id)
        assert binding.tooltip, f"{entry.binding_id}: the palette's help is the binding's tooltip"


async def test_the_palette_says_what_each_binding_says(briefing):
    """Its help is the binding's tooltip, typed once: on the reading screen every command of
    `PALETTE` it may offer is there, and runs the binding's action."""
    from briefing.ui.app import BriefingApp
    from briefing.ui.commands import PALETTE, binding_by_id

    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "1")  # somewhere to go back to
        await pilot.pause()
        offered = {command.title: command for command in app.get_system_commands(app.screen)}
        for entry in PALETTE:
            _, binding = binding_by_id((MainScreen, BriefingApp), entry.binding_id)
            if entry.binding_id in ("history.forward", "app.problems") and entry.title not in offered:
                continue  # nothing to go forward to; a bundled briefing without problems
            assert offered[entry.title].help == binding.tooltip
            assert offered[entry.title].callback.__name__ == f"action_{binding.action.rpartition('.')[2]}"
        assert offered["Search"].help == "Search everything as you type"
