"""A learned second stage, measured: reorder the engine's first k candidates with a small linear
model over generic features, and say whether it carries to question sets it was not fitted on.

    python bench/learned_rerank.py [--k 10 20] [--loss listwise|pairwise] [--l2 ...] [--margin ...]
                                   [--compact] [--no-shared] [--show-weights]

Each question's candidates are gathered once (`SearchIndex.gather`, as `fit_ranking.py` does) and
scored as the engine scores them; the first k (engine order) are kept. Each gets generic features
(no word, topic or outlet of this briefing is named): the engine's score against the first's and
its rank, the document's kind, the rarity-weighted share of the query's content words it holds by
how well they matched (the word, a form or synonym, a weak form, a paraphrase) in its own text, or
only through its topic's title, or not at all, what the question asks against what the document
states, its length, its place in its topic, whether the other candidates of its topic hold the
words it lacks, and whether it holds words the first candidate lacks.

A linear scorer is fitted (numpy, trial only) with L2 regularisation: `listwise` maximises the
softmax probability of the candidates that answer (judged by the answer regex on topic title and
text, as `search_quality.py` judges); `pairwise` is RankNet's logistic loss on (answer, non-answer)
pairs. Questions with no answer in the first k are left out of fitting. Features are standardised
on the training questions. The candidates are then reordered by the model (ties: engine order).

Measured honestly: leave one blind set out (fit on the other blind sets and the shared set, test on
the left-out one), and a fit on {shared, a, b, c} tested on d and e. The regularisation weight and
a margin (added to the engine's first candidate's model score, so that only a sure model moves it)
are chosen inside the training sets only (leaving one training blind set out in turn), never on
the tested set. The shared set is read from `search_quality.DEFAULT_QUERIES`, or from
`/work/shared/search/` beside a worktree under `/work/wt/`.
Not a test: it prints figures. Needs numpy in the venv (`pip install numpy`): the app does not.

Measured (engine at commit 5254ba8; counts of questions; "pts" = percentage points; engine → reranked):

    default: listwise, 33 features, shared fitted on, l2 and margin chosen inside the training sets
                      k 10: right@1        right@3          k 20: right@1        right@3
    leave a out     85 → 84 /103      93 → 91 /103           85 → 83 /103      93 → 91 /103
    leave b out     73 → 73 /90       82 → 82 /90            73 → 72 /90       82 → 82 /90
    leave c out     75 → 77 /100      87 → 89 /100           75 → 77 /100      87 → 89 /100
    leave d out     74 → 77 /120      99 → 103 /120          74 → 74 /120      99 → 102 /120
    leave e out     73 → 76 /100      89 → 94 /100           73 → 78 /100      89 → 91 /100
    mean change     +1.3 pts          +1.7 pts               +0.8 pts          +0.9 pts
    {a,b,c}→d       74 → 75 /120      99 → 104 /120          74 → 75 /120      99 → 102 /120
    {a,b,c}→e       73 → 73 /100      89 → 94 /100           73 → 76 /100      89 → 92 /100

Other variants tried, mean leave-one-out right@1 change at k 10 / k 20: no margin (l2 from 0.003,
0.03, 0.3) +0.9 / +1.7, and at k 5 +1.9; pairwise (RankNet) −0.6 / −0.0; `--compact` (18
features, l2 from 0.03 to 3) +2.0 / +1.4 without the margin, +1.1 / +1.4 with it; fitted without
the shared set (`--no-shared`) +1.3 / +0.8, and compact +0.9 / +0.3. Every variant lowers
blind-a's right@1 or right@3 (or both). None reaches the bar for adoption (mean held-out right@1
gain >= +3 pts, and right@3 lower on no held-out set). Right@3 rises fairly steadily on c, d and e
(+2..+5 pts); right@1 does not. Not adopted: the engine is unchanged.

Heaviest weights of the default fitted on every set (k 10, per standard deviation): the engine's
score against the first (+1.6), a fact for a question asking no kind of thing (+1.4), an outlet's
paragraph (+1.1), share of content terms matched (+0.8), a date for a "when" question (+0.8),
candidates from the same topic (+0.7), question words matched (+0.7), place in its topic (+0.7),
engine rank (+0.5); the grade bands, length, phrase and coverage gap weigh little.
"""

from __future__ import annotations

import argparse
import importlib
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import search_quality

from briefing.commands.search import hit_record
from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.search import SearchIndex, ranking
from briefing.search.documents import FACTS, Document
from briefing.search.engine import hit_of
from briefing.search.ranking import Asks, Evidence, TermWeight


def _numpy() -> Any:
    """numpy, for fitting only (not a dependency of the app: install it to run this)."""
    return importlib.import_module("numpy")


