"""The article store over any SQL database: batching, version rules, aliases,
retries and search orchestration. A backend supplies its connection, its
transaction handling and the few statements its dialect forces."""

from __future__ import annotations

import logging
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from typing import Any, ClassVar, Protocol, TypeVar

from workers.errors import TransientError
from workers.models import DuplicateNotice, EnrichedArticle
from workers.storage.base import SearchHit, StoreCounts, WriteResult
from workers.storage.migrations import Migration
from workers.storage.records import (
    ALIAS_COLUMNS,
    ARTICLE_COLUMNS,
    ENTITY_COLUMNS,
    LINEAGE_COLUMNS,
    SUBJECT_COLUMNS,
    VERSION_COLUMNS,
    Alias,
    Current,
    Encoded,
    alias_row,
    aliases_of,
    article_row,
    distinct_versions,
    entity_rows,
    latest_per_uri,
    lineage_rows,
    re_enriches,
    replaces,
    subject_rows,
    version_row,
)
from workers.storage.search import SearchQuery, snippet

log = logging.getLogger(__name__)

T = TypeVar("T")
ChildRows = Callable[[EnrichedArticle], list[tuple[Any, ...]]]

MAX_ALIAS_HOPS = 5
CURRENT_VERSION = (
    "JOIN article_versions v "
    "ON v.uri = a.uri AND v.version = a.version AND v.content_hash = a.content_hash"
)
"""The payload of an article lives once, in its version-history row."""
KEEP_FIRST = "ON CONFLICT DO NOTHING"


def newer_wins(columns: Sequence[str]) -> str:
    """Upsert of article rows: the stored row is replaced only by a newer one."""
    return (
        "ON CONFLICT (uri) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in columns if c != "uri")
        # Repeats `replaces`, so that a concurrent writer never replaces a newer
        # row with an older one.
        + " WHERE excluded.version > articles.version OR ("
        "excluded.version = articles.version "
        "AND excluded.content_hash <> articles.content_hash "
        "AND excluded.precedence > articles.precedence) OR ("
        "excluded.version = articles.version "
        "AND excluded.content_hash = articles.content_hash "
        "AND excluded.enrichment_hash <> articles.enrichment_hash)"
    )


ALIAS_REPLACES = "ON CONFLICT (alias_uri) DO UPDATE SET " + ", ".join(
    f"{c} = excluded.{c}" for c in ALIAS_COLUMNS if c != "alias_uri"
)
SEARCH_COLUMNS = "a.uri, a.headline, a.language, a.source_feed_id, a.sort_time"
CHUNK = 500


class Cursor(Protocol):
    def execute(self, sql: Any, params: Any = ..., /) -> Any: ...

    def executemany(self, sql: Any, params: Any, /) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True)
class Batch:
    """What a batch may write, worked out before its transaction opens."""

    latest: dict[str, EnrichedArticle]
    versions: list[EnrichedArticle]
    aliases: dict[str, Alias]
    stored_at: datetime
    encoded: Encoded


