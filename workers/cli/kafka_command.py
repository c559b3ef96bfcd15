"""What the Kafka commands (`replay`, `dlq`, `stats`, `top`) share: one line for a
failure instead of a traceback, and times given on the command line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import typer
from rich.console import Console

from workers.errors import NewswireError, ServiceUnavailable
from workers.replay.plan import PlanError

err_console = Console(stderr=True)


@contextmanager
def one_line_errors() -> Iterator[None]:
    """One line naming the problem and what to do, instead of a traceback, and the
    error's own exit status (README.md, Exit codes)."""
    from kafka.errors import KafkaError

    try:
        yield
    except NewswireError as exc:
        err_console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(exc.exit_code) from exc
    except KafkaError as exc:
        err_console.print(f"[red]Kafka error:[/red] {exc}", highlight=False)
        raise typer.Exit(ServiceUnavailable.exit_code) from exc


def parse_when(text: str) -> datetime:
    """ISO 8601; a time without a zone is UTC."""
    try:
        when = datetime.fromisoformat(text)
    except ValueError as exc:
        raise PlanError(
            f"cannot read {text!r} as a date and time: use ISO 8601, "
            "e.g. 2026-11-25T14:00:00Z or 2026-11-25T16:00:00+02:00"
        ) from exc
    return when if when.tzinfo else when.replace(tzinfo=UTC)
