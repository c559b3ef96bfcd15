"""`python -m devstack run`: the producer and both workers of a checkout as separate
processes, over the servers of the local stack or any others the settings name."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from workers.cli.context import settings_of
from workers.cli.pipeline import fail

if TYPE_CHECKING:
    from devstack.runner import RunSummary

console = Console(stderr=True)


def run(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="files or directories of wire items")],
    until_drained: Annotated[
        bool, typer.Option(help="stop once everything produced is stored or dead-lettered")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="feed format, or auto")] = "auto",
    feed_id: Annotated[str, typer.Option(help="source feed id recorded on each article")] = "seeds",
    timeout: Annotated[float, typer.Option(help="seconds to wait for the drain")] = 600.0,
) -> None:
    """Start both workers, produce PATHS, and (with --until-drained) stop when done."""
    from devstack.runner import Pipeline, snapshot, summarize, wait_drained
    from workers import kafka_clients

    settings = settings_of(ctx)
    kafka_clients.ensure_topics(settings)
    before = snapshot(settings)
    started = time.monotonic()
    pipeline = Pipeline(settings.stack.run_dir / "logs")
    pipeline.start_workers(settings)
    try:
        producer = pipeline.start(
            "produce", "produce", "--format", fmt, "--feed-id", feed_id, *map(str, paths)
        )
        if producer.wait() != 0:
            raise typer.Exit(fail(f"the producer failed; see {pipeline.log_dir / 'produce.log'}"))
        if not until_drained:
            console.print("[green]produced[/]; workers keep running (Ctrl-C stops them)")
            while True:
                pipeline.check_alive()
                time.sleep(1)
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console
        ) as progress:
            task = progress.add_task("waiting for the pipeline to drain")

            def show(lag: int) -> None:
                progress.update(task, description=f"draining: {lag} messages behind")

            wait_drained(settings, pipeline, timeout, on_lag=show)
    except KeyboardInterrupt:
        console.print("stopping")
    finally:
        pipeline.stop()
    print_summary(summarize(before, snapshot(settings), time.monotonic() - started))


def print_summary(summary: RunSummary) -> None:
    table = Table(title="newswire run")
    for column in ("produced", "stored", "versions", "duplicates", "dead letters", "seconds"):
        table.add_column(column, justify="right")
    table.add_row(
        str(summary.produced),
        str(summary.stored),
        str(summary.versions),
        str(summary.duplicates),
        str(summary.dead_letters),
        f"{summary.seconds:.1f}",
    )
    Console().print(table)
