"""What may never reach a terminal or a page: control characters and bidi overrides.

Content files and queries may come from anyone. Escape sequences (ESC), other C0/C1 controls and
bidirectional overrides could move the cursor, clear the screen or disguise text. Loading removes
them from files (and reports where, `briefing.loading.sanitize`); anything else that turns text
into output (queries, the handout, the clipboard) strips them with `strip_unsafe`.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings/overrides/isolates (the "Trojan Source" characters). Marks such as U+200F stay.
BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def strip_unsafe(text: str) -> str:
    """Remove control characters and bidi overrides; for short strings such as queries."""
    return BIDI.sub("", CONTROL.sub("", text.replace("\r", " ").replace("\n", " ")))
