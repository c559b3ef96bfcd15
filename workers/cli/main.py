"""The `newswire` command."""

from __future__ import annotations

import logging
import sys

import typer
from rich.console import Console

from workers.cli import dedup, export, pipeline, produce, replay, stack, storage
from workers.errors import NewswireError
from workers.settings import Settings

app = typer.Typer(
    name="newswire",
    help="Streaming news ingestion: wire feeds to Kafka, enrichment, deduplication, storage.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(ctx: typer.Context) -> None:
    settings = Settings()
    ctx.obj = settings
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for chatty in ("kafka", "aiokafka"):
        logging.getLogger(chatty).setLevel(max(logging.WARNING, logging.getLogger().level))


app.add_typer(stack.app, name="stack")
app.add_typer(dedup.app, name="dedup")
app.command()(produce.produce)
app.command()(pipeline.worker)
app.command()(pipeline.run)
app.command()(pipeline.topics)
app.command()(pipeline.schemas)
app.command()(export.export)
storage.register(app)
replay.register(app)


def main() -> None:
    try:
        app()
    except NewswireError as exc:
        Console(stderr=True).print(f"[red]error:[/] {exc}")
        sys.exit(2)
    except FileNotFoundError as exc:
        Console(stderr=True).print(f"[red]error:[/] {exc}")
        sys.exit(2)


if __name__ == "__main__":
    main()
