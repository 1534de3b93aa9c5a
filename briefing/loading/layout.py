"""How a content folder is laid out, and what a file's name must be to become an id.

Light on purpose (no parsers): the store's scan of a folder uses it on every start.
"""

from __future__ import annotations

import re

from briefing.model import Problem, Severity

BRIEFING_FILE = "briefing.md"
TOPICS_DIR = "topics"
SOURCES_DIR = "sources"

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def id_problem(file_id: str, shown_as: str) -> Problem | None:
    """Why a file's name cannot be an id (lowercase letters, digits, hyphens), or None."""
    if _ID.match(file_id):
        return None
    return Problem(shown_as, 0, Severity.ERROR, "file name must be lowercase letters, digits and hyphens")


def missing_briefing_problem() -> Problem:
    return Problem(
        BRIEFING_FILE,
        0,
        Severity.ERROR,
        f"`{BRIEFING_FILE}` is missing: create it with title, as_of, event_date and bottom_line",
    )
