"""Where the content lives: an explicit folder, $BRIEFING_CONTENT, or the bundled briefing."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "BRIEFING_CONTENT"
_PACKAGE = Path(__file__).resolve().parent.parent


def bundled_content_dir() -> Path:
    """The briefing shipped with the package (wheel), or the checkout's `content/` (editable)."""
    in_wheel = _PACKAGE / "_bundled_content"
    return in_wheel if in_wheel.is_dir() else _PACKAGE.parent / "content"


def resolve_content_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    if from_env := os.environ.get(ENV_VAR):
        return Path(from_env).expanduser()
    return bundled_content_dir()
