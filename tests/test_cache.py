"""The loaded-briefing cache: a warm start skips parsing, and any edit is seen at once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.loading.cache import fingerprint, load_briefing_cached
from briefing.loading.loader import load_briefing
from briefing.model import ContentError

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


@pytest.fixture
def content(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("BRIEFING_NO_CACHE", raising=False)
    folder = tmp_path / "content"
    shutil.copytree(MINIMAL, folder)
    return folder


def test_second_load_comes_from_the_cache_and_equals_a_fresh_load(content, tmp_path):
    first = load_briefing_cached(content)
    assert list((tmp_path / "cache" / "briefing").glob("*.pickle"))
    assert load_briefing_cached(content) == first == load_briefing(content)


def test_an_edit_is_seen(content):
    load_briefing_cached(content)
    topic = content / "topics" / "energy.md"
    topic.write_text(topic.read_text().replace("It starts at once.", "It starts tomorrow."))
    os.utime(topic, ns=(1, 1))  # even a file whose time went backwards
    texts = [claim.text for claim in load_briefing_cached(content).topic("energy").claims]
    assert "It starts tomorrow." in texts


def test_added_file_changes_the_fingerprint(content):
    before = fingerprint(content)
    (content / "topics" / "more.md").write_text("---\ntitle: M\norder: 3\nsummary: s\n---\n- x [@alpha]\n")
    assert fingerprint(content) != before


def test_unwritable_cache_is_not_an_error(content, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load_briefing_cached(content).topic("energy") is not None


def test_missing_folder_still_raises(tmp_path):
    with pytest.raises(ContentError):
        load_briefing_cached(tmp_path / "nowhere")


def test_a_warm_start_does_not_import_the_parsers(content, tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    script = (
        "import sys\nfrom briefing.loading.cache import load_briefing_cached\n"
        f"load_briefing_cached({str(content)!r})\n"
        "print(any(m.startswith(('markdown_it', 'yaml')) for m in sys.modules))\n"
    )
    cold = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    warm = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert (cold.stdout.strip(), warm.stdout.strip()) == ("True", "False")
