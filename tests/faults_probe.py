"""What every fault test checks last: the answers a command gives after the fault, against those
of a freshly built store. Run as a script (`python faults_probe.py FOLDER`), it is the next
command: it opens the folder's store as every command does (`open_briefing`), builds or reads
its search index as `briefing search` does, and prints the answers as JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

#: Questions asked after every fault: words of the bundled briefing, of its clones, and none.
QUERIES = ("how many prisoners", "energy", "truce", "hockey games", "Zelensky said", "175", "nothing-matches-this")
PROBE = Path(__file__)
#: Set in every process a fault test starts, so that what is left of them can be found.
MARKER_VAR = "BRIEFING_FAULT_MARKER"


def answers(briefing) -> dict:
    """The topic list, the problem list and the hits of each fixed query, as plain data."""
    from briefing.search import SearchIndex

    index = SearchIndex.for_briefing(briefing)
    return {
        "topics": [[entry.id, entry.title, entry.claim_count, entry.difference_count] for entry in briefing.outline],
        "problems": [problem.format() for problem in briefing.problems],
        "hits": {
            query: [
                [hit.kind, hit.topic_id, hit.claim_id, hit.text, list(hit.source_ids)] for hit in index.search(query)
            ]
            for query in QUERIES
        },
    }


def fresh_answers(folder: Path) -> dict:
    """The answers of a store built from nothing, in memory (nothing a fault left can reach it)."""
    from briefing.loading.loader import load_briefing

    return answers(load_briefing(folder))


def same_answers(after: dict, fresh: dict) -> None:
    after = dict(after)
    after.pop("notices", None)
    after.pop("rounds", None)
    assert after["topics"] == fresh["topics"], "the topic list"
    assert after["problems"] == fresh["problems"], "the problem list"
    assert after["hits"] == fresh["hits"], "the answers to the fixed queries"


def probe(folder: Path, cache: Path, **env: str) -> dict:
    """The next command after a fault, in a process of its own; its notices come back too."""
    done = run_python([str(PROBE), str(folder)], cache, **env)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout)


def environment_for(cache: Path, **env: str) -> dict[str, str]:
    """The environment of every process a fault test starts: its own cache, and the marker."""
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache), MARKER_VAR: str(cache), **env}
    environment.pop("BRIEFING_NO_CACHE", None)
    return environment


def run_python(argv: list[str], cache: Path, preexec_fn=None, **env: str) -> subprocess.CompletedProcess:
    """`python argv` in the fault's environment. Its output goes to files, not pipes: a worker
    that outlived it would hold a pipe open, and the test would wait for it instead of saying so."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        done = subprocess.run(
            [sys.executable, *argv],
            env=environment_for(cache, **env),
            stdout=out,
            stderr=err,
            timeout=120,
            preexec_fn=preexec_fn,
            check=False,
        )
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(
            done.args, done.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
        )


def briefing_command(argv: list[str], cache: Path, preexec_fn=None, **env: str) -> subprocess.CompletedProcess:
    return run_python(["-m", "briefing", *argv], cache, preexec_fn, **env)


def survivors(marker: str) -> list[int]:
    """Processes still alive that a fault test started with `marker` (none may outlive it)."""
    found = []
    needle = f"{MARKER_VAR}={marker}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environment = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if needle in environment.split(b"\0") and state != "Z":
            found.append(int(entry.name))
    return found


def follow(folder: Path, until: Path) -> dict:
    """What an open app does while an author saves, headless: bring the store up to date
    (`reloader`, the app's reload path), read what a reader would (the outline, every topic, a
    search), again and again until the file `until` exists; then once more, and the answers of
    the briefing it would show, with how many rounds it read."""
    from briefing.search import SearchIndex
    from briefing.store.open import open_briefing, reloader

    shown, store = open_briefing(folder)
    reload = reloader(store)
    rounds = 0
    while not until.exists():
        result = reload()
        if result is not None:
            shown = result[0]
        for entry in shown.outline:
            shown.topic(entry.id)
        SearchIndex.for_briefing(shown).search(QUERIES[rounds % len(QUERIES)])
        rounds += 1
    result = reload()
    if result is not None:
        shown = result[0]
    return {**answers(shown), "rounds": rounds}


if __name__ == "__main__":
    from briefing.store.open import open_briefing

    if sys.argv[1] == "--follow":
        print(json.dumps(follow(Path(sys.argv[2]), Path(sys.argv[3]))))
        sys.exit(0)
    shown, store = open_briefing(Path(sys.argv[1]))
    store.ensure_index()
    result = answers(shown)
    result["notices"] = store.notices
    print(json.dumps(result))
