"""How the compile's worker processes are started: forked only while this process has one thread
as the system counts them. `check --watch` follows the folder through watchfiles, whose thread
Python does not list (`threading.active_count()` stays 1); a batch of 400 or more saved files
then forked beside it, which Python 3.12+ warns about ("use of fork() may lead to deadlocks in
the child") and which may indeed deadlock a child."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from briefing.store.compile import _worker_context

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="threads counted by /proc (Linux)")


def test_a_command_alone_in_its_process_forks_its_workers():
    if len(os.listdir("/proc/self/task")) != 1:
        pytest.skip("not alone here (pytest-xdist's worker runs a thread of its own)")
    context = _worker_context()
    assert context is not None and context.get_start_method() == "fork"


def test_beside_a_thread_python_does_not_list_the_workers_are_spawned(tmp_path):
    from watchfiles import watch

    if threading.active_count() != 1:
        pytest.skip("another test left a thread running")
    stop = threading.Event()
    watching = watch(tmp_path, stop_event=stop, yield_on_timeout=True, rust_timeout=50)
    try:
        next(watching)  # watchfiles' own thread runs while the generator waits
        assert threading.active_count() == 1  # Python does not know of it
        context = _worker_context()
        assert context is not None and context.get_start_method() == "spawn"
    finally:
        stop.set()
        watching.close()
