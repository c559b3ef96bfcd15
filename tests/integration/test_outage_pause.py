"""A stage whose dependency is down pauses, shows it, commits nothing it has not
written even when stopped meanwhile, and resumes by itself (on a Redis of its own)."""

from __future__ import annotations

import signal
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from devstack.runner import wait_drained
from devstack.synthetic import item, vocabulary
from tests.conftest import SEEDS
from tests.faults.servers import isolated_settings, private_servers
from tests.integration.pipeline_support import running_workers, wait_for
from workers import kafka_clients
from workers.kafka_clients import admin_client
from workers.kafka_offsets import group_lag
from workers.parsers.base import FeedContext
from workers.producer.ingest import Document, ingest
from workers.producer.publisher import Publisher
from workers.settings import Settings
from workers.storage.factory import open_store

pytestmark = pytest.mark.integration


def publish(settings: Settings, first: int, count: int) -> None:
    import random

    rng = random.Random(first)
    words = vocabulary(SEEDS)
    with Publisher(settings) as publisher:
        ctx = FeedContext(feed_id="pause", fetched_at=datetime.now(UTC))
        for index in range(first, first + count):
            ingest(Document(item(index, words, rng, 1500), ctx, "agency-text"), publisher)


def gauge(settings: Settings, name: str, **labels: str) -> float | None:
    url = f"http://127.0.0.1:{settings.metrics.enrich}/metrics"
    with urllib.request.urlopen(url, timeout=5) as response:
        text = response.read().decode()
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                return sample.value
    return None


def enrich_lag(settings: Settings) -> int:
    with admin_client(settings) as admin:
        return sum(group_lag(admin, settings.group("enrich"), [settings.topics.raw]).values())


def test_a_stage_stopped_while_paused_commits_nothing_and_resumes_when_redis_is_back(
    stack: Settings, tmp_path: Path
) -> None:
    with (
        private_servers(stack, ["redis"]) as servers,
        isolated_settings(stack, tmp_path, servers=servers) as settings,
    ):
        assert servers.redis is not None
        kafka_clients.ensure_topics(settings)
        store = open_store(settings, cached=False)
        with running_workers(settings) as pipeline:
            publish(settings, 0, 40)
            wait_for(lambda: store.counts().articles == 40, 120, "the first 40", pipeline.log_dir)

            servers.redis.kill()
            publish(settings, 40, 30)
            wait_for(
                lambda: gauge(settings, "newswire_stage_paused", stage="enrich") == 1,
                60,
                "enrichment to pause",
                pipeline.log_dir,
            )
            assert (
                gauge(settings, "newswire_dependency_up", stage="enrich", dependency="redis") == 0
            )
            assert gauge(
                settings, "newswire_dlq_total", stage="enrich", error_type="transient"
            ) in (
                None,
                0,
            )
            enrich = pipeline.processes["enrich"]
            enrich.send_signal(signal.SIGTERM)
            assert enrich.wait(60) is not None
            assert store.counts().articles == 40
            assert enrich_lag(settings) == 30, "nothing of the paused batch was committed"

            servers.redis.restart()
            pipeline.start("enrich", "worker", "enrich")
            wait_drained(settings, pipeline, timeout=180)
            wait_for(
                lambda: gauge(settings, "newswire_stage_paused", stage="enrich") == 0,
                30,
                "enrichment to run",
                pipeline.log_dir,
            )
        assert store.counts().articles == 70
        assert enrich_lag(settings) == 0
        store.close()
