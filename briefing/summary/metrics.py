"""How wide text is in the handout's font (DejaVu Sans), without loading a font library.

The widths come from `briefing/fonts/dejavu-widths.json` (made by `scripts/font_widths.py`), and
are exactly the ones fpdf2 uses to draw, so measuring a page here and drawing it with fpdf2 agree
to the point. Pure: `briefing print` measures the PDF page even when it only prints text.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

WIDTHS_FILE = Path(__file__).resolve().parent.parent / "fonts" / "dejavu-widths.json"
REGULAR_FILE = "DejaVuSans.ttf"
BOLD_FILE = "DejaVuSans-Bold.ttf"


class FontWidths:
    """Advance widths of one font in thousandths of an em, by code point."""

    def __init__(self, widths: dict[int, int], missing: int) -> None:
        self._widths = widths
        self.missing = missing  # what fpdf2 advances for a character the font does not have

    def has(self, char: str) -> bool:
        return ord(char) in self._widths

    def width(self, text: str, size: float) -> float:
        """The width of `text` at `size` points, in points."""
        get, missing = self._widths.get, self.missing
        return sum(get(ord(char), missing) for char in text) * size / 1000


@lru_cache(maxsize=1)
def _table() -> dict:
    return json.loads(WIDTHS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=2)
def font(bold: bool = False) -> FontWidths:
    """The regular or bold face's widths (read once)."""
    entry = _table()[BOLD_FILE if bold else REGULAR_FILE]
    widths = {start + offset: width for start, run in entry["runs"] for offset, width in enumerate(run)}
    return FontWidths(widths, entry["missing"])
