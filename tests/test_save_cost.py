"""A save costs what it changed, not what the briefing holds: the objects a save makes, counted.

An app session at 10,011 topics grew by ~21 MiB over 100 saves (bench/save_memory_bench.py), not
because anything was kept but because every save made a whole briefing's worth of short-lived
objects at once (every outline row read and decoded again, every file's row and digest held to
compare with the folder, a stat_result, a sorted copy and an id per file of the listing), and
Python's allocator kept the memory of that peak. Counted here in objects the collector tracks
(tuples, lists, dicts, instances: one per row read, per entry made), the most alive at once during
each step of a save, on one briefing and on one twice its size: a step that reads the whole
briefing shows the difference; one that reads what the save changed does not.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.store.open import open_briefing, snapshot
from briefing.store.scan import scan_folder
from devkit.clone import clone_content

#: Two sizes of the bundled briefing, cloned: 11 topics and 10 more per copy.
SMALL, LARGE = 20, 80


def peak_objects(call: Callable[[], object]) -> int:
    """The most objects (blocks of Python's allocator: tuples, strings, ints, dicts...) alive at
    once during `call`, beyond those alive before it, sampled at every function call and return
    (in C too: `fetchall`, `sorted`), with the collector held off meanwhile."""
    gc.collect()
    collecting = gc.isenabled()
    gc.disable()
    start = peak = sys.getallocatedblocks()

    def sample(frame, event, arg) -> None:
        nonlocal peak
        peak = max(peak, sys.getallocatedblocks())

    sys.setprofile(sample)
    try:
        call()
    finally:
        sys.setprofile(None)
        if collecting:
            gc.enable()
    return peak - start


def one_save(tmp_path: Path, copies: int) -> dict[str, int]:
    """Peak objects of each step of one save (the first word of a claim in capitals, then back)
    on the bundled briefing cloned `copies` times, after a first save that warms the caches."""
    content = clone_content(tmp_path / f"content-{copies}", copies)
    old, store = open_briefing(content)
    topic = sorted((content / "topics").glob("*.md"))[0]
    text = topic.read_text(encoding="utf-8")
    first = text.index("\n- ") + 3
    word = text[first:].split(" ", 1)[0]
    topic.write_text(text[:first] + word.upper() + text[first + len(word) :], encoding="utf-8")
    store.sync()
    flipped = snapshot(store)
    assert flipped.topic(topic.stem) != old.topic(topic.stem)  # the save was seen
    topic.write_text(text, encoding="utf-8")
    scan = scan_folder(store.root)
    figures = {
        "listing": peak_objects(lambda: scan_folder(store.root)),
        "plan": peak_objects(lambda: store._plan(scan)),
        "sync": peak_objects(store.sync),
        "snapshot": peak_objects(lambda: snapshot(store)),
        "files": len(scan.files),
    }
    assert snapshot(store).topic(topic.stem) == old.topic(topic.stem)  # and this one too
    store.close()
    return figures


@pytest.fixture(scope="module")
def saves(tmp_path_factory) -> tuple[dict[str, int], dict[str, int]]:
    folder = tmp_path_factory.mktemp("save-cost")
    return one_save(folder, SMALL), one_save(folder, LARGE)


#: What the count varies by between two runs of the same step, whatever the size (a few hundred
#: blocks: caches of the sqlite3 module and of the interpreter); a step that reads every topic
#: makes several objects per topic, thousands more on the larger briefing.
NOISE = 300


def test_the_new_briefing_reads_only_the_topics_the_save_rewrote(saves):
    """`snapshot` after a save: the outline's entries and places are the last ones where the save
    left them as they were. Before: every outline row read, ~10 objects a topic."""
    small, large = saves
    assert large["snapshot"] - small["snapshot"] < NOISE, (small, large)


def test_comparing_the_folder_with_the_store_holds_no_row_of_an_unchanged_file(saves):
    """`Store._plan`: the stored rows are compared as they are read. Before: every file's row
    with its digest, held in a dict, ~6 objects a file."""
    small, large = saves
    assert large["plan"] - small["plan"] < NOISE, (small, large)


def test_a_sync_keeps_nothing_of_the_files_a_save_did_not_touch(saves):
    """`Store.sync` stats every file (the watcher does not say which changed) but keeps none of
    those the store holds as they are: the listing counts them. Before: every file listed, then
    every file's row, ~26 objects a file at once."""
    small, large = saves
    assert large["sync"] - small["sync"] < NOISE, (small, large)


def test_a_full_listing_keeps_a_tuple_a_file_and_little_else(saves):
    """`scan_folder` told nothing of the store (a first load, or a sync that finds a file gone)
    keeps per file a tuple, its path and its two figures (~4 objects). Before: a stat_result with
    its figures, a sorted copy's tuple, a dataclass with its dict, an id and a table of ids,
    ~21 objects a file."""
    small, large = saves
    added = large["files"] - small["files"]
    assert large["listing"] - small["listing"] < 4.5 * added, (small, large)


def test_a_sync_that_lists_only_changed_files_still_sees_one_removed(tmp_path):
    """A file gone, another edited, one added, in one sync: the files the store holds as they
    are are only counted, so a removal shows as a count short, and the whole folder is listed."""
    content = clone_content(tmp_path / "content", 2)
    before, store = open_briefing(content)
    topics = sorted((content / "topics").glob("*.md"))
    topics[0].unlink()
    topics[1].write_text(topics[1].read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1))
    (content / "topics" / "added.md").write_text("---\ntitle: Added\norder: 99\nsummary: s\n---\n- x\n")
    changed = store.sync()
    assert changed.removed == {f"topics/{topics[0].name}"}
    assert changed.changed == {f"topics/{topics[1].name}", "topics/added.md"}
    after = snapshot(store)
    assert after.topic(topics[0].stem) is None and after.topic("added") is not None
    assert after.topic(topics[1].stem).title.startswith("Edited ")
    assert len(after.outline) == len(before.outline)


class _SyncBeforeRows:
    """The store's connection, with another process's sync run just before the outline reads
    its rows: the moment between reading the order of the topics and reading their rows."""

    def __init__(self, connection, other_sync: Callable[[], object]) -> None:
        self._connection = connection
        self._other_sync: Callable[[], object] | None = other_sync

    def execute(self, sql, *args):
        if "WHERE id IN" in sql and self._other_sync is not None:
            sync, self._other_sync = self._other_sync, None
            sync()
        return self._connection.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._connection, name)


def test_an_outline_is_one_state_of_the_store_while_another_process_syncs(tmp_path):
    """The order and the rows were separate reads: a topic removed by another process between
    them was still in the order and missing from the rows (KeyError)."""
    from briefing.store.store import Store

    content = clone_content(tmp_path / "content", 0)
    _, store = open_briefing(content)
    (content / "topics" / "hockey.md").unlink()
    other = Store(content, store.location)
    store._entries, store._order = {}, ((), {})  # nothing known: every row is read
    store._connection = _SyncBeforeRows(store._connection, other.sync)
    outline, places = store.outline()
    assert "hockey" in places  # the state the read began in, whole
    assert [entry.id for entry in outline] == list(places)
    store._connection = store._connection._connection
    assert "hockey" not in store.outline()[1]  # the next outline sees the sync
