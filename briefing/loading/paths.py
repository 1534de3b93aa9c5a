"""Where the content lives: an explicit folder, $BRIEFING_CONTENT, or the bundled briefing."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.bundled import bundled_content_dir

__all__ = ["ENV_VAR", "bundled_content_dir", "resolve_content_dir"]

ENV_VAR = "BRIEFING_CONTENT"


def resolve_content_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    if from_env := os.environ.get(ENV_VAR):
        return Path(from_env).expanduser()
    return bundled_content_dir()
