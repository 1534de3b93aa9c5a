"""Clean a content file's text before it reaches the model: control characters and bidi
overrides (see `briefing.safe_text`) are removed, and each removal is reported with its line."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.safe_text import BIDI as _BIDI
from briefing.safe_text import CONTROL as _CONTROL


@dataclass(frozen=True)
class Removal:
    line: int
    what: str


def _describe(char: str) -> str:
    if char == "\x1b":
        return "an escape character (ESC, a terminal escape sequence)"
    if char == "\x00":
        return "a NUL byte"
    return f"control character U+{ord(char):04X}"


def clean_text(text: str) -> tuple[str, list[Removal]]:
    """Return `text` without control characters and bidi overrides, and where they were.

    Carriage returns are normalised to newlines first, so Windows files are not flagged.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    removals: list[Removal] = []
    if _CONTROL.search(text) or _BIDI.search(text):
        for line_number, line in enumerate(text.split("\n"), start=1):
            if match := _CONTROL.search(line):
                removals.append(Removal(line_number, _describe(match.group())))
            if match := _BIDI.search(line):
                removals.append(Removal(line_number, f"a bidirectional override U+{ord(match.group()):04X}"))
        text = _BIDI.sub("", _CONTROL.sub("", text))
    return text, removals