POOL = 20  # candidates kept per question, engine order
KINDS = ("claim", "difference", "topic", "source", "paragraph", "overview")


@dataclass
class Question:
    set_name: str
    query: str
    weights: list[TermWeight]
    content: list[int]
    asks: Asks
    candidates: list[tuple[Document, Evidence, float]]  # first POOL, engine order, with engine score
    answers: list[bool]


def _shared_set() -> Path | None:
    for candidate in (search_quality.DEFAULT_QUERIES, ROOT.parent.parent / "shared" / "search" / "meeting-queries.tsv"):
        if candidate.is_file():
            return candidate
    return None


def sets() -> list[Path]:
    shared = _shared_set()
    blind = sorted(path for path in search_quality.BENCH_QUERIES.glob("blind-*.tsv"))
    return ([shared] if shared else []) + blind


def gather(paths: list[Path]) -> tuple[list[Question], dict[str, int]]:
    briefing = load_briefing(bundled_content_dir())
    index = SearchIndex.build(briefing)
    questions: list[Question] = []
    counts: dict[str, int] = {}
    for path in paths:
        for case in search_quality.read_cases(path):
            counts[path.name] = counts.get(path.name, 0) + 1
            gathered = index.gather(case.query, 3)  # the candidates `search(query, 3)` ranks
            if gathered is None:
                continue
            weights = gathered.weights()
            scored = []
            for doc, document, evidence in gathered.candidates:
                found = ranking.score(evidence, weights, gathered.asks)
                if found > 0.0:
                    scored.append((-found, document.order, doc, document, evidence))
            scored.sort(key=lambda item: (item[0], item[1], item[2]))
            kept = [(document, evidence, -negative) for negative, _, _, document, evidence in scored[:POOL]]
            if not kept:
                continue
            answers = []
            for document, _, _ in kept:
                record = hit_record(hit_of(document), briefing)
                answers.append(bool(case.answer.search(f"{search_quality._title(record)} {record['text']}")))
            content = list(gathered.query.content)
            questions.append(Question(path.name, case.query, weights, content, gathered.asks, kept, answers))
    return questions, counts


# -- features --------------------------------------------------------------------------------------

NAMES = (
    "log_score_ratio",
    "inv_rank",
    "is_first",
    *(f"kind_{kind}" for kind in KINDS),
    "share_exact",  # grade >= 0.9 in the document itself
    "share_form",  # 0.75..0.9: a form of the word, a variant, a synonym
    "share_weak",  # 0.5..0.75: a prefix, a synonym's form, a typo
    "share_paraphrase",  # < 0.5
    "share_context_only",  # only in the topic's title or aliases (or borrowed names)
    "share_missing",
    "rarest_missing",  # idf of the rarest word missing, against the rarest word of the query
    "terms_matched",  # share of content terms matched in the document itself
    "coverage_gap",  # share held (document or context) minus the best share among the k
    "stop_matched",  # share of question words and fillers matched
    "log_length",
    "density",  # content terms matched per word of the document
    "phrase",
    "figure_asked",
    "time_asked",
    "kind_asked",
    "has_figure",
    "has_time",
    "outlet_asked",
    "fact_asked_none",  # a fact, for a question asking no kind of thing
    "log_position",  # place within its topic (facts)
    "topic_agreement",  # share of the query held by its topic's candidates among the k
    "topic_count",  # share of the k from its topic
    "beyond_first",  # share of the query it holds that the first candidate lacks
)


def _grades(question: Question, evidence: Evidence) -> tuple[list[float], list[float]]:
    own = []
    context = []
    for number in question.content:
        matches = evidence.matches[number]
        own.append(max((grade for _, grade in matches), default=0.0))
        context.append(evidence.context[number] if number < len(evidence.context) else 0.0)
    return own, context


