"""Synthetic briefings of any size, for benchmarks, scale tests and fitting tests.

Deterministic (seeded), built from a small vocabulary so search has realistic overlap.
"""

from __future__ import annotations

import random
from pathlib import Path

from briefing.model import (
    DIFFERENCES_HEADING,
    OVERVIEW_ID,
    Briefing,
    Claim,
    ClaimPart,
    Header,
    Section,
    Source,
    Topic,
)

_WORDS = [
    "ceasefire",
    "energy",
    "infrastructure",
    "prisoners",
    "exchange",
    "plant",
    "nuclear",
    "border",
    "region",
    "talks",
    "delegation",
    "statement",
    "kremlin",
    "white",
    "house",
    "aid",
    "military",
    "intelligence",
    "maritime",
    "black",
    "sea",
    "hockey",
    "league",
    "matches",
    "players",
    "proposal",
    "agreement",
    "truce",
    "strikes",
    "drones",
    "missiles",
    "power",
    "electricity",
    "grid",
    "sanctions",
    "negotiations",
    "envoy",
    "minister",
    "officials",
    "reporters",
    "wounded",
    "soldiers",
    "troops",
    "town",
    "offensive",
    "retreat",
    "anniversary",
    "peninsula",
    "capital",
    "sirens",
    "explosions",
    "shelter",
]
SOURCE_IDS = ("alpha", "bravo", "charlie", "delta", "echo")


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(_WORDS) for _ in range(words)]
    chosen.insert(rng.randrange(len(chosen)), str(rng.randint(2, 500)))
    return " ".join(chosen).capitalize() + "."


def make_synthetic_briefing(topics: int, claims_per_topic: int = 5, seed: int = 7) -> Briefing:
    """A model-level briefing of `topics` topics (plus an overview) with cited claims."""
    rng = random.Random(seed)
    sources = tuple(
        Source(
            id=source_id,
            outlet=f"{source_id.title()} Daily",
            short=source_id.title(),
            headline=_sentence(rng, 8),
            published="2025-03-18",
            byline="none",
            address=f"https://{source_id}.example/story",
            confirmed=frozenset({"outlet"}),
            note="Synthetic outlet.",
            paragraphs=(_sentence(rng, 30),),
            path=f"sources/{source_id}.md",
        )
        for source_id in SOURCE_IDS
    )
    built = []
    for number in range(topics + 1):
        topic_id = OVERVIEW_ID if number == 0 else f"topic-{number:05d}"
        path = "briefing.md" if number == 0 else f"topics/{topic_id}.md"
        claims = tuple(
            Claim(
                id=f"{topic_id}/0.{index}",
                topic_id=topic_id,
                section="",
                parts=(
                    ClaimPart(_sentence(rng, rng.randint(8, 18)), tuple(rng.sample(SOURCE_IDS, rng.randint(1, 3)))),
                ),
                is_difference=False,
                path=path,
                line=7 + index,
            )
            for index in range(claims_per_topic)
        )
        difference = Claim(
            id=f"{topic_id}/1.0",
            topic_id=topic_id,
            section=DIFFERENCES_HEADING,
            parts=(
                ClaimPart(_sentence(rng, 5), (SOURCE_IDS[0],)),
                ClaimPart("; " + _sentence(rng, 5), (SOURCE_IDS[1],)),
            ),
            is_difference=True,
            path=path,
            line=9 + claims_per_topic,
            label="Figure",
        )
        built.append(
            Topic(
                id=topic_id,
                title="Overview" if number == 0 else f"Topic {number} {rng.choice(_WORDS)}",
                order=number,
                summary=_sentence(rng, 9),
                sections=(
                    Section("", claims, 7),
                    Section(DIFFERENCES_HEADING, (difference,), 8 + claims_per_topic),
                ),
                path=path,
                aliases=(rng.choice(_WORDS),),
            )
        )
    header = Header(
        title="Synthetic briefing",
        as_of="2026-01-01",
        event_date="2025-03-18",
        bottom_line=_sentence(rng, 40),
        variants=(("ceasefire", "truce"),),
    )
    return Briefing.from_topics(header, built, sources)


def write_synthetic_content(folder: Path, topics: int, claims_per_topic: int = 5, seed: int = 7) -> Path:
    """Write a synthetic briefing as content files, for loader and start-up benchmarks."""
    return write_briefing(make_synthetic_briefing(topics, claims_per_topic, seed), folder)


def write_briefing(briefing: Briefing, folder: Path) -> Path:
    """Write an in-memory briefing as a content folder the loader reads back to the same claims."""
    (folder / "topics").mkdir(parents=True, exist_ok=True)
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    for source in briefing.sources:
        (folder / source.path).write_text(
            "---\n"
            f"outlet: {source.outlet}\nshort: {source.short}\nheadline: {source.headline}\n"
            f"published: '{source.published}'\nbyline: none\naddress: {source.address}\n"
            "confirmed: [outlet]\n---\n" + "\n\n".join(source.paragraphs) + "\n",
            encoding="utf-8",
        )
    for topic in briefing.iter_topics():
        lines = []
        for section in topic.sections:
            if section.title:
                lines.append(f"\n## {section.title}\n")
            for claim in section.claims:
                label = f"**{claim.label}**: " if claim.label else ""
                cited = "".join(f"{part.text} [{'; '.join('@' + s for s in part.source_ids)}]" for part in claim.parts)
                lines.append(f"- {label}{cited}" + (" {key}" if claim.key_point else ""))
        body = "\n".join(lines) + "\n"
        if topic.id == OVERVIEW_ID:
            header = (
                f"title: {briefing.title}\nas_of: '{briefing.as_of}'\n"
                f"event_date: '{briefing.event_date}'\nbottom_line: {briefing.bottom_line}\n"
            )
        else:
            header = (
                f"title: {topic.title}\norder: {topic.order}\nsummary: {topic.summary}\naliases: [{topic.aliases[0]}]\n"
            )
        (folder / topic.path).write_text(f"---\n{header}---\n{body}", encoding="utf-8")
    return folder
