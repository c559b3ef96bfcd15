"""`newswire replay` against the real broker: plans, offsets applied, what is re-read."""

from __future__ import annotations

import threading
import time

import pytest
from prometheus_client import REGISTRY, CollectorRegistry, Gauge
from typer.testing import CliRunner

from tests.integration.replay_support import (
    cli_app,
    committed,
    consume_all,
    consumer,
    fresh,
    produce,
    stack_kafka,
    wait_assigned,
)
from workers import kafka_clients
from workers.cli.kafka_command import parse_when
from workers.monitoring.lag import LagCollector, start_lag_collector
from workers.replay import apply
from workers.replay.plan import ShiftBy, ToDatetime, ToEarliest, ToOffset
from workers.settings import Settings
from workers.topology import topology

__all__ = ["fresh", "stack_kafka"]

pytestmark = pytest.mark.integration
runner = CliRunner()


def seeded(settings: Settings, per_partition: int = 5) -> tuple[str, str]:
    """A topic with `per_partition` messages on each of its 3 partitions, fully consumed."""
    topic, group = settings.topics.raw, settings.group("enrich")
    for p in range(3):
        produce(settings, topic, [f"p{p}-m{i}".encode() for i in range(per_partition)], partition=p)
    assert len(consume_all(settings, group, topic, expected=3 * per_partition)) == 3 * per_partition
    assert committed(settings, group, topic) == {
        0: per_partition,
        1: per_partition,
        2: per_partition,
    }
    return topic, group


def run(settings: Settings, *args: str) -> tuple[int, str]:
    result = runner.invoke(cli_app(), ["replay", *args], obj=settings, env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_dry_run_prints_the_plan_and_changes_nothing(fresh: Settings) -> None:
    topic, group = seeded(fresh)
    code, out = run(fresh, "--topic", topic, "--group", group, "--to-earliest", "--dry-run")
    assert code == 0, out
    assert "committed offset" in out and "messages to reprocess" in out
    assert "15" in out and "dry run" in out
    assert committed(fresh, group, topic) == {0: 5, 1: 5, 2: 5}


def test_to_earliest_reprocesses_everything_and_waits_for_the_drain(fresh: Settings) -> None:
    topic, group = seeded(fresh)
    consumed: list[bytes] = []

    def drain() -> None:
        """Joins the group once the replay has moved its offsets to the start."""
        deadline = time.monotonic() + 60
        while committed(fresh, group, topic) != {0: 0, 1: 0, 2: 0}:
            if time.monotonic() > deadline:
                return
            time.sleep(0.2)
        consumed.extend(consume_all(fresh, group, topic, expected=15))

    worker = threading.Thread(target=drain)
    worker.start()
    code, out = run(fresh, "--topic", topic, "--group", group, "--to-earliest", "--timeout", "60")
    worker.join(60)
    assert code == 0, out
    assert sorted(consumed) == sorted(f"p{p}-m{i}".encode() for p in range(3) for i in range(5))
    assert committed(fresh, group, topic) == {0: 5, 1: 5, 2: 5}


def test_to_offset_on_chosen_partitions(fresh: Settings) -> None:
    topic, group = seeded(fresh)
    code, out = run(
        fresh,
        "--topic",
        topic,
        "--group",
        group,
        "--to-offset",
        "3",
        "--partitions",
        "0,2",
        "--no-wait",
    )
    assert code == 0, out
    assert committed(fresh, group, topic) == {0: 3, 1: 5, 2: 3}
    again = consume_all(fresh, group, topic, expected=4)
    assert sorted(again) == [b"p0-m3", b"p0-m4", b"p2-m3", b"p2-m4"]


def test_shift_by(fresh: Settings) -> None:
    topic, group = seeded(fresh)
    code, out = run(fresh, "--topic", topic, "--group", group, "--shift-by", "-2", "--no-wait")
    assert code == 0, out
    assert committed(fresh, group, topic) == {0: 3, 1: 3, 2: 3}
    with kafka_clients.admin_client(fresh) as admin:
        plan = apply.build_plan(admin, topic, group, ShiftBy(-100), [1])
        assert plan.offsets() == {1: 0} and plan.total_to_reprocess == 5
        plan = apply.build_plan(admin, topic, group, ToOffset(99), None)
        assert plan.total_to_reprocess == 0


def test_to_datetime_reprocesses_exactly_the_later_messages(fresh: Settings) -> None:
    topic, group = fresh.topics.raw, fresh.group("enrich")
    base = int(time.time() * 1000) - 3_600_000
    for p in range(3):
        for i in range(6):
            produce(
                fresh, topic, [f"p{p}-t{i}".encode()], partition=p, timestamp_ms=base + i * 60_000
            )
    assert len(consume_all(fresh, group, topic, expected=18)) == 18
    when = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime((base + 3 * 60_000) / 1000))
    millis = (base + 3 * 60_000) % 1000
    # messages at exactly the cut are included: ask for the cut's exact millisecond
    stamp = f"{when}.{millis:03d}+00:00"
    code, out = run(fresh, "--topic", topic, "--group", group, "--to-datetime", stamp, "--no-wait")
    assert code == 0, out
    assert committed(fresh, group, topic) == {0: 3, 1: 3, 2: 3}
    again = consume_all(fresh, group, topic, expected=9)
    assert sorted(again) == sorted(f"p{p}-t{i}".encode() for p in range(3) for i in (3, 4, 5))
    # a time after every message re-reads nothing
    future = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600))
    with kafka_clients.admin_client(fresh) as admin:
        plan = apply.build_plan(admin, topic, group, ToDatetime(parse_when(future)))
    assert plan.total_to_reprocess == 0


