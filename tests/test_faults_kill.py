"""`kill -9` in the middle of compiling a content folder and of bringing its store up to date:
the next command answers exactly as a store built from nothing would, and no worker process
outlives the one that started it. The kill is the process's own, at a named point
(`BRIEFING_STOP_AT`, `briefing.store.stops`)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import time
from pathlib import Path

import pytest
from faults_probe import briefing_command, fresh_answers, probe, same_answers, survivors

from briefing.loading.paths import bundled_content_dir
from briefing.store.compile import PARALLEL_FROM
from devkit.synthetic import write_synthetic_content

KILLED = -signal.SIGKILL
#: Enough topics for the first compile and the index build to run in worker processes.
LARGE_TOPICS = PARALLEL_FROM


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> tuple[Path, dict]:
    """A briefing parsed in parallel on a first load (small topics: the count matters), and its
    fresh answers."""
    folder = write_synthetic_content(tmp_path_factory.mktemp("large") / "content", LARGE_TOPICS, claims_per_topic=2)
    return folder, fresh_answers(folder)


def no_survivors(cache: Path) -> None:
    deadline = time.monotonic() + 5  # a watching worker looks for its parent once a second
    while (left := survivors(str(cache))) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in left:  # ours (they carry the marker): gone before the test says so
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    assert not left, f"processes outlived their parent: {left}"


def edit(folder: Path) -> None:
    """An author's save of several files at once: one changed, one added, one removed."""
    energy = folder / "topics" / "energy-truce.md"
    energy.write_text(energy.read_text(encoding="utf-8").replace("Energy truce", "Energy pause"), encoding="utf-8")
    hockey = (folder / "topics" / "hockey.md").read_text(encoding="utf-8")
    hockey = re.sub(r"^title: .*$", "title: Hockey again", hockey, count=1, flags=re.MULTILINE)
    hockey = re.sub(r"^order: .*$", "order: 99", hockey, count=1, flags=re.MULTILINE)
    (folder / "topics" / "hockey-again.md").write_text(hockey, encoding="utf-8")
    (folder / "topics" / "kursk.md").unlink()


@pytest.mark.parametrize(
    "point",
    [
        "parallel-chunk:2",  # the parent, with workers running, after two chunks came back
        "sync-file-row:200",  # half the files written, the 200th known but its topic not yet
    ],
)
def test_killed_during_a_first_compile(point, large, tmp_path):
    folder, fresh = large
    cache = tmp_path / "cache"
    killed = briefing_command(["check", str(folder)], cache, BRIEFING_STOP_AT=point)
    assert killed.returncode == KILLED, killed.stderr
    no_survivors(cache)
    same_answers(probe(folder, cache), fresh)


def test_a_worker_killed_during_a_compile_is_finished_without_it(large, tmp_path):
    folder, fresh = large
    cache = tmp_path / "cache"
    done = briefing_command(["check", str(folder)], cache, BRIEFING_STOP_AT="worker-chunk:2")
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    same_answers(probe(folder, cache), fresh)


def test_killed_while_the_search_index_is_built(large, tmp_path):
    folder, fresh = large
    cache = tmp_path / "cache"
    assert briefing_command(["check", str(folder)], cache).returncode in (0, 1)
    killed = briefing_command(
        ["--content", str(folder), "search", "energy"], cache, BRIEFING_STOP_AT="parallel-chunk:2"
    )
    assert killed.returncode == KILLED, killed.stderr
    no_survivors(cache)
    same_answers(probe(folder, cache), fresh)


@pytest.mark.parametrize(
    "point",
    [
        "sync-file-row:2",  # the second changed file known, its topic not yet written
        "sync-before-commit",  # every row, the index and the problems written, but not committed
    ],
)
def test_killed_during_an_incremental_update(point, tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), folder)
    cache = tmp_path / "cache"
    probe(folder, cache)  # a store, indexed, of the folder before the save
    edit(folder)
    killed = briefing_command(["--content", str(folder), "search", "energy"], cache, BRIEFING_STOP_AT=point)
    assert killed.returncode == KILLED, killed.stderr
    same_answers(probe(folder, cache), fresh_answers(folder))
