"""The meeting tools' core: a claim with its citation, every figure and every quotation, read from
the claims themselves. Each test is a question asked in a meeting."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.meeting.citation import claim_citation, topic_markdown
from briefing.meeting.figures import all_figure_groups, figure_groups, figures_of_claim
from briefing.meeting.quotes import all_quotes, quotes_of_claim, speaker_of
from briefing.model import Claim, ClaimPart, Section, Source, Topic


@pytest.fixture(scope="module")
def briefing():
    return load_briefing(bundled_content_dir())


def claim_with(text: str, source_ids=("a",), label: str = "") -> Claim:
    return Claim("t/0.0", "t", "", (ClaimPart(text, tuple(source_ids)),), bool(label), "topics/t.md", 3, label)


def source(source_id: str, outlet: str, published: str = "", confirmed=("outlet",)) -> Source:
    return Source(source_id, outlet, source_id, "", published, "", "", frozenset(confirmed), "", (), "")


SOURCES = {
    "latimes-ap": source("latimes-ap", "Los Angeles Times (AP)", "2025-03-18", ("outlet", "published")),
    "uslive": source("uslive", "uslive.com", "not confirmed"),
}


# -- send me that line -----------------------------------------------------------------------


def test_a_claim_is_copied_with_its_outlet_and_date():
    claim = claim_with("Russia would also hand over 23 badly wounded soldiers.", ["latimes-ap"])
    assert claim_citation(claim, SOURCES) == (
        "Russia would also hand over 23 badly wounded soldiers. [Los Angeles Times (AP), 2025-03-18]"
    )


def test_an_unconfirmed_date_is_never_passed_on():
    claim = claim_with("Trump announced a swap of 175.", ["uslive", "latimes-ap"])
    assert (
        claim_citation(claim, SOURCES)
        == "Trump announced a swap of 175. [uslive.com; Los Angeles Times (AP), 2025-03-18]"
    )


def test_a_disagreement_keeps_each_side_with_its_outlets(briefing):
    call_length = next(c for c in briefing.topic("overview").differences if c.label == "Call length")
    copied = claim_citation(call_length, briefing.sources_by_id)
    assert copied.startswith(
        "Call length: nearly three hours [usdailyonline.com]; roughly 90 minutes [projectpatriot.com];"
    )


def test_an_outlet_the_briefing_does_not_know_is_named_by_its_id():
    assert claim_citation(claim_with("Something.", ["ghost"]), SOURCES) == "Something. [ghost]"


def test_a_topic_is_copied_as_markdown_with_its_outlets(briefing):
    topic = briefing.topic("prisoner-exchange")
    markdown = topic_markdown(topic, briefing.sources_by_id)
    lines = markdown.splitlines()
    assert lines[0] == "# Prisoner exchange"
    assert "## Where reports differ" in lines and "## Sources" in lines
    bullets = [line for line in lines if line.startswith("- ")]
    assert len(bullets) == len(topic.claims) + len(topic.source_ids)
    assert any("23 badly wounded soldiers. \\[Los Angeles Times (Associated Press story)" in line for line in bullets)


def test_markup_in_a_claim_stays_characters_in_the_markdown():
    topic = Topic("t", "[b]Title[/b]", 1, "", (Section("", (claim_with("A *star* and [@x] and `code`."),)),), "t.md")
    markdown = topic_markdown(topic, {})
    assert "# \\[b\\]Title\\[/b\\]" in markdown
    assert "- A \\*star\\* and \\[@x\\] and \\`code\\`. \\[a\\]" in markdown


@given(st.text())
def test_whatever_a_claim_holds_the_copy_has_no_control_characters(text):
    copied = claim_citation(claim_with(text, ["uslive"]), SOURCES)
    markdown = topic_markdown(Topic("t", text, 1, text, (Section(text, (claim_with(text),)),), "t.md"), SOURCES)
    assert not [c for c in copied if unicodedata.category(c) == "Cc"]
    assert not [c for c in markdown if unicodedata.category(c) == "Cc" and c != "\n"]
    assert "\u202e" not in copied + markdown  # no right-to-left override


# -- what was the number? --------------------------------------------------------------------


def test_every_kind_of_figure_the_issue_names_is_found(briefing):
    shown = {figure.shown for group in all_figure_groups(briefing.iter_topics()) for figure in group.figures}
    for expected in [
        "175 prisoners",
        "23 badly wounded soldiers",
        "30 days",
        "30-day",
        "nearly three hours",
        "roughly 90 minutes",
        "almost a quarter",
        "an estimated 500 square miles",
        "11th anniversary",
        "2016",
    ]:
        assert expected in shown


def test_the_length_of_the_call_as_each_outlet_gave_it_sits_in_one_group(briefing):
    groups = figure_groups(briefing.topic("overview"))
    call = next(group for group in groups if group.title == "Call length")
    assert call.differs
    assert [(figure.shown, figure.source_ids) for figure in call.figures] == [
        ("nearly three hours", ("usdailyonline",)),
        ("roughly 90 minutes", ("projectpatriot",)),
    ]


def test_175_with_or_without_the_23_sits_in_one_group(briefing):
    groups = figure_groups(briefing.topic("prisoner-exchange"))
    with_23 = [group for group in groups if any("175" in figure.shown for figure in group.figures)]
    assert len(with_23) == 1
    group = with_23[0]
    assert group.title == "The 23 wounded" and group.differs
    shown = [figure.shown for figure in group.figures]
    assert "23 badly wounded soldiers" in shown and "23 injured" in shown
    assert {source_id for figure in group.figures for source_id in figure.source_ids} == {"uslive", "latimes-ap"}


def test_each_figure_has_its_kind():
    text = "On March 18, 2025, after 90 minutes, 175 prisoners, the 11th round, half the grid, 28 February and 7 more."
    kinds = {figure.shown: figure.kind for figure in figures_of_claim(claim_with(text))}
    assert kinds == {
        "18": "date",
        "2025": "year",
        "90 minutes": "duration",
        "175 prisoners": "people",
        "11th round": "ordinal",
        "half": "share",
        "28 February": "date",
        "7": "count",
    }


def test_a_figure_says_what_it_measures():
    (figure,) = figures_of_claim(claim_with("Ukraine seized an estimated 500 square miles in August."))
    assert (figure.shown, figure.kind) == ("an estimated 500 square miles", "area")
    assert figure.phrase == "Ukraine seized an estimated 500 square miles in August"


@pytest.mark.parametrize(
    "text, shown",
    [
        ("Each side would hand over 175 prisoners of war.", ["175 prisoners"]),  # not "over 175"
        ("The biggest land war since the Second World War.", []),  # a name, not a rank
        ("The G7 met; see https://example.com/2024/05/article-12.", []),  # names and addresses
        ("Dozens were hurt and thousands fled.", []),  # counts nothing exactly
        # "the two leaders" points back at people already counted: not a figure reported.
        ("The two leaders spoke for twenty-three minutes.", ["twenty-three minutes"]),
        ("Both sides agreed; their three points stand; the 23 wounded go home.", ["23 wounded"]),
        ("There are two sides in this war.", ["two"]),
    ],
)
def test_what_is_and_is_not_a_figure(text, shown):
    assert [figure.shown for figure in figures_of_claim(claim_with(text))] == shown


# -- who said that? --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('Trump wrote on social media that they had agreed to "an immediate ceasefire".', "Trump"),
        ('White House press secretary Karoline Leavitt, who called it "productive".', "Karoline Leavitt"),
        ('"We need to understand what the conversation is about," Zelensky said.', "Zelensky"),
        ('At his tense meeting with Zelensky, Trump complained that "Putin went through a lot".', "Trump"),
        ('Trump has said Russian forces have "surrounded" Ukraine\'s soldiers.', "Trump"),
        ('The AP story quotes the White House calling it a "movement to peace".', "White House"),
        ('He said he hoped Ukraine would be "fully informed".', ""),  # a pronoun: not named
        ('His post called the goal "a complete ceasefire".', ""),
        ('Other reports speak of a pause on "energy and infrastructure".', ""),
    ],
)
def test_the_speaker_is_who_the_claim_says_spoke(text, speaker):
    (quote,) = quotes_of_claim(claim_with(text))
    assert quote.speaker == speaker


def test_each_quotation_carries_the_outlets_of_its_own_side():
    claim = Claim(
        "t/1.0",
        "t",
        "Where reports differ",
        (ClaimPart('Trump called it "very good"', ("uslive",)), ClaimPart('; Leavitt called it "productive"', ("ap",))),
        True,
        "t.md",
        9,
        "Tone",
    )
    assert [(quote.text, quote.speaker, quote.source_ids) for quote in quotes_of_claim(claim)] == [
        ("very good", "Trump", ("uslive",)),
        ("productive", "Leavitt", ("ap",)),
    ]


def test_every_quotation_of_the_bundled_briefing_is_listed_once(briefing):
    listed = [(topic.id, quote.text) for topic, quote in all_quotes(briefing.iter_topics())]
    assert ("ukraine-reaction", "There are two sides in this war — Russia and Ukraine.") in listed
    assert ("kursk", "surrounded") in listed
    assert len(listed) == len(set(listed))  # no claim's quotation twice
    topics_in_order = list(dict.fromkeys(topic_id for topic_id, _text in listed))
    assert topics_in_order == [entry.id for entry in briefing.outline if entry.id in topics_in_order]


@pytest.mark.parametrize(
    "text, quoted",
    [
        ('Hockey: the Kremlin; an unattributed "reportedly".', []),  # a word held at a distance
        ('Only "recently", with no origin given.', []),
        ('The address ends "for-tow-hours".', []),  # a fragment of an address
        ('Trump has said Russian forces have "surrounded" them.', ["surrounded"]),  # his word
        ('Leavitt called it "productive".', ["productive"]),
        ('A pause on "energy and infrastructure", without saying more.', ["energy and infrastructure"]),
    ],
)
def test_a_quotation_is_someones_words(text, quoted):
    """Scare quotes and address fragments are not listed; a word someone is said to have used is."""
    assert [quote.text for quote in quotes_of_claim(claim_with(text))] == quoted


def test_no_scare_quote_or_address_fragment_of_the_bundled_briefing_is_listed(briefing):
    listed = {quote.text for _topic, quote in all_quotes(briefing.iter_topics())}
    assert not listed & {"reportedly", "recently", "for-tow-hours"}
    assert {"lengthy", "productive", "surrounded"} <= listed


def test_an_apostrophe_is_not_a_quotation():
    assert quotes_of_claim(claim_with("Ukraine's soldiers and Russia's troops.")) == []
    assert speaker_of("nobody here", 0, 0) == ""


def _paren_depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


def test_a_copied_claim_never_nests_brackets(briefing):
    """Outlet names hold parentheses ("Los Angeles Times (Associated Press story)"), so the
    outlets go in square brackets: `(Los Angeles Times (Associated Press story), …)` nested."""
    for entry in briefing.outline:
        for claim in briefing.topic(entry.id).claims:
            copied = claim_citation(claim, briefing.sources_by_id)
            assert _paren_depth(copied) <= 1, copied
    wounded = next(c for c in briefing.topic("prisoner-exchange").claims if "23 badly wounded" in c.text)
    assert claim_citation(wounded, briefing.sources_by_id).endswith(
        "[Los Angeles Times (Associated Press story), 2025-03-18]"
    )
