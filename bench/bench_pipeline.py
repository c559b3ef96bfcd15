"""End to end: N generated articles through producer, enrichment and storage
worker processes on the local stack; articles/s and produce-to-stored latency,
beside the framework floor measured in the same run (the same topology with
workers that do nothing, `bench.floor`), runs alternating, and the pipeline's
rate as a ratio of the floor's. For each process of a pipeline run (the
workers, the producer's publishing, the Kafka broker, Redis, PostgreSQL when it
is the store) the CPU seconds it used per article, from the workers' start to
the last article stored. `--profile enrich|store` samples that worker with
py-spy and writes the profile (speedscope JSON) under `bench/results/`.
`--warmup N` sends N more articles first and leaves them out of every figure:
the latency of a paced run is then the running pipeline's, not its first
articles' (a worker's first batch waits on its first fetches).

    .venv/bin/python -m bench.bench_pipeline --count 10000 --runs 3
    .venv/bin/python -m bench.bench_pipeline --count 10000 --runs 1 --profile store
    .venv/bin/python -m bench.bench_pipeline --count 3000 --rate 100 --warmup 50 --no-floor
"""

from __future__ import annotations

import argparse
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo
from pydantic import SecretStr
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
from rich.table import Table

from bench.cpu import tree_seconds, used
from devstack.runner import Pipeline, child_env, pipeline_lag
from devstack.stack import up
from devstack.stack.paths import pid_path
from devstack.synthetic import items
from workers import kafka_clients
from workers.parsers.base import FeedContext
from workers.producer.ingest import Document, ingest
from workers.producer.publisher import Publisher
from workers.settings import MetricsPorts, Settings, TopicSettings
from workers.storage.factory import open_database

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
RESULTS = ROOT / "bench" / "results"
SERVERS = ("kafka", "redis")
JOIN_SECONDS = 8.0
"""Time given to the workers to join their groups and get their partitions."""
console = Console()


def bench_settings(run_dir: Path, partitions: int) -> Settings:
    tag = uuid.uuid4().hex[:8]
    base = Settings()
    return base.model_copy(
        update={
            "topics": TopicSettings(prefix=f"bench{tag}.", partitions=partitions),
            "consumer_group_prefix": f"bench{tag}",
            "redis_prefix": f"bench:{tag}:",
            "sqlite_path": run_dir / "bench.db",
            "data_dir": run_dir / "data",
            "metrics": MetricsPorts(
                produce=19201, enrich=19202, store=19203, enrich_web=19204, store_web=19205
            ),
            "stack": base.stack.model_copy(update={"run_dir": run_dir}),
        }
    )


@contextmanager
def bench_database(settings: Settings) -> Iterator[Settings]:
    """`settings` with a database of the run's own: the SQLite file of its
    directory, or, when NEWSWIRE_DATABASE_URL names a PostgreSQL, a fresh schema
    dropped afterwards."""
    if settings.database_url is None:
        yield settings
        return
    url = settings.database_url.get_secret_value()
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    dsn = make_conninfo(url, options=f"-c search_path={schema}")
    try:
        yield settings.model_copy(update={"database_url": SecretStr(dsn)})
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


class Stored:
    """Counts and latencies of what the run's store holds, over one connection."""

    def __init__(self, settings: Settings) -> None:
        self._store = open_database(settings)

    def __enter__(self) -> Stored:
        return self

    def __exit__(self, *exc: object) -> None:
        self._store.close()

    def count(self) -> int:
        return self._store.counts().articles

    def latencies(self, since: datetime) -> list[float]:
        """Seconds from fetch to store of every article fetched from `since` on."""
        with self._store._reader() as cur:
            cur.execute("SELECT fetched_at, stored_at FROM articles")
            rows = cur.fetchall()
        times = [
            (self._store._from_db_time(fetched), self._store._from_db_time(stored))
            for fetched, stored in rows
        ]
        return [(stored - fetched).total_seconds() for fetched, stored in times if fetched >= since]


def quantile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1]


