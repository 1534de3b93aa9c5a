"""Search quality: does the first hit answer the question a meeting asks?

Runs `briefing search --json` (the command a user has, in a fresh process) on every query of one
or more tab-separated files — column 1 the query as typed, column 2 a case-insensitive regular
expression that the hit's topic title plus text must match, column 3 (optional) its class,
`reworded` (asked in the reader's own words) or `keyword` — and prints, per set and per class,
right@1 (the first hit answers), right@3 (one of the first three does) and every query that missed.

    python bench/search_quality.py [QUERIES.tsv ...] [--content DIR] [--in-process] [--quiet] [--as-shown]

`--as-shown` matches the answer against the result as a reader sees it in the list, with each
side's outlets and a claim's outlets ("which outlet said three hours?" is answered by
`Call length: nearly three hours [usdailyonline.com]; …`). The default, stricter figure matches
the topic title and text alone; the README reports both.

Without files: the shared set, `<repo>/../shared/search/meeting-queries.tsv`, and every set under
`bench/queries/`. `--in-process` asks the same `SearchIndex` in this process (seconds, not a
minute: for trying a change; the figures are the same). Not a test: it prints figures.
`run(path)` returns them for bench/run.py.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_QUERIES = ROOT.parent / "shared" / "search" / "meeting-queries.tsv"
BENCH_QUERIES = ROOT / "bench" / "queries"
TARGET_AT_1, TARGET_AT_3 = 0.90, 0.97
UNSEEN_AT_1, UNSEEN_AT_3 = 0.80, 0.95
UNCLASSED = "unclassed"

Searcher = Callable[[str], list[dict]]


@dataclass(frozen=True)
class Case:
    query: str
    answer: re.Pattern[str]
    line: int
    kind: str = UNCLASSED  # "reworded", "keyword", or unclassed


@dataclass(frozen=True)
class Outcome:
    case: Case
    rank: int | None  # 1-based rank of the first hit that answers, None when none of the first three does
    shown: tuple[str, ...]  # the first three hits, as "topic › text"
    listed: tuple[str, ...] = ()  # the first three hits as the list shows them, with outlets


def read_cases(path: Path) -> list[Case]:
    """The queries of a TSV file; `#` lines and blank lines are comments. Raises ValueError with
    `file:line: message` on a malformed line."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) < 2 or not columns[0].strip() or not columns[1].strip():
            raise ValueError(f"{path}:{number}: expected QUERY<TAB>ANSWER-REGEX[<TAB>CLASS]")
        try:
            answer = re.compile(columns[1].strip(), re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{path}:{number}: bad regular expression: {exc}") from None
        kind = columns[2].strip() if len(columns) > 2 and columns[2].strip() else UNCLASSED
        cases.append(Case(columns[0].strip(), answer, number, kind))
    return cases


def _title(record: dict) -> str:
    """What the list shows before a hit's text: its topic, or for an outlet's card its name."""
    if record.get("topic"):
        return record["topic"]
    outlets = record.get("outlets") or []
    return outlets[0] if record.get("kind") == "source" and outlets else ""


def listed_text(record: dict) -> str:
    """A `--json` hit as the result list shows it: the topic, then each side with its own outlets
    for a "where reports differ" entry, or the text with the outlets it cites."""
    sides = record.get("sides") or []
    if sides:
        said = "; ".join(f"{side['text']} [{', '.join(side['outlets'])}]" for side in sides)
        text = f"{record['label']}: {said}" if record.get("label") else said
    else:
        outlets = record.get("outlets") or []
        text = (
            f"{record['text']}  [{', '.join(outlets)}]"
            if outlets and record.get("kind") != "source"
            else record["text"]
        )
    return f"{_title(record)} {text}"


def fresh_process_searcher(content: str | None) -> Searcher:
    def search(query: str) -> list[dict]:
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

    return search


def in_process_searcher(content: str | None) -> Searcher:
    from briefing.commands.search import hit_record
    from briefing.loading.loader import load_briefing
    from briefing.loading.paths import bundled_content_dir
    from briefing.search import SearchIndex

    briefing = load_briefing(Path(content) if content else bundled_content_dir())
    index = SearchIndex.build(briefing)

    def search(query: str) -> list[dict]:
        return [hit_record(hit, briefing) for hit in index.search(query, 3)]

    return search


def _label(hit: dict) -> str:
    return f"{_title(hit)} › {hit['text']}"


def score(case: Case, hits: list[dict], as_shown: bool = False) -> Outcome:
    rank = None
    for position, hit in enumerate(hits[:3], start=1):
        judged = listed_text(hit) if as_shown else f"{_title(hit)} {hit['text']}"
        if case.answer.search(judged):
            rank = position
            break
    return Outcome(case, rank, tuple(_label(hit) for hit in hits[:3]), tuple(listed_text(hit) for hit in hits[:3]))


def figures(outcomes: list[Outcome]) -> dict:
    total = len(outcomes) or 1
    return {
        "queries": len(outcomes),
        "at_1": sum(outcome.rank == 1 for outcome in outcomes) / total,
        "at_3": sum(outcome.rank is not None for outcome in outcomes) / total,
    }


def run(
    path: Path = DEFAULT_QUERIES,
    content: str | None = None,
    searcher: Searcher | None = None,
    as_shown: bool = False,
) -> dict:
    """Figures for one set: queries, at_1, at_3, per class (`classes`), and every outcome."""
    cases = read_cases(path)
    search = searcher or fresh_process_searcher(content)
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(lambda case: score(case, search(case.query), as_shown), cases))
    kinds = sorted({outcome.case.kind for outcome in outcomes})
    classes = {kind: figures([o for o in outcomes if o.case.kind == kind]) for kind in kinds}
    return {**figures(outcomes), "classes": classes, "outcomes": outcomes}


