"""`open_briefing`: the one way commands and the app get a briefing from a content folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.model import Briefing
from briefing.store.library import StoredLibrary
from briefing.store.store import DAMAGE, Progress, Store, Sync


def open_briefing(
    folder: Path | str, progress: Progress | None = None, *, up_to_date: bool = True
) -> tuple[Briefing, Store]:
    """Bring the folder's store up to date and return the briefing it holds, and the store
    (for `refresh` and its `notices`). Raises `ContentError` only when there is no folder.

    `up_to_date=False` returns what a store already holds without looking at the folder first
    (a stat of every file: ~0.1 s at 10,000 topics): for the app, which paints that at once and
    then follows the folder, saves made while it was closed included, through `refresh`. A store
    that holds nothing yet is always brought up to date first."""
    store = Store(folder)
    try:
        if up_to_date or not store.has_synced():
            store.sync(progress)
        return snapshot(store), store
    except DAMAGE as exc:
        store.rebuild(f"could not be read ({type(exc).__name__})")
        store.sync(progress)
        return snapshot(store), store


def snapshot(store: Store) -> Briefing:
    """The briefing as the store holds it now: topics read on demand,
    and pinned to this generation (`StoredLibrary`): a later sync does not change what it shows."""
    store.shown_generation = store.generation()
    sources = store.sources()
    outline, positions = store.outline()  # both shared with the last briefing where unchanged
    return Briefing(
        header=store.header(),
        outline=outline,
        sources=sources,
        library=StoredLibrary(store, frozenset(source.id for source in sources), positions),
        problems=store.problems(),
        root=str(store.root),
        _positions=positions,
    )


def refresh(store: Store, progress: Progress | None = None) -> tuple[Briefing, Sync] | None:
    """After edits: the new briefing and what changed, or None when nothing did.

    Another process working on the same folder (a second `briefing`, `check --watch`) may have
    brought the store up to date first: then this sync finds nothing to do, but the store moved
    on from the briefing this process shows, and the new one is returned all the same."""
    changed = store.sync(progress)
    if changed:
        return snapshot(store), changed
    if store.generation() != store.shown_generation:
        store.changed_elsewhere()
        return snapshot(store), changed
    return None


def reloader(store: Store) -> Callable[[], tuple[Briefing, frozenset[str]] | None]:
    """How the app follows edits: a call that brings the store up to date and returns the new
    briefing with the content paths that changed, or None when nothing did."""

    def reload() -> tuple[Briefing, frozenset[str]] | None:
        result = refresh(store)
        if result is None:
            return None
        briefing, sync = result
        return briefing, sync.paths

    return reload
