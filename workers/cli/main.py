"""The `newswire` command.

Command modules import their heavy dependencies when they run, so that every command
starts fast.
"""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape

from workers.cli import dedup, dlq, export, monitor, pipeline, produce, replay, serve, storage
from workers.errors import NewswireError
from workers.settings import ENV_PREFIX, Settings

app = typer.Typer(
    name="newswire",
    help="Streaming news ingestion: wire feeds to Kafka, enrichment, deduplication, storage.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


CLIENT_LIBRARIES = ("kafka", "aiokafka", "faust", "mode", "httpx", "uvicorn")
"""Their INFO lines tell a user nothing they asked for; `--verbose` shows them."""


def configure(
    ctx: typer.Context,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="show the client libraries' log lines too")
    ] = False,
) -> None:
    """The root options: the settings, read once for the whole command, and logging."""
    settings = Settings()
    ctx.obj = settings
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if not verbose:
        for library in CLIENT_LIBRARIES:
            logging.getLogger(library).setLevel(max(logging.WARNING, logging.getLogger().level))


app.callback()(configure)
app.add_typer(dedup.app, name="dedup")
app.command()(produce.produce)
app.command()(pipeline.worker)
app.command()(pipeline.topics)
app.command()(pipeline.schemas)
app.command()(export.export)
app.command()(serve.serve)
storage.register(app)
replay.register(app)
dlq.register(app)
monitor.register(app)


def settings_error(exc: ValidationError) -> str:
    """One line naming each environment variable that holds a wrong value."""
    problems = []
    for error in exc.errors():
        message = str(error["msg"]).removeprefix("Value error, ")
        location = "__".join(str(part) for part in error["loc"]).upper()
        if location and not message.startswith(ENV_PREFIX):
            message = f"{ENV_PREFIX}{location}: {message}"
        problems.append(message)
    return "invalid settings: " + "; ".join(problems)


def _fail(message: str, status: int) -> None:
    Console(stderr=True).print(f"[red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    sys.exit(status)


def invoke(command_line: typer.Typer) -> None:
    """Run `command_line`, every newswire failure one line and its exit status
    (README.md, Exit codes)."""
    try:
        command_line()
    except NewswireError as exc:
        _fail(str(exc), exc.exit_code)
    except ValidationError as exc:
        _fail(settings_error(exc), 2)
    except FileNotFoundError as exc:
        _fail(str(exc), 2)


def main() -> None:
    invoke(app)


if __name__ == "__main__":
    main()
