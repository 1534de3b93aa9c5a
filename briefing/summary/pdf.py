"""The handout as a one-page PDF: fpdf2 paints, with the shipped DejaVu Sans, what typeset.py laid out.

fpdf2 is imported here only, so `briefing print` in the text formats never loads it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fpdf import FPDF

from briefing.summary.layout import MARGIN_BOTTOM
from briefing.summary.metrics import font
from briefing.summary.model import Summary, outlet_tag
from briefing.summary.typeset import Fill, Rule, Text, Typesetter

FONTS = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "DejaVu"
_FPDF_FORMAT = {"a4": "A4", "letter": "Letter"}


def new_pdf(paper: str) -> FPDF:
    pdf = FPDF(orientation="portrait", unit="pt", format=_FPDF_FORMAT[paper])
    pdf.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
    pdf.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
    pdf.set_auto_page_break(False)  # the fitting rule decides what goes on the page; nothing spills
    return pdf


@contextmanager
def _quiet_fpdf() -> Iterator[None]:
    """fpdf2 logs missing glyphs as multi-line warnings; `missing_glyphs` reports them in one."""
    logger = logging.getLogger("fpdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def render_pdf(summary: Summary, setter: Typesetter) -> bytes:
    """Paint `summary` as laid out by `setter` (its paper and body size) on one page."""
    page = setter.page(summary)
    overflow = page.height - (setter.height - MARGIN_BOTTOM)
    if overflow > 0.5:  # the selection prevents this; never hand out a silently cut page
        raise RuntimeError(f"the summary overflows the page by {overflow:.1f} pt")
    pdf = new_pdf(setter.paper)
    pdf.set_title(summary.title)
    pdf.set_creator("briefing print")
    pdf.set_lang("en")
    with _quiet_fpdf():
        pdf.add_page()
        for drawing in page.drawings:
            if isinstance(drawing, Text):
                pdf.set_font(FAMILY, "B" if drawing.bold else "", drawing.size)
                pdf.set_text_color(*drawing.color)
                pdf.text(drawing.x, drawing.y, drawing.text)
            elif isinstance(drawing, Rule):
                pdf.set_draw_color(*drawing.color)
                pdf.set_line_width(drawing.weight)
                pdf.line(drawing.x1, drawing.y, drawing.x2, drawing.y)
            elif isinstance(drawing, Fill):
                pdf.set_fill_color(*drawing.color)
                pdf.rect(drawing.x, drawing.y, drawing.width, drawing.height, style="F")
        return bytes(pdf.output())


def missing_glyphs(summary: Summary) -> str:
    """The characters DejaVu Sans cannot draw (they would print blank), in order of appearance."""
    regular = font()
    seen: dict[str, None] = {}
    for char in _all_text(summary):
        if not char.isspace() and not regular.has(char):
            seen.setdefault(char, None)
    return "".join(seen)


def _all_text(summary: Summary) -> str:
    pieces = [summary.title, summary.date_line, summary.bottom_line, *summary.ending]
    for topic in summary.topics:
        pieces.append(topic.title)
        for point in (*topic.points, *topic.differences):
            pieces.append(point.label)
            pieces += [segment.text + outlet_tag(segment.outlets) for segment in point.segments]
    return "".join(pieces)
