"""`briefing search QUERY... [--json] [--limit N]`: search the briefing from the command line.

Exit 0 with hits, 1 when nothing matched, 2 when the content folder cannot be read.
Never imports Textual.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing.model import Briefing, ContentError

if TYPE_CHECKING:
    from briefing.search import Hit
    from briefing.search.hit import Side


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", metavar="QUERY", help="words to look for")
    parser.add_argument("--json", action="store_true", help="print hits as a JSON array")
    parser.add_argument("--all", action="store_true", help="search every briefing of the library (briefing list)")
    parser.add_argument("--limit", type=_positive, default=20, metavar="N", help="show at most N hits (default 20)")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def run(args: argparse.Namespace) -> int:
    if args.all:
        from briefing.commands.search_all import run_all

        return run_all(args)
    from briefing.commands.content import open_content, report_notices
    from briefing.commands.progress import compile_progress

    try:
        briefing, store = open_content(args, "briefing search")
    except ContentError as exc:
        print(f"briefing search: {exc}", file=sys.stderr)
        return 2
    if briefing.errors:
        count = len(briefing.errors)
        print(
            f"briefing search: {count} problem{'s' * (count != 1)} in content; run `briefing check`",
            file=sys.stderr,
        )
    query = " ".join(args.query)
    from briefing.search import SearchIndex

    with compile_progress("Indexing the briefing") as progress:
        store.ensure_index(progress)  # once per briefing: later searches read it from the store
    report_notices(store, "briefing search")  # an index the store could not take: from memory
    hits = SearchIndex.for_briefing(briefing).search(query, limit=args.limit)
    if args.json:
        print(json.dumps([hit_record(hit, briefing) for hit in hits], ensure_ascii=False, indent=2))
    else:
        for hit in hits:
            print(hit_line(hit, briefing))
    if not hits:
        if not args.json:
            print(f"briefing search: nothing matches {query!r}", file=sys.stderr)
        return 1
    return 0


def _outlets(source_ids: Sequence[str], briefing: Briefing) -> list[str]:
    names = []
    for source_id in source_ids:
        source = briefing.source(source_id)
        names.append(source.outlet if source else source_id)
    return names


def _sides(hit: Hit, briefing: Briefing) -> tuple[str, tuple[Side, ...]]:
    """A difference hit's label and sides, read from its topic; ("", ()) for any other hit."""
    from briefing.search.hit import claim_of, sides

    claim = claim_of(briefing, hit) if hit.kind == "difference" else None
    return (claim.label, sides(claim)) if claim is not None else ("", ())


def hit_line(hit: Hit, briefing: Briefing) -> str:
    """`topic title › claim text  [Outlet A, Outlet B]`, on one line; a "where reports differ"
    hit gives each side its own outlets: `title › Label: one side [A]; the other [B, C]`."""
    label, found = _sides(hit, briefing)
    if found:
        said = "; ".join(
            f"{side.text} [{', '.join(_outlets(side.source_ids, briefing))}]" if side.source_ids else side.text
            for side in found
        )
        text = " ".join((f"{label}: {said}" if label else said).split())
        return f"{hit.title} › {text}" if hit.title else text
    text = " ".join(hit.text.split())
    # A topic hit's text already starts with its title.
    line = f"{hit.title} › {text}" if hit.title and hit.kind != "topic" else text
    outlets = _outlets(hit.source_ids, briefing)
    if outlets and hit.kind != "source":
        line += f"  [{', '.join(outlets)}]"
    return line


def hit_record(hit: Hit, briefing: Briefing) -> dict:
    """One hit for `--json`. `sides` lists a difference's sides, each with its own outlets (empty
    for other hits); `text` and `outlets` keep the whole entry and every outlet it cites."""
    label, found = _sides(hit, briefing)
    return {
        "kind": hit.kind,
        "topic_id": hit.topic_id,
        "topic": hit.title if hit.topic_id else None,
        "claim_id": hit.claim_id,
        "text": hit.text,
        "label": label,
        "sides": [
            {"text": side.text, "outlets": _outlets(side.source_ids, briefing), "source_ids": list(side.source_ids)}
            for side in found
        ],
        "outlets": _outlets(hit.source_ids, briefing),
        "source_ids": list(hit.source_ids),
        "file": hit.path,
        "line": hit.line,
        "score": hit.score,
    }
