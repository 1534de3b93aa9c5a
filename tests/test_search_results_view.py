"""The result list in the app: the highlighted hit reads in full, the others stay compact.

As a reader in a meeting: open, press /, type "how many prisoners", read the answer and its
outlets without pressing Enter; press ↓, the next hit opens and the first folds back.
"""

from __future__ import annotations

import pytest

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.ui.app import make_app
from briefing.ui.widgets.search_results import LINES_PER_HIT, SearchResults
from devkit.synthetic import make_synthetic_briefing


@pytest.fixture(scope="module")
def briefing():
    return load_briefing(bundled_content_dir())


async def search(pilot, text: str) -> SearchResults:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("slash")
    for character in text:
        await pilot.press(character if character != " " else "space")
    await pilot.pause()
    return pilot.app.screen.query_one(SearchResults)


def rows(results: SearchResults) -> list[str]:
    return [results.render_line(y).text.rstrip() for y in range(results.scrollable_content_region.height)]


def marked(results: SearchResults) -> list[str]:
    """The words drawn in the match style (bold and reversed) on screen."""
    found = []
    for y in range(results.scrollable_content_region.height):
        for segment in results.render_line(y):
            style = segment.style
            if style is not None and style.bold and style.reverse and segment.text.strip():
                found.append(segment.text)
    return found


def flat(text: str) -> str:
    return " ".join(text.split())


async def test_the_highlighted_hit_shows_its_whole_text_marks_and_outlets(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await search(pilot, "surrounded in kursk")
        first = results.hits[0]
        assert first.kind == "claim"
        assert len(first.text) > 60  # longer than a one-line snippet at this width
        screen_rows = rows(results)
        assert screen_rows[0].startswith("▶ ")
        full = flat(" ".join(screen_rows[1 : results._highlighted_height()]))
        assert flat(first.text) in full  # all of it, wrapped, not cut at the width
        for source_id in first.source_ids:
            assert briefing.source(source_id).short in full
        assert "kursk" in [word.casefold() for word in marked(results)]

        await pilot.press("down")
        await pilot.pause()
        assert results.cursor == 1
        screen_rows = rows(results)
        assert not screen_rows[0].startswith("▶")  # the first hit folds back to two lines
        assert screen_rows[LINES_PER_HIT].startswith("▶ ")
        second = results.hits[1]
        assert flat(second.text)[:40] in flat(" ".join(screen_rows[LINES_PER_HIT:]))


async def test_a_difference_shows_each_side_with_its_own_outlets(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        results = await search(pilot, "how long was the call")
        first = results.hits[0]
        assert first.kind == "difference" and first.text.startswith("Call length:")
        height = results._highlighted_height()
        screen_rows = rows(results)
        assert "Call length:" in screen_rows[1]
        shorts = {briefing.source(source_id).short for source_id in first.source_ids}
        sides = flat(" ".join(screen_rows[2:height])).split("· ")[1:]
        # Side by side, in the briefing's order, each followed by the one outlet that says it.
        expected = [
            ("nearly three hours", "usdailyonline"),
            ("roughly 90 minutes", "projectpatriot"),
            ('the AP story says only that it was "lengthy"', "latimes-ap"),
            ('no length in the text, though the web address ends "for-tow-hours"', "uslive"),
            ("no length given", "ninaworldnews"),
        ]
        assert len(sides) == len(expected)
        for side, (said, source_id) in zip(sides, expected, strict=True):
            short = briefing.source(source_id).short
            assert flat(side) == f"{said} {short}"
            assert not any(other in side for other in shorts - {short})
        assert {"hours", "minutes", "lengthy", "length"} <= {word.casefold() for word in marked(results)}
        assert not {"the", "was", "how"} & {word.casefold() for word in marked(results)}
        # Folded back to two lines, a difference lumps no outlets in its heading either.
        await pilot.press("down")
        await pilot.pause()
        heading = rows(results)[0]
        assert "reports differ" in heading and not any(short in heading for short in shorts)


async def test_a_click_chooses_the_hit_under_the_pointer(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        results = await search(pilot, "hockey")
        height = results._highlighted_height()
        target = results.hits[1]
        # +1: the border; the second hit starts below the whole first one.
        await pilot.click("#results", offset=(4, 1 + height))
        await pilot.pause()
        screen = app.screen
        assert screen.current_pane.topic.id == target.topic_id


async def test_the_list_stays_virtual_on_a_large_briefing():
    app = make_app(make_synthetic_briefing(2_000), deterministic=True)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await search(pilot, "energy")
        assert len(results.hits) == 50
        visible = results.scrollable_content_region.height
        # Only the rows on screen were rendered, and only the highlighted hit was wrapped.
        assert len(results._compact) <= visible // LINES_PER_HIT + 1
        assert results.virtual_size.height == (len(results.hits) - 1) * LINES_PER_HIT + results._highlighted_height()
        for _ in range(30):
            await pilot.press("down")
        await pilot.pause()
        assert results.cursor == 30
        region = results.scrollable_content_region
        top = int(results.scroll_offset.y)
        assert top <= 30 * LINES_PER_HIT < top + region.height  # the highlighted hit is scrolled into view
