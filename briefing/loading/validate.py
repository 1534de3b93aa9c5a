"""Checks that look across files: citations of outlets that did not load, shared `order`s."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from briefing.model import (
    KEY_DIFFERENCES_PER_TOPIC,
    KEY_POINTS_PER_TOPIC,
    OVERVIEW_ID,
    Claim,
    Problem,
    Severity,
    Topic,
)


def check_topic(topic: Topic, source_ids: set[str]) -> list[Problem]:
    """A topic's claims against the outlets that loaded."""
    return check_claims(topic) + unknown_citations(topic, source_ids)


def check_claims(topic: Topic) -> list[Problem]:
    """What is wrong with a topic on its own: no claims, a claim without text or citations, a
    difference that cites one side only."""
    problems = []
    if not topic.claims:
        problems.append(Problem(topic.path, 0, Severity.ERROR, "topic has no claims: add `- claim [@source]` bullets"))
    for claim in topic.claims:
        cited = claim.source_ids
        if not claim.text and claim.key_point:
            problems.append(
                Problem(claim.path, claim.line, Severity.ERROR, "`{key}` marks a claim with no text: write the claim")
            )
        elif not claim.text:
            problems.append(Problem(claim.path, claim.line, Severity.ERROR, "claim has citations but no text"))
        if not cited:
            problems.append(
                Problem(claim.path, claim.line, Severity.ERROR, "claim cites no outlet: end it with `[@source-id]`")
            )
        if claim.is_difference and len(set(cited)) < 2:
            problems.append(
                Problem(
                    claim.path, claim.line, Severity.WARNING, "a difference should cite each side: at least two outlets"
                )
            )
    problems += _too_many_marked(topic.key_claims, KEY_POINTS_PER_TOPIC, "key points")
    problems += _too_many_marked(topic.differences, KEY_DIFFERENCES_PER_TOPIC, "differences")
    return problems


def unknown_citations(topic: Topic, source_ids: set[str]) -> list[Problem]:
    """Citations of outlets that did not load, one problem per claim and outlet."""
    return [
        unknown_source_problem(claim.path, claim.line, source_id, source_ids)
        for claim in topic.claims
        for source_id in claim.source_ids
        if source_id not in source_ids
    ]


def unknown_source_problem(path: str, line: int, source_id: str, source_ids: Iterable[str]) -> Problem:
    known = ", ".join(sorted(source_ids)) or "none loaded"
    return Problem(path, line, Severity.ERROR, f"unknown source `@{source_id}` (known: {known})")


def _too_many_marked(claims: tuple[Claim, ...], limit: int, what: str) -> list[Problem]:
    """The handout shows the first `limit` marked claims of a kind; say so at the first one left off."""
    marked = [claim for claim in claims if claim.key_point]
    if len(marked) <= limit:
        return []
    first_left_off = marked[limit]
    message = (
        f"{len(marked)} {what} marked `{{key}}` in this topic; the handout shows the first {limit}: unmark the others"
    )
    return [Problem(first_left_off.path, first_left_off.line, Severity.WARNING, message)]


def duplicate_orders(topics: Iterable[Topic]) -> list[Problem]:
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


def without_unknown_citations(topic: Topic, source_ids: set[str]) -> Topic:
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
