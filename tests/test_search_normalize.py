"""Normalisation and tokenisation for search: case, accents, punctuation, compounds, offsets."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.search.normalize import COMPOUND, analyze, fold, terms_of, tokenize


def test_fold_drops_case_accents_and_punctuation():
    assert fold("Kyïv") == "kyiv"
    assert fold("ÉNERGIE") == "energie"
    assert fold("Straße") == "strasse"
    assert fold("Łódź") == "lodz"
    assert fold("Zelensky’s") == "zelenskys"
    assert fold("Cafe\u0301") == "cafe"  # decomposed accent


def test_hyphenated_word_gives_parts_and_joined_form():
    tokens = tokenize("a cease-fire now")
    assert tokens.terms == ["a", "cease", "fire", "now"]
    assert ("ceasefire", 1, 2) in tokens.extras


def test_apostrophes_and_curly_quotes_are_ignored_inside_words():
    for text in ("Putin’s", "Putin's", "Putin‘s", "Putinʼs"):
        tokens = tokenize(text)
        assert tokens.terms == ["putins"], text
        assert ("putin", 0, 0) in tokens.extras, text


def test_quotes_around_words_are_not_part_of_them():
    tokens = tokenize("“naval ceasefire” 'talks'")
    assert tokens.terms == ["naval", "ceasefire", "talks"]


def test_digit_grouping_comma_joins_but_list_comma_splits():
    tokens = tokenize("1,000 troops, 30 tanks")
    assert tokens.terms == ["1", "000", "troops", "30", "tanks"]
    assert ("1000", 0, 1) in tokens.extras
    assert not any(term == "troops30" for term, _, _ in tokens.extras)


def test_offsets_point_at_the_original_characters():
    text = "Café “naval” Zelensky’s cease-fire, Kyïv"
    tokens = tokenize(text)
    words = [text[start:end] for start, end in tokens.spans]
    assert words == ["Café", "naval", "Zelensky’s", "cease", "fire", "Kyïv"]


def test_decomposed_accents_stay_inside_the_word_span():
    text = "Cafe\u0301 owners"
    tokens = tokenize(text)
    assert tokens.terms == ["cafe", "owners"]
    assert text[slice(*tokens.spans[0])] == "Cafe\u0301"


def test_emoji_and_symbols_make_no_terms():
    assert tokenize("😀 [ ] \\ ^$ .* ()").terms == []


def _reference_terms(text: str) -> list[str]:
    return [term for match in COMPOUND.finditer(text) for term, _, _ in analyze(match.group()).parts]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=string.printable + "éü’‘“”—–‐ß😀\u0301\u00a0…", max_size=80))
def test_fast_paths_agree_with_the_general_tokenizer(text):
    terms: list[str] = []
    extras: list = []
    terms_of(text, terms, extras)
    assert terms == _reference_terms(text)
    tokens = tokenize(text)
    assert tokens.terms == terms
    for term, (start, end) in zip(tokens.terms, tokens.spans, strict=False):
        assert fold(text[start:end]) == term
