"""Every performance figure of the project, measured in one run (ratios, not timed tests).

python bench/run.py
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The checkout comes first: devkit/ (synthetic briefings, scenes) is not part of the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import keystroke_bench
import loader_bench
import search_bench
import search_quality
import startup_bench

from briefing.loading.paths import bundled_content_dir
from devkit.synthetic import write_synthetic_content

_COMMAND = """
import time, resource, json, sys, io, contextlib
started = time.perf_counter()
from briefing.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    main(sys.argv[1:])
print(json.dumps({"seconds": time.perf_counter() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def command(*args: str, runs: int = 7) -> dict:
    samples = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _COMMAND, *args], capture_output=True, text=True, check=True)
        samples.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {"seconds": statistics.median(s["seconds"] for s in samples), "peak_mb": max(s["peak_mb"] for s in samples)}


def main() -> None:
    bundled = startup_bench.run(bundled_content_dir())
    with tempfile.TemporaryDirectory() as scratch:
        large = startup_bench.run(write_synthetic_content(Path(scratch), 1000))
    paint = bundled["briefing"]["seconds"]
    print(
        f"first paint, bundled content: briefing {paint * 1000:.0f} ms vs bare Textual app "
        f"{bundled['bare']['seconds'] * 1000:.0f} ms = {bundled['ratio']:.2f}x (target <= 1.25x); "
        f"peak memory {bundled['briefing']['peak_mb']:.0f} MB vs {bundled['bare']['peak_mb']:.0f} MB"
    )
    print(
        f"  a plain Textual app with the same layout and no logic: {bundled['same_shape']['seconds'] * 1000:.0f} ms "
        f"= {bundled['shape_ratio']:.2f}x bare; briefing = {bundled['ratio_to_shape']:.2f}x of it"
    )
    print(
        f"first paint, 1,000 synthetic topics: {large['briefing']['seconds'] * 1000:.0f} ms vs "
        f"{large['bare']['seconds'] * 1000:.0f} ms = {large['ratio']:.2f}x (target <= 2x); "
        f"peak memory {large['briefing']['peak_mb']:.0f} MB"
    )

    text = command("print")
    print(
        f"briefing print (text): {text['seconds'] * 1000:.0f} ms = {text['seconds'] / paint:.2f}x the app's "
        f"first paint (target <= 0.4x); peak memory {text['peak_mb']:.0f} MB"
    )
    with tempfile.TemporaryDirectory() as scratch:
        pdf = command("print", "--format", "pdf", "-o", str(Path(scratch) / "s.pdf"), runs=3)
    print(f"briefing print --format pdf: {pdf['seconds'] * 1000:.0f} ms; peak memory {pdf['peak_mb']:.0f} MB")

    print(loader_bench.report(loader_bench.run()))

    started = time.perf_counter()
    search = search_bench.run(10_000)
    print(
        f"search on {search['topics']:,} topics / {search['claims']:,} claims: index built in "
        f"{search['build_s']:.2f} s (target < 2 s); per query p50 {search['p50_ms']:.2f} ms, "
        f"p95 {search['p95_ms']:.2f} ms (target <= 5 ms); naive scan p50 {search['scan_p50_ms']:.0f} ms "
        f"({search['speedup_p50']:.0f}x slower)"
    )
    for topics in (0, 10_000):
        keys = keystroke_bench.run(topics)
        label = f"{topics:,} synthetic topics" if topics else "bundled content"
        print(
            f"keystroke to results on screen, {label}: p50 {keys['p50_ms']:.1f} ms, "
            f"p90 {keys['p90_ms']:.1f} ms (target <= 33 ms)"
        )
    if search_quality.DEFAULT_QUERIES.is_file():
        quality = search_quality.run()
        print(
            f"search quality, {quality['queries']} meeting queries: right@1 {quality['at_1']:.0%} (target >= 90%), "
            f"right@3 {quality['at_3']:.0%} (target 100%)"
        )
    else:
        print(f"search quality: no query file at {search_quality.DEFAULT_QUERIES} (bench/search_quality.py FILE)")
    print(f"(bench took {time.perf_counter() - started:.0f} s for the search part)")


if __name__ == "__main__":
    main()
