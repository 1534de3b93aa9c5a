"""Read one content file as text, turning every way that can fail into a Problem."""

from __future__ import annotations

import codecs
from pathlib import Path

from briefing.loading.sanitize import clean_text
from briefing.model import Problem, Severity

#: Larger files are refused: a briefing is short, and a huge file would stall every consumer.
MAX_FILE_BYTES = 1_000_000

_FOREIGN_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def read_content_file(path: Path, shown_as: str) -> tuple[str | None, list[Problem]]:
    """Return the file's text (None if unusable) and the problems found reading it.

    `shown_as` is the path printed in problems, relative to the content folder.
    """

    def error(line: int, message: str) -> Problem:
        return Problem(shown_as, line, Severity.ERROR, message)

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [error(0, f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}: split it up")]
        data = path.read_bytes()
    except IsADirectoryError:
        return None, [error(0, "is a folder, not a file: rename it or move it out")]
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return None, [error(0, f"cannot read the file ({reason}): check it exists and is readable")]

    for bom, encoding in _FOREIGN_BOMS:
        if data.startswith(bom):
            return None, [error(1, f"file is {encoding}; save it as UTF-8")]
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [error(line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8")]

    text, removals = clean_text(text)
    problems = [error(removal.line, f"{removal.what} removed: delete it from the file") for removal in removals]
    return text, problems
