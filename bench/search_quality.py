"""Search quality: does the first hit answer the question a meeting asks?

Runs `briefing search --json` (the command a user has, in a fresh process) on every query of a
tab-separated file — column 1 the query as typed, column 2 a case-insensitive regular expression
that the hit's topic title plus text must match — and prints right@1 (the first hit answers),
right@3 (one of the first three does) and every query that missed.

    python bench/search_quality.py [QUERIES.tsv] [--content DIR]

The default query file is the shared one, `<repo>/../shared/search/meeting-queries.tsv`.
Not a test: it prints figures. `run(path)` returns them for bench/run.py.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_QUERIES = ROOT.parent / "shared" / "search" / "meeting-queries.tsv"
TARGET_AT_1, TARGET_AT_3 = 0.90, 1.0


@dataclass(frozen=True)
class Case:
    query: str
    answer: re.Pattern[str]
    line: int


@dataclass(frozen=True)
class Outcome:
    case: Case
    rank: int | None  # 1-based rank of the first hit that answers, None when none of the first three does
    shown: tuple[str, ...]  # the first three hits, as "topic › text"


def read_cases(path: Path) -> list[Case]:
    """The queries of a TSV file; `#` lines and blank lines are comments. Raises ValueError with
    `file:line: message` on a malformed line."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) < 2 or not columns[0].strip() or not columns[1].strip():
            raise ValueError(f"{path}:{number}: expected QUERY<TAB>ANSWER-REGEX")
        try:
            answer = re.compile(columns[1].strip(), re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{path}:{number}: bad regular expression: {exc}") from None
        cases.append(Case(columns[0].strip(), answer, number))
    return cases


def _search(query: str, content: str | None) -> list[dict]:
    command = [sys.executable, "-m", "briefing"]
    if content:
        command += ["--content", content]
    command += ["search", "--json", "--limit", "3", "--", query]
    result = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120, check=False
    )
    if result.returncode not in (0, 1):
        raise RuntimeError(f"briefing search {query!r} exited {result.returncode}: {result.stderr.strip()}")
    return json.loads(result.stdout or "[]")


def _label(hit: dict) -> str:
    return f"{hit.get('topic') or ''} › {hit['text']}"


def score(case: Case, hits: list[dict]) -> Outcome:
    rank = None
    for position, hit in enumerate(hits[:3], start=1):
        if case.answer.search(f"{hit.get('topic') or ''} {hit['text']}"):
            rank = position
            break
    return Outcome(case, rank, tuple(_label(hit) for hit in hits[:3]))


def run(path: Path = DEFAULT_QUERIES, content: str | None = None) -> dict:
    cases = read_cases(path)
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(lambda case: score(case, _search(case.query, content)), cases))
    total = len(outcomes) or 1
    return {
        "queries": len(outcomes),
        "at_1": sum(outcome.rank == 1 for outcome in outcomes) / total,
        "at_3": sum(outcome.rank is not None for outcome in outcomes) / total,
        "outcomes": outcomes,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("queries", nargs="?", type=Path, default=DEFAULT_QUERIES, help="the query file (TSV)")
    parser.add_argument("--content", metavar="DIR", help="content folder (default: the bundled briefing)")
    args = parser.parse_args(argv)
    if not args.queries.is_file():
        print(
            f"search_quality: query file not found: {args.queries}\n"
            "  pass one as the first argument (QUERY<TAB>ANSWER-REGEX per line)",
            file=sys.stderr,
        )
        return 2
    try:
        figures = run(args.queries, args.content)
    except ValueError as exc:
        print(f"search_quality: {exc}", file=sys.stderr)
        return 2
    for outcome in figures["outcomes"]:
        if outcome.rank == 1:
            continue
        where = "not in the first 3" if outcome.rank is None else f"answer at {outcome.rank}"
        print(f"miss ({where}): {outcome.case.query!r}  wants /{outcome.case.answer.pattern}/")
        for number, shown in enumerate(outcome.shown, start=1):
            print(f"    {number}. {shown[:150]}")
    print(
        f"search quality on {figures['queries']} queries ({args.queries.name}): "
        f"right@1 {figures['at_1']:.0%} (target >= {TARGET_AT_1:.0%}), "
        f"right@3 {figures['at_3']:.0%} (target = {TARGET_AT_3:.0%})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
