"""Render a fitted `Summary` as plain text: at most 80 cells wide, 60 lines long.

`text_lines` is also the text formats' measure for the fitting rule, so what is measured is
exactly what is printed.
"""

from __future__ import annotations

from functools import lru_cache

from briefing.summary.build import PAGE_COLUMNS, PAGE_LINES, Point, Summary, TopicSummary
from briefing.summary.wrap import GLUE, Atom, text_atoms, wrap_atoms, wrap_text

RULE = "=" * PAGE_COLUMNS
THIN_RULE = "-" * PAGE_COLUMNS
BULLET = "  • "
DIFFERENCE = "  ≠ "
HANGING = "    "


def outlet_tag(outlets: tuple[str, ...]) -> str:
    """ "[AP/LAT, USLive]": the outlets that report a point, by their short names."""
    return "[" + ", ".join(outlets) + "]"


def point_atoms(point: Point) -> list[Atom]:
    atoms: list[Atom] = []
    if point.label:
        atoms += text_atoms(point.label + ":")
    for index, segment in enumerate(point.segments):
        atoms += text_atoms(segment.text, space_before=index == 0 or segment.text[:1].isspace())
        if segment.outlets:
            atoms.append((outlet_tag(segment.outlets).replace(" ", GLUE), True))
    return atoms


@lru_cache(maxsize=8192)
def _point_lines(point: Point, marker: str) -> tuple[str, ...]:
    # Cached: the fitter renders the same points many times while it searches.
    return tuple(wrap_atoms(point_atoms(point), PAGE_COLUMNS, marker, HANGING))


def topic_lines(topic: TopicSummary) -> list[str]:
    lines = ["", *wrap_text(topic.title.upper(), PAGE_COLUMNS)]
    for point in topic.points:
        lines += _point_lines(point, BULLET)
    if topic.differences:
        lines.append("  Where reports differ:")
        for point in topic.differences:
            lines += _point_lines(point, DIFFERENCE)
    if topic.hidden:
        lines += wrap_text(topic.more_note, PAGE_COLUMNS, HANGING, HANGING)
    return lines


def text_lines(summary: Summary) -> list[str]:
    lines = wrap_text(summary.title, PAGE_COLUMNS)
    if summary.date_line:
        lines += wrap_text(summary.date_line, PAGE_COLUMNS)
    lines.append(RULE)
    if summary.bottom_line:
        lines += wrap_text("Bottom line: " + summary.bottom_line, PAGE_COLUMNS, "", "  ")
        lines.append(RULE)
    for topic in summary.topics:
        lines += topic_lines(topic)
    if summary.footer_note:
        lines += ["", THIN_RULE, *wrap_text(summary.footer_note, PAGE_COLUMNS)]
    return lines


def text_fits(summary: Summary) -> bool:
    """The text formats' measure: 60 lines (every line is already at most 80 cells)."""
    return len(text_lines(summary)) <= PAGE_LINES


def render_text(summary: Summary) -> str:
    return "\n".join(text_lines(summary)) + "\n"
