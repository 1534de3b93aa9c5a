"""Parse one content file into its part of the model: a source, a topic, or the header and the
overview. Each file is parsed on its own, so a compiled store can re-parse only what changed;
checks that need several files live in `briefing.loading.validate`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from briefing.loading.files import read_content_file
from briefing.loading.frontmatter import FrontMatter, parse_front_matter
from briefing.loading.layout import BRIEFING_FILE, missing_briefing_problem
from briefing.loading.markdown import ParsedDocument, parse_document
from briefing.loading.other_names import other_names
from briefing.model import (
    OVERVIEW_ID,
    SOURCE_FIELDS,
    Claim,
    Header,
    Problem,
    Section,
    Severity,
    Source,
    Topic,
)

_BRIEFING_KEYS = {"title", "as_of", "event_date", "bottom_line", "variants", "synonyms", "other_names"}
_TOPIC_KEYS = {"title", "order", "summary", "aliases"}
_SOURCE_KEYS = {"outlet", "short", "headline", "published", "byline", "address", "confirmed", "note", "text_file"}
# A plain file name: no folder part, no drive, not `.` or `..` (it is joined to `check --against DIR`).
_PLAIN_FILE_NAME = re.compile(r"^(?!\.\.?$)[^/\\:]+$")
#: Where a topic file gives no `order`: after every ordered topic.
UNORDERED = 10_000
#: The largest `order` (either way) a topic may give: room for any real briefing, far inside
#: the store's 64-bit integers.
ORDER_LIMIT = 1_000_000_000


def _read(path: Path, shown_as: str, problems: list[Problem]) -> tuple[ParsedDocument, FrontMatter] | None:
    text, read_problems = read_content_file(path, shown_as)
    problems.extend(read_problems)
    if text is None:
        return None
    document = parse_document(text, shown_as)
    problems.extend(document.problems)
    if document.front_matter is None:
        problems.append(Problem(shown_as, 1, Severity.ERROR, "no front matter: start the file with a `---` block"))
        return None
    front_matter, yaml_problems = parse_front_matter(document.front_matter, document.front_matter_line, shown_as)
    problems.extend(yaml_problems)
    if front_matter is None:
        return None
    return document, front_matter


class ParsedSource(NamedTuple):
    source: Source | None
    problems: list[Problem]


class ParsedTopic(NamedTuple):
    topic: Topic | None
    problems: list[Problem]


class ParsedHeader(NamedTuple):
    header: Header
    overview: Topic | None
    problems: list[Problem]


def parse_source_file(path: Path, shown_as: str, source_id: str) -> ParsedSource:
    problems: list[Problem] = []
    parsed = _read(path, shown_as, problems)
    if parsed is None:
        return ParsedSource(None, problems)
    document, meta = parsed
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
    problems += [
        Problem(shown_as, claim.line, Severity.WARNING, "`{key}` marks claims in topics, not an outlet's description")
        for section in document.sections
        for claim in section.claims
        if claim.key_point
    ]
    source = Source(
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
    return ParsedSource(source, problems + meta.problems)


def parse_topic_file(path: Path, shown_as: str, topic_id: str) -> ParsedTopic:
    problems: list[Problem] = []
    parsed = _read(path, shown_as, problems)
    if parsed is None:
        return ParsedTopic(None, problems)
    document, meta = parsed
    meta.unknown_keys(_TOPIC_KEYS)
    topic = _topic_from(
        document,
        topic_id,
        meta.text_field("title") or topic_id,
        meta.int_field("order", default=UNORDERED, limit=ORDER_LIMIT),
        meta.text_field("summary"),
        meta.text_list("aliases"),
        shown_as,
    )
    return ParsedTopic(topic, problems + meta.problems)


def parse_briefing_file(path: Path) -> ParsedHeader:
    """`briefing.md`: the header, and the overview its claims make."""
    problems: list[Problem] = []
    if not path.exists():
        return ParsedHeader(Header(), None, [missing_briefing_problem()])
    parsed = _read(path, BRIEFING_FILE, problems)
    if parsed is None:
        return ParsedHeader(Header(), None, problems)
    document, meta = parsed
    meta.unknown_keys(_BRIEFING_KEYS)
    header = Header(
        title=meta.text_field("title") or "Briefing",
        as_of=meta.text_field("as_of"),
        event_date=meta.text_field("event_date"),
        bottom_line=meta.text_field("bottom_line"),
        variants=meta.groups("variants"),
        synonyms=meta.groups("synonyms"),
        other_names=other_names(meta),
    )
    overview = _topic_from(document, OVERVIEW_ID, "Overview", 0, header.bottom_line, (), BRIEFING_FILE)
    return ParsedHeader(header, overview, problems + meta.problems)


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
                key_point=claim.key_point,
            )
            for claim_index, claim in enumerate(parsed.claims)
        )
        sections.append(Section(parsed.title, claims, parsed.line))
    return Topic(topic_id, title, order, summary, tuple(sections), shown_as, aliases)
