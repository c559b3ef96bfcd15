"""PostgreSQL backend (psycopg 3): per-language tsvector search over a GIN index."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from typing import Any, ClassVar, cast

import psycopg
from psycopg import errors as pg_errors
from psycopg import sql as pg_sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from workers.errors import AuthenticationFailed, RefusedByServer, ServiceUnavailable, TlsFailed
from workers.models import EnrichedArticle
from workers.settings import Settings
from workers.storage.migrations import Migration
from workers.storage.migrations.postgres import MIGRATIONS
from workers.storage.search import SearchQuery
from workers.storage.sql import SEARCH_COLUMNS, Cursor, SqlArticleStore
from workers.storage.tsvector import (
    ANALYSIS_SQL,
    MAX_TOKEN_BYTES,
    Slot,
    TsvectorBuilder,
    analysis_text,
    slots_of,
)
from workers.text.arabic import is_arabic
from workers.times import utc

log = logging.getLogger(__name__)

DATABASE_SETTING = "NEWSWIRE_DATABASE_URL"
TLS_SETTING = "NEWSWIRE_DATABASE_TLS__"
TEXT_SEARCH_CONFIGS = ("arabic", "english", "french", "simple")
_MIGRATION_LOCK = 7_413_020_501
_URI_LOCKS = 7_413_020
"""The first key of the uri locks; the second is the uri's slot."""
URI_LOCK_SLOTS = 4096
RANK_WINDOW = 1000
RANK_NORMALIZATION = 1
"""ts_rank normalization 1: divide by 1 + log(document length)."""
LANGUAGE_CONFIGS = {"ar": "arabic", "en": "english", "fr": "french"}
"""As `newswire_ts_config` (migration 1): any other language indexes with `simple`."""


def _lock_slot(uri: str) -> int:
    return int.from_bytes(hashlib.blake2b(uri.encode(), digest_size=4).digest()) % URI_LOCK_SLOTS


def text_search_config(language: str | None) -> str:
    return LANGUAGE_CONFIGS.get(language or "", "simple")


def endpoint(dsn: str) -> str:
    """host:port/dbname of a connection string, without credentials."""
    try:
        info = conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return "<unparsable database url>"
    return f"{info.get('host', 'localhost')}:{info.get('port', 5432)}/{info.get('dbname', '')}"


def settings_dsn(settings: Settings) -> str:
    """NEWSWIRE_DATABASE_URL with the TLS settings (NEWSWIRE_DATABASE_TLS__*) added;
    they win over the same parameters in the URL."""
    url = settings.database_url.get_secret_value() if settings.database_url else ""
    extra = settings.database_tls.conninfo()
    return make_conninfo(url, **extra) if extra else url


@dataclass(frozen=True)
class _Refusal:
    """A libpq message (matched by `pattern`) and what it means for the settings."""

    pattern: re.Pattern[str]
    error: type[RefusedByServer]
    setting: str
    problem: str
    """With `{user}` and `{detail}` (libpq's own words) filled in."""
    fix: str


def _refusal(
    pattern: str, error: type[RefusedByServer], setting: str, problem: str, fix: str
) -> _Refusal:
    return _Refusal(re.compile(pattern), error, setting, problem, fix)


_TLS_FILES = f"{TLS_SETTING}CERTFILE and {TLS_SETTING}KEYFILE"
_REFUSALS = (
    _refusal(
        r"password authentication failed",
        AuthenticationFailed,
        DATABASE_SETTING,
        "refused the password of user {user!r}",
        f"check the user and password in {DATABASE_SETTING}",
    ),
    _refusal(
        r"no password supplied|password is required",
        AuthenticationFailed,
        DATABASE_SETTING,
        "requires a password for user {user!r}",
        f"put it in {DATABASE_SETTING} (postgresql://USER:PASSWORD@HOST:PORT/DB)",
    ),
    _refusal(
        r"no pg_hba\.conf entry|pg_hba\.conf rejects|role \"[^\"]*\" does not exist",
        AuthenticationFailed,
        DATABASE_SETTING,
        "does not let user {user!r} connect this way ({detail})",
        f"check the user in {DATABASE_SETTING} and {TLS_SETTING}SSLMODE",
    ),
    _refusal(
        r"does not match host name",
        TlsFailed,
        DATABASE_SETTING,
        "presented a certificate for another name ({detail})",
        f"use a host name its certificate holds in {DATABASE_SETTING}, "
        f"or set {TLS_SETTING}SSLMODE=verify-ca",
    ),
    _refusal(
        r"root certificate file .* does not exist",
        TlsFailed,
        f"{TLS_SETTING}CAFILE",
        "cannot be verified: no CA file given",
        f"set {TLS_SETTING}CAFILE (sslrootcert) to the CA that signed its certificate",
    ),
    _refusal(
        r"certificate verify failed",
        TlsFailed,
        f"{TLS_SETTING}CAFILE",
        "presented a certificate this client does not trust ({detail})",
        f"set {TLS_SETTING}CAFILE (sslrootcert) to the CA that signed it",
    ),
    _refusal(
        r"server does not support SSL",
        TlsFailed,
        f"{TLS_SETTING}SSLMODE",
        "does not offer TLS",
        f"turn TLS on in the server, or set {TLS_SETTING}SSLMODE to prefer or disable",
    ),
    _refusal(
        r"requires a valid client certificate|certificate required|tlsv1 alert unknown ca",
        TlsFailed,
        f"{TLS_SETTING}CERTFILE",
        "requires a client certificate it trusts ({detail})",
        f"set {_TLS_FILES} to a certificate signed by a CA the server trusts",
    ),
    _refusal(
        r"could not (?:read|load|open) (?:certificate|private key)|"
        r"certificate present, but not private key",
        TlsFailed,
        f"{TLS_SETTING}CERTFILE",
        "cannot be reached with this client certificate ({detail})",
        f"check {_TLS_FILES}",
    ),
)


