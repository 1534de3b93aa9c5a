"""A reader's own keys: `briefing keys` lists the ids, keymap.toml rebinds them, a bad file is one
line and the default keys."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.commands.app import prepare_app
from briefing.keymap import KeymapError, keymap_path, parse_keymap, read_keymap
from briefing.ui.keys import binding_ids
from briefing.ui.screens.dialogs import HelpScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.widgets.search_bar import SearchInput

IDS = binding_ids()


def write_keymap(config_home: Path, text: str | bytes) -> Path:
    path = config_home / "briefing" / "keymap.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# -- the file ------------------------------------------------------------------------------------


def test_the_keymap_lives_in_the_xdg_config_folder(tmp_path):
    assert keymap_path({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "briefing" / "keymap.toml"
    home_config = Path.home() / ".config" / "briefing" / "keymap.toml"
    assert keymap_path({}) == home_config
    assert keymap_path({"XDG_CONFIG_HOME": "relative/dir"}) == home_config, "the XDG spec ignores relative paths"


def test_quoted_and_dotted_ids_both_rebind():
    text = '[keys]\n"search.open" = "ctrl+k"\nhistory.back = "b, backspace"\n'
    assert parse_keymap(text, IDS) == {"search.open": "ctrl+k", "history.back": "b,backspace"}


def test_no_file_is_no_keymap(tmp_path):
    assert read_keymap(tmp_path / "keymap.toml", IDS) == {}


@pytest.mark.parametrize(
    "text, expected",
    [
        ('[keys]\n"search.open" = "ctrl+k"\n"serch.open" = "x"\n', "keymap.toml:3: unknown binding id `serch.open`"),
        ("[keys]\nsearch.open = 5\n", "keymap.toml:2: `search.open` must be keys in a string"),
        ('[keys]\n"search.open" = ""\n', "keymap.toml:2: `search.open` must be keys in a string"),
        ('[keys]\n"search.open" = "a,,b"\n', "keymap.toml:2: `search.open` must be keys in a string"),
        ('[keys]\n"search.open" = "ctrl+k\n', "keymap.toml:2: not valid TOML: "),
        ('[keys]\n"search.open" = "a"\n"search.open" = "b"\n', "keymap.toml:3: not valid TOML: "),
        ('"search.open" = "ctrl+k"\n', "keymap.toml:1: `search.open` is outside the [keys] table"),
        ("", "keymap.toml: no [keys] table"),
        ("keys = 3\n", "keymap.toml:1: `keys` must be a table"),
        (
            '[keys]\na.b = "x"\nc.d = "y"\n',
            "keymap.toml:2: unknown binding id `a.b` (`briefing keys` lists them) (and 1 more)",
        ),
    ],
)
def test_a_bad_keymap_is_one_line_saying_where(text, expected):
    with pytest.raises(KeymapError) as raised:
        parse_keymap(text, IDS)
    message = str(raised.value)
    assert message.startswith(expected)
    assert "\n" not in message


def test_a_file_that_is_not_utf8_says_which_line(tmp_path):
    path = write_keymap(tmp_path, b'[keys]\n"search.open" = "\xff"\n')
    with pytest.raises(KeymapError, match=r"keymap.toml:2: not valid UTF-8"):
        read_keymap(path, IDS)


# -- briefing keys -------------------------------------------------------------------------------


def run_keys(config_home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CONFIG_HOME": str(config_home)}
    return subprocess.run(
        [sys.executable, "-m", "briefing", "keys", *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_briefing_keys_lists_every_binding_id_first(tmp_path):
    result = run_keys(tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    rows = [line.split(None, 2) for line in result.stdout.splitlines()]
    assert {row[0] for row in rows} == IDS, "one line per binding id, id first"
    assert len(rows) == len(IDS)
    by_id = {row[0]: row for row in rows}
    assert by_id["search.open"][1:] == ["slash,ctrl+f", "Search — Search everything as you type"]
    assert by_id["topic.next"][1] == "right,right_square_bracket"


def test_briefing_keys_shows_the_keymap_and_refuses_a_bad_one(tmp_path):
    write_keymap(tmp_path, '[keys]\n"search.open" = "ctrl+k"\n')
    result = run_keys(tmp_path)
    assert result.returncode == 0
    assert any(line.split()[:2] == ["search.open", "ctrl+k"] for line in result.stdout.splitlines())
    assert run_keys(tmp_path, "--defaults").stdout.count("slash,ctrl+f") == 1

    write_keymap(tmp_path, '[keys]\n"search.opne" = "ctrl+k"\n')
    result = run_keys(tmp_path)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert "keymap.toml:2: unknown binding id `search.opne`" in line and "default keys" in line
    assert "Traceback" not in result.stderr
    assert any(line.split()[:2] == ["search.open", "slash,ctrl+f"] for line in result.stdout.splitlines())


# -- in the app ----------------------------------------------------------------------------------


def start_args() -> argparse.Namespace:
    return argparse.Namespace(content=None, theme=None)


async def test_a_rebound_key_opens_search_and_the_old_one_does_not(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    write_keymap(tmp_path, '[keys]\nsearch.open = "ctrl+k"\n')
    app = prepare_app(start_args())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert not isinstance(app.focused, SearchInput), "/ no longer opens search"
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.focused, SearchInput)
        await pilot.press("escape", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        search_row = next(row for row in app.screen.rows if row[1] == "Search")
        assert search_row[0] == "^k", "help shows the reader's key"


async def test_a_bad_keymap_keeps_the_default_keys_and_says_so_once(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    write_keymap(tmp_path, '[keys]\nsearch.open = "ctrl+k"\nsearch.opne = "x"\n')
    app = prepare_app(start_args())
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("briefing: ") and "unknown binding id `search.opne`" in line
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and isinstance(app.focused, SearchInput)
        notices = [str(n.message) for n in app._notifications if "keymap" in str(n.message)]
        assert len(notices) == 1 and "search.opne" in notices[0]
