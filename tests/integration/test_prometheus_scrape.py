"""A real Prometheus scrapes the running pipeline; the numbers come back
through its HTTP API."""

from __future__ import annotations

import json
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEEDS, free_port
from tests.integration.pipeline_support import running_workers
from workers.parsers.base import FeedContext
from workers.producer.ingest import Document, ingest
from workers.producer.publisher import Publisher
from workers.runner import wait_drained
from workers.settings import Settings
from workers.stack.packages import ensure_command
from workers.stack.prometheus import prometheus_argv
from workers.synthetic import items

pytestmark = pytest.mark.integration


def scrape_config(settings: Settings) -> str:
    m = settings.metrics
    targets = {"enrich": m.enrich, "store": m.store}
    jobs = "".join(
        f"  - job_name: newswire-{role}\n"
        f"    static_configs:\n      - targets: ['127.0.0.1:{port}']\n"
        for role, port in targets.items()
    )
    return f"global:\n  scrape_interval: 1s\nscrape_configs:\n{jobs}"


@pytest.fixture
def prometheus(settings: Settings, tmp_path: Path) -> Iterator[str]:
    config = tmp_path / "prometheus.yml"
    config.write_text(scrape_config(settings))
    port = free_port()
    binary = ensure_command("prometheus", "prometheus", log_path=tmp_path / "install.log")
    log = (tmp_path / "prometheus.log").open("wb")
    proc = subprocess.Popen(
        prometheus_argv(binary, config, tmp_path / "data", port), stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/-/ready", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise AssertionError(f"Prometheus did not start; see {tmp_path / 'prometheus.log'}")
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


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
    with running_workers(settings) as pipeline:
        with Publisher(settings) as publisher:
            ctx = FeedContext(feed_id="scrape", fetched_at=datetime.now(UTC))
            for data in items(300, SEEDS, target_bytes=1500):
                ingest(Document(data, ctx, "agency-text"), publisher)
        wait_drained(settings, pipeline, timeout=180)

        stored = eventually(
            prometheus, 'sum(rate(newswire_articles_total{stage="store",outcome="ok"}[1m])) > 0'
        )
        assert float(stored[0]["value"][1]) > 0
        enriched = eventually(prometheus, 'sum(newswire_articles_total{stage="enrich"})')
        assert float(enriched[0]["value"][1]) == 300

        group = settings.group("store")
        lag = eventually(prometheus, f'newswire_consumer_lag{{group="{group}"}}')
        topics = {series["metric"]["topic"] for series in lag}
        assert topics == {settings.topics.enriched, settings.topics.duplicates}
        latest = eventually(prometheus, f'max(newswire_consumer_lag{{group="{group}"}}) == 0')
        assert float(latest[0]["value"][1]) == 0
