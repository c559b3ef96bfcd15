"""`newswire worker`, `newswire run`, `newswire topics`, `newswire schemas`."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from workers.cli.context import settings_of

if TYPE_CHECKING:
    from workers.runner import RunSummary

console = Console(stderr=True)


def worker(
    ctx: typer.Context,
    role: Annotated[str, typer.Argument(help="enrich or store")],
) -> None:
    """Run one Faust worker (enrichment or storage) until stopped."""
    from workers.runtime.worker import run_worker

    run_worker(settings_of(ctx), role)


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
    from workers import kafka_clients
    from workers.runner import Pipeline, snapshot, summarize, wait_drained

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
            raise typer.Exit(_fail(f"the producer failed; see {pipeline.log_dir / 'produce.log'}"))
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
        raise typer.Exit(_fail(f"out of date: {', '.join(stale)}; run `newswire schemas`"))
    console.print("schemas up to date")


def _fail(message: str) -> int:
    console.print(f"[red]error:[/] {message}")
    return 2
