"""Every key the README's key table promises, sent as the bytes an xterm-style terminal sends,
arrives as the key our bindings name (issue 19.6). Pilot presses keys by name and cannot see
this: `shift+F3` is sent as `ESC[1;2R`, which Textual reads as a cursor-position report.

The keys are typed into a pseudo-terminal running `devkit.keylog`, which logs what Textual makes
of them."""

from __future__ import annotations

import os
import re
import select
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.ui.keys import key_bindings

pty = pytest.importorskip("pty")  # POSIX only
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")
ROOT = Path(__file__).resolve().parent.parent

#: A key as the README writes it → the bytes an xterm-style terminal sends, and Textual's name.
TERMINAL: dict[str, tuple[bytes, str]] = {
    **{str(n): (str(n).encode(), str(n)) for n in range(10)},
    "]": (b"]", "right_square_bracket"),
    "[": (b"[", "left_square_bracket"),
    "→": (b"\x1b[C", "right"),
    "←": (b"\x1b[D", "left"),
    "↓": (b"\x1b[B", "down"),
    "↑": (b"\x1b[A", "up"),
    "Home": (b"\x1b[H", "home"),
    "End": (b"\x1b[F", "end"),
    "/": (b"/", "slash"),
    "ctrl+f": (b"\x06", "ctrl+f"),
    "Enter": (b"\r", "enter"),
    "F3": (b"\x1bOR", "f3"),
    "Esc": (b"\x1b", "escape"),
    "#": (b"#", "number_sign"),
    '"': (b'"', "quotation_mark"),
    "alt+←": (b"\x1b[1;3D", "alt+left"),
    "alt+→": (b"\x1b[1;3C", "alt+right"),
    "!": (b"!", "exclamation_mark"),
    "F1": (b"\x1bOP", "f1"),
    "?": (b"?", "question_mark"),
    "ctrl+p": (b"\x10", "ctrl+p"),
    **{letter: (letter.encode(), letter) for letter in "jknNoayYbftspq"},
}


def readme_keys() -> list[str]:
    """The keys in the first column of the README's key table (`1`–`9` is nine keys)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("| key | what it does |", 1)[1].split("\n\n", 1)[0]
    keys: list[str] = []
    for row in table.splitlines()[2:]:
        first = row.split(" | ", 1)[0]
        for low, high in re.findall(r"`(\d)`–`(\d)`", first):
            keys.extend(str(n) for n in range(int(low), int(high) + 1))
        first = re.sub(r"`\d`–`\d`", "", first)
        keys.extend(re.findall(r"`([^`]+)`", first))
    return keys


def typed(sequences: list[bytes]) -> list[str]:
    """What Textual reads from `sequences` typed one by one into a terminal."""
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"keylog-{os.getpid()}-{time.monotonic_ns()}.txt"
    log.write_text("")
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))  # an 80x24 terminal
    env = {**os.environ, "TERM": "xterm-256color"}
    process = subprocess.Popen(
        [sys.executable, "-m", "devkit.keylog", str(log)],
        cwd=ROOT,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)

    def drain(seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.02)
            if ready:
                try:
                    os.read(master, 65536)
                except OSError:
                    return

    try:
        deadline = time.monotonic() + 20
        while "READY" not in log.read_text() and time.monotonic() < deadline:
            drain(0.1)
        assert "READY" in log.read_text(), "the key logger started"
        for sequence in sequences:
            os.write(master, sequence)
            drain(0.12)  # Esc alone is told from an escape sequence by a pause
        drain(0.5)
        return log.read_text().split()[1:]
    finally:
        process.kill()
        process.wait()
        os.close(master)
        log.unlink()


def test_every_key_the_readme_documents_can_be_sent_and_is_bound():
    documented = readme_keys()
    assert "shift+F3" not in documented
    unknown = [key for key in documented if key not in TERMINAL]
    assert unknown == [], "every documented key has the bytes a terminal sends for it"
    bound = {key for binding in key_bindings() for key in binding.keys} | {"ctrl+p"}
    assert [key for key in documented if TERMINAL[key][1] not in bound] == []


def test_every_documented_key_arrives_as_itself_from_a_terminal():
    documented = list(dict.fromkeys(readme_keys()))
    received = typed([TERMINAL[key][0] for key in documented])
    assert received == [TERMINAL[key][1] for key in documented]


def test_shift_f3_does_not_arrive_which_is_why_it_is_not_offered():
    assert "shift+f3" not in typed([b"\x1b[1;2R", b"n"])
    assert "shift+f3" not in {key for binding in key_bindings() for key in binding.keys}
