"""Ranking: phrase > all words > some words; exact > stem > prefix > typo; facts > headers and
prose; rare words > common ones; ties in reading order."""

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
    return [hit.text for hit in SearchIndex.build(briefing).search(query, 50)]


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
        "Partial: only black here.",
    ]
    # No document has every word: those with the most of them come first.
    assert ranked(briefing, "black sea talks resumed zebra") == [
        "Talks on the Black Sea resumed.",
        "A cat in the black harbour by the sea.",
        "Partial: only black here.",
    ]


def test_documents_with_every_word_rank_above_those_with_some():
    briefing = make_briefing([("a", 1, ["Energy grid.", "Talks only.", "Energy talks."])])
    hits = SearchIndex.build(briefing).search("energy talks ", 50)
    assert hits[0].text == "Energy talks."
    assert {hit.text for hit in hits[1:]} == {"Energy grid.", "Talks only."}
    assert hits[0].score > max(hit.score for hit in hits[1:])
    # A word found nowhere does not hide what the others find.
    assert {hit.text for hit in SearchIndex.build(briefing).search("energy nonexistentword ", 50)} == {
        "Energy talks.",
        "Energy grid.",
    }


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


def test_exact_ranks_above_stem_above_prefix_above_typo_each_alone():
    # Each claim matches "pause" one way only ("paused" above is both a form and a prefix):
    # "pausing" by stem, "pauseless" as a longer word it begins (its stem is its own), "parse"
    # by one typo. Listed in the opposite order, so reading order alone would be wrong.
    briefing = make_briefing(
        [
            ("typo", 1, ["The parse failed."]),
            ("prefix", 2, ["The pauseless talks."]),
            ("stem", 3, ["The pausing talks."]),
            ("exact", 4, ["The pause began."]),
        ]
    )
    assert ranked(briefing, "pause") == [
        "The pause began.",
        "The pausing talks.",
        "The pauseless talks.",
        "The parse failed.",
    ]


def test_claims_rank_above_outlet_paragraphs_and_bottom_line():
    briefing = make_briefing(
        [("a", 5, ["Drones hit the refinery."])],
        bottom_line="Drones hit the refinery, officials said.",
        paragraphs=("Drones hit the refinery early on Tuesday.",),
    )
    hits = SearchIndex.build(briefing).search("drones refinery", 50)
    assert next(hit.kind for hit in hits) == "claim"
    assert {hit.kind for hit in hits[1:]} == {"overview", "source"}
    assert hits[0].score > hits[1].score


def test_ties_are_broken_by_topic_order_then_position():
    same = ["Sirens in the capital.", "Sirens in the capital."]
    briefing = make_briefing([("late", 9, same), ("early", 2, same)])
    hits = SearchIndex.build(briefing).search("sirens capital ", 50)
    assert [(hit.topic_id, hit.claim_id) for hit in hits if hit.score == hits[0].score] == [
        ("early", "early/0.0"),
        ("early", "early/0.1"),
        ("late", "late/0.0"),
        ("late", "late/0.1"),
    ]


def test_a_fact_stating_the_word_beats_a_topic_merely_called_so():
    # "rubio" in a meeting: the claim that says what Rubio did, not the topic that lists him.
    briefing = make_briefing(
        [
            ("talks", 3, ["Repairs continue."], ["Rubio", "technical talks"]),
            ("other", 5, ["Secretary of State Marco Rubio led the talks in Jeddah."]),
        ]
    )
    hits = SearchIndex.build(briefing).search("rubio", 50)
    assert [(hit.kind, hit.topic_id) for hit in hits] == [("claim", "other"), ("topic", "talks")]


def test_an_alias_finds_its_topic_when_no_fact_says_the_word():
    briefing = make_briefing([("grid", 3, ["Repairs continue."], ["blackout"]), ("other", 1, ["The lights are on."])])
    hits = SearchIndex.build(briefing).search("blackout", 50)
    assert [(hit.kind, hit.topic_id) for hit in hits] == [("topic", "grid")]
    assert hits[0].text == "Topic grid"


