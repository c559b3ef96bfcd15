"""Dead letters: list, show and re-drive the messages in `articles.dlq`.

Re-driving republishes a letter's original payload to its original topic with
the `newswire-attempts` header set to the letter's attempt count; a stage that
fails on it again dead-letters it with `attempts_from_headers(headers) + 1`
attempts (`workers.dead_letters`).

What has been re-driven is remembered in the `newswire-dlq-redrive` consumer
group: per partition, the committed offset is the first letter not yet settled
and the commit metadata lists the settled offsets above it (letters skipped by a
filter stay unsettled, so a later re-drive with another filter still finds them).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError
from kafka.structs import TopicPartition

from workers.codec import decode
from workers.dead_letters.envelope import ATTEMPTS_HEADER, original_payload
from workers.errors import NewswireError
from workers.kafka_clients import unavailable
from workers.kafka_offsets import (
    client_config,
    commit_offsets,
    topic_partitions,
    watermarks,
)
from workers.models import DeadLetter
from workers.settings import Settings

log = logging.getLogger(__name__)

REDRIVEN_FROM_HEADER = "newswire-redriven-from"
REDRIVE_ROLE = "dlq-redrive"
# Kafka's default offset.metadata.max.bytes is 4096.
MAX_METADATA_BYTES = 4000


class DeadLetterError(NewswireError):
    error_type = "dlq"


@dataclass(frozen=True)
class LetterId:
    partition: int
    offset: int

    @classmethod
    def parse(cls, text: str) -> LetterId:
        try:
            partition, offset = (int(part) for part in text.split(":"))
        except ValueError as exc:
            raise DeadLetterError(
                f"dead letter ids look like PARTITION:OFFSET (e.g. 0:12), got {text!r}; "
                "`newswire dlq list` shows them"
            ) from exc
        return cls(partition, offset)

    def __str__(self) -> str:
        return f"{self.partition}:{self.offset}"


@dataclass(frozen=True)
class DeadLetterRecord:
    id: LetterId
    timestamp: datetime
    letter: DeadLetter | None
    problem: str | None = None
    redriven: bool = False


@dataclass(frozen=True)
class DlqFilter:
    stage: str | None = None
    error_type: str | None = None
    since: datetime | None = None

    def matches(self, letter: DeadLetter) -> bool:
        if self.stage is not None and letter.stage != self.stage:
            return False
        if self.error_type is not None and letter.error_type != self.error_type:
            return False
        if self.since is not None:
            failed_at = letter.failed_at
            if failed_at.tzinfo is None:
                failed_at = failed_at.replace(tzinfo=UTC)
            since = self.since if self.since.tzinfo else self.since.replace(tzinfo=UTC)
            if failed_at < since:
                return False
        return True


# -- redrive bookkeeping (pure) ---------------------------------------------


@dataclass
class PartitionProgress:
    """Settled letters of one partition: everything below `watermark`, plus `settled`."""

    watermark: int = 0
    settled: set[int] = field(default_factory=set)

    def is_settled(self, offset: int) -> bool:
        return offset < self.watermark or offset in self.settled

    def advance(self, seen: Iterable[int], end: int) -> None:
        """Move the watermark to the first seen-but-unsettled offset (or `end`)."""
        pending = [o for o in seen if o >= self.watermark and o not in self.settled]
        self.watermark = min(pending) if pending else max(self.watermark, end)
        self.settled = {o for o in self.settled if o >= self.watermark}

    def metadata(self) -> str:
        return orjson.dumps({"v": 1, "settled": to_ranges(self.settled)}).decode()

    @classmethod
    def load(cls, offset: int | None, metadata: str | None) -> PartitionProgress:
        settled: set[int] = set()
        if metadata:
            try:
                data = orjson.loads(metadata)
                for start, stop in data.get("settled", []):
                    settled.update(range(int(start), int(stop) + 1))
            except (orjson.JSONDecodeError, TypeError, ValueError, AttributeError):
                log.warning("ignoring unreadable re-drive bookkeeping %r", metadata)
        return cls(watermark=offset or 0, settled=settled)


def to_ranges(offsets: Iterable[int]) -> list[list[int]]:
    ranges: list[list[int]] = []
    for o in sorted(offsets):
        if ranges and o == ranges[-1][1] + 1:
            ranges[-1][1] = o
        else:
            ranges.append([o, o])
    return ranges


# -- broker I/O --------------------------------------------------------------


def _decode_record(
    partition: int, offset: int, timestamp_ms: int, value: bytes | None
) -> DeadLetterRecord:
    ts = datetime.fromtimestamp(timestamp_ms / 1000, tz=UTC)
    ident = LetterId(partition, offset)
    if value is None:
        return DeadLetterRecord(ident, ts, None, "empty message")
    try:
        return DeadLetterRecord(ident, ts, decode(value, DeadLetter))
    except NewswireError as exc:
        return DeadLetterRecord(ident, ts, None, str(exc))


def _consumer(settings: Settings) -> KafkaConsumer:
    try:
        return KafkaConsumer(
            client_id="newswire-dlq",
            group_id=None,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            **client_config(settings),
        )
    except KafkaError as exc:
        raise unavailable(settings) from exc


def scan(
    settings: Settings,
    start: Mapping[int, int] | None = None,
    partitions: Sequence[int] | None = None,
    poll_ms: int = 500,
) -> Iterator[DeadLetterRecord]:
    """Every dead letter from `start` (per partition; default the beginning) to the
    end the topic had when the scan began; `partitions` limits the scan."""
    topic = settings.topics.dlq
    consumer = _consumer(settings)
    try:
        known = consumer.partitions_for_topic(topic) or set()
        chosen = sorted(known if partitions is None else known & set(partitions))
        tps = [TopicPartition(topic, p) for p in chosen]
        if not tps:
            return
        begin = consumer.beginning_offsets(tps)
        end = consumer.end_offsets(tps)
        first = {tp: max(begin[tp], (start or {}).get(tp.partition, begin[tp])) for tp in tps}
        remaining = {tp: end[tp] for tp in tps if first[tp] < end[tp]}
        if not remaining:
            return
        consumer.assign(list(remaining))
        for tp in remaining:
            consumer.seek(tp, first[tp])
        while remaining:
            batch = consumer.poll(timeout_ms=poll_ms)
            for tp, records in batch.items():
                for record in records:
                    if tp in remaining and record.offset < remaining[tp]:
                        yield _decode_record(
                            tp.partition, record.offset, record.timestamp, record.value
                        )
            for tp in list(remaining):
                if consumer.position(tp) >= remaining[tp]:
                    del remaining[tp]
                    consumer.pause(tp)
    finally:
        consumer.close()


def load_progress(admin: KafkaAdminClient, group: str, topic: str) -> dict[int, PartitionProgress]:
    result = admin.list_group_offsets({group: None}).get(group, {})
    return {
        tp.partition: PartitionProgress.load(om.offset if om.offset >= 0 else 0, om.metadata)
        for tp, om in result.items()
        if tp.topic == topic
    }


def list_letters(
    settings: Settings, filters: DlqFilter | None = None, admin: KafkaAdminClient | None = None
) -> list[DeadLetterRecord]:
    """Dead letters matching `filters`, each marked with whether it was already re-driven."""
    progress: dict[int, PartitionProgress] = {}
    if admin is not None:
        progress = load_progress(admin, settings.group(REDRIVE_ROLE), settings.topics.dlq)
    found = []
    for record in scan(settings):
        if record.letter is not None and filters is not None and not filters.matches(record.letter):
            continue
        state = progress.get(record.id.partition)
        resendable = record.letter is not None and record.letter.original_topic
        if state is not None and resendable and state.is_settled(record.id.offset):
            record = DeadLetterRecord(record.id, record.timestamp, record.letter, None, True)
        found.append(record)
    return found


def show_letter(settings: Settings, ident: LetterId) -> DeadLetterRecord:
    for record in scan(settings, {ident.partition: ident.offset}, [ident.partition]):
        if record.id == ident:
            return record
        if record.id.partition == ident.partition and record.id.offset > ident.offset:
            break
    raise DeadLetterError(
        f"no dead letter {ident} in {settings.topics.dlq!r}: `newswire dlq list` shows the ids"
    )


def redrive_headers(letter: DeadLetter, ident: LetterId, dlq_topic: str) -> list[tuple[str, bytes]]:
    return [
        (ATTEMPTS_HEADER, str(letter.attempts).encode("ascii")),
        (REDRIVEN_FROM_HEADER, f"{dlq_topic}:{ident}".encode()),
    ]


@dataclass
class RedriveResult:
    redriven: list[DeadLetterRecord] = field(default_factory=list)
    skipped: list[tuple[DeadLetterRecord, str]] = field(default_factory=list)
    dry_run: bool = False

    @property
    def by_topic(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for record in self.redriven:
            assert record.letter is not None
            topic = record.letter.original_topic or "?"
            counts[topic] = counts.get(topic, 0) + 1
        return counts


def _unredrivable(record: DeadLetterRecord, max_attempts: int | None) -> str | None:
    letter = record.letter
    if letter is None:
        return f"unreadable dead letter: {record.problem}"
    if not letter.original_topic:
        return "no original topic (re-feed the source with `newswire produce`)"
    if max_attempts is not None and letter.attempts >= max_attempts:
        return f"already failed {letter.attempts} times (--max-attempts {max_attempts})"
    return None


def plan_redrive(
    records: Sequence[DeadLetterRecord],
    progress: dict[int, PartitionProgress],
    filters: DlqFilter,
    max_attempts: int | None = None,
) -> RedriveResult:
    """Choose what to resend and mark it settled in `progress` (pure)."""
    result = RedriveResult()
    for record in records:
        state = progress.setdefault(record.id.partition, PartitionProgress())
        if state.is_settled(record.id.offset):
            continue
        if record.letter is not None and not filters.matches(record.letter):
            continue
        reason = _unredrivable(record, max_attempts)
        if reason is None:
            result.redriven.append(record)
            state.settled.add(record.id.offset)
        else:
            result.skipped.append((record, reason))
            if record.letter is None or not record.letter.original_topic:
                state.settled.add(record.id.offset)
    return result


def redrive(
    settings: Settings,
    admin: KafkaAdminClient,
    filters: DlqFilter | None = None,
    max_attempts: int | None = None,
    dry_run: bool = False,
) -> RedriveResult:
    """Resend matching, not yet re-driven dead letters to their original topics."""
    filters = filters or DlqFilter()
    topic = settings.topics.dlq
    group = settings.group(REDRIVE_ROLE)
    partitions = topic_partitions(admin, topic)
    ends = {p: end for p, (_, end) in watermarks(admin, topic, partitions).items()}
    progress = load_progress(admin, group, topic)
    start = {p: state.watermark for p, state in progress.items()}
    records = [r for r in scan(settings, start) if r.id.offset < ends[r.id.partition]]
    result = plan_redrive(records, progress, filters, max_attempts)
    result.dry_run = dry_run
    if dry_run:
        return result

    seen: dict[int, list[int]] = {p: [] for p in partitions}
    for record in records:
        seen.setdefault(record.id.partition, []).append(record.id.offset)
    commits: dict[int, tuple[int, str]] = {}
    for p in partitions:
        state = progress.setdefault(p, PartitionProgress())
        state.advance(seen[p], ends[p])
        metadata = state.metadata()
        if len(metadata) > MAX_METADATA_BYTES:
            raise DeadLetterError(
                f"too many scattered re-driven letters on {topic}[{p}] to remember; "
                "re-drive the remaining ones too (without --stage/--error-type filters) "
                "so they settle in one range"
            )
        commits[p] = (state.watermark, metadata)

    _send(settings, topic, result.redriven)
    for p, (offset, metadata) in commits.items():
        commit_offsets(admin, group, topic, {p: offset}, metadata)
    return result


def _send(settings: Settings, dlq_topic: str, records: Sequence[DeadLetterRecord]) -> None:
    if not records:
        return
    try:
        producer = KafkaProducer(
            client_id="newswire-dlq-redrive", acks="all", retries=5, **client_config(settings)
        )
    except KafkaError as exc:
        raise unavailable(settings) from exc
    try:
        futures: list[Any] = []
        for record in records:
            letter = record.letter
            assert letter is not None and letter.original_topic is not None
            futures.append(
                producer.send(
                    letter.original_topic,
                    key=letter.key.encode("utf-8") if letter.key is not None else None,
                    value=original_payload(letter),
                    headers=redrive_headers(letter, record.id, dlq_topic),
                )
            )
        producer.flush()
        for future in futures:
            future.get(timeout=30)
    except KafkaError as exc:
        raise DeadLetterError(
            f"re-drive interrupted: {exc}; nothing was marked as re-driven, "
            "so running it again resends the same letters"
        ) from exc
    finally:
        producer.close()
