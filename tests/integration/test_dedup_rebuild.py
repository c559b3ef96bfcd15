"""The dedup state rebuilt from storage decides as the lost one would have, and
the operator's commands: `newswire dedup rebuild`, `dedup split`, `get --own`."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
import redis.asyncio as aioredis
import typer
from typer.testing import CliRunner

from tests.dedup_support import drop_keys, enricher, make_article, stack_redis_settings
from tests.integration.test_dedup_redis import BODY, HEADLINE, SHORTER
from workers.cli import dedup, storage
from workers.dedup.rebuild import Rebuilder
from workers.dedup.redis_state import dedup_prefix
from workers.enrich.engine import EnrichResult
from workers.enrich.resources import Resources
from workers.settings import Settings
from workers.storage.sqlite import SqliteStore

pytestmark = pytest.mark.integration


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    base = stack_redis_settings()
    tag = uuid.uuid4().hex[:10]
    return base.model_copy(
        update={
            "redis_prefix": f"test:{tag}:",
            "sqlite_path": tmp_path / "newswire.db",
            "consumer_group_prefix": f"g{tag}",
            "topics": base.topics.model_copy(update={"prefix": f"t{tag}."}),
        }
    )


@pytest.fixture
def store(settings: Settings) -> Iterator[SqliteStore]:
    opened = SqliteStore(settings.sqlite_path)
    opened.migrate()
    yield opened
    opened.close()


def stored(store: SqliteStore, results: list[EnrichResult]) -> None:
    store.write_batch(
        [r.article for r in results if r.notice is None],
        [r.notice for r in results if r.notice is not None],
    )


def rebuilder(settings: Settings, store_path: Path) -> Rebuilder:
    return Rebuilder(
        redis.Redis.from_url(settings.redis_url.get_secret_value()),
        dedup_prefix(settings),
        settings.dedup,
        lambda: SqliteStore(store_path),
        lambda keep_alive: keep_alive(),
    )


async def decide(
    resources: Resources, settings: Settings, client: Any, *articles: Any
) -> list[EnrichResult]:
    results = await enricher(settings, client, resources).process_batch(list(articles))
    assert all(isinstance(r, EnrichResult) for r in results), results
    return [r for r in results if isinstance(r, EnrichResult)]


async def test_a_state_rebuilt_from_storage_decides_as_the_lost_one_would(
    settings: Settings, store: SqliteStore, resources: Resources
) -> None:
    client: aioredis.Redis[Any] = aioredis.Redis.from_url(settings.redis_url.get_secret_value())
    try:
        first = await decide(
            resources,
            settings,
            client,
            make_article("orig", HEADLINE, BODY, minutes=10),
            make_article("copy", HEADLINE, BODY, minutes=20),
            make_article("near", "Convoy to leave Raqqa", SHORTER, minutes=30),
        )
        stored(store, first)
        await drop_keys(client, settings.redis_prefix)  # Redis came back empty

        result = rebuilder(settings, settings.sqlite_path).rebuild()
        assert result is not None and (result.uris, result.canonicals) == (3, 1)
        assert rebuilder(settings, settings.sqlite_path).rebuild() is None, "complete: no-op"

        replay, later, earlier = await decide(
            resources,
            settings,
            client,
            make_article("copy", HEADLINE, BODY, minutes=20),
            make_article("later", HEADLINE, BODY, minutes=40),
            make_article("earliest", "Convoy to leave Raqqa", SHORTER, minutes=0),
        )
        assert (replay.outcome, replay.article.duplicate_of) == ("duplicate", "orig")
        assert replay.article.role_seq == first[1].article.role_seq, "the same decision"
        assert (later.outcome, later.article.duplicate_of) == ("duplicate", "orig")
        assert [t.uri for t in earliest_takeovers(earlier)] == ["copy", "later", "near", "orig"]
        assert (later.article.role_seq or 0) > max(r.article.role_seq or 0 for r in first)
    finally:
        await drop_keys(client, settings.redis_prefix)
        await client.aclose()


def earliest_takeovers(result: EnrichResult) -> list[Any]:
    assert result.outcome == "ok" and result.notice is None
    return list(result.article.takes_over)


def cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main(ctx: typer.Context) -> None:
        ctx.obj = ctx.obj or Settings()

    app.add_typer(dedup.app, name="dedup")
    storage.register(app)
    return app


async def test_operators_rebuild_split_and_read_an_alias_own_text(
    settings: Settings, store: SqliteStore, resources: Resources
) -> None:
    client: aioredis.Redis[Any] = aioredis.Redis.from_url(settings.redis_url.get_secret_value())
    runner = CliRunner()
    try:
        stored(
            store,
            await decide(
                resources,
                settings,
                client,
                make_article("orig", HEADLINE, BODY, minutes=10),
                make_article("near", "Convoy to leave Raqqa", SHORTER, minutes=30),
            ),
        )
        rebuilt = runner.invoke(cli(), ["dedup", "rebuild"], obj=settings)
        assert rebuilt.exit_code == 0, rebuilt.output
        assert "2 uris (1 canonical)" in rebuilt.output

        own = runner.invoke(cli(), ["get", "near", "--own"], obj=settings)
        assert own.exit_code == 0 and '"uri": "near"' in own.stdout
        merged = runner.invoke(cli(), ["get", "near"], obj=settings)
        assert '"uri": "orig"' in merged.stdout

        # `dedup split` runs an event loop of its own, as from a shell
        split = await asyncio.to_thread(
            lambda: runner.invoke(cli(), ["dedup", "split", "near"], obj=settings)
        )
        assert split.exit_code == 0, split.output
        after = runner.invoke(cli(), ["get", "near"], obj=settings)
        assert '"uri": "near"' in after.stdout
        again = await decide(
            resources,
            settings,
            client,
            make_article("near", "Convoy to leave Raqqa", SHORTER, minutes=30),
        )
        assert (again[0].outcome, again[0].article.duplicate_of) == ("ok", None)
        refused = await asyncio.to_thread(
            lambda: runner.invoke(cli(), ["dedup", "split", "orig"], obj=settings)
        )
        assert refused.exit_code != 0
    finally:
        await drop_keys(client, settings.redis_prefix)
        await client.aclose()
