"""PostgreSQL backend (psycopg 3): per-language tsvector search over a GIN index."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, ClassVar

import psycopg
from psycopg import errors as pg_errors
from psycopg import sql as pg_sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from workers.errors import ServiceUnavailable
from workers.storage.migrations import Migration
from workers.storage.migrations.postgres import MIGRATIONS
from workers.storage.records import utc
from workers.storage.search import SearchQuery
from workers.storage.sql import Cursor, SqlArticleStore

DATABASE_SETTING = "NEWSWIRE_DATABASE_URL"
TEXT_SEARCH_CONFIGS = ("arabic", "english", "french", "simple")
_MIGRATION_LOCK = 7_413_020_501


def endpoint(dsn: str) -> str:
    """host:port/dbname of a connection string, without credentials."""
    try:
        info = conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return "<unparsable database url>"
    return f"{info.get('host', 'localhost')}:{info.get('port', 5432)}/{info.get('dbname', '')}"


class PostgresStore(SqlArticleStore):
    ph: ClassVar[str] = "%s"
    payload_expr: ClassVar[str] = "v.payload::text"
    body_expr: ClassVar[str] = "v.payload->>'body_text'"
    migrations: ClassVar[tuple[Migration, ...]] = MIGRATIONS
    lock_rows: ClassVar[str] = " FOR UPDATE"

    def __init__(
        self, dsn: str, schema: str | None = None, connect_timeout: int = 5, **retry: Any
    ) -> None:
        super().__init__(**retry)
        self._dsn = dsn
        self.schema = schema
        self._connect_timeout = connect_timeout
        self._conn = self._connect()

    def _connect(self) -> psycopg.Connection[Any]:
        dsn = self._dsn
        if self.schema:
            dsn = make_conninfo(dsn, options=f"-c search_path={self.schema}")
        try:
            return psycopg.connect(dsn, autocommit=True, connect_timeout=self._connect_timeout)
        except psycopg.OperationalError as exc:
            raise ServiceUnavailable("PostgreSQL", endpoint(self._dsn), DATABASE_SETTING) from exc

    @contextmanager
    def _transaction(self) -> Iterator[Cursor]:
        with self._conn.transaction(), self._conn.cursor() as cur:
            yield cur

    @contextmanager
    def _reader(self) -> Iterator[Cursor]:
        with self._conn.cursor() as cur:
            yield cur

    def _is_transient(self, exc: BaseException) -> bool:
        return isinstance(
            exc,
            psycopg.OperationalError
            | pg_errors.SerializationFailure
            | pg_errors.DeadlockDetected
            | pg_errors.LockNotAvailable,
        )

    def _recover(self) -> None:
        if self._conn.closed or self._conn.broken:
            self._conn = self._connect()

    def _to_db_time(self, value: datetime | None) -> datetime | None:
        return None if value is None else utc(value)

    def _from_db_time(self, value: Any) -> datetime:
        assert isinstance(value, datetime)
        return utc(value)

    def _prepare_schema(self, cur: Cursor) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        if self.schema:
            cur.execute(
                pg_sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(pg_sql.Identifier(self.schema))
            )

    def _run_script(self, cur: Cursor, sql: str) -> None:
        cur.execute(sql)

    def _text_search(
        self, groups: list[tuple[str, ...]], query: SearchQuery
    ) -> tuple[str, str, str, list[Any]]:
        # Lexemes depend on the configuration, so each language is matched with
        # its own tsquery; each branch can use the GIN index.
        expression = " & ".join("(" + " | ".join(group) + ")" for group in groups)
        configs = [self._config_of(query.lang)] if query.lang else list(TEXT_SEARCH_CONFIGS)
        condition = " OR ".join(
            f"(a.tsv @@ to_tsquery('{c}', %s) "
            f"AND newswire_ts_config(a.language) = '{c}'::regconfig)"
            for c in configs
        )
        return (
            "articles a",
            "ts_rank(a.tsv, to_tsquery(newswire_ts_config(a.language), %s))",
            f"({condition})",
            [expression, *([expression] * len(configs))],
        )

    @staticmethod
    def _config_of(lang: str) -> str:
        return {"ar": "arabic", "en": "english", "fr": "french"}.get(lang, "simple")

    def close(self) -> None:
        with self._lock:
            self._conn.close()
