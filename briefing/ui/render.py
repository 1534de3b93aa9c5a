"""Content builders for claims, badges and outlets.

Every string from the briefing becomes a `Content` object built from plain text, so a `[` or an
escape in a content file is shown as written and never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.content import Content
from textual.style import Style

from briefing.model import Briefing, Claim

BADGE_STYLE = "bold $text-secondary on $secondary-muted"
#: Search matches where no widget styles them (the topic pane has `topic-pane--match`): bold
#: and reversed, not colour alone, so they read without seeing colour.
MATCH_STYLE = "bold reverse"
LABEL_STYLE = "bold $text-warning"

Spans = Sequence[tuple[int, int]]


def badge(briefing: Briefing, source_id: str) -> Content:
    source = briefing.source(source_id)
    name = source.short if source else source_id
    return Content.styled(f" {name} ", BADGE_STYLE)


def badges(briefing: Briefing, source_ids: Iterable[str]) -> Content:
    return Content(" ").join(badge(briefing, source_id) for source_id in source_ids)


def highlighted(text: str, spans: Spans = (), style: str = "", match_style: Style | str = MATCH_STYLE) -> Content:
    """`text` with the `spans` (start, end) marked in `match_style`."""
    content = Content.styled(text, style) if style else Content(text)
    for start, end in spans:
        content = content.stylize(match_style, start, end)
    return content


def claim_content(
    briefing: Briefing, claim: Claim, spans: Spans = (), match_style: Style | str = MATCH_STYLE
) -> Content:
    """A claim with its outlet badges after the text they back (after each side, for a difference).

    `spans` index into `claim.text`; they are mapped onto the parts as they are laid out and
    marked in `match_style`.
    """
    pieces: list[Content] = []
    if claim.label:
        pieces.append(Content.styled(f"{claim.label}: ", LABEL_STYLE))
    joined = "".join(part.text for part in claim.parts)
    # claim.text is `joined` without leading space: shift part offsets to match the spans.
    position = len(joined.lstrip()) - len(joined)
    after_badge = False
    for part in claim.parts:
        start, end = position, position + len(part.text)
        position = end
        if after_badge and not part.source_ids and not any(ch.isalnum() for ch in part.text):
            continue  # a lone "." after the last badge reads as noise
        after_badge = bool(part.source_ids)
        visible = part.text[-start:] if start < 0 else part.text
        start = max(start, 0)
        local = [(max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and b > start]
        pieces.append(highlighted(visible, local, match_style=match_style))
        if part.source_ids:
            pieces.append(Content(" "))
            pieces.append(badges(briefing, part.source_ids))
    if not claim.source_ids:
        pieces.append(Content.styled("  uncited", "italic $text-error"))
    return Content.assemble(*pieces)
