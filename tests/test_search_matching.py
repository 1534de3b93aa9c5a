"""What a query finds: case, accents, hyphens, apostrophes, variants, typos, prefixes, numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.loading.loader import load_briefing
from briefing.search import SearchIndex
from briefing.search.typos import within_one_edit

FIXTURE = Path(__file__).parent / "fixtures" / "search"


@pytest.fixture(scope="module")
def briefing():
    loaded = load_briefing(FIXTURE)
    assert not loaded.errors, loaded.errors
    return loaded


@pytest.fixture(scope="module")
def index(briefing):
    return SearchIndex.build(briefing)


def texts(index, query, limit=50):
    return [hit.text for hit in index.search(query, limit)]


def claim_texts(index, query):
    return [hit.text for hit in index.search(query, 50) if hit.kind in ("claim", "difference")]


def test_case_and_accents_are_ignored(index):
    assert "Café owners in Odesa welcomed the energy talks." in texts(index, "CAFE")
    assert "Café owners in Odesa welcomed the energy talks." in texts(index, "café")
    assert texts(index, "KYÏV") == texts(index, "kyiv")


def test_hyphenated_and_joined_forms_find_each_other(index):
    hyphenated = "The cease-fire on energy sites began at once."
    joined = "Officials said a ceasefire at sea was discussed; no deal yet."
    assert hyphenated in texts(index, "ceasefire")
    assert joined in texts(index, "cease-fire")
    assert hyphenated in texts(index, "cease fire")


def test_apostrophes_are_ignored(index):
    claim = "Putin’s office said the 30-day pause covers energy infrastructure."
    for query in ("putins", "Putin's", "putin’s", "putin"):
        assert claim in texts(index, query), query


def test_single_word_variants_find_each_other(index):
    for query in ("Zelensky", "Zelenskyy", "zelenskiy"):
        found = claim_texts(index, query)
        assert "Zelenskyy said Kyiv would observe the pause if Moscow did." in found, query
        assert "Zelensky’s envoy said “naval ceasefire” talks were next." in found, query
    assert "Officials in Kiev dismissed the plan." in texts(index, "Kyiv")
    assert "Zelenskyy said Kyiv would observe the pause if Moscow did." in texts(index, "kiev")


def test_multi_word_variants_find_each_other(index):
    long_form = "Putin proposed matches between the NHL and the Kontinental Hockey League."
    short_form = "The KHL said it welcomed the idea."
    assert long_form in texts(index, "KHL")
    assert short_form in texts(index, "Kontinental Hockey League")
    assert short_form in texts(index, "kontinental hockey league")
    pow_claim = "Russia and Ukraine will exchange 175 POWs on Wednesday."
    assert pow_claim in texts(index, "prisoners of war")


def test_variants_come_from_the_content_not_the_code(briefing):
    from dataclasses import replace

    plain = SearchIndex.build(replace(briefing, header=replace(briefing.header, variants=())))
    assert "Putin proposed matches between the NHL and the Kontinental Hockey League." not in texts(plain, "KHL")
    assert "Officials in Kiev dismissed the plan." not in texts(plain, "kyiv")


def test_one_typo_is_tolerated_in_words_of_five_letters_or_more(index):
    pause = "Putin’s office said the 30-day pause covers energy infrastructure."
    assert pause in texts(index, "enrgy")  # deletion
    assert pause in texts(index, "enegry")  # transposition
    assert pause in texts(index, "energi")  # substitution
    assert pause in texts(index, "paause")  # insertion
    assert pause not in texts(index, "enrgyy")  # two edits


def test_four_letter_words_get_no_typo_tolerance(index):
    assert texts(index, "pase ") == []  # "pause" is one edit away, but "pase" is too short
    assert texts(index, "ppause ") != []


def test_within_one_edit():
    assert within_one_edit("energy", "enegry")
    assert within_one_edit("energy", "energ")
    assert within_one_edit("energy", "energys")
    assert within_one_edit("energy", "enxrgy")
    assert not within_one_edit("energy", "neregy")
    assert not within_one_edit("energy", "eenrgyy")


def test_every_word_may_be_a_prefix(index):
    zaporizhzhia = "Another 23 wounded soldiers will be handed over at the Zaporizhzhia crossing."
    assert texts(index, "zapor")[0] == zaporizhzhia
    assert texts(index, "crossing zapor")[0] == zaporizhzhia
    # Earlier words are prefixes too, from three letters: a reader types "zapor cross", "wou sold".
    assert texts(index, "zapor cross")[0] == zaporizhzhia
    assert texts(index, "wou sold")[0] == zaporizhzhia
    # ...but a whole word ranks above a prefix of a longer one.
    whole = index.search("crossing zaporizhzhia", 5)[0]
    typed = index.search("cross zapor", 5)[0]
    assert whole.text == typed.text == zaporizhzhia and typed.score < whole.score


def test_numbers_match(index):
    assert texts(index, "175")[0] == "Russia and Ukraine will exchange 175 POWs on Wednesday."
    assert "Another 23 wounded soldiers will be handed over at the Zaporizhzhia crossing." in texts(index, "23")
    thirty_day = "Putin’s office said the 30-day pause covers energy infrastructure."
    thirty_days = "Duration: the wire said 30 days; the daily gave no term."
    for query in ("30-day", "30 day", "30 days"):
        found = texts(index, query)
        assert thirty_day in found and thirty_days in found, query
    assert texts(index, "176") == []


def test_labels_of_differences_are_searchable(index):
    hits = index.search("duration", 5)
    assert hits and hits[0].kind == "difference"
    assert hits[0].claim_id == "energy/1.0"


def test_hits_carry_the_claim_fields(index, briefing):
    hit = index.search("Zaporizhzhia", 5)[0]
    claim = next(c for c in briefing.claims() if "Zaporizhzhia" in c.text)
    assert (hit.kind, hit.topic_id, hit.claim_id, hit.title) == ("claim", "prisoners", claim.id, "Prisoner exchange")
    assert (hit.text, hit.source_ids, hit.path, hit.line) == (claim.text, ("daily",), "topics/prisoners.md", claim.line)
    assert hit.text[hit.spans[0][0] : hit.spans[0][1]] == "Zaporizhzhia"


def test_outlets_and_bottom_line_are_searched(index):
    outlet = index.search("Global Wire", 5)
    assert outlet[0].kind == "source" and outlet[0].source_id == "wire"
    assert outlet[0].title == "Global Wire Service"
    paragraph = index.search("wire reported in detail", 5)[0]
    assert paragraph.kind == "source" and paragraph.text.startswith("The wire reported")
    overview = index.search("unsettled", 5)
    assert [hit.kind for hit in overview] == ["overview"]
    assert overview[0].topic_id == "overview"


def test_topic_title_summary_and_aliases_are_searched(index):
    assert index.search("maritime safety", 5)[0].topic_id == "sea"
    swap = index.search("swap", 5)[0]
    assert (swap.kind, swap.topic_id) == ("topic", "prisoners")
    blackout = index.search("blackout", 5)
    assert [(hit.kind, hit.topic_id) for hit in blackout] == [("topic", "energy")]


def test_highlight_spans_with_variants_accents_and_curly_quotes(briefing, index):
    from dataclasses import replace

    text = "Zelensky’s envoy said “naval ceasefire” talks in Kyïv were next."
    spans = index.spans(text, "zelenskiy cease-fire kiev")
    assert [text[s:e] for s, e in spans] == ["Zelensky’s", "ceasefire", "Kyïv"]
    plain = SearchIndex.build(replace(briefing, header=replace(briefing.header, variants=())))
    assert plain.spans(text, "kiev") == []  # without the content's variants, Kiev is not Kyïv
    text = "Putin proposed matches with the Kontinental Hockey League."
    assert [text[s:e] for s, e in index.spans(text, "KHL")] == ["Kontinental Hockey League"]


def test_highlight_spans_of_prefix_typo_and_hyphen(index):
    text = "The 30-day cease-fire at Zaporizhzhia; 30 days."
    assert [text[s:e] for s, e in index.spans(text, "zapor")] == ["Zaporizhzhia"]
    assert [text[s:e] for s, e in index.spans(text, "zaporizhzia ")] == ["Zaporizhzhia"]
    assert [text[s:e] for s, e in index.spans(text, "ceasefire")] == ["cease-fire"]
    assert [text[s:e] for s, e in index.spans(text, "30-day ")] == ["30-day", "30 days"]


def test_hit_spans_point_into_the_text(index):
    for query in ("pause", "kiev", "KHL", "cease-fire", "putin's", "175", "zapor"):
        hits = index.search(query, 50)
        assert hits, query
        for hit in hits:
            previous_end = 0
            for start, end in hit.spans:
                assert previous_end <= start < end <= len(hit.text)
                previous_end = end
        assert any(hit.spans for hit in hits), query
