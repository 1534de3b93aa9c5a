"""One content file's rows: written from its compiled record, or forgotten when it changes."""

from __future__ import annotations

import sqlite3

from briefing.loading.layout import BRIEFING_FILE
from briefing.model import OVERVIEW_ID
from briefing.store import stops
from briefing.store.compile import Compiled


def forget_file(connection: sqlite3.Connection, path: str) -> None:
    connection.execute("DELETE FROM cites WHERE topic_id IN (SELECT id FROM topics WHERE path = ?)", (path,))
    connection.execute("DELETE FROM bodies WHERE id IN (SELECT id FROM topics WHERE path = ?)", (path,))
    connection.execute("DELETE FROM topics WHERE path = ?", (path,))
    connection.execute("DELETE FROM sources WHERE path = ?", (path,))
    connection.execute("DELETE FROM files WHERE path = ?", (path,))
    if path == BRIEFING_FILE:
        connection.execute("UPDATE meta SET value = '' WHERE key = 'header'")


def write_file(connection: sqlite3.Connection, record: Compiled) -> None:
    stat = record.stat
    connection.execute(
        "INSERT INTO files (path, kind, item_id, size, mtime_ns, digest, problems) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (stat.path, stat.kind, stat.item_id, stat.size, stat.mtime_ns, record.digest, record.problems),
    )
    stops.point("sync-file-row")  # the file is known, its topic not yet written
    if record.header is not None:
        connection.execute("UPDATE meta SET value = ? WHERE key = 'header'", (record.header,))
    if record.source is not None:
        connection.execute(
            "INSERT INTO sources (id, path, record) VALUES (?, ?, ?)", (stat.item_id, stat.path, record.source)
        )
    if (row := record.topic) is None:
        return
    connection.execute("INSERT INTO bodies (id, body) VALUES (?, ?)", (row.id, row.body))
    connection.execute(
        "INSERT INTO topics (id, path, title, ord, rank, sort_title, summary, aliases, claim_count,"
        " difference_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            row.id,
            row.path,
            row.title,
            row.order,
            0 if row.id == OVERVIEW_ID else 1,  # the overview first, whatever its order
            row.title.casefold(),
            row.summary,
            row.aliases,
            row.claim_count,
            row.difference_count,
        ),
    )
    connection.executemany(
        "INSERT INTO cites (topic_id, source_id, claims, differences, lines) VALUES (?, ?, ?, ?, ?)",
        [(row.id, *cite) for cite in record.cites],
    )
