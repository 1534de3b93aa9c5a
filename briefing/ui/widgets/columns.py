"""Rows of columns in which a wrapped cell stays under its own column (help, problems).

Textual wraps a line of text back to column 0; here each cell is wrapped to its column's width
and the rows are put together line by line, again whenever the width changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

#: A row: its cells, or one `Content` that spans the width (a group's heading).
Row = Sequence[Content] | Content
GAP = 2


def lay_out(rows: Sequence[Row], widths: Sequence[int], width: int) -> Content:
    """`rows` as text `width` cells wide: every column but the last has its width from `widths`,
    the last takes what is left (at least 12)."""
    last = max(width - sum(widths) - GAP * len(widths), 12)
    lines: list[Content] = []
    for row in rows:
        if isinstance(row, Content):
            lines.extend(row.wrap(max(width, 12)))
            continue
        cells = [cell.wrap(w) or [Content("")] for cell, w in zip(row, [*widths, last], strict=True)]
        for index in range(max(len(cell) for cell in cells)):
            parts = []
            for column, cell in enumerate(cells):
                piece = cell[index] if index < len(cell) else Content("")
                if column < len(widths):
                    piece = piece.pad_right(widths[column] - piece.cell_length + GAP)
                parts.append(piece)
            lines.append(Content.assemble(*parts))
    return Content("\n").join(lines)


class ColumnText(Static):
    """`rows` laid out at the widget's width (see `lay_out`)."""

    def __init__(self, rows: Sequence[Row], widths: Sequence[int], **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows = list(rows)
        self.widths = list(widths)
        self._laid_out = -1
        #: The text as last laid out (what the reader sees, scrolled or not).
        self.laid_out = Content("")

    def on_resize(self) -> None:
        width = self.size.width
        if width > 0 and width != self._laid_out:
            self._laid_out = width
            self._show(width)

    def on_mount(self) -> None:
        self._show(self.size.width or 76)

    def _show(self, width: int) -> None:
        self.laid_out = lay_out(self.rows, self.widths, width)
        self.update(self.laid_out)
