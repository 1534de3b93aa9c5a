"""n/N through a search's hits: wrap-around at both ends, reported so the app can ring the bell."""

from __future__ import annotations

from briefing.hits import HitCursor, Step


def test_no_hits_means_no_step():
    cursor: HitCursor[str] = HitCursor("query")
    assert len(cursor) == 0 and cursor.current is None
    assert cursor.step(1) is None and cursor.step(-1) is None
    assert cursor.position is None


def test_the_first_step_lands_on_the_first_or_the_last_hit_without_wrapping():
    assert HitCursor("q", "abc").step(1) == Step("a", 0, wrapped=False)
    assert HitCursor("q", "abc").step(-1) == Step("c", 2, wrapped=False)


def test_forward_wraps_past_the_last_hit():
    cursor = HitCursor("q", "abc")
    assert [cursor.step(1) for _ in range(4)] == [
        Step("a", 0, False),
        Step("b", 1, False),
        Step("c", 2, False),
        Step("a", 0, True),
    ]


def test_back_wraps_past_the_first_hit():
    cursor = HitCursor("q", "abc", chosen="b")
    assert cursor.position == 1 and cursor.current == "b"
    assert cursor.step(-1) == Step("a", 0, False)
    assert cursor.step(-1) == Step("c", 2, True)
    assert cursor.current == "c"


def test_one_hit_wraps_onto_itself_both_ways():
    cursor = HitCursor("q", ["only"])
    assert cursor.step(1) == Step("only", 0, False)
    assert cursor.step(1) == Step("only", 0, True)
    assert cursor.step(-1) == Step("only", 0, True)


def test_a_chosen_hit_that_is_not_among_the_hits_leaves_the_cursor_before_the_first():
    cursor = HitCursor("q", "abc", chosen="z")
    assert cursor.position is None
    assert cursor.step(1) == Step("a", 0, False)
