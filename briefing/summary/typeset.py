"""The PDF page laid out in pure Python: every line broken and placed here, then painted by pdf.py.

Because the layout is ours (fpdf2 only paints text at the positions given), measuring a page
and drawing it cannot disagree, and measuring needs no font library: `briefing print` measures
the PDF page even when it prints text. A `Typesetter` is also a fitting measure (points of
height): the header, each topic and the ending are blocks whose heights add up, since nothing
breaks across pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from briefing.summary.layout import (
    ACCENT,
    AMBER,
    BODY_SIZES,
    BOX,
    BOX_PAD,
    BULLET_X,
    GREY,
    INDENT,
    INK,
    LINE,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    NAVY,
    PAPERS,
    RULE,
    SMALL_SCALE,
    TITLE_SCALE,
    TOPIC_GAP,
    TOPIC_SCALE,
)
from briefing.summary.metrics import font
from briefing.summary.model import Point, Summary, TopicSummary, outlet_tag
from briefing.summary.wrap import GLUE  # keeps an outlet tag's words together; drawn as a space

Color = tuple[int, int, int]


@dataclass(frozen=True)
class Style:
    scale: float = 1.0
    bold: bool = False
    color: Color = INK


BODY = Style()
LABEL = Style(bold=True)
TAG = Style(SMALL_SCALE, color=GREY)
TITLE = Style(TITLE_SCALE, True, NAVY)
DATE = Style(SMALL_SCALE, color=GREY)
BOX_LABEL = Style(SMALL_SCALE, True, ACCENT)
TOPIC_TITLE = Style(TOPIC_SCALE, True, NAVY)
ENDING = Style(SMALL_SCALE, color=GREY)
ENDING_FIRST = Style(SMALL_SCALE, True, GREY)
POINT_BULLET = ("•", Style(bold=True, color=ACCENT))
DIFFERENCE_BULLET = ("≠", Style(bold=True, color=AMBER))


@dataclass(frozen=True)
class Text:
    """Text drawn with its left end at `x` on the baseline `y`."""

    x: float
    y: float
    text: str
    size: float
    bold: bool
    color: Color


@dataclass(frozen=True)
class Rule:
    x1: float
    x2: float
    y: float
    color: Color
    weight: float


@dataclass(frozen=True)
class Fill:
    x: float
    y: float
    width: float
    height: float
    color: Color


Drawing = Text | Rule | Fill


@dataclass
class Block:
    """Drawings with y measured from the block's top, and the height the block takes."""

    height: float = 0.0
    drawings: list[Drawing] = field(default_factory=list)

    def add(self, drawings: Iterable[Drawing], dy: float) -> None:
        for drawing in drawings:
            self.drawings.append(replace(drawing, y=drawing.y + dy))


Piece = tuple[str, Style]
Unit = list[Piece]  # pieces with no space between them; a line may break only between units
Word = tuple[str, Style, bool]  # text, style, preceded by a space


def words_of(text: str, style: Style, space_before: bool = True) -> list[Word]:
    return [(word, style, space_before or index > 0) for index, word in enumerate(text.split())]


def point_words(point: Point) -> list[Word]:
    words: list[Word] = []
    if point.label:
        words += words_of(point.label + ":", LABEL)
    for index, segment in enumerate(point.segments):
        words += words_of(segment.text, BODY, space_before=index == 0 or segment.text[:1].isspace())
        if segment.outlets:
            words.append((outlet_tag(segment.outlets).replace(" ", GLUE), TAG, True))
    return words


def _units(words: Iterable[Word]) -> list[Unit]:
    units: list[Unit] = []
    for text, style, space_before in words:
        if units and not space_before:
            units[-1].append((text, style))
        else:
            units.append([(text, style)])
    return units


@lru_cache(maxsize=16384)
def _em_width(text: str, bold: bool) -> float:
    # Words recur at every body size tried, and a topic's first point in its shorter forms.
    return font(bold).width(text.replace(GLUE, " "), 1000)


