"""SQLite backend: one file, WAL journal, one transaction per batch, FTS5 search."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from workers.models import EnrichedArticle
from workers.storage.migrations import Migration
from workers.storage.migrations.sqlite import MIGRATIONS
from workers.storage.search import SearchQuery
from workers.storage.sql import SEARCH_COLUMNS, Cursor, SqlArticleStore
from workers.storage.tokens import index_text
from workers.times import iso

MEMORY = ":memory:"
HEADLINE_WEIGHT = 4.0
RANK_WINDOW = 1000


class SqliteStore(SqlArticleStore):
    ph: ClassVar[str] = "?"
    body_expr: ClassVar[str] = "json_extract(v.payload, '$.body_text')"
    migrations: ClassVar[tuple[Migration, ...]] = MIGRATIONS
    search_columns: ClassVar[tuple[str, ...]] = ("search_headline", "search_body")
    """Read by the FTS5 index (external content): new rows by `_index_articles`,
    the old values of deleted or updated rows by its triggers."""

    def __init__(self, path: Path | str, busy_timeout: float = 10.0) -> None:
        super().__init__()
        if str(path) != MEMORY:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.path = str(path)
        self._conn = sqlite3.connect(
            self.path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
        )
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.execute("PRAGMA temp_store = MEMORY")
        self._conn.execute("PRAGMA cache_size = -65536")

    @contextmanager
    def _transaction(self) -> Iterator[Cursor]:
        cur = self._conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            yield cur
        except BaseException:
            if self._conn.in_transaction:
                self._conn.rollback()
            raise
        else:
            cur.execute("COMMIT")
        finally:
            cur.close()

    @contextmanager
    def _reader(self) -> Iterator[Cursor]:
        cur = self._conn.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def _is_transient(self, exc: BaseException) -> bool:
        if not isinstance(exc, sqlite3.OperationalError):
            return False
        message = str(exc).lower()
        return "locked" in message or "busy" in message

    def _recover(self) -> None:
        """The busy timeout already waited; nothing to reconnect."""

    def _lock_uris(self, cur: Cursor, uris: list[str]) -> None:
        """BEGIN IMMEDIATE already holds the database's one write lock."""

    def _to_db_time(self, value: datetime | None) -> str | None:
        return iso(value)

    def _from_db_time(self, value: Any) -> datetime:
        return datetime.fromisoformat(value)

    def _prepare_schema(self, cur: Cursor) -> None:
        """BEGIN IMMEDIATE already holds the write lock."""

    def _run_script(self, cur: Cursor, sql: str) -> None:
        # executescript() would commit the open transaction; run statements one by one.
        statement = ""
        for line in sql.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                cur.execute(statement)
                statement = ""
        if statement.strip():
            cur.execute(statement)

    def _prepare_search(self, cur: Cursor, articles: Sequence[EnrichedArticle]) -> None:
        """FTS5 tokenizes the indexed text itself."""

    def _search_values(self, article: EnrichedArticle) -> tuple[str, str]:
        return index_text(article.headline), index_text(article.body_text)

    def _index_articles(self, cur: Cursor, uris: list[str]) -> None:
        """One statement per batch (docs/ARCHITECTURE.md, Storage): FTS5 fed the
        new rows in rowid order, which costs less than a trigger run per row."""
        for condition, params in self._matching("uri", uris):
            cur.execute(
                "INSERT INTO articles_fts (rowid, search_headline, search_body) "
                f"SELECT id, search_headline, search_body FROM articles WHERE {condition} "
                "ORDER BY id",
                params,
            )

    def _text_search(
        self,
        groups: list[tuple[str, ...]],
        query: SearchQuery,
        where: list[str],
        params: list[Any],
    ) -> tuple[str, list[Any]]:
        match = " AND ".join(
            "(" + " OR ".join(f'"{alt}"' for alt in group) + ")" for group in groups
        )
        conditions = " AND ".join(["articles_fts MATCH ?", *where])
        joined = "JOIN articles a ON a.id = articles_fts.rowid" if where else ""
        # bm25 costs a read of each match's postings: only the RANK_WINDOW most
        # recently stored matches (rowid order, which FTS5 walks for free) are ranked.
        sql = (
            f"SELECT {SEARCH_COLUMNS}, m.score FROM ("
            f"SELECT articles_fts.rowid AS id, "
            f"-bm25(articles_fts, {HEADLINE_WEIGHT}, 1.0) AS score "
            f"FROM articles_fts {joined} WHERE {conditions} "
            f"ORDER BY articles_fts.rowid DESC LIMIT {RANK_WINDOW}) m "
            "JOIN articles a ON a.id = m.id ORDER BY m.score DESC, a.sort_time DESC, a.uri "
            "LIMIT ? OFFSET ?"
        )
        return sql, [match, *params, query.limit, query.offset]

    def close(self) -> None:
        with self._lock:
            self._conn.close()
