"""`Hit`: one search result, ready to show and to highlight; and, for a "where reports differ"
hit, each side with its own outlets (`sides`), so no view lumps them together."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from briefing.model import Briefing, Claim
from briefing.search.snippet import make_snippet

#: What stands between two sides of a difference ("nearly three hours [@a]; roughly 90 minutes").
_SEPARATORS = " \t\n;,."


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


class Side(NamedTuple):
    """One side of a "where reports differ" entry: what it says and the outlets that say it."""

    text: str
    source_ids: tuple[str, ...]
    start: int = 0  # where `text` starts in the claim's text (`Claim.text`)


def claim_of(briefing: Briefing, hit: Hit) -> Claim | None:
    """The claim or difference a hit is, read from its topic (None for other kinds of hit)."""
    if hit.topic_id is None or hit.claim_id is None:
        return None
    topic = briefing.topic(hit.topic_id)
    if topic is None:
        return None
    return next((claim for claim in topic.claims if claim.id == hit.claim_id), None)


def sides(claim: Claim) -> tuple[Side, ...]:
    """Each side of a difference: a run of text with the outlets cited right after it, the
    separators between sides trimmed; text that cites nobody joins the side before it (or, at
    the start, the one after). A plain claim is one side."""
    runs: list[tuple[int, str, tuple[str, ...]]] = []  # (start in the joined parts, text, outlets)
    carried, carried_at, position = "", 0, 0
    for part in claim.parts:
        if part.source_ids:
            runs.append((carried_at if carried else position, carried + part.text, part.source_ids))
            carried = ""
        elif runs:
            at, text, outlets = runs[-1]
            runs[-1] = (at, text + part.text, outlets)
        else:
            carried_at, carried = (position if not carried else carried_at), carried + part.text
        position += len(part.text)
    if carried:
        runs.append((carried_at, carried, ()))
    joined = "".join(part.text for part in claim.parts)
    lead = len(joined) - len(joined.lstrip())  # `Claim.text` is the joined parts, stripped
    found = []
    for at, text, outlets in runs:
        trimmed = text.strip(_SEPARATORS)
        if trimmed:
            found.append(Side(trimmed, outlets, at + len(text) - len(text.lstrip(_SEPARATORS)) - lead))
    return tuple(found)


def side_spans(hit: Hit, claim: Claim, side: Side) -> tuple[tuple[int, int], ...]:
    """The hit's matched ranges that fall in one side, as offsets into `side.text` (none when the
    hit's text is not the claim's, as after an edit)."""
    if not hit.text.endswith(claim.text):
        return ()
    start = len(hit.text) - len(claim.text) + side.start
    end = start + len(side.text)
    return tuple((max(a, start) - start, min(b, end) - start) for a, b in hit.spans if a < end and b > start)
