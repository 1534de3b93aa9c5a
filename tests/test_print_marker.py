"""The key-point marker: `{key}` at the end of a claim puts it on the handout.

Parsed out of the text (no screen, page or search index sees it), carried on `Claim.key_point`,
and checked by `briefing check`, which reports every misuse with its file and line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.model import KEY_DIFFERENCES_PER_TOPIC, KEY_POINTS_PER_TOPIC, Briefing, Severity
from briefing.search import SearchIndex
from devkit.synthetic import make_synthetic_briefing, write_briefing

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
HEAD = "---\ntitle: Marked\norder: 2\nsummary: Marked claims.\n---\n"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(MINIMAL, folder)
    return folder


def _topic(content: Path, body: str) -> Path:
    path = content / "topics" / "marked.md"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def _problems(briefing, path: str = "topics/marked.md") -> list[tuple[int, Severity, str]]:
    return [(p.line, p.severity, p.message) for p in briefing.problems if p.path == path]


def test_a_marked_claim_is_a_key_point_and_the_marker_is_not_text(content: Path) -> None:
    _topic(
        content,
        "- Plain claim. [@alpha]\n"
        "- Marked claim with 175 in it. [@alpha; @beta] {key}\n"
        "- Spelled loosely. [@beta] { KEY }\n"
        "\n## Where reports differ\n\n"
        "- **Term**: thirty days [@alpha]; none [@beta]. {key}\n",
    )
    briefing = load_briefing(content)
    assert _problems(briefing) == []
    topic = briefing.topic("marked")
    assert [claim.key_point for claim in topic.claims] == [False, True, True, True]
    assert [claim.text for claim in topic.key_claims] == [
        "Plain claim.",
        "Marked claim with 175 in it.",
        "Spelled loosely.",
    ]
    difference = topic.differences[0]
    assert (difference.label, difference.text, difference.source_ids) == (
        "Term",
        "thirty days; none.",
        ("alpha", "beta"),
    )
    assert not any("{" in part.text or "key" in part.text.lower() for claim in topic.claims for part in claim.parts)


def test_search_never_sees_the_marker(content: Path) -> None:
    _topic(content, "- Marked claim about hockey. [@alpha] {key}\n")
    index = SearchIndex.build(load_briefing(content))
    assert index.search("key") == []
    hits = index.search("hockey")
    assert [hit.text for hit in hits] == ["Marked claim about hockey."]


@pytest.mark.parametrize(
    ("body", "line", "severity", "message"),
    [
        ("- {key}\n", 6, Severity.ERROR, "`{key}` marks a claim with no text: write the claim"),
        ("- [@alpha] {key}\n", 6, Severity.ERROR, "`{key}` marks a claim with no text: write the claim"),
        ("- A claim {key} in the middle. [@alpha]\n", 6, Severity.WARNING, "`{key}` goes at the end of the claim"),
        ("- Twice. [@alpha] {key} {key}\n", 6, Severity.WARNING, "`{key}` given more than once in one claim"),
        ("## A heading {key}\n\n- A claim. [@alpha]\n", 6, Severity.WARNING, "`{key}` marks claims, not a heading"),
    ],
)
def test_misplaced_markers_are_reported(content: Path, body: str, line: int, severity: Severity, message: str) -> None:
    _topic(content, body)
    found = _problems(load_briefing(content))
    assert any(found_line == line and kind is severity and text.startswith(message) for found_line, kind, text in found)


def test_more_marked_than_the_handout_shows_is_a_warning_at_the_first_left_off(content: Path) -> None:
    points = "".join(f"- Point {n}. [@alpha] {{key}}\n" for n in range(KEY_POINTS_PER_TOPIC + 1))
    differences = "".join(
        f"- **D{n}**: one [@alpha]; other [@beta]. {{key}}\n" for n in range(KEY_DIFFERENCES_PER_TOPIC + 1)
    )
    _topic(content, points + "\n## Where reports differ\n\n" + differences)
    found = _problems(load_briefing(content))
    first_point_left_off = 6 + KEY_POINTS_PER_TOPIC
    first_difference_left_off = 6 + KEY_POINTS_PER_TOPIC + 1 + 3 + KEY_DIFFERENCES_PER_TOPIC
    assert found == [
        (
            first_point_left_off,
            Severity.WARNING,
            f"{KEY_POINTS_PER_TOPIC + 1} key points marked `{{key}}` in this topic; the handout shows the first "
            f"{KEY_POINTS_PER_TOPIC}: unmark the others",
        ),
        (
            first_difference_left_off,
            Severity.WARNING,
            f"{KEY_DIFFERENCES_PER_TOPIC + 1} differences marked `{{key}}` in this topic; the handout shows the "
            f"first {KEY_DIFFERENCES_PER_TOPIC}: unmark the others",
        ),
    ]


def test_a_marker_in_an_outlets_description_is_reported_and_removed(content: Path) -> None:
    path = content / "sources" / "alpha.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nA second paragraph. {key}\n", encoding="utf-8")
    briefing = load_briefing(content)
    assert _problems(briefing, "sources/alpha.md") == [
        (13, Severity.WARNING, "`{key}` marks claims in topics, not an outlet's description")
    ]
    assert briefing.source("alpha").paragraphs[-1] == "A second paragraph."


def _check(folder: Path) -> subprocess.CompletedProcess:
    env = {**os.environ}
    env.pop("BRIEFING_CONTENT", None)
    return subprocess.run(
        [sys.executable, "-m", "briefing", "check", str(folder)], capture_output=True, text=True, timeout=60, env=env
    )


def test_briefing_check_lists_marker_misuse_with_file_and_line(content: Path) -> None:
    _topic(content, "- Fine. [@alpha] {key}\n- {key}\n- Middle {key} here. [@beta]\n")
    result = _check(content)
    assert result.returncode == 1, result.stdout  # the empty marked claim is an error
    lines = result.stdout.splitlines()
    assert "topics/marked.md:7: error: `{key}` marks a claim with no text: write the claim" in lines
    assert "topics/marked.md:8: warning: `{key}` goes at the end of the claim, after its citations" in lines
    assert not any(":6:" in line for line in lines)  # the well-placed marker is fine


def test_the_bundled_briefing_marks_within_the_limits_and_checks_clean() -> None:
    result = _check(bundled_content_dir())
    assert result.returncode == 0 and result.stdout.splitlines()[-1].endswith("0 errors, 0 warnings"), result.stdout
    briefing = load_briefing(bundled_content_dir())
    marked = {topic.id: [claim for claim in topic.claims if claim.key_point] for topic in briefing.iter_topics()}
    # Every topic but the overview (whose bottom line stands for it) chooses its handout entry.
    assert [topic_id for topic_id, claims in marked.items() if not claims] == ["overview"]


def test_written_content_round_trips_the_marker(tmp_path: Path) -> None:
    briefing = make_synthetic_briefing(2)
    topic = briefing.topic_at(1)
    key, *rest = topic.sections[0].claims
    marked = replace(topic, sections=(replace(topic.sections[0], claims=(replace(key, key_point=True), *rest)),))
    topics = [marked if t.id == marked.id else t for t in briefing.iter_topics()]
    folder = write_briefing(Briefing.from_topics(briefing.header, topics, briefing.sources), tmp_path / "content")
    loaded = load_briefing(folder)
    assert loaded.problems == ()
    reloaded = loaded.topic(marked.id)
    assert [claim.key_point for claim in reloaded.claims] == [True] + [False] * (len(marked.claims) - 1)
    assert [claim.text for claim in reloaded.claims] == [claim.text for claim in marked.claims]
