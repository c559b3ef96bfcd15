"""`newswire dlq list|show|redrive`: the dead letters, and re-driving them after a fix."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from workers.cli.context import settings_of
from workers.cli.kafka_command import one_line_errors, parse_when

if TYPE_CHECKING:
    from workers.dead_letters import tools as dead

console = Console()

app = typer.Typer(help="Dead letters: list, show and re-drive them after a fix.")


def _filters(stage: str | None, error_type: str | None, since: str | None) -> dead.DlqFilter:
    from workers.dead_letters import tools as dead

    return dead.DlqFilter(
        stage=stage, error_type=error_type, since=parse_when(since) if since else None
    )


StageOpt = Annotated[str | None, typer.Option(help="Only this stage: produce, enrich or store.")]
ErrorTypeOpt = Annotated[str | None, typer.Option(help="Only this error type, e.g. schema.")]
SinceOpt = Annotated[str | None, typer.Option(help="Only letters failed at or after this time.")]


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@app.command("list")
def dlq_list(
    ctx: typer.Context,
    stage: StageOpt = None,
    error_type: ErrorTypeOpt = None,
    since: SinceOpt = None,
    limit: Annotated[int, typer.Option(help="Show at most this many (newest last).")] = 200,
) -> None:
    """List dead letters."""
    from workers import kafka_clients
    from workers.dead_letters import tools as dead

    settings = settings_of(ctx)
    with one_line_errors(), kafka_clients.admin_client(settings, "newswire-dlq") as admin:
        records = dead.list_letters(settings, _filters(stage, error_type, since), admin)
    table = Table(title=f"Dead letters in {settings.topics.dlq}")
    for column in ("id", "failed at", "stage", "error type", "attempts", "origin", "redriven"):
        table.add_column(column)
    table.add_column("reason", overflow="fold")
    for record in records[-limit:] if limit > 0 else records:
        letter = record.letter
        if letter is None:
            table.add_row(
                str(record.id),
                record.timestamp.isoformat(timespec="seconds"),
                "?",
                "unreadable",
                "",
                "",
                "",
                _short(record.problem or ""),
            )
            continue
        origin = letter.original_topic or "-"
        if letter.original_partition is not None:
            origin += f"[{letter.original_partition}]@{letter.original_offset}"
        table.add_row(
            str(record.id),
            letter.failed_at.isoformat(timespec="seconds"),
            letter.stage,
            letter.error_type,
            str(letter.attempts),
            origin,
            "yes" if record.redriven else "",
            _short(letter.reason),
        )
    console.print(table)
    console.print(f"{len(records)} dead letter(s)")


@app.command("show")
def dlq_show(
    ctx: typer.Context,
    letter_id: Annotated[str, typer.Argument(help="PARTITION:OFFSET, as `dlq list` shows.")],
) -> None:
    """Show one dead letter with its original payload."""
    from workers.dead_letters import tools as dead

    settings = settings_of(ctx)
    with one_line_errors():
        record = dead.show_letter(settings, dead.LetterId.parse(letter_id))
        if record.letter is None:
            raise dead.DeadLetterError(f"dead letter {letter_id} is unreadable: {record.problem}")
    letter = record.letter
    table = Table(show_header=False, title=f"Dead letter {record.id}")
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for name, value in letter.model_dump(mode="json", by_alias=True).items():
        if name != "payload":
            table.add_row(name, str(value))
    console.print(table)
    console.print("[bold]payload[/bold]")
    console.print(letter.payload, markup=False, highlight=False)


@app.command("redrive")
def dlq_redrive(
    ctx: typer.Context,
    stage: StageOpt = None,
    error_type: ErrorTypeOpt = None,
    since: SinceOpt = None,
    max_attempts: Annotated[
        int | None, typer.Option(help="Leave letters that already failed this many times.")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List what would be resent.")] = False,
) -> None:
    """Resend dead letters to their original topics (each one only once)."""
    from workers import kafka_clients
    from workers.dead_letters import tools as dead

    settings = settings_of(ctx)
    with one_line_errors(), kafka_clients.admin_client(settings, "newswire-dlq") as admin:
        result = dead.redrive(
            settings, admin, _filters(stage, error_type, since), max_attempts, dry_run
        )
    verb = "would resend" if dry_run else "resent"
    for topic, count in sorted(result.by_topic.items()):
        console.print(f"{verb} {count} message(s) to {topic}")
    for record, reason in result.skipped:
        console.print(f"[yellow]skipped {record.id}[/yellow]: {reason}", highlight=False)
    if not result.redriven:
        console.print("nothing to re-drive")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="dlq")
