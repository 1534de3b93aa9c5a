"""How the store reports work in progress: files done so far out of files to do."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]  # (files done so far, files to do)


def counting(total: int, progress: Progress | None) -> Callable[[int], None]:
    """A callback for work done in batches (`advance(count)`) that reports the running total of
    `total` to `progress`, when there is one."""
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, total)

    return advance
