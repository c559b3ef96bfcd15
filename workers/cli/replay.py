"""`newswire replay`: rewind a consumer group so its messages are processed again."""

from __future__ import annotations

import time
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from workers.cli.context import settings_of
from workers.cli.kafka_command import one_line_errors, parse_when
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

console = Console()


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
    from workers.replay import apply

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
            left = apply.remaining_for(admin, plan, group)
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
    from workers.replay import apply

    settings = settings_of(ctx)
    with one_line_errors():
        target = choose_target(to_datetime, to_offset, to_earliest, shift_by)
        chosen = parse_partitions(partitions)
        with kafka_clients.admin_client(settings, "newswire-replay") as admin:
            plan = apply.build_plan(admin, topic, group, target, chosen)
            console.print(plan_table(plan, as_group))
            if dry_run:
                console.print("dry run: no offsets changed")
                return
            applied = apply.apply_plan(admin, plan, as_group)
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


def register(app: typer.Typer) -> None:
    app.command("replay")(replay)
