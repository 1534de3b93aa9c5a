"""Make untrusted text safe to show: no control characters, no bidi overrides.

Content files and queries may come from anyone. Escape sequences (ESC), other C0/C1 controls and
bidirectional overrides could move the cursor, clear the screen or disguise text, so they are
removed before any text reaches the model; what was removed is reported with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings/overrides/isolates (the "Trojan Source" characters). Marks such as U+200F stay.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


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
                removals.append(
                    Removal(line_number, f"a bidirectional override U+{ord(match.group()):04X}")
                )
        text = _BIDI.sub("", _CONTROL.sub("", text))
    return text, removals


def strip_unsafe(text: str) -> str:
    """Remove control characters and bidi overrides; for short strings such as queries."""
    return _BIDI.sub("", _CONTROL.sub("", text.replace("\r", " ").replace("\n", " ")))
