"""Replay rate: N generated articles published once to the raw topic, then the
enrichment and storage workers started on it and timed until everything is
stored, with no producer running (what a replay of a topic from its start
costs). Reports articles/s from the workers' start to the last article stored,
the rate after start-up (from the first article stored), the CPU seconds per
article of each process (`bench.cpu`) and the projected minutes for 1,000,000
articles (start-up, then the rate after it). `--profile enrich|store` samples
that worker with py-spy.

    .venv/bin/python -m bench.bench_replay --count 20000
    NEWSWIRE_DATABASE_URL=postgresql://newswire@127.0.0.1:15432/newswire \\
        .venv/bin/python -m bench.bench_replay --count 20000
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from rich.table import Table

from bench.bench_pipeline import (
    SEEDS,
    Run,
    Stored,
    bench_database,
    bench_settings,
    console,
    drain,
    print_cpu,
    progress_bar,
    publish,
    server_pids,
    start_profile,
    stop_profile,
)
from bench.cpu import tree_seconds, used
from devstack.runner import Pipeline, child_env
from devstack.stack import up
from devstack.synthetic import items
from workers import kafka_clients
from workers.settings import Settings

PROJECTED = 1_000_000


def replay(documents: list[bytes], partitions: int, profile: str | None) -> tuple[Run, float]:
    """One replay; the run, and the seconds from the workers' start to the first
    article stored."""
    count = len(documents)
    with (
        tempfile.TemporaryDirectory() as tmp,
        bench_database(bench_settings(Path(tmp), partitions)) as settings,
        Stored(settings) as stored,
    ):
        kafka_clients.ensure_topics(settings)
        with progress_bar() as progress:
            publish(settings, documents, 0.0, progress, "fill the raw topic")
        pipeline = Pipeline(Path(tmp) / "logs", env=child_env(settings))
        profiler: tuple[subprocess.Popen[bytes], Path] | None = None
        first_stored: float | None = None
        try:
            pipeline.start_workers(settings)
            started = time.monotonic()
            roots = {**{n: p.pid for n, p in pipeline.processes.items()}, **server_pids(settings)}
            cpu_before = tree_seconds(roots)
            if profile is not None:
                profiler = start_profile(pipeline.processes[profile].pid, profile)

            def done(lag: int) -> int:
                nonlocal first_stored
                found = stored.count()
                if found and first_stored is None:
                    first_stored = time.monotonic()
                return found

            with progress_bar() as progress:
                drain(settings, pipeline, count, progress, "replay: stored", done)
            elapsed = time.monotonic() - started
            cpu = used(cpu_before, tree_seconds(roots))
        finally:
            stop_profile(profiler)
            pipeline.stop()
    return Run("replay", count / elapsed, 0.0, elapsed, cpu=cpu), (
        first_stored or started
    ) - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--size", type=int, default=5000, help="bytes per article")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--profile", choices=("enrich", "store"), help="sample this worker with py-spy"
    )
    args = parser.parse_args()

    up(Settings(), services=("kafka", "redis"))
    documents = list(items(args.count, SEEDS, target_bytes=args.size))
    results = [replay(documents, args.partitions, args.profile) for _ in range(args.runs)]

    table = Table(title=f"replay: {args.count} articles of ~{args.size} bytes, no producer")
    columns = ("run", "total s", "start-up s", "articles/s", "after start-up /s", "1M min")
    for column in columns:
        table.add_column(column, justify="right")
    for index, (run, startup) in enumerate(results, 1):
        steady = args.count / (run.total_seconds - startup)
        table.add_row(
            str(index),
            f"{run.total_seconds:.1f}",
            f"{startup:.1f}",
            f"{run.rate:,.0f}",
            f"{steady:,.0f}",
            f"{(startup + PROJECTED / steady) / 60:.1f}",
        )
    console.print(table)
    print_cpu([run for run, _ in results], args.count, "the replay runs")


if __name__ == "__main__":
    main()
