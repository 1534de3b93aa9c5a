"""`briefing search --all QUERY...`: the per-briefing search run on every briefing of the
library, merged best first, each hit naming its briefing and its outlets. Exit 0 with hits, 1
with none. Never imports Textual."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from briefing.shelf.model import ShelfHit


def run_all(args: argparse.Namespace) -> int:
    from briefing.shelf.reading import search_library, unread_entries

    query = " ".join(args.query)
    hits = search_library(unread_entries(), query, args.limit)
    if args.json:
        print(json.dumps([asdict(hit) for hit in hits], ensure_ascii=False, indent=2))
    else:
        for hit in hits:
            print(hit_line(hit))
    if not hits:
        if not args.json:
            print(f"briefing search: nothing in any briefing matches {query!r}", file=sys.stderr)
        return 1
    return 0


def hit_line(hit: ShelfHit) -> str:
    """`Briefing title » topic › claim  [Outlet A, Outlet B]`, on one line."""
    from briefing.safe_text import strip_unsafe

    text = " ".join(hit.text.split())
    line = f"{hit.topic} › {text}" if hit.topic and hit.kind != "topic" else text
    if hit.outlets and hit.kind != "source":
        line += f"  [{', '.join(hit.outlets)}]"
    return strip_unsafe(f"{hit.briefing} » {line}")
