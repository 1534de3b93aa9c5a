"""How fast the loader refuses hostile files, against loading the same folder without them.

A YAML "billion laughs" (nested aliases) and a topic file of several megabytes must be refused
quickly, not expanded or parsed: each is timed as part of a small briefing and compared with that
briefing alone, in the same run (ratios, not timed tests; the tests check what is reported).

    python bench/loader_bench.py
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

# The checkout comes first: the fixtures live in tests/.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.loading.loader import load_briefing

MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)
HUGE_BODY = "- x [@alpha]\n" * 500_000  # ~6.5 MB, past the 1 MB limit


def _median_load(folder: Path, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        load_briefing(folder)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def run(runs: int = 5) -> dict[str, float]:
    """Median seconds to load the minimal briefing alone, with the alias bomb, with the huge file."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "content"
        shutil.copytree(MINIMAL, folder)
        plain = _median_load(folder, runs)
        bomb = folder / "topics" / "bomb.md"
        bomb.write_text(f"---\n{ALIAS_BOMB}---\n- C. [@alpha]\n", encoding="utf-8")
        with_bomb = _median_load(folder, runs)
        bomb.unlink()
        (folder / "topics" / "huge.md").write_text(
            "---\ntitle: Huge\norder: 9\nsummary: x\n---\n" + HUGE_BODY, encoding="utf-8"
        )
        with_huge = _median_load(folder, runs)
    return {"plain_s": plain, "alias_bomb_s": with_bomb, "huge_file_s": with_huge}


def report(result: dict[str, float]) -> str:
    plain = result["plain_s"]
    return (
        f"loader, minimal briefing: {plain * 1000:.1f} ms; with a YAML alias bomb "
        f"{result['alias_bomb_s'] * 1000:.1f} ms = {result['alias_bomb_s'] / plain:.1f}x; with a 6.5 MB topic "
        f"{result['huge_file_s'] * 1000:.1f} ms = {result['huge_file_s'] / plain:.1f}x (both refused, not parsed)"
    )


if __name__ == "__main__":
    print(report(run()))
