"""The source card says what is known plainly and what is not in one short tag (issue 19.5)."""

from __future__ import annotations

import dataclasses

import pytest

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.model import Source
from briefing.ui.source_card import FROM_ADDRESS, UNCONFIRMED, break_address, field_of

SOURCE = Source(
    id="x",
    outlet="uslive.com",
    short="uslive",
    headline='not confirmed; the address suggests "Trump–Putin phone call showdown"',
    published='not confirmed; the report dates the call only as "Tuesday"',
    byline="none",
    address="https://uslive.com/trump-putin-phone-call-showdown-over-ceasefire-for-tow-hours",
    confirmed=frozenset({"outlet", "byline", "address"}),
    note="",
    paragraphs=(),
    path="sources/x.md",
)


def test_known_values_are_plain_and_unknown_ones_carry_one_short_tag():
    outlet = field_of(SOURCE, "outlet")
    assert (outlet.value, outlet.tag, outlet.missing) == ("uslive.com", "", False)
    headline = field_of(SOURCE, "headline")
    assert (headline.value, headline.tag) == ("Trump–Putin phone call showdown", FROM_ADDRESS)
    published = field_of(SOURCE, "published")
    assert (published.value, published.tag) == ('the report dates the call only as "Tuesday"', UNCONFIRMED)
    assert field_of(dataclasses.replace(SOURCE, published="not confirmed"), "published").value == "unknown"
    assert field_of(SOURCE, "byline").value == "no byline"
    unconfirmed_byline = dataclasses.replace(SOURCE, byline="", confirmed=frozenset())
    assert field_of(unconfirmed_byline, "byline").value == "byline unknown"
    assert field_of(SOURCE, "address").tag == ""


@pytest.mark.parametrize("width", [12, 20, 30, 34, 44])
def test_addresses_break_only_after_a_slash_a_hyphen_or_a_dot(width):
    lines = break_address(SOURCE.address, width)
    assert "".join(lines) == SOURCE.address
    assert all(len(line) <= width for line in lines)
    assert all(line[-1] in "/-." for line in lines[:-1]), lines


async def test_the_source_panel_reads_plainly_and_follows_the_highlighted_result():
    from briefing.ui.app import make_app
    from briefing.ui.widgets.source_panel import SourcePanel
    from devkit.screen import screen_lines

    briefing = load_briefing(bundled_content_dir())
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(SourcePanel)
        region = panel.region
        text = "\n".join(row[region.x : region.right] for row in screen_lines(app)[region.y : region.bottom])
        for noise in ("By none", "not confirmed  not confirmed", "(not confirmed)", "✓"):
            assert noise not in text
        assert "no byline" in text
        await pilot.press("slash", *"hockey")
        await app.workers.wait_for_complete()
        await pilot.pause()
        results = app.screen.query_one("#results")
        for _ in range(3):
            hit = results.hits[results.cursor]
            assert panel.shown_source_ids == (hit.source_ids or (hit.source_id,))
            await pilot.press("down")
        await pilot.press("escape")
        claim = app.screen.current_pane.current_claim
        assert panel.shown_source_ids == claim.source_ids, "back to the claim under the cursor"
