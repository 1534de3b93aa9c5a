"""The library read from the briefings' compiled stores: a shelf entry is each briefing's header
and counts (a few rows of its store, never its topics), and a search across the library is the
per-briefing search, run on each and merged by score."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from briefing.model import ContentError, Severity
from briefing.shelf.folder import Folder, briefing_folders
from briefing.shelf.model import Library, Opened, ShelfEntry, ShelfHit, newest_first
from briefing.store.store import DAMAGE, Progress, Store


def read_entry(folder: Folder, *, up_to_date: bool = False, progress: Progress | None = None) -> ShelfEntry:
    """What the shelf shows of one briefing. A store that holds nothing yet is compiled first;
    `up_to_date` also catches up with edits (what `briefing list` does, not the shelf's paint)."""
    try:
        store = Store(folder.path)
    except ContentError as exc:
        return ShelfEntry(str(folder.path), folder.name, folder.name, problems=1, errors=1, unreadable=str(exc))
    try:
        try:
            return _entry(store, folder, up_to_date, progress)
        except DAMAGE as exc:
            store.rebuild(f"could not be read ({type(exc).__name__})")
            return _entry(store, folder, True, progress)
    finally:
        store.close()


def _entry(store: Store, folder: Folder, up_to_date: bool, progress: Progress | None) -> ShelfEntry:
    if up_to_date or not store.has_synced():
        store.sync(progress)
    header = store.header()
    ((topics, claims, differences),) = store.query(
        "SELECT COUNT(*), COALESCE(SUM(claim_count), 0), COALESCE(SUM(difference_count), 0) FROM topics"
    )
    problems = store.problems()
    return ShelfEntry(
        root=str(folder.path),
        name=folder.name,
        title=header.title,
        event_date=header.event_date,
        as_of=header.as_of,
        bottom_line=header.bottom_line,
        topics=topics,
        claims=claims,
        differences=differences,
        problems=len(problems),
        errors=sum(problem.severity is Severity.ERROR for problem in problems),
        bundled=folder.bundled,
    )


def shelf_entries(folders: Iterable[Folder] | None = None, *, up_to_date: bool = False) -> list[ShelfEntry]:
    """Every briefing of the library, newest event first."""
    chosen = briefing_folders() if folders is None else folders
    return newest_first([read_entry(folder, up_to_date=up_to_date) for folder in chosen])


# A search across the library asks each briefing for its best FEW hits first, scoring at most
# RANKED of its documents (its best classes: most terms, by their own word) when more match; a
# briefing whose FEW-th hit would still make the merged list is asked again for `limit`. A
# common word so scores a few dozen claims per briefing, not every one that holds it.
# The documents scored are shared across the library: each briefing may score SHARED / (number
# of briefings), never fewer than RANKED; a library of a few briefings so ranks them in full.
FEW = 5
RANKED = 20
SHARED = 2_000


def search_library(entries: Iterable[ShelfEntry], query: str, limit: int = 20) -> list[ShelfHit]:
    """The best `limit` hits for `query` across the briefings, each searched as `briefing search`
    searches one (through its store's index), best first; equal scores keep shelf order.
    A briefing that cannot be read is left out, never the search."""
    chosen = [entry for entry in entries if not entry.unreadable]
    few = min(FEW, limit)
    budget = max(RANKED, few, SHARED // max(1, len(chosen)))
    found: dict[str, list[ShelfHit]] = {}
    headed: dict[str, ShelfEntry] = {}
    for entry in chosen:
        found[entry.root] = _search_one(entry, query, few, budget, headed)
    if headed:  # entries that came without their headers (`unread_entries`): shelf order now
        chosen = newest_first([headed.get(entry.root, entry) for entry in chosen])
    if few < limit:
        merged = sorted((hit for hits in found.values() for hit in hits), key=lambda hit: -hit.score)
        bar = merged[limit - 1].score if len(merged) >= limit else None
        for entry in chosen:
            hits = found[entry.root]
            # It may hold more than it gave, and its last one still makes the list: ask again.
            if len(hits) == few and (bar is None or hits[-1].score >= bar):
                found[entry.root] = _search_one(entry, query, limit, None)
    shelf_order = [hit for entry in chosen for hit in found[entry.root]]
    shelf_order.sort(key=lambda hit: -hit.score)  # stable: shelf order, then each briefing's own
    return shelf_order[:limit]


def unread_entries(folders: Iterable[Folder] | None = None) -> list[ShelfEntry]:
    """The library's briefings as entries that name their folders only, for a search that opens
    each briefing anyway (`briefing search --all`): reading every header first cost a fifth of
    it. `search_library` fills in what it reads and keeps shelf order."""
    chosen = briefing_folders() if folders is None else folders
    return [ShelfEntry(str(folder.path), folder.name, "", bundled=folder.bundled) for folder in chosen]


def _search_one(
    entry: ShelfEntry, query: str, limit: int, budget: int | None, headed: dict[str, ShelfEntry] | None = None
) -> list[ShelfHit]:
    """One briefing's best `limit` hits; [] when it cannot be read or breaks under the search.
    An entry without its header (`unread_entries`) gets it from the briefing opened, in `headed`."""
    from briefing.search import SearchIndex
    from briefing.store.open import open_briefing

    try:
        # What the store holds, as the shelf shows it: a hundred folders' stats would cost
        # more than the searches (an open briefing follows its folder).
        briefing, store = open_briefing(entry.root, up_to_date=False)
    except ContentError:
        return []
    if not entry.title:
        header = briefing.header
        entry = replace(entry, title=header.title, event_date=header.event_date, as_of=header.as_of)
        if headed is not None:
            headed[entry.root] = entry
    try:
        store.ensure_index()
        hits = SearchIndex.for_briefing(briefing).search(query, limit=limit, budget=budget)
        return [
            ShelfHit(
                root=entry.root,
                briefing=entry.title,
                kind=hit.kind,
                topic_id=hit.topic_id,
                # An outlet's card or paragraph is named by its outlet, as in `briefing search`.
                topic=hit.title if hit.topic_id or hit.kind == "source" else "",
                claim_id=hit.claim_id,
                source_id=hit.source_id,
                text=hit.text,
                outlets=tuple(
                    source.outlet if (source := briefing.source(source_id)) else source_id
                    for source_id in hit.source_ids
                ),
                source_ids=hit.source_ids,
                file=hit.path,
                line=hit.line,
                score=hit.score,
            )
            for hit in hits
        ]
    except DAMAGE:
        return []  # a store that broke under the search: the other briefings still answer
    finally:
        store.close()


def open_entry(root: str) -> Opened:
    """Open one briefing of the shelf as `briefing --content` would, painting what its store
    holds and following its folder after."""
    from briefing.store.open import open_briefing, reloader

    briefing, store = open_briefing(root, up_to_date=False)
    notices = tuple(f"{notice[:1].upper()}{notice[1:]}." for notice in store.notices)
    store.notices.clear()
    return Opened(briefing, reloader(store), notices)


def library_access(folders: Iterable[Folder] | None = None) -> Library:
    """The library for the app, over the compiled stores."""
    from briefing.shelf.folder import last_read, remember

    entries = shelf_entries(folders)
    return Library(
        entries=entries,
        open=open_entry,
        search=lambda query, limit: search_library(entries, query, limit),
        last_read=last_read,
        remember=remember,
    )
