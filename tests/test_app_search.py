"""Search in the app: /, type, Enter, n, N, Escape, as a reader in a meeting would."""

from __future__ import annotations

import pytest

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.search import SearchIndex
from briefing.ui.app import make_app
from briefing.ui.screens.main import MainScreen
from briefing.ui.widgets.search_bar import SearchInput
from briefing.ui.widgets.search_results import SearchResults
from devkit.screen import find_on_screen


@pytest.fixture(scope="module")
def briefing():
    return load_briefing(bundled_content_dir())


@pytest.fixture(autouse=True)
def _index_at_once(monkeypatch):
    """The app builds its index a moment after the first paint; these tests need it at once."""
    monkeypatch.setattr("briefing.ui.search_controller.INDEX_DELAY", 0.01)


async def ready(pilot) -> MainScreen:
    """The app is up and its index built (that starts a moment after the first paint)."""
    main = pilot.app.screen
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.05)
        if main.index is not None:
            break
    assert main.index is not None
    return main


async def type_query(pilot, text: str) -> None:
    for character in text:
        await pilot.press(character if character != " " else "space")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_type_enter_next_previous_escape(briefing):
    expected = SearchIndex.build(briefing).search("hockey", limit=50)
    # n/N step through hits inside topics; outlet hits open only from the list.
    navigable = [hit for hit in expected if hit.topic_id]
    assert len(navigable) >= 2 and expected[0] is navigable[0]
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, SearchInput)
        await type_query(pilot, "hockey")
        results = main.query_one(SearchResults)
        assert results.display
        assert [h.claim_id for h in results.hits] == [h.claim_id for h in expected]

        await pilot.press("enter")
        await pilot.pause()
        first = expected[0]
        assert main.current_pane.topic.id == first.topic_id
        if first.claim_id:
            assert main.current_pane.current_claim.id == first.claim_id
        assert str(main.query_one("#search-counter").render()).startswith(f"1/{len(navigable)}")

        await pilot.press("n")
        await pilot.pause()
        assert str(main.query_one("#search-counter").render()).startswith(f"2/{len(navigable)}")
        second = navigable[1]
        assert main.current_pane.topic.id == second.topic_id

        await pilot.press("N")
        await pilot.pause()
        assert str(main.query_one("#search-counter").render()).startswith("1/")

        # Matches are marked in the pane by more than colour.
        assert main.current_pane.marked_lines() > 0

        # Escape in the pane clears the marks; / brings the last query back.
        await pilot.press("escape")
        await pilot.pause()
        assert not main.active_query
        await pilot.press("slash")
        await pilot.pause()
        assert app.focused.value == "hockey"


