"""Parse content files into the rows the store keeps, one file at a time, in parallel when many.

A `Compiled` record is plain strings and numbers, so worker processes hand it back cheaply and
the store writes it as is. The Markdown and YAML parsers are imported here only: a warm start,
which parses nothing, never loads them.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

from briefing.loading.parse import parse_briefing_file, parse_source_file, parse_topic_file
from briefing.loading.validate import check_claims
from briefing.model import Topic
from briefing.search.documents import header_documents, source_documents, topic_documents
from briefing.search.variants import VariantTable
from briefing.store import codec
from briefing.store.scan import FileStat
from briefing.store.search_index import Prepared

#: Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 400
CHUNK = 64


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
    documents: tuple[Prepared, ...] = ()  # what search indexes of this file


def digest_of(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def compile_file(root: Path, stat: FileStat, variants: VariantTable) -> Compiled:
    """One file's rows. `variants` are the briefing's spellings, which search documents carry."""
    path = root / stat.path
    digest = digest_of(path)
    if stat.kind == "source":
        source, problems = parse_source_file(path, stat.path, stat.item_id)
        if source is None:
            return Compiled(stat, digest, codec.encode_problems(problems))
        documents = _prepared(source_documents(source, variants))
        return Compiled(
            stat, digest, codec.encode_problems(problems), source=codec.encode_source(source), documents=documents
        )
    documents: tuple[Prepared, ...] = ()
    if stat.kind == "topic":
        topic, problems = parse_topic_file(path, stat.path, stat.item_id)
        header = None
    else:
        parsed_header, topic, problems = parse_briefing_file(path)
        header = codec.encode_header(parsed_header)
        documents = _prepared(
            header_documents(parsed_header, topic is not None, VariantTable(parsed_header.variants), stat.path)
        )
        variants = VariantTable(parsed_header.variants)
    if topic is None:
        return Compiled(stat, digest, codec.encode_problems(problems), header=header, documents=documents)
    problems = problems + check_claims(topic)
    documents += _prepared(topic_documents(topic, variants))
    return Compiled(
        stat,
        digest,
        codec.encode_problems(problems),
        _row(topic),
        header=header,
        cites=_cites(topic),
        documents=documents,
    )


def _prepared(documents) -> tuple[Prepared, ...]:
    return tuple(Prepared.of(document) for document in documents)


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


def _compile_chunk(root: Path, stats: Sequence[FileStat], spellings: tuple[tuple[str, ...], ...]) -> list[Compiled]:
    variants = VariantTable(spellings)
    return [compile_file(root, stat, variants) for stat in stats]


def compile_files(
    root: Path,
    stats: Sequence[FileStat],
    spellings: tuple[tuple[str, ...], ...],
    progress: Callable[[int], None] | None = None,
) -> Iterator[Compiled]:
    """Compile `stats`, yielding records as they are ready; `progress(n)` after each n files."""
    done = 0
    if _can_fork() and len(stats) >= PARALLEL_FROM:
        chunks = [stats[start : start + CHUNK] for start in range(0, len(stats), CHUNK)]
        try:
            with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 2, 8), mp_context=get_context("fork")) as pool:
                for records in pool.map(_compile_chunk, [root] * len(chunks), chunks, [spellings] * len(chunks)):
                    yield from records
                    done += len(records)
                    if progress:
                        progress(len(records))
            return
        except (BrokenProcessPool, OSError):
            pass  # no workers to be had here: finish in this process
    variants = VariantTable(spellings)
    for stat in stats[done:]:
        yield compile_file(root, stat, variants)
        if progress:
            progress(1)


def _can_fork() -> bool:
    """Workers are forked, which is fast and safe only while this process runs a single thread
    (a command, or the app before it starts): otherwise files are parsed here, one by one."""
    return (os.cpu_count() or 1) > 1 and threading.active_count() == 1 and "fork" in get_all_start_methods()
