"""The compiled store: the same briefing as the loader, only changed files parsed again, and a
store that breaks, locks or ages is rebuilt (or worked around) without losing anything."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.loading.loader import load_briefing
from briefing.model import ContentError
from briefing.store import compile as compile_module
from briefing.store import database
from briefing.store.database import store_path
from briefing.store.open import open_briefing, refresh

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def content(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("BRIEFING_NO_CACHE", raising=False)
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", folder)
    return folder


def same_briefing(stored, loaded) -> None:
    assert stored.header == loaded.header
    assert stored.outline == loaded.outline
    assert stored.sources == loaded.sources
    assert stored.problems == loaded.problems
    for entry in loaded.outline:
        assert stored.topic(entry.id) == loaded.topic(entry.id)


@pytest.mark.parametrize("fixture", ["minimal", "broken", "hostile", "search"])
def test_the_store_holds_what_the_loader_loads(fixture, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = FIXTURES / fixture
    cold, _ = open_briefing(folder)
    warm, _ = open_briefing(folder)
    same_briefing(cold, load_briefing(folder))
    same_briefing(warm, load_briefing(folder))


def test_the_bundled_briefing_too(tmp_path, monkeypatch):
    from briefing.loading.paths import bundled_content_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    stored, _ = open_briefing(bundled_content_dir())
    loaded = load_briefing(bundled_content_dir())
    same_briefing(stored, loaded)
    for source in loaded.sources:
        assert [c.id for c in stored.claims_citing(source.id)] == [c.id for c in loaded.claims_citing(source.id)]


def compiled_paths(monkeypatch) -> list[str]:
    """Record every file the store parses."""
    seen: list[str] = []
    original = compile_module.compile_file

    def recording(root, stat):
        seen.append(stat.path)
        return original(root, stat)

    monkeypatch.setattr(compile_module, "compile_file", recording)
    return seen


def test_an_edit_parses_that_file_only(content, monkeypatch):
    open_briefing(content)
    parsed = compiled_paths(monkeypatch)
    topic = content / "topics" / "energy.md"
    topic.write_text(topic.read_text().replace("The pause starts at once.", "The pause starts tomorrow."))
    os.utime(topic, ns=(1, 1))  # even a file whose time went backwards
    briefing, _ = open_briefing(content)
    assert parsed == ["topics/energy.md"]
    assert "The pause starts tomorrow." in [claim.text for claim in briefing.topic("energy").claims]


def test_a_touched_file_with_the_same_bytes_is_not_parsed(content, monkeypatch):
    open_briefing(content)
    parsed = compiled_paths(monkeypatch)
    os.utime(content / "topics" / "energy.md", ns=(5, 5))
    _, store = open_briefing(content)
    assert parsed == []
    assert refresh(store) is None  # and nothing is left to do


def test_added_and_removed_files_are_seen(content):
    _, store = open_briefing(content)
    (content / "topics" / "more.md").write_text("---\ntitle: More\norder: 3\nsummary: s\n---\n- x [@alpha]\n")
    briefing, changed = refresh(store)
    assert changed.changed == {"topics/more.md"} and briefing.topic("more") is not None
    (content / "topics" / "more.md").unlink()
    briefing, changed = refresh(store)
    assert changed.removed == {"topics/more.md"} and briefing.topic("more") is None
    assert [entry.id for entry in briefing.outline] == [entry.id for entry in load_briefing(content).outline]


def test_an_edit_another_process_synced_first_still_reaches_this_one(content):
    """Two apps open on one folder (or an app and `check --watch`): the first to notice a save
    brings the store up to date; the other must still show it, and search it."""
    from briefing.search import SearchIndex

    shown, ours = open_briefing(content)
    before = SearchIndex.for_briefing(shown).search("pause")  # this process now caches index state
    assert "more" not in {hit.topic_id for hit in before}
    _, theirs = open_briefing(content)
    (content / "topics" / "more.md").write_text(
        "---\ntitle: More\norder: 3\nsummary: s\n---\n- Zamboni drivers took a pause. [@alpha]\n"
    )
    assert refresh(theirs) is not None  # the other process got there first

    briefing, changed = refresh(ours)
    assert not changed  # nothing left for this process to parse…
    assert briefing.topic("more") is not None  # …yet it sees the new topic
    assert [hit.topic_id for hit in SearchIndex.for_briefing(briefing).search("zamboni")][:1] == ["more"]
    assert "more" in {hit.topic_id for hit in SearchIndex.for_briefing(briefing).search("pause")}
    assert refresh(ours) is None  # and once seen, nothing more to report


def test_removing_a_source_makes_its_citations_problems(content):
    _, store = open_briefing(content)
    source = next((content / "sources").glob("*.md"))
    source.unlink()
    briefing, _ = refresh(store)
    assert briefing.problems == load_briefing(content).problems
    assert any(f"unknown source `@{source.stem}`" in problem.message for problem in briefing.problems)


def test_a_new_badly_named_file_is_a_problem_at_once(content):
    _, store = open_briefing(content)
    (content / "topics" / "Bad Name.md").write_text("---\ntitle: B\norder: 9\nsummary: s\n---\n- x [@alpha]\n")
    briefing, _ = refresh(store)
    assert "file name must be lowercase letters, digits and hyphens" in {p.message for p in briefing.problems}


def test_a_warm_start_does_not_import_the_parsers(content, tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    script = (
        "import sys\nfrom briefing.store.open import open_briefing\n"
        f"briefing, _ = open_briefing({str(content)!r})\n"
        "briefing.topic('energy')\n"
        "print(any(m.startswith(('markdown_it', 'yaml')) for m in sys.modules))\n"
    )
    runs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True) for _ in "ab"]
    assert [run.stdout.strip() for run in runs] == ["True", "False"], [run.stderr for run in runs]


def test_missing_folder_raises_content_error(tmp_path):
    with pytest.raises(ContentError):
        open_briefing(tmp_path / "nowhere")


def test_removing_the_store_loses_nothing(content):
    open_briefing(content)
    for path in store_path(content).parent.iterdir():
        path.unlink()
    again, store = open_briefing(content)
    same_briefing(again, load_briefing(content))
    assert store.notices == []


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(b"not a database at all" * 100), id="garbage"),
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[:3000]), id="truncated"),
        pytest.param(lambda path: path.write_bytes(b""), id="empty"),
    ],
)
def test_a_damaged_store_is_rebuilt_with_one_notice(content, damage):
    _, store = open_briefing(content)
    store.close()
    path = store_path(content)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    damage(path)
    briefing, store = open_briefing(content)
    same_briefing(briefing, load_briefing(content))
    assert len(store.notices) <= 1
    if store.notices:
        assert "rebuilt" in store.notices[0]


def test_a_store_of_an_older_format_is_rebuilt(content):
    _, store = open_briefing(content)
    store.close()
    with sqlite3.connect(store_path(content)) as connection:
        connection.execute("PRAGMA user_version = 999")
    briefing, store = open_briefing(content)
    assert store.notices == ["the compiled briefing was of an older format; rebuilt it"]
    same_briefing(briefing, load_briefing(content))


def test_a_store_written_by_other_code_is_rebuilt(content, monkeypatch):
    open_briefing(content)[1].close()
    monkeypatch.setattr(database, "code_fingerprint", lambda: "another version")
    briefing, store = open_briefing(content)
    assert store.notices == ["the compiled briefing was written by another version of briefing; rebuilt it"]
    same_briefing(briefing, load_briefing(content))


def test_a_locked_store_is_worked_around_from_memory(content, monkeypatch):
    _, store = open_briefing(content)
    store.close()
    monkeypatch.setattr(database, "LOCK_WAIT_SECONDS", 0.05)
    holder = sqlite3.connect(store_path(content), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program writing, for longer than we wait
    try:
        (content / "topics" / "energy.md").write_text(
            (content / "topics" / "energy.md").read_text().replace("The pause starts at once.", "Changed.")
        )
        briefing, store = open_briefing(content)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert any("locked" in notice for notice in store.notices)
    same_briefing(briefing, load_briefing(content))


def test_two_processes_opening_one_briefing_at_once_both_work(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "search", folder)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    script = (
        "from briefing.store.open import open_briefing\n"
        f"briefing, store = open_briefing({str(folder)!r})\n"
        "print(len(briefing.outline), len(briefing.problems), store.notices)\n"
    )
    processes = [
        subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    outputs = [process.communicate(timeout=60) for process in processes]
    expected = load_briefing(folder)
    line = f"{len(expected.outline)} {len(expected.problems)} []"
    assert [out.decode().strip() for out, _ in outputs] == [line] * 3, [err.decode() for _, err in outputs]


def test_a_link_outside_the_content_folder_is_never_read(content, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\norder: 5\nsummary: s\n---\n- The secret. [@alpha]\n")
    (content / "topics" / "leak.md").symlink_to(secret)
    briefing, _ = open_briefing(content)
    assert briefing.topic("leak") is None
    assert ("topics/leak.md", "links outside the content folder: not read") in {
        (p.path, p.message) for p in briefing.problems
    }


def test_a_link_inside_the_folder_is_read(content):
    (content / "topics" / "again.md").symlink_to(content / "topics" / "energy.md")
    briefing, _ = open_briefing(content)
    assert briefing.topic("again") is not None


def test_an_unwritable_cache_folder_works_from_memory(content, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    briefing, _ = open_briefing(content)
    assert briefing.topic("energy") is not None


def test_a_store_damaged_while_open_falls_back_to_the_file(content):
    briefing, store = open_briefing(content)
    store.query("DROP TABLE bodies")  # as if the file went bad under a running app
    assert briefing.topic("energy") == load_briefing(content).topic("energy")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=1, max_value=255)), max_size=8))
def test_random_damage_never_stops_a_start(content, flips):
    _, store = open_briefing(content)
    store.close()
    path = store_path(content)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    for offset, value in flips:
        data[offset % len(data)] ^= value
    path.write_bytes(bytes(data))
    briefing, store = open_briefing(content)
    for entry in briefing.outline:
        briefing.topic(entry.id)
    store.close()


def test_citation_counts_come_from_the_store_and_match_the_claims(tmp_path, monkeypatch):
    from briefing.loading.paths import bundled_content_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    stored, _ = open_briefing(bundled_content_dir())
    loaded = load_briefing(bundled_content_dir())
    for source in loaded.sources:
        counts = stored.citations(source.id)
        assert counts == loaded.citations(source.id)
        assert sum(c.claims + c.differences for c in counts) == len(list(loaded.claims_citing(source.id)))


def test_a_store_that_holds_nothing_yet_is_filled_even_when_not_asked_to_look(content):
    briefing, store = open_briefing(content, up_to_date=False)
    assert store.has_synced()
    same_briefing(briefing, load_briefing(content))


def test_a_save_shares_the_unchanged_outline_entries(content):
    """A save makes a new outline; the entries of the topics it did not change are the last
    outline's own objects, so an app session does not hold two outlines' worth after each save
    (bench/save_memory_bench.py)."""
    before, store = open_briefing(content)
    topic = content / "topics" / "energy.md"
    topic.write_text(topic.read_text().replace("title: ", "title: New ", 1))
    refreshed = refresh(store)
    assert refreshed is not None
    after = {entry.id: entry for entry in refreshed[0].outline}
    assert after["energy"].title.startswith("New ")
    unchanged = [entry for entry in before.outline if entry.id != "energy"]
    assert unchanged and all(after[entry.id] is entry for entry in unchanged)


def test_a_briefing_taken_before_a_save_keeps_showing_what_it_was_taken_with(content):
    """A `Briefing` is one generation of the store: a save brings a new briefing; the one a
    screen still holds shows the old text, even for topics it had not read yet (no cache hit)."""
    old, store = open_briefing(content)
    energy = content / "topics" / "energy.md"
    energy.write_text(energy.read_text().replace("The pause starts at once.", "The pause starts tomorrow."))
    (content / "topics" / "more.md").write_text("---\ntitle: More\norder: 3\nsummary: s\n---\n- x [@alpha]\n")
    new, _ = refresh(store)

    old_claims = [claim.text for claim in old.topic("energy").claims]  # first read: after the save
    assert "The pause starts at once." in old_claims and "The pause starts tomorrow." not in old_claims
    assert "The pause starts tomorrow." in [claim.text for claim in new.topic("energy").claims]
    assert old.topic("more") is None and new.topic("more") is not None
    # What an outlet view reads is of the same generation: counts and claims.
    old_citing = [claim.text for claim in old.claims_citing("alpha")]
    assert "The pause starts at once." in old_citing and "The pause starts tomorrow." not in old_citing
    assert "more" in {c.topic_id for c in new.citations("alpha")}
    assert "more" not in {c.topic_id for c in old.citations("alpha")}

    energy.unlink()  # a second save: the old briefing still has its energy topic
    refresh(store)
    assert "The pause starts at once." in [claim.text for claim in old.topic("energy").claims]


def test_search_takes_the_index_the_briefing_declares(content):
    """The store ↔ search seam is `TopicLibrary.index_store()`: a stored briefing is searched
    through its store's index, one held in memory through an index built from its topics."""
    from briefing.model import Briefing
    from briefing.search import SearchIndex
    from briefing.search.index import MemoryIndex
    from briefing.store.search_index import SqliteIndex

    stored, _ = open_briefing(content)
    in_memory = Briefing.from_topics(stored.header, tuple(stored.iter_topics()), stored.sources)
    assert isinstance(SearchIndex.for_briefing(stored).store, SqliteIndex)
    assert isinstance(SearchIndex.for_briefing(in_memory).store, MemoryIndex)
    assert [hit.text for hit in SearchIndex.for_briefing(stored).search("pause")] == [
        hit.text for hit in SearchIndex.for_briefing(in_memory).search("pause")
    ]
