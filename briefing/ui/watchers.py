"""Letting go of widgets that are gone, where Textual (pinned in pyproject.toml) keeps them:

- the watcher lists: Textual keeps, on the watched object, a list of the widgets that watch one
  of its values, and drops a removed widget from it only when that value next changes. A value
  that never changes (the app's theme, the footer's `compact`) would keep every removed pane,
  and every key the footer ever drew, alive for the rest of the session;
- `StylesCache.get_inner_outer`, an `lru_cache(1024)` on a method, so keyed on the instance:
  it keeps the last 1,024 widgets' style caches alive, each with every line its widget last drew
  (Textual issue #6665). Bounded, but a save replaces a dozen widgets, so after ~80 saves it
  held ~12 MiB of removed panes' lines. Its values are two `Style`s made from two colours: an
  empty cache refills in microseconds on the next paint.
"""

from __future__ import annotations

from textual._styles_cache import StylesCache

#: Where Textual keeps an object's watchers: name → [(node, callback)].
_WATCHERS = "__watchers"


def forget_removed_widgets(*owners: object) -> int:
    """After widgets were removed: drop what Textual still holds of them (see the module), the
    watchers on `owners` included; returns how many watchers were dropped."""
    StylesCache.get_inner_outer.cache_clear()
    return forget_closed_watchers(*owners)


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
