"""Does the shelf cost what one briefing costs? A library of 100 synthetic briefings of 100 topics
each (`devkit.synthetic`, one seed each) beside one of them opened alone, side by side in one
run, each figure a fresh interpreter as a user would run it, every store warm:

- first paint: `briefing` on the shelf against `briefing --content ONE` (the path of
  bench/startup_bench.py, stopped at the first refresh after the screen is up);
- peak memory: of those first paints, and of a session (the shelf: search every briefing,
  open a hit; one briefing: search it, open a hit);
- `briefing search --all` against `briefing search` on one briefing.

    python bench/shelf_bench.py [--briefings 100] [--topics 100] [--runs 5]

Everything lives in a scratch folder: the library, its stores and the last briefing read.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # devkit/ is not installed
sys.path.insert(0, str(ROOT / "bench"))

import startup_bench
from scale import timed

from devkit.synthetic import write_synthetic_content

SHELF_APP = (
    startup_bench._PRELUDE
    + """
# The path `briefing` itself takes with no folder named: the library, then the shelf.
from briefing.cli import build_parser
from briefing.commands.app import prepare_app
app = prepare_app(build_parser().parse_args([]))
"""
    + startup_bench._FINISH
)

# A reading session, as scale.py's: up, search, open a hit, settle; the peak memory of it all.
_SESSION = """
import resource, json, sys
from briefing.cli import build_parser
from briefing.commands.app import prepare_app
shelf = sys.argv[1] == "shelf"
app = prepare_app(build_parser().parse_args([] if shelf else ["--content", sys.argv[1]]))
async def settled(app):
    busy = [worker for worker in app.workers if worker.group != "watch"]
    if busy:
        await app.workers.wait_for_complete(busy)
async def session(pilot):
    await pilot.pause(1.0)
    await settled(pilot.app)
    await pilot.press("slash", *"prisoners")
    await pilot.pause(0.5)
    await settled(pilot.app)
    await pilot.press("enter")
    await pilot.pause(1.0)
    await settled(pilot.app)
    await pilot.pause(0.2)
    pilot.app.exit()
app.run(headless=True, size=(120, 40), auto_pilot=session)
print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def session_memory(target: str) -> float:
    out = subprocess.run([sys.executable, "-c", _SESSION, target], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])["peak_mb"]


def first_paints(one: Path, runs: int) -> dict:
    """Median first paint and peak memory of the shelf, one briefing and a bare Textual app,
    alternating so drift on a busy machine hits all alike (one untimed start of each first)."""
    codes = {"bare": startup_bench.BARE_APP, "one": startup_bench.BRIEFING_APP, "shelf": SHELF_APP}
    arguments = {"bare": (), "one": (str(one),), "shelf": ()}
    for name, code in codes.items():
        startup_bench.sample(code, *arguments[name])
    samples: dict[str, list[dict]] = {name: [] for name in codes}
    for _ in range(runs):
        for name, code in codes.items():
            samples[name].append(startup_bench.sample(code, *arguments[name]))
    return {
        name: {
            "seconds": statistics.median(s["seconds"] for s in found),
            "peak_mb": max(s["peak_mb"] for s in found),
        }
        for name, found in samples.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefings", type=int, default=100)
    parser.add_argument("--topics", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5, help="samples per timed figure (median)")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        library = scratch / "library"
        for number in range(args.briefings):
            write_synthetic_content(library / f"briefing-{number:03d}", args.topics, seed=number)
        os.environ.update(BRIEFING_LIBRARY=str(library), XDG_CACHE_HOME=str(scratch / "cache"))
        os.environ.pop("BRIEFING_CONTENT", None)
        env = dict(os.environ)
        one = library / "briefing-000"
        # Warm: every store compiled and indexed (the first `list` and `search --all` do it).
        timed(env, "list", runs=1)
        timed(env, "search", "--all", "warm", runs=1)
        paint = first_paints(one, args.runs)
        query = ("prisoners", "exchange")
        search_one = timed(env, "--content", str(one), "search", *query, runs=args.runs)
        search_all = timed(env, "search", "--all", *query, runs=args.runs)
        rare = timed(env, "search", "--all", "kursk", runs=args.runs)
        session_one, session_shelf = session_memory(str(one)), session_memory("shelf")
    shelf, alone, bare = paint["shelf"], paint["one"], paint["bare"]
    count = args.briefings + 1  # the bundled briefing is always on the shelf
    print(f"{count} briefings on the shelf ({args.briefings} of {args.topics + 1} topics each, and the bundled one)")
    print(f"{'':48}{'one briefing':>16}{'the shelf':>16}{'shelf / one':>14}   target")
    rows = [
        ("first paint, warm", alone["seconds"] * 1000, shelf["seconds"] * 1000, "ms", "<= 1.2x"),
        ("peak memory, first paint", alone["peak_mb"], shelf["peak_mb"], "MiB", "<= 1.5x"),
        ("peak memory, search and open a hit", session_one, session_shelf, "MiB", "<= 1.5x"),
        (f"`briefing search {' '.join(query)}` / `--all`", search_one["seconds"], search_all["seconds"], "s", ""),
    ]
    for name, one_figure, shelf_figure, unit, target in rows:
        print(
            f"{name:48}{one_figure:>12.2f} {unit:<3}{shelf_figure:>12.2f} {unit:<3}"
            f"{shelf_figure / one_figure:>13.2f}x   {target}"
        )
    print(f"`briefing search --all {' '.join(query)}`, warm: {search_all['seconds']:.2f} s (target <= 0.5 s)")
    print(f"`briefing search --all kursk` (a word no synthetic briefing holds), warm: {rare['seconds']:.2f} s")
    print(f"bare Textual app first paint, same run: {bare['seconds'] * 1000:.0f} ms")
    print(f"(measured in {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
