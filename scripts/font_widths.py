"""Regenerate briefing/fonts/dejavu-widths.json from the shipped TTF files.

python scripts/font_widths.py

The handout's page layout is measured in pure Python (`briefing.summary.metrics`) so that
`briefing print` chooses what fits a PDF page without importing fpdf2. The widths are the ones
fpdf2 itself uses when it draws (thousandths of an em, rounded the same way); a test compares the
two for every character of both fonts. Needs fontTools, which fpdf2 brings.
"""

from __future__ import annotations

import json
from pathlib import Path

from fontTools import ttLib

FONTS = Path(__file__).resolve().parent.parent / "briefing" / "fonts"
OUT = FONTS / "dejavu-widths.json"
FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def font_widths(path: Path) -> dict:
    font = ttLib.TTFont(path)
    scale = 1000 / font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    # The same arithmetic as fpdf.fonts.TTFFont: round(scale * w + 0.001) per character, and
    # round(scale * w) of .notdef for characters the font does not have.
    widths = {code: round(scale * metrics[glyph][0] + 0.001) for code, glyph in font.getBestCmap().items()}
    runs: list[list] = []  # [first code point, [width, width, ...]] for consecutive code points
    for code in sorted(widths):
        if runs and runs[-1][0] + len(runs[-1][1]) == code:
            runs[-1][1].append(widths[code])
        else:
            runs.append([code, [widths[code]]])
    return {"missing": round(scale * metrics[".notdef"][0]), "runs": runs}


def main() -> None:
    table = {name: font_widths(FONTS / name) for name in FILES}
    OUT.write_text(json.dumps(table, separators=(",", ":")) + "\n", encoding="utf-8")
    print(OUT, OUT.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
