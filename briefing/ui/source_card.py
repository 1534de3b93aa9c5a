"""What is known about an outlet's report, said plainly; what is not, in one short dim tag.

A source file says, field by field, whether a value is confirmed, and an unconfirmed value often
explains itself (`not confirmed; the address suggests "…"`). Shown as written that was mostly
provenance noise (`By none ✓`, `Published not confirmed  not confirmed`). Here:

* a confirmed value is shown as it is, with no mark;
* an unconfirmed one loses its "not confirmed" preamble and carries one dim tag: "unconfirmed",
  or "from the address" where the value was read off the address (none where the value still
  says "not confirmed" itself);
* an unconfirmed value with nothing left to say is "unknown"; a byline of "none" is "no byline";
* an address is broken only after a `/`, `-` or `.`, never mid-word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.content import Content

from briefing.model import SOURCE_FIELDS, Source

TAG_STYLE = "dim italic"
UNCONFIRMED = "unconfirmed"
FROM_ADDRESS = "from the address"
_PREAMBLE = re.compile(r"^\s*not confirmed\s*[;:,.—-]?\s*", re.IGNORECASE)
_SUGGESTS = re.compile(r"^the address suggests\s+[\"“](.*)[\"”]\s*$", re.IGNORECASE | re.DOTALL)
_NO_BYLINE = {"", "none", "no byline", "n/a", "-", "—"}
_ADDRESS_PIECE = re.compile(r"[^/.-]*[/.-]|[^/.-]+")


@dataclass(frozen=True)
class Field:
    """One field as shown: its value and, when it is not confirmed, a short tag."""

    value: str
    tag: str = ""
    #: The value is a stand-in ("unknown", "no byline"), shown dim.
    missing: bool = False


def field_of(source: Source, name: str) -> Field:
    """`name` (one of `SOURCE_FIELDS`) of `source` as the reader should see it."""
    raw = getattr(source, name).strip()
    confirmed = source.is_confirmed(name)
    value = _PREAMBLE.sub("", raw) if not confirmed else raw
    tag = "" if confirmed else UNCONFIRMED
    suggested = _SUGGESTS.match(value)
    if suggested and not confirmed:
        value, tag = suggested.group(1), FROM_ADDRESS
    if name == "byline" and value.casefold() in _NO_BYLINE:
        return Field("no byline" if confirmed else "byline unknown", "", missing=True)
    if not value:
        return Field("unknown", "", missing=True)
    if "not confirmed" in value.casefold():  # the value says so itself
        tag = ""
    return Field(value, tag)


def break_address(address: str, width: int) -> list[str]:
    """`address` in lines of at most `width` cells, broken only after `/`, `-` or `.`; a piece
    longer than a line (no such character in it) is the only thing ever cut."""
    width = max(width, 8)
    lines: list[str] = []
    line = ""
    for found in _ADDRESS_PIECE.findall(address):
        piece = found
        while len(piece) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(piece[:width])
            piece = piece[width:]
        if line and len(line) + len(piece) > width:
            lines.append(line)
            line = ""
        line += piece
    if line:
        lines.append(line)
    return lines


def _looks_like_address(value: str) -> bool:
    return " " not in value and ("/" in value or value.startswith(("http", "www.")))


def _shown(item: Field, style: str = "") -> Content:
    value = Content.styled(item.value, TAG_STYLE) if item.missing else Content.styled(item.value, style)
    if item.tag:
        return Content.assemble(value, Content.styled(f"  {item.tag}", TAG_STYLE))
    return value


def address_content(source: Source, width: int) -> Content:
    item = field_of(source, "address")
    if item.missing or not _looks_like_address(item.value):
        return _shown(item)
    lines = Content("\n").join(Content(line) for line in break_address(item.value, width))
    return Content.assemble(lines, Content.styled(f"  {item.tag}", TAG_STYLE)) if item.tag else lines


def _byline(item: Field) -> Content:
    return _shown(item) if item.missing else Content.assemble(Content.styled("By ", "dim"), _shown(item))


def source_card(source: Source, width: int) -> Content:
    """The compact form, for the source panel and the outlets side by side: outlet, headline,
    date, byline and address, each on its line, `width` cells wide."""
    return Content("\n").join(
        [
            _shown(field_of(source, "outlet"), "bold"),
            _shown(field_of(source, "headline"), "italic"),
            Content.assemble(Content.styled("Published ", "dim"), _shown(field_of(source, "published"))),
            _byline(field_of(source, "byline")),
            address_content(source, width),
        ]
    )


def source_fields(source: Source) -> Content:
    """The long form, for an outlet's own view: every field on a labelled line."""
    rows = []
    for name in SOURCE_FIELDS:
        rows.append(Content.assemble(Content.styled(f"{name.title():<10}", "dim"), _shown(field_of(source, name))))
    return Content("\n").join(rows)
