"""`get`, `search` and `db migrate` on a SQLite file, with Redis unreachable."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
import typer
from typer.testing import CliRunner

from workers.cli.storage import register
from workers.models import DuplicateNotice, EnrichedArticle, Source
from workers.settings import Settings
from workers.storage.factory import open_store
from workers.storage.migrations.sqlite import MIGRATIONS as SQLITE_MIGRATIONS


def make(uri: str, body: str, language: str = "ar") -> EnrichedArticle:
    return EnrichedArticle(
        uri=uri,
        headline="اشتباكات في الرقة",
        body_text=body,
        language=language,
        fetched_at=datetime(2026, 3, 1, tzinfo=UTC),
        source=Source(feed_id="wire", format="agency-text", parser="p"),
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
    )


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        sqlite_path=tmp_path / "n.db",
        redis_url="redis://127.0.0.1:1/0",  # type: ignore[arg-type]
        database_url=None,
    )


@pytest.fixture
def app(settings: Settings) -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def root(ctx: typer.Context) -> None:
        ctx.obj = settings

    register(app)
    return app


def test_db_migrate(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["db", "migrate"])
    assert result.exit_code == 0, result.output
    latest = SQLITE_MIGRATIONS[-1].version
    assert f"schema at version {latest}" in result.output


def test_get_and_search(app: typer.Typer, settings: Settings) -> None:
    store = open_store(settings)
    story = make("urn:a", "قالت مصادر إن اشتباكات اندلعت في الرقة اليوم")
    copy = make("urn:b", "copy")
    store.write_batch(
        [story],
        [DuplicateNotice(article=copy, duplicate_of="urn:a", similarity=1.0, method="exact")],
    )
    store.close()
    runner = CliRunner()

    got = runner.invoke(app, ["get", "urn:b"])
    assert got.exit_code == 0, got.output
    assert orjson.loads(got.stdout)["uri"] == "urn:a"

    missing = runner.invoke(app, ["get", "urn:none"])
    assert missing.exit_code == 1

    found = runner.invoke(app, ["search", "بالرقة", "--json"])
    assert found.exit_code == 0, found.output
    [hit] = [orjson.loads(line) for line in found.stdout.splitlines()]
    assert hit["uri"] == "urn:a" and "«الرقة»" in hit["snippet"]

    table = runner.invoke(app, ["search", "الرقه", "--lang", "ar", "--since", "2026-01-01"])
    assert table.exit_code == 0 and "urn:a" in table.stdout

    bad = runner.invoke(app, ["search", "x", "--since", "yesterday"])
    assert bad.exit_code != 0
