"""A real Prometheus scrapes the running pipeline; the numbers come back
through its HTTP API."""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from devstack.runner import wait_drained
from devstack.synthetic import items
from tests.conftest import SEEDS
from tests.integration.pipeline_support import running_workers
from tests.integration.prometheus_support import running_prometheus
from workers.parsers.base import FeedContext
from workers.producer.ingest import Document, ingest
from workers.producer.publisher import Publisher
from workers.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture
def prometheus(settings: Settings, tmp_path: Path) -> Iterator[str]:
    with running_prometheus(settings, tmp_path) as url:
        yield url


def query(url: str, expr: str) -> list[dict[str, Any]]:
    q = urllib.parse.urlencode({"query": expr})
    with urllib.request.urlopen(f"{url}/api/v1/query?{q}", timeout=5) as response:
        body = json.load(response)
    assert body["status"] == "success", body
    result: list[dict[str, Any]] = body["data"]["result"]
    return result


def eventually(url: str, expr: str, timeout: float = 60) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = query(url, expr)
        if result:
            return result
        time.sleep(1)
    raise AssertionError(f"no sample for {expr} within {timeout}s")


def test_prometheus_reads_throughput_and_lag(settings: Settings, prometheus: str) -> None:
    """Two waves, the second sent only once Prometheus holds a sample of the first,
    so the counter rises between two scrapes however fast the workers are."""
    stored_ok = 'newswire_articles_total{stage="store",outcome="ok"}'
    documents = list(items(300, SEEDS, target_bytes=1500))
    ctx = FeedContext(feed_id="scrape", fetched_at=datetime.now(UTC))
    with running_workers(settings) as pipeline:
        for wave in (documents[:150], documents[150:]):
            with Publisher(settings) as publisher:
                for data in wave:
                    ingest(Document(data, ctx, "agency-text"), publisher)
            wait_drained(settings, pipeline, timeout=180)
            eventually(prometheus, f"sum({stored_ok}) > 0")

        stored = eventually(prometheus, f"sum(rate({stored_ok}[1m])) > 0")
        assert float(stored[0]["value"][1]) > 0
        enriched = eventually(prometheus, 'sum(newswire_articles_total{stage="enrich"}) == 300')
        assert float(enriched[0]["value"][1]) == 300

        group = settings.group("store")
        series = f'newswire_consumer_lag{{group="{group}"}}'
        eventually(prometheus, f"count(count by (topic) ({series})) == 2")
        lag = eventually(prometheus, series)
        topics = {series["metric"]["topic"] for series in lag}
        assert topics == {settings.topics.enriched, settings.topics.duplicates}
        latest = eventually(prometheus, f'max(newswire_consumer_lag{{group="{group}"}}) == 0')
        assert float(latest[0]["value"][1]) == 0
