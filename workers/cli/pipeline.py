"""`newswire worker`, `newswire topics`, `newswire schemas`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from workers.cli.context import settings_of

console = Console(stderr=True)


def worker(
    ctx: typer.Context,
    role: Annotated[str, typer.Argument(help="enrich or store")],
) -> None:
    """Run one Faust worker (enrichment or storage) until stopped."""
    from workers.runtime.worker import run_worker

    run_worker(settings_of(ctx), role)


def topics(ctx: typer.Context) -> None:
    """Create the pipeline topics when missing and list them."""
    from workers import kafka_clients

    settings = settings_of(ctx)
    created = kafka_clients.ensure_topics(settings)
    for name in settings.topics.all():
        console.print(f"{name}{'  (created)' if name in created else ''}")


def schemas(
    check: Annotated[bool, typer.Option(help="fail if schemas/ differs from the models")] = False,
) -> None:
    """Write the JSON Schemas of every topic's message into schemas/."""
    from workers.codec import SCHEMA_DIR, write_schemas

    if not check:
        for path in write_schemas():
            console.print(f"wrote {path}")
        return
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        stale = [
            p.name
            for p in write_schemas(Path(tmp))
            if p.read_bytes() != (SCHEMA_DIR / p.name).read_bytes()
        ]
    if stale:
        raise typer.Exit(fail(f"out of date: {', '.join(stale)}; run `newswire schemas`"))
    console.print("schemas up to date")


def fail(message: str) -> int:
    """Print `message` as an error; the exit status of a command that fails with it."""
    console.print(f"[red]error:[/] {message}")
    return 2