def publish(
    settings: Settings, documents: list[bytes], rate: float, progress: Progress, what: str
) -> tuple[float, float]:
    """Publish `documents` to the raw topic (at `rate` per second, 0: at once);
    the seconds it took and the CPU seconds of this process meanwhile."""
    cpu_before = process_seconds()
    started = time.monotonic()
    task = progress.add_task(what, total=len(documents))
    with Publisher(settings) as publisher:
        for index, data in enumerate(documents):
            if rate:
                time.sleep(max(0.0, started + index / rate - time.monotonic()))
            ctx = FeedContext(feed_id="bench", fetched_at=datetime.now(UTC))
            ingest(Document(data, ctx, "agency-text"), publisher)
            progress.advance(task)
        publisher.flush()
    return time.monotonic() - started, process_seconds() - cpu_before


def drain(
    settings: Settings,
    pipeline: Pipeline,
    count: int,
    progress: Progress,
    what: str,
    done: Callable[[int], int],
) -> None:
    """Until `done(lag)` reaches `count` and the pipeline's groups have no lag."""
    task = progress.add_task(what, total=count)
    while True:
        pipeline.check_alive()
        lag = pipeline_lag(settings)
        finished = done(lag)
        progress.update(task, completed=min(finished, count))
        if finished >= count and lag == 0:
            return
        time.sleep(0.2)


def progress_bar() -> Progress:
    return Progress("{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())


@dataclass(frozen=True)
class Run:
    kind: str
    rate: float
    produce_seconds: float
    total_seconds: float
    p50: float | None = None
    p99: float | None = None
    cpu: dict[str, float] | None = None
    """CPU seconds per process over the run."""


def server_pids(settings: Settings) -> dict[str, int]:
    """The local stack's servers the run uses (PostgreSQL when it is the store), by name."""
    pids = {}
    for service in (*SERVERS, *(("postgres",) if settings.database_url else ())):
        path = pid_path(Settings(), service)
        if path.exists():
            pids[service] = int(path.read_text().split()[0])
    return pids


def start_profile(pid: int, role: str) -> tuple[subprocess.Popen[bytes], Path]:
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"profile-{role}-{time.strftime('%Y%m%dT%H%M%S')}.speedscope.json"
    argv = [
        str(Path(sys.executable).with_name("py-spy")), "record", "--pid", str(pid),
        "--format", "speedscope", "--output", str(out), "--rate", "200", "--nonblocking",
    ]  # fmt: skip
    return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), out


def start_pipeline(pipeline: Pipeline, settings: Settings) -> None:
    pipeline.start_workers(settings)


def start_floor(pipeline: Pipeline, settings: Settings) -> None:
    for role in ("relay", "sink"):
        pipeline.start_process(role, [sys.executable, "-m", "bench.floor", role])


def measure(
    kind: str,
    documents: list[bytes],
    partitions: int,
    rate: float,
    start: Callable[[Pipeline, Settings], None],
    profile: str | None = None,
    warmup: list[bytes] | None = None,
) -> Run:
    """One run. `warmup`: articles sent and drained first, outside every figure, so
    that the latency is the running pipeline's and not its first articles' (a
    worker's first batch waits on its first fetches)."""
    with (
        tempfile.TemporaryDirectory() as tmp,
        bench_database(bench_settings(Path(tmp), partitions)) as settings,
        Stored(settings) as stored,
    ):
        kafka_clients.ensure_topics(settings)
        pipeline = Pipeline(Path(tmp) / "logs", env=child_env(settings))
        start(pipeline, settings)
        count = len(documents)
        profiler: tuple[subprocess.Popen[bytes], Path] | None = None
        warm = len(warmup or [])
        try:
            time.sleep(JOIN_SECONDS)
            if warmup:
                with progress_bar() as progress:
                    publish(settings, warmup, 0, progress, f"{kind}: warm-up")
                    drain(
                        settings,
                        pipeline,
                        warm,
                        progress,
                        f"{kind}: warm-up drained",
                        lambda lag: stored.count() if kind == "pipeline" else warm - lag,
                    )
            since = datetime.now(UTC)
            roots = {**{n: p.pid for n, p in pipeline.processes.items()}, **server_pids(settings)}
            cpu_before = tree_seconds(roots)
            if profile is not None and kind == "pipeline":
                profiler = start_profile(pipeline.processes[profile].pid, profile)
            started = time.monotonic()
            with progress_bar() as progress:
                produced, producer_seconds = publish(
                    settings, documents, rate, progress, f"{kind}: produce"
                )

                def done(lag: int) -> int:
                    return stored.count() - warm if kind == "pipeline" else count - lag

                drain(settings, pipeline, count, progress, f"{kind}: drained", done)
            elapsed = time.monotonic() - started
            cpu = {**used(cpu_before, tree_seconds(roots)), "producer": producer_seconds}
        finally:
            stop_profile(profiler)
            pipeline.stop()
        if kind != "pipeline":
            return Run(kind, count / elapsed, produced, elapsed)
        lat = stored.latencies(since)
        return Run(
            kind,
            count / elapsed,
            produced,
            elapsed,
            quantile(lat, 0.5),
            quantile(lat, 0.99),
            cpu,
        )


