"""Load a content folder into one `Briefing`, collecting every problem on the way: the very path
the app and every command take (files → compiled store → briefing), with a store held in memory,
so a test of `load_briefing` tests what users run.

A broken file never stops the others: what is valid loads, and the problems travel with the
briefing so the CLI can print them and the app can show them.
"""

from __future__ import annotations

from pathlib import Path

from briefing.model import Briefing, ContentError

__all__ = ["ContentError", "load_briefing"]


def load_briefing(root: Path | str) -> Briefing:
    """Load the briefing in `root`. Raises only `ContentError`, when there is no folder to read."""
    from briefing.store.open import snapshot
    from briefing.store.store import Store

    store = Store(root, in_memory=True)
    store.sync()
    return snapshot(store)
