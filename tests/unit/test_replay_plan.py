from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from workers.dead_letters import dead_letter
from workers.dead_letters.tools import (
    DeadLetterRecord,
    DlqFilter,
    LetterId,
    PartitionProgress,
    plan_redrive,
    to_ranges,
)
from workers.replay.plan import (
    PartitionOffsets,
    PlanError,
    ShiftBy,
    ToDatetime,
    ToEarliest,
    ToOffset,
    compute_plan,
    parse_partitions,
    remaining,
)

STATES = {
    0: PartitionOffsets(0, begin=0, end=10, committed=10),
    1: PartitionOffsets(1, begin=5, end=20, committed=12),
    2: PartitionOffsets(2, begin=0, end=0, committed=None),
    3: PartitionOffsets(3, begin=3, end=8, committed=None),
}


def targets(plan_offsets: dict[int, int]) -> list[int]:
    return [plan_offsets[p] for p in sorted(plan_offsets)]


def test_to_earliest_goes_to_each_partition_begin() -> None:
    plan = compute_plan("t", "g", STATES, ToEarliest())
    assert targets(plan.offsets()) == [0, 5, 0, 3]
    assert [p.to_reprocess for p in plan.partitions] == [10, 15, 0, 5]
    assert plan.total_to_reprocess == 30


def test_to_offset_is_clamped_to_the_partition_range() -> None:
    plan = compute_plan("t", "g", STATES, ToOffset(7))
    assert targets(plan.offsets()) == [7, 7, 0, 7]
    plan = compute_plan("t", "g", STATES, ToOffset(100))
    assert targets(plan.offsets()) == [10, 20, 0, 8]
    assert plan.total_to_reprocess == 0


def test_negative_offset_is_refused() -> None:
    with pytest.raises(PlanError, match="0 or more"):
        compute_plan("t", "g", STATES, ToOffset(-1))


def test_shift_by_moves_from_committed_and_clamps() -> None:
    plan = compute_plan("t", "g", STATES, ShiftBy(-4))
    # no committed offset: shift from the beginning
    assert targets(plan.offsets()) == [6, 8, 0, 3]
    assert compute_plan("t", "g", STATES, ShiftBy(-100)).offsets()[1] == 5
    assert compute_plan("t", "g", STATES, ShiftBy(+100)).offsets()[1] == 20
    assert compute_plan("t", "g", STATES, ShiftBy(2)).offsets()[3] == 5


def test_to_datetime_uses_the_broker_lookup_and_none_means_end() -> None:
    when = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    lookups: dict[int, int | None] = {0: 4, 1: None, 2: None, 3: 1}
    plan = compute_plan("t", "g", STATES, ToDatetime(when), time_offsets=lookups)
    assert targets(plan.offsets()) == [4, 20, 0, 3]
    assert plan.total_to_reprocess == 6 + 0 + 0 + 5


def test_to_datetime_without_lookup_is_an_error() -> None:
    with pytest.raises(PlanError, match="no timestamp lookup"):
        compute_plan("t", "g", STATES, ToDatetime(datetime.now(UTC)), time_offsets={0: 1})


def test_naive_datetime_is_utc() -> None:
    naive = ToDatetime(datetime(2026, 1, 1, 0, 0))
    aware = ToDatetime(datetime(2026, 1, 1, 2, 0, tzinfo=timezone(timedelta(hours=2))))
    assert naive.timestamp_ms == aware.timestamp_ms == 1767225600000


def test_partition_selection() -> None:
    plan = compute_plan("t", "g", STATES, ToEarliest(), partitions=[3, 1])
    assert [p.partition for p in plan.partitions] == [1, 3]
    with pytest.raises(PlanError, match=r"partition\(s\) 9 do not exist"):
        compute_plan("t", "g", STATES, ToEarliest(), partitions=[0, 9])