async def test_letters_typed_in_the_box_trigger_no_bindings(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        await type_query(pilot, "q n o a b 3 / ?")
        assert app.is_running
        assert isinstance(app.screen, MainScreen)
        assert app.focused.value == "q n o a b 3 / ?"


async def test_escape_from_box_keeps_query_and_n_works(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(pilot)
        await pilot.press("slash")
        await type_query(pilot, "prisoners")
        hits = list(main.query_one(SearchResults).hits)
        assert hits
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is main.current_pane
        await pilot.press("n")
        await pilot.pause()
        assert main.current_pane.topic.id == hits[0].topic_id


async def test_end_of_hits_is_signalled(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(pilot)
        await pilot.press("slash")
        await type_query(pilot, "kursk")
        # n steps through the hits that live in a topic; outlet hits open only on Enter.
        total = len([hit for hit in main.query_one(SearchResults).hits if hit.topic_id])
        await pilot.press("enter")
        for _ in range(total):
            await pilot.press("n")
        await pilot.pause()
        assert any("wrapped" in str(n.message) for n in app._notifications)
        assert main.hits.position == 0


async def test_hostile_queries_do_not_crash_or_restyle(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await ready(pilot)
        for query in ["[bold]", "[/]", "\\", "(.*", "  ", "🦀", "x" * 300]:
            await pilot.press("slash")
            main.query_one(SearchInput).value = query
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("enter", "escape")
            assert app.is_running, query
            assert not [n for n in app._notifications if n.severity == "error"], query


async def test_clicking_a_result_opens_it(briefing):
    """Open, press /, type 'hockey', click the result from the overview: the overview shows,
    with the cursor on that claim and the query marked."""
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(pilot)
        await pilot.press("slash")
        await type_query(pilot, "hockey")
        results = main.query_one(SearchResults)
        titles = [hit.title for hit in results.hits]
        # A hit whose title no other hit has, past the first, so the click is unambiguous.
        hit = next(h for h in results.hits[1:] if h.topic_id and h.claim_id and titles.count(h.title) == 1)
        where = find_on_screen(app, hit.title, within=results.region)
        assert where is not None
        await pilot.click(offset=(where.x + 1, where.y))
        await pilot.pause()
        assert not main.searching and not results.display
        pane = main.current_pane
        assert pane.topic.id == hit.topic_id
        assert pane.current_claim.id == hit.claim_id
        assert main.active_query == "hockey" and pane.marked_lines() > 0


async def test_a_failing_index_shows_one_notice_and_no_hits(briefing):
    """The index is strict; the app is the one that must never stop over a query."""
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(pilot)

        def broken(*args, **kwargs):
            raise RuntimeError("index bug")

        main.index.search = broken
        main.index.spans = broken
        await pilot.press("slash")
        await type_query(pilot, "kursk")
        assert app.is_running
        assert main.query_one(SearchResults).hits == []
        failures = [n for n in app._notifications if n.severity == "error"]
        assert [str(n.message) for n in failures] == ["Search failed on this query; try other words."]
        assert "\n" not in str(failures[0].message)
        # The panes mark nothing rather than fail, and the reader carries on.
        await pilot.press("escape", "3", "down")
        await pilot.pause()
        assert app.is_running and main.current_pane.cursor == 1


async def test_the_box_counts_the_hits_that_n_then_walks(briefing):
    """`15 hits` in the box used to become `1/9` at the first n: outlet hits were counted."""
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(pilot)
        await pilot.press("slash")
        await type_query(pilot, "how long was the call")
        results = main.query_one(SearchResults)
        in_topics = [hit for hit in results.hits if hit.topic_id]
        assert len(in_topics) < len(results.hits)  # outlets match too; n/N does not go there
        counter = main.query_one("#search-counter")
        assert str(counter.render()) == f"{len(in_topics)} hits"
        await pilot.press("escape", "n")
        assert str(counter.render()).startswith(f"1/{len(in_topics)}")
        assert list(main.hits.hits) == in_topics


async def test_fillers_of_a_question_mark_nothing_in_the_panes(briefing):
    """`how long was the call` marked every "the" and "was": a reader walking the marks found
    places that do not answer. Only its content words are marked."""
    query = "how long was the call"
    answers = ("call", "long", "length", "hour", "minute", "duration")

    def says_fillers_only(number: int) -> bool:
        texts = [claim.text.casefold() for claim in briefing.topic_at(number - 1).claims]
        return not any(word in text for text in texts for word in answers) and any(
            " the " in f" {text} " for text in texts
        )

    number = next(number for number in range(1, 10) if says_fillers_only(number))
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await ready(pilot)
        await pilot.press(str(number))
        pane = main.current_pane
        await pilot.press("slash")
        await type_query(pilot, query)
        await pilot.press("escape")
        await pilot.pause()
        assert main.active_query == query and main.current_pane is pane
        assert pane.marked_lines() == 0
        # …while the places n/N walks to are marked.
        await pilot.press("n")
        await pilot.pause()
        assert main.current_pane.marked_lines() > 0


async def test_an_index_that_cannot_be_built_leaves_the_briefing_readable(briefing, monkeypatch):
    """A document the index cannot read ended the app (its worker's exception): the reader keeps
    the topics, one notice says search is unavailable, and the box says so instead of waiting."""

    def broken(_briefing):
        raise OverflowError("cannot convert float infinity to integer")

    monkeypatch.setattr(SearchIndex, "for_briefing", broken)
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        notices = [str(notice.message) for notice in app._notifications]
        assert any("Search is unavailable" in notice for notice in notices), notices
        await pilot.press("2")
        await pilot.pause()
        assert find_on_screen(app, "Energy truce")
        await pilot.press("slash")
        await type_query(pilot, "hockey")
        assert find_on_screen(app, "search is unavailable")
