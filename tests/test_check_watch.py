"""`briefing check --watch`: an author saves, the check runs again on its own; Ctrl-C ends it."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefing.loading.paths import bundled_content_dir

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Ctrl-C is a POSIX signal here")


class Lines:
    """A process's stdout, a line at a time, waited for with a deadline."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        assert process.stdout is not None
        stdout = process.stdout
        threading.Thread(target=lambda: [self._lines.put(line) for line in stdout], daemon=True).start()

    def until(self, fragment: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self._lines.get(timeout=0.1)
            except queue.Empty:
                continue
            self.seen.append(line)
            if fragment in line:
                return line
        raise AssertionError(f"no line with {fragment!r} in {timeout} s; saw:\n{''.join(self.seen)}")


def test_check_watch_checks_again_on_every_save_and_stops_on_ctrl_c(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), content)
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "check", "--watch", str(content)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        lines = Lines(process)
        assert "0 errors" in lines.until("topics,")
        lines.until("Watching for changes")
        time.sleep(0.5)  # the watcher's first call into the OS

        kursk = content / "topics" / "kursk.md"
        kursk.write_text(kursk.read_text(encoding="utf-8") + "- A claim citing nobody known. [@nobody]\n", "utf-8")
        assert "topics/kursk.md changed" in lines.until("changed")
        assert "unknown source `@nobody`" in lines.until("@nobody")
        assert "1 error" in lines.until("topics,")

        kursk.write_text(kursk.read_text(encoding="utf-8").replace("[@nobody]", "[@uslive]"), "utf-8")
        lines.until("changed")
        assert "0 errors" in lines.until("topics,")

        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        assert process.stderr is not None
        assert "Traceback" not in process.stderr.read()
    finally:
        process.kill()
        process.wait()


def test_check_watch_on_a_missing_folder_is_one_line_and_exit_2(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "check", "--watch", str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_what_changed_is_named_in_one_line():
    from briefing.watch import describe_changes

    assert describe_changes([]) == "the folder"
    assert describe_changes(["topics/b.md", "topics/a.md"]) == "topics/a.md, topics/b.md"
    assert describe_changes([f"topics/{n}.md" for n in "edcba"]) == "topics/a.md, topics/b.md, topics/c.md and 2 more"
