"""The whole pipeline on the real stack: producer, enrichment and storage
workers as separate processes, over the seeds and over generated items."""

from __future__ import annotations

import signal
from datetime import UTC, datetime

import pytest

from devstack.runner import pipeline_lag, wait_drained
from devstack.synthetic import items
from tests.conftest import SEEDS
from tests.integration.pipeline_support import dead_letters, running_workers, wait_for
from workers import kafka_clients
from workers.parsers.article_builder import stable_uri
from workers.parsers.base import FeedContext
from workers.producer.ingest import Document, ingest
from workers.producer.oneshot import produce_paths
from workers.producer.publisher import Publisher
from workers.settings import Settings
from workers.storage.factory import open_store

pytestmark = pytest.mark.integration

AGENCY_TEXT_SEEDS = sorted(SEEDS.glob("*.txt"))

SEED_URI = stable_uri("seeds", None, "000_cc6b534295ab8a14.txt", "")
COPY_URI = stable_uri("seeds", None, "006_copy_of_000.txt", "")
DIACRITICS_URI = stable_uri("seeds", None, "007_ar_damascus_diacritics.txt", "")
DAMASCUS_URI = "urn:newswire:seeds:ar-damascus-electricity-20171016"
UPDATED_URI = "urn:newswire:seeds:en-raqqa-evacuation-20171014"


def test_seeds_flow_through_once(settings: Settings) -> None:
    with running_workers(settings) as pipeline:
        first = produce_paths(settings, AGENCY_TEXT_SEEDS, feed_id="seeds")
        assert (first.published, first.dead_lettered, first.failed) == (11, 1, 0)
        wait_drained(settings, pipeline, timeout=180)

        store = open_store(settings, cached=False)
        counts = store.counts()
        assert (counts.articles, counts.versions, counts.aliases) == (8, 11, 2)

        seed = store.get(SEED_URI)
        assert seed is not None and seed.uri == SEED_URI
        assert seed.language == "ar"
        assert seed.dateline is not None
        assert (seed.dateline.place, seed.dateline.agency) == ("عواصم", "وكالات")
        assert [entry.stage for entry in seed.lineage] == ["enrich", "store"]

        copy = store.get(COPY_URI)
        assert copy is not None and copy.uri == SEED_URI, "the exact copy must resolve to the seed"
        own = store.get(COPY_URI, own=True)
        assert own is not None and own.uri == COPY_URI, "the copy keeps its own text"
        diacritics = store.get(DIACRITICS_URI)
        assert diacritics is not None and diacritics.uri == DAMASCUS_URI

        updated = store.get(UPDATED_URI)
        assert updated is not None and updated.version == 2
        assert updated.headline.startswith("UPDATE 1")

        letters = dead_letters(settings)
        assert len(letters) == 1
        assert letters[0].stage == "produce" and letters[0].error_type == "encoding"
        assert "UTF-8" in letters[0].reason
        assert letters[0].key == "009_malformed_invalid_utf8.txt"

        again = produce_paths(settings, AGENCY_TEXT_SEEDS, feed_id="seeds")
        assert again.published == 11
        wait_drained(settings, pipeline, timeout=180)
        assert store.counts() == counts, "a second pass over the same seeds stores nothing new"
        assert len(dead_letters(settings)) == 2
        store.close()


def test_storage_worker_killed_mid_stream_loses_and_duplicates_nothing(settings: Settings) -> None:
    total = 600
    # small batches, watched closely: the kill lands while most articles are still to
    # be stored, however fast the store drains a backlog
    settings = settings.model_copy(update={"store_batch_size": 20})
    with running_workers(settings) as pipeline:
        with Publisher(settings) as publisher:
            ctx = FeedContext(feed_id="synthetic", fetched_at=datetime.now(UTC))
            for data in items(total, SEEDS, target_bytes=2000):
                ingest(Document(data, ctx, "agency-text"), publisher)
        store = open_store(settings, cached=False)
        wait_for(
            lambda: store.counts().articles >= 50,
            timeout=120,
            what="the first stored articles",
            logs=pipeline.log_dir,
            every=0.01,
        )
        killed = pipeline.processes["store"]
        killed.send_signal(signal.SIGKILL)
        killed.wait()
        assert store.counts().articles < total, "the kill must happen mid-stream"
        pipeline.start("store", "worker", "store")
        wait_drained(settings, pipeline, timeout=240)
        counts = store.counts()
        assert (counts.articles, counts.versions, counts.aliases) == (total, total, 0)
        assert pipeline_lag(settings) == 0
        store.close()


def test_bad_messages_on_the_raw_topic_are_dead_lettered_and_the_stream_flows(
    settings: Settings,
) -> None:
    kafka_clients.ensure_topics(settings)
    producer = kafka_clients.producer(settings)
    bad = {
        b"not-utf8": b'{"schema": "newswire.article/1", "uri": "\xff"}',
        b"not-json": b"{this is not json",
        b"schema": b'{"schema": "newswire.article/1", "uri": "u"}',
    }
    for key, value in bad.items():
        producer.send(settings.topics.raw, key=key, value=value)
    producer.flush()
    producer.close()
    with running_workers(settings) as pipeline:
        produce_paths(settings, [SEEDS / "003_en_markets.txt"], feed_id="seeds")
        wait_drained(settings, pipeline, timeout=180)
    store = open_store(settings, cached=False)
    assert store.counts().articles == 1
    store.close()
    letters = {letter.key: letter for letter in dead_letters(settings)}
    assert {k: (v.stage, v.error_type) for k, v in letters.items()} == {
        "not-utf8": ("enrich", "encoding"),
        "not-json": ("enrich", "parse"),
        "schema": ("enrich", "schema"),
    }
    assert letters["schema"].original_topic == settings.topics.raw
    assert "headline" in letters["schema"].reason or "required" in letters["schema"].reason
