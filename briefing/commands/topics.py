"""`briefing topics`: every topic's id and title, in reading order, one per line (id first).
The ids are what `briefing print --topics` takes. Never imports Textual.

Exit 0 listed; 2 the content folder cannot be read.
"""

from __future__ import annotations

import argparse
import sys

from briefing.model import ContentError

PROG = "briefing topics"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "example: briefing print --topics overview,energy-truce"


def topic_lines(outline) -> list[str]:
    """ "energy-truce   Energy truce": each topic's id, padded to the longest, and its title."""
    from briefing.safe_text import strip_unsafe

    width = max((len(entry.id) for entry in outline), default=0)
    return [f"{entry.id:<{width}}  {' '.join(strip_unsafe(entry.title).split())}".rstrip() for entry in outline]


def run(args: argparse.Namespace) -> int:
    from briefing.commands.content import open_content

    try:
        briefing, _store = open_content(args, PROG)
    except ContentError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    for line in topic_lines(briefing.outline):
        print(line)
    return 0