def features(question: Question, k: int) -> list[list[float]]:
    """One row of `NAMES` per candidate among the first k."""
    top = question.candidates[:k]
    idfs = [question.weights[number].idf for number in question.content]
    total = sum(idfs) or 1.0
    rarest = max(idfs) or 1.0
    stops = [number for number, weight in enumerate(question.weights) if weight.stop]
    grades = [_grades(question, evidence) for _, evidence, _ in top]
    held = [[max(o, c) > 0 for o, c in zip(own, context, strict=True)] for own, context in grades]
    shares = [sum(idf for idf, h in zip(idfs, row, strict=True) if h) / total for row in held]
    best_share = max(shares)
    first_score = top[0][2]
    asks = question.asks
    topics: dict[str | None, list[int]] = {}
    for position, (document, _, _) in enumerate(top):
        key = document.topic_id if document.topic_id is not None else f"source:{document.source_id}"
        topics.setdefault(key, []).append(position)
    rows = []
    for position, (document, evidence, found) in enumerate(top):
        own, context = grades[position]
        bands = [0.0] * 6
        for idf, grade, ctx in zip(idfs, own, context, strict=True):
            if grade >= 0.9:
                bands[0] += idf
            elif grade >= 0.75:
                bands[1] += idf
            elif grade >= 0.5:
                bands[2] += idf
            elif grade > 0.0:
                bands[3] += idf
            elif ctx > 0.0:
                bands[4] += idf
            else:
                bands[5] += idf
        missing = [idf for idf, grade, ctx in zip(idfs, own, context, strict=True) if not grade and not ctx]
        matched = sum(grade > 0 for grade in own)
        length = document.lengths[0] if document.lengths else 0
        stop_matched = sum(bool(evidence.matches[number]) for number in stops) / len(stops) if stops else 0.0
        fact = document.kind in FACTS
        key = document.topic_id if document.topic_id is not None else f"source:{document.source_id}"
        mates = topics[key]
        union = [any(held[mate][t] for mate in mates) for t in range(len(idfs))]
        beyond = (
            sum(idf for t, idf in enumerate(idfs) if held[position][t] and not held[0][t]) / total if position else 0.0
        )
        rows.append(
            [
                math.log(found / first_score),
                1.0 / (position + 1),
                float(position == 0),
                *(float(document.kind == kind) for kind in KINDS),
                *(band / total for band in bands),
                max(missing, default=0.0) / rarest,
                matched / len(idfs) if idfs else 0.0,
                shares[position] - best_share,
                stop_matched,
                math.log1p(length),
                matched / max(1, length),
                float(evidence.phrase),
                float(fact and asks.quantity and evidence.has_figure),
                float(fact and asks.time and evidence.has_time),
                float(fact and bool(asks.kind) and evidence.has_kind),
                float(evidence.has_figure),
                float(evidence.has_time),
                float(asks.source and document.kind in ("source", "paragraph")),
                float(fact and not (asks.quantity or asks.time or asks.kind or asks.source)),
                math.log1p(document.order[3]) if fact else 0.0,
                sum(idf for idf, u in zip(idfs, union, strict=True) if u) / total,
                len(mates) / len(top),
                beyond,
            ]
        )
    return rows


# -- model -----------------------------------------------------------------------------------------


#: A smaller set, for a model with fewer ways to fit noise (`--compact`).
COMPACT = (
    "log_score_ratio",
    "inv_rank",
    "kind_topic",
    "kind_source",
    "kind_paragraph",
    "kind_overview",
    "share_exact",
    "share_paraphrase",
    "share_context_only",
    "terms_matched",
    "stop_matched",
    "figure_asked",
    "time_asked",
    "kind_asked",
    "outlet_asked",
    "topic_agreement",
    "topic_count",
    "beyond_first",
)


def _arrays(questions: Sequence[Question], k: int, names: Sequence[str] = NAMES):
    np = _numpy()

    columns = [NAMES.index(name) for name in names]
    return [(np.array(features(q, k))[:, columns], np.array(q.answers[:k], dtype=bool)) for q in questions]


def fit(data, loss: str, l2: float, steps: int = 400):
    """Weights (in raw feature units) and bias-free scorer, by full-batch Adam."""
    np = _numpy()

    usable = [(x, y) for x, y in data if y.any() and not y.all()]
    stacked = np.vstack([x for x, _ in usable])
    mean = stacked.mean(axis=0)
    scale = stacked.std(axis=0)
    scale[scale < 1e-9] = 1.0
    normed = [((x - mean) / scale, y) for x, y in usable]
    w = np.zeros(stacked.shape[1])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, steps + 1):
        grad = l2 * w * len(normed)
        for x, y in normed:
            s = x @ w
            if loss == "listwise":
                p = np.exp(s - s.max())
                p /= p.sum()
                q = p * y
                q /= q.sum()
                grad += x.T @ (p - q)  # d/dw of -log(sum_pos p)
            else:
                pos, neg = s[y], s[~y]
                diff = pos[:, None] - neg[None, :]
                sig = 1.0 / (1.0 + np.exp(diff))  # d/d diff of log(1+exp(-diff)) is -sig
                count = diff.size
                grad += -(x[y].T @ sig.sum(axis=1) - x[~y].T @ sig.sum(axis=0)) / count
        grad /= len(normed)
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        w -= rate * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + 1e-8)
    return w / scale  # raw units: scoring is raw @ (w / scale) up to a per-question constant


