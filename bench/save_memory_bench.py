"""Memory over a long editing session: the app open on a folder while an author saves one topic
file 100 times, each save waited for (the new briefing and its search index swapped in) before
the next. Measured on the bundled briefing and on it cloned 1,000 times (10,011 topics).

    python bench/save_memory_bench.py [--saves 100] [--copies 0,1000]

Each save flips one word of a claim and back, so the content does not grow: whatever the app's
resident memory (RSS) gains over the session is the app's, not the briefing's. Target (issue 20):
at most 10 MiB over 100 saves at both sizes. Each size runs in a fresh interpreter, with a private
cache folder for its compiled store.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # devkit/ is not installed

from devkit.clone import clone_content

TARGET_MIB = 10.0

# The app as `briefing` starts it; saves go through the real watcher and the compiled store.
_SESSION = """
import asyncio, gc, json, sys, time
from pathlib import Path
from briefing.cli import build_parser
from briefing.commands.app import prepare_app

folder, saves = Path(sys.argv[1]), int(sys.argv[2])
app = prepare_app(build_parser().parse_args(["--content", str(folder)]))
figures = {}

def rss_mib():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

async def until(condition, timeout=120.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("a save did not show in time")
        await asyncio.sleep(0.02)

async def session(pilot):
    screen = pilot.app.screen
    await until(lambda: any(worker.group == "watch" for worker in pilot.app.workers))
    await until(lambda: screen.index is not None)
    await asyncio.sleep(1.0)
    path = sorted((folder / "topics").glob("*.md"))[0]
    original = path.read_text(encoding="utf-8")
    first = original.index("\\n- ") + 3
    word = original[first:].split(" ", 1)[0]
    flipped = original[:first] + word.upper() + original[first + len(word):]
    await pilot.press("slash", *"prisoners", "escape")  # a marked query: every save re-marks it
    gc.collect()
    figures["start_mib"] = rss_mib()
    samples = []
    for save in range(saves):
        before = screen.index
        text = flipped if save % 2 == 0 else original
        path.write_text(text, encoding="utf-8")
        claim = text[first:].split("\\n", 1)[0].split(" [", 1)[0]
        await until(lambda: screen.index is not before and any(
            claim.strip() in item.text for item in pilot.app.briefing.topic(path.stem).claims))
        await pilot.pause()
        if save % 10 == 9:
            samples.append(round(rss_mib(), 1))
    path.write_text(original, encoding="utf-8")
    gc.collect()
    figures["end_mib"] = rss_mib()
    figures["every_10_saves_mib"] = samples
    figures["tracked_objects"] = len(gc.get_objects())
    figures["frozen_objects"] = gc.get_freeze_count()
    pilot.app.exit()

app.run(headless=True, size=(120, 40), auto_pilot=session)
print(json.dumps(figures))
"""


def measure(content: Path, cache: Path, saves: int) -> dict:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    # A first start compiles the store and builds its index; the session measures a warm one.
    subprocess.run(
        [sys.executable, "-m", "briefing", "--content", str(content), "search", "warm"],
        env=env,
        capture_output=True,
        check=False,
    )
    out = subprocess.run(
        [sys.executable, "-c", _SESSION, str(content), str(saves)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=100)
    parser.add_argument("--copies", default="0,1000", help="clones of each bundled topic, comma-separated")
    args = parser.parse_args(argv)
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        for copies in (int(part) for part in args.copies.split(",")):
            content = clone_content(Path(scratch) / f"content-{copies}", copies)
            topics = 1 + len(list((content / "topics").glob("*.md")))
            figures = measure(content, Path(scratch) / f"cache-{copies}", args.saves)
            start, end = figures["start_mib"], figures["end_mib"]
            grown = end - start
            failed |= grown > TARGET_MIB
            print(
                f"{topics:>6,} topics, {args.saves} saves: RSS {start:.0f} → {end:.0f} MiB"
                f" (+{grown:.1f}, target ≤ {TARGET_MIB:.0f}); every 10 saves {figures['every_10_saves_mib']};"
                f" {figures['tracked_objects']:,} tracked and {figures['frozen_objects']:,} frozen objects at the end"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