def connection_failure(dsn: str, exc: psycopg.Error) -> ServiceUnavailable:
    """What a failed connection means, as the error that names the setting to fix."""
    message = " ".join(str(exc).split())
    for refusal in _REFUSALS:
        if refusal.pattern.search(message):
            try:
                user = conninfo_to_dict(dsn).get("user", "")
            except psycopg.ProgrammingError:
                user = ""
            detail = message.rpartition("failed: ")[2].strip().rstrip(".")
            problem = refusal.problem.format(user=user, detail=detail)
            return refusal.error("PostgreSQL", endpoint(dsn), refusal.setting, problem, refusal.fix)
    return ServiceUnavailable("PostgreSQL", endpoint(dsn), DATABASE_SETTING)


class PostgresStore(SqlArticleStore):
    ph: ClassVar[str] = "%s"
    body_expr: ClassVar[str] = "v.payload::jsonb->>'body_text'"
    migrations: ClassVar[tuple[Migration, ...]] = MIGRATIONS
    search_columns: ClassVar[tuple[str, ...]] = ("tsv",)

    def __init__(self, dsn: str, schema: str | None = None, connect_timeout: int = 5) -> None:
        super().__init__()
        self._dsn = dsn
        self.schema = schema
        self._connect_timeout = connect_timeout
        self._tsvectors = TsvectorBuilder()
        self._conn = self._connect()

    def _connect(self) -> psycopg.Connection[Any]:
        dsn = self._dsn
        if self.schema:
            dsn = make_conninfo(dsn, options=f"-c search_path={self.schema}")
        try:
            conn = psycopg.connect(dsn, autocommit=True, connect_timeout=self._connect_timeout)
        except psycopg.OperationalError as exc:
            raise connection_failure(self._dsn, exc) from exc
        # Plan every statement with its values: the tsqueries of a search are then
        # constants, evaluated once rather than per row.
        conn.prepare_threshold = None
        return conn

    @contextmanager
    def _transaction(self) -> Iterator[Cursor]:
        with self._conn.transaction(), self._conn.cursor() as cur:
            yield cur

    @contextmanager
    def _reader(self) -> Iterator[Cursor]:
        with self._conn.cursor() as cur:
            yield cur

    def _write_rows(
        self,
        cur: Cursor,
        table: str,
        columns: Sequence[str],
        rows: Iterable[tuple[Any, ...]],
        on_conflict: str = "",
    ) -> None:
        """COPY, which costs far less per row than INSERT and lets the server store
        rows while the next ones are built; rows that may conflict go through a
        temporary staging table first."""
        pending = iter(rows)
        first = next(pending, None)
        if first is None:
            return
        pg_cursor = cast("psycopg.Cursor[Any]", cur)
        names = ", ".join(columns)
        target = table
        if on_conflict:
            target = f"staged_{table}"
            cur.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {target} (LIKE {table}) ON COMMIT DELETE ROWS"
            )
        with pg_cursor.copy(f"COPY {target} ({names}) FROM STDIN") as copy:
            for row in chain((first,), pending):
                copy.write_row(row)
        if on_conflict:
            cur.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {target} {on_conflict}")

    def _lock_uris(self, cur: Cursor, uris: list[str]) -> None:
        """Transaction-scoped advisory locks on the uris' lock slots, taken in one
        order by every writer (so two never wait on each other in a cycle)."""
        slots = sorted({_lock_slot(uri) for uri in uris})
        if slots:
            cur.execute(
                "SELECT count(pg_advisory_xact_lock(%s, slot)) FROM unnest(%s::integer[]) AS slot",
                (_URI_LOCKS, slots),
            )

    def _matching(self, column: str, values: list[str]) -> Iterator[tuple[str, tuple[Any, ...]]]:
        if values:
            yield f"{column} = ANY(%s)", (values,)

    def _prepare_search(self, cur: Cursor, articles: Sequence[EnrichedArticle]) -> None:
        texts: dict[str, list[str]] = {}
        for a in articles:
            texts.setdefault(text_search_config(a.language), []).extend((a.headline, a.body_text))

        def analyse(config: str, words: list[str]) -> dict[str, tuple[Slot, ...]]:
            cur.execute(
                ANALYSIS_SQL,
                {
                    "config": f"pg_catalog.{config}",
                    "text": analysis_text(words),
                    "max_bytes": MAX_TOKEN_BYTES,
                },
            )
            return slots_of(cur.fetchall(), words)

        for config, config_texts in texts.items():
            self._tsvectors.prepare(config, config_texts, analyse)

    def _index_articles(self, cur: Cursor, uris: list[str]) -> None:
        """The `tsv` column of each row is its index entry: nothing apart."""

    def _search_values(self, article: EnrichedArticle) -> tuple[str]:
        config = text_search_config(article.language)
        return (self._tsvectors.build(config, article.headline, article.body_text),)

    def _is_transient(self, exc: BaseException) -> bool:
        return isinstance(
            exc,
            psycopg.OperationalError
            | pg_errors.SerializationFailure
            | pg_errors.DeadlockDetected
            | pg_errors.LockNotAvailable
            # A concurrent writer stored an article this batch took for new:
            # the retry sees its row.
            | pg_errors.UniqueViolation,
        )

    def _recover(self) -> None:
        """A connection the server terminated can fail a call before psycopg marks
        it broken: after any failure it is replaced."""
        if self._failed or self._conn.closed or self._conn.broken:
            if not self._conn.closed:
                self._conn.close()
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
        self,
        groups: list[tuple[str, ...]],
        query: SearchQuery,
        where: list[str],
        params: list[Any],
    ) -> tuple[str, list[Any]]:
        # Lexemes depend on the text-search configuration: without a language
        # filter the query is the union of its forms under every configuration,
        # one constant tsquery that the GIN index answers. Ranking reads every
        # candidate's tsvector, so only the most recent RANK_WINDOW matches are
        # ranked: a bound on the cost of very common words.
        expression = " & ".join("(" + " | ".join(group) + ")" for group in groups)
        configs = [text_search_config(query.lang)] if query.lang else self._configs_for(groups)
        tsquery = " || ".join(f"to_tsquery('{c}', %s)" for c in configs)
        conditions = " AND ".join([f"a.tsv @@ ({tsquery})", *where])
        # The matches are only located (row id and time) before the window is
        # cut; MATERIALIZED keeps the planner on the GIN index, which given the
        # LIMIT would otherwise walk the sort_time index and test every row.
        sql = (
            "WITH matches AS MATERIALIZED ("
            f"SELECT a.ctid AS row_id, a.sort_time FROM articles a WHERE {conditions}), "
            "recent AS ("
            f"SELECT row_id FROM matches ORDER BY sort_time DESC LIMIT {RANK_WINDOW}) "
            f"SELECT {SEARCH_COLUMNS}, ts_rank(a.tsv, {tsquery}, {RANK_NORMALIZATION}) AS score "
            "FROM articles a WHERE a.ctid = ANY(ARRAY(SELECT row_id FROM recent)) "
            "ORDER BY score DESC, a.sort_time DESC, a.uri LIMIT %s OFFSET %s"
        )
        terms = [expression] * len(configs)
        return sql, [*terms, *params, *terms, query.limit, query.offset]

    @staticmethod
    def _configs_for(groups: list[tuple[str, ...]]) -> list[str]:
        """The configurations whose lexemes a query can meet: the Arabic stemmer
        for Arabic words, the English and French ones for Latin words; other
        words index as written, which `simple` covers."""
        words = [alt for group in groups for alt in group]
        configs = []
        if any(is_arabic(w) for w in words):
            configs.append("arabic")
        if any(not is_arabic(w) for w in words):
            configs += ["english", "french"]
        return [*configs, "simple"]

    @contextmanager
    def _search_reader(self) -> Iterator[Cursor]:
        # Text search always wants the GIN index; lexeme statistics misjudge
        # unions of tsqueries and would make the planner scan and test every row.
        with self._conn.transaction(), self._conn.cursor() as cur:
            cur.execute("SET LOCAL enable_seqscan = off")
            yield cur

    def close(self) -> None:
        with self._lock:
            self._conn.close()
