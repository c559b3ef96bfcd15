"""The article store over any SQL database: batches applied by their plan
(`workers.storage.plan`), reads, the dedup window, and search orchestration. A
backend supplies its connection, its transaction handling, its locking and the
few statements its dialect forces."""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from functools import partial
from typing import Any, ClassVar, Protocol, TypeVar

from workers.dedup.rebuild import StoredIdentity
from workers.errors import NewswireError, ServiceUnavailable, TransientError
from workers.models import DuplicateNotice, EnrichedArticle
from workers.storage.base import (
    Duplicate,
    SearchHit,
    StoreCounts,
    StoredVersion,
    Story,
    StoryArticle,
    WriteResult,
)
from workers.storage.migrations import Migration
from workers.storage.plan import (
    ContentId,
    Held,
    HeldRole,
    HeldVersion,
    Incoming,
    MakeAlias,
    Plan,
    incoming,
    make_plan,
)
from workers.storage.records import (
    ALIAS_COLUMNS,
    ARTICLE_COLUMNS,
    ENTITY_COLUMNS,
    LINEAGE_COLUMNS,
    SUBJECT_COLUMNS,
    VERSION_COLUMNS,
    Encoded,
    Role,
    alias_row,
    article_row,
    entity_rows,
    lineage_rows,
    subject_rows,
    version_row,
)
from workers.storage.search import SearchQuery, snippet

log = logging.getLogger(__name__)

T = TypeVar("T")
ChildRows = Callable[[EnrichedArticle], list[tuple[Any, ...]]]

DEPENDENCY = "database"
MAX_ALIAS_HOPS = 5
CURRENT_VERSION = "JOIN article_versions v ON v.uri = a.uri AND v.content_hash = a.content_hash"
"""The payload of an article lives once, in its version row."""
KEEP_FIRST = "ON CONFLICT DO NOTHING"
CHILD_TABLES = ("article_entities", "article_subjects", "article_lineage")
ALIAS_REPLACES = "ON CONFLICT (alias_uri) DO UPDATE SET " + ", ".join(
    f"{c} = excluded.{c}" for c in ALIAS_COLUMNS if c not in ("alias_uri", "created_at")
)
"""An alias row keeps when it was first made; the rest follows the latest decision."""
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


