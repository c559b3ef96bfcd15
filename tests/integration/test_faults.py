"""The pipeline under production faults loses nothing and decides nothing by timing.

Each test runs one scenario of tests/faults/harness.py on a corpus of about 500
wire items (an eighth of the benchmark's, with every kind of invalid item): the
real worker processes, a fault injected mid-stream, the final storage read with
plain SQL and compared with the corpus' ground truth. Servers a test kills are
private ones (own ports and files); the rest is the shared local stack. A server
that cannot be started fails the test, never skips it. Outages are short here
(6 s); `python -m bench.bench_faults` runs the same scenarios at full size with
30 s outages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.faults.corpus import INVALID_KINDS, Corpus, CorpusSpec, generate
from tests.faults.harness import BY_NAME, Options, recent_epoch, run_scenario
from tests.faults.report import Report
from workers.settings import Settings

pytestmark = pytest.mark.integration

OPTIONS = Options(outage_seconds=6.0, drain_timeout=150.0)
FAILOVER_LIMIT_SECONDS = 10.0


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    spec = CorpusSpec(epoch=recent_epoch()).scaled(1 / 8)
    return generate(replace(spec, invalid=len(INVALID_KINDS)))


def run(name: str, corpus: Corpus, stack: Settings, tmp_path: Path) -> Report:
    report = run_scenario(BY_NAME[name], corpus, stack, tmp_path, OPTIONS)
    print(report.render())
    return report


def assert_exactly_once(report: Report) -> None:
    """Every valid item stored once, where the rules put it; every invalid one
    dead-lettered; no valid one dead-lettered."""
    summary = report.render()
    assert report.drained, f"the pipeline never drained\n{summary}"
    assert report.fault_mid_stream, f"the fault came after the stream was through\n{summary}"
    assert report.publish_failed == 0, summary
    counts = {
        "lost": report.lost,
        "duplicated": report.duplicated,
        "wrong_canonicals": report.wrong_canonicals,
        "wrong_current_versions": report.wrong_current_versions,
        "valid_dead_lettered": report.valid_dead_lettered,
        "invalid_not_dead_lettered": report.invalid_missing,
        "unexpected_uris": report.unexpected,
    }
    assert counts == dict.fromkeys(counts, 0), summary


def test_enrichment_worker_killed_and_restarted_loses_nothing_and_keeps_canonicals(
    corpus: Corpus, stack: Settings, tmp_path: Path
) -> None:
    assert_exactly_once(run("enrich-killed", corpus, stack, tmp_path))


def test_storage_worker_killed_and_restarted_loses_and_duplicates_nothing(
    corpus: Corpus, stack: Settings, tmp_path: Path
) -> None:
    assert_exactly_once(run("store-killed", corpus, stack, tmp_path))


def test_one_of_two_enrichment_workers_killed_the_survivor_serves_its_partitions_within_10s(
    corpus: Corpus, stack: Settings, tmp_path: Path
) -> None:
    """Measured from the kill until the survivor has committed on every partition of
    the killed worker that still had messages (harness module doc)."""
    report = run("one-of-two-enrich-killed", corpus, stack, tmp_path)
    assert report.failover_seconds is not None, f"the survivor never took over\n{report.render()}"
    assert report.failover_seconds <= FAILOVER_LIMIT_SECONDS, report.render()
    assert_exactly_once(report)


def test_redis_down_for_seconds_pauses_enrichment_and_loses_nothing(
    corpus: Corpus, stack: Settings, tmp_path: Path
) -> None:
    assert_exactly_once(run("redis-down", corpus, stack, tmp_path))


def test_redis_lost_and_restarted_empty_loses_nothing_and_keeps_canonicals(
    corpus: Corpus, stack: Settings, tmp_path: Path
) -> None:
    assert_exactly_once(run("redis-lost", corpus, stack, tmp_path))


def test_postgres_down_for_seconds_pauses_storage_and_loses_nothing(
    corpus: Corpus, stack: Settings, tmp_path: Path
) -> None:
    assert_exactly_once(run("postgres-down", corpus, stack, tmp_path))


def test_broker_killed_and_restarted_loses_and_duplicates_nothing(
    corpus: Corpus, stack: Settings, tmp_path: Path
) -> None:
    assert_exactly_once(run("broker-restarted", corpus, stack, tmp_path))


def test_one_of_three_brokers_down_loses_nothing_with_replication_factor_3(
    corpus: Corpus, stack: Settings, tmp_path: Path
) -> None:
    assert_exactly_once(run("one-of-three-brokers-down", corpus, stack, tmp_path))


def test_two_enrichment_workers_decide_canonicals_as_one_would(
    corpus: Corpus, stack: Settings, tmp_path: Path
) -> None:
    assert_exactly_once(run("two-enrich-no-fault", corpus, stack, tmp_path))


def test_one_worker_per_role_stores_every_item_exactly_once(
    corpus: Corpus, stack: Settings, tmp_path: Path
) -> None:
    assert_exactly_once(run("one-worker-no-fault", corpus, stack, tmp_path))


def test_versions_fed_newest_first_leave_the_newest_current(
    corpus: Corpus, stack: Settings, tmp_path: Path
) -> None:
    assert_exactly_once(run("versions-newest-first", corpus, stack, tmp_path))
