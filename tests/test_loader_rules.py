"""Every validation rule of the loader, each on a small folder written for the test.

Each test breaks one thing and checks the exact file, line and severity of the problem, and that
everything else still loads.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.loading.loader import ContentError, load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.model import Severity

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
GOOD_TOPIC = "---\ntitle: Good\norder: 5\nsummary: Still here.\n---\n- A fine claim. [@alpha]\n"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the minimal briefing plus one more valid topic, ready to be broken."""
    folder = tmp_path / "content"
    shutil.copytree(MINIMAL, folder)
    (folder / "topics" / "good.md").write_text(GOOD_TOPIC, encoding="utf-8")
    return folder


def problems_in(briefing, path: str) -> list[tuple[int, Severity, str]]:
    return [(p.line, p.severity, p.message) for p in briefing.problems if p.path == path]


def assert_rest_loads(briefing) -> None:
    ids = {topic.id for topic in briefing.iter_topics()}
    assert {"overview", "energy", "good"} <= ids
    assert briefing.topic("good").claims[0].text == "A fine claim."


def write(content: Path, name: str, text: str | bytes) -> None:
    path = content / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def test_minimal_fixture_is_clean():
    briefing = load_briefing(MINIMAL)
    assert briefing.problems == ()
    energy = briefing.topic("energy")
    assert [c.text for c in energy.key_claims] == ["The pause covers energy sites.", "The pause starts at once."]
    difference = energy.differences[0]
    assert difference.label == "Length"
    assert [part.source_ids for part in difference.parts if part.source_ids] == [("alpha",), ("beta",)]
    assert difference.line == 12


def test_bundled_content_has_no_problems():
    briefing = load_briefing(bundled_content_dir())
    assert [p.format() for p in briefing.problems] == []
    assert len(briefing.outline) >= 7
    assert {s.id for s in briefing.sources} == {
        "uslive",
        "ninaworldnews",
        "usdailyonline",
        "projectpatriot",
        "latimes-ap",
    }
    for claim in briefing.claims():
        assert claim.source_ids, claim.id
    for topic in briefing.iter_topics():
        for difference in topic.differences:
            assert len(set(difference.source_ids)) >= 2, difference.id


def test_unknown_citation(content):
    write(content, "topics/bad.md", "---\ntitle: Bad\norder: 9\nsummary: x\n---\n- One. [@alpha]\n- Two. [@nobody]\n")
    briefing = load_briefing(content)
    [(line, severity, message)] = problems_in(briefing, "topics/bad.md")
    assert (line, severity) == (7, Severity.ERROR)
    assert "unknown source `@nobody`" in message
    assert briefing.topic("bad").claims[1].source_ids == ()  # dropped, so consumers can resolve ids
    assert_rest_loads(briefing)


def test_uncited_claim(content):
    write(content, "topics/bad.md", "---\ntitle: Bad\norder: 9\nsummary: x\n---\n\n- Nobody said this.\n")
    [(line, severity, message)] = problems_in(load_briefing(content), "topics/bad.md")
    assert (line, severity) == (7, Severity.ERROR) and "cites no outlet" in message


@pytest.mark.parametrize(
    "front_matter, line, expected",
    [
        ("title: Bad\nsummary: x", 1, "missing `order`"),  # points at the opening ---
        ("title: Bad\norder: two\nsummary: x", 3, "`order` must be a whole number"),
        ("title: [a, b]\norder: 1\nsummary: x", 2, "`title` must be text"),
        ("title: Bad\norder: 1\nsummary: x\naliases: {a: b}", 5, "`aliases` must be a list"),
        ("title: Bad\norder: true\nsummary: x", 3, "`order` must be a whole number"),
    ],
)
def test_front_matter_fields(content, front_matter, line, expected):
    write(content, "topics/bad.md", f"---\n{front_matter}\n---\n- Claim. [@alpha]\n")
    briefing = load_briefing(content)
    found = problems_in(briefing, "topics/bad.md")
    assert any(at == line and s is Severity.ERROR and expected in m for at, s, m in found), found
    assert_rest_loads(briefing)


def test_duplicate_ids_and_orders(content):
    write(content, "topics/overview.md", "---\ntitle: Clash\norder: 7\nsummary: x\n---\n- C. [@alpha]\n")
    write(content, "topics/twin.md", "---\ntitle: Twin\norder: 5\nsummary: x\n---\n- C. [@alpha]\n")
    briefing = load_briefing(content)
    assert any("duplicate id `overview`" in m for _, _, m in problems_in(briefing, "topics/overview.md"))
    assert [(s, m) for _, s, m in problems_in(briefing, "topics/twin.md")] == [
        (Severity.WARNING, "`order: 5` is also used by topics/good.md")
    ]
    assert_rest_loads(briefing)


def test_bad_yaml_points_at_its_line(content):
    write(content, "topics/bad.md", "---\ntitle: Bad\norder: 1\nsummary: [unclosed\n---\n- C. [@alpha]\n")
    [(line, severity, message)] = problems_in(load_briefing(content), "topics/bad.md")
    assert severity is Severity.ERROR and message.startswith("front matter:")
    assert line in (4, 5)


