"""`Hit`: one search result, ready to show and to highlight."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.search.snippet import make_snippet


@dataclass(frozen=True)
class Hit:
    kind: str  # "claim" | "difference" | "topic" | "source" | "overview"
    topic_id: str | None
    claim_id: str | None
    source_id: str | None
    title: str  # the topic title, or the outlet name for source hits
    text: str  # the matched text; `spans` index into it
    source_ids: tuple[str, ...]
    path: str
    line: int
    score: float
    spans: tuple[tuple[int, int], ...] = ()

    def snippet(self, width: int) -> tuple[str, tuple[tuple[int, int], ...]]:
        """At most `width` characters of `text` around the first match, "…" where cut, and the
        spans shifted into the snippet."""
        return make_snippet(self.text, self.spans, width)