class SqlArticleStore(ABC):
    """Shared implementation of `ArticleStore`; one instance is safe to use from
    several threads (calls are serialised on one connection)."""

    ph: ClassVar[str]
    """The dialect's parameter placeholder."""
    body_expr: ClassVar[str]
    migrations: ClassVar[tuple[Migration, ...]]
    lock_rows: ClassVar[str] = ""
    """Appended to the select of current rows inside a write (row locks)."""
    search_columns: ClassVar[tuple[str, ...]]
    """Article columns the full-text index is built from, after `ARTICLE_COLUMNS`."""

    def __init__(self, attempts: int = 5, first_backoff: float = 0.05) -> None:
        self._attempts = attempts
        self._first_backoff = first_backoff
        self._lock = threading.RLock()

    # --- what a backend provides -------------------------------------------------

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Cursor]:
        """A cursor inside one transaction, committed on exit, rolled back on error."""

    @abstractmethod
    def _reader(self) -> AbstractContextManager[Cursor]:
        """A cursor for reads."""

    @abstractmethod
    def _is_transient(self, exc: BaseException) -> bool: ...

    @abstractmethod
    def _recover(self) -> None:
        """Called before a retry (a backend may reconnect)."""

    @abstractmethod
    def _to_db_time(self, value: datetime | None) -> Any: ...

    @abstractmethod
    def _from_db_time(self, value: Any) -> datetime: ...

    @abstractmethod
    def _prepare_schema(self, cur: Cursor) -> None:
        """Serialise concurrent migrators and make sure the schema can be created."""

    @abstractmethod
    def _run_script(self, cur: Cursor, sql: str) -> None: ...

    @abstractmethod
    def _text_search(
        self,
        groups: list[tuple[str, ...]],
        query: SearchQuery,
        where: list[str],
        params: list[Any],
    ) -> tuple[str, list[Any]]:
        """The ranked full-text query: it selects `SEARCH_COLUMNS` then the score,
        from `articles a` matched against `groups` and the filter conditions
        `where` (with `params`), best first, `query.limit` rows."""

    @abstractmethod
    def _prepare_search(self, cur: Cursor, articles: Sequence[EnrichedArticle]) -> None:
        """Called with the articles about to be written, before `_search_values`."""

    @abstractmethod
    def _search_values(self, article: EnrichedArticle) -> tuple[Any, ...]:
        """The values of `search_columns` for an article."""

    @abstractmethod
    def _store_articles(
        self, cur: Cursor, rows: Iterable[tuple[Any, ...]], replaced: list[str]
    ) -> None:
        """Write the rows of the articles a batch makes current; those of `replaced`
        uris already have a row, locked by `_current`."""

    def _search_reader(self) -> AbstractContextManager[Cursor]:
        """A cursor for the ranked text search (a backend may tune its planner)."""
        return self._reader()

    @abstractmethod
    def close(self) -> None: ...

    # --- migrations ---------------------------------------------------------------

    def migrate(self) -> None:
        def run() -> None:
            with self._transaction() as cur:
                self._prepare_schema(cur)
                cur.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations ("
                    "version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)"
                )
                cur.execute("SELECT version FROM schema_migrations")
                applied = {row[0] for row in cur.fetchall()}
                for migration in self.migrations:
                    if migration.version in applied:
                        continue
                    self._run_script(cur, migration.sql)
                    cur.execute(
                        f"INSERT INTO schema_migrations (version, name, applied_at) "
                        f"VALUES ({self.ph}, {self.ph}, {self.ph})",
                        (migration.version, migration.name, datetime.now(UTC).isoformat()),
                    )
                    log.info("applied migration %d: %s", migration.version, migration.name)

        self._retrying(run)

    def applied_migrations(self) -> list[int]:
        with self._lock, self._reader() as cur:
            cur.execute("SELECT version FROM schema_migrations ORDER BY version")
            return [row[0] for row in cur.fetchall()]

    # --- writes -------------------------------------------------------------------

    @property
    def article_columns(self) -> tuple[str, ...]:
        return (*ARTICLE_COLUMNS, *self.search_columns)

    def write_batch(
        self, articles: Sequence[EnrichedArticle], aliases: Sequence[DuplicateNotice]
    ) -> WriteResult:
        if not articles and not aliases:
            return WriteResult()
        batch = Batch(
            latest=latest_per_uri(articles),
            versions=distinct_versions(articles),
            aliases=aliases_of(aliases),
            stored_at=datetime.now(UTC),
            encoded=Encoded(),
        )
        result = self._retrying(lambda: self._write(batch))
        return replace(result, unchanged=len(articles) - result.inserted - result.updated)

    def _write(self, batch: Batch) -> WriteResult:
        """Rows are built while they are written: a backend that streams them
        (PostgreSQL's COPY) overlaps building and storing."""
        ts = self._to_db_time
        stored_at = ts(batch.stored_at)
        encoded = batch.encoded
        with self._lock, self._transaction() as cur:
            held = self._current(cur, list(batch.latest))
            changed = [
                a
                for uri, a in batch.latest.items()
                if uri not in held or replaces(a, held[uri], encoded.enrichment_hash)
            ]
            replaced = [a.uri for a in changed if a.uri in held]
            # A uri without an article row has no version rows either.
            versions = (
                ([v for v in batch.versions if v.uri not in held], ""),
                ([v for v in batch.versions if v.uri in held], KEEP_FIRST),
            )
            for group, on_conflict in versions:
                self._write_rows(
                    cur,
                    "article_versions",
                    VERSION_COLUMNS,
                    (version_row(v, stored_at, ts, encoded) for v in group),
                    on_conflict,
                )
            self._refresh_payloads(
                cur,
                [
                    a
                    for a in changed
                    if a.uri in held and re_enriches(a, held[a.uri], encoded.enrichment_hash)
                ],
                encoded,
            )
            if changed:
                self._prepare_search(cur, changed)
                self._store_articles(
                    cur,
                    (
                        (*article_row(a, stored_at, ts, encoded), *self._search_values(a))
                        for a in changed
                    ),
                    replaced,
                )
                for table in ("article_entities", "article_subjects", "article_lineage"):
                    self._delete_where_uri_in(cur, table, replaced)
                children: tuple[tuple[str, Sequence[str], ChildRows], ...] = (
                    ("article_entities", ENTITY_COLUMNS, entity_rows),
                    ("article_subjects", SUBJECT_COLUMNS, subject_rows),
                    ("article_lineage", LINEAGE_COLUMNS, partial(lineage_rows, ts=ts)),
                )
                for table, columns, rows_of in children:
                    self._write_rows(cur, table, columns, (r for a in changed for r in rows_of(a)))
            held_aliases = self._current_aliases(cur, list(batch.aliases))
            new_aliases = [a for uri, a in batch.aliases.items() if held_aliases.get(uri) != a]
            alias_rows = [alias_row(a, batch.stored_at, ts) for a in new_aliases]
            self._write_rows(cur, "aliases", ALIAS_COLUMNS, alias_rows, ALIAS_REPLACES)
        return WriteResult(
            inserted=len(changed) - len(replaced),
            updated=len(replaced),
            aliases=len(new_aliases),
            changed=tuple(changed),
            new_aliases=tuple((a.alias_uri, a.canonical_uri) for a in new_aliases),
        )

    def _current(self, cur: Cursor, uris: list[str]) -> dict[str, Current]:
        held: dict[str, Current] = {}
        for condition, params in self._matching("uri", uris):
            cur.execute(
                "SELECT uri, version, content_hash, precedence, enrichment_hash FROM articles "
                f"WHERE {condition}{self.lock_rows}",
                params,
            )
            for uri, version, content_hash, prec, enrichment in cur.fetchall():
                held[uri] = Current(version, content_hash, prec, enrichment)
        return held

    def _current_aliases(self, cur: Cursor, uris: list[str]) -> dict[str, Alias]:
        held: dict[str, Alias] = {}
        for condition, params in self._matching("alias_uri", uris):
            cur.execute(
                "SELECT alias_uri, canonical_uri, similarity, method FROM aliases "
                f"WHERE {condition}",
                params,
            )
            for alias_uri, canonical, similarity, method in cur.fetchall():
                held[alias_uri] = Alias(alias_uri, canonical, similarity, method)
        return held

    def _delete_where_uri_in(self, cur: Cursor, table: str, uris: list[str]) -> None:
        for condition, params in self._matching("uri", uris):
            cur.execute(f"DELETE FROM {table} WHERE {condition}", params)

    def _matching(self, column: str, values: list[str]) -> Iterator[tuple[str, tuple[Any, ...]]]:
        """Conditions, with their parameters, that together select the rows whose
        `column` is one of `values`."""
        for chunk in _chunks(values):
            yield f"{column} IN ({self._marks(len(chunk))})", tuple(chunk)

    def _marks(self, n: int) -> str:
        return ", ".join([self.ph] * n)

    def _refresh_payloads(
        self, cur: Cursor, articles: list[EnrichedArticle], encoded: Encoded
    ) -> None:
        """The version row of a re-enriched article takes its new payload."""
        if articles:
            cur.executemany(
                f"UPDATE article_versions SET payload = {self.ph} "
                f"WHERE uri = {self.ph} AND version = {self.ph} AND content_hash = {self.ph}",
                [(encoded.payload(a), a.uri, a.version, a.content_hash) for a in articles],
            )

    def _write_rows(
        self,
        cur: Cursor,
        table: str,
        columns: Sequence[str],
        rows: Iterable[tuple[Any, ...]],
        on_conflict: str = "",
    ) -> None:
        """Insert `rows` into `table`, resolving conflicts with `on_conflict` (none
        expected without it)."""
        values = ", ".join([self.ph] * len(columns))
        cur.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values}) {on_conflict}", rows
        )

    # --- reads --------------------------------------------------------------------

    def get(self, uri: str) -> EnrichedArticle | None:
        return self._retrying(lambda: self._get(uri))

    def _get(self, uri: str) -> EnrichedArticle | None:
        with self._lock, self._reader() as cur:
            for _ in range(MAX_ALIAS_HOPS):
                cur.execute(
                    f"SELECT v.payload FROM articles a {CURRENT_VERSION} WHERE a.uri = {self.ph}",
                    (uri,),
                )
                row = cur.fetchone()
                if row is not None:
                    return EnrichedArticle.model_validate_json(row[0])
                cur.execute(
                    f"SELECT canonical_uri FROM aliases WHERE alias_uri = {self.ph}", (uri,)
                )
                alias = cur.fetchone()
                if alias is None:
                    return None
                uri = alias[0]
        return None

    def iter_articles(self, page: int = 500) -> Iterator[EnrichedArticle]:
        """Every stored article, current version, in uri order (read page by page)."""
        after = ""
        while True:
            rows = self._retrying(partial(self._page, after, page))
            for _, body in rows:
                yield EnrichedArticle.model_validate_json(body)
            if len(rows) < page:
                return
            after = rows[-1][0]

    def _page(self, after: str, size: int) -> list[tuple[str, str]]:
        with self._lock, self._reader() as cur:
            cur.execute(
                f"SELECT a.uri, v.payload FROM articles a {CURRENT_VERSION} "
                f"WHERE a.uri > {self.ph} ORDER BY a.uri LIMIT {self.ph}",
                (after, size),
            )
            return [(str(uri), payload) for uri, payload in cur.fetchall()]

    def counts(self) -> StoreCounts:
        def run() -> StoreCounts:
            with self._lock, self._reader() as cur:
                cur.execute(
                    "SELECT (SELECT count(*) FROM articles), "
                    "(SELECT count(*) FROM article_versions), (SELECT count(*) FROM aliases)"
                )
                articles, versions, aliases = cur.fetchone()
                return StoreCounts(int(articles), int(versions), int(aliases))

        return self._retrying(run)

    def version_history(self, uri: str) -> list[tuple[int, str]]:
        """(version, content_hash) of every stored version of `uri`, oldest first."""
        with self._lock, self._reader() as cur:
            cur.execute(
                f"SELECT version, content_hash FROM article_versions WHERE uri = {self.ph} "
                "ORDER BY version, fetched_at",
                (uri,),
            )
            return [(int(v), str(h)) for v, h in cur.fetchall()]

    def search(self, query: SearchQuery) -> list[SearchHit]:
        return self._retrying(lambda: self._search(query))

    def _search(self, query: SearchQuery) -> list[SearchHit]:
        groups = query.groups()
        where, params = self._filters(query)
        if groups:
            sql, params = self._text_search(groups, query, where, params)
        else:
            sql = (
                f"SELECT {SEARCH_COLUMNS}, 0.0 FROM articles a "
                f"WHERE {' AND '.join(where) or '1 = 1'} "
                f"ORDER BY a.sort_time DESC LIMIT {self.ph}"
            )
            params = [*params, query.limit]
        with self._lock, self._search_reader() as cur:
            cur.execute(sql, tuple(params))
            rows = cur.fetchall()
            bodies = self._bodies(cur, [row[0] for row in rows])
        return [
            SearchHit(
                uri=uri,
                headline=headline,
                language=language,
                source=source_id,
                time=self._from_db_time(when),
                score=float(score),
                snippet=snippet(bodies.get(uri, ""), groups),
            )
            for uri, headline, language, source_id, when, score in rows
        ]

    def _bodies(self, cur: Cursor, uris: list[str]) -> dict[str, str]:
        """Body texts of the hits only: never read for every candidate row."""
        if not uris:
            return {}
        cur.execute(
            f"SELECT a.uri, {self.body_expr} FROM articles a {CURRENT_VERSION} "
            f"WHERE a.uri IN ({self._marks(len(uris))})",
            tuple(uris),
        )
        return {uri: body or "" for uri, body in cur.fetchall()}

    def _filters(self, query: SearchQuery) -> tuple[list[str], list[Any]]:
        ph = self.ph
        where: list[str] = []
        params: list[Any] = []
        if query.lang:
            where.append(f"a.language = {ph}")
            params.append(query.lang)
        if query.since:
            where.append(f"a.sort_time >= {ph}")
            params.append(self._to_db_time(query.since))
        if query.until:
            where.append(f"a.sort_time <= {ph}")
            params.append(self._to_db_time(query.until))
        if query.source:
            where.append(f"a.source_feed_id = {ph}")
            params.append(query.source)
        if query.entity:
            where.append(
                "EXISTS (SELECT 1 FROM article_entities e "
                f"WHERE e.uri = a.uri AND e.entity_id = {ph})"
            )
            params.append(query.entity)
        if query.topic:
            where.append(
                f"EXISTS (SELECT 1 FROM article_subjects s WHERE s.uri = a.uri AND s.code = {ph})"
            )
            params.append(query.topic)
        return where, params

    # --- retries ------------------------------------------------------------------

    def _retrying(self, action: Callable[[], T]) -> T:
        delay = self._first_backoff
        for attempt in range(1, self._attempts + 1):
            try:
                return action()
            except Exception as exc:
                if not self._is_transient(exc):
                    raise
                if attempt == self._attempts:
                    raise TransientError(
                        f"database still failing after {attempt} attempts: {exc}"
                    ) from exc
                log.warning("database error (attempt %d, retrying): %s", attempt, exc)
                time.sleep(delay)
                delay = min(delay * 2, 2.0)
                self._recover()
        raise AssertionError("unreachable")