def test_exact_match_elsewhere_beats_a_prefix_of_an_alias():
    briefing = make_briefing(
        [
            ("energy", 1, ["Repairs continue."], ["power grid"]),
            ("prisoners", 2, ["They swapped 175 POWs."]),
        ],
        variants=(("POW", "prisoners of war"),),
    )
    hits = SearchIndex.build(briefing).search("POW", 50)
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
    hits = SearchIndex.build(briefing).search("length", 5)
    assert [(hit.kind, hit.source_ids) for hit in hits] == [("difference", ("a", "b"))]
    # The label leads the text, so the hit reads as an answer: "Length: Ten days; none".
    assert hits[0].text == "Length: Ten days; none"
    assert hits[0].spans == ((0, 6),)


def test_limit_is_respected():
    briefing = make_briefing([("a", 1, [f"Convoy number {n}." for n in range(30)])])
    index = SearchIndex.build(briefing)
    assert len(index.search("convoy", limit=7)) == 7
    assert index.search("convoy", limit=0) == []
    assert len(index.search("convoy")) == 30


def test_a_topic_named_by_the_word_is_ranked_among_many_that_mention_it():
    # More topics mention the word than are ranked in full: the one *called* so (by its alias) is
    # still ranked, and first among topics.
    topics = [
        Topic(f"t{n:03d}", f"Topic {n}", n, "A blackout again.", (Section("", ()),), f"topics/t{n:03d}.md")
        for n in range(1, 401)
    ]
    topics.append(Topic("grid", "Power", 999, "Repairs.", (Section("", ()),), "topics/grid.md", ("blackout",)))
    index = SearchIndex.build(Briefing.from_topics(Header("T"), topics, ()))
    hits = index.search("blackout", 10)
    assert hits[0].topic_id == "grid"
    assert [hit.topic_id for hit in hits[1:]] == [f"t{n:03d}" for n in range(1, 10)]  # then in reading order


def test_a_difference_scores_as_its_best_side_with_its_label():
    from briefing.search.ranking import Evidence, TermWeight, score

    weights = [TermWeight(idf=2.0, stop=False)]
    # One side of five holds the word: as a whole the entry is long; its side with the label is short.
    whole = Evidence("difference", lengths=(40,), averages=(20.0,), matches=[[(0, 1.0)]])
    side = Evidence("difference", lengths=(5,), averages=(20.0,), matches=[[(0, 1.0)]])
    combined = Evidence(
        "difference",
        lengths=(40,),
        averages=(20.0,),
        matches=[[(0, 1.0)]],
        side_passages=(([[]], 7), ([[(0, 1.0)]], 5)),
    )
    assert score(combined, weights) == score(side, weights) > score(whole, weights)


def test_a_differences_sides_are_found_in_its_words():
    from briefing.search.documents import topic_documents
    from briefing.search.variants import VariantTable

    claim = Claim(
        "t/0.0",
        "t",
        DIFFERENCES_HEADING,
        (ClaimPart("nearly three hours", ("a",)), ClaimPart("; per the wire, ", ()), ClaimPart("90 minutes", ("b",))),
        True,
        "topics/t.md",
        3,
        "Call length",
    )
    topic = Topic("t", "Talks", 1, "", (Section(DIFFERENCES_HEADING, (claim,)),), "topics/t.md")
    (document,) = [d for d in topic_documents(topic, VariantTable()) if d.kind == "difference"]
    words = document.positions()
    assert words[: document.sides[0][0]] == ["call", "length"]  # the label, before the first side
    # Text citing nobody joins the side before it, as the list shows the sides.
    assert [words[first:end] for first, end in document.sides] == [
        ["nearly", "three", "hours", "per", "the", "wire"],
        ["90", "minutes"],
    ]


def test_a_meeting_question_finds_the_side_that_answers_it():
    from briefing.loading.loader import load_briefing
    from briefing.loading.paths import bundled_content_dir

    # "Call length: nearly three hours [usdailyonline]; roughly 90 minutes […]; …": as a whole
    # the entry is long, and a short quote that says "conversation" ranked above it.
    index = SearchIndex.build(load_briefing(bundled_content_dir()))
    first = index.search("Which outlet said the conversation ran to almost three hours?", 3)[0]
    assert first.text.startswith("Call length: nearly three hours")


