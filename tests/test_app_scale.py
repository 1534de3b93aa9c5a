"""Views that could list the whole briefing show a page of it instead: an outlet's claims, the
outlets side by side, the palette, the problems. Told on a briefing too large to list."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefing.citing import CitingClaims
from briefing.model import Problem, Severity
from briefing.ui import commands
from briefing.ui.app import make_app
from briefing.ui.screens import compare, dialogs, outlet
from briefing.ui.screens.compare import CompareScreen
from briefing.ui.screens.dialogs import ProblemsScreen
from briefing.ui.screens.outlet import OutletClaim, OutletScreen
from devkit.screen import screen_lines
from devkit.synthetic import make_synthetic_briefing


@pytest.fixture(scope="module")
def big():
    return make_synthetic_briefing(300)


async def test_an_outlet_shows_its_claims_a_page_at_a_time(big):
    citing = CitingClaims(big, "alpha")
    assert len(citing) > 2 * outlet.PAGE  # more than two pages to go through
    app = make_app(big, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(OutletScreen(big, big.source("alpha")))
        await pilot.pause()
        screen = app.screen
        shown = [claim.claim.id for claim in screen.query(OutletClaim)]
        differences = CitingClaims(big, "alpha", differences=True)
        assert shown == [c.id for c in citing[: outlet.PAGE]] + [c.id for c in differences[: outlet.PAGE]]
        assert f"Claims citing Alpha ({len(citing):,})" in "\n".join(screen_lines(app))
        assert screen.check_action("more", ()) is True
        await pilot.press("m")
        await pilot.pause()
        claims = [claim.claim.id for claim in screen.query(OutletClaim) if not claim.claim.is_difference]
        assert claims == [c.id for c in citing[: 2 * outlet.PAGE]]
        while screen.check_action("more", ()):
            await pilot.press("m")
            await pilot.pause()
        assert len(screen.query(OutletClaim)) == len(citing) + len(differences)
        assert "m More claims" not in screen_lines(app)[-1]


async def test_the_outlets_side_by_side_list_the_first_topics_and_count_the_rest(big):
    app = make_app(big, deterministic=True)
    async with app.run_test(size=(160, 60)) as pilot:
        app.push_screen(CompareScreen(big))
        await pilot.pause()
        column = app.screen.query(compare.OutletColumn).first()
        text = "\n".join(str(static.render()) for static in column.query("Static"))
        assert big.outline[compare.LISTED_TOPICS - 1].title in text
        assert big.outline[compare.LISTED_TOPICS].title not in text
        assert f"… {len(big.outline) - compare.LISTED_TOPICS:,} more topics" in text


async def test_the_palette_offers_the_best_matches_only(big):
    app = make_app(big, deterministic=True)
    async with app.run_test(size=(120, 40)):
        provider = commands.BriefingCommands(app.screen)
        hits = [hit async for hit in provider.search("topic")]
        assert len(hits) == commands.MOST_HITS
        scores = [hit.score for hit in hits]
        assert scores == sorted(scores, reverse=True)


async def test_thousands_of_problems_are_listed_in_part_and_sent_to_check():
    small = make_synthetic_briefing(3)
    problems = tuple(
        Problem(f"topics/t{n:04d}.md", 1, Severity.ERROR, "something wrong") for n in range(dialogs.LISTED_PROBLEMS + 5)
    )
    app = make_app(replace(small, problems=problems), deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ProblemsScreen(problems, ""))
        await pilot.pause()
        text = "\n".join(str(static.render()) for static in app.screen.query("Static"))
        assert "… and 5 more: `briefing check` lists them all" in text
        assert f"topics/t{dialogs.LISTED_PROBLEMS - 1:04d}.md" in text
        assert f"topics/t{dialogs.LISTED_PROBLEMS:04d}.md" not in text
