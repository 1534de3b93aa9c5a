"""Load a content folder into one immutable `Briefing`, collecting every problem on the way.

A broken file never stops the others: what is valid loads, and the problems travel with the
briefing so the CLI can print them and the app can show them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from briefing.loading.layout import BRIEFING_FILE, SOURCES_DIR, TOPICS_DIR, id_problem
from briefing.loading.parse import parse_briefing_file, parse_source_file, parse_topic_file
from briefing.loading.validate import check_topic, duplicate_orders, without_unknown_citations
from briefing.model import OVERVIEW_ID, Briefing, ContentError, Problem, Severity, Source, reading_order


def load_briefing(root: Path | str) -> Briefing:
    """Load the briefing in `root`. Raises only `ContentError`, when there is no folder to read."""
    root = Path(root)
    if not root.exists():
        raise ContentError(f"{root}: content folder not found")
    if not root.is_dir():
        raise ContentError(f"{root}: not a folder; give the folder that holds {BRIEFING_FILE}")
    problems: list[Problem] = []
    sources: list[Source] = []
    for source_id, path, shown_as in content_files(root, SOURCES_DIR, {}, problems):
        source, found = parse_source_file(path, shown_as, source_id)
        problems += found
        if source is not None:
            sources.append(source)
    header, overview, found = parse_briefing_file(root / BRIEFING_FILE)
    problems += found
    topics = [overview] if overview else []
    for topic_id, path, shown_as in content_files(root, TOPICS_DIR, {OVERVIEW_ID: BRIEFING_FILE}, problems):
        topic, found = parse_topic_file(path, shown_as, topic_id)
        problems += found
        if topic is not None:
            topics.append(topic)
    topics.sort(key=reading_order)
    source_ids = {source.id for source in sources}
    for topic in topics:
        problems += check_topic(topic, source_ids)
    problems += duplicate_orders(topics)
    problems.sort(key=lambda p: (p.path, p.line))
    return Briefing.from_topics(
        header,
        (without_unknown_citations(topic, source_ids) for topic in topics),
        sources,
        problems,
        str(root),
    )


def content_files(
    root: Path, folder: str, seen: dict[str, str], problems: list[Problem]
) -> Iterator[tuple[str, Path, str]]:
    """(id, path, path as shown) for every `*.md` of a folder whose name makes a valid, unused id."""
    directory = root / folder
    if not directory.is_dir():
        problems.append(Problem(folder, 0, Severity.ERROR, f"folder `{folder}/` is missing: create it"))
        return
    try:
        paths = sorted(directory.glob("*.md"))
    except OSError as exc:
        problems.append(Problem(folder, 0, Severity.ERROR, f"cannot list the folder ({exc.strerror})"))
        return
    for path in paths:
        shown_as = f"{folder}/{path.name}"
        file_id = path.stem
        if bad_name := id_problem(file_id, shown_as):
            problems.append(bad_name)
        elif file_id in seen:
            problems.append(Problem(shown_as, 0, Severity.ERROR, f"duplicate id `{file_id}` (also {seen[file_id]})"))
        else:
            seen[file_id] = shown_as
            yield file_id, path, shown_as
