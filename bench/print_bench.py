"""How long `briefing print` takes as a briefing grows: text and PDF at 111, 1,011 and 10,011 topics.

python bench/print_bench.py [--no-cli]

In memory: `make_handout` on a synthetic briefing (selection and rendering; the PDF's first run
also imports fpdf2 and loads the font, and is shown apart). Through the CLI: `briefing print` in a
fresh interpreter on the same briefing written as content files, once to fill the loaded-briefing
cache and then warm, which is how a person runs it twice. Figures are medians of one run of this
script, with the ratio to the issue's targets (1,011 topics <= 0.5 s, 10,011 topics <= 2 s).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The checkout comes first: devkit/ (synthetic briefings) is not part of the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.summary import make_handout
from devkit.synthetic import make_synthetic_briefing, write_synthetic_content

SIZES = (111, 1_011, 10_011)  # topics, the overview included
TARGETS = {1_011: 0.5, 10_011: 2.0}  # seconds, for text and PDF alike


def _median(seconds: list[float]) -> float:
    return statistics.median(seconds)


def in_memory(topics: int, fmt: str, runs: int = 5) -> float:
    briefing = make_synthetic_briefing(topics - 1)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        make_handout(briefing, fmt)
        samples.append(time.perf_counter() - started)
    return _median(samples)


def first_pdf() -> float:
    """A fresh interpreter's first PDF of a small briefing: fpdf2's import and the font's loading."""
    script = (
        "import sys, time; sys.path.insert(0, '.')\n"
        "from devkit.synthetic import make_synthetic_briefing\n"
        "from briefing.summary import make_handout\n"
        "b = make_synthetic_briefing(110); t = time.perf_counter(); make_handout(b, 'pdf')\n"
        "print(time.perf_counter() - t)\n"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=root)
    return float(out.stdout.strip())


def through_cli(folder: Path, fmt: str, cache: Path, runs: int = 3) -> tuple[float, float]:
    """(first run, which loads and caches the files; median of the warm runs after it)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("BRIEFING_CONTENT", None)
    command = [sys.executable, "-m", "briefing", "--content", str(folder), "print", "--format", fmt, "-o", os.devnull]
    samples = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=env)
        samples.append(time.perf_counter() - started)
    return samples[0], _median(samples[1:])


def _ratio(topics: int, seconds: float) -> str:
    target = TARGETS.get(topics)
    return f" = {seconds / target:.2f}x the {target:g} s target" if target else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI runs (writing 10,011 files takes a while)")
    args = parser.parse_args()
    make_handout(make_synthetic_briefing(10), "pdf")  # fpdf2 imported and the font loaded once
    print(f"first PDF in a fresh interpreter (imports fpdf2, loads the font): {first_pdf():.2f} s")
    for topics in SIZES:
        for fmt in ("text", "pdf"):
            seconds = in_memory(topics, fmt)
            print(f"in memory, {topics:>6,} topics, {fmt:<4}: {seconds * 1000:7.1f} ms{_ratio(topics, seconds)}")
    if args.no_cli:
        return
    with tempfile.TemporaryDirectory() as scratch:
        for topics in SIZES:
            folder = write_synthetic_content(Path(scratch) / f"content-{topics}", topics - 1)
            cache = Path(scratch) / f"cache-{topics}"
            for fmt in ("text", "pdf"):
                cold, warm = through_cli(folder, fmt, cache)
                print(
                    f"briefing print, {topics:>6,} topics, {fmt:<4}: {warm:.2f} s{_ratio(topics, warm)} "
                    f"(first run, loading and caching the files: {cold:.2f} s)"
                )


if __name__ == "__main__":
    main()
