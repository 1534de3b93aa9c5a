"""The first hit answers the question a meeting asks: word forms, question words, synonyms,
facts before headers, figures for "how many", the topic a fact belongs to.

Each test is a query as a reader types it in a meeting, on a small briefing written here (not the
bundled one, whose wording changes), and the fact that must come first.
"""

from __future__ import annotations

import pytest

from briefing.model import DIFFERENCES_HEADING, Briefing, Claim, ClaimPart, Header, Section, Source, Topic
from briefing.search import SearchIndex

BOTTOM_LINE = (
    "Putin agreed only to a pause in strikes on energy sites; prisoners are to be swapped, and reports "
    "differ on how long the call lasted and whether the pause depends on Kyiv."
)


def topic(topic_id, order, title, claims, aliases=(), differences=(), summary=""):
    path = f"topics/{topic_id}.md"
    facts = tuple(
        Claim(f"{topic_id}/0.{n}", topic_id, "", (ClaimPart(text, ("wire",)),), False, path, 10 + n)
        for n, text in enumerate(claims)
    )
    entries = tuple(
        Claim(
            f"{topic_id}/1.{n}",
            topic_id,
            DIFFERENCES_HEADING,
            (ClaimPart(first, ("wire",)), ClaimPart(f"; {second}", ("daily",))),
            True,
            path,
            30 + n,
            label,
        )
        for n, (label, first, second) in enumerate(differences)
    )
    sections = (Section("", facts), Section(DIFFERENCES_HEADING, entries)) if entries else (Section("", facts),)
    return Topic(topic_id, title, order, summary, sections, path, tuple(aliases))


def source(source_id, outlet, headline, *paragraphs):
    return Source(source_id, outlet, source_id.title(), headline, "", "", "", frozenset(), "", paragraphs, "s.md")


BRIEFING = Briefing.from_topics(
    Header(
        "The call",
        bottom_line=BOTTOM_LINE,
        variants=(("POW", "POWs", "prisoners of war"), ("IAEA", "International Atomic Energy Agency")),
        synonyms=(
            ("swap", "exchange"),
            ("wounded", "injured"),
            ("proposed", "suggested", "floated"),
            ("length", "long", "hours", "minutes"),
            ("refuse", "held back"),
        ),
    ),
    [
        topic(
            "energy",
            1,
            "Energy truce",
            [
                "Strikes on energy infrastructure were to stop at once.",
                "Putin held back from a wider ceasefire.",
                "One report says the pause holds only if Kyiv also stops such attacks.",
            ],
            aliases=["energy ceasefire", "power grid"],
            differences=[("Condition", "the pause depends on Kyiv reciprocating", "no condition attached")],
            summary="A halt to strikes on energy sites, not a full ceasefire.",
        ),
        topic(
            "prisoners",
            2,
            "Prisoner exchange",
            [
                "The exchange was due on Wednesday, the day after the call.",
                "Each side would hand over 175 prisoners of war.",
                "Russia would also hand over 23 badly injured soldiers.",
                "Freeing prisoners was among the steps officials proposed at earlier talks.",
                "The prisoners were named.",
            ],
            aliases=["POW", "prisoner swap", "wounded soldiers"],
            summary="A swap of 175 prisoners, with the wounded on top.",
        ),
        topic(
            "hockey",
            3,
            "Hockey matches",
            [
                "Putin suggested games between Russian and American players.",
                "The games would be held in both countries.",
                "Players would come from the NHL and the KHL.",
            ],
            aliases=["ice hockey", "sports"],
        ),
        topic(
            "call",
            4,
            "The call itself",
            [
                "Trump and Putin talked about the Middle East.",
                "The leaders spoke for a long time about many things.",
                "Officials from several countries followed the talks closely.",
            ],
            aliases=["phone call", "Rubio"],
            differences=[("Call length", "nearly three hours", "roughly 90 minutes")],
        ),
        topic(
            "plant",
            5,
            "Zaporizhzhia nuclear plant",
            [
                "The envoy said officials had talked about the plant.",
                "The IAEA has voiced alarm about the plant many times.",
                "Before the war the plant made almost a quarter of the country's power.",
                "Secretary of State Marco Rubio did not mention the plant.",
            ],
            aliases=["nuclear plant", "International Atomic Energy Agency"],
        ),
    ],
    [source("wire", "Global Wire", "Leaders agree pause", "The wire's report on the call said little of hockey.")],
)
INDEX = SearchIndex.build(BRIEFING)


