"""`briefing check [DIR]`: list every problem like a compiler; exit 0 clean, 1 errors, 2 cannot run."""

from __future__ import annotations

import argparse
import sys

from briefing.loading.paths import resolve_content_dir
from briefing.model import ContentError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", nargs="?", metavar="DIR", help="content folder to check")


def run(args: argparse.Namespace) -> int:
    from briefing.loading.loader import load_briefing  # always parses: checking is what it is for

    folder = resolve_content_dir(args.folder or getattr(args, "content", None))
    try:
        briefing = load_briefing(folder)
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