def default_sets() -> list[Path]:
    found = [DEFAULT_QUERIES] if DEFAULT_QUERIES.is_file() else []
    return found + sorted(BENCH_QUERIES.glob("*.tsv"))


def _line(name: str, found: dict) -> str:
    return f"right@1 {found['at_1']:4.0%}  right@3 {found['at_3']:4.0%}  ({found['queries']} queries)  {name}"


def _write_misses(path: Path, report: list[tuple[Path, dict]]) -> None:
    """Every miss, its question, class and answer pattern, and its first three hits as the list
    shows them (whole, with each side's outlets): what a judge reads to say whether one answers."""
    lines = []
    for source, found in report:
        for outcome in found["outcomes"]:
            if outcome.rank == 1:
                continue
            case = outcome.case
            lines.append(f"## {source.name}:{case.line} ({case.kind}; regex rank {outcome.rank or 'none'})")
            lines.append(f"question: {case.query}")
            lines.append(f"regex: /{case.answer.pattern}/")
            lines.extend(f"{number}. {listed}" for number, listed in enumerate(outcome.listed, start=1))
            lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("queries", nargs="*", type=Path, help="query files (TSV); default: every known set")
    parser.add_argument("--content", metavar="DIR", help="content folder (default: the bundled briefing)")
    parser.add_argument("--in-process", action="store_true", help="search in this process (fast, same figures)")
    parser.add_argument("--quiet", action="store_true", help="figures only, not the misses")
    parser.add_argument(
        "--as-shown", action="store_true", help="match the result as listed, with its outlets (see above)"
    )
    parser.add_argument(
        "--misses",
        metavar="FILE",
        type=Path,
        help="write every miss with its first three hits in full, as listed, for a judge to read",
    )
    args = parser.parse_args(argv)
    sets = args.queries or default_sets()
    missing = [path for path in sets if not path.is_file()]
    if not sets or missing:
        print(
            f"search_quality: query file not found: {missing[0] if missing else DEFAULT_QUERIES}\n"
            "  pass one as an argument (QUERY<TAB>ANSWER-REGEX[<TAB>CLASS] per line)",
            file=sys.stderr,
        )
        return 2
    searcher = in_process_searcher(args.content) if args.in_process else fresh_process_searcher(args.content)
    report = []
    for path in sets:
        try:
            found = run(path, args.content, searcher, args.as_shown)
        except ValueError as exc:
            print(f"search_quality: {exc}", file=sys.stderr)
            return 2
        report.append((path, found))
        if args.quiet:
            continue
        for outcome in found["outcomes"]:
            if outcome.rank == 1:
                continue
            where = "not in the first 3" if outcome.rank is None else f"answer at {outcome.rank}"
            print(f"miss ({where}): {outcome.case.query!r}  wants /{outcome.case.answer.pattern[:80]}/")
            for number, shown in enumerate(outcome.shown, start=1):
                print(f"    {number}. {shown[:150]}")
    if args.misses:
        _write_misses(args.misses, report)
    print(
        f"search quality (targets: the shared set right@1 >= {TARGET_AT_1:.0%}, right@3 >= {TARGET_AT_3:.0%}; "
        f"unseen questions >= {UNSEEN_AT_1:.0%}, >= {UNSEEN_AT_3:.0%})"
        + ("; matched as shown, with outlets" if args.as_shown else "")
    )
    for path, found in report:
        print(_line(path.name, found))
        for kind, per_class in found["classes"].items():
            if len(found["classes"]) > 1 or kind != UNCLASSED:
                print("    " + _line(kind, per_class))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
