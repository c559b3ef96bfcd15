"""`newswire get`, `newswire search` and `newswire db migrate`."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import orjson
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from workers.cli.context import settings_of
from workers.times import utc

if TYPE_CHECKING:
    from workers.models import EnrichedArticle
    from workers.storage import SearchHit

out = Console()
err = Console(stderr=True)


def _when(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return utc(datetime.fromisoformat(value))
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not an ISO date or time") from exc


def get(
    ctx: typer.Context,
    uri: Annotated[
        str, typer.Argument(help="article uri (an alias uri gives its canonical article)")
    ],
    own: Annotated[
        bool, typer.Option("--own", help="an alias's own text rather than its canonical article")
    ] = False,
) -> None:
    """Print a stored article as JSON, read through the Redis cache."""
    from workers.storage import open_store

    store = open_store(settings_of(ctx))
    try:
        article = store.get(uri, own=own)
    finally:
        store.close()
    if article is None:
        err.print(f"no article {escape(uri)}")
        raise typer.Exit(1)
    print_article(article)


def print_article(article: EnrichedArticle) -> None:
    from workers.codec import encode

    sys.stdout.buffer.write(orjson.dumps(orjson.loads(encode(article)), option=orjson.OPT_INDENT_2))
    sys.stdout.buffer.write(b"\n")


def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="words to find (any language); may be empty")] = "",
    lang: Annotated[str | None, typer.Option(help="ISO 639-1 language, e.g. ar")] = None,
    since: Annotated[str | None, typer.Option(help="ISO date or time, inclusive")] = None,
    until: Annotated[str | None, typer.Option(help="ISO date or time, inclusive")] = None,
    entity: Annotated[
        str | None, typer.Option(help="entity id (place, organisation, person)")
    ] = None,
    topic: Annotated[str | None, typer.Option(help="subject code, e.g. medtop:16000000")] = None,
    source: Annotated[str | None, typer.Option(help="source feed id")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="print hits as JSON lines")] = False,
) -> None:
    """Full-text search over stored articles, best matches first, with snippets."""
    from workers.storage import SearchQuery, open_store

    request = SearchQuery(
        text=query,
        lang=lang,
        since=_when(since),
        until=_when(until),
        entity=entity,
        topic=topic,
        source=source,
        limit=limit,
    )
    store = open_store(settings_of(ctx))
    try:
        hits = store.search(request)
    finally:
        store.close()
    if as_json:
        for hit in hits:
            sys.stdout.write(hit.model_dump_json() + "\n")
        return
    out.print(hits_table(hits))


def hits_table(hits: list[SearchHit]) -> Table:
    from workers.storage.search import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN

    table = Table(title=f"{len(hits)} result(s)", show_lines=True)
    table.add_column("score", justify="right")
    table.add_column("time")
    table.add_column("lang")
    table.add_column("uri / headline / snippet", overflow="fold")
    for hit in hits:
        snippet = (
            escape(hit.snippet)
            .replace(HIGHLIGHT_OPEN, "[bold yellow]")
            .replace(HIGHLIGHT_CLOSE, "[/bold yellow]")
        )
        table.add_row(
            f"{hit.score:.3f}",
            hit.time.strftime("%Y-%m-%d %H:%M"),
            hit.language or "",
            f"[dim]{escape(hit.uri)}[/dim]\n[bold]{escape(hit.headline)}[/bold]\n{snippet}",
        )
    return table


db = typer.Typer(help="The article database.", no_args_is_help=True)


@db.command()
def migrate(ctx: typer.Context) -> None:
    """Apply pending schema migrations (also done whenever a store opens)."""
    from workers.storage import open_database

    store = open_database(settings_of(ctx), migrate=False)
    try:
        store.migrate()
        versions = store.applied_migrations()
    finally:
        store.close()
    out.print(f"schema at version {max(versions, default=0)} ({len(versions)} migration(s))")


def register(app: typer.Typer) -> None:
    """Add `get`, `search` and the `db` group to the `newswire` command."""
    app.command()(get)
    app.command()(search)
    app.add_typer(db, name="db")