def stop_profile(profiler: tuple[subprocess.Popen[bytes], Path] | None) -> None:
    if profiler is not None:
        profiler[0].send_signal(signal.SIGINT)
        profiler[0].wait(timeout=60)
        console.print(f"profile: {profiler[1]}")


def process_seconds() -> float:
    """CPU seconds of this process (the producer's publishing)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--size", type=int, default=5000, help="bytes per article")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--runs", type=int, default=1, help="runs of each, alternating")
    parser.add_argument(
        "--no-floor", action="store_true", help="measure the pipeline alone, no framework floor"
    )
    parser.add_argument(
        "--rate", type=float, default=0.0, help="articles/s to produce at (0: as fast as possible)"
    )
    parser.add_argument(
        "--profile", choices=("enrich", "store"), help="sample this worker with py-spy"
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=0,
        help="articles sent and drained before each run, outside its figures",
    )
    args = parser.parse_args()

    up(Settings(), services=("kafka", "redis"))
    # the warm-up articles follow the measured ones: the same measured articles
    # whatever the warm-up, and none of theirs shares a uri with them
    generated = list(items(args.count + args.warmup, SEEDS, target_bytes=args.size))
    documents, warmup = generated[: args.count], generated[args.count :]
    runs: list[Run] = []
    for _ in range(args.runs):
        runs.append(
            measure(
                "pipeline",
                documents,
                args.partitions,
                args.rate,
                start_pipeline,
                args.profile,
                warmup,
            )
        )
        if not args.no_floor:
            runs.append(
                measure("floor", documents, args.partitions, args.rate, start_floor, None, warmup)
            )

    pace = f" at {args.rate:g}/s" if args.rate else ""
    table = Table(title=f"pipeline end to end: {args.count} articles of ~{args.size} bytes{pace}")
    for column in ("run", "articles/s", "produce s", "total s", "p50 latency s", "p99 latency s"):
        table.add_column(column, justify="right")
    for run in runs:
        table.add_row(
            run.kind,
            f"{run.rate:,.0f}",
            f"{run.produce_seconds:.1f}",
            f"{run.total_seconds:.1f}",
            "-" if run.p50 is None else f"{run.p50:.2f}",
            "-" if run.p99 is None else f"{run.p99:.2f}",
        )
    console.print(table)
    print_cpu([r for r in runs if r.cpu is not None], args.count)
    pipeline_rates = [r.rate for r in runs if r.kind == "pipeline"]
    floor_rates = [r.rate for r in runs if r.kind == "floor"]
    console.print(f"pipeline median {statistics.median(pipeline_rates):,.0f} articles/s")
    if floor_rates:
        ratios = [p / f for p, f in zip(pipeline_rates, floor_rates, strict=True)]
        pairs = ", ".join(f"{r:.2f}" for r in ratios)
        console.print(
            f"floor median {statistics.median(floor_rates):,.0f} messages/s; pipeline / floor "
            f"per pair {pairs}, median {statistics.median(ratios):.2f}"
        )


def print_cpu(runs: list[Run], count: int, title: str = "the pipeline runs") -> None:
    """Median CPU per article of each process over `runs`."""
    if not runs:
        return
    table = Table(title=f"CPU per article, median of {title}")
    for column in ("process", "CPU s", "ms per article"):
        table.add_column(column, justify="right")
    names = sorted({name for run in runs for name in run.cpu or {}})
    total = 0.0
    for name in names:
        seconds = statistics.median((run.cpu or {}).get(name, 0.0) for run in runs)
        total += seconds
        table.add_row(name, f"{seconds:.1f}", f"{seconds / count * 1000:.2f}")
    table.add_row("all", f"{total:.1f}", f"{total / count * 1000:.2f}")
    console.print(table)


if __name__ == "__main__":
    main()
