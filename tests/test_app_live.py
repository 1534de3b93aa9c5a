"""The app follows edits: an author saves a file while the briefing is open, and the reader sees
the change within seconds, without a restart, still where they were.

These go through the real watcher (watchfiles) and the compiled store, as `briefing` does.
"""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.loading.paths import bundled_content_dir
from briefing.store.open import open_briefing, reloader
from briefing.ui.app import make_app
from briefing.ui.screens.dialogs import ProblemsScreen
from briefing.ui.widgets.search_results import SearchResults
from briefing.ui.widgets.source_panel import SourcePanel
from briefing.ui.widgets.topic_list import TopicList
from briefing.ui.widgets.topic_pane import TopicPane

#: How long a change may take to show: the watcher starts a second after the first paint,
#: waits a quarter of a second of quiet, then the store reads the file again.
PATIENCE = 10.0

WOUNDED = "The Kremlin said Russia would also give Ukraine 23 badly wounded soldiers."


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), folder)
    return folder


def live_app(folder: Path):
    briefing, store = open_briefing(folder)
    return make_app(briefing, deterministic=True, reload=reloader(store))


async def until(pilot, condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {PATIENCE} s: {what}")
        await asyncio.sleep(0.05)
    await pilot.pause()


async def watching(pilot) -> None:
    """Wait until the watcher has started (it starts after the first paint)."""
    app = pilot.app
    await until(pilot, lambda: any(worker.group == "watch" for worker in app.workers), "the watcher starts")
    await asyncio.sleep(0.3)  # the watcher's first call into the OS


def pane(app) -> TopicPane:
    return app.screen.current_pane


def shown_text(app) -> str:
    """The open pane's text; "" in the moment between two briefings, when no pane is mounted."""
    shown = app.screen.current_pane
    return shown.rendered_text() if shown is not None and shown.is_mounted else ""


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


async def test_a_saved_edit_shows_at_once_and_the_reader_keeps_their_claim(content):
    app = live_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "j")
        assert pane(app).current_claim.text == WOUNDED
        await watching(pilot)

        # The author adds a claim above the one the reader is on.
        edit(
            content / "topics" / "prisoner-exchange.md",
            "- A prisoner-of-war exchange between",
            "- A claim the author just added. [@uslive]\n- A prisoner-of-war exchange between",
        )
        await until(pilot, lambda: "A claim the author just added." in shown_text(app), "the new claim")

        assert pane(app).current_claim.text == WOUNDED  # the same claim, one further down
        assert pane(app).cursor == 3
        assert list(app.screen.query_one(SourcePanel).shown_source_ids) == ["latimes-ap"]
        assert any("Updated from topics/prisoner-exchange.md" in str(n.message) for n in app._notifications)


async def test_a_reworded_claim_keeps_the_cursor_on_it(content):
    app = live_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "j")
        await watching(pilot)
        edit(content / "topics" / "prisoner-exchange.md", "23 badly wounded soldiers", "23 gravely wounded soldiers")
        await until(pilot, lambda: "gravely" in shown_text(app), "the reworded claim")
        assert pane(app).cursor == 2
        assert "gravely" in pane(app).current_claim.text


async def test_a_broken_file_is_listed_and_the_rest_stays_readable(content):
    app = live_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await watching(pilot)
        assert not app.briefing.problems
        (content / "topics" / "kursk.md").write_text("---\ntitle: [broken\n---\n- x\n", encoding="utf-8")
        await until(pilot, lambda: bool(app.briefing.problems), "the problem")

        assert pane(app).topic.id == "prisoner-exchange"  # still reading
        titles = [entry.title for entry in app.screen.query_one(TopicList).topics]
        assert "Kursk" not in titles and "Hockey matches" in titles
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        assert any(problem.path == "topics/kursk.md" for problem in app.screen.problems)


async def test_search_finds_what_was_added_while_the_app_was_open(content):
    app = live_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await watching(pilot)
        edit(content / "topics" / "hockey.md", "\n- ", "\n- Zamboni drivers were flown in for the games. [@uslive]\n- ")
        await until(pilot, lambda: app.screen.index is not None and app.briefing.topic("hockey") is not None, "reload")
        await until(
            pilot,
            lambda: any("Zamboni" in claim.text for claim in app.briefing.topic("hockey").claims),
            "the new claim in the briefing",
        )
        await asyncio.sleep(0.3)  # the index is rebuilt in a worker
        await pilot.press("slash", *"zamboni")
        results = app.screen.query_one(SearchResults)
        await until(pilot, lambda: bool(results.hits), "a search hit")
        await pilot.press("enter")
        assert pane(app).topic.id == "hockey"
        assert "Zamboni" in pane(app).current_claim.text


