"""`briefing check --against DIR`: quotes and figures of every claim are in the outlets it cites.

The outlet texts under `fixtures/against/texts/` are invented; `fixtures/against/content/` is clean
against them, and each test copies it and breaks one thing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from briefing.checking import AgainstError, check_against
from briefing.checking.against import figures_in, find_quotes, normalise, quote_found, values_in
from briefing.cli import main
from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.model import Severity

FIXTURES = Path(__file__).parent / "fixtures" / "against"
CONTENT = FIXTURES / "content"
TEXTS = FIXTURES / "texts"
REPO = Path(__file__).resolve().parent.parent
TOPIC_HEAD = "---\ntitle: Extra\norder: 2\nsummary: s\n---\n"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    return folder


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    shutil.copytree(TEXTS, folder)
    return folder


def add_topic(content: Path, *claims: str) -> None:
    """A topic whose claims start on line 6."""
    (content / "topics" / "extra.md").write_text(TOPIC_HEAD + "".join(f"- {c}\n" for c in claims), encoding="utf-8")


def problems(content: Path, texts: Path = TEXTS) -> list[str]:
    briefing = load_briefing(content)
    assert briefing.problems == ()
    return [p.format() for p in check_against(briefing, texts)]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, encoding="utf-8", timeout=60
    )


# --- the fixture briefing, clean --------------------------------------------------------------


def test_fixture_is_clean_against_its_texts():
    """Verbatim, curly vs straight, damaged "โ", a line break inside a quote, an ellipsis, a
    single-quoted passage, digits vs words both ways, "a quarter", an ordinal, the address."""
    assert problems(CONTENT) == []


# --- quotes -----------------------------------------------------------------------------------


def test_misquote_is_an_error_naming_the_outlets(content):
    add_topic(content, 'Quill said the deal "keeps every ferry in service". [@river; @wire]')
    assert problems(content) == [
        'topics/extra.md:6: error: quote "keeps every ferry in service" not found in river or wire'
    ]


def test_quote_must_be_in_an_outlet_it_cites_not_just_any(content):
    # harbour-gazette has these words, but the claim cites only river-post.
    add_topic(content, 'Quill said: "It is not everything we asked for". [@river]')
    assert problems(content) == [
        'topics/extra.md:6: error: quote "It is not everything we asked for" not found in river'
    ]


def test_curly_quotes_in_claim_match_straight_ones_in_text_and_back(content):
    add_topic(
        content,
        "Quill: “We have a deal that keeps every boat in service.” [@harbour]",
        'The union\'s secretary said it keeps "every boat in service". [@river]',
        'Brandt: "the board\'s word is good". [@river]',
    )
    assert problems(content) == []


def test_quote_containing_quotation_marks(content):
    add_topic(content, 'The report: ‘the deal "keeps every boat in service" and called it’. [@river]')
    assert problems(content) == []


def test_damaged_text_matches_quotes_apostrophes_and_dashes(content):
    add_topic(
        content,
        "Brandt: “We’ll hire forty deckhands—that’s our promise.” [@wire]",
        "The board's chair spoke of \"deckhands -- that's our promise\". [@wire]",
    )
    assert problems(content) == []
    add_topic(content, 'Brandt: "We\'ll hire more deckhands." [@wire]')
    assert problems(content) == ['topics/extra.md:6: error: quote "We\'ll hire more deckhands." not found in wire']


def test_whitespace_and_line_breaks_inside_a_quote(content):
    add_topic(content, 'Quill: "It  is not\n  everything we asked for". [@harbour]')
    assert problems(content) == []


def test_ellipsis_pieces_must_all_appear_in_order(content):
    add_topic(content, 'Quill: "We have a deal ... a start." [@harbour]')
    assert problems(content) == []
    add_topic(content, 'Quill: "a start … We have a deal" [@harbour]')
    assert problems(content) == ['topics/extra.md:6: error: quote "a start … We have a deal" not found in harbour']


def test_quote_is_matched_on_whole_words(content):
    add_topic(content, 'Quill said it "keeps every boat in serv". [@river]')
    assert problems(content) == ['topics/extra.md:6: error: quote "keeps every boat in serv" not found in river']


def test_quote_with_inner_apostrophe(content):
    add_topic(
        content,
        "Brandt called it ‘that’s our promise’. [@wire]",
        "The union’s secretary and the board’s chair both spoke. [@wire]",
    )
    assert problems(content) == []
    add_topic(content, "Brandt called it ‘that’s our pledge’. [@wire]")
    assert problems(content) == ['topics/extra.md:6: error: quote "that’s our pledge" not found in wire']


def test_each_side_of_a_difference_is_checked_against_its_own_outlets(content):
    add_topic(content, '**Words**: "a start, not the finish" [@harbour]; "a start" [@river].')
    assert problems(content) == ['topics/extra.md:6: error: quote "a start, not the finish" not found in harbour']


def test_unclosed_quotation_mark_is_a_warning(content):
    add_topic(content, 'Quill said "keeps every boat. [@river]')
    assert problems(content) == [
        "topics/extra.md:6: warning: unclosed quotation mark: close it so the quote can be checked"
    ]


# --- figures ----------------------------------------------------------------------------------


def test_figure_missing_is_the_exact_warning(content):
    add_topic(content, "The talks took roughly 90 minutes. [@harbour]")
    assert problems(content) == ["topics/extra.md:6: warning: 90 not found in harbour"]


def test_figure_in_digits_found_as_words_and_words_found_as_digits(content):
    add_topic(content, "The board will take on 40 deckhands. [@river; @wire]", "Twelve crossings stopped. [@harbour]")
    assert problems(content) == []
    add_topic(content, "The board will take on 41 deckhands. [@river]", "Thirteen crossings stopped. [@harbour]")
    assert problems(content) == [
        "topics/extra.md:6: warning: 41 not found in river",
        "topics/extra.md:7: warning: Thirteen not found in harbour",
    ]


def test_a_quarter_and_ordinals(content):
    add_topic(content, "Pay rises by a quarter on the 5th anniversary. [@harbour]")
    assert problems(content) == []
    add_topic(content, "Pay rises by a tenth on the sixth anniversary. [@harbour]")
    assert problems(content) == [
        "topics/extra.md:6: warning: a tenth not found in harbour",
        "topics/extra.md:6: warning: sixth not found in harbour",
    ]


def test_words_that_are_rarely_counts_are_not_figures(content):
    add_topic(content, "One report calls it a first step; the G7 was not involved, see https://x.example/99. [@river]")
    assert problems(content) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nearly three hours", [("three", {3})]),
        ("roughly 90 minutes", [("90", {90})]),
        ("the 11th anniversary", [("11", {11})]),
        ("the eleventh anniversary", [("eleventh", {11})]),
        ("almost a quarter of the power", [("a quarter", {Fraction(1, 4)})]),
        ("three quarters", [("three quarters", {Fraction(3, 4)})]),
        ("a third of them", [("a third", {Fraction(1, 3), 3})]),
        ("half the plant", [("half", {Fraction(1, 2)})]),
        ("a dozen boats", [("a dozen", {12})]),
        ("twenty-three soldiers", [("twenty-three", {23})]),
        ("one hundred and seventy-five prisoners", [("one hundred and seventy-five", {175})]),
        ("2,000 troops in 2016", [("2,000", {2000}), ("2016", {2016})]),
        ("the 30-day pause from 28 February", [("30", {30}), ("28", {28})]),
        ("one report, a first step, dozens of ships, thousands of people, the G7", []),
    ],
)
def test_what_counts_as_a_figure(text, expected):
    assert [(f.shown, set(f.values)) for f in figures_in(text)] == [
        (s, {Fraction(v) for v in vs}) for s, vs in expected
    ]


def test_an_outlet_text_counts_one_and_first_too():
    assert {Fraction(1), Fraction(28), Fraction(2025), Fraction(1000)} <= values_in("one of them, Feb. 28, 2025, 1,000")


def test_find_quotes_tells_quotation_marks_from_apostrophes():
    assert find_quotes("Ukraine’s view and he’d go; the leaders' view").quotes == ()
    assert find_quotes("the union's offer and the leaders' view").quotes == ()
    assert find_quotes("He called it ‘Ukraine’s future’ and 'a test'.").quotes == ("Ukraine’s future", "a test")
    assert find_quotes('“a” and "b"').quotes == ("a", "b")
    assert find_quotes('"open').unclosed


def test_thai_text_is_not_taken_for_damage():
    assert normalise("โรงเรียน") == "โรงเรียน"
    assert quote_found("Putin's cards", normalise("Putinโs cards"))


# --- the source files and the folder -----------------------------------------------------------


def test_source_without_text_file_is_a_warning_and_its_claims_are_skipped(content):
    path = content / "sources" / "river.md"
    path.write_text(path.read_text(encoding="utf-8").replace("text_file: river-post.txt\n", ""), encoding="utf-8")
    add_topic(content, 'A misquote of river: "not in any text". [@river]')
    assert problems(content) == [
        f"sources/river.md:1: warning: no `text_file`: claims citing @river are not checked against {TEXTS}"
    ]


def test_text_file_missing_from_the_folder_is_one_error(content, texts):
    (texts / "river-post.txt").unlink()
    assert problems(content, texts) == [f"sources/river.md:9: error: `text_file` river-post.txt not found in {texts}"]


def test_text_file_that_is_not_text_is_an_error(content, texts):
    (texts / "river-post.txt").write_bytes(b"\xff\xfe\x00binary")
    assert problems(content, texts) == ["sources/river.md:9: error: `text_file` river-post.txt is not UTF-8 text"]


@pytest.mark.parametrize("name", ["../secret.txt", "texts/river.txt", "..", "C:river.txt", "a\\\\b.txt"])
def test_text_file_must_be_a_plain_file_name(content, name):
    path = content / "sources" / "river.md"
    path.write_text(path.read_text(encoding="utf-8").replace("river-post.txt", f'"{name}"'), encoding="utf-8")
    briefing = load_briefing(content)
    assert [(p.path, p.line, p.severity) for p in briefing.problems] == [("sources/river.md", 9, Severity.ERROR)]
    assert "plain file name" in briefing.problems[0].message
    assert briefing.source("river").text_file == ""


def test_missing_folder_raises_against_error(tmp_path):
    with pytest.raises(AgainstError, match="not found"):
        check_against(load_briefing(CONTENT), tmp_path / "nope")


# --- the command line -------------------------------------------------------------------------


def test_cli_clean_run_exits_0_and_says_what_it_checked():
    result = run_cli("check", str(CONTENT), "--against", str(TEXTS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"{CONTENT}: 2 topics, 11 claims, 3 sources; checked against {TEXTS}; 0 errors, 0 warnings"
    ]


def test_cli_misquote_exits_1_with_the_exact_line(content):
    add_topic(
        content, 'Quill said the deal "keeps every ferry in service". [@river; @wire]', "About 90 boats. [@river]"
    )
    result = run_cli("check", str(content), "--against", str(TEXTS))
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        'topics/extra.md:6: error: quote "keeps every ferry in service" not found in river or wire',
        "topics/extra.md:7: warning: 90 not found in river",
    ]
    assert result.stdout.splitlines()[-1].endswith("1 error, 1 warning")


def test_cli_figure_warning_alone_exits_0(content):
    add_topic(content, "About 90 boats. [@river]")
    result = run_cli("check", str(content), "--against", str(TEXTS))
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "topics/extra.md:6: warning: 90 not found in river"


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_cli_unusable_folder_exits_2_with_one_line(tmp_path, kind):
    target = tmp_path / "texts"
    if kind == "file":
        target.write_text("not a folder", encoding="utf-8")
    result = run_cli("check", str(CONTENT), "--against", str(target))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"briefing check: --against {target}: ")
    assert "Traceback" not in result.stderr


# --- the bundled briefing against the real reports ---------------------------------------------


def _seeds_folder() -> Path | None:
    """$BRIEFING_SEEDS, else `shared/seeds` beside the checkout or beside a folder above it
    (a worktree sits deeper than the main checkout). A clean clone has none: the test skips."""
    if from_env := os.environ.get("BRIEFING_SEEDS"):
        return Path(from_env)
    for parent in REPO.parents:
        candidate = parent / "shared" / "seeds"
        if candidate.is_dir():
            return candidate
    return None


def test_bundled_briefing_is_clean_against_the_reports(capsys):
    seeds = _seeds_folder()
    if seeds is None:
        pytest.skip("no ../shared/seeds beside the checkout (set BRIEFING_SEEDS to the folder of outlet texts)")
    if not seeds.is_dir():
        pytest.skip(f"BRIEFING_SEEDS={seeds} is not a folder")
    assert main(["check", str(bundled_content_dir()), "--against", str(seeds)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].endswith("0 errors, 0 warnings"), "\n".join(out)
