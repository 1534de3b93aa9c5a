"""Where the reader is among a search's hits: n/N step through them and wrap around. Pure and tiny,
like `briefing.history`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

H = TypeVar("H")


@dataclass(frozen=True)
class Step(Generic[H]):
    """The hit a step landed on, its place among the hits, and whether it went round an end."""

    hit: H
    position: int
    wrapped: bool


class HitCursor(Generic[H]):
    """A query, its hits in order, and the one the reader is on (None before the first step)."""

    def __init__(self, query: str = "", hits: Sequence[H] = (), chosen: H | None = None) -> None:
        self.query = query
        self.hits: tuple[H, ...] = tuple(hits)
        self.position: int | None = self.hits.index(chosen) if chosen is not None and chosen in self.hits else None

    def __len__(self) -> int:
        return len(self.hits)

    @property
    def current(self) -> H | None:
        return None if self.position is None else self.hits[self.position]

    def step(self, delta: int) -> Step[H] | None:
        """Move `delta` hits on (back when negative), wrapping past either end; None without hits.

        Before the first step, forward lands on the first hit and back on the last, neither of
        which counts as wrapping.
        """
        if not self.hits:
            return None
        if self.position is None:
            start = -1 if delta > 0 else len(self.hits)
        else:
            start = self.position
        target = start + delta
        wrapped = not 0 <= target < len(self.hits)
        self.position = target % len(self.hits)
        return Step(self.hits[self.position], self.position, wrapped)
