"""A reader's own keys: `$XDG_CONFIG_HOME/briefing/keymap.toml` (else `~/.config/briefing/`).

    [keys]
    "search.open" = "ctrl+k"        # the ids are what `briefing keys` lists
    history.back = "b,backspace"    # unquoted dotted ids work too

Each value replaces every key of that binding. A file with any problem is not used at all: the
caller reports one line and keeps the default keys, so a typo never leaves a reader without a key.
Pure: no Textual here; the app applies the result with `App.set_keymap`.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

KEYMAP_FILE = "keymap.toml"


class KeymapError(Exception):
    """The keymap file cannot be used; the message is one line, `file:line: what is wrong`."""


def keymap_path(environ: Mapping[str, str] = os.environ) -> Path:
    """Where the keymap lives. `$XDG_CONFIG_HOME` counts only when absolute, as the XDG spec says."""
    config_home = environ.get("XDG_CONFIG_HOME", "")
    base = Path(config_home) if config_home and os.path.isabs(config_home) else Path.home() / ".config"
    return base / "briefing" / KEYMAP_FILE


def read_keymap(path: Path, known_ids: Collection[str]) -> dict[str, str]:
    """The binding id → keys of the file at `path`; empty when there is no file.

    Raises `KeymapError` for a file that cannot be read, is not TOML, or names an unknown id or
    a value that is not a list of keys.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise KeymapError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise KeymapError(f"{path}:{line}: not valid UTF-8") from exc
    return parse_keymap(text, known_ids, where=str(path))


def parse_keymap(text: str, known_ids: Collection[str], *, where: str = KEYMAP_FILE) -> dict[str, str]:
    """`read_keymap` for text already read (`where` names it in messages)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, line = _split_location(str(exc))
        raise KeymapError(f"{_at(where, line)}: not valid TOML: {message}") from exc

    problems: list[str] = []
    for name in document:
        if name != "keys":
            problems.append(f"{_at(where, _line_of(text, name))}: `{name}` is outside the [keys] table")
    table = document.get("keys")
    keymap: dict[str, str] = {}
    if table is None:
        problems.append(f"{where}: no [keys] table (`briefing keys` lists the ids it can hold)")
    elif not isinstance(table, dict):
        problems.append(f"{_at(where, _line_of(text, 'keys'))}: `keys` must be a table: [keys]")
    else:
        for binding_id, keys in _flatten(table):
            at = _at(where, _line_of(text, binding_id) or _line_of(text, binding_id.rsplit(".", 1)[-1]))
            if binding_id not in known_ids:
                problems.append(f"{at}: unknown binding id `{binding_id}` (`briefing keys` lists them)")
            elif not isinstance(keys, str) or not all(key.strip() for key in keys.split(",")):
                problems.append(f'{at}: `{binding_id}` must be keys in a string, such as "ctrl+k" or "f5,ctrl+k"')
            else:
                keymap[binding_id] = ",".join(key.strip() for key in keys.split(","))
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise KeymapError(problems[0] + more)
    return keymap


def _flatten(table: dict[str, Any], prefix: str = ""):
    """`search.open = "x"` is a nested table in TOML; `"search.open" = "x"` is not. Both mean one id."""
    for name, value in table.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def _split_location(message: str) -> tuple[str, int]:
    """tomllib puts the place at the end of its message: "... (at line 3, column 7)"."""
    found = re.search(r"\s*\(at line (\d+), column \d+\)$", message)
    if found is None:
        return message, 0
    return message[: found.start()], int(found.group(1))


def _line_of(text: str, name: str) -> int:
    """The first line that assigns `name` (bare or quoted; or the last part of a dotted key, when
    `name` is that part) or opens a table of that name; 0 when none does."""
    pattern = re.compile(rf"""(^|[\s."']){re.escape(name)}["']?\s*=|^\s*\[\s*["']?{re.escape(name)}["']?\s*\]""")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            return number
    return 0


def _at(where: str, line: int) -> str:
    return f"{where}:{line}" if line else where
