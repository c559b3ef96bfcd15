"""`newswire produce`: files and stdin once, or feeds followed, or pushes received."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from workers.cli.context import settings_of
from workers.errors import NewswireError

console = Console(stderr=True)


def produce(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None, typer.Argument(help="files, directories, or - for stdin")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="feed format, or auto to sniff")] = "auto",
    feed_id: Annotated[str, typer.Option(help="feed id recorded on each article")] = "files",
    language: Annotated[str | None, typer.Option(help="language hint (ISO 639-1)")] = None,
    follow: Annotated[
        bool, typer.Option("--follow", help="poll the feeds of the feed list on their intervals")
    ] = False,
    listen: Annotated[
        bool, typer.Option("--listen", help="accept pushed ninjs, NewsML and NITF over HTTP")
    ] = False,
    once: Annotated[
        bool, typer.Option("--once", help="with --follow: poll every feed once, then exit")
    ] = False,
    feeds_file: Annotated[
        Path | None, typer.Option("--feeds", help="feed list (default: NEWSWIRE_FEEDS_FILE)")
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option("--feed", help="follow only this feed id (repeatable)")
    ] = None,
) -> None:
    """Publish wire items to articles.raw: from PATHS, by following feeds, or by push."""
    from workers.parsers.registry import AUTO, get_parser

    settings = settings_of(ctx)
    try:
        if fmt != AUTO:
            get_parser(fmt)
        if not (paths or follow or listen):
            raise typer.BadParameter("give PATHS to read, --follow, or --listen")
        if paths and (follow or listen):
            raise typer.BadParameter("PATHS are read once; use them without --follow/--listen")
        if once and not follow:
            raise typer.BadParameter("--once goes with --follow")
        if paths:
            from workers.producer.oneshot import produce_paths

            counts = produce_paths(
                settings, paths, fmt=fmt, feed_id=feed_id, language=language, console=console
            )
            console.print(
                f"published {counts.published}, dead-lettered {counts.dead_lettered}, "
                f"failed {counts.failed}"
            )
            if counts.failed:
                raise typer.Exit(1)
            return
        from workers import kafka_clients, metrics
        from workers.feeds import service
        from workers.feeds.config import load_feeds
        from workers.producer.publisher import Publisher

        feeds = None
        if follow:
            feeds = load_feeds(feeds_file or settings.feeds_file)
            if only:
                unknown = sorted(set(only) - {f.id for f in feeds})
                if unknown:
                    raise typer.BadParameter(f"no such feed in the list: {', '.join(unknown)}")
                feeds = [f for f in feeds if f.id in only]
        kafka_clients.ensure_topics(settings)
        metrics.expose_stage("produce")
        metrics.serve(settings.metrics.produce, "NEWSWIRE_METRICS__PRODUCE")
        where = f" and listening on {settings.listen_host}:{settings.listen_port}" if listen else ""
        if once:
            console.print(f"polling {len(feeds or [])} feeds once")
        else:
            console.print(f"following {len(feeds or [])} feeds{where}; Ctrl-C or SIGTERM stops")
        with Publisher(settings) as publisher:
            asyncio.run(
                service.run(settings, publisher, os.environ, feeds=feeds, listen=listen, once=once)
            )
    except NewswireError as exc:
        console.print(f"[red]error:[/] {exc}", soft_wrap=True)
        raise typer.Exit(exc.exit_code) from exc
