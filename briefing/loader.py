"""Load a content folder into one immutable `Briefing`, collecting every problem on the way.

A broken file never stops the others: what is valid loads, and the problems travel with the
briefing so the CLI can print them and the app can show them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from briefing.body import ParsedDocument, parse_document
from briefing.files import read_content_file
from briefing.frontmatter import FrontMatter, parse_front_matter
from briefing.model import (
    OVERVIEW_ID,
    SOURCE_FIELDS,
    Briefing,
    Claim,
    ContentError,
    Problem,
    Section,
    Severity,
    Source,
    Topic,
)

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
BRIEFING_FILE = "briefing.md"
TOPICS_DIR = "topics"
SOURCES_DIR = "sources"
_BRIEFING_KEYS = {"title", "as_of", "event_date", "bottom_line", "variants"}
_TOPIC_KEYS = {"title", "order", "summary", "aliases"}
_SOURCE_KEYS = {"outlet", "short", "headline", "published", "byline", "address", "confirmed", "note", "text_file"}
# A plain file name: no folder part, no drive, not `.` or `..` (it is joined to `check --against DIR`).
_PLAIN_FILE_NAME = re.compile(r"^(?!\.\.?$)[^/\\:]+$")


def load_briefing(root: Path | str) -> Briefing:
    """Load the briefing in `root`. Raises only `ContentError`, when there is no folder to read."""
    root = Path(root)
    if not root.exists():
        raise ContentError(f"{root}: content folder not found")
    if not root.is_dir():
        raise ContentError(f"{root}: not a folder; give the folder that holds {BRIEFING_FILE}")
    problems: list[Problem] = []
    sources = _load_sources(root, problems)
    source_ids = {source.id for source in sources}
    overview, header = _load_overview(root, problems)
    topics = [overview] if overview else []
    topics += _load_topics(root, problems)
    topics.sort(key=lambda topic: (topic.id != OVERVIEW_ID, topic.order, topic.title.casefold()))
    for topic in topics:
        _check_topic(topic, source_ids, problems)
    problems.extend(_duplicate_orders(topics))
    problems.sort(key=lambda p: (p.path, p.line))
    return Briefing(
        title=header["title"],
        as_of=header["as_of"],
        event_date=header["event_date"],
        bottom_line=header["bottom_line"],
        topics=tuple(_without_unknown_citations(topic, source_ids) for topic in topics),
        sources=tuple(sources),
        variants=header["variants"],
        problems=tuple(problems),
        root=str(root),
    )


def _read(path: Path, shown_as: str, problems: list[Problem]) -> tuple[ParsedDocument, FrontMatter] | None:
    text, read_problems = read_content_file(path, shown_as)
    problems.extend(read_problems)
    if text is None:
        return None
    document = parse_document(text, shown_as)
    problems.extend(document.problems)
    if document.front_matter is None:
        problems.append(
            Problem(shown_as, 1, Severity.ERROR, "no front matter: start the file with a `---` block")
        )
        return None
    front_matter, yaml_problems = parse_front_matter(
        document.front_matter, document.front_matter_line, shown_as
    )
    problems.extend(yaml_problems)
    if front_matter is None:
        return None
    return document, front_matter


def _content_files(root: Path, folder: str, problems: list[Problem]) -> list[Path]:
    directory = root / folder
    if not directory.is_dir():
        problems.append(Problem(folder, 0, Severity.ERROR, f"folder `{folder}/` is missing: create it"))
        return []
    try:
        return sorted(directory.glob("*.md"))
    except OSError as exc:
        problems.append(Problem(folder, 0, Severity.ERROR, f"cannot list the folder ({exc.strerror})"))
        return []


def _file_id(path: Path, shown_as: str, seen: dict[str, str], problems: list[Problem]) -> str | None:
    file_id = path.stem
    if not _ID.match(file_id):
        problems.append(
            Problem(shown_as, 0, Severity.ERROR, "file name must be lowercase letters, digits and hyphens")
        )
        return None
    if file_id in seen:
        problems.append(
            Problem(shown_as, 0, Severity.ERROR, f"duplicate id `{file_id}` (also {seen[file_id]})")
        )
        return None
    seen[file_id] = shown_as
    return file_id


def _parsed_files(
    root: Path, folder: str, seen: dict[str, str], problems: list[Problem]
) -> Iterator[tuple[str, str, ParsedDocument, FrontMatter]]:
    """(id, path as shown, document, front matter) for every readable file of a folder."""
    for path in _content_files(root, folder, problems):
        shown_as = f"{folder}/{path.name}"
        file_id = _file_id(path, shown_as, seen, problems)
        parsed = _read(path, shown_as, problems) if file_id else None
        if parsed is not None and file_id is not None:
            yield file_id, shown_as, *parsed


def _load_sources(root: Path, problems: list[Problem]) -> list[Source]:
    sources: list[Source] = []
    for source_id, shown_as, document, meta in _parsed_files(root, SOURCES_DIR, {}, problems):
        meta.unknown_keys(_SOURCE_KEYS)
        outlet = meta.text_field("outlet")
        confirmed = set(meta.text_list("confirmed"))
        for name in sorted(confirmed - set(SOURCE_FIELDS)):
            meta.problems.append(
                Problem(
                    shown_as,
                    meta.line_of("confirmed"),
                    Severity.ERROR,
                    f"`confirmed` lists unknown field `{name}` (use: {', '.join(SOURCE_FIELDS)})",
                )
            )
        short = meta.text_field("short", required=False)
        text_file = meta.text_field("text_file", required=False)
        if text_file and not _PLAIN_FILE_NAME.match(text_file):
            meta.problems.append(
                Problem(
                    shown_as,
                    meta.line_of("text_file"),
                    Severity.ERROR,
                    f"`text_file` must be a plain file name, like `{source_id}.txt` (no folders, no `..`)",
                )
            )
            text_file = ""
        sources.append(
            Source(
                id=source_id,
                outlet=outlet or source_id,
                short=short or outlet or source_id,
                headline=meta.text_field("headline"),
                published=meta.text_field("published"),
                byline=meta.text_field("byline"),
                address=meta.text_field("address"),
                confirmed=frozenset(confirmed & set(SOURCE_FIELDS)),
                note=meta.text_field("note", required=False),
                paragraphs=tuple(text.strip() for text, _line in document.paragraphs if text.strip()),
                path=shown_as,
                text_file=text_file,
                text_file_line=meta.line_of("text_file") if text_file else 0,
            )
        )
        problems.extend(meta.problems)
    return sources


def _empty_header() -> dict:
    return {"title": "Briefing", "as_of": "", "event_date": "", "bottom_line": "", "variants": ()}


def _load_overview(root: Path, problems: list[Problem]) -> tuple[Topic | None, dict]:
    header = _empty_header()
    path = root / BRIEFING_FILE
    if not path.exists():
        problems.append(Problem(BRIEFING_FILE, 0, Severity.ERROR, f"`{BRIEFING_FILE}` is missing: create it with title, as_of, event_date and bottom_line"))
        return None, header
    parsed = _read(path, BRIEFING_FILE, problems)
    if parsed is None:
        return None, header
    document, meta = parsed
    meta.unknown_keys(_BRIEFING_KEYS)
    header = {
        "title": meta.text_field("title") or "Briefing",
        "as_of": meta.text_field("as_of"),
        "event_date": meta.text_field("event_date"),
        "bottom_line": meta.text_field("bottom_line"),
        "variants": meta.groups("variants"),
    }
    problems.extend(meta.problems)
    overview = _topic_from(
        document, OVERVIEW_ID, "Overview", 0, header["bottom_line"], (), BRIEFING_FILE
    )
    return overview, header


def _load_topics(root: Path, problems: list[Problem]) -> list[Topic]:
    topics: list[Topic] = []
    seen: dict[str, str] = {OVERVIEW_ID: BRIEFING_FILE}
    for topic_id, shown_as, document, meta in _parsed_files(root, TOPICS_DIR, seen, problems):
        meta.unknown_keys(_TOPIC_KEYS)
        topic = _topic_from(
            document,
            topic_id,
            meta.text_field("title") or topic_id,
            meta.int_field("order", default=10_000),
            meta.text_field("summary"),
            meta.text_list("aliases"),
            shown_as,
        )
        problems.extend(meta.problems)
        topics.append(topic)
    return topics


def _topic_from(
    document: ParsedDocument,
    topic_id: str,
    title: str,
    order: int,
    summary: str,
    aliases: tuple[str, ...],
    shown_as: str,
) -> Topic:
    sections: list[Section] = []
    for section_index, parsed in enumerate(document.sections):
        is_differences = Section(parsed.title, ()).is_differences
        claims = tuple(
            Claim(
                id=f"{topic_id}/{section_index}.{claim_index}",
                topic_id=topic_id,
                section=parsed.title,
                parts=claim.parts,
                is_difference=is_differences,
                path=shown_as,
                line=claim.line,
                label=claim.label,
            )
            for claim_index, claim in enumerate(parsed.claims)
        )
        sections.append(Section(parsed.title, claims, parsed.line))
    return Topic(topic_id, title, order, summary, tuple(sections), shown_as, aliases)


def _check_topic(topic: Topic, source_ids: set[str], problems: list[Problem]) -> None:
    if not topic.claims:
        problems.append(
            Problem(topic.path, 0, Severity.ERROR, "topic has no claims: add `- claim [@source]` bullets")
        )
    for claim in topic.claims:
        cited = claim.source_ids
        if not claim.text:
            problems.append(Problem(claim.path, claim.line, Severity.ERROR, "claim has citations but no text"))
        if not cited:
            problems.append(
                Problem(claim.path, claim.line, Severity.ERROR, "claim cites no outlet: end it with `[@source-id]`")
            )
        for source_id in cited:
            if source_id not in source_ids:
                known = ", ".join(sorted(source_ids)) or "none loaded"
                problems.append(
                    Problem(
                        claim.path,
                        claim.line,
                        Severity.ERROR,
                        f"unknown source `@{source_id}` (known: {known})",
                    )
                )
        if claim.is_difference and len(set(cited)) < 2:
            problems.append(
                Problem(
                    claim.path,
                    claim.line,
                    Severity.WARNING,
                    "a difference should cite each side: at least two outlets",
                )
            )


def _duplicate_orders(topics: list[Topic]) -> list[Problem]:
    first_with_order: dict[int, Topic] = {}
    problems = []
    for topic in topics:
        if topic.order in first_with_order and topic.id != OVERVIEW_ID:
            other = first_with_order[topic.order]
            problems.append(
                Problem(topic.path, 0, Severity.WARNING, f"`order: {topic.order}` is also used by {other.path}")
            )
        first_with_order.setdefault(topic.order, topic)
    return problems


def _without_unknown_citations(topic: Topic, source_ids: set[str]) -> Topic:
    """Drop citations of outlets that did not load, so consumers can always resolve an id."""
    if all(set(claim.source_ids) <= source_ids for claim in topic.claims):
        return topic
    sections = tuple(
        replace(
            section,
            claims=tuple(
                replace(
                    claim,
                    parts=tuple(
                        replace(part, source_ids=tuple(s for s in part.source_ids if s in source_ids))
                        for part in claim.parts
                    ),
                )
                for claim in section.claims
            ),
        )
        for section in topic.sections
    )
    return replace(topic, sections=sections)
