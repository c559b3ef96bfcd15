"""`newswire dedup rebuild` and `newswire dedup split`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from workers.cli.context import settings_of
from workers.cli.storage import print_article

console = Console(stderr=True)
app = typer.Typer(help="The deduplication state: rebuild it, split a wrong duplicate off.")


@app.command()
def rebuild(ctx: typer.Context) -> None:
    """Rebuild the dedup window in Redis from storage (workers pause meanwhile)."""
    from workers.stages.dedup_state import rebuilder

    settings = settings_of(ctx)
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console
    ) as progress:
        task = progress.add_task("starting")

        def show(what: str, count: int) -> None:
            progress.update(task, description=f"{what}: {count:,}" if count else what)

        result = rebuilder(settings).rebuild(force=True, progress=show)
    assert result is not None
    console.print(
        f"dedup state rebuilt from storage: {result.uris:,} uris "
        f"({result.canonicals:,} canonical) in {result.seconds:.1f}s"
    )


@app.command()
def split(
    ctx: typer.Context,
    alias: Annotated[str, typer.Argument(help="the uri of an alias to make an article of")],
) -> None:
    """Make an alias a canonical article of its own, from its own text; it is
    never made a duplicate again."""
    from workers import redis_client
    from workers.dedup.redis_state import split_role
    from workers.enrich.pipeline import DEDUP_KEY_SPACE
    from workers.storage import open_store

    settings = settings_of(ctx)
    prefix = settings.redis_prefix + DEDUP_KEY_SPACE
    client = redis_client.sync_client(settings)
    try:
        seq = split_role(client, settings.dedup, prefix, alias, None)
        store = open_store(settings)
        try:
            article = store.split(alias, seq)
        finally:
            store.close()
        split_role(client, settings.dedup, prefix, alias, seq)
    finally:
        client.close()
    console.print(f"{alias} is now an article of its own (story {article.story_id})")
    print_article(article)
