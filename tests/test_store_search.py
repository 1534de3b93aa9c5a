"""The search index kept in the compiled store: the same hits as an index built in memory, kept
in step when a file changes, built once (not by every process), never by `check`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.search import SearchIndex
from briefing.store.open import open_briefing, refresh

FIXTURES = Path(__file__).parent / "fixtures"
QUERIES = [
    "how many POWs",
    "wounded prisoners",
    "who backed the hockey plan",
    "length of the call",
    "zaporizhzhia share of power",
    "ceasfire",
    "zelenskyy",
    "kremlin readout iran",
    "atomic energy agency",
    "conditional on kyiv",
    "p",
    "hock",
    "[bold",
]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("BRIEFING_NO_CACHE", raising=False)
    return tmp_path / "cache"


def hits(index: SearchIndex, query: str) -> list[tuple]:
    return [(h.kind, h.topic_id, h.claim_id, h.source_id, h.text, h.score, h.spans) for h in index.search(query, 30)]


def same_hits(stored, loaded) -> None:
    on_disk, in_memory = SearchIndex.for_briefing(stored), SearchIndex.build(loaded)
    assert "Sqlite" in repr(on_disk.store) and "Memory" in repr(in_memory.store)
    for query in QUERIES:
        assert hits(on_disk, query) == hits(in_memory, query), query


def test_the_stored_index_answers_as_the_memory_one_does(cache):
    stored, _ = open_briefing(bundled_content_dir())
    same_hits(stored, load_briefing(bundled_content_dir()))


@pytest.mark.parametrize("fixture", ["search", "hostile", "broken"])
def test_on_the_fixtures_too(cache, fixture):
    stored, _ = open_briefing(FIXTURES / fixture)
    same_hits(stored, load_briefing(FIXTURES / fixture))


@pytest.fixture
def content(cache, tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), folder)
    return folder


def test_an_edit_is_searchable_and_what_it_removed_is_not(content):
    briefing, store = open_briefing(content)
    SearchIndex.for_briefing(briefing)  # built now
    topic = content / "topics" / "hockey.md"
    text = topic.read_text(encoding="utf-8")
    assert "KHL" in text
    topic.write_text(text.replace("KHL", "Zamboni league"), encoding="utf-8")
    briefing, _ = refresh(store)
    index = SearchIndex.for_briefing(briefing)
    assert any(hit.topic_id == "hockey" for hit in index.search("zamboni"))
    assert not any(hit.topic_id == "hockey" and "KHL" in hit.text for hit in index.search("KHL"))
    same_hits(briefing, load_briefing(content))


def test_removed_and_added_topics(content):
    briefing, store = open_briefing(content)
    SearchIndex.for_briefing(briefing)
    (content / "topics" / "kursk.md").unlink()
    (content / "topics" / "ferries.md").write_text(
        "---\ntitle: Ferries\norder: 40\nsummary: Boats.\n---\n- Ferries ran late. [@uslive]\n", encoding="utf-8"
    )
    briefing, _ = refresh(store)
    index = SearchIndex.for_briefing(briefing)
    assert not any(hit.topic_id == "kursk" for hit in index.search("kursk"))
    assert index.search("ferries")[0].topic_id == "ferries"
    same_hits(briefing, load_briefing(content))


def test_new_spellings_reindex_everything(content):
    briefing, store = open_briefing(content)
    SearchIndex.for_briefing(briefing)
    header = content / "briefing.md"
    header.write_text(
        header.read_text(encoding="utf-8").replace("variants:\n", "variants:\n  - [hockey, ice puck]\n"),
        encoding="utf-8",
    )
    briefing, _ = refresh(store)
    assert any(hit.topic_id == "hockey" for hit in SearchIndex.for_briefing(briefing).search("ice puck"))
    same_hits(briefing, load_briefing(content))


def test_check_does_not_build_the_index_and_search_builds_it_once(content, cache):
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "briefing", "--content", str(content), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert run("check").returncode == 0
    _, store = open_briefing(content)
    assert store.query("SELECT value FROM meta WHERE key = 'indexed'") != [("yes",)]
    first = run("search", "hockey")
    assert first.returncode == 0 and "Hockey" in first.stdout
    assert store.query("SELECT value FROM meta WHERE key = 'indexed'") == [("yes",)]
    assert run("search", "hockey").stdout == first.stdout


def test_two_processes_searching_a_new_store_at_once_both_answer(content, cache):
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = [sys.executable, "-m", "briefing", "--content", str(content), "search", "175", "--json"]
    processes = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert all(process.returncode == 0 for process in processes), [err.decode() for _, err in outputs]
    assert len({out for out, _ in outputs}) == 1


def test_a_query_asks_once_whether_another_process_changed_the_index(content):
    """A search reads a few hundred rows; whether another process committed since is asked once,
    at its start (`SqliteIndex.reading`), and a commit made between two searches is still seen."""
    briefing, _store = open_briefing(content)
    index = SearchIndex.for_briefing(briefing)
    asked: list[str] = []
    index.store._db.set_trace_callback(asked.append)
    assert index.search("prisoners exchange wounded")
    assert sum("data_version" in statement for statement in asked) == 1
    assert sum(statement.lstrip().upper().startswith("SELECT") for statement in asked) > 10
    index.store._db.set_trace_callback(None)

    # Another process edits and syncs the same store; the next search here follows it.
    topic = content / "topics" / "hockey.md"
    topic.write_text(topic.read_text(encoding="utf-8").replace("KHL", "Zamboni league"), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "briefing", "--content", str(content), "search", "zamboni"],
        check=True,
        capture_output=True,
        env={**os.environ},
    )
    assert any(hit.topic_id == "hockey" for hit in index.search("zamboni"))
