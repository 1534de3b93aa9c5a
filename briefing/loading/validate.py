"""What is wrong with one topic on its own (`check_claims`, run as each file is compiled), and a
topic without the citations of outlets that did not load. The rules that look across files
(unknown citations, shared `order`s) are worked out once, from the store's rows:
`briefing.store.problems`."""

from __future__ import annotations

from dataclasses import replace

from briefing.model import (
    KEY_DIFFERENCES_PER_TOPIC,
    KEY_POINTS_PER_TOPIC,
    Claim,
    Problem,
    Severity,
    Topic,
)
from briefing.pointing_back import leans_on_the_claim_before

_SHOWN_ALONE = "search and side by side show it alone; name who or what it is about"


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
        leaning = None if claim.is_difference else leans_on_the_claim_before(claim.text)
        if leaning:
            message = f'claim leans on the one before ("{leaning}"): {_SHOWN_ALONE}'
            problems.append(Problem(claim.path, claim.line, Severity.WARNING, message))
        if claim.is_difference and len(set(cited)) < 2:
            problems.append(
                Problem(
                    claim.path, claim.line, Severity.WARNING, "a difference should cite each side: at least two outlets"
                )
            )
    problems += _too_many_marked(topic.key_claims, KEY_POINTS_PER_TOPIC, "key points")
    problems += _too_many_marked(topic.differences, KEY_DIFFERENCES_PER_TOPIC, "differences")
    return problems


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
