"""The library from the command line, as a reader uses it: `briefing new`, `add`, `list`,
`search --all`; exit codes, one-line errors, and no Textual import on any of them.

Every test has a library of its own (`BRIEFING_LIBRARY`) and the session's private cache
(`XDG_CACHE_HOME`, tests/conftest.py): nothing is written to the real home folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def library(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "library"
    monkeypatch.setenv("BRIEFING_LIBRARY", str(folder))
    monkeypatch.delenv("BRIEFING_CONTENT", raising=False)
    return folder


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=cwd,
        env=os.environ.copy(),
    )


def test_new_writes_a_briefing_that_passes_check_with_every_field_explained(library, tmp_path):
    result = run_cli("new", str(tmp_path / "kursk-talks"))
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "kursk-talks"
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*.md")) == [
        "briefing.md",
        "sources/example-outlet.md",
        "topics/first-topic.md",
    ]
    check = run_cli("check", "--content", str(folder))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 errors, 0 warnings" in check.stdout
    # Each front-matter field has a comment line just above it.
    for path in folder.rglob("*.md"):
        front = path.read_text(encoding="utf-8").split("---")[1].splitlines()
        for number, line in enumerate(front):
            if line and not line.startswith((" ", "#")):
                assert front[number - 1].startswith("#"), f"{path.name}: {line!r} has no comment"
    assert 'title: "Kursk talks"' in (folder / "briefing.md").read_text(encoding="utf-8")


def test_new_refuses_a_folder_that_is_not_empty(library, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli("new", str(tmp_path / "full"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"briefing new: {tmp_path / 'full'}: not empty; give a new folder"
    assert (tmp_path / "full" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_add_links_by_default_and_says_why_and_list_shows_it(library, tmp_path):
    content = shutil.copytree(FIXTURES / "minimal", tmp_path / "minimal")
    result = run_cli("add", str(content))
    assert result.returncode == 0, result.stderr
    linked = library / "minimal"
    assert linked.is_symlink() and linked.resolve() == content.resolve()
    assert result.stdout.startswith(f"linked {content} into {library} as 'minimal': edits to {content} show")
    listing = run_cli("list")
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert lines[0].split() == ["EVENT", "AS", "OF", "TOPICS", "CLAIMS", "PROBLEMS", "BRIEFING", "(folder)"]
    # Newest event first: the bundled briefing's and the fixture's are the same day; the later
    # as-of comes first.
    assert "Trump–Putin call" in lines[1] and "(bundled)" in lines[1]
    assert lines[2].split()[:5] == ["2025-03-18", "2026-01-02", "2", "3", "0"]
    assert lines[2].endswith("Test briefing (minimal)")
    assert lines[-1] == f"2 briefings; the library is {library}"
    # A link follows the author's edits.
    topic = content / "topics" / "energy.md"
    topic.write_text(
        topic.read_text(encoding="utf-8").replace("- The pause starts", "- One more. [@alpha]\n- The pause starts"),
        encoding="utf-8",
    )
    again = json.loads(run_cli("list", "--json").stdout)
    assert [entry["claims"] for entry in again if entry["name"] == "minimal"] == [4]


def test_add_copy_takes_a_snapshot(library, tmp_path):
    content = shutil.copytree(FIXTURES / "minimal", tmp_path / "minimal")
    result = run_cli("add", "--copy", str(content))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"copied {content} into {library} as 'minimal': a snapshot")
    copied = library / "minimal"
    assert not copied.is_symlink() and (copied / "briefing.md").is_file()
    shutil.rmtree(content)  # the snapshot does not care
    entries = json.loads(run_cli("list", "--json").stdout)
    assert [entry["title"] for entry in entries if entry["name"] == "minimal"] == ["Test briefing"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "nowhere", "no such folder"),
        (lambda tmp: (tmp / "empty").mkdir() or tmp / "empty", "no briefing.md here"),
    ],
    ids=["missing", "not-a-briefing"],
)
def test_add_refuses_what_is_not_a_briefing_in_one_line(library, tmp_path, make, message):
    folder = make(tmp_path)
    result = run_cli("add", str(folder))
    assert result.returncode == 2
    assert result.stderr.startswith(f"briefing add: {folder}: {message}")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_adding_the_same_briefing_twice_is_refused(library, tmp_path):
    content = shutil.copytree(FIXTURES / "minimal", tmp_path / "minimal")
    assert run_cli("add", str(content)).returncode == 0
    again = run_cli("add", str(content))
    assert again.returncode == 2
    assert again.stderr.strip() == f"briefing add: {content}: already on the shelf as 'minimal'"


def test_list_shows_a_broken_briefing_and_a_vanished_link_without_hiding_the_others(library, tmp_path):
    broken = shutil.copytree(FIXTURES / "broken", tmp_path / "broken")
    gone = shutil.copytree(FIXTURES / "minimal", tmp_path / "gone")
    assert run_cli("add", str(broken)).returncode == 0
    assert run_cli("add", str(gone)).returncode == 0
    shutil.rmtree(gone)
    entries = {entry["name"]: entry for entry in json.loads(run_cli("list", "--json").stdout)}
    assert set(entries) == {"bundled", "broken", "gone"}
    assert entries["broken"]["errors"] > 0 and entries["broken"]["topics"] > 0
    assert "content folder not found" in entries["gone"]["unreadable"]
    listing = run_cli("list").stdout.splitlines()
    assert listing[-2].endswith("(gone)"), "an unreadable briefing comes last"


def test_search_all_names_each_hits_briefing_and_outlets(library, tmp_path):
    content = shutil.copytree(FIXTURES / "minimal", tmp_path / "minimal")
    assert run_cli("add", str(content)).returncode == 0
    result = run_cli("search", "--all", "phone")
    assert result.returncode == 0, result.stderr
    briefings = {line.split(" » ")[0] for line in result.stdout.splitlines()}
    assert briefings == {"Test briefing", "Trump–Putin call on Ukraine, 18 March 2025"}
    assert "Test briefing » Overview › Alpha and beta spoke by phone.  [Alpha News, Beta News]" in result.stdout
    hits = json.loads(run_cli("search", "--all", "phone", "--json").stdout)
    ours = next(hit for hit in hits if hit["briefing"] == "Test briefing")
    assert ours["root"] == str(library / "minimal")
    assert ours["outlets"] == ["Alpha News", "Beta News"] and ours["claim_id"] and ours["file"] == "briefing.md"
    assert hits == sorted(hits, key=lambda hit: -hit["score"])


def test_search_all_with_no_hit_exits_1(library):
    result = run_cli("search", "--all", "xylophone")
    assert result.returncode == 1
    assert result.stderr.strip() == "briefing search: nothing in any briefing matches 'xylophone'"


@pytest.mark.parametrize(
    "args", [["list"], ["new", "{tmp}/fresh"], ["add", "{tmp}/minimal"], ["search", "--all", "phone"]], ids=str
)
def test_library_commands_never_import_textual(library, tmp_path, args):
    shutil.copytree(FIXTURES / "minimal", tmp_path / "minimal")
    argv = [arg.format(tmp=tmp_path) for arg in args]
    script = (
        "import sys, io, contextlib\nfrom briefing.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main({argv!r})\n"
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('textual',)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "[]"]
