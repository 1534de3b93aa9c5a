"""Regenerate screenshots/*.svg from the real app on the bundled content.

python scripts/screenshots.py [NAME...]   # all of them, or those whose names start so
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

# The checkout comes first: devkit/ (synthetic briefings, scenes) is not part of the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.ui.app import make_app
from devkit.scenes import SCENES

OUT = Path(__file__).resolve().parent.parent / "screenshots"
SHOTS = [
    ("main", (120, 40)),
    ("main", (80, 24)),
    ("differences", (120, 40)),
    ("search", (120, 40)),
    ("search-jump", (120, 40)),
    ("outlet", (120, 40)),
    ("all-outlets", (120, 40)),
    ("help", (120, 40)),
    ("figures", (120, 40)),
    ("quotes", (120, 40)),
]


async def shoot(scene: str, size: tuple[int, int]) -> Path:
    app = make_app(load_briefing(bundled_content_dir()), deterministic=True)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        for key in SCENES[scene]:
            await pilot.press(key)
            await app.workers.wait_for_complete()
        await pilot.pause()
        name = f"{scene}-{size[0]}x{size[1]}.svg"
        app.save_screenshot(name, path=str(OUT))
    return OUT / name


async def shoot_shelf(size: tuple[int, int], keys: tuple[str, ...], name: str) -> Path:
    """The shelf over a library of the test fixtures and the bundled briefing, in a scratch
    folder with a cache of its own (nothing read or written in the home folder)."""
    from briefing.shelf.reading import library_access
    from devkit.library import make_library

    with tempfile.TemporaryDirectory() as scratch:
        saved = {var: os.environ.get(var) for var in ("BRIEFING_LIBRARY", "XDG_CACHE_HOME")}
        os.environ["BRIEFING_LIBRARY"] = str(make_library(Path(scratch), "minimal", "broken", "hostile"))
        os.environ["XDG_CACHE_HOME"] = str(Path(scratch) / "cache")
        try:
            app = make_app(None, library=library_access(), deterministic=True)
            async with app.run_test(size=size) as pilot:
                await pilot.press(*keys)
                await pilot.pause(0.3)
                await app.workers.wait_for_complete()
                await pilot.pause()
                app.save_screenshot(f"{name}.svg", path=str(OUT))
        finally:
            for var, value in saved.items():
                if value is None:
                    os.environ.pop(var, None)
                else:
                    os.environ[var] = value
    return OUT / f"{name}.svg"


SHELF_SHOTS = [("shelf-120x40", (120, 40), ()), ("shelf-search-120x40", (120, 40), ("slash", *"pause"))]


def main(only: list[str]) -> None:
    """Every screenshot, or those whose names start with one of `only` (`shelf`, `main-80x24`)."""
    OUT.mkdir(exist_ok=True)

    def wanted(name: str) -> bool:
        return not only or name.startswith(tuple(only))

    for scene, size in SHOTS:
        if wanted(f"{scene}-{size[0]}x{size[1]}"):
            print(asyncio.run(shoot(scene, size)))
    for name, size, keys in SHELF_SHOTS:
        if wanted(name):
            print(asyncio.run(shoot_shelf(size, keys, name)))


if __name__ == "__main__":
    main(sys.argv[1:])
