"""The model as compact JSON, for the store: no pickle, nothing executable, one format to read.

Claims are written without what their topic already says (topic id, file, section, whether
they are differences), so the store is not much larger than the Markdown it came from. The
`SCHEMA` string names every field of every stored class: when the model changes, stores written
by the old code no longer match and are rebuilt.
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from briefing.model import Claim, ClaimPart, Header, Problem, Section, Severity, Source, Topic

# Claim fields the topic and section already carry.
_CLAIM_CONTEXT = ("topic_id", "section", "is_difference", "path")
_CLAIM_FIELDS = tuple(f.name for f in fields(Claim) if f.name not in (*_CLAIM_CONTEXT, "parts"))
_SOURCE_FIELDS = tuple(f.name for f in fields(Source))
_HEADER_FIELDS = tuple(f.name for f in fields(Header))

SCHEMA = ";".join(
    f"{cls.__name__}:{','.join(f.name for f in fields(cls))}"
    for cls in (Topic, Section, Claim, ClaimPart, Source, Header, Problem)
)


def _plain(value: Any) -> Any:
    """Tuples and frozensets as lists, enums as their value: what JSON can hold."""
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, Severity):
        return value.value
    return value


def _tupled(value: Any) -> Any:
    """Lists back to (nested) tuples: the model is immutable."""
    if isinstance(value, list):
        return tuple(_tupled(item) for item in value)
    return value


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def encode_topic(topic: Topic) -> str:
    sections = []
    for section in topic.sections:
        claims = [
            [
                [_plain(getattr(claim, name)) for name in _CLAIM_FIELDS],
                [[p.text, list(p.source_ids)] for p in claim.parts],
            ]
            for claim in section.claims
        ]
        sections.append([section.title, section.line, claims])
    return dumps(sections)


def decode_topic(topic_id: str, title: str, order: int, summary: str, path: str, aliases: str, body: str) -> Topic:
    sections = []
    for section_title, line, claims in json.loads(body):
        is_difference = Section(section_title, ()).is_differences
        built = tuple(
            Claim(
                topic_id=topic_id,
                section=section_title,
                is_difference=is_difference,
                path=path,
                parts=tuple(ClaimPart(text, tuple(ids)) for text, ids in parts),
                **{name: _tupled(value) for name, value in zip(_CLAIM_FIELDS, values, strict=True)},
            )
            for values, parts in claims
        )
        sections.append(Section(section_title, built, line))
    return Topic(topic_id, title, order, summary, tuple(sections), path, split_list(aliases))


#: Joins short lists of names (a topic's aliases) into one column: faster to read than JSON.
_UNIT = "\x1f"


def join_list(items: tuple[str, ...]) -> str:
    return _UNIT.join(items)


def split_list(text: str) -> tuple[str, ...]:
    return tuple(text.split(_UNIT)) if text else ()


def encode_source(source: Source) -> str:
    return dumps([_plain(getattr(source, name)) for name in _SOURCE_FIELDS])


def decode_source(text: str) -> Source:
    values = dict(zip(_SOURCE_FIELDS, json.loads(text), strict=True))
    values["confirmed"] = frozenset(values["confirmed"])
    return Source(**{name: _tupled(value) if name != "confirmed" else value for name, value in values.items()})


def encode_header(header: Header) -> str:
    return dumps([_plain(getattr(header, name)) for name in _HEADER_FIELDS])


def decode_header(text: str) -> Header:
    return Header(**{name: _tupled(value) for name, value in zip(_HEADER_FIELDS, json.loads(text), strict=True)})


def encode_problems(problems: list[Problem]) -> str:
    return dumps([[p.path, p.line, p.severity.value, p.message] for p in problems])


def decode_problems(text: str) -> list[Problem]:
    return [Problem(path, line, Severity(severity), message) for path, line, severity, message in json.loads(text)]
