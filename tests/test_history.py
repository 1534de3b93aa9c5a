"""Back/forward through where the reader has been, like a browser's."""

from __future__ import annotations

from briefing.history import History, Place


def test_a_new_history_has_nowhere_to_go():
    history = History()
    assert history.current is None
    assert not history.can_go_back and not history.can_go_forward
    assert history.back() is None and history.forward() is None


def test_back_and_forward_retrace_the_visits():
    history = History()
    for topic in "abc":
        history.visit(Place(topic))
    assert history.back() == Place("b")
    assert history.back() == Place("a")
    assert history.back() is None, "nothing before the first place"
    assert history.current == Place("a")
    assert history.forward() == Place("b")
    assert history.forward() == Place("c")
    assert history.forward() is None
    assert history.current == Place("c")


def test_visiting_after_going_back_drops_the_forward_places():
    history = History()
    for topic in "abc":
        history.visit(Place(topic))
    history.back()
    history.back()
    history.visit(Place("d"))
    assert not history.can_go_forward
    assert history.back() == Place("a")


def test_visiting_the_current_place_again_adds_no_step():
    history = History()
    history.visit(Place("a", 2))
    history.visit(Place("a", 2))
    assert not history.can_go_back
    history.visit(Place("a", 3))
    assert history.back() == Place("a", 2), "another claim of the same topic is a step"


def test_update_current_remembers_the_claim_without_a_step():
    history = History()
    history.update_current(Place("ignored"))  # nothing visited yet: nothing to update
    assert history.current is None
    history.visit(Place("a"))
    history.visit(Place("b"))
    history.update_current(Place("b", 4))
    assert history.current == Place("b", 4)
    assert history.back() == Place("a")
    assert history.forward() == Place("b", 4)


def test_the_oldest_places_fall_off_past_the_limit():
    history = History(limit=3)
    for topic in "abcde":
        history.visit(Place(topic))
    assert [history.back(), history.back(), history.back()] == [Place("d"), Place("c"), None]
