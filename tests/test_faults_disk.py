"""The store's file under attack from its surroundings: a disk that fills while it is written, a
cache folder that cannot be written, a store that is a folder or a link. Each command still
answers (from memory when it must, saying so once), and the next one answers as a store built
from nothing would."""

from __future__ import annotations

import ctypes
import os
import resource
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from faults_probe import briefing_command, fresh_answers, probe, same_answers

from briefing.loading.paths import bundled_content_dir

#: Far less than the bundled briefing's store (~2 MB with its index): the disk fills mid-write.
FULL_AT_BYTES = 96 * 1024
UPDATE_FULL_AT_BYTES = 40 * 1024
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2  # <linux/prctl.h>, <linux/capability.h>


@pytest.fixture
def place() -> Iterator[Path]:
    """A scratch folder, of which the unwritable-folder cases make parts read-only."""
    folder = Path(tempfile.mkdtemp(prefix="briefing-faults-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(folder)


@pytest.fixture
def content(place: Path) -> Path:
    folder = place / "content"
    shutil.copytree(bundled_content_dir(), folder)
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return folder


def as_another_user() -> None:
    """In the child: give up root's right to write anywhere (CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH leave the bounding set, so the program it runs has neither), so that
    permissions apply as they do to anyone else. Nothing to do for another user."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def disk_full(at: int = FULL_AT_BYTES) -> None:
    """In the child: no file may grow past `at` bytes. (Python ignores SIGXFSZ, so a write past
    the limit fails with EFBIG, as one on a full disk fails with ENOSPC.)"""
    resource.setrlimit(resource.RLIMIT_FSIZE, (at, at))


def store_file(cache: Path) -> Path:
    (found,) = (cache / "briefing" / "stores").glob("*.sqlite3")
    return found


def edit(folder: Path) -> None:
    kursk = folder / "topics" / "kursk.md"
    kursk.write_text(kursk.read_text(encoding="utf-8").replace("Kursk", "Kursk region"), encoding="utf-8")


def store_size(root: Path, cache: Path) -> int:
    return sum(path.stat().st_size for path in (cache / "briefing" / "stores").iterdir())


def empty_store_size(root: Path, place: Path) -> int:
    """The bytes of a store with its tables and nothing in them."""
    from briefing.store.database import create_file

    create_file(place / "empty.sqlite3", root).close()
    size = (place / "empty.sqlite3").stat().st_size
    for path in place.glob("empty.sqlite3*"):
        path.unlink()
    return size


@pytest.fixture
def larger(content: Path) -> Path:
    """The bundled briefing with each topic four times over (copies under new names): its rows
    take three times an empty store, so each limit below falls clearly inside one stage."""
    for path in sorted((content / "topics").glob("*.md")):
        for number in range(2, 5):
            path.with_name(f"{path.stem}-{number}.md").write_text(path.read_text(encoding="utf-8"), "utf-8")
    return content


@pytest.mark.parametrize("stage", ["creating the store", "writing the topics", "writing the index"])
def test_the_disk_fills_while_the_store_is_written(stage, larger, place):
    """The limit is set from the sizes a normal run writes: below an empty store's (the store
    cannot even be made), just above it (the topics' rows fill it), or just above the store
    of the topics alone (its search index fills it)."""
    argv = ["--content", str(larger), *(["search", "energy"] if stage == "writing the index" else ["check"])]
    normal = briefing_command(argv, place / "elsewhere")
    briefing_command(["check", str(larger)], place / "topics only")
    empty, topics = empty_store_size(larger, place), store_size(larger, place / "topics only")
    assert empty * 2 < topics, "each stage is well apart from the next"
    limit = {
        "creating the store": empty // 2,
        "writing the topics": empty + 16_384,
        "writing the index": topics + 16_384,
    }
    cache = place / "cache"
    full = briefing_command(argv, cache, lambda: disk_full(limit[stage]))
    assert (full.returncode, full.stdout) == (normal.returncode, normal.stdout), full.stderr
    assert full.stderr.count("cannot be written") == 1 and "Traceback" not in full.stderr, full.stderr
    same_answers(probe(larger, cache), fresh_answers(larger))


def test_the_disk_fills_during_an_update(content, place):
    cache = place / "cache"
    probe(content, cache)
    kept = store_file(cache).stat().st_ino
    edit(content)
    # Room for the store's shared-memory index (32 KiB) and a few pages of its log, not the
    # update's: a higher limit would let the update fit in the log, and nothing would fail.
    full = briefing_command(["check", str(content)], cache, lambda: disk_full(UPDATE_FULL_AT_BYTES))
    assert full.returncode in (0, 1) and "Traceback" not in full.stderr, full.stderr
    assert full.stderr.count("cannot be written") == 1, full.stderr
    assert store_file(cache).stat().st_ino == kept, "the store that could not take the update is left as it was"
    same_answers(probe(content, cache), fresh_answers(content))


@pytest.mark.parametrize("with_store", [True, False], ids=["a store in it", "empty"])
def test_a_read_only_cache_folder(with_store, content, place):
    cache = place / "cache"
    stores = cache / "briefing" / "stores"
    if with_store:
        probe(content, cache)
        edit(content)  # what the store holds is now stale: it must not be shown
    stores.mkdir(parents=True, exist_ok=True)
    for path in [cache, cache / "briefing", stores]:
        path.chmod(0o555)
    after = probe(content, cache, preexec_fn=as_another_user)
    same_answers(after, fresh_answers(content))
    assert len(after["notices"]) == 1, f"working from memory is said once: {after['notices']}"


def test_a_read_only_store_file(content, place):
    cache = place / "cache"
    probe(content, cache)
    edit(content)
    for path in store_file(cache).parent.iterdir():
        path.chmod(0o444)
    same_answers(probe(content, cache, preexec_fn=as_another_user), fresh_answers(content))
    again = probe(content, cache, preexec_fn=as_another_user)
    assert not again["notices"], "the store was made again where it was: no more working from memory"


def test_a_cache_folder_that_is_a_file(content, place):
    cache = place / "cache"
    cache.write_text("not a folder")
    after = probe(content, cache)
    same_answers(after, fresh_answers(content))
    assert len(after["notices"]) == 1, f"working from memory is said once: {after['notices']}"
    assert cache.read_text() == "not a folder"


def test_the_store_replaced_by_a_folder(content, place):
    cache = place / "cache"
    probe(content, cache)
    where = store_file(cache)
    where.unlink()
    where.mkdir()
    (where / "keep.txt").write_text("someone's")
    after = probe(content, cache)
    same_answers(after, fresh_answers(content))
    assert (where / "keep.txt").read_text() == "someone's", "a folder is never emptied"
    assert any("not a file" in notice for notice in after["notices"])


@pytest.mark.parametrize("target", ["a file", "nothing"])
def test_the_store_replaced_by_a_link(target, content, place):
    cache = place / "cache"
    probe(content, cache)
    where = store_file(cache)
    victim = place / "victim.txt"
    if target == "a file":
        victim.write_bytes(b"")  # an empty file: SQLite would happily make it a database
    where.unlink()
    where.symlink_to(victim)
    same_answers(probe(content, cache), fresh_answers(content))
    if target == "a file":
        assert victim.read_bytes() == b"", "the file the link named is untouched"
    else:
        assert not victim.exists(), "nothing is made where the link pointed"
    assert stat.S_ISREG(os.lstat(where).st_mode), "the link gave way to a store of our own"
