"""Counts read the same in every command and page: `check`, the shelf and the handout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefing.counting_words import counted


def test_one_is_singular_and_every_other_number_plural() -> None:
    assert counted(1, "claim") == "1 claim"
    assert counted(0, "claim") == "0 claims"
    assert counted(2, "more topic") == "2 more topics"


def test_thousands_are_grouped_as_on_the_handout() -> None:
    assert counted(10_011, "topic") == "10,011 topics"


def test_check_groups_thousands_like_the_handout_and_the_shelf(tmp_path: Path) -> None:
    """`check` said "1200 claims" and "1200 errors" where the handout and the shelf group
    thousands ("1,200 claims")."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "briefing"]
    subprocess.run([*run, "new", str(tmp_path / "big")], env=env, capture_output=True, check=True)
    topic = tmp_path / "big" / "topics" / "first-topic.md"
    cited = "".join(f"- Fact number {n}. [@example-outlet]\n" for n in range(1_199))
    uncited = "".join(f"- Uncited fact {n}.\n" for n in range(1_200))
    topic.write_text(topic.read_text() + cited + uncited)
    result = subprocess.run(
        [*run, "check", "--content", str(tmp_path / "big")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    summary = result.stdout.splitlines()[-1]
    assert "2 topics, 2,401 claims, 1 source; 1,200 errors, 0 warnings" in summary, summary
