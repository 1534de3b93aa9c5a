"""Keystroke to updated search results on screen, on a large briefing.

The app is driven with Pilot, but Pilot's own per-key overhead (~80 ms here, the same for a bare
Input) is not the app's, so the time is taken inside the app: from the moment the search box
hands a query to the search, to the first screen refresh after the results were shown.

    python bench/keystroke_bench.py [--topics 10000]     # a synthetic briefing, in memory
    python bench/keystroke_bench.py --content DIR        # a content folder, through its compiled store
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

# The checkout comes first: devkit/ (synthetic briefings, scenes) is not part of the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from briefing.ui.app import make_app
from briefing.ui.search_controller import SearchController
from devkit.synthetic import make_synthetic_briefing

QUERIES = (
    "ceasefire energy",
    "prisoners 175",
    "hockey league",
    "nuclear plnat",
    "kremlin statement",
    "how many prisoners",
    "who backed the hockey plan",
)


_SAMPLES: list[float] = []


def _instrument(samples: list[float]) -> None:
    """Wrap the two ends of the search path (bench only: the app itself carries no timers)."""
    if getattr(SearchController, "_bench_instrumented", False):
        return
    SearchController._bench_instrumented = True
    started: dict[str, float] = {}
    run_search, show_results = SearchController.run, SearchController.show_results

    def timed_run_search(self, query: str) -> None:
        started[query] = time.perf_counter()
        run_search(self, query)

    def timed_show_results(self, query: str, hits) -> None:
        show_results(self, query, hits)
        if query in started:
            begun = started.pop(query)
            self.screen.call_after_refresh(lambda: samples.append((time.perf_counter() - begun) * 1000))

    SearchController.run = timed_run_search
    SearchController.show_results = timed_show_results


async def _drive(briefing) -> None:
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        for query in QUERIES:
            await pilot.press("slash", "ctrl+a", "backspace")
            for character in query:
                await pilot.press("space" if character == " " else character)
                await app.workers.wait_for_complete()
                await pilot.pause()
            await pilot.press("escape")


def run(topics: int = 10_000, content: Path | None = None) -> dict:
    """Figures on a synthetic briefing of `topics` topics, on the bundled one when 0, or on a
    content folder through its compiled store (its search index built first, as a warm start)."""
    if content is not None:
        from briefing.store.open import open_briefing

        briefing, store = open_briefing(content)
        store.ensure_index()
    elif topics:
        briefing = make_synthetic_briefing(topics)
    else:
        from briefing.loading.loader import load_briefing
        from briefing.loading.paths import bundled_content_dir

        briefing = load_briefing(bundled_content_dir())
    _instrument(_SAMPLES)
    _SAMPLES.clear()
    asyncio.run(_drive(briefing))
    samples = list(_SAMPLES)
    samples.sort()
    return {
        "topics": topics,
        "keystrokes": len(samples),
        "p50_ms": statistics.median(samples),
        "p90_ms": samples[int(0.9 * (len(samples) - 1))],
        "max_ms": samples[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=10_000, help="0 for the bundled briefing")
    parser.add_argument("--content", type=Path, help="a content folder, searched through its compiled store")
    args = parser.parse_args()
    figures = run(args.topics, args.content)
    where = args.content or f"{figures['topics'] or 'bundled'} topics"
    print(
        f"keystroke to results on screen ({where}, {figures['keystrokes']} keys): "
        f"p50 {figures['p50_ms']:.1f} ms, p90 {figures['p90_ms']:.1f} ms (target <= 33 ms), "
        f"max {figures['max_ms']:.1f} ms"
    )


if __name__ == "__main__":
    main()
