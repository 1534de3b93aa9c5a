"""The screens as a reader in a meeting meets them (issue 19): jumps that land with context, the
sidebar, help, the source panel, all outlets side by side."""

from __future__ import annotations

import pytest

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.ui.app import make_app
from briefing.ui.screens.main import MainScreen
from briefing.ui.widgets.topic_pane import CONTEXT_LINES, TopicPane


@pytest.fixture(scope="module")
def briefing():
    return load_briefing(bundled_content_dir())


def longest_topic(briefing):
    return max((briefing.topic(entry.id) for entry in briefing.outline), key=lambda topic: len(topic.claims))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_a_jump_lands_with_context_above_the_claim(briefing, size):
    """Going to a claim far down a topic (as Enter on a hit, n/N or a figure do) shows it a few
    lines below the top, or under its section's heading, not on the pane's bottom edge."""
    topic = longest_topic(briefing)
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=size) as pilot:
        for index in (len(topic.claims) - 1, len(topic.claims) // 2):
            app.action_go_to_topic(topic.id, topic.claims[index].id)
            await pilot.pause()
            pane = app.screen.query_one("#pane-" + topic.id, TopicPane)
            assert isinstance(app.screen, MainScreen) and pane.cursor == index
            first, last = pane.claim_lines(index)
            top = int(pane.scroll_offset.y)
            height = pane.scrollable_content_region.height
            assert top <= first and last < top + height, "the whole claim is in view"
            above = first - top
            assert top == 0 or top == pane.heading_line(index) or above >= CONTEXT_LINES, (
                f"the topic's title, the section heading or {CONTEXT_LINES} lines above the claim"
            )
            # j/k after a jump scroll as little as before: the claim below stays where it was.
            await pilot.press("up")
            assert int(pane.scroll_offset.y) <= top