def figures(questions: Sequence[Question], data, weights, margin: float = 0.0) -> tuple[int, int]:
    """right@1, right@3 counts; `weights` None: engine order. `margin`: added to the engine's
    first candidate's model score, so the model moves it only when sure."""
    at1 = at3 = 0
    for _question, (x, y) in zip(questions, data, strict=True):
        if weights is None:
            order = list(range(len(y)))
        else:
            s = x @ weights
            s[0] += margin
            order = sorted(range(len(y)), key=lambda n: (-s[n], n))
        at1 += bool(y[order[0]])
        at3 += bool(y[order[:3]].any())
    return at1, at3


def choose(
    questions, data, training: set[str], loss: str, grid: Sequence[float], margins: Sequence[float]
) -> tuple[float, float]:
    """The L2 weight and margin that do best (right@1 + right@3) leaving each training blind set
    out in turn."""
    inner = sorted(name for name in training if name.startswith("blind-"))
    values: dict[tuple[float, float], float] = {}
    for l2 in grid:
        for left in inner:
            train = [d for q, d in zip(questions, data, strict=True) if q.set_name in training and q.set_name != left]
            test = [(q, d) for q, d in zip(questions, data, strict=True) if q.set_name == left]
            w = fit(train, loss, l2)
            for margin in margins:
                at1, at3 = figures([q for q, _ in test], [d for _, d in test], w, margin)
                values[(l2, margin)] = values.get((l2, margin), 0.0) + at1 + at3
    return max(values, key=lambda key: (values[key], key[1], key[0]))  # ties: the more cautious


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, nargs="+", default=[10, 20])
    parser.add_argument("--loss", choices=("listwise", "pairwise"), default="listwise")
    parser.add_argument("--l2", type=float, nargs="+", default=[0.003, 0.03, 0.3, 1.0])
    parser.add_argument("--margin", type=float, nargs="+", default=[0.0, 0.5, 1.0, 2.0], help="margins to choose from")
    parser.add_argument("--no-shared", action="store_true", help="fit on blind sets only")
    parser.add_argument("--compact", action="store_true", help="the smaller feature set (COMPACT)")
    parser.add_argument("--show-weights", action="store_true", help="print the weights fitted on every set")
    args = parser.parse_args()
    paths = sets()
    questions, counts = gather(paths)
    names = [path.name for path in paths]
    blind = [name for name in names if name.startswith("blind-")]
    for k in args.k:
        used = COMPACT if args.compact else NAMES
        data = _arrays(questions, k, used)
        print(
            f"\n== k {k}, {args.loss}, {len(used)} features, shared {'not ' if args.no_shared else ''}fitted on, "
            f"l2 from {args.l2} and margin from {args.margin} chosen inside the training sets =="
        )
        gains1 = []
        everything = set(blind) if args.no_shared else set(names)
        experiments = [(everything - {left}, [left]) for left in blind]
        experiments.append((everything - {"blind-d.tsv", "blind-e.tsv"}, ["blind-d.tsv", "blind-e.tsv"]))
        for number, (training, tested) in enumerate(experiments):
            l2, margin = choose(questions, data, training, args.loss, args.l2, args.margin)
            train = [d for q, d in zip(questions, data, strict=True) if q.set_name in training]
            w = fit(train, args.loss, l2)
            for name in tested:
                pairs = [(q, d) for q, d in zip(questions, data, strict=True) if q.set_name == name]
                n = counts[name]
                b1, b3 = figures([q for q, _ in pairs], [d for _, d in pairs], None)
                a1, a3 = figures([q for q, _ in pairs], [d for _, d in pairs], w, margin)
                label = "loo " if number < len(blind) else "abc→"
                print(
                    f"{label}{name.removesuffix('.tsv'):8} (l2 {l2:g} margin {margin:g}) right@1 {b1}/{n} → {a1}/{n} "
                    f"({100 * (a1 - b1) / n:+.1f} pts)   right@3 {b3}/{n} → {a3}/{n} ({100 * (a3 - b3) / n:+.1f} pts)"
                )
                if number < len(blind):
                    gains1.append(100 * (a1 - b1) / n)
        print(f"mean held-out right@1 change (leave one out): {sum(gains1) / len(gains1):+.1f} pts")
        if args.show_weights:
            l2, margin = choose(questions, data, everything, args.loss, args.l2, args.margin)
            w = fit([d for q, d in zip(questions, data, strict=True) if q.set_name in everything], args.loss, l2)
            np = _numpy()

            fitted_on = [x for q, (x, _) in zip(questions, data, strict=True) if q.set_name in everything]
            spread = np.vstack(fitted_on).std(axis=0)
            print(f"weights fitted on every set (l2 {l2:g}, margin {margin:g}): per standard deviation, raw")
            for name, value, sd in sorted(zip(used, w, spread, strict=True), key=lambda item: -abs(item[1] * item[2])):
                print(f"  {name:20} {value * sd:+.3f}  {value:+.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
