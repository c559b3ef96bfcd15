"""`newswire export --format ninjs`: stored articles as standard documents."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Protocol, runtime_checkable

import orjson
import typer
from rich.console import Console

from workers.cli.context import settings_of
from workers.errors import NewswireError

if TYPE_CHECKING:
    from workers.models import EnrichedArticle
    from workers.storage.base import ArticleStore

console = Console(stderr=True)
EXPORT_FORMATS = ("ninjs",)


@runtime_checkable
class IterableStore(Protocol):
    def iter_articles(self) -> Iterator[EnrichedArticle]: ...


def file_name(uri: str) -> str:
    """A portable, unique file name for a uri: readable prefix plus a hash."""
    readable = "".join(c if c.isalnum() or c in "-_." else "_" for c in uri)[-60:].strip("_")
    return f"{readable}-{hashlib.sha256(uri.encode()).hexdigest()[:12]}.json"


def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="output format: ninjs")] = "ninjs",
    out: Annotated[
        str, typer.Option("--out", help="directory (one file per article) or - for JSON lines")
    ] = "-",
    uris: Annotated[
        list[str] | None, typer.Option("--uri", help="export only this article (repeatable)")
    ] = None,
) -> None:
    """Write stored articles, with their tags, as ninjs 3.x documents."""
    from workers.export.ninjs import to_ninjs
    from workers.storage.factory import open_store

    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(
            f"unknown export format {fmt!r}; valid: {', '.join(EXPORT_FORMATS)}"
        )
    settings = settings_of(ctx)
    directory = None if out == "-" else Path(out)
    if directory is not None:
        directory.mkdir(parents=True, exist_ok=True)
    try:
        store = open_store(settings)
    except NewswireError as exc:
        console.print(f"[red]error:[/] {exc}", soft_wrap=True)
        raise typer.Exit(exc.exit_code) from exc
    written = missing = 0
    try:
        for uri, article in _articles(store, uris):
            if article is None:
                console.print(f"[yellow]not stored:[/] {uri}")
                missing += 1
                continue
            document = orjson.dumps(to_ninjs(article))
            if directory is None:
                sys.stdout.buffer.write(document + b"\n")
            else:
                (directory / file_name(article.uri)).write_bytes(document + b"\n")
            written += 1
    finally:
        store.close()
    where = "stdout" if directory is None else str(directory)
    console.print(f"exported {written} articles as {fmt} to {where}")
    if missing:
        raise typer.Exit(1)


def _articles(
    store: ArticleStore, uris: list[str] | None
) -> Iterator[tuple[str, EnrichedArticle | None]]:
    if uris:
        for uri in uris:
            yield uri, store.get(uri)
        return
    if not isinstance(store, IterableStore):
        raise typer.BadParameter(
            f"{type(store).__name__} cannot list its articles yet (it needs "
            "iter_articles()); export chosen ones with --uri"
        )
    for article in store.iter_articles():
        yield article.uri, article
