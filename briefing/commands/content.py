"""How every command gets its briefing: the compiled store of the content folder, brought up to
date (with a progress bar on a terminal the first time), its notices printed once on stderr."""

from __future__ import annotations

import argparse
import sys

from briefing.loading.paths import resolve_content_dir


def open_content(
    args: argparse.Namespace, prog: str, folder: str | None = None, *, report: bool = True, up_to_date: bool = True
):
    """(briefing, store) for the folder the arguments name. Raises `ContentError`. The store's
    notices go to stderr, unless `report` is False (the app shows them itself); `up_to_date`
    as for `open_briefing`."""
    from briefing.commands.progress import compile_progress
    from briefing.store.open import open_briefing

    with compile_progress() as progress:
        briefing, store = open_briefing(
            resolve_content_dir(folder or getattr(args, "content", None)), progress, up_to_date=up_to_date
        )
    if report:
        report_notices(store, prog)
    return briefing, store


def report_notices(store, prog: str) -> None:
    """The store's notices not yet said, on stderr (once each: a later step, such as building
    the search index, may add one)."""
    for notice in store.notices:
        print(f"{prog}: {notice}", file=sys.stderr)
    store.notices.clear()
