"""A claim, or a whole topic, as text to paste into a chat or notes, with its outlets.

Plain text: no markup, no control characters or bidi overrides (`strip_unsafe`), whatever the
content holds. A date follows an outlet only where its source file marks `published` confirmed,
so an unconfirmed date is never passed on as fact.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefing.model import Claim, Source, Topic
from briefing.safe_text import strip_unsafe

_SPACES = re.compile(r"\s+")
# What would start a Markdown block, or be read as emphasis, links or code, inside a bullet.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def outlet_citation(source_id: str, sources: Mapping[str, Source]) -> str:
    """ "Los Angeles Times (Associated Press story), 2025-03-18": the outlet's name, and its date
    where confirmed; an outlet the briefing does not know is named by its id."""
    source = sources.get(source_id)
    if source is None:
        return source_id
    name = source.outlet or source.short or source.id
    if source.is_confirmed("published") and source.published:
        return f"{name}, {source.published}"
    return name


def _plain(text: str) -> str:
    return _SPACES.sub(" ", strip_unsafe(text)).strip()


def claim_citation(claim: Claim, sources: Mapping[str, Source]) -> str:
    """The claim, then its outlets in square brackets: one line, ready to paste. Square, as on
    the handout, because outlet names hold parentheses ("Los Angeles Times (Associated Press
    story)"), which would nest.

    A claim whose parts cite different outlets ("Where reports differ": each side its own) keeps
    each side with its outlets, so a pasted disagreement still says who reported what:
    "Call length: nearly three hours [usdailyonline.com]; roughly 90 minutes [projectpatriot.com]".
    A claim citing the same outlets throughout has them once, at the end.
    """
    cited = [part for part in claim.parts if part.source_ids]
    label = f"{_plain(claim.label)}: " if claim.label else ""
    if len({part.source_ids for part in cited}) <= 1:
        outlets = "; ".join(outlet_citation(source_id, sources) for source_id in claim.source_ids)
        return f"{label}{_plain(claim.text)}" + (f" [{outlets}]" if outlets else "")
    pieces: list[str] = []
    for part in claim.parts:
        text = _plain(part.text)
        if part.source_ids:
            text += " [" + "; ".join(outlet_citation(source_id, sources) for source_id in part.source_ids) + "]"
        pieces.append(text)
    joined = " ".join(piece for piece in pieces if piece)
    return label + re.sub(r"\s+([;,.])", r"\1", joined).strip()


def _markdown_text(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _plain(text))


def topic_markdown(topic: Topic, sources: Mapping[str, Source]) -> str:
    """The topic as Markdown: its title, summary, each section's claims as bullets with their
    outlets, and the outlets it cites (with headline and address where confirmed). Claim text is
    escaped, so a `*` or `[` in it stays a character when the Markdown is rendered."""
    lines = [f"# {_markdown_text(topic.title)}", ""]
    if topic.summary:
        lines += [_markdown_text(topic.summary), ""]
    for section in topic.sections:
        if section.title:
            lines += [f"## {_markdown_text(section.title)}", ""]
        for claim in section.claims:
            lines.append(f"- {_markdown_text(claim_citation(claim, sources))}")
        lines.append("")
    cited = [sources[source_id] for source_id in topic.source_ids if source_id in sources]
    if cited:
        lines += ["## Sources", ""]
        for source in cited:
            entry = _markdown_text(outlet_citation(source.id, sources))
            if source.is_confirmed("headline") and source.headline:
                entry += f": {_markdown_text(source.headline)}"
            if source.is_confirmed("address") and source.address:
                entry += f" <{_plain(source.address)}>"
            lines.append(f"- {entry}")
        lines.append("")
    return "\n".join(lines)
