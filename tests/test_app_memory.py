"""A long editing session does not grow the app: every save swaps in a new briefing and search
index, and what the old ones leave behind must be collectable.

Counted in objects, not in milliseconds or bytes, so the count is the same on any machine: the
objects frozen out of the collector's reach (`gc.freeze` on every save kept ~9,400 a save), the
widgets still alive after a full collection (Textual's watcher lists kept every removed pane and
every key the footer ever drew), and the style caches that outlive their widget (Textual's
`StylesCache.get_inner_outer` lru_cache kept the last 1,024, each with every line its widget drew:
~14 a save, ~12 MiB by save 80). Textual's other caches are not counted: they fill up and stop.
"""

from __future__ import annotations

import asyncio
import gc
import shutil
import time
from pathlib import Path

import pytest
from textual._styles_cache import StylesCache
from textual.widget import Widget

from briefing.loading.paths import bundled_content_dir
from briefing.store.open import open_briefing, reloader
from briefing.ui.app import make_app

SAVES = 6


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), folder)
    return folder


def frozen_widgets_orphans() -> tuple[int, int, int]:
    """After a full collection: the objects the collector may not touch, the widgets alive, and
    the style caches alive beyond the widgets' own (each widget has one)."""
    gc.collect()
    found = gc.get_objects()
    widgets = [each for each in found if isinstance(each, Widget)]
    style_caches = sum(isinstance(each, StylesCache) for each in found)
    return gc.get_freeze_count(), len(widgets), style_caches - len({id(widget._styles_cache) for widget in widgets})


async def save_and_wait(pilot, path: Path, text: str) -> None:
    """Save `text` and bring the app up to date as its watcher would, then wait for the new index."""
    app = pilot.app
    screen = app.screen
    before = screen.index
    path.write_text(text, encoding="utf-8")
    await asyncio.to_thread(app.reload_content)
    deadline = time.monotonic() + 10
    while screen.index is before or screen.index is None:
        assert time.monotonic() < deadline, "the new index never came"
        await asyncio.sleep(0.02)
    await pilot.pause()


async def test_saves_leave_nothing_behind_that_the_collector_cannot_reach(content):
    briefing, store = open_briefing(content)
    # No watcher: the test itself reloads after each save, so every save is one swap.
    app = make_app(briefing, deterministic=True, reload=reloader(store))
    app._follow_edits = lambda: None  # type: ignore[method-assign]
    path = content / "topics" / "prisoner-exchange.md"
    original = path.read_text(encoding="utf-8")
    flipped = original.replace("23 badly wounded", "23 gravely wounded", 1)
    assert flipped != original
    frozen_before = gc.get_freeze_count()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            while app.screen.index is None:
                await asyncio.sleep(0.02)
            await pilot.press("slash", *"wounded", "escape")  # a marked query follows every save
            for save in range(2):  # warm up: caches, first-time imports
                await save_and_wait(pilot, path, flipped if save % 2 == 0 else original)
            frozen_at_start, widgets_at_start, orphans_at_start = frozen_widgets_orphans()
            for save in range(SAVES):
                await save_and_wait(pilot, path, flipped if save % 2 == 0 else original)
            frozen, widgets, orphans = frozen_widgets_orphans()
            assert app.screen.active_query == "wounded" and len(app.screen.hits) >= 1
    finally:
        gc.unfreeze()  # should the bug come back, keep it from spreading to other tests
        gc.freeze() if frozen_before else None
    assert frozen == frozen_at_start, f"{frozen - frozen_at_start:,} objects frozen over {SAVES} saves"
    # The footer redraws its keys after a save: a handful may be on their way out.
    assert widgets - widgets_at_start <= 30, f"{widgets - widgets_at_start} more widgets after {SAVES} saves"
    # Fixed: none over 6 saves; with the lru_cache kept, 148 (~25 a save). One save's worth may be on its way out.
    assert orphans - orphans_at_start <= 14, f"{orphans - orphans_at_start} style caches outlive their widgets"
