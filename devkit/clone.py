"""The benchmark corpus: the bundled briefing with every topic file cloned N times.

`clone_content(folder, copies)` writes the bundled content plus `copies` copies of each topic
(ids and orders made unique), so 1,000 copies of the 10 bundled topics make a 10,011-topic
briefing (~172,000 claims, ~44 MB) with real prose, real citations and real overlap. Deterministic:
the same call always writes the same bytes.
"""

from __future__ import annotations

import re
import shutil
from functools import partial
from pathlib import Path

from briefing.loading.paths import bundled_content_dir

_ORDER = re.compile(r"^order:\s*(\d+)\s*$", re.MULTILINE)
_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.MULTILINE)


def _shifted_order(shift: int, match: re.Match[str]) -> str:
    return f"order: {int(match.group(1)) + shift}"


def _numbered_title(copy: int, match: re.Match[str]) -> str:
    return f"title: {match.group(1)} ({copy})"


def clone_content(folder: Path, copies: int, source: Path | None = None) -> Path:
    """Write the bundled briefing plus `copies` clones of every topic into `folder`."""
    source = source or bundled_content_dir()
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(source, folder)
    topics = sorted((source / "topics").glob("*.md"))
    stride = 10 ** len(str(len(topics) * (copies + 1)))
    for copy in range(1, copies + 1):
        for path in topics:
            text = path.read_text(encoding="utf-8")
            text = _ORDER.sub(partial(_shifted_order, copy * stride), text, count=1)
            text = _TITLE.sub(partial(_numbered_title, copy), text, count=1)
            (folder / "topics" / f"{path.stem}-{copy}.md").write_text(text, encoding="utf-8")
    return folder
