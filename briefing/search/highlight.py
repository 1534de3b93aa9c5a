"""`highlight_spans`: which characters of a text the query's words match, for highlighting."""

from __future__ import annotations

from functools import lru_cache

from briefing.search.matching import DirectGrades, char_spans, term_intervals
from briefing.search.normalize import tokenize
from briefing.search.query import Term, parse_query
from briefing.search.variants import VariantTable


@lru_cache(maxsize=8)
def variant_table(variants: tuple[tuple[str, ...], ...]) -> VariantTable:
    return VariantTable(variants)


def spans_for_terms(
    text: str, terms: list[Term], table: VariantTable, grades: DirectGrades | None = None
) -> tuple[tuple[int, int], ...]:
    """Highlight spans of `terms` in `text`. Pass one `DirectGrades` to reuse it across texts."""
    if not terms or not text:
        return ()
    tokens = tokenize(text)
    table.annotate(tokens.terms, tokens.extras)
    table_of_grades = (grades if grades is not None else DirectGrades(terms)).fill(tokens.terms)
    table_of_grades.fill(extra[0] for extra in tokens.extras)
    intervals = term_intervals(terms, table_of_grades, tokens.terms, tokens.extras)
    return char_spans(intervals, tokens.spans)


def highlight_spans(text: str, query: str, variants: tuple[tuple[str, ...], ...] = ()) -> list[tuple[int, int]]:
    """Character ranges `[start, end)` of `text` matched by `query`'s words, in order, merged.

    Pass `briefing.variants` so that "Kiev" highlights "Kyiv". Never raises on odd input.
    """
    if not isinstance(text, str) or not isinstance(query, str):
        return []
    try:
        table = variant_table(tuple(tuple(group) for group in variants or ()))
    except TypeError:  # unhashable or malformed groups: highlight without variants
        table = VariantTable(())
    return list(spans_for_terms(text, parse_query(query, table), table))
