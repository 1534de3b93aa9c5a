"""The model's own small answers."""

from __future__ import annotations

from briefing.model import Claim, ClaimPart, Section, Topic


def make_claim(claim_id: str) -> Claim:
    return Claim(claim_id, "t", "", (ClaimPart("x", ("a",)),), False, "topics/t.md", 1)


def test_claim_index_counts_across_sections_and_defaults_to_the_top():
    topic = Topic(
        "t",
        "T",
        1,
        "",
        (
            Section("", (make_claim("t/0.0"), make_claim("t/0.1"))),
            Section("Where reports differ", (make_claim("t/1.0"),)),
        ),
        "topics/t.md",
    )
    assert [topic.claim_index(claim.id) for claim in topic.claims] == [0, 1, 2]
    assert topic.claim_index("elsewhere/0.0") == 0
    assert topic.claim_index(None) == 0


def said(claim_id: str, text: str) -> Claim:
    return Claim(claim_id, "t", "", (ClaimPart(text, ("a",)),), False, "topics/t.md", 1)


def topic_of(*claims: Claim) -> Topic:
    return Topic("t", "T", 1, "", (Section("", claims),), "topics/t.md")


def test_after_an_edit_the_reader_stays_on_their_claim():
    before = topic_of(said("t/0.0", "Due Wednesday."), said("t/0.1", "175 each."), said("t/0.2", "23 wounded."))
    reader_on = before.claims[2]

    # A claim was added above it: the same text, one further down.
    added = topic_of(
        said("t/0.0", "New."), said("t/0.1", "Due Wednesday."), said("t/0.2", "175 each."), said("t/0.3", "23 wounded.")
    )
    assert added.place_of(reader_on, 2) == 3
    # It was reworded in place: the same id.
    reworded = topic_of(
        said("t/0.0", "Due Wednesday."), said("t/0.1", "175 each."), said("t/0.2", "23 gravely wounded.")
    )
    assert reworded.place_of(reader_on, 2) == 2
    # It is gone and the topic is shorter: the nearest claim.
    shorter = topic_of(said("t/0.0", "Due Wednesday."))
    assert shorter.place_of(reader_on, 2) == 0
    # The same text twice: the one nearer to where the reader was.
    repeated = topic_of(
        said("t/0.0", "23 wounded."), said("t/0.1", "x"), said("t/0.2", "y"), said("t/0.3", "23 wounded.")
    )
    assert repeated.place_of(reader_on, 2) == 3
    assert topic_of().place_of(reader_on, 5) == 0
