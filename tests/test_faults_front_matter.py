"""Every value of every front-matter field, for every kind of file: whatever YAML an author (or an
attacker) puts there is a `file:line` problem or a value the briefing keeps, never a traceback, and
the rest of the briefing loads. Each example goes through what a user runs: the compiled store on
disk, then `check`, `search` and `print`."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import cli
from briefing.store.open import open_briefing

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
PROBLEM_LINE = re.compile(r"^(briefing\.md|topics/[\w-]+\.md|sources/[\w-]+\.md|\w+)(:\d+)?: (error|warning): .+$")

#: A valid file of each kind; the generated value replaces (or adds) one of its fields.
BASES = {
    "briefing": (
        "briefing.md",
        {
            "title": "Test briefing",
            "as_of": "2026-01-02",
            "event_date": "2025-03-18",
            "bottom_line": "Alpha agreed.",
            "variants": [["Kyiv", "Kiev"]],
            "synonyms": [["wounded", "injured"]],
        },
        "- Alpha and beta spoke by phone. [@alpha; @beta]\n",
    ),
    "topic": (
        "topics/fuzz.md",
        {"title": "Fuzz", "order": 2, "summary": "Generated.", "aliases": ["fuzzing"]},
        "- A generated claim. [@alpha]\n",
    ),
    "source": (
        "sources/fuzz.md",
        {
            "outlet": "Fuzz News",
            "short": "Fuzz",
            "headline": "A headline",
            "published": "2025-03-18",
            "byline": "none",
            "address": "https://fuzz.example",
            "confirmed": ["outlet"],
            "note": "A note.",
            "text_file": "fuzz.txt",
        },
        "What the outlet reported.\n",
    ),
}
FIELDS = [(kind, name) for kind, (_path, fields, _body) in BASES.items() for name in fields]

#: YAML that no Python value dumps to: big and odd numbers, tags, impossible dates, deep nesting.
RAW_YAML = [
    "99999999999999999999999",
    "-99999999999999999999999",
    "9223372036854775808",
    "-9223372036854775809",
    "1" * 5000,
    "0x7fffffffffffffffffffff",
    "0o7777777777777777777777777",
    "1e400",
    "-1e400",
    ".nan",
    ".inf",
    "-.inf",
    "1_000_000",
    "true",
    "no",
    "~",
    "",
    "2025-13-45",
    "2025-02-30",
    "2025-03-18 25:61:61",
    "2025-03-18T10:00:00+99:00",
    "99999-01-01",
    "!!binary aGVsbG8=",
    "!!python/object:os.system x",
    "!!set {a, b}",
    "!!omap [a: 1, b: 2]",
    "!!timestamp nonsense",
    "!!int nonsense",
    "!!float nonsense",
    "[" * 200 + "]" * 200,
    "{a: {b: {c: [1, {d: e}]}}}",
    "[[], [x], [1, 2], [[a, b], c]]",
    '"\\x1b[2J\\u202e[bold]x[/]"',
    "'[/]'",
    "x " * 60_000,
    "|\n  two\n  lines",
    "- a\n  - b",
]

python_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**300), max_value=2**300)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=300)
    | st.dates(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


def _yaml_of(name: str, value: object) -> str:
    return yaml.safe_dump({name: value}, allow_unicode=True)


field_yaml = st.tuples(st.sampled_from(FIELDS), st.booleans()).flatmap(
    lambda choice: st.tuples(
        st.just(choice[0]),
        st.sampled_from(RAW_YAML).map(lambda raw, name=choice[0][1]: f"{name}: {raw}\n")
        if choice[1]
        else python_values.map(lambda value, name=choice[0][1]: _yaml_of(name, value)),
    )
)


def _content_with(folder: Path, kind: str, name: str, line: str) -> str:
    shutil.copytree(MINIMAL, folder)
    path, fields, body = BASES[kind]
    others = "".join(_yaml_of(key, value) for key, value in fields.items() if key != name)
    (folder / path).write_text(f"---\n{others}{line}---\n{body}", encoding="utf-8")
    return path


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = cli.main(list(argv))
    return code, out.getvalue()


# A tenth of the profile's examples: each one compiles a store and runs three commands.
@settings(
    max_examples=max(settings().max_examples // 10, 20),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=field_yaml)
def test_any_value_of_any_field_is_a_problem_or_a_value_never_a_crash(case):
    (kind, name), line = case
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "content"
        path = _content_with(folder, kind, name, line)
        with _cache(Path(scratch) / "cache"):
            briefing, store = open_briefing(folder)
            store.close()
            assert briefing.topic("energy") is not None, "the other topics still load"
            assert briefing.source("alpha") is not None
            for problem in briefing.problems:
                assert PROBLEM_LINE.match(problem.format()), problem.format()
                assert problem.path in (path, "topics/energy.md", "sources/alpha.md", "briefing.md"), problem
            code, report = _run("check", str(folder))
            assert code in (0, 1) and report.strip(), report
            assert _run("--content", str(folder), "search", "alpha")[0] in (0, 1)
            code, page = _run("--content", str(folder), "print")
            assert code == 0 and page.strip()


@pytest.mark.parametrize("raw", RAW_YAML, ids=lambda raw: raw[:30])
def test_each_odd_value_in_every_field_at_once(raw, tmp_path):
    """Every field of every kind of file holds the same odd YAML: all three files still give a
    briefing, with a problem at a line of theirs where the value cannot be kept."""
    folder = tmp_path / "content"
    shutil.copytree(MINIMAL, folder)
    for path, fields, body in BASES.values():
        lines = "".join(f"{name}: {raw}\n" for name in fields)
        (folder / path).write_text(f"---\n{lines}---\n{body}", encoding="utf-8")
    with _cache(tmp_path / "cache"):
        briefing, _store = open_briefing(folder)
        assert briefing.topic("energy") is not None and briefing.source("alpha") is not None
        assert all(PROBLEM_LINE.match(problem.format()) for problem in briefing.problems)
        assert _run("check", str(folder))[0] in (0, 1)
        assert _run("--content", str(folder), "search", "alpha")[0] in (0, 1)
        assert _run("--content", str(folder), "print")[0] == 0


def test_an_order_bigger_than_the_store_can_keep_is_one_error_and_the_rest_loads(tmp_path):
    folder = tmp_path / "content"
    path = _content_with(folder, "topic", "order", "order: 99999999999999999999999\n")
    with _cache(tmp_path / "cache"):
        briefing, _store = open_briefing(folder)
        code, report = _run("check", str(folder))
    assert [p.format() for p in briefing.problems] == [
        f"{path}:6: error: `order` is out of range: give a whole number from -1000000000 to 1000000000"
    ]
    assert [entry.id for entry in briefing.outline] == ["overview", "energy", "fuzz"]
    assert code == 1 and f"{path}:6: error: `order` is out of range" in report


@contextlib.contextmanager
def _cache(where: Path):
    import os

    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(where)
    try:
        yield
    finally:
        os.environ["XDG_CACHE_HOME"] = before or ""
