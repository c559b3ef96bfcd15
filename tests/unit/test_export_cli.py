"""`newswire export` reads the store and writes ninjs documents."""

from __future__ import annotations

from pathlib import Path

import orjson
import typer
from typer.testing import CliRunner

from tests.unit.test_export_ninjs import VALIDATOR, enriched, stored_articles
from workers.cli.export import export, file_name
from workers.settings import Settings
from workers.storage.factory import open_store


def app_for(settings: Settings) -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def root(ctx: typer.Context) -> None:
        ctx.obj = settings

    app.command()(export)
    return app


def test_chosen_articles_are_written_one_file_each(tmp_path: Path) -> None:
    settings = Settings(
        sqlite_path=tmp_path / "db.sqlite",
        redis_url="redis://127.0.0.1:1/0",
    )
    articles = [enriched(a) for a in stored_articles()[:3]]
    store = open_store(settings, cached=False)
    store.write_batch(articles, [])
    store.close()
    out = tmp_path / "out"
    args = ["export", "--format", "ninjs", "--out", str(out)]
    for article in articles:
        args += ["--uri", article.uri]
    result = CliRunner().invoke(app_for(settings), args)
    assert result.exit_code == 0, result.output
    for article in articles:
        document = orjson.loads((out / file_name(article.uri)).read_bytes())
        assert not list(VALIDATOR.iter_errors(document))
        assert document["headlines"][0]["value"] == article.headline


def test_an_unknown_format_names_the_valid_ones(tmp_path: Path) -> None:
    settings = Settings(sqlite_path=tmp_path / "db.sqlite")
    result = CliRunner().invoke(app_for(settings), ["export", "--format", "nitf"])
    assert result.exit_code != 0 and "valid: ninjs" in result.output
