"""Render a fitted `Summary` as a one-page PDF (fpdf2, the shipped DejaVu Sans), and measure it.

The same drawing code measures and renders: `PdfMeasure` draws the header and each topic on a
scratch page and sums their real heights, so the fitting rule never works from estimates. fpdf2
is imported here only; `briefing print` in the text formats never loads it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache, partial
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from briefing.summary.build import Point, Summary, TopicSummary
from briefing.summary.layout import (
    ACCENT,
    AMBER,
    BOX,
    FOOTER_HEIGHT,
    GREY,
    INDENT,
    INK,
    LINE,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    NAVY,
    PAGE_FOOTER,
    RULE,
    Page,
)
from briefing.summary.text import outlet_tag
from briefing.summary.wrap import GLUE

FONTS = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "DejaVu"
_FPDF_FORMAT = {"a4": "A4", "letter": "Letter"}


def new_pdf(paper: str) -> FPDF:
    pdf = FPDF(orientation="portrait", unit="pt", format=_FPDF_FORMAT[paper])
    pdf.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
    pdf.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
    pdf.set_auto_page_break(False)  # fitting decides what goes on the page; nothing spills
    pdf.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
    pdf.c_margin = 0
    return pdf


class _Drawer:
    def __init__(self, pdf: FPDF, summary: Summary, heights: dict | None = None) -> None:
        self.pdf = pdf
        self.size = summary.font_size or 10.0
        self.page = Page(pdf.w, pdf.h)
        self.heights = heights  # measuring only: point heights already known, by point and size

    def font(self, bold: bool = False, scale: float = 1.0, color=INK) -> float:
        size = self.size * scale
        self.pdf.set_font(FAMILY, "B" if bold else "", size)
        self.pdf.set_text_color(*color)
        return size * LINE

    def block(self, text: str, bold: bool = False, scale: float = 1.0, color=INK, x: float | None = None) -> None:
        height = self.font(bold, scale, color)
        x = MARGIN_X if x is None else x
        self.pdf.set_x(x)
        self.pdf.multi_cell(
            self.page.width - MARGIN_X - x,
            height,
            text,
            align="L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )

    def rule(self, gap: float, color=RULE, weight: float = 0.6) -> None:
        pdf = self.pdf
        pdf.set_y(pdf.get_y() + gap)
        pdf.set_draw_color(*color)
        pdf.set_line_width(weight)
        pdf.line(MARGIN_X, pdf.get_y(), self.page.width - MARGIN_X, pdf.get_y())
        pdf.set_y(pdf.get_y() + gap)

    def point(self, point: Point, marker: str, marker_color) -> None:
        """A bullet with a hanging indent: text in ink, outlet tags small and grey."""
        pdf = self.pdf
        if self.heights is None:
            self._draw_point(point, marker, marker_color)
            return
        key, top = (self.size, marker, point), pdf.get_y()
        if key in self.heights:
            pdf.set_y(top + self.heights[key])
        else:
            self._draw_point(point, marker, marker_color)
            self.heights[key] = pdf.get_y() - top

    def _draw_point(self, point: Point, marker: str, marker_color) -> None:
        pdf = self.pdf
        height = self.font(color=marker_color, bold=True)
        pdf.set_x(MARGIN_X + 3)
        pdf.cell(INDENT - 3, height, marker)
        pdf.set_left_margin(MARGIN_X + INDENT)
        pdf.set_x(MARGIN_X + INDENT)
        if point.label:
            self.font(bold=True)
            pdf.write(height, point.label + ": ")
        for segment in point.segments:
            if segment.text.strip():
                self.font()
                pdf.write(height, segment.text)
            if segment.outlets:
                self.font(scale=0.84, color=GREY)
                pdf.write(height, " " + outlet_tag(segment.outlets).replace(" ", GLUE))
        pdf.ln(height + self.size * 0.18)
        pdf.set_left_margin(MARGIN_X)

    def header(self, summary: Summary) -> None:
        pdf = self.pdf
        self.block(summary.title, bold=True, scale=1.9, color=NAVY)
        if summary.date_line:
            pdf.set_y(pdf.get_y() + 1)
            self.block(summary.date_line, scale=0.95, color=GREY)
        self.rule(4, color=NAVY, weight=1.1)
        if summary.bottom_line:
            self.bottom_line(summary.bottom_line)

    def bottom_line(self, text: str) -> None:
        pdf = self.pdf
        pad, bar = 6.0, 3.0
        inner_x = MARGIN_X + bar + pad
        inner_w = self.page.text_width - bar - 2 * pad
        label_h = self.font(bold=True, scale=0.8, color=ACCENT)
        text_h = self.font(scale=1.08)
        body_h = float(
            pdf.multi_cell(inner_w, text_h, text, align="L", dry_run=True, output=MethodReturnValue.HEIGHT)  # type: ignore[arg-type]
        )
        top = pdf.get_y() + 2
        box_h = pad + label_h + body_h + pad
        pdf.set_fill_color(*BOX)
        pdf.rect(MARGIN_X, top, self.page.text_width, box_h, style="F")
        pdf.set_fill_color(*ACCENT)
        pdf.rect(MARGIN_X, top, bar, box_h, style="F")
        pdf.set_y(top + pad)
        self.block("BOTTOM LINE", bold=True, scale=0.8, color=ACCENT, x=inner_x)
        self.font(scale=1.08)
        pdf.set_x(inner_x)
        pdf.multi_cell(inner_w, text_h, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_y(top + box_h + 2)

    def topic(self, topic: TopicSummary) -> None:
        pdf = self.pdf
        pdf.set_y(pdf.get_y() + self.size * 0.75)
        self.block(topic.title, bold=True, scale=1.18, color=NAVY)
        self.rule(1.2, weight=0.5)
        for point in topic.points:
            self.point(point, "•", ACCENT)
        if topic.differences:
            self.block("Where reports differ", bold=True, scale=0.86, color=AMBER, x=MARGIN_X + 3)
            for point in topic.differences:
                self.point(point, "≠", AMBER)
        if topic.hidden:
            self.block(topic.more_note, scale=0.86, color=GREY, x=MARGIN_X + INDENT)

    def footer_note(self, summary: Summary) -> None:
        if summary.footer_note:
            self.pdf.set_y(self.pdf.get_y() + self.size * 0.6)
            self.rule(3)
            self.block(summary.footer_note, scale=0.9, color=GREY)

    def page_footer(self) -> None:
        pdf = self.pdf
        pdf.set_y(self.page.height - MARGIN_BOTTOM - FOOTER_HEIGHT + 4)
        pdf.set_font(FAMILY, "", 6.5)
        pdf.set_text_color(*GREY)
        pdf.cell(self.page.text_width, 10, PAGE_FOOTER, align="C")

    def draw(self, summary: Summary) -> float:
        """Draw the summary on the current page; return where the content ends (y, points)."""
        self.pdf.set_y(MARGIN_TOP)
        self.header(summary)
        for topic in summary.topics:
            self.topic(topic)
        self.footer_note(summary)
        end = self.pdf.get_y()
        self.page_footer()
        return end


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


class PdfMeasure:
    """`fits(summary)`: real heights from fpdf2, on a scratch page of `paper`.

    With automatic page breaks off, every block's height is independent of where it starts,
    so the header, each topic and the footer note are measured once per font size (cached) and
    summed. The fitter asks about many variants of the same topics; each costs a lookup.
    """

    def __init__(self, paper: str) -> None:
        self.pdf = new_pdf(paper)
        self.page = Page(self.pdf.w, self.pdf.h)
        self._heights: dict[tuple, float] = {}
        self._point_heights: dict[tuple, float] = {}
        with _quiet_fpdf():
            self.pdf.add_page()

    def _height(self, key: tuple, summary: Summary, draw: Callable[[_Drawer], None]) -> float:
        if key not in self._heights:
            drawer = _Drawer(self.pdf, summary, self._point_heights)
            self.pdf.set_y(MARGIN_TOP)
            with _quiet_fpdf():
                draw(drawer)
            self._heights[key] = self.pdf.get_y() - MARGIN_TOP
        return self._heights[key]

    def __call__(self, summary: Summary) -> bool:
        size = summary.font_size
        header = (summary.title, summary.date_line, summary.bottom_line)
        end = MARGIN_TOP + self._height(("header", size, header), summary, lambda d: d.header(summary))
        for topic in summary.topics:
            end += self._height(("topic", size, topic), summary, partial(_Drawer.topic, topic=topic))
            if end > self.page.limit:
                return False
        if summary.footer_note:
            key = ("footer", size, summary.footer_note)
            end += self._height(key, summary, lambda d: d.footer_note(summary))
        return end <= self.page.limit


@lru_cache(maxsize=1)
def _cmap() -> dict[int, str]:
    font = new_pdf("a4").fonts[FAMILY.lower()]
    return getattr(font, "cmap", {})  # a TTF font's character map (core fonts have none)


def missing_glyphs(summary: Summary) -> str:
    """The characters DejaVu Sans cannot draw (they would print blank), in order of appearance."""
    cmap = _cmap()
    seen: dict[str, None] = {}
    for char in _all_text(summary):
        if not char.isspace() and ord(char) not in cmap and char != GLUE:
            seen.setdefault(char, None)
    return "".join(seen)


def _all_text(summary: Summary) -> str:
    pieces = [summary.title, summary.date_line, summary.bottom_line, summary.footer_note]
    for topic in summary.topics:
        pieces += [topic.title, topic.more_note]
        for point in (*topic.points, *topic.differences):
            pieces.append(point.label)
            pieces += [segment.text + outlet_tag(segment.outlets) for segment in point.segments]
    return "".join(pieces)


def render_pdf(summary: Summary, paper: str = "a4") -> bytes:
    pdf = new_pdf(paper)
    pdf.set_title(summary.title)
    pdf.set_creator("briefing print")
    with _quiet_fpdf():
        pdf.add_page()
        end = _Drawer(pdf, summary).draw(summary)
        overflow = end - Page(pdf.w, pdf.h).limit
        if overflow > 0.5:  # the fitter prevents this; never hand out a silently cut page
            raise RuntimeError(f"the summary overflows the page by {overflow:.1f} pt")
        return bytes(pdf.output())
