"""What a pipeline run left in a SQLite store, as comparable data: every row of
every table, without what depends on when or in which order the run happened
(fetch and store times, Kafka positions, the counter of dedup decisions and the
orders built from fetch times)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import orjson

TABLES = (
    "articles",
    "article_versions",
    "aliases",
    "article_entities",
    "article_subjects",
    "article_lineage",
)
RUN_COLUMNS = frozenset(
    {
        "id",
        "fetched_at",
        "stored_at",
        "created_at",
        "sort_time",
        "precedence",
        "dedup_key",
        "role_seq",
        "partition_no",
        "offset_no",
        "at",
    }
)
"""Columns whose values come from the run (times, Kafka positions, decision
counter), not from the articles."""
RUN_FIELDS = ("fetched_at", "role_seq", "lineage")
"""The same, inside a stored payload."""


def _value(column: str, value: Any, topic_prefix: str) -> Any:
    if isinstance(value, bytes):
        return value.hex()
    if column == "payload":
        payload = orjson.loads(value)
        for name in RUN_FIELDS:
            payload.pop(name, None)
        return payload
    if column == "topic" and isinstance(value, str):
        return value.removeprefix(topic_prefix)
    return value


def stored_rows(db: Path, topic_prefix: str) -> dict[str, list[dict[str, Any]]]:
    """Each table's rows, sorted, as JSON-ready dicts of their stable columns."""
    tables: dict[str, list[dict[str, Any]]] = {}
    with sqlite3.connect(db) as conn:
        for table in TABLES:
            cursor = conn.execute(f"SELECT * FROM {table}")
            columns = [d[0] for d in cursor.description]
            rows = [
                {
                    c: _value(c, v, topic_prefix)
                    for c, v in zip(columns, row, strict=True)
                    if c not in RUN_COLUMNS
                }
                for row in cursor.fetchall()
            ]
            rows.sort(key=lambda r: orjson.dumps(r, option=orjson.OPT_SORT_KEYS))
            tables[table] = rows
    return tables
