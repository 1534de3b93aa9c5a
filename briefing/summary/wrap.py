"""Word wrapping measured in terminal cells (`rich.cells.cell_len`), not characters.

`textwrap` counts characters, so a line of wide CJK characters it calls 80 long is 160 cells.
This wrapper works on "atoms" (words, and outlet tags that should not break) and measures every
line with `cell_len`; a word wider than the line is chopped at grapheme boundaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len, chop_cells

#: Joins the words of an outlet tag so the wrapper keeps "[AP/LAT, USLive]" on one line.
GLUE = "\u00a0"

Atom = tuple[str, bool]  # (text, preceded by a space)


def text_atoms(text: str, space_before: bool = True) -> list[Atom]:
    """Atoms for plain text; the first one is glued to what precedes it unless `space_before`."""
    return [(word, space_before or index > 0) for index, word in enumerate(text.split())]


def _units(atoms: Iterable[Atom]) -> list[str]:
    """Merge glued atoms ("days" + ";") into units that only break where a space was."""
    units: list[str] = []
    for text, space_before in atoms:
        if units and not space_before:
            units[-1] += text
        else:
            units.append(text)
    return units


def wrap_atoms(atoms: Sequence[Atom], width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """Greedy wrap to at most `width` cells per line (indents included)."""
    lines: list[str] = []
    line, indent = initial_indent, initial_indent
    for unit in _units(atoms):
        separator = "" if line == indent else " "
        if cell_len(line) + cell_len(separator) + cell_len(unit) <= width:
            line += separator + unit
            continue
        if line != indent:
            lines.append(line)
            line = indent = subsequent_indent
        room = max(1, width - cell_len(line))
        pieces = chop_cells(unit, room) if cell_len(unit) > room else [unit]
        for piece in pieces[:-1]:
            lines.append(line + piece)
            line = indent = subsequent_indent
        line += pieces[-1]
    if line != indent or not lines:
        lines.append(line)
    return [piece for line in lines for piece in _within(line.replace(GLUE, " ").rstrip(), width)]


def _within(line: str, width: int) -> list[str]:
    # Belt and braces: grapheme clusters can measure differently joined than apart.
    return [line] if cell_len(line) <= width else chop_cells(line, width)


def wrap_text(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    return wrap_atoms(text_atoms(text), width, initial_indent, subsequent_indent)
