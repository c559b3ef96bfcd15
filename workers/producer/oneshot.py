"""One-shot production from files, directories or stdin, with a progress bar."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from workers import kafka_clients
from workers.producer.ingest import ingest, read_paths
from workers.producer.publisher import PublishCounts, Publisher
from workers.settings import Settings


def count_inputs(paths: Sequence[Path]) -> int | None:
    total = 0
    for path in paths:
        if str(path) == "-":
            return None
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if p.is_file() and p.suffix != ".toml")
        else:
            total += 1
    return total


def produce_paths(
    settings: Settings,
    paths: Sequence[Path],
    *,
    fmt: str = "auto",
    feed_id: str = "files",
    language: str | None = None,
    console: Console | None = None,
) -> PublishCounts:
    """Publish every item found under `paths`; bad items go to the DLQ, the rest flow on."""
    missing = [str(p) for p in paths if str(p) != "-" and not p.exists()]
    if missing:
        raise FileNotFoundError(f"no such file or directory: {', '.join(missing)}")
    kafka_clients.ensure_topics(settings)
    console = console or Console(stderr=True)
    with (
        Publisher(settings) as publisher,
        Progress(
            TextColumn("[bold]produce[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[current]}"),
            TimeElapsedColumn(),
            console=console,
            transient=not console.is_terminal,
        ) as progress,
    ):
        task = progress.add_task("produce", total=count_inputs(paths), current="")
        for doc in read_paths(paths, feed_id, fmt, language):
            progress.update(task, current=doc.ctx.link or "")
            ingest(doc, publisher)
            progress.advance(task)
        publisher.flush()
        return publisher.counts
