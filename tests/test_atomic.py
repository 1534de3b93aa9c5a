"""Writing a file never destroys one: `write_atomic` (every file a command writes: `print -o`,
the app's `p`) leaves the old file whole whatever stops it, cleans up after itself, keeps the
permissions a file had; and the app's `p` takes a new name rather than overwrite a handout."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing.atomic import fresh_names, write_atomic
from briefing.loading.loader import load_briefing
from briefing.summary import write_handouts
from briefing.ui.app import make_app

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
OLD = b"the good old handout\n" * 100


def leftovers(folder: Path, *keep: str) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name not in keep)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_bytes_and_the_umasks_permissions(tmp_path):
    target = tmp_path / "new.pdf"
    write_atomic(target, b"%PDF new")
    assert target.read_bytes() == b"%PDF new"
    umask = os.umask(0o022)
    os.umask(umask)
    assert mode_of(target) == 0o666 & ~umask
    assert leftovers(tmp_path, "new.pdf") == []


def test_replacing_a_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "private.txt"
    target.write_bytes(OLD)
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and mode_of(target) == 0o640


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_one(failure, tmp_path, monkeypatch):
    target = tmp_path / "briefing-summary.pdf"
    target.write_bytes(OLD)
    written: list[bytes] = []

    def fails_on_flush(descriptor: int) -> None:  # the bytes are in the temporary file by now
        written.append(Path(f"/proc/self/fd/{descriptor}").read_bytes())
        raise failure

    monkeypatch.setattr(os, "fsync", fails_on_flush)
    with pytest.raises(type(failure)):
        write_atomic(target, b"%PDF half of a new handout")
    assert written == [b"%PDF half of a new handout"], "the failure came after the bytes were written"
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path, target.name) == []


def test_a_process_killed_mid_write_leaves_the_old_file_whole(tmp_path):
    """kill -9 while the new bytes are half written: the old file is untouched; what is left is
    a hidden temporary file beside it (nothing runs after a kill to remove it)."""
    target = tmp_path / "briefing-summary.pdf"
    target.write_bytes(OLD)
    script = textwrap.dedent(
        f"""
        import os, signal
        from briefing import atomic
        real_fdopen = os.fdopen
        class Dies:
            def __init__(self, stream): self.stream = stream
            def __enter__(self): return self
            def __exit__(self, *exc): return False
            def write(self, data):
                self.stream.write(data[: len(data) // 2]); self.stream.flush()
                os.kill(os.getpid(), signal.SIGKILL)
        os.fdopen = lambda fd, mode: Dies(real_fdopen(fd, mode))
        atomic.write_atomic({str(target)!r}, b"%PDF" + b"x" * 10000)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60, check=False)
    assert done.returncode == -9, done.stderr
    assert target.read_bytes() == OLD
    (left,) = leftovers(tmp_path, target.name)
    assert left.startswith(f".{target.name}.") and left.endswith(".part")


def test_not_replacing_never_touches_an_existing_file(tmp_path):
    target = tmp_path / "taken.txt"
    target.write_bytes(OLD)
    with pytest.raises(FileExistsError):
        write_atomic(target, b"new", replace=False)
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path, target.name) == []


def test_a_link_is_followed_and_the_file_it_names_replaced(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(OLD)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_a_device_is_written_to_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_atomic(fifo, b"through the pipe")
    assert reader.communicate(timeout=30)[0] == b"through the pipe"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "still the pipe"


def test_fresh_names_count_up_before_the_suffix(tmp_path):
    names = fresh_names(tmp_path, ("briefing-summary.pdf", "briefing-summary.txt"))
    assert [[path.name for path in next(names)] for _ in range(3)] == [
        ["briefing-summary.pdf", "briefing-summary.txt"],
        ["briefing-summary-2.pdf", "briefing-summary-2.txt"],
        ["briefing-summary-3.pdf", "briefing-summary-3.txt"],
    ]


def test_each_handout_takes_a_new_name_and_never_overwrites_one(tmp_path):
    briefing = load_briefing(MINIMAL)
    first = write_handouts(briefing, tmp_path)
    first[0].write_bytes(OLD)  # the reader annotated the first one
    second = write_handouts(briefing, tmp_path)
    third = write_handouts(briefing, tmp_path)
    assert [path.name for path in second + third] == [
        "briefing-summary-2.pdf",
        "briefing-summary-2.txt",
        "briefing-summary-3.pdf",
        "briefing-summary-3.txt",
    ]
    assert first[0].read_bytes() == OLD
    assert second[0].read_bytes().startswith(b"%PDF") and third[1].read_text(encoding="utf-8").strip()


def test_the_pair_stays_together_when_one_name_is_taken(tmp_path):
    (tmp_path / "briefing-summary.txt").write_bytes(OLD)  # someone's, not ours
    paths = write_handouts(load_briefing(MINIMAL), tmp_path)
    assert [path.name for path in paths] == ["briefing-summary-2.pdf", "briefing-summary-2.txt"]
    assert (tmp_path / "briefing-summary.txt").read_bytes() == OLD
    assert not (tmp_path / "briefing-summary.pdf").exists()


async def test_p_says_which_names_it_wrote(tmp_path):
    (tmp_path / "briefing-summary.pdf").write_bytes(OLD)
    app = make_app(load_briefing(MINIMAL), deterministic=True, handout_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [str(notice.message) for notice in app._notifications]
    assert any(
        f"{tmp_path / 'briefing-summary-2.pdf'}\n{tmp_path / 'briefing-summary-2.txt'}" in message for message in said
    ), said
    assert (tmp_path / "briefing-summary.pdf").read_bytes() == OLD
