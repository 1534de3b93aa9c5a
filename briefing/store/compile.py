"""Parse content files into the rows the store keeps, one file at a time, in parallel when many.

A `Compiled` record is plain strings and numbers, so worker processes hand it back cheaply and
the store writes it as is. The Markdown and YAML parsers are imported here only: a warm start,
which parses nothing, never loads them.
"""

from __future__ import annotations

import ctypes
import dataclasses
import hashlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TypeVar

from briefing.loading.parse import parse_briefing_file, parse_source_file, parse_topic_file
from briefing.loading.validate import check_claims
from briefing.model import Topic
from briefing.store import codec, stops
from briefing.store.scan import FileStat

T = TypeVar("T")
R = TypeVar("R")
#: Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 400
CHUNK = 64
#: How often a worker looks for its parent where the kernel cannot be asked to tell it.
PARENT_CHECK_SECONDS = 1.0
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
_in_worker = [False]  # set in each worker process as it starts


@dataclass(frozen=True)
class TopicRow:
    id: str
    path: str
    title: str
    order: int
    summary: str
    aliases: str  # codec.join_list
    claim_count: int
    difference_count: int
    body: str  # codec.encode_topic


@dataclass(frozen=True)
class Compiled:
    """What one file contributes to the store."""

    stat: FileStat
    digest: str  # sha256 of the bytes, "" when the file could not be read
    problems: str  # JSON, codec.encode_problems: this file's own problems
    topic: TopicRow | None = None  # a topic file, or the overview of briefing.md
    source: str | None = None  # codec.encode_source
    header: str | None = None  # codec.encode_header, for briefing.md
    cites: tuple[tuple[str, int, int, str], ...] = ()  # (source id, claims, differences, JSON lines)


def digest_of(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def compile_file(root: Path, stat: FileStat) -> Compiled:
    """One file's record. Its digest must be of the bytes parsed: a file saved again while it
    is read (an editor saving A, B, then A again) has none (""), so the next look at it parses
    it again rather than trust a digest of other bytes."""
    path = root / stat.path
    digest = digest_of(path)
    record = _compile(path, stat, digest)
    if digest_of(path) != digest:
        return dataclasses.replace(record, digest="")
    return record


def _compile(path: Path, stat: FileStat, digest: str) -> Compiled:
    if stat.kind == "source":
        source, problems = parse_source_file(path, stat.path, stat.item_id)
        encoded = codec.encode_source(source) if source else None
        return Compiled(stat, digest, codec.encode_problems(problems), source=encoded)
    if stat.kind == "topic":
        topic, problems = parse_topic_file(path, stat.path, stat.item_id)
        header = None
    else:
        parsed_header, topic, problems = parse_briefing_file(path)
        header = codec.encode_header(parsed_header)
    if topic is None:
        return Compiled(stat, digest, codec.encode_problems(problems), header=header)
    problems = problems + check_claims(topic)
    return Compiled(stat, digest, codec.encode_problems(problems), _row(topic), header=header, cites=_cites(topic))


def _row(topic: Topic) -> TopicRow:
    differences = len(topic.differences)
    return TopicRow(
        topic.id,
        topic.path,
        topic.title,
        topic.order,
        topic.summary,
        codec.join_list(topic.aliases),
        len(topic.claims) - differences,
        differences,
        codec.encode_topic(topic),
    )


def _cites(topic: Topic) -> tuple[tuple[str, int, int, str], ...]:
    """Per cited outlet: how many claims and differences cite it, and on which lines."""
    counts: dict[str, list] = {}
    for claim in topic.claims:
        for source_id in claim.source_ids:
            entry = counts.setdefault(source_id, [0, 0, []])
            entry[1 if claim.is_difference else 0] += 1
            entry[2].append(claim.line)
    return tuple((source_id, c, d, codec.dumps(lines)) for source_id, (c, d, lines) in counts.items())


def _compile_chunk(root: Path, stats: Sequence[FileStat]) -> list[Compiled]:
    if _in_worker[0]:
        stops.point("worker-chunk")
    return [compile_file(root, stat) for stat in stats]


def compile_files(
    root: Path, stats: Sequence[FileStat], progress: Callable[[int], None] | None = None
) -> Iterator[Compiled]:
    """Compile `stats`, yielding records in order as they are ready; `progress(n)` after each n."""
    return in_parallel(partial(_compile_chunk, root), stats, progress)


def in_parallel(
    work: Callable[[Sequence[T]], list[R]], items: Sequence[T], progress: Callable[[int], None] | None = None
) -> Iterator[R]:
    """`work` over chunks of `items` in worker processes when there are many (in order), else
    here; `work` must be picklable (a module-level function, or a partial of one)."""
    done = 0  # chunks handed back so far
    context = _worker_context()
    chunks = [items[start : start + CHUNK] for start in range(0, len(items), CHUNK)]
    if context is not None and len(items) >= PARALLEL_FROM:
        try:
            with ProcessPoolExecutor(
                max_workers=min(os.cpu_count() or 2, 8),
                mp_context=context,
                initializer=die_with_parent,
                initargs=(os.getpid(),),
            ) as pool:
                for chunk, results in zip(chunks, pool.map(work, chunks), strict=True):
                    yield from results
                    done += 1
                    stops.point("parallel-chunk")
                    if progress:
                        progress(len(chunk))
            return
        except (BrokenProcessPool, OSError, ValueError):
            # No workers to be had here (a ValueError: no real stderr to hand them, as inside the
            # app): finish in this process. A bug in `work` raises again below, as it should.
            pass
    for chunk in chunks[done:]:
        results = work(chunk)
        yield from results
        if progress:
            progress(len(chunk))


def die_with_parent(parent: int) -> None:
    """A worker's first act: ask the kernel to kill it when its parent dies (Linux), and watch
    for that elsewhere, so no worker is left behind when the process that started it is killed
    (it would wait for work forever, or block writing results nobody reads)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)
    _in_worker[0] = True
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watch").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _worker_context() -> BaseContext | None:
    """How to start workers: forked (fast) while this process runs one thread (a command, or the
    app before it starts); spawned (safe beside threads) otherwise; none on a single core.

    Threads are counted as the system sees them where it says (Linux): a thread started outside
    Python is one too. `check --watch` follows the folder through watchfiles, whose thread
    Python does not list; forking beside it (600 files saved at once) is what Python 3.12+
    warns about ("use of fork() may lead to deadlocks in the child"), and rightly. Spawned
    workers cannot take the forkserver's way round it: their parent must be this process
    (`die_with_parent`)."""
    if (os.cpu_count() or 1) < 2:
        return None
    if "fork" in get_all_start_methods() and _threads() == 1:
        return get_context("fork")
    return get_context("spawn")


def _threads() -> int:
    """This process's threads: all of them where the system lists them, else Python's own."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()
