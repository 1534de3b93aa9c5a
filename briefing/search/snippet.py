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
    lead_room = max(1, (width - (anchor_end - anchor_start)) // 3)
    start = max(0, anchor_start - lead_room)
    start = _word_start(text, start, anchor_start)
    end = min(size, start + width)
    start = max(0, end - width)
    if width >= 3:  # room for the ellipses
        if start > 0:
            start += 1
        if end < size:
            end -= 1
    snippet = (ELLIPSIS if start > 0 and width >= 3 else "") + text[start:end]
    shift = start - (1 if start > 0 and width >= 3 else 0)
    if end < size and width >= 3:
        snippet += ELLIPSIS
    return snippet, _clip(spans, start, end, shift)


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
