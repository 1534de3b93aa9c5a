"""Page geometry, type sizes and colours shared by the PDF and HTML handouts (points; pure).

Legibility rules, checked by the tests on the real PDF: the body is at least 9 pt, nothing is
under 7.5 pt (outlet tags are the smallest, at 0.85 of the body), and nothing is printed within
36 pt (half an inch, which office printers cannot reach) of any paper edge.
"""

from __future__ import annotations

#: Paper sizes in points (portrait).
PAPERS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
#: The CSS `@page size` keyword for each paper.
CSS_PAPER = {"a4": "A4", "letter": "letter"}

#: The band office printers cannot reach; nothing may be printed in it.
UNPRINTABLE = 36.0
MARGIN_X = 45.0
MARGIN_TOP = 42.0
MARGIN_BOTTOM = 42.0

#: Body sizes tried for a page, largest first: the largest the selection fits in is used.
BODY_SIZES = tuple(x / 4 for x in range(48, 35, -1))  # 12 pt down to 9 pt by quarter points
MIN_BODY = BODY_SIZES[-1]
MIN_TYPE = 7.5
#: Sizes relative to the body.
TITLE_SCALE = 1.6
TOPIC_SCALE = 1.15
SMALL_SCALE = 0.85  # outlet tags, the date, the label of the bottom line, the closing lines
LINE = 1.25  # line height / font size
INDENT = 12.0  # where a point's text starts, right of its bullet
BULLET_X = 2.0  # where the bullet sits, right of the margin
TOPIC_GAP = 0.45  # space above a topic and above the closing lines, in bodies
BOX_PAD = 5.0  # inside the bottom line's box

NAVY = (24, 46, 84)
INK = (28, 28, 28)
GREY = (90, 90, 90)
RULE = (190, 198, 210)
BOX = (236, 241, 248)
ACCENT = (38, 92, 160)
AMBER = (150, 82, 0)

assert MIN_BODY * SMALL_SCALE >= MIN_TYPE, "the smallest type would fall under the legibility floor"
assert min(MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM) > UNPRINTABLE
