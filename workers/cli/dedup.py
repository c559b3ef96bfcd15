"""`newswire dedup rebuild` and `newswire dedup split`."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from workers.cli.context import settings_of
from workers.cli.storage import print_article

if TYPE_CHECKING:
    from workers.models import EnrichedArticle
    from workers.settings import Settings

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
    settings = settings_of(ctx)
    article = asyncio.run(_split(settings, alias))
    console.print(f"{alias} is now an article of its own (story {article.story_id})")
    print_article(article)


async def _split(settings: Settings, alias: str) -> EnrichedArticle:
    """The split's role order is taken first, so that storage and the dedup
    state apply the same one."""
    from workers import redis_client
    from workers.dedup.redis_state import RedisDedupState
    from workers.storage import open_store

    client = await redis_client.async_client(settings)
    try:
        state = RedisDedupState.of(client, settings)
        seq = await state.reserve_role()
        store = open_store(settings)
        try:
            article = store.split(alias, seq)
        finally:
            store.close()
        await state.split(alias, seq)
    finally:
        await client.aclose()  # type: ignore[attr-defined]  # redis>=5; stubs lag behind
    return article
