"""The handout as plain text that prints as is: at most 76 columns and 58 lines.

76 columns at the default 10 characters per inch are 547 pt, inside the 559 pt an office laser
can print across A4; 58 lines at 6 lines per inch fit A4 and Letter alike. So plain `lp` prints
it on one sheet with no options. `TextMeasure` is the fitting measure (lines), built from the
same functions that print, so what is measured is what is printed.

The text page is the tightest of the pages the selection must fit, so it is laid out densely:
the dates are written into the rule under the title and the legend into the closing rule, each
topic's title (in capitals) runs into its first point, and bullets stand at the margin. Blank
lines go between the topics only when there is room for one between every two.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len

from briefing.summary.model import Point, Summary, TopicSummary, outlet_tag
from briefing.summary.wrap import GLUE, Atom, text_atoms, wrap_atoms, wrap_text

PAGE_COLUMNS = 76
PAGE_LINES = 58
RULE = "=" * PAGE_COLUMNS
THIN_RULE = "-" * PAGE_COLUMNS
BULLET = "• "
DIFFERENCE = "≠ "
HANGING = "  "
#: A topic title longer than this gets a line of its own rather than running into its first point.
MAX_RUN_IN_CELLS = PAGE_COLUMNS // 2 + 10


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


def labelled_rule(label: str, fill: str) -> str:
    """ "== As of … ======": `label` written into a rule of `fill`, or the bare rule when it
    is too long for one line."""
    head = f"{fill * 2} {label} "
    if not label or cell_len(head) + 2 > PAGE_COLUMNS:
        return fill * PAGE_COLUMNS
    return head + fill * (PAGE_COLUMNS - cell_len(head))


def header_lines(summary: Summary) -> list[str]:
    lines = wrap_text(summary.title, PAGE_COLUMNS)
    dated = labelled_rule(summary.date_line, "=")
    if dated == RULE and summary.date_line:
        lines += wrap_text(summary.date_line, PAGE_COLUMNS)
    lines.append(dated)
    if summary.bottom_line:
        lines += wrap_text("Bottom line: " + summary.bottom_line, PAGE_COLUMNS)
        lines.append(RULE)
    return lines


def topic_lines(topic: TopicSummary) -> list[str]:
    items = [(point, BULLET) for point in topic.points] + [(point, DIFFERENCE) for point in topic.differences]
    title = topic.title.upper()
    if not items:
        return wrap_text(title, PAGE_COLUMNS)
    (first, marker), rest = items[0], items[1:]
    if cell_len(title) > MAX_RUN_IN_CELLS:  # too long to run in: a line (or more) of its own
        lines = wrap_text(title, PAGE_COLUMNS) + list(_point_lines(first, marker))
    else:  # the title runs into the first point: "KURSK • Trump has said …"
        lines = list(_point_lines(first, title + " " + marker))
    for point, marker in rest:
        lines += _point_lines(point, marker)
    return lines


def ending_lines(summary: Summary) -> list[str]:
    rule = labelled_rule(summary.legend, "-")
    lines = [rule]
    for line in summary.ending:
        if line == summary.legend and rule != THIN_RULE:
            continue  # written into the rule
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
    between = spare >= len(topics) - 1
    lines = list(head)
    for index, block in enumerate(topics):
        if index and between:
            lines.append("")
        lines += block
    if spare - (len(topics) - 1 if between else 0) > 0:
        lines.append("")
    return lines + end


def render_text(summary: Summary) -> str:
    return "\n".join(text_lines(summary)) + "\n"
