"""`briefing print` as plain text: prints as is with plain `lp` (76 columns x 58 lines), fills the
page, carries the key figures, and says once, in words that mean something on paper, what is not on it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from rich.cells import cell_len

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.model import Briefing, Claim, ClaimPart, Header, Section, Source, Topic
from briefing.summary import make_handout, select_summary
from briefing.summary.model import LEGEND, OUTLETS_LEGEND
from briefing.summary.text import render_text
from devkit.synthetic import make_synthetic_briefing

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
#: What plain `lp` prints on one sheet of A4 or Letter (issue 12), not read from the code under test.
PAGE_COLUMNS, PAGE_LINES = 76, 58
#: What a person briefing others needs from the bundled briefing's handout (issue 12).
KEY_FIGURES = {
    "PRISONER EXCHANGE": ("175", "23 wounded"),
    "ZAPORIZHZHIA NUCLEAR PLANT": ("almost a quarter of Ukraine's power",),
    "KURSK": ("500 square miles",),
    "HOCKEY MATCHES": ("NHL", "KHL"),
    "ENERGY TRUCE": ("Term of the pause: 30 days",),
    "NEXT STEPS AND THE 30-DAY CEASEFIRE": ("broader 30-day ceasefire",),
    # The figure people ask first, with each outlet's own (issue 19).
    "OVERVIEW": ("≠ Call length: nearly three hours [usdailyonline]; roughly 90 minutes [projectpatriot]",),
}
BUNDLED_TITLES = (
    "OVERVIEW",
    "ENERGY TRUCE",
    "PRISONER EXCHANGE",
    "ZAPORIZHZHIA NUCLEAR PLANT",
    "KURSK",
    "HOCKEY MATCHES",
    "RUSSIA'S CONDITIONS AND MILITARY AID",
    "IRAN AND THE MIDDLE EAST",
    "NEXT STEPS AND THE 30-DAY CEASEFIRE",
    "ZELENSKY'S REACTION AND STRIKES AFTER THE CALL",
    "TRUMP, PUTIN AND US–RUSSIA TIES",
)


def _text(briefing: Briefing, **kwargs) -> tuple[list[str], tuple[str, ...]]:
    handout = make_handout(briefing, "text", **kwargs)
    return handout.data.decode("utf-8").splitlines(), handout.notes


def _assert_page(lines: list[str]) -> None:
    assert len(lines) <= PAGE_LINES, f"{len(lines)} lines"
    too_wide = [line for line in lines if cell_len(line) > PAGE_COLUMNS]
    assert not too_wide, too_wide


def _sections(lines: list[str]) -> dict[str, str]:
    """Topic title (as printed, upper case) -> everything printed under it, on one line, each
    item with its mark. A topic starts at the margin with its title, which runs into its first
    item ("KURSK • Trump has said …"); the closing rule ("-- legend ---") ends the topics."""
    sections: dict[str, str] = {}
    title = None
    body = lines[max(i for i, line in enumerate(lines) if line.startswith("=" * 10)) + 1 :]
    for line in body:
        if line.startswith("--"):
            break
        item = line
        run_in = re.match(r"(\S.*?) ([•≠]) (.*)", line)
        if run_in and run_in.group(1).isupper():
            title, item = run_in.group(1), f"{run_in.group(2)} {run_in.group(3)}"
            sections[title] = ""
        if title and item:
            sections[title] += " " + item.strip()
    return {key: " ".join(value.split()) for key, value in sections.items()}


def _source(source_id: str, short: str) -> Source:
    return Source(source_id, f"{short} News", short, "h", "", "", "", frozenset(), "", (), f"sources/{source_id}.md")


def _topic(topic_id: str, claims: list[str], sources=("alpha",)) -> Topic:
    key = tuple(
        Claim(f"{topic_id}/{i}", topic_id, "", (ClaimPart(text, tuple(sources)),), False, "p", i + 1, "", True)
        for i, text in enumerate(claims)
    )
    return Topic(topic_id, topic_id.title(), 1, "", (Section("", key),), f"topics/{topic_id}.md")


def _briefing(topics: list[Topic], sources=None) -> Briefing:
    header = Header("Title", "2026-01-02", "2025-03-18", "The bottom line.")
    return Briefing.from_topics(header, topics, sources or [_source("alpha", "Alpha"), _source("beta", "Beta")])


def test_bundled_handout_prints_as_is_with_every_topic() -> None:
    lines, notes = _text(load_briefing(bundled_content_dir()))
    _assert_page(lines)
    assert lines[0] == "Trump–Putin call on Ukraine, 18 March 2025"
    assert lines[1].startswith("== As of 2026-11-22 · Event date 2025-03-18 ==")  # the dates, in the rule
    assert tuple(_sections(lines)) == BUNDLED_TITLES
    assert notes == () and not any("Not on this page" in line for line in lines)


def test_bundled_handout_carries_the_key_figures_and_the_differences() -> None:
    lines, _notes = _text(load_briefing(bundled_content_dir()))
    sections = _sections(lines)
    for title, figures in KEY_FIGURES.items():
        assert title in sections, title
        for figure in figures:
            assert figure in sections[title], (title, figure)
    assert sum(section.count("≠ ") for section in sections.values()) == 3  # overview, energy, prisoners


def test_the_last_line_says_which_briefing_of_when_and_where_it_lives() -> None:
    text = " ".join(render_text(select_summary(load_briefing(bundled_content_dir()))).split())
    assert text.endswith(
        "-- ≠ where reports differ · [ ] the outlets that report each point "
        + "-" * 9
        + " Trump–Putin call on Ukraine, 18 March 2025, as of 2026-11-22. "
        "In full (11 topics, 169 claims, 33 differences): bundled with the briefing app."
    )
    assert "type briefing in a terminal" not in text


def test_a_briefing_in_a_folder_says_how_to_open_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = tmp_path / "briefings" / "call"
    shutil.copytree(FIXTURE, folder)
    lines, _ = _text(load_briefing(folder))
    assert " ".join(lines).endswith(
        "Test briefing, as of 2026-01-02. In full (2 topics, 3 claims, 1 difference): "
        "briefing --content ~/briefings/call"
    )


def test_what_is_left_out_is_named_by_title_once_with_one_line_for_the_rest() -> None:
    briefing = make_synthetic_briefing(40)
    summary = select_summary(briefing)
    text = render_text(summary)
    flat = " ".join(text.split())
    assert summary.left_out.count == 31
    for title in summary.left_out.titles:
        assert flat.count(title + ";") == 1, title  # named once, by title, not by file name
    assert "`" not in text and "more —" not in text
    assert "Not on this page: Topic 10 nuclear; Topic 11 ceasefire;" in flat
    assert flat.endswith(
        "; and 20 more topics. Synthetic briefing, as of 2026-01-01. In full (41 topics, 205 claims, 41 differences)."
    )
    assert LEGEND in text


def _differences_topic() -> Topic:
    """A topic with two key points and one marked difference, each with its outlets."""
    points = (
        Claim(
            "energy/0",
            "energy",
            "",
            (ClaimPart("The pause covers energy sites. ", ("alpha",)),),
            False,
            "p",
            1,
            "",
            True,
        ),
        Claim(
            "energy/1", "energy", "", (ClaimPart("Talks go on at sea. ", ("alpha", "beta")),), False, "p", 2, "", True
        ),
    )
    difference = Claim(
        "energy/2",
        "energy",
        "Where reports differ",
        (ClaimPart("thirty days ", ("alpha",)), ClaimPart("; no term given ", ("beta",))),
        True,
        "p",
        3,
        "Length",
        True,
    )
    return Topic(
        "energy",
        "Energy",
        1,
        "",
        (Section("", points), Section("Where reports differ", (difference,))),
        "topics/energy.md",
    )


def test_the_text_page_exactly() -> None:
    """The layout, stated whole: dates in the rule under the title, the title running into its
    first point, bullets at the margin, the legend in the closing rule, the last line."""
    lines, notes = _text(_briefing([_differences_topic()]))
    assert lines == [
        "Title",
        "== As of 2026-01-02 · Event date 2025-03-18 " + "=" * 32,
        "Bottom line: The bottom line.",
        "=" * 76,
        "ENERGY • The pause covers energy sites. [Alpha]",
        "• Talks go on at sea. [Alpha, Beta]",
        "≠ Length: thirty days [Alpha]; no term given [Beta]",
        "",
        "-- ≠ where reports differ · [ ] the outlets that report each point " + "-" * 9,
        "Title, as of 2026-01-02. In full (1 topic, 2 claims, 1 difference).",
    ]
    assert notes == ()


def test_the_legend_explains_only_the_marks_on_the_page() -> None:
    lines, _ = _text(_briefing([_topic("plain", ["No difference here."])]))
    text = "\n".join(lines)
    assert "≠" not in text
    assert f"-- {OUTLETS_LEGEND} --" in text
    with_difference, _ = _text(_briefing([_differences_topic()]))
    assert any(line.startswith(f"-- {LEGEND} --") for line in with_difference)


def test_fixture_prints_everything_with_outlets() -> None:
    lines, notes = _text(load_briefing(FIXTURE))
    _assert_page(lines)
    text = "\n".join(lines)
    assert lines[0] == "Test briefing"
    assert "As of 2026-01-02 · Event date 2025-03-18" in text
    assert "Bottom line: Alpha agreed to pause; beta did not." in text
    assert "ENERGY • The pause covers energy sites. [Alpha]" in text  # unmarked: its first claim
    assert "≠ Length: thirty days [Alpha]; no term given [Beta]." in text
    assert notes == () and "Not on this page" not in text


def test_ten_thousand_topics_name_a_few_and_count_the_rest() -> None:
    lines, notes = _text(make_synthetic_briefing(10_000))
    _assert_page(lines)
    left_out = next(line for line in lines if line.startswith("Not on this page: "))
    text = " ".join(lines[lines.index(left_out) :])
    assert " more topics." in text and "Topic 1 " not in text
    assert any(note.startswith("Not on this page: ") for note in notes)


def test_wide_characters_stay_within_76_cells() -> None:
    cjk = "俄罗斯总统普京与美国总统特朗普通电话，同意暂停对能源设施的打击三十天。" * 3
    lines, _ = _text(_briefing([_topic("wide", [cjk, "ascii " * 30])]))
    _assert_page(lines)
    assert any("俄罗斯" in line for line in lines)
    assert max(cell_len(line) for line in lines) >= 74  # wide lines are filled, not short


def test_outlet_tags_are_not_broken_across_lines() -> None:
    sources = [_source("alpha", "LATimes/AP"), _source("beta", "USLive")]
    lines, _ = _text(_briefing([_topic("t", ["word " * 12 + "end."], ("alpha", "beta"))], sources))
    assert any("[LATimes/AP, USLive]" in line for line in lines)


def test_untrusted_text_passes_through_as_text() -> None:
    nasty = "[bold red]not markup[/] <script>alert(1)</script> *stars* \x1b[2J"
    lines, _ = _text(_briefing([_topic("t", [nasty])]))
    text = "\n".join(lines)
    assert "[bold red]not markup[/]" in text and "<script>" in text
    assert "\x1b" not in text


def test_long_single_claim_is_cut_visibly_and_reported() -> None:
    lines, notes = _text(_briefing([_topic("t", ["word " * 400])]))
    _assert_page(lines)
    assert any(line.rstrip().endswith("… [Alpha]") for line in lines)
    assert any("long point" in note for note in notes)
