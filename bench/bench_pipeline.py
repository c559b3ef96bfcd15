"""End to end: N generated articles through producer, enrichment and storage
worker processes on the local stack; articles/s and produce-to-stored latency.

    .venv/bin/python -m bench.bench_pipeline --count 5000
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
from rich.table import Table

from workers import kafka_clients
from workers.parsers.base import FeedContext
from workers.producer.ingest import Document, ingest
from workers.producer.publisher import Publisher
from workers.runner import Pipeline, child_env, pipeline_lag
from workers.settings import MetricsPorts, Settings, TopicSettings
from workers.stack import up
from workers.synthetic import items

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
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
            "metrics": MetricsPorts(
                produce=19201, enrich=19202, store=19203, enrich_web=19204, store_web=19205
            ),
            "stack": base.stack.model_copy(update={"run_dir": run_dir}),
        }
    )


def latencies(db: Path) -> list[float]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT fetched_at, stored_at FROM articles").fetchall()
    return [
        (datetime.fromisoformat(stored) - datetime.fromisoformat(fetched)).total_seconds()
        for fetched, stored in rows
    ]


def quantile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--size", type=int, default=5000, help="bytes per article")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument(
        "--rate", type=float, default=0.0, help="articles/s to produce at (0: as fast as possible)"
    )
    args = parser.parse_args()

    up(Settings(), services=("kafka", "redis"))
    with tempfile.TemporaryDirectory() as tmp:
        settings = bench_settings(Path(tmp), args.partitions)
        kafka_clients.ensure_topics(settings)
        documents = list(items(args.count, SEEDS, target_bytes=args.size))
        pipeline = Pipeline(Path(tmp) / "logs", env=child_env(settings))
        pipeline.start_workers()
        try:
            time.sleep(8)  # group join and partition assignment
            started = time.monotonic()
            with (
                Publisher(settings) as publisher,
                Progress(
                    "{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()
                ) as progress,
            ):
                task = progress.add_task("produce", total=args.count)
                for index, data in enumerate(documents):
                    if args.rate:
                        time.sleep(max(0.0, started + index / args.rate - time.monotonic()))
                    ctx = FeedContext(feed_id="bench", fetched_at=datetime.now(UTC))
                    ingest(Document(data, ctx, "agency-text"), publisher)
                    progress.advance(task)
                publisher.flush()
                produced = time.monotonic() - started
                drain = progress.add_task("stored", total=args.count)
                while True:
                    pipeline.check_alive()
                    with sqlite3.connect(settings.sqlite_path) as conn:
                        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                    progress.update(drain, completed=stored)
                    if stored >= args.count and pipeline_lag(settings) == 0:
                        break
                    time.sleep(0.2)
            elapsed = time.monotonic() - started
        finally:
            pipeline.stop()
        lat = latencies(settings.sqlite_path)

    pace = f" at {args.rate:g}/s" if args.rate else ""
    table = Table(title=f"pipeline end to end: {args.count} articles of ~{args.size} bytes{pace}")
    for column in ("articles/s", "produce s", "total s", "p50 latency s", "p99 latency s"):
        table.add_column(column, justify="right")
    table.add_row(
        f"{args.count / elapsed:,.0f}",
        f"{produced:.1f}",
        f"{elapsed:.1f}",
        f"{quantile(lat, 0.5):.2f}",
        f"{quantile(lat, 0.99):.2f}",
    )
    console.print(table)


if __name__ == "__main__":
    main()
