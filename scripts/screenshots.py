"""Regenerate screenshots/*.svg from the real app on the bundled content.

python scripts/screenshots.py
"""

from __future__ import annotations

import asyncio
import sys
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


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for scene, size in SHOTS:
        print(asyncio.run(shoot(scene, size)))


if __name__ == "__main__":
    main()
