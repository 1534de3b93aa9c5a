"""Where the bundled briefing lives. Its own module, outside `loading`, so the handout can say
"bundled with the briefing app" without the app importing the loader."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_content_dir() -> Path:
    """The briefing shipped with the package (wheel), or the checkout's `content/` (editable)."""
    in_wheel = _PACKAGE / "_bundled_content"
    return in_wheel if in_wheel.is_dir() else _PACKAGE.parent / "content"
