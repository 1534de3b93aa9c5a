"""`briefing list [--json]`: every briefing of the library, newest event first: title, event
date, as of, topics, claims, problems. Each is brought up to date with its folder first.
Never imports Textual."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the briefings as a JSON array")


def run(args: argparse.Namespace) -> int:
    from briefing.safe_text import strip_unsafe
    from briefing.shelf.folder import library_dir
    from briefing.shelf.reading import shelf_entries

    entries = shelf_entries(up_to_date=True)
    if args.json:
        print(json.dumps([asdict(entry) for entry in entries], ensure_ascii=False, indent=2))
        return 0
    # The title comes last, as wide as it needs; the other columns as wide as their widest cell.
    rows = [("EVENT", "AS OF", "TOPICS", "CLAIMS", "PROBLEMS", "BRIEFING (folder)")]
    for entry in entries:
        problems = strip_unsafe(entry.unreadable) or (
            f"{entry.problems}" + (f" ({entry.errors} errors)" if entry.errors else "")
        )
        rows.append(
            (
                entry.event_date or "-",
                entry.as_of or "-",
                f"{entry.topics:,}",
                f"{entry.claims:,}",
                problems,
                strip_unsafe(f"{entry.title} ({entry.name})"),
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row[:5], widths, strict=True)) + "  " + row[5])
    print(f"{len(entries)} briefing{'s' * (len(entries) != 1)}; the library is {library_dir()}")
    return 0
