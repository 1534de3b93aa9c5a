"""A window of a text around its first highlighted match, with "…" where it was cut."""

from __future__ import annotations

ELLIPSIS = "…"
Spans = tuple[tuple[int, int], ...]


def make_snippet(text: str, spans: Spans, width: int) -> tuple[str, Spans]:
    """At most `width` characters of `text` (newlines as spaces) around `spans[0]`; spans shifted."""
    text = text.replace("\n", " ").replace("\r", " ").replace("\t", " ")
    if width <= 0:
        return "", ()
    size = len(text)
    if size <= width:
        return text, _clip(spans, 0, size, 0)
    anchor_start, anchor_end = spans[0] if spans else (0, 0)
    if width < 3:  # no room for ellipses: a plain window
        start = max(0, min(anchor_start, size - width))
        return text[start : start + width], _clip(spans, start, start + width, start)
    lead_room = max(1, (width - (anchor_end - anchor_start)) // 3)
    start = max(0, anchor_start - lead_room)
    start = max(0, min(start, size - (width - 1)))  # use the room a short tail leaves
    start = _word_start(text, start, anchor_start)  # never open mid-word
    lead = 1 if start > 0 else 0
    end = min(size, start + width - lead)
    if end < size:
        end -= 1  # room for the closing ellipsis
    snippet = (ELLIPSIS if lead else "") + text[start:end] + (ELLIPSIS if end < size else "")
    return snippet, _clip(spans, start, end, start - lead)


def _word_start(text: str, start: int, limit: int) -> int:
    """Move `start` forward to the next word start, if that stays within 12 chars and before `limit`."""
    if start == 0 or text[start - 1] == " ":
        return start
    space = text.find(" ", start, min(limit, start + 12))
    return space + 1 if space >= 0 else start


def _clip(spans: Spans, start: int, end: int, shift: int) -> Spans:
    return tuple(
        (max(s, start) - shift, min(e, end) - shift)
        for s, e in spans
        if e > start and s < end and min(e, end) > max(s, start)
    )
