"""Take each fix of the fault suite out, one at a time, and run the cases that guard it: every
case must fail without its fix (a test that passes anyway guards nothing).

    python scripts/fault_mutations.py            # every fix
    python scripts/fault_mutations.py NAME...    # some (the names are listed by --list)

Each fix is undone in a copy of the checkout (the files tracked by git, as they are on disk), so
the working tree is never touched; the copy comes first on PYTHONPATH, so the processes the
fault tests start run the mutated code too. Run by hand (minutes, one process), not in CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Fix:
    name: str
    why: str
    edits: tuple[tuple[str, str, str], ...]  # (file, the fix's text, the text without it)
    cases: tuple[str, ...]  # pytest node ids
    #: Why no case can fail without this fix (the cases are run all the same, and must pass).
    cannot: str = ""


KILL = "tests/test_faults_kill.py"
DISK = "tests/test_faults_disk.py"
FRONT = "tests/test_faults_front_matter.py"
STORE = "briefing/store/store.py"
DATABASE = "briefing/store/database.py"
COMPILE = "briefing/store/compile.py"
EVERY = "tests/test_faults_together.py::test_two_readers_check_watch_and_an_editor_saving_100_times_a_second"

FIXES = (
    Fix(
        "order-bound",
        "an order past SQLite's integers is a file:line error, not an OverflowError",
        (("briefing/loading/frontmatter.py", "if not -limit <= value <= limit:", "if False:"),),
        (
            f"{FRONT}::test_an_order_bigger_than_the_store_can_keep_is_one_error_and_the_rest_loads",
            f"{FRONT}::test_each_odd_value_in_every_field_at_once[99999999999999999999999]",
        ),
    ),
    Fix(
        "yaml-constructor-errors",
        "a value PyYAML's constructors choke on is a problem",
        (("briefing/loading/frontmatter.py", "except Exception as exc:", "except ZeroDivisionError as exc:"),),
        (f"{FRONT}::test_each_odd_value_in_every_field_at_once[!!timestamp nonsense]",),
    ),
    Fix(
        "one-transaction-per-sync",
        "a sync is one SQLite transaction: a kill keeps the last whole state",
        (
            (
                DATABASE,
                '    connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")\n    try:\n        yield\n'
                '    except BaseException:\n        connection.execute("ROLLBACK")\n        raise\n'
                '    connection.execute("COMMIT")',
                "    yield",
            ),
        ),
        (
            f"{KILL}::test_killed_during_a_first_compile[sync-file-row:200]",
            f"{KILL}::test_killed_during_an_incremental_update[sync-file-row:2]",
        ),
    ),
    Fix(
        "workers-die-with-parent",
        "PR_SET_PDEATHSIG and the parent-pid watch (both: either alone is enough)",
        (
            (COMPILE, "libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)", "pass"),
            (COMPILE, 'name="parent-watch").start()', 'name="parent-watch")'),
        ),
        (
            f"{KILL}::test_killed_during_a_first_compile[parallel-chunk:2]",
            f"{KILL}::test_killed_while_the_search_index_is_built",
        ),
    ),
    Fix(
        "finish-without-workers",
        "a worker that dies mid-compile: the rest is compiled in this process",
        ((COMPILE, "except (BrokenProcessPool, OSError, ValueError):", "except (OSError, ValueError):"),),
        (f"{KILL}::test_a_worker_killed_during_a_compile_is_finished_without_it",),
    ),
    Fix(
        "sync-falls-back-to-memory",
        "a store that cannot take a sync (disk full, read-only) is left as it was; memory instead",
        (
            (
                STORE,
                "if self.location is None:\n                    raise  # memory",
                "if True:\n                    raise  # memory",
            ),
        ),
        (
            f"{DISK}::test_the_disk_fills_while_the_store_is_written[writing the topics]",
            f"{DISK}::test_the_disk_fills_during_an_update",
        ),
    ),
    Fix(
        "index-falls-back-to-memory",
        "a store that cannot take its index: everything from memory",
        (
            (
                STORE,
                "except sqlite3.Error as exc:\n            with self._lock:",
                "except ZeroDivisionError as exc:\n            with self._lock:",
            ),
        ),
        (f"{DISK}::test_the_disk_fills_while_the_store_is_written[writing the index]",),
    ),
    Fix(
        "memory-stays-memory",
        "a store that fell back to memory never writes to its file again (nor its index)",
        ((STORE, "self.location = None\n        return database.create(MEMORY", "return database.create(MEMORY"),),
        (
            f"{DISK}::test_a_read_only_cache_folder[a store in it]",
            f"{DISK}::test_a_read_only_cache_folder[empty]",
            f"{DISK}::test_a_cache_folder_that_is_a_file",
        ),
    ),
    Fix(
        "never-through-a-link",
        "a store that is a link is replaced, never written through",
        ((STORE, "        if self.location.is_symlink():\n", "        if False:\n"),),
        (f"{DISK}::test_the_store_replaced_by_a_link[a file]",),
    ),
    Fix(
        "never-into-a-folder",
        "a store that is a folder is left alone; memory instead",
        ((STORE, "        if self.location.exists() and not self.location.is_file():\n", "        if False:\n"),),
        (f"{DISK}::test_the_store_replaced_by_a_folder",),
    ),
    Fix(
        "store-built-under-a-temporary-name",
        "a new store is made whole under a temporary name, then linked into place",
        (
            (
                DATABASE,
                '    temporary = location.with_name(f".{location.name}.{os.getpid()}.new")\n',
                "    temporary = location\n",
            ),
            (
                DATABASE,
                "            os.link(temporary, location)\n    finally:\n        delete(temporary)",
                "            pass\n    finally:\n        pass",
            ),
        ),
        (
            f"{DISK}::test_the_disk_fills_while_the_store_is_written[creating the store]",
            f"{KILL}::test_killed_during_a_first_compile[sync-file-row:200]",
            EVERY,
        ),
        "SQLite's own journal makes a store initialised in place just as safe (a kill or a full disk"
        " leaves an empty file, which the next open initialises), and two processes creating one"
        " meet at BEGIN IMMEDIATE",
    ),
    Fix(
        "recreate-falls-back-to-memory",
        "a store that cannot be made (full disk, read-only folder): memory instead",
        (
            (
                STORE,
                "            self.notices.append(_unwritable(exc))\n"
                "            return self._in_memory()\n        if why:",
                "            raise\n        if why:",
            ),
        ),
        (
            f"{DISK}::test_the_disk_fills_while_the_store_is_written[creating the store]",
            f"{DISK}::test_a_read_only_cache_folder[a store in it]",
            f"{DISK}::test_a_read_only_cache_folder[empty]",
        ),
    ),
    Fix(
        "no-cache-folder-is-memory",
        "a cache folder that cannot be made: memory instead",
        (
            (
                STORE,
                "        except OSError as exc:  # no cache folder to write",
                "        except ZeroDivisionError as exc:",
            ),
        ),
        (f"{DISK}::test_a_cache_folder_that_is_a_file",),
    ),
    Fix(
        "read-only-store-rebuilt",
        "a read-only store in a writable folder is made again, not worked around on every start",
        ((STORE, "        if not os.access(self.location, os.W_OK) and", "        if False and"),),
        (f"{DISK}::test_a_read_only_store_file",),
    ),
    Fix(
        "rebuilt-said-only-when-made",
        "'rebuilt it' is said once a store is made, not before trying",
        (
            (
                STORE,
                "        if why:\n            self.notices.append(why)\n        return connection",
                "        return connection",
            ),
            (
                STORE,
                "        database.delete(self.location)\n        try:\n            connection = database.create_file",
                "        if why:\n            self.notices.append(why)\n        database.delete(self.location)\n"
                "        try:\n            connection = database.create_file",
            ),
        ),
        (f"{DISK}::test_a_read_only_cache_folder[a store in it]",),
    ),
    Fix(
        "search-says-the-index-notice",
        "briefing search prints a notice the index build added",
        (("briefing/commands/search.py", '    report_notices(store, "briefing search")', "    pass"),),
        (f"{DISK}::test_the_disk_fills_while_the_store_is_written[writing the index]",),
    ),
    Fix(
        "recreate-removes-what-is-there",
        "a store is made where nothing is: a dangling link is removed first, not followed",
        ((STORE, "        database.delete(self.location)\n        try:", "        try:"),),
        (f"{DISK}::test_the_store_replaced_by_a_link[nothing]",),
    ),
)

TOGETHER = "tests/test_faults_together.py"
GONE_TEST = "tests/test_faults_folder_gone.py"
ATOMIC = "tests/test_atomic.py"
ATOMIC_PY = "briefing/atomic.py"

FIXES = (
    *FIXES,
    Fix(
        "one-transaction-not-two",
        "the rows, the index and the problems of a sync commit together",
        (
            (
                STORE,
                "        spellings = self._header().variants\n        indexing.follow_changes(",
                '        connection.execute("COMMIT")\n        connection.execute("BEGIN IMMEDIATE")\n'
                "        spellings = self._header().variants\n        indexing.follow_changes(",
            ),
        ),
        (f"{KILL}::test_killed_during_an_incremental_update[sync-before-commit]",),
    ),
    Fix(
        "digest-of-the-bytes-parsed",
        "a file saved again while it is parsed keeps no digest",
        ((COMPILE, "    if digest_of(path) != digest:", "    if False:"),),
        # The editor's race is there in the test of many processes too, but not certain to be hit.
        (f"{TOGETHER}::test_a_save_while_a_file_is_read_is_not_mistaken_for_the_next",),
    ),
    Fix(
        "refresh-sees-other-processes",
        "a sync with nothing to do still shows what another process brought the store to",
        (("briefing/store/open.py", "    if store.generation() != store.shown_generation:", "    if False:"),),
        (f"{TOGETHER}::test_a_reader_whose_store_another_process_brought_up_to_date_shows_the_save",),
    ),
    Fix(
        "plan-again-inside-the-transaction",
        "what another process did meanwhile is not done twice",
        ((STORE, "plan = self._plan(scan)  # another process may have done part of it meanwhile", "pass"),),
        (EVERY,),
        "work done twice is done the same way (a file's rows are forgotten, then written): it saves"
        " time, it changes no answer",
    ),
    Fix(
        "readers-never-wait",
        "the store in WAL mode: a reader never waits for a writer",
        ((DATABASE, 'connection.execute("PRAGMA journal_mode=WAL")', "pass"),),
        (EVERY,),
        "without WAL a reader waits for the writer (up to a minute) instead of reading the last"
        " commit: slower, the same answers",
    ),
    Fix(
        "index-follows-other-writers",
        "a reader's search index reads its postings and state again after another process's commit",
        (("briefing/store/search_index.py", "            self._follow_other_writers()\n", ""),),
        (EVERY,),
        "the concurrency case found it (a traceback decoding postings), but hits it only now and"
        " then: a deterministic case is still to be written",
    ),
    Fix(
        "search-skips-a-dropped-document",
        "a document another process dropped since its postings were read is not a hit",
        (
            (
                "briefing/search/engine.py",
                "            except KeyError:  # another process removed it",
                "            except ZeroDivisionError:  # it",
            ),
        ),
        (EVERY,),
        "as above: found by the concurrency case (a KeyError in a reader), hit only now and then",
    ),
    Fix(
        "one-transaction-for-many-processes",
        "a sync is one transaction, also when other processes read and write the store",
        (
            (
                DATABASE,
                '    connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")\n    try:\n        yield\n'
                '    except BaseException:\n        connection.execute("ROLLBACK")\n        raise\n'
                '    connection.execute("COMMIT")',
                "    yield",
            ),
        ),
        (EVERY,),
    ),
    Fix(
        "watch-finds-the-folder-again",
        "the watcher looks at the folder's identity and watches the new one",
        (("briefing/watch.py", "        info = root.stat()\n", "        info = Path('/').stat()\n"),),
        (f"{GONE_TEST}::test_the_content_folder_renamed_deleted_and_recreated_under_the_app",),
    ),
    Fix(
        "gone-is-one-problem",
        "a content folder that went away is one problem, not one per file",
        (("briefing/store/scan.py", "    if not root.is_dir():\n", "    if False:\n"),),
        (f"{GONE_TEST}::test_the_content_folder_renamed_deleted_and_recreated_under_the_app",),
    ),
    Fix(
        "atomic-write",
        "bytes to a temporary file, then renamed: never written over the old file",
        (
            (
                ATOMIC_PY,
                "    target = Path(path)\n",
                "    target = Path(path)\n    if replace:\n        target.write_bytes(data)\n        return\n",
            ),
        ),
        (
            f"{ATOMIC}::test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_one",
            f"{ATOMIC}::test_a_process_killed_mid_write_leaves_the_old_file_whole",
        ),
    ),
    Fix(
        "atomic-cleans-up",
        "a failed write removes its temporary file",
        (
            (
                ATOMIC_PY,
                "        with suppress(OSError):\n            os.unlink(temporary)\n        raise",
                "        raise",
            ),
        ),
        (f"{ATOMIC}::test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_one",),
    ),
    Fix(
        "atomic-keeps-permissions",
        "a replaced file keeps its mode; a new one gets the umask's",
        ((ATOMIC_PY, "stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask()", "0o600"),),
        (
            f"{ATOMIC}::test_a_new_file_gets_the_bytes_and_the_umasks_permissions",
            f"{ATOMIC}::test_replacing_a_file_keeps_its_permissions",
        ),
    ),
    Fix(
        "atomic-never-replaces-a-device",
        "a pipe or device is written to, never renamed over",
        ((ATOMIC_PY, "    if mode is not None and not stat.S_ISREG(mode):", "    if False:"),),
        (f"{ATOMIC}::test_a_device_is_written_to_not_replaced",),
    ),
    Fix(
        "atomic-follows-links",
        "a link is followed: the file it names is replaced, the link stays",
        ((ATOMIC_PY, "    if target.is_symlink():\n        target = target.resolve()", "    pass"),),
        (f"{ATOMIC}::test_a_link_is_followed_and_the_file_it_names_replaced",),
    ),
    Fix(
        "atomic-exclusive",
        "replace=False takes the name only if it is free (a link, not a rename)",
        (
            (
                ATOMIC_PY,
                "            os.link(temporary, target)  # fails if the name is taken, unlike a rename\n"
                "            os.unlink(temporary)",
                "            os.replace(temporary, target)",
            ),
        ),
        (f"{ATOMIC}::test_not_replacing_never_touches_an_existing_file",),
    ),
    Fix(
        "p-takes-new-names",
        "the app's p writes -2, -3… rather than overwrite",
        (
            (
                "briefing/summary/handout.py",
                "        if any(path.exists() or path.is_symlink() for path in paths):",
                "        if False:",
            ),
            ("briefing/summary/handout.py", "write_atomic(path, data, replace=False)", "write_atomic(path, data)"),
        ),
        (
            f"{ATOMIC}::test_each_handout_takes_a_new_name_and_never_overwrites_one",
            f"{ATOMIC}::test_the_pair_stays_together_when_one_name_is_taken",
            f"{ATOMIC}::test_p_says_which_names_it_wrote",
        ),
    ),
)


def copy_checkout(to: Path) -> None:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (to / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, to / name)
    for extra in ("tests", "scripts"):  # new files not yet added
        for source in (ROOT / extra).rglob("*.py"):
            target = to / source.relative_to(ROOT)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)


def without(fix: Fix, copy: Path) -> None:
    for name, fixed, undone in fix.edits:
        path = copy / name
        text = path.read_text(encoding="utf-8")
        if text.count(fixed) != 1:
            raise SystemExit(f"{fix.name}: the fix's text is not once in {name}: {fixed!r}")
        path.write_text(text.replace(fixed, undone), encoding="utf-8")


def run_cases(fix: Fix, copy: Path) -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider", *fix.cases],
        cwd=copy,
        env={**os.environ, "PYTHONPATH": str(copy)},
        capture_output=True,
        text=True,
        check=False,
    )
    outcomes = {}
    for line in done.stdout.splitlines():
        if found := re.match(r"^(PASSED|FAILED|ERROR) (.+?)(?: - .*)?$", line):
            outcomes[found[2]] = found[1]
    if not outcomes:
        outcomes["(no case ran)"] = done.stdout[-2000:] + done.stderr[-2000:]
    return outcomes


def main(names: list[str]) -> int:
    if names == ["--list"]:
        for fix in FIXES:
            print(f"{fix.name}: {fix.why}")
        return 0
    chosen = [fix for fix in FIXES if not names or fix.name in names]
    guarded_nothing = 0
    for fix in chosen:
        with tempfile.TemporaryDirectory(prefix="briefing-mutation-") as scratch:
            copy = Path(scratch)
            copy_checkout(copy)
            without(fix, copy)
            outcomes = run_cases(fix, copy)
        if fix.cannot:
            print(f"{fix.name}: cannot fail without it: {fix.cannot}")
        for case, outcome in outcomes.items():
            failed = outcome in ("FAILED", "ERROR")
            if fix.cannot:
                print(f"{fix.name}: {'FAILS' if failed else 'passes'} {case}")
                continue
            guarded_nothing += not failed
            print(f"{fix.name}: {'fails' if failed else 'PASSES ANYWAY'} {case}")
            if outcome not in ("FAILED", "ERROR", "PASSED"):
                print(outcome)
    return 1 if guarded_nothing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
