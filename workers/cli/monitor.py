"""`newswire stats` and `newswire top`: throughput, paused stages, lag, duplicate
ratio and dead-letter rate, once or live."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.live import Live

from workers.cli.context import settings_of
from workers.cli.kafka_command import err_console, one_line_errors
from workers.errors import NewswireError
from workers.replay.plan import PlanError
from workers.settings import Settings

if TYPE_CHECKING:
    from workers.monitoring import stats as pipeline_stats

console = Console()


def _targets(settings: Settings, host: str, target: list[str] | None) -> dict[str, str]:
    from workers.monitoring import stats as pipeline_stats

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

    from workers import kafka_clients, kafka_offsets
    from workers.monitoring import stats as pipeline_stats

    snapshot = pipeline_stats.scrape(targets)
    try:
        with kafka_clients.admin_client(settings, "newswire-stats") as admin:
            snapshot.dead_letters = kafka_offsets.topic_size(admin, settings.topics.dlq)
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
    from workers.monitoring import stats as pipeline_stats

    settings = settings_of(ctx)
    with one_line_errors():
        targets = _targets(settings, host, target)
    first = _scrape(settings, targets)
    if not any(first.up.values()):
        err_console.print(
            "[red]error:[/red] no pipeline process answers on "
            + ", ".join(targets.values())
            + ": start them (`newswire worker ...`; in a checkout, `python -m devstack run`) "
            "or pass --host/--target"
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
    from workers.monitoring import stats as pipeline_stats

    settings = settings_of(ctx)
    with one_line_errors():
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
    app.command("stats")(stats)
    app.command("top")(top)
