"""A progress bar for long work (the first compile of a large briefing), on a terminal only.

Piped or redirected, nothing extra is printed. Small jobs finish before a bar would be worth
drawing, so the bar appears only for `SHOW_FROM` files or more.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

SHOW_FROM = 200


@contextmanager
def compile_progress(label: str = "Reading the briefing") -> Iterator[Callable[[int, int], None] | None]:
    """Yields the callback a store's `sync` reports to, or None where no bar is drawn."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = None

    def advance(done: int, total: int) -> None:
        nonlocal task
        if total < SHOW_FROM:
            return
        if task is None:
            bar.start()
            task = bar.add_task(label, total=total)
        bar.update(task, completed=done)

    try:
        yield advance
    finally:
        if task is not None:
            bar.stop()