async def test_a_removed_topic_gives_way_to_the_one_now_in_its_place(content):
    app = live_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await watching(pilot)
        fourth = app.briefing.outline[3].id
        (content / "topics" / "prisoner-exchange.md").unlink()
        await until(pilot, lambda: app.briefing.topic("prisoner-exchange") is None, "the topic gone")
        await until(pilot, lambda: pane(app) is not None and pane(app).topic.id == fourth, "its neighbour")
        assert app.screen.query_one(TopicList).highlighted == 2
        notices = [str(notice.message) for notice in app._notifications]
        assert any(notice.startswith("Removed topics/prisoner-exchange.md") for notice in notices), notices


async def test_without_a_reload_nothing_is_watched(content):
    briefing, _store = open_briefing(content)
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.sleep(1.5)
        await pilot.pause()
        assert not any(worker.group == "watch" for worker in app.workers)


async def test_the_marked_query_follows_the_edit(content):
    app = live_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.screen.index is not None, "the index")
        await pilot.press("slash", *"zamboni", "escape")
        assert app.screen.active_query == "zamboni" and len(app.screen.hits) == 0
        await watching(pilot)
        edit(content / "topics" / "hockey.md", "\n- ", "\n- Zamboni drivers were flown in for the games. [@uslive]\n- ")
        await until(pilot, lambda: len(app.screen.hits) == 1, "the new claim among the hits")
        await pilot.press("n")
        assert pane(app).topic.id == "hockey" and "Zamboni" in pane(app).current_claim.text


async def test_saves_made_while_the_app_was_closed_show_just_after_the_first_paint(content):
    open_briefing(content)  # the store as the last session left it
    edit(content / "topics" / "hockey.md", "\n- ", "\n- Saved while nobody had the app open. [@uslive]\n- ")
    removed = content / "topics" / "kursk.md"
    removed.unlink()

    # As `briefing` starts: what the store holds is painted at once, without a look at the folder…
    briefing, store = open_briefing(content, up_to_date=False)
    assert briefing.topic("kursk") is not None
    app = make_app(briefing, deterministic=True, reload=reloader(store))
    async with app.run_test(size=(120, 40)) as pilot:
        # …and the folder catches up as soon as the watcher starts.
        await until(pilot, lambda: app.briefing.topic("kursk") is None, "the removed topic gone")
        claims = [claim.text for claim in app.briefing.topic("hockey").claims]
        assert "Saved while nobody had the app open." in claims
        assert "Kursk" not in [entry.title for entry in app.screen.query_one(TopicList).topics]


async def test_a_key_pressed_while_the_panes_are_swapped_finds_no_pane_rather_than_a_gone_one(content):
    briefing, _store = open_briefing(content)
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        reader = app.screen
        swap = asyncio.create_task(reader.show_briefing(open_briefing(content)[0]))
        while not swap.done():  # at every step of the swap, as a key handler would see it
            shown = reader.current_pane
            assert shown is None or shown.is_attached
            await asyncio.sleep(0)
        await swap
        assert pane(app).topic.id == "prisoner-exchange"


async def test_a_save_that_breaks_the_shown_topic_keeps_its_last_good_version_marked_stale(content):
    """An unclosed quote in the title: the topic stays on screen, marked stale, the problem is
    listed; fixing the file shows the new version."""
    app = live_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        shown = pane(app).topic
        assert shown.id == "kursk"
        await watching(pilot)
        path = content / "topics" / "kursk.md"
        good = path.read_text(encoding="utf-8")
        path.write_text(good.replace("title: ", 'title: "Kursk, unclosed\\ntitle_was: ', 1), encoding="utf-8")
        await until(pilot, lambda: app.briefing.topic("kursk") is None, "the broken file read")
        await until(pilot, lambda: pane(app) is not None and pane(app).has_class("-stale"), "the pane marked stale")
        assert pane(app).topic.id == "kursk" and "stale" in str(pane(app).border_subtitle)
        assert any(problem.path.endswith("kursk.md") for problem in app.briefing.problems)
        path.write_text(good, encoding="utf-8")
        await until(pilot, lambda: app.briefing.topic("kursk") is not None, "the fixed file read")
        await until(pilot, lambda: pane(app) is not None and not pane(app).has_class("-stale"), "fresh again")
        assert pane(app).topic.id == "kursk"