def test_parse_partitions() -> None:
    assert parse_partitions(None) is None
    assert parse_partitions(" ") is None
    assert parse_partitions("2,0, 1,2") == [0, 1, 2]
    with pytest.raises(PlanError, match="comma-separated"):
        parse_partitions("0;1")
    with pytest.raises(PlanError, match="negative"):
        parse_partitions("-1")


def test_empty_topic_is_an_error() -> None:
    with pytest.raises(PlanError, match="no partitions"):
        compute_plan("t", "g", {}, ToEarliest())


def test_remaining_counts_only_planned_messages() -> None:
    plan = compute_plan("t", "g", STATES, ToEarliest())
    assert remaining(plan, {0: 10, 1: 15, 3: 5}) == 30
    assert remaining(plan, {0: 2, 1: 0, 3: 0}) == 2
    # lag from new messages beyond the plan does not count
    assert remaining(plan, {0: 50}) == 10


# -- dead-letter re-drive bookkeeping ----------------------------------------------


def record(
    partition: int, offset: int, stage: str = "enrich", topic: str | None = "raw"
) -> DeadLetterRecord:
    letter = dead_letter(
        stage=stage,  # type: ignore[arg-type]
        error_type="schema",
        reason="bad",
        payload=b"{}",
        key="k",
        topic=topic,
        partition=0,
        offset=offset,
    )
    return DeadLetterRecord(LetterId(partition, offset), datetime.now(UTC), letter)


def test_to_ranges() -> None:
    assert to_ranges([5, 1, 2, 3, 7, 8]) == [[1, 3], [5, 5], [7, 8]]
    assert to_ranges([]) == []


def test_progress_round_trip_and_advance() -> None:
    progress = PartitionProgress(watermark=2, settled={4, 5, 7})
    loaded = PartitionProgress.load(2, progress.metadata())
    assert loaded.settled == {4, 5, 7} and loaded.watermark == 2
    loaded.settled.add(2)
    loaded.advance([2, 3, 4, 5, 6, 7], end=8)
    assert loaded.watermark == 3
    loaded.settled.update({3, 6})
    loaded.advance([3, 4, 5, 6, 7], end=8)
    assert loaded.watermark == 8 and loaded.settled == set()


def test_filtered_redrive_leaves_other_letters_for_later() -> None:
    records = [record(0, 0, "enrich"), record(0, 1, "store"), record(0, 2, "enrich")]
    progress: dict[int, PartitionProgress] = {}
    first = plan_redrive(records, progress, DlqFilter(stage="enrich"))
    assert [r.id.offset for r in first.redriven] == [0, 2]
    progress[0].advance([0, 1, 2], end=3)
    assert progress[0].watermark == 1 and progress[0].settled == {2}

    again = plan_redrive(records, progress, DlqFilter(stage="enrich"))
    assert again.redriven == []
    rest = plan_redrive(records, progress, DlqFilter())
    assert [r.id.offset for r in rest.redriven] == [1]
    progress[0].advance([0, 1, 2], end=3)
    assert progress[0].watermark == 3


def test_letters_without_origin_are_skipped_and_settled() -> None:
    records = [record(0, 0, "produce", topic=None)]
    progress: dict[int, PartitionProgress] = {}
    result = plan_redrive(records, progress, DlqFilter())
    assert result.redriven == [] and "newswire produce" in result.skipped[0][1]
    assert progress[0].is_settled(0)


def test_max_attempts_skips_without_settling() -> None:
    records = [record(0, 0)]
    progress: dict[int, PartitionProgress] = {}
    result = plan_redrive(records, progress, DlqFilter(), max_attempts=1)
    assert result.redriven == [] and "--max-attempts" in result.skipped[0][1]
    assert not progress[0].is_settled(0)


def test_dlq_filter_since_and_type() -> None:
    letter = record(0, 0).letter
    assert letter is not None
    assert DlqFilter(error_type="schema").matches(letter)
    assert not DlqFilter(error_type="parse").matches(letter)
    assert DlqFilter(since=letter.failed_at - timedelta(seconds=1)).matches(letter)
    assert not DlqFilter(since=letter.failed_at + timedelta(seconds=1)).matches(letter)
