"""The handout as plain text that prints as is: at most 76 columns and 58 lines.

76 columns at the default 10 characters per inch are 547 pt, inside the 559 pt an office laser
can print across A4; 58 lines at 6 lines per inch fit A4 and Letter alike. So plain `lp` prints
it on one sheet with no options. `TextMeasure` is the fitting measure (lines), built from the
same functions that print, so what is measured is what is printed.
"""

from __future__ import annotations

from functools import lru_cache

from briefing.summary.model import Point, Summary, TopicSummary, outlet_tag
from briefing.summary.wrap import GLUE, Atom, text_atoms, wrap_atoms, wrap_text

PAGE_COLUMNS = 76
PAGE_LINES = 58
RULE = "=" * PAGE_COLUMNS
THIN_RULE = "-" * PAGE_COLUMNS
BULLET = "  • "
DIFFERENCE = "  ≠ "
HANGING = "    "


def point_atoms(point: Point) -> list[Atom]:
    atoms: list[Atom] = []
    if point.label:
        atoms += text_atoms(point.label + ":")
    for index, segment in enumerate(point.segments):
        atoms += text_atoms(segment.text, space_before=index == 0 or segment.text[:1].isspace())
        if segment.outlets:
            atoms.append((outlet_tag(segment.outlets).replace(" ", GLUE), True))
    return atoms


@lru_cache(maxsize=4096)
def _point_lines(point: Point, marker: str) -> tuple[str, ...]:
    # Cached: the fitter measures a topic's first point again in its shorter forms.
    return tuple(wrap_atoms(point_atoms(point), PAGE_COLUMNS, marker, HANGING))


def header_lines(summary: Summary) -> list[str]:
    lines = wrap_text(summary.title, PAGE_COLUMNS)
    if summary.date_line:
        lines += wrap_text(summary.date_line, PAGE_COLUMNS)
    lines.append(RULE)
    if summary.bottom_line:
        lines += wrap_text("Bottom line: " + summary.bottom_line, PAGE_COLUMNS)
        lines.append(RULE)
    return lines


def topic_lines(topic: TopicSummary) -> list[str]:
    lines = wrap_text(topic.title.upper(), PAGE_COLUMNS)
    for point in topic.points:
        lines += _point_lines(point, BULLET)
    for point in topic.differences:
        lines += _point_lines(point, DIFFERENCE)
    return lines


def ending_lines(summary: Summary) -> list[str]:
    lines = [THIN_RULE]
    for line in summary.ending:
        lines += wrap_text(line, PAGE_COLUMNS)
    return lines


class TextMeasure:
    """The text page as a fitting measure: lines, out of 58."""

    name = f"text, {PAGE_COLUMNS} columns x {PAGE_LINES} lines"
    capacity = float(PAGE_LINES)

    def header(self, summary: Summary) -> float:
        return len(header_lines(summary))

    def topic(self, topic: TopicSummary) -> float:
        return len(topic_lines(topic))

    def ending(self, summary: Summary) -> float:
        return len(ending_lines(summary))


def text_lines(summary: Summary) -> list[str]:
    """The page, line by line. Lines the selection left over go between the topics as blank
    lines (layout only: the selection is the same in every format)."""
    topics = [topic_lines(topic) for topic in summary.topics]
    head, end = header_lines(summary), ending_lines(summary)
    spare = PAGE_LINES - len(head) - len(end) - sum(len(lines) for lines in topics)
    lines = head
    for index, block in enumerate(topics):
        if index and spare > 0:
            lines.append("")
            spare -= 1
        lines += block
    if spare > 0:
        lines.append("")
    return lines + end


def render_text(summary: Summary) -> str:
    return "\n".join(text_lines(summary)) + "\n"
