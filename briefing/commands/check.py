"""`briefing check [DIR] [--against TEXTS]`: list every problem like a compiler; exit 0 clean,
1 errors, 2 cannot run."""

from __future__ import annotations

import argparse
import sys

from briefing.model import ContentError
from briefing.paths import resolve_content_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", nargs="?", metavar="DIR", help="content folder to check")
    parser.add_argument(
        "--against",
        metavar="TEXTS",
        help="folder of the outlets' own texts (one plain-text file per outlet, named by "
        "`text_file:` in its source file): every quote must be in a cited outlet's text "
        "(error) and every figure too (warning)",
    )


def run(args: argparse.Namespace) -> int:
    from briefing.loader import load_briefing  # always parses: checking is what it is for

    folder = resolve_content_dir(args.folder or getattr(args, "content", None))
    try:
        briefing = load_briefing(folder)
    except ContentError as exc:
        print(f"briefing check: {exc}", file=sys.stderr)
        return 2
    problems = list(briefing.problems)
    against = getattr(args, "against", None)
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
    errors = sum(p.severity.value == "error" for p in problems)
    warnings = len(problems) - errors
    claims = sum(len(topic.claims) for topic in briefing.topics)
    checked = f" checked against {against};" if against is not None else ""
    print(
        f"{folder}: {len(briefing.topics)} topics, {claims} claims, {len(briefing.sources)} sources;{checked} "
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    )
    return 1 if errors else 0
