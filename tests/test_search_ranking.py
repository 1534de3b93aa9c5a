"""Ranking: phrase > all words > some words; exact > prefix > typo; claims > prose; topic order."""

from __future__ import annotations

from briefing.model import DIFFERENCES_HEADING, Briefing, Claim, ClaimPart, Header, Section, Source, Topic
from briefing.search import SearchIndex


def make_briefing(topics, bottom_line="", paragraphs=(), variants=()):
    """`topics`: [(id, order, [claim text, ...])] or (id, order, claims, aliases)."""
    built = []
    for spec in topics:
        topic_id, order, claims = spec[:3]
        aliases = spec[3] if len(spec) > 3 else ()
        path = f"topics/{topic_id}.md"
        built.append(
            Topic(
                id=topic_id,
                title=f"Topic {topic_id}",
                order=order,
                summary="",
                sections=(
                    Section(
                        "",
                        tuple(
                            Claim(f"{topic_id}/0.{i}", topic_id, "", (ClaimPart(text, ("src",)),), False, path, 5 + i)
                            for i, text in enumerate(claims)
                        ),
                    ),
                ),
                path=path,
                aliases=tuple(aliases),
            )
        )
    source = Source(
        "src",
        "Source Outlet",
        "Src",
        "Unrelated headline",
        "",
        "",
        "",
        frozenset(),
        "",
        tuple(paragraphs),
        "sources/src.md",
    )
    return Briefing.from_topics(Header("T", "", "", bottom_line, tuple(variants)), built, (source,))


def ranked(briefing, query):
    return [hit.text for hit in SearchIndex.build(briefing)._search(query, 50)]


def test_phrase_ranks_above_all_words_above_some_words():
    briefing = make_briefing(
        [
            ("a", 1, ["A cat in the black harbour by the sea."]),
            ("b", 2, ["Partial: only black here."]),
            ("c", 3, ["Talks on the Black Sea resumed."]),
        ]
    )
    assert ranked(briefing, "black sea ") == [
        "Talks on the Black Sea resumed.",
        "A cat in the black harbour by the sea.",
    ]
    # No document has every word: those with the most of them come first.
    assert ranked(briefing, "black sea talks resumed zebra") == [
        "Talks on the Black Sea resumed.",
        "A cat in the black harbour by the sea.",
        "Partial: only black here.",
    ]


def test_all_words_are_required_unless_nothing_matches_them_all():
    briefing = make_briefing([("a", 1, ["Energy talks.", "Energy grid.", "Talks only."])])
    assert ranked(briefing, "energy talks ") == ["Energy talks."]
    partial = SearchIndex.build(briefing)._search("energy nonexistentword ", 50)
    assert {hit.text for hit in partial} == {"Energy talks.", "Energy grid."}
    full = SearchIndex.build(briefing)._search("energy ", 50)
    assert max(hit.score for hit in partial) < min(hit.score for hit in full)


def test_exact_ranks_above_prefix_above_typo():
    # Listed in the opposite order, so topic order alone would give the wrong answer.
    briefing = make_briefing(
        [
            ("typo", 1, ["The parse failed."]),
            ("prefix", 2, ["The paused talks."]),
            ("exact", 3, ["The pause began."]),
        ]
    )
    assert ranked(briefing, "pause") == ["The pause began.", "The paused talks.", "The parse failed."]


def test_claims_rank_above_outlet_paragraphs_and_bottom_line():
    briefing = make_briefing(
        [("a", 5, ["Drones hit the refinery."])],
        bottom_line="Drones hit the refinery, officials said.",
        paragraphs=("Drones hit the refinery early on Tuesday.",),
    )
    hits = SearchIndex.build(briefing)._search("drones refinery", 50)
    assert next(hit.kind for hit in hits) == "claim"
    assert {hit.kind for hit in hits[1:]} == {"overview", "source"}
    assert hits[0].score > hits[1].score


def test_ties_are_broken_by_topic_order_then_position():
    briefing = make_briefing(
        [
            ("late", 9, ["Sirens in the capital.", "Sirens in the capital again."]),
            ("early", 2, ["Sirens in the capital.", "More sirens in the capital."]),
        ]
    )
    hits = SearchIndex.build(briefing)._search("sirens capital ", 50)
    assert [(hit.topic_id, hit.claim_id) for hit in hits if hit.score == hits[0].score] == [
        ("early", "early/0.0"),
        ("early", "early/0.1"),
        ("late", "late/0.0"),
        ("late", "late/0.1"),
    ]


def test_alias_ranks_its_topic_first():
    briefing = make_briefing(
        [
            ("grid", 3, ["Repairs continue."], ["blackout"]),
            ("other", 1, ["A blackout hit the city."]),
        ]
    )
    hits = SearchIndex.build(briefing)._search("blackout", 50)
    assert [(hit.kind, hit.topic_id) for hit in hits] == [("topic", "grid"), ("claim", "other")]
    assert hits[0].text == "Topic grid"


def test_exact_match_elsewhere_beats_a_prefix_of_an_alias():
    briefing = make_briefing(
        [
            ("energy", 1, ["Repairs continue."], ["power grid"]),
            ("prisoners", 2, ["They swapped 175 POWs."]),
        ],
        variants=(("POW", "prisoners of war"),),
    )
    hits = SearchIndex.build(briefing)._search("POW", 50)
    assert hits[0].text == "They swapped 175 POWs."
    assert hits[1].topic_id == "energy"  # "pow" is also a prefix of the alias "power"


def test_differences_are_hits_of_their_own_kind():
    topic = Topic(
        "t",
        "Talks",
        1,
        "",
        (
            Section(
                DIFFERENCES_HEADING,
                (
                    Claim(
                        "t/0.0",
                        "t",
                        DIFFERENCES_HEADING,
                        (ClaimPart("Ten days", ("a",)), ClaimPart("; none", ("b",))),
                        True,
                        "topics/t.md",
                        3,
                        "Length",
                    ),
                ),
            ),
        ),
        "topics/t.md",
    )
    briefing = Briefing.from_topics(Header("T"), (topic,), ())
    hits = SearchIndex.build(briefing)._search("length", 5)
    assert [(hit.kind, hit.source_ids) for hit in hits] == [("difference", ("a", "b"))]
    assert hits[0].spans == ()  # the label matched, not the text


def test_limit_is_respected():
    briefing = make_briefing([("a", 1, [f"Convoy number {n}." for n in range(30)])])
    index = SearchIndex.build(briefing)
    assert len(index.search("convoy", limit=7)) == 7
    assert index.search("convoy", limit=0) == []
    assert len(index.search("convoy")) == 30


def test_alias_wins_even_when_many_topics_match():
    # More matching topics than the limit: the alias match must still be scored, and first.
    topics = [
        Topic(f"t{n:02d}", f"Blackout {n}", n, "Blackout again.", (Section("", ()),), f"topics/t{n:02d}.md")
        for n in range(1, 61)
    ]
    topics.append(Topic("grid", "Power", 99, "Repairs.", (Section("", ()),), "topics/grid.md", ("blackout",)))
    index = SearchIndex.build(Briefing.from_topics(Header("T"), topics, ()))
    hits = index._search("blackout", 10)
    assert hits[0].topic_id == "grid"
    assert [hit.topic_id for hit in hits[1:]] == [f"t{n:02d}" for n in range(1, 10)]  # then title matches, in order
