"""Input nobody planned for: hostile content files and generated garbage, for the loader, the
search and the printed page. Nothing may crash, and no markup or escape may take effect."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from briefing.loading.loader import ContentError, load_briefing
from briefing.search import SearchIndex

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = FIXTURES / "hostile"
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def every_text(briefing) -> list[str]:
    texts = [briefing.title, briefing.bottom_line]
    for topic in briefing.iter_topics():
        texts += [topic.title, topic.summary, *topic.aliases]
        texts += [claim.text for claim in topic.claims] + [claim.label for claim in topic.claims]
    for source in briefing.sources:
        texts += [source.outlet, source.short, source.headline, source.byline, source.note, *source.paragraphs]
    return texts


def test_hostile_fixture_loads_with_only_the_removals_reported():
    briefing = load_briefing(HOSTILE)
    assert [p.format() for p in briefing.problems] == [
        "briefing.md:10: error: an escape character (ESC, a terminal escape sequence) removed: delete it from the file",
        "topics/scripts.md:8: error: a bidirectional override U+202E removed: delete it from the file",
    ]
    assert briefing.title == "[bold red]Hostile[/] briefing"
    assert briefing.topic_at(0).claims[0].text == "A claim with [/] and [0] and [bold in it."
    assert briefing.source("mark").outlet == "[bold]Markup[/bold] Times"
    assert "[red]alias[/red]" in briefing.topic("scripts").aliases
    assert not any(UNSAFE.search(text) for text in every_text(briefing))


def test_hostile_queries_over_hostile_content():
    index = SearchIndex.build(load_briefing(HOSTILE))
    for query in ["[bold", "[/]", "[0]", "\\", ".*", "(", "東京", "مرحبا", "👩", " " * 50, "x" * 10_000, "\x1b[2J"]:
        hits = index.search(query, limit=20)
        assert isinstance(hits, list)
    assert index.search("[0]", limit=5), "a literal bracketed word is searchable"


def test_printed_summary_keeps_markup_literal_and_has_no_escapes():
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "--content", str(HOSTILE), "print"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "[bold red]Hostile[/] briefing" in result.stdout
    assert "\x1b" not in result.stdout


@given(data=st.binary(max_size=400))  # examples: the profile in conftest.py
def test_any_bytes_as_a_topic_file(data):
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "content"
        shutil.copytree(FIXTURES / "minimal", folder)
        (folder / "topics" / "fuzz.md").write_bytes(data)
        briefing = load_briefing(folder)
        assert briefing.topic("energy") is not None, "the valid topic still loads"
        assert not any(UNSAFE.search(text) for text in every_text(briefing))


yaml_ish = st.text(
    alphabet=st.sampled_from([*list("abcdefghij:-[]{}&*!|>'\"#@ \n\t,0123456789."), "\u202e", "\x1b", "é"]),
    max_size=200,
)
markdown_ish = st.lists(
    st.sampled_from([*list("ab [@]*_;\\`#-\n>|"), "alpha", "beta", "[@alpha]", "## Where reports differ\n", "\n- "]),
    max_size=80,
).map("".join)


@given(front_matter=yaml_ish, body=markdown_ish)
def test_any_front_matter_and_body(front_matter, body):
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "content"
        shutil.copytree(FIXTURES / "minimal", folder)
        (folder / "topics" / "fuzz.md").write_text(f"---\n{front_matter}\n---\n{body}", encoding="utf-8")
        try:
            briefing = load_briefing(folder)
        except ContentError:  # the one documented error; never for a readable folder
            raise AssertionError("ContentError for a readable folder") from None
        assert briefing.topic("energy") is not None
        for problem in briefing.problems:
            assert problem.path and problem.line >= 0 and problem.message
        SearchIndex.build(briefing).search(body[:40], limit=5)
