"""Which characters of a text a parsed query's words match, for highlighting."""

from __future__ import annotations

from collections.abc import Collection

from briefing.search.matching import DirectGrades, char_spans, term_intervals
from briefing.search.normalize import INITIALS, initialisms, tokenize
from briefing.search.quantities import DURATION, duration_extras
from briefing.search.query import Term
from briefing.search.variants import VariantTable


def spans_for_terms(
    text: str,
    terms: list[Term],
    table: VariantTable,
    grades: DirectGrades | None = None,
    marked: Collection[int] | None = None,
    initials: bool | None = None,
) -> tuple[tuple[int, int], ...]:
    """Character ranges `[start, end)` of `text` that `terms` match, in order, merged. Pass one
    `DirectGrades` to reuse it across texts (or the search's own expansions, so that highlights
    never disagree with hits). `marked`, when given, are the terms whose matches count (the
    query's content words: "the" and "was" of "how long was the call" mark nothing). `initials`:
    whether a query word may be initials ("UN"), when the caller already knows."""
    if not terms or not text:
        return ()
    tokens = tokenize(text)
    if asks_initials(terms) if initials is None else initials:
        tokens.extras.extend(initialisms(text))
    if asks_duration(terms):
        tokens.extras.extend(duration_extras(text))
    table.annotate(tokens.terms, tokens.extras)
    table_of_grades = (grades if grades is not None else DirectGrades(terms)).fill(tokens.terms)
    table_of_grades.fill(extra[0] for extra in tokens.extras)
    intervals = term_intervals(terms, table_of_grades, tokens.terms, tokens.extras)
    if marked is not None:  # every term is matched (phrases need them all); only these are shown
        intervals = [found for number, found in enumerate(intervals) if number in marked]
    return char_spans(intervals, tokens.spans)


def asks_initials(terms: list[Term]) -> bool:
    """Whether a query word may be initials (`query`): only then are a text's looked for."""
    return _asks_group(terms, INITIALS)


def asks_duration(terms: list[Term]) -> bool:
    """Whether the query states a length of time (`quantities`): only then are a text's read."""
    return _asks_group(terms, DURATION)


def _asks_group(terms: list[Term], prefix: str) -> bool:
    """Whether an alternative of a query word looks for an extra term starting with `prefix`."""
    return any(
        group.startswith(prefix)
        for term in terms
        for alternative in term.alternatives
        for atom in alternative
        for group in atom.groups
    )
