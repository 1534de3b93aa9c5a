"""A cache of loaded briefings, so a second start skips parsing (and importing the parsers).

The key is a fingerprint of every content file's path, size and modification time plus the
package version, so any edit, added or removed file, or upgrade loads afresh. The cache holds
only what our own loader produced from those files. Set BRIEFING_NO_CACHE=1 to bypass it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from briefing import __version__
from briefing.model import Briefing, ContentError

NO_CACHE_VAR = "BRIEFING_NO_CACHE"
_FOLDERS = ("topics", "sources")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing"


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256(f"{__version__}\0{root.resolve()}".encode())
    entries = [root / "briefing.md"]
    for folder in _FOLDERS:
        try:
            entries += sorted((root / folder).iterdir())
        except OSError:
            digest.update(f"\0no {folder}".encode())
    for path in entries:
        try:
            stat = path.stat()
            digest.update(f"\0{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
        except OSError:
            digest.update(f"\0{path.name}\0unreadable".encode())
    return digest.hexdigest()[:32]


def load_briefing_cached(root: Path | str) -> Briefing:
    """Like `briefing.loading.loader.load_briefing`, from the cache when the files have not changed."""
    root = Path(root)
    if not root.is_dir():
        from briefing.loading.loader import load_briefing  # raises the precise ContentError

        return load_briefing(root)
    if os.environ.get(NO_CACHE_VAR):
        from briefing.loading.loader import load_briefing

        return load_briefing(root)
    entry = cache_dir() / f"{fingerprint(root)}.pickle"
    try:
        with entry.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, Briefing):
            return cached
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass  # no entry, or one from another version: load afresh
    from briefing.loading.loader import load_briefing

    briefing = load_briefing(root)
    _store(entry, briefing)
    return briefing


def _store(entry: Path, briefing: Briefing) -> None:
    """Write atomically; a cache that cannot be written is simply not used."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=entry.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(briefing, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, entry)
    except OSError:
        pass


__all__ = ["ContentError", "cache_dir", "fingerprint", "load_briefing_cached"]