class SqlArticleStore(ABC):
    """Shared implementation of `ArticleStore`; one instance is safe to use from
    several threads (calls are serialised on one connection).

    Nothing here retries: a failure of the database is a `TransientError` (the
    stage's retry policy pauses and tries the batch again) after which the next
    call reconnects if it must. Reads reconnect once."""

    ph: ClassVar[str]
    """The dialect's parameter placeholder."""
    body_expr: ClassVar[str]
    migrations: ClassVar[tuple[Migration, ...]]
    search_columns: ClassVar[tuple[str, ...]]
    """Article columns the full-text index is built from, after `ARTICLE_COLUMNS`."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._failed = False
        """The last call to the database failed transiently: `_recover` may not trust
        the connection even when the driver has not seen it closed yet."""

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
        """Called before every call to the database (a backend may reconnect, always
        after a failure: `_failed`); raises `ServiceUnavailable` when it cannot."""

    @abstractmethod
    def _lock_uris(self, cur: Cursor, uris: list[str]) -> None:
        """Serialise writers of the same uris until the transaction ends."""

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
    def _index_articles(self, cur: Cursor, uris: list[str]) -> None:
        """Called once the article rows of `uris` are inserted: a full-text index
        kept apart from the rows is fed them here."""

    def _search_reader(self) -> AbstractContextManager[Cursor]:
        """A cursor for the ranked text search (a backend may tune its planner)."""
        return self._reader()

    @abstractmethod
    def close(self) -> None: ...

    # --- failures -----------------------------------------------------------------

    def _database(self, action: Callable[[], T], *, reconnect_once: bool = False) -> T:
        """Run `action`; a transient failure of the database becomes `TransientError`
        (after one reconnection and second try when `reconnect_once`)."""
        tries = 2 if reconnect_once else 1
        for attempt in range(1, tries + 1):
            try:
                self._recover()
                result = action()
            except ServiceUnavailable as exc:
                failure: Exception = exc
            except Exception as exc:
                if not self._is_transient(exc):
                    raise
                failure = exc
            else:
                self._failed = False
                return result
            self._failed = True
            if attempt == tries:
                raise TransientError(f"database unavailable: {failure}", DEPENDENCY) from failure
            log.warning("database error, reconnecting: %s", failure)
        raise AssertionError("unreachable")

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

        with self._lock:
            self._database(run, reconnect_once=True)

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
        """Store a batch in one transaction (docs/ARCHITECTURE.md, Storage): every
        content as a version, each uri in the role of its latest decision."""
        if not articles and not aliases:
            return WriteResult()
        batch = incoming(articles, aliases)
        stored_at = datetime.now(UTC)
        with self._lock:
            return self._database(lambda: self._write(batch, stored_at, Encoded()))

    def _write(self, batch: Incoming, when: datetime, encoded: Encoded) -> WriteResult:
        ts = self._to_db_time
        stored_at = ts(when)
        with self._transaction() as cur:
            self._lock_uris(cur, sorted(batch.uris))
            held = self._held(cur, batch)
            hashes = {cid: encoded.enrichment_hash(a) for cid, a in batch.contents.items()}
            plan = make_plan(batch, held, hashes)
            self._write_versions(cur, plan, stored_at, encoded)
            self._write_aliases(cur, plan.aliases, stored_at)
            if plan.rekeyed:
                cur.executemany(
                    f"UPDATE aliases SET dedup_key = {self.ph} WHERE alias_uri = {self.ph}",
                    [(key, uri) for uri, key in plan.rekeyed],
                )
            changed = self._write_canonicals(cur, batch, plan, stored_at, encoded)
        numbered = [(a, c.number) for a, c in zip(changed, plan.canonicals, strict=True)]
        inserted = sum(1 for c in plan.canonicals if not c.replaces_row)
        return WriteResult(
            inserted=inserted,
            updated=len(plan.canonicals) - inserted,
            unchanged=len(batch.contents) - len(plan.new_versions) - len(plan.refreshed),
            aliases=len(plan.aliases),
            changed=tuple(_as_stored(a, number) for a, number in numbered),
            changed_json=tuple(encoded.stored(a, number) for a, number in numbered),
            new_aliases=tuple((a.uri, a.canonical) for a in plan.aliases),
            demoted=tuple(a.uri for a in plan.aliases if a.had_article_row),
            numbers=dict(plan.numbers),
        )

    def _held(self, cur: Cursor, batch: Incoming) -> Held:
        versions: dict[str, list[HeldVersion]] = {}
        for condition, params in self._matching("uri", sorted(batch.content_uris)):
            cur.execute(
                "SELECT uri, content_hash, precedence, version, enrichment_hash "
                f"FROM article_versions WHERE {condition}",
                params,
            )
            for uri, content_hash, order, number, enrichment in cur.fetchall():
                versions.setdefault(uri, []).append(
                    HeldVersion(content_hash, order, int(number), enrichment)
                )
        roles: dict[str, HeldRole] = {}
        uris = sorted(batch.uris)
        for condition, params in self._matching("uri", uris):
            cur.execute(
                "SELECT uri, role_seq, content_hash, version, enrichment_hash, dedup_key "
                f"FROM articles WHERE {condition}",
                params,
            )
            for uri, seq, content_hash, number, enrichment, key in cur.fetchall():
                roles[uri] = HeldRole(int(seq), None, content_hash, int(number), enrichment, key)
        for condition, params in self._matching("alias_uri", uris):
            cur.execute(
                "SELECT alias_uri, canonical_uri, role_seq, dedup_key "
                f"FROM aliases WHERE {condition}",
                params,
            )
            for uri, canonical, seq, key in cur.fetchall():
                found = roles.get(uri)
                if found is None or int(seq) > found.seq:
                    roles[uri] = HeldRole(int(seq), canonical, key=key)
        return Held(versions, roles)

    def _write_versions(self, cur: Cursor, plan: Plan, stored_at: Any, encoded: Encoded) -> None:
        ts = self._to_db_time
        ph = self.ph
        self._write_rows(
            cur,
            "article_versions",
            VERSION_COLUMNS,
            (
                version_row(v.article, v.number, v.order, stored_at, ts, encoded)
                for v in plan.new_versions
            ),
            KEEP_FIRST,
        )
        if plan.renumbered:
            cur.executemany(
                f"UPDATE article_versions SET version = {ph} "
                f"WHERE uri = {ph} AND content_hash = {ph}",
                [(number, uri, content_hash) for uri, content_hash, number in plan.renumbered],
            )
        if plan.refreshed:
            cur.executemany(
                f"UPDATE article_versions SET payload = {ph}, enrichment_hash = {ph} "
                f"WHERE uri = {ph} AND content_hash = {ph}",
                [
                    (encoded.payload(a), encoded.enrichment_hash(a), a.uri, a.content_hash)
                    for a in plan.refreshed
                ],
            )

    def _write_aliases(self, cur: Cursor, aliases: list[MakeAlias], stored_at: Any) -> None:
        """New aliases, and articles that became aliases; each takes its own aliases."""
        if not aliases:
            return
        self._delete_articles(cur, [a.uri for a in aliases if a.had_article_row])
        self._write_rows(
            cur,
            "aliases",
            ALIAS_COLUMNS,
            [alias_row(a, stored_at) for a in aliases],
            ALIAS_REPLACES,
        )
        ph = self.ph
        cur.executemany(
            f"UPDATE aliases SET canonical_uri = {ph}, role_seq = {ph} "
            f"WHERE canonical_uri = {ph} AND role_seq < {ph}",
            [(a.canonical, a.seq, a.uri, a.seq) for a in aliases],
        )

    def _write_canonicals(
        self, cur: Cursor, batch: Incoming, plan: Plan, stored_at: Any, encoded: Encoded
    ) -> list[EnrichedArticle]:
        """The article rows of the uris that are canonical with a changed current
        version or role; the articles now current, in the order of `plan.canonicals`."""
        if not plan.canonicals:
            return []
        missing = [
            (c.uri, c.content_hash)
            for c in plan.canonicals
            if (c.uri, c.content_hash) not in batch.contents
        ]
        contents = {**self._load_contents(cur, missing), **batch.contents}
        self._delete_articles(cur, [c.uri for c in plan.canonicals if c.replaces_row])
        self._delete_where(
            cur, "aliases", "alias_uri", [c.uri for c in plan.canonicals if c.was_alias]
        )
        current = [(c, contents[(c.uri, c.content_hash)]) for c in plan.canonicals]
        self._prepare_search(cur, [a for _, a in current])
        ts = self._to_db_time
        self._insert_articles(
            cur,
            [c.uri for c, _ in current],
            (
                (
                    *article_row(a, c.number, Role(c.seq, c.key), stored_at, ts, encoded),
                    *self._search_values(a),
                )
                for c, a in current
            ),
        )
        children: tuple[tuple[str, Sequence[str], ChildRows], ...] = (
            ("article_entities", ENTITY_COLUMNS, entity_rows),
            ("article_subjects", SUBJECT_COLUMNS, subject_rows),
            ("article_lineage", LINEAGE_COLUMNS, partial(lineage_rows, ts=ts)),
        )
        for table, columns, rows_of in children:
            self._write_rows(cur, table, columns, (r for _, a in current for r in rows_of(a)))
        return [a for _, a in current]

    def _load_contents(
        self, cur: Cursor, wanted: list[ContentId]
    ) -> dict[ContentId, EnrichedArticle]:
        if not wanted:
            return {}
        wanted_set = set(wanted)
        found: dict[ContentId, EnrichedArticle] = {}
        for condition, params in self._matching("uri", sorted({uri for uri, _ in wanted})):
            cur.execute(
                f"SELECT uri, content_hash, payload FROM article_versions WHERE {condition}",
                params,
            )
            for uri, content_hash, payload in cur.fetchall():
                if (uri, content_hash) in wanted_set:
                    found[(uri, content_hash)] = EnrichedArticle.model_validate_json(payload)
        return found

    def _delete_articles(self, cur: Cursor, uris: list[str]) -> None:
        for table in ("articles", *CHILD_TABLES):
            self._delete_where(cur, table, "uri", uris)

    def _delete_where(self, cur: Cursor, table: str, column: str, values: list[str]) -> None:
        for condition, params in self._matching(column, values):
            cur.execute(f"DELETE FROM {table} WHERE {condition}", params)

    def _matching(self, column: str, values: list[str]) -> Iterator[tuple[str, tuple[Any, ...]]]:
        """Conditions, with their parameters, that together select the rows whose
        `column` is one of `values`."""
        for chunk in _chunks(values):
            yield f"{column} IN ({self._marks(len(chunk))})", tuple(chunk)

    def _marks(self, n: int) -> str:
        return ", ".join([self.ph] * n)

    def _insert_articles(
        self, cur: Cursor, uris: list[str], rows: Iterable[tuple[Any, ...]]
    ) -> None:
        """Insert the article rows of `uris` (values of `article_columns`), then
        index them."""
        self._write_rows(cur, "articles", self.article_columns, rows)
        self._index_articles(cur, uris)

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

    # --- splitting an alias off -----------------------------------------------------

    def split(self, uri: str, seq: int) -> EnrichedArticle:
        """Make alias `uri` a canonical article of its own, from its own latest text,
        in the dedup decision `seq`; it is never made an alias again."""
        with self._lock:
            return self._database(lambda: self._split(uri, seq))

    def _split(self, uri: str, seq: int) -> EnrichedArticle:
        ph = self.ph
        ts = self._to_db_time
        with self._transaction() as cur:
            self._lock_uris(cur, [uri])
            cur.execute(
                f"SELECT canonical_uri, dedup_key FROM aliases WHERE alias_uri = {ph}", (uri,)
            )
            alias = cur.fetchone()
            if alias is None:
                cur.execute(f"SELECT 1 FROM articles WHERE uri = {ph}", (uri,))
                what = "already a canonical article" if cur.fetchone() else "not stored"
                raise SplitError(f"{uri} is {what}: only an alias can be split off")
            cur.execute(
                "SELECT content_hash, version, payload FROM article_versions "
                f"WHERE uri = {ph} ORDER BY precedence DESC LIMIT 1",
                (uri,),
            )
            own = cur.fetchone()
            if own is None:
                raise SplitError(
                    f"{uri} has no text of its own in storage yet (its message is still "
                    "on its way): try again once the pipeline has drained"
                )
            article = EnrichedArticle.model_validate_json(own[2])
            encoded = Encoded()
            self._delete_where(cur, "aliases", "alias_uri", [uri])
            self._prepare_search(cur, [article])
            row = article_row(
                article,
                int(own[1]),
                Role(seq, alias[1], split=True),
                ts(datetime.now(UTC)),
                ts,
                encoded,
            )
            self._insert_articles(cur, [uri], [(*row, *self._search_values(article))])
            self._write_rows(cur, "article_entities", ENTITY_COLUMNS, entity_rows(article))
            self._write_rows(cur, "article_subjects", SUBJECT_COLUMNS, subject_rows(article))
            self._write_rows(cur, "article_lineage", LINEAGE_COLUMNS, lineage_rows(article, ts))
        return _as_stored(article, int(own[1]))

    # --- the dedup window -------------------------------------------------------------

    def dedup_window(self, since: datetime) -> Iterator[StoredIdentity]:
        """What the dedup state needs of every uri stored since `since`."""
        for page in self._window_pages(since):
            yield from page

    def _window_pages(self, since: datetime, size: int = CHUNK) -> Iterator[list[StoredIdentity]]:
        ph = self.ph
        when = self._to_db_time(since)
        queries = (
            (
                "SELECT a.uri, NULL, a.role_seq, a.story_id, a.dedup_key, a.split, a.stored_at, "
                "v.normalized_hash, v.signature, NULL, NULL "
                f"FROM articles a {CURRENT_VERSION} "
                f"WHERE a.stored_at >= {ph} AND a.uri > {ph} ORDER BY a.uri LIMIT {ph}"
            ),
            (
                "SELECT l.alias_uri, l.canonical_uri, l.role_seq, "
                "coalesce(c.story_id, l.canonical_uri), l.dedup_key, 0, l.stored_at, "
                "v.normalized_hash, v.signature, l.similarity, l.method "
                "FROM aliases l LEFT JOIN articles c ON c.uri = l.canonical_uri "
                "LEFT JOIN article_versions v ON v.uri = l.alias_uri AND v.precedence = ("
                "SELECT max(precedence) FROM article_versions o WHERE o.uri = l.alias_uri) "
                f"WHERE l.stored_at >= {ph} AND l.alias_uri > {ph} ORDER BY l.alias_uri LIMIT {ph}"
            ),
        )
        for sql in queries:
            after = ""
            while True:

                def read(after: str = after, sql: str = sql) -> list[StoredIdentity]:
                    with self._lock, self._reader() as cur:
                        cur.execute(sql, (when, after, size))
                        rows = cur.fetchall()
                        hashes = self._content_hashes(cur, [row[0] for row in rows])
                    return [self._identity(row, hashes.get(row[0], ())) for row in rows]

                page = self._database(read, reconnect_once=True)
                if page:
                    yield page
                if len(page) < size:
                    break
                after = page[-1].uri

    def _content_hashes(self, cur: Cursor, uris: list[str]) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for condition, params in self._matching("uri", uris):
            cur.execute(f"SELECT uri, content_hash FROM article_versions WHERE {condition}", params)
            for uri, content_hash in cur.fetchall():
                found.setdefault(uri, []).append(content_hash)
        return {uri: tuple(hashes) for uri, hashes in found.items()}

    def _identity(self, row: Sequence[Any], hashes: tuple[str, ...]) -> StoredIdentity:
        uri, canonical, seq, story, key, split, stored_at, nhash, signature, sim, method = row
        return StoredIdentity(
            uri=uri,
            canonical=canonical,
            role_seq=int(seq),
            story_id=story or uri,
            key=key or "",
            stored_at=self._from_db_time(stored_at),
            content_hashes=hashes,
            normalized_hash=nhash,
            signature=bytes(signature) if signature is not None else None,
            similarity=None if sim is None else float(sim),
            method=method,
            split=bool(split),
        )

    # --- reads --------------------------------------------------------------------

    def get(self, uri: str, *, own: bool = False) -> EnrichedArticle | None:
        """The current version of the article `uri` is, or is an alias of; with
        `own`, the latest text stored under `uri` itself (an alias keeps its own)."""
        return self._database(lambda: self._get(uri, own), reconnect_once=True)

    def _get(self, uri: str, own: bool) -> EnrichedArticle | None:
        with self._lock, self._reader() as cur:
            if own:
                cur.execute(
                    "SELECT version, payload FROM article_versions "
                    f"WHERE uri = {self.ph} ORDER BY precedence DESC LIMIT 1",
                    (uri,),
                )
                row = cur.fetchone()
                return None if row is None else _as_stored(_payload(row[1]), int(row[0]))
            for _ in range(MAX_ALIAS_HOPS):
                cur.execute(
                    f"SELECT a.version, v.payload FROM articles a {CURRENT_VERSION} "
                    f"WHERE a.uri = {self.ph}",
                    (uri,),
                )
                row = cur.fetchone()
                if row is not None:
                    return _as_stored(_payload(row[1]), int(row[0]))
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
            rows = self._database(partial(self._page, after, page), reconnect_once=True)
            for _, number, body in rows:
                yield _as_stored(_payload(body), number)
            if len(rows) < page:
                return
            after = rows[-1][0]

    def _page(self, after: str, size: int) -> list[tuple[str, int, str]]:
        with self._lock, self._reader() as cur:
            cur.execute(
                f"SELECT a.uri, a.version, v.payload FROM articles a {CURRENT_VERSION} "
                f"WHERE a.uri > {self.ph} ORDER BY a.uri LIMIT {self.ph}",
                (after, size),
            )
            return [(str(uri), int(number), payload) for uri, number, payload in cur.fetchall()]

    def counts(self) -> StoreCounts:
        def run() -> StoreCounts:
            with self._lock, self._reader() as cur:
                cur.execute(
                    "SELECT (SELECT count(*) FROM articles), "
                    "(SELECT count(*) FROM article_versions), (SELECT count(*) FROM aliases)"
                )
                articles, versions, aliases = cur.fetchone()
                return StoreCounts(int(articles), int(versions), int(aliases))

        return self._database(run, reconnect_once=True)

    def story(self, story_id: str) -> Story:
        """The canonical articles of a story (current versions, oldest first), with
        the versions and the duplicates of each."""
        return self._database(lambda: self._story(story_id), reconnect_once=True)

    def _story(self, story_id: str) -> Story:
        ph = self.ph
        with self._lock, self._reader() as cur:
            cur.execute(
                f"SELECT a.uri, a.version, v.payload FROM articles a {CURRENT_VERSION} "
                f"WHERE a.story_id = {ph} ORDER BY coalesce(a.firstcreated, a.sort_time), a.uri",
                (story_id,),
            )
            articles = [(str(u), _as_stored(_payload(p), int(n))) for u, n, p in cur.fetchall()]
            uris = [uri for uri, _ in articles]
            versions: dict[str, list[StoredVersion]] = {uri: [] for uri in uris}
            duplicates: dict[str, list[Duplicate]] = {uri: [] for uri in uris}
            for condition, params in self._matching("uri", uris):
                cur.execute(
                    "SELECT uri, version, content_hash, versioncreated, stored_at "
                    f"FROM article_versions WHERE {condition} ORDER BY uri, precedence",
                    params,
                )
                for uri, number, content_hash, created, stored in cur.fetchall():
                    versions[uri].append(
                        StoredVersion(
                            int(number),
                            content_hash,
                            None if created is None else self._from_db_time(created),
                            self._from_db_time(stored),
                        )
                    )
            for condition, params in self._matching("canonical_uri", uris):
                cur.execute(
                    "SELECT alias_uri, canonical_uri, similarity, method, created_at "
                    f"FROM aliases WHERE {condition} ORDER BY created_at, alias_uri",
                    params,
                )
                for alias, canonical, similarity, method, created in cur.fetchall():
                    duplicates[canonical].append(
                        Duplicate(alias, float(similarity), method, self._from_db_time(created))
                    )
        return Story(
            story_id,
            tuple(StoryArticle(a, tuple(versions[u]), tuple(duplicates[u])) for u, a in articles),
        )

    def version_history(self, uri: str) -> list[tuple[int, str]]:
        """(version, content_hash) of every stored version of `uri`, oldest first."""
        with self._lock, self._reader() as cur:
            cur.execute(
                f"SELECT version, content_hash FROM article_versions WHERE uri = {self.ph} "
                "ORDER BY precedence",
                (uri,),
            )
            return [(int(v), str(h)) for v, h in cur.fetchall()]

    def search(self, query: SearchQuery) -> list[SearchHit]:
        return self._database(lambda: self._search(query), reconnect_once=True)

    def _search(self, query: SearchQuery) -> list[SearchHit]:
        groups = query.groups()
        where, params = self._filters(query)
        if groups:
            sql, params = self._text_search(groups, query, where, params)
        else:
            sql = (
                f"SELECT {SEARCH_COLUMNS}, 0.0 FROM articles a "
                f"WHERE {' AND '.join(where) or '1 = 1'} "
                f"ORDER BY a.sort_time DESC, a.uri LIMIT {self.ph} OFFSET {self.ph}"
            )
            params = [*params, query.limit, query.offset]
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


class SplitError(NewswireError):
    error_type = "split"


def _payload(text: str) -> EnrichedArticle:
    return EnrichedArticle.model_validate_json(text)


def _as_stored(article: EnrichedArticle, number: int) -> EnrichedArticle:
    """`article` as storage numbers it (a payload keeps the source's own number)."""
    return article if article.version == number else article.model_copy(update={"version": number})