def test_a_claim_citing_two_outlets_for_two_parts_has_sides_and_one_outlet_none():
    from briefing.search.documents import topic_documents
    from briefing.search.variants import VariantTable

    two = Claim(
        "t/0.0",
        "t",
        "",
        (ClaimPart("Zelensky was skeptical", ("a",)), ClaimPart("; he asked for transparency", ("b",))),
        False,
        "topics/t.md",
        3,
    )
    one = Claim("t/0.1", "t", "", (ClaimPart("Zelensky was skeptical.", ("a",)),), False, "topics/t.md", 4)
    topic = Topic("t", "Talks", 1, "", (Section("", (two, one)),), "topics/t.md")
    documents = [d for d in topic_documents(topic, VariantTable()) if d.kind == "claim"]
    assert [d.sides for d in documents] == [((0, 3), (3, 7)), ()]


def test_scoring_only_the_sides_that_can_gain_ranks_as_scoring_them_all(monkeypatch):
    """`engine._sides` leaves out the sides a passage cannot gain by; scoring every side must rank
    the same, on meeting questions over the bundled briefing."""
    from briefing.loading.loader import load_briefing
    from briefing.loading.paths import bundled_content_dir
    from briefing.search import engine

    def every_side(document, intervals):
        label = document.sides[0][0]
        passages = []
        for start, end in document.sides:
            kept = [[i for i in term if i[0] < label or start <= i[0] < end] for term in intervals]
            passages.append(([engine._per_position(document, term) for term in kept], label + end - start))
        return passages

    questions = [
        "how long was the call",
        "which outlet said the conversation ran to almost three hours",
        "prisoner numbers",
        "call length",
        "who called it productive",
        "what condition did putin attach to the energy pause",
        "khl countries",
    ]
    briefing = load_briefing(bundled_content_dir())
    pruned = [[(h.text, h.score) for h in SearchIndex.build(briefing).search(q, 10)] for q in questions]
    monkeypatch.setattr(engine, "_sides", every_side)
    full = [[(h.text, h.score) for h in SearchIndex.build(briefing).search(q, 10)] for q in questions]
    assert pruned == full


def test_sides_left_unscored_could_not_have_reached_the_first_hits():
    """Search scores a fact's sides only when they could reach the first `limit` hits
    (`ranking.passage_gain`); scoring every candidate's sides must give the same first hits."""
    from briefing.loading.loader import load_briefing
    from briefing.loading.paths import bundled_content_dir
    from briefing.search.ranking import score

    index = SearchIndex.build(load_briefing(bundled_content_dir()))
    questions = [
        "how long was the call",
        "which outlet said the conversation ran to almost three hours",
        "prisoner numbers",
        "who called it productive",
        "what brought the aid back",
        "khl countries",
        "term of the pause",
        "zelensky",
    ]
    for question in questions:
        for limit in (1, 3, 10):
            gathered = index.gather(question, limit)
            weights = gathered.weights()
            every = sorted(
                (-score(evidence, weights, gathered.asks), document.order, doc, document.text)
                for doc, document, evidence in gathered.candidates
            )
            expected = [(text, round(-negative, 4)) for negative, _, _, text in every if negative < 0][:limit]
            assert [(hit.text, hit.score) for hit in index.search(question, limit)] == expected, (question, limit)


def test_a_difference_repeated_in_another_topic_is_scored_with_its_own_context():
    """Search scores the sides of facts with the same words and context once; the same entry under
    another topic title is another context, and scores as its own."""
    from briefing.search.ranking import score

    def entry(topic_id):
        parts = (ClaimPart("nearly three hours", ("a",)), ClaimPart("; roughly 90 minutes", ("b",)))
        return Claim(
            f"{topic_id}/0.0", topic_id, DIFFERENCES_HEADING, parts, True, f"topics/{topic_id}.md", 3, "Length"
        )

    topics = [
        Topic(topic_id, title, order, "", (Section(DIFFERENCES_HEADING, (entry(topic_id),)),), f"topics/{topic_id}.md")
        for topic_id, title, order in (("a", "Pause", 1), ("b", "Call", 2))
    ]
    index = SearchIndex.build(Briefing.from_topics(Header("T"), topics, ()))
    query = "call length ninety minutes"
    gathered = index.gather(query, 5)
    weights = gathered.weights()
    full = {
        document.topic_id: round(score(evidence, weights, gathered.asks), 4)
        for _, document, evidence in gathered.candidates
        if document.kind == "difference"
    }
    found = {hit.topic_id: hit.score for hit in index.search(query, 5) if hit.kind == "difference"}
    assert found == full
    assert found["b"] > found["a"]  # the topic title "Call" is context for its entry only
