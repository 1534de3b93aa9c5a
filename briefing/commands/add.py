"""`briefing add DIR [--copy]`: put a briefing on the shelf, linked (edits show) or copied (a
snapshot), saying which and why; then compile it, so the shelf finds it ready.

Exit 0 when added (even with problems in its content: the shelf shows them), 2 when it could
not be. Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR", help="the briefing's folder (it holds briefing.md)")
    parser.add_argument("--copy", action="store_true", help="copy it in (a snapshot) instead of linking it")


def run(args: argparse.Namespace) -> int:
    from briefing.commands.progress import compile_progress
    from briefing.shelf.folder import AddError, add_folder, library_dir
    from briefing.shelf.reading import read_entry

    try:
        added = add_folder(Path(args.folder).expanduser(), copy=args.copy)
    except AddError as exc:
        print(f"briefing add: {exc}", file=sys.stderr)
        return 2
    print(f"{added.how} {args.folder} into {library_dir()} as {added.folder.name!r}: {added.why}")
    with compile_progress() as progress:
        entry = read_entry(added.folder, up_to_date=True, progress=progress)
    from briefing.safe_text import strip_unsafe

    summary = f"{strip_unsafe(entry.title)}: {entry.size}"
    if entry.problems:
        summary += (
            f"; {entry.problems} problem{'s' * (entry.problems != 1)}, see `briefing check --content {args.folder}`"
        )
    print(summary)
    return 0
