"""`briefing search`: plain and JSON output, exit codes, no Textual import."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from briefing.cli import main

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
SEARCH = Path(__file__).parent / "fixtures" / "search"


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True, encoding="utf-8", timeout=60
    )


def test_json_output_fields():
    result = run_cli("--content", str(MINIMAL), "search", "pause", "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    first = hits[0]
    assert set(first) == {
        "kind",
        "topic_id",
        "topic",
        "claim_id",
        "text",
        "label",
        "sides",
        "outlets",
        "source_ids",
        "file",
        "line",
        "score",
    }
    assert first["kind"] == "claim"
    assert first["topic_id"] == "energy" and first["topic"] == "Energy"
    assert first["claim_id"] == "energy/0.0"
    assert first["text"] == "The pause covers energy sites."
    assert first["outlets"] == ["Alpha News"] and first["source_ids"] == ["alpha"]
    assert first["file"] == "topics/energy.md" and first["line"] == 7
    assert isinstance(first["score"], float)
    assert first["label"] == "" and first["sides"] == []  # a claim is not split into sides
    kinds = {hit["kind"] for hit in hits}
    assert "overview" in kinds  # the bottom line says "pause" too


def test_json_gives_each_side_of_a_difference_its_own_outlets():
    result = run_cli("--content", str(MINIMAL), "search", "thirty", "--json")
    assert result.returncode == 0, result.stderr
    (difference,) = [hit for hit in json.loads(result.stdout) if hit["kind"] == "difference"]
    assert difference["label"] == "Length"
    assert difference["sides"] == [
        {"text": "thirty days", "outlets": ["Alpha News"], "source_ids": ["alpha"]},
        {"text": "no term given", "outlets": ["Beta News"], "source_ids": ["beta"]},
    ]
    # The whole entry and every outlet it cites stay, for readers of the old fields.
    assert difference["text"] == "Length: thirty days; no term given."
    assert difference["outlets"] == ["Alpha News", "Beta News"]


def test_a_difference_line_names_each_sides_outlets_after_that_side():
    result = run_cli("--content", str(MINIMAL), "search", "length")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Energy › Length: thirty days [Alpha News]; no term given [Beta News]"


def test_plain_output_lines():
    result = run_cli("--content", str(MINIMAL), "search", "pause")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Energy › The pause covers energy sites.  [Alpha News]"
    assert "Test briefing › Alpha agreed to pause; beta did not." in lines


def test_several_words_and_limit(capsys):
    assert main(["--content", str(SEARCH), "search", "ceasefire", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert main(["--content", str(SEARCH), "search", "KHL", "welcomed"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "Hockey matches › The KHL said it welcomed the idea.  [The Daily Ledger]"
    )


def test_content_is_printed_verbatim_not_as_markup(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    (content / "topics" / "markup.md").write_text(
        "---\ntitle: Markup [bold]x[/bold]\norder: 2\nsummary: s\n---\n"
        "- A claim with [red]brackets[/red] inside. [@alpha]\n",
        encoding="utf-8",
    )
    assert main(["--content", str(content), "search", "brackets"]) == 0
    out = capsys.readouterr().out
    assert "Markup [bold]x[/bold] › A claim with [red]brackets[/red] inside.  [Alpha News]" in out


def test_no_match_exits_1():
    result = run_cli("--content", str(MINIMAL), "search", "zzyzx")
    assert result.returncode == 1
    assert result.stdout == ""
    result = run_cli("--content", str(MINIMAL), "search", "zzyzx", "--json")
    assert result.returncode == 1 and json.loads(result.stdout) == []


def test_missing_folder_exits_2_without_traceback(tmp_path):
    missing = tmp_path / "nowhere"
    result = run_cli("--content", str(missing), "search", "pause")
    assert result.returncode == 2
    assert "content folder not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_content_problems_get_a_one_line_note(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(MINIMAL, content)
    (content / "topics" / "broken.md").write_text(
        "---\ntitle: Broken\norder: 3\nsummary: s\n---\n- Uncited pause claim.\n", encoding="utf-8"
    )
    result = run_cli("--content", str(content), "search", "pause")
    assert result.returncode == 0
    assert result.stderr.strip() == "briefing search: 1 problem in content; run `briefing check`"
    assert "Uncited pause claim." in result.stdout