@pytest.mark.parametrize("front_matter", ["- a\n- b", "just a sentence"])
def test_front_matter_must_be_a_mapping(content, front_matter):
    write(content, "topics/bad.md", f"---\n{front_matter}\n---\n- C. [@alpha]\n")
    [(line, severity, message)] = problems_in(load_briefing(content), "topics/bad.md")
    assert (line, severity) == (2, Severity.ERROR) and "must be `key: value` lines" in message


def test_yaml_aliases_are_refused(content):
    """How fast is measured in bench/loader_bench.py; here, that the bomb is refused and said so."""
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    write(content, "topics/bad.md", f"---\n{bomb}---\n- C. [@alpha]\n")
    briefing = load_briefing(content)
    found = problems_in(briefing, "topics/bad.md")
    assert any(severity is Severity.ERROR and "aliases" in m for _, severity, m in found)
    assert_rest_loads(briefing)


def test_not_utf8_reports_the_line_of_the_bad_byte(content):
    write(content, "topics/bad.md", b"---\ntitle: Bad\norder: 1\nsummary: x\n---\n- Caf\xe9 [@alpha]\n")
    briefing = load_briefing(content)
    [(line, severity, message)] = problems_in(briefing, "topics/bad.md")
    assert (line, severity) == (6, Severity.ERROR) and "not valid UTF-8 (byte 0xe9)" in message
    assert_rest_loads(briefing)


def test_utf16_with_bom(content):
    write(content, "topics/bad.md", GOOD_TOPIC.encode("utf-16"))
    [(line, _, message)] = problems_in(load_briefing(content), "topics/bad.md")
    assert line == 1 and "UTF-16" in message


def test_control_characters_and_escapes_are_reported_and_removed(content):
    write(
        content,
        "topics/bad.md",
        "---\ntitle: Bad\norder: 1\nsummary: x\n---\n- Clear \x1b[2J screen. [@alpha]\n- Bell\x07 [@alpha]\n",
    )
    briefing = load_briefing(content)
    found = problems_in(briefing, "topics/bad.md")
    assert [(at, s) for at, s, _ in found] == [(6, Severity.ERROR), (7, Severity.ERROR)]
    assert "escape character" in found[0][2]
    texts = [c.text for c in briefing.topic("bad").claims]
    assert texts == ["Clear [2J screen.", "Bell"]
    assert all("\x1b" not in t and "\x07" not in t for t in texts)


def test_bidi_overrides_are_reported_and_removed(content):
    write(content, "topics/bad.md", "---\ntitle: Bad\norder: 1\nsummary: x\n---\n- abc\u202edef [@alpha]\n")
    briefing = load_briefing(content)
    [(line, _, message)] = problems_in(briefing, "topics/bad.md")
    assert line == 6 and "U+202E" in message
    assert briefing.topic("bad").claims[0].text == "abcdef"


def test_empty_topic(content):
    write(
        content,
        "topics/bad.md",
        "---\ntitle: Empty\norder: 9\nsummary: x\n---\n\nJust nothing.[@alpha]\n".replace(
            "Just nothing.[@alpha]\n", ""
        ),
    )
    [(_, severity, message)] = problems_in(load_briefing(content), "topics/bad.md")
    assert severity is Severity.ERROR and "no claims" in message


@pytest.mark.parametrize(
    "claim, expected",
    [("- A [@] b", "malformed citation"), ("- A [@a b] c", "malformed citation"), ("- A [@alpha", "unclosed citation")],
)
def test_malformed_citations(content, claim, expected):
    write(content, "topics/bad.md", f"---\ntitle: Bad\norder: 9\nsummary: x\n---\n{claim}\n")
    found = problems_in(load_briefing(content), "topics/bad.md")
    assert any(at == 6 and expected in m for at, _, m in found), found


def test_missing_folder_raises_content_error(tmp_path):
    with pytest.raises(ContentError):
        load_briefing(tmp_path / "nowhere")


def test_missing_briefing_md_and_folders(tmp_path):
    (tmp_path / "empty").mkdir()
    briefing = load_briefing(tmp_path / "empty")
    paths = {p.path for p in briefing.errors}
    assert paths == {"briefing.md", "topics", "sources"}


def test_symlink_loop_and_folder_named_like_a_file(content):
    os.symlink(content / "topics" / "loop.md", content / "topics" / "loop.md")
    (content / "topics" / "dir.md").mkdir()
    briefing = load_briefing(content)
    assert any("cannot read" in m for _, _, m in problems_in(briefing, "topics/loop.md"))
    assert any("is a folder" in m for _, _, m in problems_in(briefing, "topics/dir.md"))
    assert_rest_loads(briefing)


