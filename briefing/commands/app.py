"""`briefing` with no subcommand: load the content and run the reading app."""

from __future__ import annotations

import argparse
import gc
import os
import sys

from briefing.model import ContentError


class CannotStart(Exception):
    """The app cannot start: the message says why, in one line."""


def prepare_app(args: argparse.Namespace):
    """Everything `briefing` does before the app runs (the start-up benchmark times this path).
    With no folder named and more than one briefing in the library, that is the shelf."""
    from briefing.loading.paths import ENV_VAR

    if not args.content and not os.environ.get(ENV_VAR):
        from briefing.shelf.folder import briefing_folders

        folders = briefing_folders()
        if len(folders) > 1:
            return _prepare_shelf(args, folders)
    from briefing.commands.content import open_content
    from briefing.store.open import reloader

    try:
        # What the store holds is painted first; the app then catches up with the folder (a
        # stat of every file) from its watcher, after the first paint.
        briefing, store = open_content(args, "briefing", report=False, up_to_date=False)
    except ContentError as exc:
        raise CannotStart(str(exc)) from exc
    if store.location is not None and not store.is_indexed():
        # The first search needs the index: build it in a process of its own, now, while this one
        # is still the only thread (the app's worker then waits for it instead of building it).
        from briefing.store.background import build_in_background

        build_in_background(store.root)
    # The model lives as long as the app: keep it out of the collector's reach so a full
    # collection cannot stall a keystroke.
    gc.freeze()
    from briefing.ui.app import UnknownTheme, make_app  # Textual is imported only here.

    keymap, notices = _user_keymap()
    notices = [*(f"{notice[:1].upper()}{notice[1:]}." for notice in store.notices), *notices]
    try:
        return make_app(briefing, theme=args.theme, keymap=keymap, notices=notices, reload=reloader(store))
    except UnknownTheme as exc:
        raise CannotStart(str(exc)) from exc


def _prepare_shelf(args: argparse.Namespace, folders):
    """The app on the shelf: each briefing's header and counts, read from its store."""
    from briefing.shelf.reading import library_access

    library = library_access(folders)
    gc.freeze()
    from briefing.ui.app import UnknownTheme, make_app

    keymap, notices = _user_keymap()
    try:
        return make_app(None, library=library, theme=args.theme, keymap=keymap, notices=notices)
    except UnknownTheme as exc:
        raise CannotStart(str(exc)) from exc


def _user_keymap() -> tuple[dict[str, str], list[str]]:
    """The reader's keymap, if there is one; a bad one is reported in one line (on stderr, and
    in the app, which would otherwise hide it) and the default keys are kept."""
    from briefing.keymap import KeymapError, keymap_path, read_keymap

    path = keymap_path()
    if not path.exists():
        return {}, []  # the usual case: no file, nothing more to import or read
    from briefing.ui.keys import binding_ids

    try:
        return read_keymap(path, binding_ids()), []
    except KeymapError as exc:
        problem = f"{exc}; using the default keys"
        print(f"briefing: {problem}", file=sys.stderr)
        return {}, [f"Your keymap was not used: {problem}"]


def run(args: argparse.Namespace) -> int:
    try:
        app = prepare_app(args)
    except CannotStart as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 2
    app.run()
    return 0
