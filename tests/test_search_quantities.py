"""Lengths of time and numbers in any wording, on input nobody wrote for them: a number a float
holds only as infinity, digits of another script, a long run of capitals. Search must answer
or find nothing, never raise: a document that raised here ended the app's index worker."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from briefing.search import SearchIndex
from briefing.search.normalize import initialisms
from briefing.search.quantities import _number, durations, number_spellings
from tests.test_search_reader_words import briefing_of

HUGE = "9" * 320


def test_a_number_too_large_for_a_float_is_no_length_of_time():
    assert durations([HUGE, "hours"], ["", " "]) == []
    assert number_spellings([HUGE]) == []
    assert durations(["dozen"] * 400 + ["hours"], [""] + [" "] * 400) == []


def test_digits_of_another_script_are_no_number_here():
    assert durations(["፩", "hours"], ["", " "]) == []
    assert number_spellings(["፩"]) == []


def test_a_briefing_stating_a_huge_or_foreign_number_is_indexed_and_searched():
    briefing = briefing_of(f"The match ran {HUGE} hours.", "The match ran ፩ hours.", "The call ran 90 minutes.")
    index = SearchIndex.build(briefing)
    assert index.search("an hour and a half", 5)[0].text == "The call ran 90 minutes."
    assert index.search(f"{HUGE} hours", 5)  # the words themselves still match
    assert index.search("፩", 5) is not None


def test_hundreds_before_thousands_are_read_as_one_number():
    assert _number(["two", "hundred", "fifty", "thousand"], [""] * 4, 0) == (250_000.0, 4)
    assert _number(["a", "hundred", "and", "five"], [""] * 4, 0) == (105.0, 4)
    assert _number(["one", "thousand", "two", "hundred"], [""] * 4, 0) == (1_200.0, 4)


def test_a_long_capitalised_token_is_looked_at_in_linear_time():
    """The cheap test for a name of capitalised words backtracked from every capital of one
    token: 'A' * 10,000 took ~5 s, 'Ab' * 10,000 ~10 s."""
    started = time.perf_counter()
    assert initialisms("A" * 20_000) == []
    assert initialisms("Ab" * 20_000 + " Cd") == [("\x01iac", 0, 1)]  # two capitalised words
    assert time.perf_counter() - started < 1.0


@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                "an",
                "half",
                "and",
                "dozen",
                "hundred",
                "thousand",
                "one",
                "twenty",
                "1",
                "99999999999999999999",
                HUGE,
                "፩",
                "hours",
                "long",
                "month",
                ".",
                "5",
            ]
        ),
        max_size=30,
    )
)
def test_reading_lengths_of_time_never_raises(words):
    gaps = [""] + [" "] * (len(words) - 1) if words else []
    for minutes, first, last in durations(words, gaps):
        assert minutes > 0 and 0 <= first <= last < len(words)
    number_spellings(words)
