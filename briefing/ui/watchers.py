"""Letting go of widgets that are gone: Textual keeps, on the watched object, a list of the
widgets that watch one of its values, and drops a removed widget from it only when that value
next changes. A value that never changes (the app's theme, the footer's `compact`) would keep
every removed pane, and every key the footer ever drew, alive for the rest of the session.
"""

from __future__ import annotations

#: Where Textual (pinned in pyproject.toml) keeps an object's watchers: name → [(node, callback)].
_WATCHERS = "__watchers"


def forget_closed_watchers(*owners: object) -> int:
    """Drop the watchers of `owners` whose widget has been removed, as Textual itself does when
    the value changes; returns how many were dropped."""
    dropped = 0
    for owner in owners:
        for watchers in getattr(owner, _WATCHERS, {}).values():
            kept = [(node, callback) for node, callback in watchers if not node._closing and not node._closed]
            dropped += len(watchers) - len(kept)
            watchers[:] = kept
    return dropped
