"""Where the fault tests stop a process dead (`kill -9` of itself) in the middle of its work.

`BRIEFING_STOP_AT=name` (or `name:n`, the n-th time) kills the process at that point; unset, as
it always is outside the tests, a point costs one comparison. Read once at import, so worker
processes inherit it like everything else.
"""

from __future__ import annotations

import os
import signal

STOP_VAR = "BRIEFING_STOP_AT"
_name, _, _count = os.environ.get(STOP_VAR, "").partition(":")
_passes = [int(_count) if _count.isdigit() else 1]  # how many more times until the stop


def point(name: str) -> None:
    """Kill this process here when the tests ask to (see the module's docstring)."""
    if name != _name:
        return
    _passes[0] -= 1
    if _passes[0] <= 0:
        os.kill(os.getpid(), signal.SIGKILL)
