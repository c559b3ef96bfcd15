"""`python -m devstack stack up|down|status|certs`."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from workers.cli.context import settings_of
from workers.settings import Settings

if TYPE_CHECKING:
    from devstack.stack import ServiceStatus, StackError

app = typer.Typer(
    help="Run Kafka, Redis, PostgreSQL and Prometheus locally, on loopback.",
    no_args_is_help=True,
)

console = Console()
errors = Console(stderr=True)

SERVICE_NAMES = ("kafka", "redis", "postgres", "prometheus")
"""`devstack.stack.ALL_SERVICES`, written out so that building the help imports no server client."""

ServicesArg = Annotated[
    list[str] | None,
    typer.Argument(
        help=f"Services among: {', '.join(SERVICE_NAMES)}.",
        show_default=False,
    ),
]


def render_table(statuses: Sequence[ServiceStatus], title: str = "local stack") -> Table:
    from devstack.stack import ServiceState

    styles = {
        ServiceState.OWNED: "green",
        ServiceState.EXTERNAL: "cyan",
        ServiceState.STARTING: "yellow",
        ServiceState.DOWN: "red",
    }
    table = Table(title=title)
    table.add_column("service")
    table.add_column("endpoint")
    table.add_column("state")
    table.add_column("pid", justify="right")
    for st in statuses:
        style = styles[st.state]
        pid = str(st.pid) if st.pid is not None else "-"
        table.add_row(st.name, str(st.endpoint), f"[{style}]{st.state}[/]", pid)
    return table


SecureOpt = Annotated[
    bool,
    typer.Option(
        "--secure",
        help="Also the secured listeners: Kafka SASL_SSL, SSL and SASL_PLAINTEXT, Redis TLS "
        "with an ACL user, PostgreSQL TLS (same as NEWSWIRE_STACK__SECURE=true).",
    ),
]


def _secured(settings: Settings, flag: bool) -> Settings:
    if not flag or settings.stack.secure:
        return settings
    return settings.model_copy(update={"stack": settings.stack.model_copy(update={"secure": True})})


def render_secured(settings: Settings, services: Sequence[str]) -> Table:
    from devstack.stack import secure
    from devstack.stack.process import reachable

    table = Table(title="secured listeners")
    table.add_column("service")
    table.add_column("endpoint")
    table.add_column("access")
    table.add_column("state")
    for point in secure.endpoints(settings):
        if point.service not in services:
            continue
        up = reachable(point.endpoint)
        state = "[green]answering[/]" if up else "[red]down[/]"
        table.add_row(point.service, str(point.endpoint), point.what, state)
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
    secured: SecureOpt = False,
) -> None:
    """Start whatever is not already reachable (Kafka and Redis by default; with
    --secure, PostgreSQL too)."""
    from devstack import stack
    from devstack.stack import StackError, secure

    settings = _secured(settings_of(ctx), secured)
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
    if settings.stack.secure:
        console.print(render_secured(settings, chosen))
        console.print(
            f"client settings (with the password) in {secure.env_file(settings)}; load them "
            f"with: set -a; . {secure.env_file(settings)}; set +a",
            highlight=False,
            soft_wrap=True,
        )


@app.command()
def down(ctx: typer.Context, services: ServicesArg = None) -> None:
    """Stop the servers that `up` started; servers it found running are left alone."""
    from devstack import stack
    from devstack.stack import StackError

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
def status(ctx: typer.Context, services: ServicesArg = None, secured: SecureOpt = False) -> None:
    """Show each server's endpoint and whether the stack started it."""
    from devstack import stack
    from devstack.stack import StackError

    settings = _secured(settings_of(ctx), secured)
    chosen = services or stack.ALL_SERVICES
    try:
        statuses = stack.status(settings, chosen)
    except StackError as exc:
        raise _fail(exc) from None
    console.print(render_table(statuses))
    if settings.stack.secure:
        console.print(render_secured(settings, chosen))


@app.command()
def certs(
    directory: Annotated[Path, typer.Argument(help="Where to write the PEM files.")],
    name: Annotated[
        list[str] | None,
        typer.Option(help="A host name the server certificate must hold (repeatable)."),
    ] = None,
) -> None:
    """Write a throwaway CA, a server certificate (loopback and --name hosts) and a
    client certificate, as `stack up --secure` does, e.g. for docker-compose.yml."""
    from devstack.stack.certs import ensure_certificates

    files = ensure_certificates(directory, names=tuple(name or ()))
    for path in files.all():
        console.print(str(path), highlight=False)
