"""A Textual app that writes the name of every key it receives to a file, one per line: run in a
pseudo-terminal, it shows what a terminal's bytes arrive as (`tests/test_keys_from_a_terminal.py`).

python -m devkit.keylog LOGFILE
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Static

READY = "READY"


class KeyLog(App[None]):
    # Nothing of Textual's own may take a key first (ctrl+p, ctrl+q…): every key is logged.
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = []

    def __init__(self, log: Path) -> None:
        super().__init__()
        self.log_path = log

    def compose(self) -> ComposeResult:
        yield Static("logging keys")

    def on_mount(self) -> None:
        self._write(READY)

    def on_key(self, event: events.Key) -> None:
        event.prevent_default()
        event.stop()
        self._write(event.key)

    def _write(self, line: str) -> None:
        with self.log_path.open("a", encoding="utf-8") as log:
            log.write(line + "\n")


if __name__ == "__main__":
    KeyLog(Path(sys.argv[1])).run()
