"""Writing a file so that no crash, kill or full disk ever leaves half of it where a good one was.

The bytes go to a temporary file beside the target, are flushed to disk, and only then take the
target's name (a rename is atomic on one filesystem): a reader sees the old file or the new one,
never a mixture. Each failure removes the temporary file and raises the `OSError`.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path


def write_atomic(path: Path | str, data: bytes, *, replace: bool = True) -> None:
    """Write `data` as `path`. `replace=False` never touches an existing file: it raises
    `FileExistsError` instead (checked at the moment the name is taken, so no race loses one).

    A target that is not a regular file (`/dev/stdout`, a pipe) is written to as it is: renaming
    over it would replace the device. A symbolic link is followed, and the file it names replaced.
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "wb") as stream:
            stream.write(data)
        return
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            os.fchmod(stream.fileno(), stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        if replace:
            os.replace(temporary, target)
        else:
            os.link(temporary, target)  # fails if the name is taken, unlike a rename
            os.unlink(temporary)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def fresh_names(folder: Path, names: tuple[str, ...]) -> Iterator[tuple[Path, ...]]:
    """`names` in `folder`, then the same with -2, -3… before the suffix: candidates for files
    that must not overwrite anything (`briefing-summary.pdf`, then `briefing-summary-2.pdf`)."""
    number = 1
    while True:
        suffix = "" if number == 1 else f"-{number}"
        yield tuple(folder / f"{Path(name).stem}{suffix}{Path(name).suffix}" for name in names)
        number += 1


def _umask() -> int:
    """The process's umask, read without setting it (`os.umask` would change it for a moment,
    for every thread: the app writes from a worker)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022
