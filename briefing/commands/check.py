"""`briefing check [DIR]`: list every problem like a compiler; exit 0 clean, 1 errors, 2 cannot run."""

from __future__ import annotations

import argparse
import sys

from briefing.loading.paths import resolve_content_dir
from briefing.model import ContentError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", nargs="?", metavar="DIR", help="content folder to check")


def run(args: argparse.Namespace) -> int:
    # The compiled store re-parses every file whose bytes changed, so its problems are the files'.
    from briefing.commands.content import open_content

    folder = resolve_content_dir(args.folder or getattr(args, "content", None))
    try:
        briefing, _store = open_content(args, "briefing check", str(folder))
    except ContentError as exc:
        print(f"briefing check: {exc}", file=sys.stderr)
        return 2
    for problem in briefing.problems:
        print(problem.format())
    errors, warnings = len(briefing.errors), len(briefing.warnings)
    claims = sum(entry.claim_count + entry.difference_count for entry in briefing.outline)
    print(
        f"{folder}: {len(briefing.outline)} topics, {claims} claims, {len(briefing.sources)} sources; "
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    )
    return 1 if errors else 0