def test_huge_file_is_refused(content):
    """How fast is measured in bench/loader_bench.py; here, that it is refused and said so."""
    write(content, "topics/huge.md", "---\ntitle: Huge\norder: 9\nsummary: x\n---\n" + "- x [@alpha]\n" * 500_000)
    briefing = load_briefing(content)
    [(_, severity, message)] = problems_in(briefing, "topics/huge.md")
    assert severity is Severity.ERROR and "the limit is 1,000,000" in message
    assert_rest_loads(briefing)


def test_very_long_line_and_many_topics(content):
    long_claim = "word " * 4000
    write(content, "topics/long.md", f"---\ntitle: Long\norder: 9\nsummary: x\n---\n- {long_claim}[@alpha]\n")
    for number in range(1000):
        write(
            content,
            f"topics/t{number:04d}.md",
            f"---\ntitle: T{number}\norder: {100 + number}\nsummary: x\n---\n- C{number}. [@beta]\n",
        )
    briefing = load_briefing(content)
    assert briefing.errors == ()
    assert len(briefing.outline) == 1004
    assert len(briefing.topic("long").claims[0].text) >= 19_999


def test_problem_format():
    from briefing.model import Problem

    assert Problem("topics/a.md", 3, Severity.ERROR, "bad").format() == "topics/a.md:3: error: bad"
    assert Problem("topics", 0, Severity.WARNING, "odd").format() == "topics: warning: odd"


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


def test_check_cli_clean_broken_and_missing(tmp_path):
    clean = run_cli("check", str(MINIMAL))
    assert clean.returncode == 0 and "0 errors" in clean.stdout
    broken = run_cli("check", str(Path(__file__).parent / "fixtures" / "broken"))
    assert broken.returncode == 1
    lines = [line for line in broken.stdout.splitlines() if ": error: " in line]
    assert lines[0] == "topics/broken.md:3: error: `order` must be a whole number, not str"
    assert len(lines) == 5
    missing = run_cli("check", str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr and "content folder not found" in missing.stderr


def test_check_cli_folder_from_option_and_environment():
    broken = str(Path(__file__).parent / "fixtures" / "broken")
    assert run_cli("--content", broken, "check").returncode == 1
    assert run_cli("check", env={"BRIEFING_CONTENT": broken}).returncode == 1
    assert run_cli("check", env={"BRIEFING_CONTENT": str(MINIMAL)}).returncode == 0


def _with_other_names(content: Path, block: str) -> None:
    text = (content / "briefing.md").read_text(encoding="utf-8")
    write(content, "briefing.md", text.replace("variants:\n", f"other_names:\n{block}variants:\n", 1))


def test_other_names_load_and_each_problem_is_at_its_group(content):
    # Lines 6-9 of briefing.md: the key, then one group per line.
    _with_other_names(content, "  - [Russia, Moscow, Kremlin]\n  - [Kyiv]\n  - [US, Moscow]\n")
    briefing = load_briefing(content)
    assert briefing.header.other_names == (("Russia", "Moscow", "Kremlin"), ("US", "Moscow"))
    assert problems_in(briefing, "briefing.md") == [
        (8, Severity.WARNING, "`other_names`: `Kyiv` gives no other name; list them after it"),
        (9, Severity.WARNING, "`other_names`: `Moscow` stands for two things: russia and US"),
    ]
    assert_rest_loads(briefing)


def test_other_names_of_the_wrong_shape_are_an_error_at_the_key(content):
    _with_other_names(content, "  Russia: Moscow\n")
    briefing = load_briefing(content)
    assert briefing.header.other_names == ()
    assert problems_in(briefing, "briefing.md") == [
        (6, Severity.ERROR, "`other_names` must be a list of lists, like `- [Kyiv, Kiev]`")
    ]
    assert_rest_loads(briefing)


def test_the_bundled_briefing_declares_other_names_readers_use():
    names = {group[0]: group[1:] for group in load_briefing(bundled_content_dir()).header.other_names}
    assert "Moscow" in names["Russia"] and "Washington" in names["US"] and "envoy" in names["Witkoff"]


def test_a_claim_that_points_back_is_named_in_a_warning(content: Path):
    # Search shows a claim alone: "He said…" tells the reader nothing of who, nor "those talks"
    # which talks. A warning each, and the claims load as written; "There was…" and a quote's
    # own "these" are no pointers.
    claims = (
        "- He said so twice. [@alpha]\n"
        "- There was no sign of it. [@alpha]\n"
        "- The Middle East was where those talks would start. [@alpha]\n"
        '- Moscow said "these claims are false". [@alpha]\n'
    )
    write(content, "topics/good.md", GOOD_TOPIC + claims)
    briefing = load_briefing(content)
    advice = "search and side by side show it alone; name who or what it is about"
    assert problems_in(briefing, "topics/good.md") == [
        (7, Severity.WARNING, f'claim leans on the one before ("He"): {advice}'),
        (9, Severity.WARNING, f'claim leans on the one before ("those talks"): {advice}'),
    ]
    assert [claim.text for claim in briefing.topic("good").claims][1] == "He said so twice."
    assert_rest_loads(briefing)
