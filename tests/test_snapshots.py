"""SVG snapshots of every screen at 120x40 and 80x24 (update with --snapshot-update, then look)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.ui.app import make_app
from devkit.scenes import SCENES

SIZES = [(120, 40), (80, 24)]
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def briefing():
    return load_briefing(bundled_content_dir())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scene", sorted(SCENES))
def test_screen(snap_compare, briefing, scene, size):
    app = make_app(briefing, deterministic=True)

    async def run_before(pilot):
        await pilot.app.workers.wait_for_complete()
        for key in SCENES[scene]:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_problems_screen(snap_compare, size):
    """A broken folder: the notice, then the list of problems, with the valid topic behind it."""
    app = make_app(load_briefing(FIXTURES / "broken"), deterministic=True)
    assert snap_compare(app, terminal_size=size, press=["exclamation_mark"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_hostile_content_screen(snap_compare, size):
    """Markup and escapes from the hostile fixture (in titles, claims, badges, the source panel),
    shown as written."""
    app = make_app(load_briefing(FIXTURES / "hostile"), deterministic=True)
    assert snap_compare(app, terminal_size=size)
