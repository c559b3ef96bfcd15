"""Every process's `/metrics` passes `promtool check metrics`, and publishes the
contract's labelled counters before the first event."""

from __future__ import annotations

import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest
from pydantic import SecretStr

from devstack.runner import wait_drained
from tests.conftest import free_port
from tests.integration.api_support import serving
from tests.integration.pipeline_support import running_workers, wait_for
from workers import kafka_clients
from workers.producer.oneshot import produce_paths
from workers.settings import Settings

pytestmark = pytest.mark.integration

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def scrape(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            text: str = response.read().decode()
            return text
    except OSError:
        return None


def promtool_problems(text: str) -> str:
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.fail("promtool is missing: install Debian's prometheus package")
    checked = subprocess.run(
        [promtool, "check", "metrics"], input=text, capture_output=True, text=True, check=False
    )
    return "" if checked.returncode == 0 else checked.stdout + checked.stderr


def test_every_process_serves_metrics_promtool_accepts(settings: Settings, tmp_path: Path) -> None:
    pushing = settings.model_copy(
        update={"push_token": SecretStr("t0ken"), "listen_port": free_port()}
    )
    kafka_clients.ensure_topics(pushing)
    with running_workers(pushing) as pipeline:
        producer = pipeline.start("produce", "produce", "--listen")
        ports = {
            "produce": pushing.metrics.produce,
            "enrich": pushing.metrics.enrich,
            "store": pushing.metrics.store,
        }
        for name, port in ports.items():
            url = f"http://127.0.0.1:{port}/metrics"
            wait_for(
                lambda url=url: scrape(url) is not None, 90, f"{name} /metrics", pipeline.log_dir
            )
        before = {
            name: scrape(f"http://127.0.0.1:{port}/metrics") or "" for name, port in ports.items()
        }
        assert 'newswire_dlq_total{error_type="schema",stage="enrich"} 0.0' in before["enrich"]
        assert 'newswire_articles_total{outcome="ok",stage="store"} 0.0' in before["store"]
        produce_paths(pushing, [SEEDS / "003_en_markets.txt"], feed_id="seeds")
        wait_drained(pushing, pipeline, timeout=120)
        texts = {
            name: scrape(f"http://127.0.0.1:{port}/metrics") or "" for name, port in ports.items()
        }
        assert producer.poll() is None
    with serving(pushing) as base:
        texts["serve"] = scrape(f"{base}/metrics") or ""
    assert 'newswire_cache_requests_total{cache="article",result="hit"}' in texts["serve"]
    assert 'newswire_faust_events_total{stage="enrich"' in texts["enrich"]
    problems = {name: promtool_problems(text) for name, text in texts.items()}
    assert problems == dict.fromkeys(texts, ""), problems
