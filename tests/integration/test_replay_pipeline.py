"""Replaying `articles.raw` through enrichment and storage after the enrichment
changed: new tags everywhere, and the same articles, aliases and versions."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from devstack.runner import child_env, newswire_command, wait_drained
from devstack.synthetic import items
from tests.conftest import SEEDS
from tests.integration.pipeline_support import running_workers
from workers.models import EnrichedArticle
from workers.parsers.article_builder import stable_uri
from workers.parsers.base import FeedContext
from workers.producer.ingest import Document, ingest
from workers.producer.oneshot import produce_paths
from workers.producer.publisher import Publisher
from workers.settings import Settings
from workers.storage.factory import open_store

pytestmark = pytest.mark.integration

ELDERS = "organisation:arab-tribal-elders"
EXTRA_GAZETTEER = """
[[entity]]
id = "organisation:arab-tribal-elders"
type = "organisation"
ar = ["شيوخ العشائر العربية"]
en = ["Arab tribal elders"]
fr = ["chefs de tribus arabes"]
"""
MENTIONING = (
    "urn:newswire:seeds:en-raqqa-evacuation-20171014",
    stable_uri("seeds", None, "000_cc6b534295ab8a14.txt", ""),
    stable_uri("seeds", None, "002_fr_raqqa_evacuation.txt", ""),
)


def organisations(article: EnrichedArticle | None) -> set[str]:
    assert article is not None
    return {tag.id for tag in article.organisation}


def replay(settings: Settings, *args: str) -> str:
    command = newswire_command(
        "replay", "--topic", settings.topics.raw, "--group", settings.group("enrich"), *args
    )
    done = subprocess.run(command, env=child_env(settings), capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def enrich_count(settings: Settings) -> float:
    url = f"http://127.0.0.1:{settings.metrics.enrich}/metrics"
    with urllib.request.urlopen(url, timeout=5) as response:
        text = response.read().decode()
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        if family.name == "newswire_articles"
        for sample in family.samples
        if sample.name == "newswire_articles_total" and sample.labels["stage"] == "enrich"
    )


def test_replay_from_earliest_retags_without_changing_counts(
    settings: Settings, tmp_path: Path
) -> None:
    with running_workers(settings) as pipeline:
        produce_paths(settings, sorted(SEEDS.glob("*.txt")), feed_id="seeds")
        wait_drained(settings, pipeline, timeout=180)
    store = open_store(settings, cached=False)
    before = store.counts()
    assert all(ELDERS not in organisations(store.get(uri)) for uri in MENTIONING)

    extra = tmp_path / "extra-gazetteer.toml"
    extra.write_text(EXTRA_GAZETTEER, encoding="utf-8")
    changed = settings.model_copy(update={"gazetteer_path": extra})
    replay(changed, "--to-earliest", "--no-wait")
    with running_workers(changed) as pipeline:
        wait_drained(changed, pipeline, timeout=180)

    assert store.counts() == before
    for uri in MENTIONING:
        assert ELDERS in organisations(store.get(uri)), uri
    store.close()


def test_replay_from_a_timestamp_reprocesses_exactly_the_later_messages(
    settings: Settings,
) -> None:
    documents = list(items(30, SEEDS, target_bytes=1200))
    with running_workers(settings) as pipeline:
        with Publisher(settings) as publisher:
            for data in documents[:20]:
                ctx = FeedContext(feed_id="early", fetched_at=datetime.now(UTC))
                ingest(Document(data, ctx, "agency-text"), publisher)
        time.sleep(1.5)
        cut = datetime.now(UTC)
        time.sleep(1.5)
        with Publisher(settings) as publisher:
            for data in documents[20:]:
                ctx = FeedContext(feed_id="late", fetched_at=datetime.now(UTC))
                ingest(Document(data, ctx, "agency-text"), publisher)
        wait_drained(settings, pipeline, timeout=180)

    plan = replay(settings, "--to-datetime", cut.isoformat(), "--dry-run")
    assert "10" in plan
    replay(settings, "--to-datetime", cut.isoformat(), "--no-wait")
    with running_workers(settings, roles=("enrich",)) as pipeline:
        wait_drained(settings, pipeline, timeout=180)
        deadline = time.monotonic() + 30
        while enrich_count(settings) < 10 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert enrich_count(settings) == 10
