"""Page geometry and colours shared by the PDF and HTML renderers (points; pure, no fpdf)."""

from __future__ import annotations

from dataclasses import dataclass

#: Paper sizes in points (portrait).
PAPERS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
#: The CSS `@page size` keyword for each paper.
CSS_PAPER = {"a4": "A4", "letter": "letter"}

MARGIN_X = 42.0
MARGIN_TOP = 36.0
MARGIN_BOTTOM = 30.0
FOOTER_HEIGHT = 14.0  # the page footer line, above the bottom margin
LINE = 1.32  # line height / font size
INDENT = 13.0  # text indent of bullet points

NAVY = (24, 46, 84)
INK = (28, 28, 28)
GREY = (100, 100, 100)
RULE = (190, 198, 210)
BOX = (236, 241, 248)
ACCENT = (38, 92, 160)
AMBER = (150, 82, 0)

PAGE_FOOTER = (
    "Outlets that report each point are named in [brackets]. Full briefing, sources and search: run `briefing`."
)


@dataclass(frozen=True)
class Page:
    width: float
    height: float

    @classmethod
    def of(cls, paper: str) -> Page:
        return cls(*PAPERS[paper])

    @property
    def text_width(self) -> float:
        return self.width - 2 * MARGIN_X

    @property
    def limit(self) -> float:
        """The lowest y content may reach: above the page footer."""
        return self.height - MARGIN_BOTTOM - FOOTER_HEIGHT
