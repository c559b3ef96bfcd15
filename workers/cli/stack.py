"""`newswire stack up|down|status`."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from workers import stack
from workers.cli.context import settings_of
from workers.stack import ServiceState, ServiceStatus, StackError

app = typer.Typer(
    help="Run Kafka, Redis, PostgreSQL and Prometheus locally, on loopback.",
    no_args_is_help=True,
)

console = Console()
errors = Console(stderr=True)

ServicesArg = Annotated[
    list[str] | None,
    typer.Argument(
        help=f"Services among: {', '.join(stack.ALL_SERVICES)}.",
        show_default=False,
    ),
]

_STYLES = {
    ServiceState.OWNED: "green",
    ServiceState.EXTERNAL: "cyan",
    ServiceState.STARTING: "yellow",
    ServiceState.DOWN: "red",
}


def render_table(statuses: Sequence[ServiceStatus], title: str = "local stack") -> Table:
    table = Table(title=title)
    table.add_column("service")
    table.add_column("endpoint")
    table.add_column("state")
    table.add_column("pid", justify="right")
    for st in statuses:
        style = _STYLES[st.state]
        pid = str(st.pid) if st.pid is not None else "-"
        table.add_row(st.name, str(st.endpoint), f"[{style}]{st.state}[/]", pid)
    return table


def _fail(exc: StackError) -> typer.Exit:
    errors.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


@app.command()
def up(
    ctx: typer.Context,
    services: ServicesArg = None,
    all_services: Annotated[
        bool, typer.Option("--all", help="Kafka, Redis, PostgreSQL and Prometheus.")
    ] = False,
    timeout: Annotated[
        float | None, typer.Option(help="Seconds to wait for each server to answer.")
    ] = None,
) -> None:
    """Start whatever is not already reachable (Kafka and Redis by default)."""
    settings = settings_of(ctx)
    chosen = stack.ALL_SERVICES if all_services else (services or stack.default_services(settings))
    started = time.monotonic()
    try:
        with console.status("starting the local stack") as spinner:
            statuses = stack.up(
                settings, chosen, report=lambda msg: spinner.update(msg), timeout=timeout
            )
    except StackError as exc:
        raise _fail(exc) from None
    console.print(render_table(statuses, f"local stack ({time.monotonic() - started:.1f} s)"))


@app.command()
def down(ctx: typer.Context, services: ServicesArg = None) -> None:
    """Stop the servers that `up` started; servers it found running are left alone."""
    settings = settings_of(ctx)
    try:
        with console.status("stopping the local stack") as spinner:
            stopped = stack.down(
                settings, services or stack.ALL_SERVICES, report=lambda m: spinner.update(m)
            )
    except StackError as exc:
        raise _fail(exc) from None
    if not stopped:
        console.print("nothing to stop: the stack started no server here")
        return
    for st in stopped:
        console.print(f"stopped {st.name} (pid {st.pid})")


@app.command()
def status(ctx: typer.Context, services: ServicesArg = None) -> None:
    """Show each server's endpoint and whether the stack started it."""
    settings = settings_of(ctx)
    try:
        statuses = stack.status(settings, services or stack.ALL_SERVICES)
    except StackError as exc:
        raise _fail(exc) from None
    console.print(render_table(statuses))
