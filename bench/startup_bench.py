"""First paint of `briefing` against a bare Textual app, measured in the same run.

Each sample is a fresh interpreter (so imports count, as they do for a user): it starts the app
headless, waits for the first screen to be composed and painted, then exits and prints the
elapsed wall time and its peak memory.

    python bench/startup_bench.py [--topics 1000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

_PRELUDE = """
import time, resource, json, sys
started = time.perf_counter()
"""
_FINISH = """
elapsed = []
def painted():
    elapsed.append(time.perf_counter() - started)
    app.exit()
async def after_first_screen(pilot):
    # The screen is mounted; the next refresh is the first complete paint.
    pilot.app.screen.call_after_refresh(painted)
app.run(headless=True, size=(120, 40), auto_pilot=after_first_screen)
print(json.dumps({"seconds": elapsed[0],
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
BARE_APP = (
    _PRELUDE
    + """
from textual.app import App
from textual.widgets import Footer, Header, Static
class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()
app = Bare()
"""
    + _FINISH
)
# A plain Textual app of the same shape as ours (header, three bordered panels, a search box,
# a footer with the same number of keys) and no logic: what the layout itself costs.
SAME_SHAPE_APP = (
    _PRELUDE
    + """
from textual.app import App
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import ContentSwitcher, Footer, Header, Input, Static
class Shape(App):
    BINDINGS = [Binding(k, "bell", d) for k, d in [("q", "Quit"), ("slash", "Search"), ("n", "Next hit"),
                ("o", "Outlet"), ("b", "Back"), ("f1", "Help")]]
    CSS = "#side{width:28;border:round $panel;} #src{width:38;border:round $panel;} #pane{border:round $accent;}"
    def compose(self):
        yield Header()
        with Horizontal():
            yield VerticalScroll(Static("\\n".join(f"{i} Topic {i}" for i in range(11))), id="side")
            with Vertical():
                with Horizontal():
                    yield Static("/")
                    yield Input()
                    yield Static("0")
                with ContentSwitcher(initial="pane"):
                    yield VerticalScroll(Static("Lorem ipsum dolor sit amet " * 200), id="pane")
            yield VerticalScroll(Static("Source " * 100), id="src")
        yield Footer()
app = Shape()
"""
    + _FINISH
)
BRIEFING_APP = (
    _PRELUDE
    + """
# The path `briefing` itself takes, up to app.run().
from briefing.cli import build_parser
from briefing.commands.app import prepare_app
app = prepare_app(build_parser().parse_args(["--content", sys.argv[1]]))
"""
    + _FINISH
)


def sample(code: str, *args: str) -> dict:
    output = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def run(content: Path, runs: int = 7) -> dict:
    """Median of `runs` fresh starts of each, alternating so drift on a busy machine hits both
    alike. One untimed start of each first: the OS file cache, and our briefing cache, are warm
    for a user's second start, which is the one measured (the first start parses; see README)."""
    sample(BARE_APP)
    sample(BRIEFING_APP, str(content))
    bare_samples, shape_samples, our_samples = [], [], []
    for _ in range(runs):
        bare_samples.append(sample(BARE_APP))
        shape_samples.append(sample(SAME_SHAPE_APP))
        our_samples.append(sample(BRIEFING_APP, str(content)))

    def median(samples: list[dict]) -> dict:
        return {
            "seconds": statistics.median(s["seconds"] for s in samples),
            "peak_mb": max(s["peak_mb"] for s in samples),
        }

    bare, shape, ours = median(bare_samples), median(shape_samples), median(our_samples)
    return {
        "bare": bare,
        "same_shape": shape,
        "briefing": ours,
        "ratio": ours["seconds"] / bare["seconds"],
        "shape_ratio": shape["seconds"] / bare["seconds"],
        "ratio_to_shape": ours["seconds"] / shape["seconds"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=0, help="use a synthetic briefing of N topics")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from briefing.loading.paths import bundled_content_dir
    from devkit.synthetic import write_synthetic_content

    with tempfile.TemporaryDirectory() as scratch:
        content = write_synthetic_content(Path(scratch), args.topics) if args.topics else bundled_content_dir()
        result = run(content, args.runs)
    label = f"{args.topics} synthetic topics" if args.topics else "bundled content"
    print(
        f"first paint ({label}): briefing {result['briefing']['seconds'] * 1000:.0f} ms, "
        f"bare Textual app {result['bare']['seconds'] * 1000:.0f} ms, ratio {result['ratio']:.2f}x; "
        f"a plain Textual app of the same layout {result['same_shape']['seconds'] * 1000:.0f} ms "
        f"({result['shape_ratio']:.2f}x bare; briefing is {result['ratio_to_shape']:.2f}x of it)"
    )


if __name__ == "__main__":
    main()
