"""`briefing new DIR [--title TEXT]`: write a small briefing that passes `briefing check`, every
field explained in a comment. Exit 2 when the folder exists and is not empty. Never imports
Textual."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR", help="a new (or empty) folder to write it in")
    parser.add_argument("--title", metavar="TEXT", help="the briefing's title (default: from the folder's name)")


def run(args: argparse.Namespace) -> int:
    from briefing.shelf.template import NewError, write_new_briefing

    folder = Path(args.folder).expanduser()
    try:
        written = write_new_briefing(folder, args.title)
    except NewError as exc:
        print(f"briefing new: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    print(f"next: edit them, `briefing check --content {folder}`, then `briefing add {folder}`")
    return 0
