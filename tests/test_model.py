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