def first(query: str) -> str:
    hits = INDEX.search(query, 10)
    assert hits, query
    return hits[0].text


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ("reciprocates", "Condition: the pause depends on Kyiv reciprocating; no condition attached"),
        ("country power", "Before the war the plant made almost a quarter of the country's power."),
        ("countries", "The games would be held in both countries."),
    ],
)
def test_word_forms_find_each_other(query, answer):
    assert first(query) == answer


def test_the_exact_form_ranks_above_another_form():
    hits = INDEX.search("countries", 10)
    texts = [hit.text for hit in hits]
    assert texts.index("The games would be held in both countries.") < texts.index(
        "Before the war the plant made almost a quarter of the country's power."
    )


def test_question_words_help_but_never_decide():
    # "who" and "the" are in many claims; "proposed" is rare and only in the prisoner topic. The
    # hockey fact wins on "hockey" (its topic) and "suggested" (a declared synonym of "proposed").
    assert first("who proposed hockey") == "Putin suggested games between Russian and American players."
    # A query of nothing but question words still finds something.
    assert INDEX.search("what did", 10)


def test_declared_synonyms_find_other_words_and_rank_below_the_word_itself():
    assert first("wounded prisoners") == "Russia would also hand over 23 badly injured soldiers."
    assert first("what did putin refuse") == "Putin held back from a wider ceasefire."
    swap = [hit.text for hit in INDEX.search("swap", 10)]
    assert "The exchange was due on Wednesday, the day after the call." in swap
    # Without the synonym, "injured" is not "wounded": synonyms come from the content.
    from dataclasses import replace

    plain = SearchIndex.build(replace(BRIEFING, header=replace(BRIEFING.header, synonyms=())))
    assert "Russia would also hand over 23 badly injured soldiers." not in [
        hit.text for hit in plain.search("wounded", 10)
    ]


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ("how many prisoners", "Each side would hand over 175 prisoners of war."),
        ("how many POWs", "Each side would hand over 175 prisoners of war."),
        ("how long was the call", "Call length: nearly three hours; roughly 90 minutes"),
        ("length of the call", "Call length: nearly three hours; roughly 90 minutes"),
        ("plant share of power", "Before the war the plant made almost a quarter of the country's power."),
    ],
)
def test_a_quantity_question_puts_the_fact_with_the_figure_first(query, answer):
    assert first(query) == answer


def test_a_when_question_puts_the_fact_with_the_day_first():
    assert first("when is the prisoner swap") == "The exchange was due on Wednesday, the day after the call."


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        # The topic lists "Rubio" among its aliases; a fact says what he did.
        ("rubio", "Secretary of State Marco Rubio did not mention the plant."),
        # The bottom line says "depends" and "Kyiv"; the fact states the condition.
        ("depends on kyiv", "Condition: the pause depends on Kyiv reciprocating; no condition attached"),
        # The outlet's paragraph mentions hockey; the facts are about it.
        ("hockey players", "Putin suggested games between Russian and American players."),
    ],
)
def test_a_fact_beats_a_header_an_outlet_or_the_bottom_line(query, answer):
    hits = INDEX.search(query, 10)
    assert hits[0].text == answer
    assert hits[0].kind in ("claim", "difference")


def test_a_fact_takes_the_subject_from_its_topic():
    # "hockey" is in neither claim: the topic's title says what they are about.
    assert first("where would hockey games be played") == "The games would be held in both countries."


def test_part_of_a_long_variant_spelling_finds_the_short_one():
    assert first("atomic energy agency") == "The IAEA has voiced alarm about the plant many times."


def test_rare_words_weigh_more_than_common_ones():
    # "plant" is in every fact of its topic; "envoy" in one: that one comes first.
    assert first("plant envoy") == "The envoy said officials had talked about the plant."
    assert first("envoy plant") == "The envoy said officials had talked about the plant."
