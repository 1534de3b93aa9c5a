"""The claims that cite one outlet, addressable by position without reading them all.

An outlet view of a 10,000-topic briefing lists ~100,000 claims: this sequence knows how many each
topic holds (from `Briefing.citations`, which a compiled store answers from its counts) and reads
a topic only when one of its claims is asked for, so a view pays for the rows it shows.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import overload

from briefing.model import Briefing, Claim


class CitingClaims(Sequence[Claim]):
    """Key claims (or, with `differences=True`, "where reports differ" entries) citing an outlet,
    in reading order."""

    def __init__(self, briefing: Briefing, source_id: str, *, differences: bool = False) -> None:
        self._briefing = briefing
        self._source_id = source_id
        self._differences = differences
        counts = [
            (entry.topic_id, entry.differences if differences else entry.claims)
            for entry in briefing.citations(source_id)
        ]
        self.topic_ids = tuple(topic_id for topic_id, count in counts if count)
        self.counts = tuple(count for _, count in counts if count)
        self._starts = (0, *accumulate(self.counts))  # where each topic's claims start

    def __len__(self) -> int:
        return self._starts[-1]

    @overload
    def __getitem__(self, index: int) -> Claim: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Claim]: ...

    def __getitem__(self, index: int | slice) -> Claim | Sequence[Claim]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        which = bisect_right(self._starts, index) - 1
        return self.of_topic(which)[index - self._starts[which]]

    def of_topic(self, which: int) -> list[Claim]:
        """The citing claims of the `which`-th citing topic (reads that topic)."""
        topic = self._briefing.topic(self.topic_ids[which])
        if topic is None:
            return []
        return [
            claim
            for claim in topic.claims
            if claim.is_difference == self._differences and self._source_id in claim.source_ids
        ]

    def topic_of(self, index: int) -> int:
        """Which citing topic (by position in `topic_ids`) holds the claim at `index`."""
        return bisect_right(self._starts, index) - 1
