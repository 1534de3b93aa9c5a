"""`briefing print` as plain text: 60 lines x 80 cells, truncation always marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.model import Briefing, Claim, ClaimPart, Header, Section, Source, Topic
from briefing.summary import build_summary, make_handout
from briefing.summary.build import PAGE_COLUMNS, PAGE_LINES
from briefing.summary.text import render_text, text_lines
from devkit.synthetic import make_synthetic_briefing

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"


def _text(briefing: Briefing, **kwargs) -> tuple[list[str], tuple[str, ...]]:
    handout = make_handout(briefing, "text", **kwargs)
    return handout.data.decode("utf-8").splitlines(), handout.actions


def _assert_page(lines: list[str]) -> None:
    assert len(lines) <= PAGE_LINES, f"{len(lines)} lines"
    too_wide = [line for line in lines if cell_len(line) > PAGE_COLUMNS]
    assert not too_wide, too_wide


def _source(source_id: str, short: str) -> Source:
    return Source(
        source_id,
        f"{short} News",
        short,
        "h",
        "2025-03-18",
        "none",
        "https://x.example",
        frozenset(),
        "",
        (),
        f"sources/{source_id}.md",
    )


def _claim(topic_id: str, index: int, text: str, sources=("alpha",), difference=False, label="") -> Claim:
    return Claim(
        f"{topic_id}/{index}",
        topic_id,
        "",
        (ClaimPart(text, tuple(sources)),),
        difference,
        f"topics/{topic_id}.md",
        index + 1,
        label,
    )


def _briefing(topics: list[Topic], sources=None) -> Briefing:
    header = Header("Title", "2026-01-02", "2025-03-18", "The bottom line.")
    return Briefing.from_topics(header, topics, sources or [_source("alpha", "Alpha"), _source("beta", "Beta")])


def _topic(topic_id: str, claims: list[str], differences: list[str] = (), order: int = 1) -> Topic:
    key = tuple(_claim(topic_id, i, text) for i, text in enumerate(claims))
    differ = tuple(
        _claim(topic_id, 100 + i, text, ("alpha", "beta"), True, "Figure") for i, text in enumerate(differences)
    )
    sections = [Section("", key)] + ([Section("Where reports differ", differ)] if differ else [])
    return Topic(topic_id, topic_id.title(), order, "", tuple(sections), f"topics/{topic_id}.md")


def test_fixture_prints_everything_with_outlets() -> None:
    lines, actions = _text(load_briefing(FIXTURE))
    _assert_page(lines)
    text = "\n".join(lines)
    assert lines[0] == "Test briefing"
    assert "As of 2026-01-02" in text and "2025-03-18" in text
    assert "Bottom line: Alpha agreed to pause; beta did not." in text
    assert "• It starts at once. [Alpha, Beta]" in text
    assert "Where reports differ" in text
    assert "≠ Length: thirty days [Alpha]; no term given [Beta]." in text
    # Nothing had to be shortened, so nothing says so.
    assert actions == ()
    assert "more — run" not in text and "not shown" not in text


def test_bundled_content_fits_one_page() -> None:
    briefing = load_briefing(bundled_content_dir())
    if not briefing.outline:
        pytest.skip("the bundled content has no topics yet")
    lines, actions = _text(briefing)
    _assert_page(lines)
    assert briefing.title in "\n".join(lines[:3]) or lines[0].endswith("…")
    # Whatever did not fit is said on the page and on stderr.
    text = "\n".join(lines)
    total = sum(len(topic.claims) for topic in briefing.iter_topics())
    shown = sum(line.lstrip().startswith(("•", "≠")) for line in lines)
    if shown < total:
        assert "more — run `briefing`" in text or "not shown" in text
        assert actions


def test_forty_topics_are_shortened_then_dropped_with_marks() -> None:
    briefing = make_synthetic_briefing(40)
    lines, actions = _text(briefing)
    _assert_page(lines)
    text = "\n".join(lines)
    assert "more — run `briefing`" in text
    assert "topics not shown: " in text and "— run `briefing`" in lines[-1]
    # Dropped from the end: the overview and first topic stay, the last topic goes.
    assert "OVERVIEW" in text and "TOPIC 1 " in text
    assert "TOPIC 40 " not in text
    assert any("shortened" in action for action in actions)
    assert any("topics not shown" in action for action in actions)


def test_hidden_counts_add_up() -> None:
    """Every claim is either printed or counted in a "… N more" mark or a dropped topic."""
    briefing = make_synthetic_briefing(40)
    summary = make_handout(briefing, "text").summary
    for topic in summary.topics:
        original = briefing.topic(topic.id)
        assert len(topic.points) + len(topic.differences) + topic.hidden == len(original.claims)
    shown_ids = [topic.id for topic in summary.topics]
    assert shown_ids + list(summary.hidden_topics) == [topic.id for topic in briefing.iter_topics()]


def test_wide_characters_stay_within_80_cells() -> None:
    cjk = "俄罗斯总统普京与美国总统特朗普通电话，同意暂停对能源设施的打击三十天。" * 3
    briefing = _briefing([_topic("wide", [cjk, "ascii " * 30], ["双方说法不一" * 10])])
    lines, _ = _text(briefing)
    _assert_page(lines)
    assert any("俄罗斯" in line for line in lines)
    assert max(cell_len(line) for line in lines) >= 78  # wide lines are filled, not short
    assert all(len(line) <= 80 for line in lines)
    # The CJK claim is wrapped, not cut: all its characters are printed.
    printed = "".join(line.strip().lstrip("•").strip() for line in lines)
    assert cjk[:40] in printed.replace(" ", "")


def test_outlet_tags_are_not_broken_across_lines() -> None:
    sources = [_source("alpha", "AP/LAT"), _source("beta", "USLive")]
    text = "word " * 13 + "end."
    topic = Topic("t", "T", 1, "", (Section("", (_claim("t", 0, text, ("alpha", "beta")),)),), "topics/t.md")
    lines, _ = _text(_briefing([topic], sources))
    assert any("[AP/LAT, USLive]" in line for line in lines)


def test_untrusted_text_passes_through_as_text() -> None:
    nasty = "[bold red]not markup[/] <script>alert(1)</script> *stars* \x1b[2J"
    lines, _ = _text(_briefing([_topic("t", [nasty])]))
    text = "\n".join(lines)
    assert "[bold red]not markup[/]" in text and "<script>" in text
    assert "\x1b" not in text


def test_long_single_claim_is_cut_visibly_and_reported() -> None:
    briefing = _briefing([_topic("t", ["word " * 400])])
    lines, actions = _text(briefing)
    _assert_page(lines)
    assert any(line.rstrip().endswith("… [Alpha]") for line in lines)
    assert any("long point" in action for action in actions)


def test_render_text_matches_text_lines() -> None:
    summary = build_summary(load_briefing(FIXTURE))
    assert render_text(summary) == "\n".join(text_lines(summary)) + "\n"
