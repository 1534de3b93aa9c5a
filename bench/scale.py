"""Does a 10,000-topic briefing behave like a small one? Every row of issue 13's table, measured
in one run on the bundled briefing, on it cloned 100 times (1,011 topics) and 1,000 times
(10,011 topics, ~172,000 claims), each a fresh interpreter, as a user would run it.

    python bench/scale.py [--copies 100,1000] [--runs 5]

The clones are built deterministically from the bundled content (`devkit.clone`) in a scratch
folder, with a private cache folder for their compiled stores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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

from briefing.loading.paths import bundled_content_dir
from devkit.clone import clone_content

_TIMED = """
import time, resource, json, sys, io, contextlib
started = time.perf_counter()
from briefing.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps({"seconds": time.perf_counter() - started, "code": code,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

# A reading session: start as `briefing` does, wait until the app is idle with its search
# index ready, search, open the first hit, and report the peak memory of the whole session.
_SESSION = """
import resource, json, sys
from briefing.cli import build_parser
from briefing.commands.app import prepare_app
app = prepare_app(build_parser().parse_args(["--content", sys.argv[1]]))
async def settled(app):
    # Every worker but the folder's watcher, which runs until the app ends. (An empty list
    # would mean "all workers" to Textual.)
    busy = [worker for worker in app.workers if worker.group != "watch"]
    if busy:
        await app.workers.wait_for_complete(busy)
async def session(pilot):
    await pilot.pause(1.0)
    await settled(pilot.app)
    await pilot.press("slash", *"prisoners", "enter", "n", "n", "3", "down")
    await settled(pilot.app)
    await pilot.pause(0.2)
    pilot.app.exit()
app.run(headless=True, size=(120, 40), auto_pilot=session)
print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


_KEYSTROKES = """
import json, sys
sys.path.insert(0, sys.argv[1])
import keystroke_bench
from pathlib import Path
print(json.dumps(keystroke_bench.run(content=Path(sys.argv[2]))))
"""


def keystrokes(env: dict, content: Path) -> dict:
    """Keystroke to results on screen, in the app, searching through the compiled store."""
    out = subprocess.run(
        [sys.executable, "-c", _KEYSTROKES, str(ROOT / "bench"), str(content)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def timed(env: dict, *args: str, runs: int) -> dict:
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _TIMED, *args], capture_output=True, text=True, check=True, env=env
        ).stdout
        samples.append(json.loads(out.strip().splitlines()[-1]))
    return {
        "seconds": statistics.median(s["seconds"] for s in samples),
        "peak_mb": max(s["peak_mb"] for s in samples),
    }


def session_memory(env: dict, content: Path) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _SESSION, str(content)], capture_output=True, text=True, check=True, env=env
    ).stdout
    return json.loads(out.strip().splitlines()[-1])["peak_mb"]


def first_load(env: dict, content: Path) -> float:
    """`briefing check` with no store: the first ever load, parsing everything."""
    shutil.rmtree(Path(env["XDG_CACHE_HOME"]), ignore_errors=True)
    return timed(env, "check", str(content), runs=1)["seconds"]


def edit_then_search(env: dict, content: Path) -> float:
    """Change one topic file, then time the next `briefing search`."""
    topic = sorted((content / "topics").glob("*.md"))[len(list((content / "topics").glob("*.md"))) // 2]
    text = topic.read_text(encoding="utf-8")
    topic.write_text(text + "\n- An edit made by the benchmark. [@latimes-ap]\n", encoding="utf-8")
    try:
        return timed(env, "--content", str(content), "search", "benchmark", "edit", runs=1)["seconds"]
    finally:
        topic.write_text(text, encoding="utf-8")


# The app open on a folder while an author saves one of its topic files: from the save to the
# new claim in the app's briefing (watcher, store sync, the new briefing swapped in).
_LIVE = """
import asyncio, json, statistics, sys, time
from pathlib import Path
from briefing.cli import build_parser
from briefing.commands.app import prepare_app
folder, name = Path(sys.argv[1]), sys.argv[2]
app = prepare_app(build_parser().parse_args(["--content", str(folder)]))
samples = []
async def session(pilot):
    while not any(worker.group == "watch" for worker in pilot.app.workers):
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)
    path = folder / "topics" / name
    original = path.read_text(encoding="utf-8")
    for run in range(5):
        marker = f"Saved by the benchmark, time {run} {time.time_ns()}."
        path.write_text(original.replace("\\n- ", f"\\n- {marker} [@uslive]\\n- ", 1), encoding="utf-8")
        started = time.perf_counter()
        while not any(marker in claim.text for claim in pilot.app.briefing.topic(path.stem).claims):
            await asyncio.sleep(0.01)
        samples.append(time.perf_counter() - started)
        await asyncio.sleep(0.5)
    path.write_text(original, encoding="utf-8")
    pilot.app.exit()
app.run(headless=True, size=(120, 40), auto_pilot=session)
print(json.dumps({"median_s": statistics.median(samples)}))
"""


def live_edit(env: dict, content: Path) -> float:
    """The open app, an author saving a topic file: seconds until the app holds the change."""
    topic = sorted((content / "topics").glob("*.md"))[len(list((content / "topics").glob("*.md"))) // 3]
    out = subprocess.run(
        [sys.executable, "-c", _LIVE, str(content), topic.name], capture_output=True, text=True, check=True, env=env
    ).stdout
    return json.loads(out.strip().splitlines()[-1])["median_s"]


def measure(label: str, content: Path, scratch: Path, runs: int) -> dict:
    env = {**os.environ, "XDG_CACHE_HOME": str(scratch / f"cache-{label}")}
    figures: dict = {"label": label, "topics": 1 + len(list((content / "topics").glob("*.md")))}
    figures["first_load_s"] = first_load(env, content)
    figures["check_warm_s"] = timed(env, "check", str(content), runs=runs)["seconds"]
    # Warm means ready: the search index is built once (the first search or the first start
    # builds it), so the app's first paint is not measured beside a background build.
    timed(env, "--content", str(content), "search", "warm", runs=1)
    # The app's first paint goes through the same store (now warm) as the commands.
    os.environ["XDG_CACHE_HOME"] = env["XDG_CACHE_HOME"]
    paint = startup_bench.run(content, runs=runs)
    figures["paint_s"] = paint["briefing"]["seconds"]
    figures["bare_s"] = paint["bare"]["seconds"]
    figures["session_mb"] = session_memory(env, content)
    search = timed(env, "--content", str(content), "search", "how", "many", "prisoners", runs=runs)
    figures["search_s"], figures["search_mb"] = search["seconds"], search["peak_mb"]
    figures["print_text_s"] = timed(env, "--content", str(content), "print", runs=runs)["seconds"]
    pdf = scratch / f"{label}.pdf"
    figures["print_pdf_s"] = timed(env, "--content", str(content), "print", "--format", "pdf", "-o", str(pdf), runs=3)[
        "seconds"
    ]
    figures["edit_search_s"] = edit_then_search(env, content)
    figures["keys_p90_ms"] = keystrokes(env, content)["p90_ms"]
    figures["live_edit_s"] = live_edit(env, content)
    return figures


def report(rows: list[dict]) -> None:
    base = rows[0]
    print(f"{'':44}" + "".join(f"{row['label']:>22}" for row in rows) + "   target at 10,011 topics")

    def line(name: str, cell, target: str) -> None:
        print(f"{name:44}" + "".join(f"{cell(row):>22}" for row in rows) + f"   {target}")

    line("topics", lambda r: f"{r['topics']:,}", "")
    line(
        "app first paint, warm (x bundled, same run)",
        lambda r: f"{r['paint_s'] * 1000:.0f} ms ({r['paint_s'] / base['paint_s']:.2f}x)",
        "<= 1.5x bundled",
    )
    line("  bare Textual app, same run", lambda r: f"{r['bare_s'] * 1000:.0f} ms", "")
    line("app peak memory, search session", lambda r: f"{r['session_mb']:.0f} MiB", "<= 150 MiB")
    line("`briefing search` (warm)", lambda r: f"{r['search_s']:.2f} s", "<= 0.5 s")
    line("keystroke to results on screen, p90", lambda r: f"{r['keys_p90_ms']:.1f} ms", "<= 33 ms")
    line("`briefing print` text", lambda r: f"{r['print_text_s']:.2f} s", "<= 2 s")
    line("`briefing print` PDF", lambda r: f"{r['print_pdf_s']:.2f} s", "<= 2 s")
    line("edit one topic file, next search", lambda r: f"{r['edit_search_s']:.2f} s", "<= 1.5 s")
    line("save a topic file, the open app has it", lambda r: f"{r['live_edit_s']:.2f} s", "a second or two")
    line("first ever load (`briefing check`, no store)", lambda r: f"{r['first_load_s']:.2f} s", "<= 10 s")
    line("`briefing check`, warm", lambda r: f"{r['check_warm_s']:.2f} s", "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", default="100,1000", help="clone sizes besides the bundled briefing")
    parser.add_argument("--runs", type=int, default=5, help="samples per timed figure (median)")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        bundled = scratch / "bundled"
        shutil.copytree(bundled_content_dir(), bundled)
        corpora = [("bundled", bundled)]
        for copies in (int(n) for n in args.copies.split(",") if n):
            clone = clone_content(scratch / f"x{copies}", copies)
            corpora.append((f"x{copies}", clone))
        rows = [measure(label, content, scratch, args.runs) for label, content in corpora]
    report(rows)
    print(f"(measured in {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
