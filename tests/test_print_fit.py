"""The one fitting rule: shrink the font, then shorten topics, then drop the last topics."""

from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from briefing.model import DIFFERENCES_HEADING, Briefing, Claim, ClaimPart, Header, Section, Source, Topic
from briefing.summary.build import (
    FONT_SIZES,
    PAGE_COLUMNS,
    PAGE_LINES,
    Summary,
    build_summary,
    fit_summary,
)
from briefing.summary.text import text_fits, text_lines
from devkit.synthetic import make_synthetic_briefing


def _items(summary: Summary) -> int:
    return sum(len(t.points) + len(t.differences) for t in summary.topics)


def test_font_shrinks_first_to_the_largest_size_that_fits() -> None:
    summary = build_summary(make_synthetic_briefing(3))
    fitted = fit_summary(summary, lambda s: s.font_size <= 8.5, FONT_SIZES)
    assert fitted.summary.font_size == 8.5
    assert _items(fitted.summary) == _items(summary)  # nothing shortened
    assert fitted.actions == ("font reduced from 10 pt to 8.5 pt",)


def test_shortening_only_after_the_smallest_font() -> None:
    summary = build_summary(make_synthetic_briefing(4, claims_per_topic=5))
    budget = 12  # items that fit, whatever the font
    fitted = fit_summary(summary, lambda s: _items(s) <= budget, FONT_SIZES)
    result = fitted.summary
    assert result.font_size == FONT_SIZES[-1]
    assert _items(result) == budget  # as much as fits, not less
    assert not result.hidden_topics
    counts = [len(t.points) + len(t.differences) for t in result.topics]
    assert counts == sorted(counts, reverse=True)  # earlier topics keep more
    assert all(t.hidden for t in result.topics) and all(t.points for t in result.topics)
    assert [a.split(" ")[0] for a in fitted.actions] == ["font", "shortened"]


def test_topics_dropped_from_the_end_only_after_one_item_each() -> None:
    summary = build_summary(make_synthetic_briefing(9))  # overview + 9 topics
    fitted = fit_summary(summary, lambda s: len(s.topics) <= 4)
    result = fitted.summary
    assert [t.id for t in result.topics] == [t.id for t in summary.topics[:4]]
    assert result.hidden_topics == tuple(t.id for t in summary.topics[4:])
    assert result.footer_note.startswith("6 topics not shown: topic-00004, topic-00005")
    assert result.footer_note.endswith("— run `briefing`")
    assert fitted.actions[-1] == result.footer_note


def test_space_left_after_dropping_goes_to_the_first_topics() -> None:
    summary = build_summary(make_synthetic_briefing(9))
    fitted = fit_summary(summary, lambda s: len(s.topics) <= 4 and _items(s) <= 6)
    counts = [len(t.points) + len(t.differences) for t in fitted.summary.topics]
    assert counts == [2, 2, 1, 1]


def test_nothing_to_do_means_no_actions() -> None:
    summary = build_summary(make_synthetic_briefing(2))
    fitted = fit_summary(summary, lambda s: True, FONT_SIZES)
    assert fitted.summary == summary.__class__(**{**summary.__dict__, "font_size": 10.0})
    assert fitted.actions == ()


def test_footer_names_are_bounded() -> None:
    summary = build_summary(make_synthetic_briefing(60))
    fitted = fit_summary(summary, lambda s: len(s.topics) <= 1)
    note = fitted.summary.footer_note
    assert note.startswith("60 topics not shown: topic-00001, ") and ", and " in note
    assert cell_len(note) <= 200


# --- generated briefings: the text page always holds -------------------------------------

_ALPHABET = (
    "abcdefghij klmno pqrst uvwxyz ABC 0123 .,;:!?-[]*_`<>#&\\中文字符かな한국어é\u05d0\u0627👍\u200d\u0301—“”\t\n\x1b"
)
_TEXT = st.text(_ALPHABET, min_size=0, max_size=300)
_SHORT = st.text(_ALPHABET, min_size=0, max_size=40)


@st.composite
def briefings(draw) -> Briefing:
    """Sizes and a pool of tricky texts come from Hypothesis; a seeded generator assembles them
    into up to 60 topics, so each example stays cheap to generate."""
    pool = draw(st.lists(_TEXT, min_size=1, max_size=8))
    shorts = draw(st.lists(_SHORT, min_size=1, max_size=4))
    topic_count = draw(st.integers(0, 60))
    most_claims = draw(st.integers(0, 10))
    most_differences = draw(st.integers(0, 3))
    longest = draw(st.sampled_from([20, 80, 300, 1200]))
    rng = random.Random(draw(st.integers(0, 2**32)))
    sources = tuple(
        Source(f"s{i}", "Outlet", short, "h", "", "", "", frozenset(), "", (), f"sources/s{i}.md")
        for i, short in enumerate(shorts)
    )
    ids = [source.id for source in sources]

    def text() -> str:
        chosen = ""
        while len(chosen) < rng.randint(0, longest):
            chosen += rng.choice(pool) + rng.choice(["", " ", "中文"])
        return chosen

    def claim(topic_id: str, index: int, difference: bool) -> Claim:
        parts = tuple(
            ClaimPart(text(), tuple(rng.sample(ids, rng.randint(0, len(ids))))) for _ in range(rng.randint(1, 3))
        )
        return Claim(
            f"{topic_id}/{index}",
            topic_id,
            "",
            parts,
            difference,
            "p",
            index,
            rng.choice(pool)[:30] if difference else "",
        )

    topics = []
    for number in range(topic_count):
        topic_id = f"t{number}"
        key = tuple(claim(topic_id, i, False) for i in range(rng.randint(0, most_claims)))
        differ = tuple(claim(topic_id, 100 + i, True) for i in range(rng.randint(0, most_differences)))
        sections = (Section("", key), Section(DIFFERENCES_HEADING, differ))
        topics.append(Topic(topic_id, rng.choice(pool)[:150], number, "", sections, "p"))
    header = Header(rng.choice(pool), rng.choice(shorts), rng.choice(shorts), text() * 2)
    return Briefing.from_topics(header, topics, sources)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(briefings())
def test_text_always_fits_60_lines_of_80_cells(briefing: Briefing) -> None:
    summary = build_summary(briefing)
    fitted = fit_summary(summary, text_fits)
    lines = text_lines(fitted.summary)
    assert len(lines) <= PAGE_LINES
    assert all(cell_len(line) <= PAGE_COLUMNS for line in lines)
    assert all("\x1b" not in line and "\t" not in line for line in lines)
    # Never silent: whatever is not shown is counted on the page.
    result = fitted.summary
    assert len(result.topics) + len(result.hidden_topics) == len(briefing.outline)
    for shown, original in zip(result.topics, briefing.iter_topics(), strict=False):
        assert len(shown.points) + len(shown.differences) + shown.hidden == len(original.claims)
        if shown.hidden:
            assert any(re.search(r"… \d+ more.* — run `briefing`", line) for line in lines)
    if result.hidden_topics:
        assert any("not shown" in line for line in lines)
