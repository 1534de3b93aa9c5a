"""Reading the terminal as a reader sees it, for Pilot tests: find a text, then click on it."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import App
from textual.geometry import Offset, Region


def screen_lines(app: App) -> list[str]:
    """Every row of the terminal, as plain text (all layers, overlays included)."""
    # The compositor is what the driver paints from; Textual has no public "screen as text".
    return [strip.text for strip in app.screen._compositor.render_strips()]


def find_on_screen(app: App, text: str, within: Region | None = None) -> Offset | None:
    """The cell where `text` first starts on screen (inside `within`, when given), or None."""
    for y, line in enumerate(screen_lines(app)):
        start = 0
        while (index := line.find(text, start)) >= 0:
            where = Offset(cell_len(line[:index]), y)
            if within is None or within.contains_point(where):
                return where
            start = index + 1
    return None
