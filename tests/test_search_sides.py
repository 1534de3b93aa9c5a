"""A "where reports differ" hit keeps who said what: each side with its own outlets, and the
matched words of each side, whatever view shows it."""

from __future__ import annotations

from briefing.model import Claim, ClaimPart
from briefing.search import Hit
from briefing.search.hit import Side, side_spans, sides


def difference(*parts: ClaimPart, label: str = "Call length") -> Claim:
    return Claim("t/1.0", "t", "Where reports differ", parts, True, "topics/t.md", 3, label=label)


CALL = difference(
    ClaimPart("nearly three hours", ("daily",)),
    ClaimPart("; roughly 90 minutes", ("patriot",)),
    ClaimPart("; no length given", ("nina", "ap")),
    ClaimPart(".", ()),
)


def test_each_side_keeps_its_own_outlets_and_its_place_in_the_text():
    found = sides(CALL)
    assert found == (
        Side("nearly three hours", ("daily",), 0),
        Side("roughly 90 minutes", ("patriot",), 20),
        Side("no length given", ("nina", "ap"), 40),
    )
    for side in found:
        assert CALL.text[side.start : side.start + len(side.text)] == side.text


def test_uncited_text_joins_a_side_instead_of_making_one_of_its_own():
    claim = difference(
        ClaimPart("per the wire, ", ()), ClaimPart("30 days", ("wire",)), ClaimPart(" (later denied)", ())
    )
    assert sides(claim) == (Side("per the wire, 30 days (later denied)", ("wire",), 0),)


def test_each_sides_matches_are_its_own():
    text = f"Call length: {CALL.text}"
    minutes = text.index("minutes")
    hours = text.index("hours")
    hit = Hit(
        "difference",
        "t",
        "t/1.0",
        None,
        "T",
        text,
        ("daily", "patriot"),
        "p",
        3,
        1.0,
        ((hours, hours + 5), (minutes, minutes + 7)),
    )
    first, second, third = sides(CALL)
    assert [first.text[a:b] for a, b in side_spans(hit, CALL, first)] == ["hours"]
    assert [second.text[a:b] for a, b in side_spans(hit, CALL, second)] == ["minutes"]
    assert side_spans(hit, CALL, third) == ()
