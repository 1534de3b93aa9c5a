"""Back/forward history of where the reader has been, like a browser's. Pure and tiny."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    topic_id: str
    claim_index: int = 0


class History:
    """A list of places with a current position; visiting a new place drops the forward list."""

    def __init__(self, limit: int = 200) -> None:
        self._places: list[Place] = []
        self._position = -1
        self._limit = limit

    @property
    def current(self) -> Place | None:
        return self._places[self._position] if self._places else None

    @property
    def can_go_back(self) -> bool:
        return self._position > 0

    @property
    def can_go_forward(self) -> bool:
        return self._position < len(self._places) - 1

    def visit(self, place: Place) -> None:
        if self.current == place:
            return
        del self._places[self._position + 1 :]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._position = len(self._places) - 1

    def update_current(self, place: Place) -> None:
        """Remember the claim the reader moved to, without adding a history step."""
        if self._places:
            self._places[self._position] = place

    def back(self) -> Place | None:
        if not self.can_go_back:
            return None
        self._position -= 1
        return self.current

    def forward(self) -> Place | None:
        if not self.can_go_forward:
            return None
        self._position += 1
        return self.current
