"""The search index built in a process of its own: `python -m briefing.store.background FOLDER`.

Apart from `indexing` (which the store imports) so that the store and the indexing never import
each other: this module alone reaches for the `Store`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def build_in_background(root: Path) -> subprocess.Popen[bytes]:
    """Start building a store's index in a process of its own, so the app opens at once and never
    shares its interpreter with the build; whoever then needs the index waits for it."""
    return subprocess.Popen(
        [sys.executable, "-m", "briefing.store.background", str(root)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # a Ctrl-C in the app is not meant for it
    )


def main(argv: list[str]) -> int:
    from briefing.store.store import Store

    Store(Path(argv[0])).ensure_index()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