class Typesetter:
    """Lays out a summary on one paper at one body size; also a fitting measure in points."""

    def __init__(self, paper: str, body: float) -> None:
        self.paper = paper
        self.body = body
        self.width, self.height = PAPERS[paper]
        self.text_width = self.width - 2 * MARGIN_X
        self.name = f"PDF, {paper}, {body:g} pt"

    # --- the fitting measure --------------------------------------------------------------

    @cached_property
    def capacity(self) -> float:
        return self.height - MARGIN_TOP - MARGIN_BOTTOM

    def header(self, summary: Summary) -> float:
        return self.header_block(summary).height

    def topic(self, topic: TopicSummary) -> float:
        return self.topic_block(topic).height

    def ending(self, summary: Summary) -> float:
        return self.ending_block(summary).height

    # --- text ------------------------------------------------------------------------------

    def size(self, style: Style) -> float:
        # Rounded as fpdf2 writes sizes into the PDF, so the width measured is the width drawn.
        return round(self.body * style.scale, 2)

    def _width(self, text: str, style: Style) -> float:
        return _em_width(text, style.bold) * self.size(style) / 1000

    def paragraph(self, words: Sequence[Word], x: float, width: float, line_height: float, baseline: float) -> Block:
        """Greedy line breaking of `words` into lines of at most `width` points, from `x`."""
        lines: list[list[Text]] = [[]]
        cursor = 0.0
        for unit in _units(words):
            unit_width = sum(self._width(text, style) for text, style in unit)
            space = self._width(" ", unit[0][1]) if cursor else 0.0
            if cursor and cursor + space + unit_width > width:
                lines.append([])
                cursor, space = 0.0, 0.0
            for index, (text, style) in enumerate(unit):
                lead = space if index == 0 else 0.0
                rest = text
                while rest:
                    # Only a word wider than a whole line is cut, at a character.
                    fitting = self._prefix_within(rest, style, width - cursor - lead) or ("" if cursor else rest[0])
                    if fitting:
                        self._place(lines[-1], fitting, style, x + cursor, lead)
                        cursor += lead + self._width(fitting, style)
                        rest = rest[len(fitting) :]
                    if rest:
                        lines.append([])
                        cursor = 0.0
                    lead = 0.0
        block = Block(height=line_height * len(lines))
        for number, runs in enumerate(lines):
            block.add(runs, number * line_height + baseline)
        return block

    def _prefix_within(self, text: str, style: Style, room: float) -> str:
        """The longest start of `text` at most `room` points wide."""
        if self._width(text, style) <= room:
            return text
        end = 0
        while end < len(text) and self._width(text[: end + 1], style) <= room:
            end += 1
        return text[:end]

    def _place(self, runs: list[Text], text: str, style: Style, x: float, lead: float) -> None:
        size = self.size(style)
        shown = text.replace(GLUE, " ")
        last = runs[-1] if runs else None
        if last and (last.size, last.bold, last.color) == (size, style.bold, style.color):
            runs[-1] = Text(last.x, 0.0, last.text + (" " if lead else "") + shown, size, style.bold, style.color)
        else:
            # The space is drawn, not skipped, so text copied or extracted from the PDF reads right.
            runs.append(Text(x, 0.0, (" " if lead else "") + shown, size, style.bold, style.color))

    def _line_height(self, style: Style = BODY) -> float:
        return self.size(style) * LINE

    def _baseline(self, line_height: float, style: Style = BODY) -> float:
        # Where fpdf2's cells put it: glyphs (ascent to descent) stay inside their line box.
        return 0.5 * line_height + 0.3 * self.size(style)

    def _lines(self, text: str, style: Style, x: float = MARGIN_X, width: float | None = None) -> Block:
        height = self._line_height(style)
        words = words_of(text, style)
        return self.paragraph(
            words, x, self.text_width if width is None else width, height, self._baseline(height, style)
        )

    # --- blocks ----------------------------------------------------------------------------

    def header_block(self, summary: Summary) -> Block:
        block = Block()
        title_height = self.size(TITLE) * 1.2
        title = self.paragraph(
            words_of(summary.title, TITLE), MARGIN_X, self.text_width, title_height, self._baseline(title_height, TITLE)
        )
        self._stack(block, title)
        if summary.date_line:
            self._stack(block, self._lines(summary.date_line, DATE), gap=1.0)
        self._rule(block, gap=4.0, color=NAVY, weight=1.1)
        if summary.bottom_line:
            self._stack(block, self._bottom_line(summary.bottom_line), gap=2.0)
        return block

    def _bottom_line(self, text: str) -> Block:
        pad, bar = BOX_PAD, 3.0
        inner_x = MARGIN_X + bar + pad
        inner_width = self.text_width - bar - 2 * pad
        label = self._lines("BOTTOM LINE", BOX_LABEL, inner_x, inner_width)
        body = self._lines(text, BODY, inner_x, inner_width)
        box = Block(height=pad + label.height + body.height + pad)
        box.drawings += [
            Fill(MARGIN_X, 0.0, self.text_width, box.height, BOX),
            Fill(MARGIN_X, 0.0, bar, box.height, ACCENT),
        ]
        box.add(label.drawings, pad)
        box.add(body.drawings, pad + label.height)
        return box

    def topic_block(self, topic: TopicSummary) -> Block:
        block = Block()
        title_height = self.size(TOPIC_TITLE) * 1.25
        title = self.paragraph(
            words_of(topic.title, TOPIC_TITLE),
            MARGIN_X,
            self.text_width,
            title_height,
            self._baseline(title_height, TOPIC_TITLE),
        )
        self._stack(block, title, gap=TOPIC_GAP * self.body)
        self._rule(block, gap=1.2, color=RULE, weight=0.5)
        for point in topic.points:
            self._stack(block, self._point(point, POINT_BULLET), gap=0.15 * self.body)
        for point in topic.differences:
            self._stack(block, self._point(point, DIFFERENCE_BULLET), gap=0.15 * self.body)
        return block

    def _point(self, point: Point, bullet: tuple[str, Style]) -> Block:
        height = self._line_height()
        baseline = self._baseline(height)
        block = self.paragraph(point_words(point), MARGIN_X + INDENT, self.text_width - INDENT, height, baseline)
        mark, style = bullet
        block.drawings.append(Text(MARGIN_X + BULLET_X, baseline, mark, self.size(style), style.bold, style.color))
        return block

    def ending_block(self, summary: Summary) -> Block:
        block = Block(height=TOPIC_GAP * self.body)
        self._rule(block, gap=3.0, color=RULE, weight=0.6)
        for line in summary.ending:
            style = ENDING_FIRST if line == summary.left_out_line else ENDING
            self._stack(block, self._lines(line, style))
        return block

    def _stack(self, block: Block, part: Block, gap: float = 0.0) -> None:
        block.add(part.drawings, block.height + gap)
        block.height += gap + part.height

    def _rule(self, block: Block, gap: float, color: Color, weight: float) -> None:
        y = block.height + gap
        block.drawings.append(Rule(MARGIN_X, self.width - MARGIN_X, y, color, weight))
        block.height = y + gap

    # --- the page --------------------------------------------------------------------------

    def fits(self, summary: Summary) -> bool:
        used = self.header(summary) + sum(self.topic(topic) for topic in summary.topics) + self.ending(summary)
        return used <= self.capacity + 1e-6

    def page(self, summary: Summary) -> Block:
        """Every drawing of the page at its place (y from the top of the paper)."""
        header, ending = self.header_block(summary), self.ending_block(summary)
        topics = [self.topic_block(topic) for topic in summary.topics]
        # What the body size left over goes between the topics (layout only, as the text
        # page's blank lines), up to a line each, so the page is used rather than left blank.
        spare = self.capacity - header.height - ending.height - sum(block.height for block in topics)
        extra = max(0.0, min(spare / (len(topics) + 1), self._line_height()))
        page = Block(height=MARGIN_TOP)
        self._stack(page, header)
        for block in topics:
            self._stack(page, block, gap=extra)
        self._stack(page, ending, gap=extra)
        return page


def page_setter(summary: Summary, paper: str) -> Typesetter:
    """The typesetter at the largest body size in which `summary` fits `paper` (the smallest
    size if none does; the selection is made so that it always does).

    Halving the list of sizes: widths and heights scale with the size, so a smaller body never
    needs more room than a larger one."""
    sizes = BODY_SIZES  # largest first
    low, high = 0, len(sizes) - 1  # the answer is in sizes[low:high + 1]
    while low < high:
        middle = (low + high) // 2
        if Typesetter(paper, sizes[middle]).fits(summary):
            high = middle
        else:
            low = middle + 1
    return Typesetter(paper, sizes[low])
