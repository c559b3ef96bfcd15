"""`newswire replay`, `newswire dlq list|show|redrive`, `newswire stats`, `newswire top`.

`register(app)` adds them all to the main application.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.live import Live
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from workers.cli.context import settings_of
from workers.errors import NewswireError, ServiceUnavailable
from workers.replay.plan import (
    PlanError,
    ReplayPlan,
    ShiftBy,
    Target,
    ToDatetime,
    ToEarliest,
    ToOffset,
    describe_target,
    parse_partitions,
)
from workers.settings import Settings

if TYPE_CHECKING:
    from workers.replay import dlq as dead
    from workers.replay import stats as pipeline_stats

console = Console()
err_console = Console(stderr=True)

dlq_app = typer.Typer(help="Dead letters: list, show and re-drive them after a fix.")


def _settings(ctx: typer.Context) -> Settings:
    return settings_of(ctx)


@contextmanager
def _errors() -> Iterator[None]:
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


def choose_target(
    to_datetime: str | None, to_offset: int | None, to_earliest: bool, shift_by: int | None
) -> Target:
    chosen: list[Target] = []
    if to_datetime is not None:
        chosen.append(ToDatetime(parse_when(to_datetime)))
    if to_offset is not None:
        chosen.append(ToOffset(to_offset))
    if to_earliest:
        chosen.append(ToEarliest())
    if shift_by is not None:
        chosen.append(ShiftBy(shift_by))
    if len(chosen) != 1:
        raise PlanError("give exactly one of --to-datetime, --to-offset, --to-earliest, --shift-by")
    return chosen[0]


def plan_table(plan: ReplayPlan, applied_to: str | None = None) -> Table:
    title = f"Replay of {plan.topic} for group {plan.group}: {describe_target(plan.target)}"
    if applied_to and applied_to != plan.group:
        title += f" (as group {applied_to})"
    table = Table(title=title)
    table.add_column("partition", justify="right")
    table.add_column("committed offset", justify="right")
    table.add_column("target offset", justify="right")
    table.add_column("messages to reprocess", justify="right")
    for p in plan.partitions:
        committed = "-" if p.committed is None else str(p.committed)
        table.add_row(str(p.partition), committed, str(p.target), f"{p.to_reprocess:,}")
    table.add_row("total", "", "", f"{plan.total_to_reprocess:,}", style="bold")
    return table


def wait_for_drain(
    settings: Settings,
    plan: ReplayPlan,
    group: str,
    timeout: float | None = None,
    poll_seconds: float = 1.0,
) -> bool:
    """Show a progress bar until `group` has consumed the replayed messages."""
    from workers import kafka_clients
    from workers.replay import kafka_ops

    total = plan.total_to_reprocess
    deadline = None if timeout is None else time.monotonic() + timeout
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with (
        kafka_clients.admin_client(settings, "newswire-replay") as admin,
        Progress(*columns, console=console) as progress,
    ):
        task = progress.add_task(f"{group} re-reading {plan.topic}", total=total)
        while True:
            left = kafka_ops.remaining_for(admin, plan, group)
            progress.update(task, completed=total - left)
            if left == 0:
                return True
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(poll_seconds)


def replay(
    ctx: typer.Context,
    topic: Annotated[str, typer.Option("--topic", help="Topic to re-read, e.g. articles.raw.")],
    group: Annotated[str, typer.Option("--group", help="Consumer group, e.g. newswire-enrich.")],
    to_datetime: Annotated[
        str | None,
        typer.Option(help="Re-read messages at or after this ISO 8601 time (UTC if no zone)."),
    ] = None,
    to_offset: Annotated[
        int | None, typer.Option(help="Move every partition to this offset.")
    ] = None,
    to_earliest: Annotated[
        bool, typer.Option("--to-earliest", help="Re-read from the earliest offset.")
    ] = False,
    shift_by: Annotated[
        int | None, typer.Option(help="Move by N from the committed offset (negative rewinds).")
    ] = None,
    partitions: Annotated[
        str | None, typer.Option(help="Comma-separated partitions (default: all).")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the plan and change nothing.")
    ] = False,
    as_group: Annotated[
        str | None,
        typer.Option(
            help="Set the offsets on this separate group instead, leaving the live one alone."
        ),
    ] = None,
    wait: Annotated[
        bool, typer.Option(help="Show progress until the group has re-read the messages.")
    ] = True,
    timeout: Annotated[
        float | None, typer.Option(help="Stop waiting after this many seconds.")
    ] = None,
) -> None:
    """Rewind a consumer group on a topic so its messages are processed again."""
    from workers import kafka_clients
    from workers.replay import kafka_ops

    settings = _settings(ctx)
    with _errors():
        target = choose_target(to_datetime, to_offset, to_earliest, shift_by)
        chosen = parse_partitions(partitions)
        with kafka_clients.admin_client(settings, "newswire-replay") as admin:
            plan = kafka_ops.build_plan(admin, topic, group, target, chosen)
            console.print(plan_table(plan, as_group))
            if dry_run:
                console.print("dry run: no offsets changed")
                return
            applied = kafka_ops.apply_plan(admin, plan, as_group)
        console.print(
            f"group [bold]{applied}[/bold] now starts at the target offsets "
            f"({plan.total_to_reprocess:,} messages to reprocess)"
        )
        if as_group:
            console.print(
                f"start a consumer in group {as_group} to process them; group {group} is untouched"
            )
        if not wait or plan.total_to_reprocess == 0:
            return
        console.print("waiting for the group to catch up (Ctrl-C stops waiting, not the replay)")
        try:
            drained = wait_for_drain(settings, plan, applied, timeout)
        except KeyboardInterrupt:
            console.print("stopped waiting; the replay goes on in the workers")
            return
        if not drained:
            console.print(
                f"[yellow]not drained after {timeout:.0f}s[/yellow]: is a consumer running in "
                f"group {applied}? `newswire stats` shows its lag"
            )
            raise typer.Exit(2)


# -- dlq -----------------------------------------------------------------------


def _filters(stage: str | None, error_type: str | None, since: str | None) -> dead.DlqFilter:
    from workers.replay import dlq as dead

    return dead.DlqFilter(
        stage=stage, error_type=error_type, since=parse_when(since) if since else None
    )


StageOpt = Annotated[str | None, typer.Option(help="Only this stage: produce, enrich or store.")]
ErrorTypeOpt = Annotated[str | None, typer.Option(help="Only this error type, e.g. schema.")]
SinceOpt = Annotated[str | None, typer.Option(help="Only letters failed at or after this time.")]


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@dlq_app.command("list")
def dlq_list(
    ctx: typer.Context,
    stage: StageOpt = None,
    error_type: ErrorTypeOpt = None,
    since: SinceOpt = None,
    limit: Annotated[int, typer.Option(help="Show at most this many (newest last).")] = 200,
) -> None:
    """List dead letters."""
    from workers import kafka_clients
    from workers.replay import dlq as dead

    settings = _settings(ctx)
    with _errors(), kafka_clients.admin_client(settings, "newswire-dlq") as admin:
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


@dlq_app.command("show")
def dlq_show(
    ctx: typer.Context,
    letter_id: Annotated[str, typer.Argument(help="PARTITION:OFFSET, as `dlq list` shows.")],
) -> None:
    """Show one dead letter with its original payload."""
    from workers.replay import dlq as dead

    settings = _settings(ctx)
    with _errors():
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


@dlq_app.command("redrive")
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
    from workers.replay import dlq as dead

    settings = _settings(ctx)
    with _errors(), kafka_clients.admin_client(settings, "newswire-dlq") as admin:
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


# -- stats / top ---------------------------------------------------------------


def _targets(settings: Settings, host: str, target: list[str] | None) -> dict[str, str]:
    from workers.replay import stats as pipeline_stats

    if not target:
        return pipeline_stats.default_targets(settings, host)
    found = {}
    for item in target:
        name, sep, url = item.partition("=")
        if not sep or not url:
            raise PlanError(
                f"--target takes NAME=URL, e.g. enrich=http://host:9102/metrics; got {item!r}"
            )
        found[name] = url
    return found


HostOpt = Annotated[str, typer.Option(help="Host of the worker processes' /metrics endpoints.")]
TargetOpt = Annotated[
    list[str] | None, typer.Option(help="NAME=URL of a /metrics endpoint (repeatable).")
]


def _scrape(settings: Settings, targets: dict[str, str]) -> pipeline_stats.Snapshot:
    """The processes' metrics, and the dead letters counted in their topic (which
    holds those of one-shot producers too), when Kafka answers."""
    from kafka.errors import KafkaError

    from workers import kafka_clients
    from workers.replay import kafka_ops
    from workers.replay import stats as pipeline_stats

    snapshot = pipeline_stats.scrape(targets)
    try:
        with kafka_clients.admin_client(settings, "newswire-stats") as admin:
            snapshot.dead_letters = kafka_ops.topic_size(admin, settings.topics.dlq)
    except (NewswireError, KafkaError):
        snapshot.dead_letters = None
    return snapshot


def stats(
    ctx: typer.Context,
    host: HostOpt = "127.0.0.1",
    target: TargetOpt = None,
    interval: Annotated[float, typer.Option(help="Seconds between the two scrapes.")] = 2.0,
) -> None:
    """Throughput per stage, lag per group, duplicate ratio and dead-letter rate."""
    from workers.replay import stats as pipeline_stats

    settings = _settings(ctx)
    with _errors():
        targets = _targets(settings, host, target)
    first = _scrape(settings, targets)
    if not any(first.up.values()):
        err_console.print(
            "[red]error:[/red] no pipeline process answers on "
            + ", ".join(targets.values())
            + ": start them (`newswire run` or `newswire worker ...`) or pass --host/--target"
        )
        raise typer.Exit(1)
    time.sleep(max(0.0, interval))
    second = _scrape(settings, targets)
    console.print(pipeline_stats.render(pipeline_stats.compute(second, first)))


def top(
    ctx: typer.Context,
    host: HostOpt = "127.0.0.1",
    target: TargetOpt = None,
    refresh: Annotated[float, typer.Option(help="Seconds between refreshes.")] = 1.0,
    iterations: Annotated[
        int | None, typer.Option(hidden=True, help="Stop after this many refreshes.")
    ] = None,
) -> None:
    """A live view of `newswire stats`, refreshed every second (Ctrl-C quits)."""
    from workers.replay import stats as pipeline_stats

    settings = _settings(ctx)
    with _errors():
        targets = _targets(settings, host, target)
    previous = _scrape(settings, targets)
    count = 0
    try:
        with Live(
            pipeline_stats.render(pipeline_stats.compute(previous)),
            console=console,
            refresh_per_second=4,
        ) as live:
            while iterations is None or count < iterations:
                time.sleep(refresh)
                current = _scrape(settings, targets)
                live.update(pipeline_stats.render(pipeline_stats.compute(current, previous)))
                previous = current
                count += 1
    except KeyboardInterrupt:
        pass


def register(app: typer.Typer) -> None:
    app.command("replay")(replay)
    app.add_typer(dlq_app, name="dlq")
    app.command("stats")(stats)
    app.command("top")(top)
