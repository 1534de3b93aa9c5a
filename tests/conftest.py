"""Shared test set-up."""

from __future__ import annotations

import inspect
import os

import pytest
from hypothesis import HealthCheck, settings

# Property tests: thorough in CI (`.ci/run` sets CI), quick while working. A test that needs a
# different number of examples scales these rather than fixing its own.
settings.register_profile(
    "ci",
    max_examples=500,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True, scope="session")
def _private_home(tmp_path_factory):
    """Keep the loaded-briefing cache and the library out of the real home folder, and the
    reader's own keymap out of the tests (subprocesses inherit them)."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))
    # An empty library: `briefing` opens the bundled briefing straight away, as it does for a
    # reader who has added none (shelf tests point it at a library of their own).
    os.environ["BRIEFING_LIBRARY"] = str(tmp_path_factory.mktemp("library"))
    yield


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives the app (a Pilot story or an SVG snapshot) as `app`, so the
    inner loop can run the quick rest with `-m "not app"`; marking by what a test uses means a new
    Pilot test cannot be forgotten."""
    for item in items:
        function = getattr(item, "function", None)
        if "snap_compare" in getattr(item, "fixturenames", ()) or inspect.iscoroutinefunction(function):
            item.add_marker(pytest.mark.app)
