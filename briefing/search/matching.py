"""Where a parsed query matches one document's positions: intervals per term, phrase, spans.

Used twice: to rank the few top candidates of a search, and to find highlight spans in a text.
A grades mapping gives, for a document word, [(term index, alternative index, atom index, grade)].
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from briefing.search.normalize import Extra
from briefing.search.query import Term

Interval = tuple[int, int, float]  # first position, last position, grade
Grades = Mapping[str, Sequence[tuple[int, int, int, float]]]


class DirectGrades(dict):
    """Grades of words computed straight from the query's atoms (no vocabulary needed).

    Maps a word to [(term index, alternative index, atom index, grade)]; call `fill` with the
    words of a text first. Reusable across texts for one query."""

    def __init__(self, terms: list[Term]) -> None:
        super().__init__()
        self._atoms = [
            (t, a, k, atom)
            for t, term in enumerate(terms)
            for a, alternative in enumerate(term.alternatives)
            for k, atom in enumerate(alternative)
        ]

    def fill(self, words: Iterable[str]) -> DirectGrades:
        for word in words:
            if word not in self:
                found = []
                for t, a, k, atom in self._atoms:
                    grade = atom.grade(word)
                    if grade is not None:
                        found.append((t, a, k, grade))
                self[word] = found
        return self


def term_intervals(
    terms: list[Term], grades: Grades, positions: Sequence[str], extras: Iterable[Extra]
) -> list[list[Interval]]:
    """For each query term, every interval of positions it matches in the document.

    `grades` maps a document word to [(term, alternative, atom, grade)]; absent words match nothing."""
    get = grades.get
    atom_hits: dict[tuple[int, int, int], list[Interval]] = {}
    for position, word in enumerate(positions):
        found = get(word)
        if found:
            for t, a, k, grade in found:
                atom_hits.setdefault((t, a, k), []).append((position, position, grade))
    for word, first, last in extras:
        found = get(word)
        if found:
            for t, a, k, grade in found:
                atom_hits.setdefault((t, a, k), []).append((first, last, grade))
    result: list[list[Interval]] = []
    for t, term in enumerate(terms):
        intervals: list[Interval] = []
        for a, alternative in enumerate(term.alternatives):
            current = atom_hits.get((t, a, 0), [])
            for k in range(1, len(alternative)):
                following = atom_hits.get((t, a, k))
                if not following or not current:
                    current = []
                    break
                by_first: dict[int, list[tuple[int, float]]] = {}
                for first, last, grade in following:
                    by_first.setdefault(first, []).append((last, grade))
                current = [
                    (first, last2, min(grade, grade2))
                    for first, last, grade in current
                    for last2, grade2 in by_first.get(last + 1, ())
                ]
            intervals.extend(current)
        result.append(intervals)
    return result


def simple_intervals(
    term_count: int,
    grades: Mapping[str, Sequence[tuple[int, float]]],
    positions: Sequence[str],
    extras: Iterable[Extra],
) -> list[list[Interval]]:
    """`term_intervals` for queries whose terms are all single words: `grades` maps a document
    word to [(term index, grade)]."""
    get = grades.get
    result: list[list[Interval]] = [[] for _ in range(term_count)]
    for position, word in enumerate(positions):
        found = get(word)
        if found:
            for t, grade in found:
                result[t].append((position, position, grade))
    for word, first, last in extras:
        found = get(word)
        if found:
            for t, grade in found:
                result[t].append((first, last, grade))
    return result


def has_phrase(intervals: list[list[Interval]]) -> bool:
    """The terms occur in query order at consecutive positions."""
    if not intervals or not all(intervals):
        return False
    reach = {last for _, last, _ in intervals[0]}
    for following in intervals[1:]:
        reach = {last for first, last, _ in following if first - 1 in reach}
        if not reach:
            return False
    return True


def char_spans(intervals: list[list[Interval]], spans: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Merged character ranges covered by the matched intervals (`spans`: each position's range)."""
    count = len(spans)
    ranges = sorted((spans[first][0], spans[last][1]) for term in intervals for first, last, _ in term if last < count)
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


#: A match below this grade (a paraphrase or a broader word) is a guess at the reader's meaning.
WEAK = 0.5


def one_guess_per_word(intervals: list[list[Interval]]) -> list[list[Interval]]:
    """Each term's intervals, less the guesses at a word another term already holds: a document
    word guessed for two query words ("place" for both "station" and "rank") counts for the
    term that matches it best only. Matches of the word typed or its forms always count."""
    owner: dict[int, tuple[float, int]] = {}
    for term, found in enumerate(intervals):
        for first, _, grade in found:
            if grade > owner.get(first, (0.0, -1))[0]:
                owner[first] = (grade, term)
    if len(owner) == sum(len(found) for found in intervals):
        return intervals  # no word matched twice: the common case, nothing to drop
    return [
        [item for item in found if item[2] >= WEAK or owner[item[0]][1] == term] for term, found in enumerate(intervals)
    ]
