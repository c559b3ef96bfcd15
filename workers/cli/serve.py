"""`newswire serve`: the read API and the live dashboard."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from workers.cli.context import settings_of

console = Console(stderr=True)


def serve(
    ctx: typer.Context,
    host: Annotated[
        str | None, typer.Option(help="address to listen on (NEWSWIRE_API__HOST)")
    ] = None,
    port: Annotated[int | None, typer.Option(help="port (NEWSWIRE_API__PORT)")] = None,
) -> None:
    """Serve articles, search, stories, health and metrics over HTTP until stopped."""
    from workers.api.service import serve as run

    settings = settings_of(ctx)
    where = f"{host or settings.api.host}:{port or settings.api.port}"
    console.print(f"serving on http://{where} (OpenAPI at /openapi.json); Ctrl-C stops")
    run(settings, host or settings.api.host, port or settings.api.port)