def test_refuses_while_the_group_has_live_members_and_as_group_works(fresh: Settings) -> None:
    topic, group = seeded(fresh)
    live = consumer(fresh, group, topic)
    try:
        wait_assigned(live)
        code, out = run(fresh, "--topic", topic, "--group", group, "--to-earliest", "--no-wait")
        assert code == 2
        assert "live members" in out and f"test-consumer-{group}" in out and "--as-group" in out
        assert committed(fresh, group, topic) == {0: 5, 1: 5, 2: 5}

        replay_group = f"{group}-replay"
        code, out = run(
            fresh,
            "--topic",
            topic,
            "--group",
            group,
            "--shift-by",
            "-1",
            "--as-group",
            replay_group,
            "--no-wait",
        )
        assert code == 0, out
        assert committed(fresh, replay_group, topic) == {0: 4, 1: 4, 2: 4}
        assert committed(fresh, group, topic) == {0: 5, 1: 5, 2: 5}
    finally:
        live.close()
    again = consume_all(fresh, replay_group, topic, expected=3)
    assert sorted(again) == [b"p0-m4", b"p1-m4", b"p2-m4"]


def test_errors_name_what_to_do(fresh: Settings) -> None:
    code, out = run(fresh, "--topic", "no-such-topic-here", "--group", "g", "--to-earliest")
    assert code == 2 and "does not exist" in out
    code, out = run(
        fresh, "--topic", fresh.topics.raw, "--group", "g", "--to-earliest", "--shift-by", "1"
    )
    assert code == 2 and "exactly one of" in out
    code, out = run(
        fresh, "--topic", fresh.topics.raw, "--group", "g", "--to-datetime", "yesterday"
    )
    assert code == 2 and "ISO 8601" in out


def test_plan_for_a_group_without_commits(fresh: Settings) -> None:
    topic = fresh.topics.raw
    produce(fresh, topic, [b"x", b"y"], partition=1)
    with kafka_clients.admin_client(fresh) as admin:
        plan = apply.build_plan(admin, topic, "never-consumed", ToEarliest())
    assert [(p.partition, p.committed, p.target, p.to_reprocess) for p in plan.partitions] == [
        (0, None, 0, 0),
        (1, None, 0, 2),
        (2, None, 0, 0),
    ]


def test_lag_collector_exports_committed_versus_end(fresh: Settings) -> None:
    topic, group = seeded(fresh, per_partition=4)
    produce(fresh, topic, [b"late-1", b"late-2"], partition=2)
    registry = CollectorRegistry()
    gauge = Gauge(
        "newswire_consumer_lag", "lag", ["topic", "partition", "group"], registry=registry
    )
    collector = LagCollector(fresh, {group: [topic], "nobody-reads": [topic]}, gauge=gauge)
    samples = collector.collect_once()
    assert sorted(s for s in samples if s[0] == group) == [
        (group, topic, 0, 0),
        (group, topic, 1, 0),
        (group, topic, 2, 2),
    ]
    # a group that never committed lags by the whole partition
    assert sorted(n for g, _, _, n in samples if g == "nobody-reads") == [4, 4, 6]
    value = registry.get_sample_value(
        "newswire_consumer_lag", {"topic": topic, "partition": "2", "group": group}
    )
    assert value == 2

    collector = LagCollector(fresh, {group: None}, interval=0.2, gauge=gauge).start()
    try:
        consume_all(fresh, group, topic, expected=2)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            labels = {"topic": topic, "partition": "2", "group": group}
            if registry.get_sample_value("newswire_consumer_lag", labels) == 0:
                break
            time.sleep(0.2)
        else:
            raise AssertionError("the background collector did not refresh the lag")
    finally:
        collector.stop()


def test_lag_collector_for_pipeline_stages(fresh: Settings) -> None:
    flow = topology(fresh)
    assert flow.groups() == {
        fresh.group("enrich"): [fresh.topics.raw],
        fresh.group("store"): [fresh.topics.enriched, fresh.topics.duplicates],
    }
    collector = start_lag_collector(fresh, [flow.stage("store")], interval=0.2)
    try:
        deadline = time.monotonic() + 20
        labels = {"topic": fresh.topics.enriched, "partition": "0", "group": fresh.group("store")}
        while REGISTRY.get_sample_value("newswire_consumer_lag", labels) is None:
            assert time.monotonic() < deadline, "no lag exported for the store group"
            time.sleep(0.2)
    finally:
        collector.stop()
