"""`briefing keys`: every key binding's id, keys and description, one per line (id first), as
the reader's keymap has them. The ids are what `keymap.toml` rebinds."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--defaults", action="store_true", help="list the default keys, ignoring the keymap file")


def run(args: argparse.Namespace) -> int:
    from briefing.keymap import KeymapError, keymap_path, read_keymap
    from briefing.ui.keys import binding_ids, key_bindings  # the app's classes; no app is started

    path = keymap_path()
    keymap: dict[str, str] = {}
    status = 0
    if not args.defaults:
        try:
            keymap = read_keymap(path, binding_ids())
        except KeymapError as exc:
            print(f"briefing: {exc}; these are the default keys", file=sys.stderr)
            status = 1
    bindings = key_bindings(keymap)
    id_width = max(len(binding.id) for binding in bindings)
    keys_width = max(len(",".join(binding.keys)) for binding in bindings)
    for binding in bindings:
        about = f"{binding.description} — {binding.tooltip}" if binding.tooltip else binding.description
        print(f"{binding.id:<{id_width}}  {','.join(binding.keys):<{keys_width}}  {about}".rstrip())
    if keymap:
        print(f"briefing: {len(keymap)} binding(s) from {path}", file=sys.stderr)
    return status
