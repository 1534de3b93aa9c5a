"""Every problem of a compiled briefing: each file's own (found when it was parsed), the folder's
(names, links), and those that look across files (citations of outlets that did not load, topics
sharing an `order`), worked out from the rows, never by parsing again."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from briefing.loading.layout import BRIEFING_FILE, missing_briefing_problem
from briefing.model import Problem, Severity
from briefing.store import codec
from briefing.store.scan import Scan


def all_problems(connection: sqlite3.Connection, scan: Scan) -> list[Problem]:
    found: list[Problem] = list(scan.problems)
    if BRIEFING_FILE not in scan.files and not scan.gone:
        found.append(missing_briefing_problem())
    for (encoded,) in connection.execute("SELECT problems FROM files WHERE problems != '[]'"):
        found += codec.decode_problems(encoded)
    found += _unknown_citations(connection)
    found += _shared_orders(connection)
    found.sort(key=lambda problem: (problem.path, problem.line))
    return found


def _unknown_citations(connection: sqlite3.Connection) -> Iterator[Problem]:
    rows = connection.execute(
        "SELECT topics.path, cites.source_id, cites.lines FROM cites JOIN topics ON topics.id = cites.topic_id"
        " WHERE cites.source_id NOT IN (SELECT id FROM sources)"
    ).fetchall()
    if not rows:
        return
    known = [source_id for (source_id,) in connection.execute("SELECT id FROM sources")]
    for path, source_id, lines in rows:
        for line in json.loads(lines):
            yield _unknown_source(path, line, source_id, known)


def _unknown_source(path: str, line: int, source_id: str, source_ids: list[str]) -> Problem:
    known = ", ".join(sorted(source_ids)) or "none loaded"
    return Problem(path, line, Severity.ERROR, f"unknown source `@{source_id}` (known: {known})")


def _shared_orders(connection: sqlite3.Connection) -> Iterator[Problem]:
    rows = connection.execute(
        "SELECT ord, path FROM topics WHERE rank = 1 AND ord IN"
        " (SELECT ord FROM topics WHERE rank = 1 GROUP BY ord HAVING COUNT(*) > 1)"
        " ORDER BY ord, sort_title, path"
    ).fetchall()
    first: dict[int, str] = {}
    for order, path in rows:
        if order in first:
            yield Problem(path, 0, Severity.WARNING, f"`order: {order}` is also used by {first[order]}")
        else:
            first[order] = path
