"""SVG snapshots of the shelf at 120x40 and 80x24: the briefings newest event first, a broken one
with its problem count, a hostile title shown as written; and a search across them."""

from __future__ import annotations

import pytest

from briefing.shelf.reading import library_access
from briefing.ui.app import make_app
from devkit.library import make_library

SIZES = [(120, 40), (80, 24)]


@pytest.fixture
def shelf_app(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_LIBRARY", str(make_library(tmp_path, "minimal", "broken", "hostile")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # no last briefing read
    return make_app(None, library=library_access(), deterministic=True)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_shelf_screen(snap_compare, shelf_app, size):
    assert snap_compare(shelf_app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_shelf_search_screen(snap_compare, shelf_app, size):
    async def run_before(pilot):
        await pilot.press("slash", *"pause")
        await pilot.pause(0.3)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(shelf_app, terminal_size=size, run_before=run_before)
