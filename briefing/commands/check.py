"""`briefing check [DIR] [--against TEXTS] [--watch]`: list every problem like a compiler; exit 0
clean, 1 errors, 2 cannot run. With `--watch`, check again after every save until Ctrl-C (exit 0)."""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.counting_words import counted
from briefing.loading.paths import resolve_content_dir
from briefing.model import Briefing, ContentError, Severity

if TYPE_CHECKING:
    from briefing.store.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", nargs="?", metavar="DIR", help="content folder to check")
    parser.add_argument(
        "--against",
        metavar="TEXTS",
        help="folder of the outlets' own texts (one plain-text file per outlet, named by "
        "`text_file:` in its source file): every quote must be in a cited outlet's text "
        "(error) and every figure too (warning)",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="check again every time a content file is saved (only the changed files are read again); Ctrl-C to stop",
    )


def run(args: argparse.Namespace) -> int:
    # The compiled store re-parses every file whose bytes changed, so its problems are the files'.
    from briefing.commands.content import open_content

    folder = resolve_content_dir(args.folder or getattr(args, "content", None))
    try:
        briefing, store = open_content(args, "briefing check", str(folder))
    except ContentError as exc:
        print(f"briefing check: {exc}", file=sys.stderr)
        return 2
    against = getattr(args, "against", None)
    status = _report(briefing, folder, against)
    if status == 2 or not getattr(args, "watch", False):
        return status
    return _watch(store, folder, against)


def _watch(store: Store, folder: Path, against: str | None) -> int:
    """Check again after every batch of saves, each report under a line saying when and what
    changed, until Ctrl-C."""
    from briefing.store.open import refresh
    from briefing.watch import content_changes, describe_changes

    print("Watching for changes; Ctrl-C to stop.", flush=True)
    try:
        for _ in content_changes(folder, threading.Event()):
            result = refresh(store)
            if result is None:
                continue
            briefing, sync = result
            print(f"\n[{time.strftime('%H:%M:%S')}] {describe_changes(sync.paths)} changed", flush=True)
            _report(briefing, folder, against)
    except KeyboardInterrupt:
        pass  # watchfiles stops quietly on Ctrl-C; this is in case it arrives between two checks
    return 0


def _report(briefing: Briefing, folder: Path, against: str | None) -> int:
    """Print every problem and the one-line summary; the exit status they amount to."""
    problems = list(briefing.problems)
    if against is not None:
        from briefing.checking import AgainstError, check_against

        try:
            problems += check_against(briefing, against)
        except AgainstError as exc:
            print(f"briefing check: --against {exc}", file=sys.stderr)
            return 2
        problems.sort(key=lambda p: (p.path, p.line))
    for problem in problems:
        print(problem.format())
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    claims = sum(entry.claim_count + entry.difference_count for entry in briefing.outline)
    checked = f" checked against {against};" if against is not None else ""
    print(
        f"{folder}: {counted(len(briefing.outline), 'topic')}, {counted(claims, 'claim')}, "
        f"{counted(len(briefing.sources), 'source')};{checked} "
        f"{counted(errors, 'error')}, {counted(warnings, 'warning')}",
        flush=True,
    )
    return 1 if errors else 0
