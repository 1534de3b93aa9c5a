"""`briefing check [DIR] [--against TEXTS]`: list every problem like a compiler; exit 0 clean,
1 errors, 2 cannot run."""

from __future__ import annotations

import argparse
import sys

from briefing.loading.paths import resolve_content_dir
from briefing.model import ContentError, Severity


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
    # The compiled store re-parses every file whose bytes changed, so its problems are the files'.
    from briefing.commands.content import open_content

    folder = resolve_content_dir(args.folder or getattr(args, "content", None))
    try:
        briefing, _store = open_content(args, "briefing check", str(folder))
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
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    claims = sum(entry.claim_count + entry.difference_count for entry in briefing.outline)
    checked = f" checked against {against};" if against is not None else ""
    print(
        f"{folder}: {len(briefing.outline)} topics, {claims} claims, {len(briefing.sources)} sources;{checked} "
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    )
    return 1 if errors else 0
