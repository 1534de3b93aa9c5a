"""Fit the ranking's constants to the committed question sets, and say whether the fit carries.

The constants of `briefing/search/ranking.py` (and `ASIDE`) were set by hand, one rule at a time.
This fits them together by coordinate descent: each constant in turn is scaled by a few factors,
and a change is kept when it answers more questions (right@1 + right@3 + half the reciprocal rank
within the first 10, each set weighing the same; the shared set must stay at >= 90% / 97%).

Whether a fit generalises is measured before it is believed: leave one blind set out, fit on the
others, and compare the left-out set's figures before and after. Only a gain that holds on the
left-out sets is worth keeping.

    python bench/fit_ranking.py [--folds] [--passes N]

Searching is done once: each question's candidates and their evidence are gathered
(`SearchIndex.gather`), and each trial only scores them again. Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import search_quality

from briefing.commands.search import hit_record
from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.search import SearchIndex, engine, ranking
from briefing.search.engine import Gathered, hit_of

KEEP = 80  # candidates kept per question: others cannot reach the first 3 under a modest change
FACTORS = (0.5, 0.7, 0.85, 1.2, 1.4, 2.0)
SCALARS = (
    "K1",
    "B",
    "CONTEXT",
    "CONTEXT_COVERS",
    "STOP_SHARE",
    "COVERAGE_FLOOR",
    "PHRASE",
    "QUANTITY",
    "TIME",
    "SOURCE",
    "KIND",
    "COVER_FULL",
    "COVER_POWER",
)
KIND_WEIGHTS = ("topic", "source", "paragraph", "overview")


@dataclass
class Question:
    set_name: str
    gathered: Gathered
    answers: list[bool]  # per kept candidate: does it match the answer


def _parameters() -> dict[str, float]:
    found = {name: getattr(ranking, name) for name in SCALARS}
    found["ASIDE"] = engine.ASIDE
    for kind in KIND_WEIGHTS:
        found[f"KIND_WEIGHTS.{kind}"] = ranking.KIND_WEIGHTS[kind]
    return found


def _apply(parameters: dict[str, float]) -> None:
    for name, value in parameters.items():
        if name == "ASIDE":
            engine.ASIDE = value
        elif name.startswith("KIND_WEIGHTS."):
            ranking.KIND_WEIGHTS[name.split(".", 1)[1]] = value
        else:
            setattr(ranking, name, value)


def _ranked(question: Question) -> list[int]:
    gathered = question.gathered
    weights = gathered.weights()
    scored = []
    for position, (doc, document, evidence) in enumerate(gathered.candidates):
        found = ranking.score(evidence, weights, gathered.asks)
        if found > 0.0:
            scored.append((-found, document.order, doc, position))
    scored.sort()
    return [position for *_, position in scored[:10]]


def gather(sets: list[Path], as_shown: bool) -> list[Question]:
    briefing = load_briefing(bundled_content_dir())
    index = SearchIndex.build(briefing)
    questions = []
    for path in sets:
        for case in search_quality.read_cases(path):
            gathered = index.gather(case.query, KEEP)
            if gathered is None:
                continue
            weights = gathered.weights()
            scored = sorted(
                range(len(gathered.candidates)),
                key=lambda n: -ranking.score(gathered.candidates[n][2], weights, gathered.asks),
            )[:KEEP]
            kept = [gathered.candidates[n] for n in scored]
            pruned = Gathered(gathered.query, gathered.grades, gathered.frequencies, gathered.size, gathered.asks, kept)
            answers = []
            for _, document, _ in kept:
                record = hit_record(hit_of(document), briefing)
                judged = (
                    search_quality.listed_text(record)
                    if as_shown
                    else f"{search_quality._title(record)} {record['text']}"
                )
                answers.append(bool(case.answer.search(judged)))
            questions.append(Question(path.name, pruned, answers))
    return questions


def figures(questions: list[Question]) -> dict[str, tuple[float, float, float]]:
    """Per set: right@1, right@3, mean reciprocal rank within 10."""
    totals: dict[str, list[float]] = {}
    for question in questions:
        ranks = _ranked(question)
        rank = next((n for n, position in enumerate(ranks, 1) if question.answers[position]), None)
        row = totals.setdefault(question.set_name, [0.0, 0.0, 0.0, 0.0])
        row[0] += rank == 1
        row[1] += rank is not None and rank <= 3
        row[2] += 1.0 / rank if rank else 0.0
        row[3] += 1
    return {name: (a / n, b / n, c / n) for name, (a, b, c, n) in totals.items()}


def objective(found: dict[str, tuple[float, float, float]], sets: set[str]) -> float:
    value = sum(at1 + at3 + 0.5 * mrr for name, (at1, at3, mrr) in found.items() if name in sets) / len(sets)
    shared = found.get(search_quality.DEFAULT_QUERIES.name)
    if shared and (shared[0] < search_quality.TARGET_AT_1 or shared[1] < search_quality.TARGET_AT_3):
        value -= 1.0
    return value


def fit(questions: list[Question], training: set[str], passes: int) -> dict[str, float]:
    best = _parameters()
    _apply(best)
    best_value = objective(figures(questions), training)
    for _ in range(passes):
        changed = False
        for name in list(best):
            for factor in FACTORS:
                trial = dict(best, **{name: best[name] * factor})
                _apply(trial)
                value = objective(figures(questions), training)
                if value > best_value + 1e-3:
                    best, best_value, changed = trial, value, True
            _apply(best)
        if not changed:
            break
    return best


def _show(found: dict[str, tuple[float, float, float]], names: list[str]) -> str:
    return "  ".join(f"{name.removesuffix('.tsv')} {found[name][0]:.0%}/{found[name][1]:.0%}" for name in names)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", action="store_true", help="leave each blind set out in turn")
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--as-shown", action="store_true", help="judge hits as listed, with outlets")
    args = parser.parse_args()
    sets = search_quality.default_sets()
    questions = gather(sets, args.as_shown)
    names = [path.name for path in sets]
    start = _parameters()
    before = figures(questions)
    print("before:", _show(before, names))
    blind = [name for name in names if name.startswith("blind-")]
    if args.folds:
        for left_out in blind:
            _apply(start)
            fitted = fit(questions, set(names) - {left_out}, args.passes)
            after = figures(questions)
            print(
                f"left out {left_out}: {before[left_out][0]:.0%}/{before[left_out][1]:.0%} → "
                f"{after[left_out][0]:.0%}/{after[left_out][1]:.0%}   (trained: {_show(after, names)})"
            )
            print("   ", {k: round(v, 3) for k, v in fitted.items() if v != start[k]})
        _apply(start)
    fitted = fit(questions, set(names), args.passes)
    print("all sets:", _show(figures(questions), names))
    print({k: round(v, 3) for k, v in fitted.items() if v != start[k]})
    return 0


if __name__ == "__main__":
    sys.exit(main())
