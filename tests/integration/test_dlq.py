"""`newswire dlq list|show|redrive` against the real broker."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from tests.integration.replay_support import cli_app, consume_records, fresh, produce, stack_kafka
from workers.codec import decode, encode
from workers.dead_letters import ATTEMPTS_HEADER, attempts_from_headers, dead_letter
from workers.dead_letters import tools as dlq
from workers.kafka_clients import admin_client
from workers.models import DeadLetter
from workers.settings import Settings

__all__ = ["fresh", "stack_kafka"]

pytestmark = pytest.mark.integration
runner = CliRunner()


def run(settings: Settings, *args: str) -> tuple[int, str]:
    result = runner.invoke(cli_app(), ["dlq", *args], obj=settings, env={"COLUMNS": "250"})
    return result.exit_code, result.output


def publish(settings: Settings, letters: list[DeadLetter]) -> None:
    for letter in letters:
        produce(
            settings,
            settings.topics.dlq,
            [encode(letter)],
            partition=0,
            key=letter.key.encode() if letter.key else None,
        )


def seed_letters(settings: Settings) -> None:
    raw, enriched = settings.topics.raw, settings.topics.enriched
    publish(
        settings,
        [
            dead_letter(
                stage="enrich",
                error_type="schema",
                reason="missing headline",
                payload=b'{"n": 1}',
                key="uri-1",
                topic=raw,
                partition=0,
                offset=10,
            ),
            dead_letter(
                stage="enrich",
                error_type="transient",
                reason="redis down",
                payload=b'{"n": 2}',
                key="uri-2",
                topic=raw,
                partition=1,
                offset=11,
            ),
            dead_letter(
                stage="store",
                error_type="schema",
                reason="bad enriched",
                payload=b"\xff\xfe binary",
                key="uri-3",
                topic=enriched,
                partition=2,
                offset=12,
            ),
            dead_letter(
                stage="produce",
                error_type="parse",
                reason="no headline",
                payload=b"garbage text",
                key=None,
            ),
        ],
    )


def fail_again(settings: Settings, group: str, topic: str, expected: int) -> list[int]:
    """Act as a stage that fails on every re-driven message: dead-letter it again."""
    records = consume_records(settings, group, topic, expected=expected)
    attempts = []
    for record in records:
        tries = attempts_from_headers(record.headers) + 1
        attempts.append(tries)
        publish(
            settings,
            [
                dead_letter(
                    stage="enrich",
                    error_type="schema",
                    reason="still broken",
                    payload=record.value,
                    key=record.key.decode(),
                    topic=topic,
                    partition=record.partition,
                    offset=record.offset,
                    attempts=tries,
                )
            ],
        )
    return sorted(attempts)


def test_list_and_filters(fresh: Settings) -> None:
    seed_letters(fresh)
    code, out = run(fresh, "list")
    assert code == 0, out
    assert "4 dead letter(s)" in out and "missing headline" in out
    code, out = run(fresh, "list", "--stage", "enrich")
    assert "2 dead letter(s)" in out and "bad enriched" not in out
    code, out = run(fresh, "list", "--error-type", "schema")
    assert "2 dead letter(s)" in out and "redis down" not in out
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    code, out = run(fresh, "list", "--since", future)
    assert "0 dead letter(s)" in out
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    code, out = run(fresh, "list", "--since", past, "--stage", "store")
    assert "1 dead letter(s)" in out


def test_show(fresh: Settings) -> None:
    seed_letters(fresh)
    code, out = run(fresh, "show", "0:1")
    assert code == 0, out
    assert "redis down" in out and '{"n": 2}' in out and "uri-2" in out
    code, out = run(fresh, "show", "0:99")
    assert code == 2 and "dlq list" in out
    code, out = run(fresh, "show", "zero")
    assert code == 2 and "PARTITION:OFFSET" in out


def test_redrive_resends_once_and_failures_return_with_more_attempts(fresh: Settings) -> None:
    seed_letters(fresh)
    raw, enriched = fresh.topics.raw, fresh.topics.enriched

    code, out = run(fresh, "redrive", "--stage", "enrich", "--dry-run")
    assert code == 0 and f"would resend 2 message(s) to {raw}" in out
    code, out = run(fresh, "redrive", "--stage", "enrich")
    assert code == 0 and f"resent 2 message(s) to {raw}" in out

    records = consume_records(fresh, "check-raw", raw, expected=2)
    assert sorted(r.value for r in records) == [b'{"n": 1}', b'{"n": 2}']
    assert sorted(r.key for r in records) == [b"uri-1", b"uri-2"]
    assert all(dict(r.headers)[ATTEMPTS_HEADER] == b"1" for r in records)

    # the same letters are not resent
    code, out = run(fresh, "redrive", "--stage", "enrich")
    assert "nothing to re-drive" in out

    # both fail again: back in the DLQ with attempts 2, and re-drivable once more
    assert fail_again(fresh, "failing-stage", raw, expected=2) == [2, 2]
    code, out = run(fresh, "list", "--stage", "enrich")
    assert "4 dead letter(s)" in out and "still broken" in out
    code, out = run(fresh, "redrive", "--stage", "enrich", "--max-attempts", "2")
    assert "nothing to re-drive" in out and "--max-attempts 2" in out
    code, out = run(fresh, "redrive", "--stage", "enrich")
    assert f"resent 2 message(s) to {raw}" in out
    again = consume_records(fresh, "check-raw", raw, expected=2)
    assert all(dict(r.headers)[ATTEMPTS_HEADER] == b"2" for r in again)

    # the store letter was skipped by the filters above, so it is still waiting
    code, out = run(fresh, "redrive")
    assert code == 0, out
    assert f"resent 1 message(s) to {enriched}" in out
    assert "skipped 0:3" in out and "newswire produce" in out
    stored = consume_records(fresh, "check-enriched", enriched, expected=1)
    assert [r.value for r in stored] == [b"\xff\xfe binary"]

    code, out = run(fresh, "redrive")
    assert "nothing to re-drive" in out
    with admin_client(fresh) as admin:
        letters = dlq.list_letters(fresh, dlq.DlqFilter(), admin)
    # everything with an origin was re-driven; the producer's letter was only skipped
    assert [r.redriven for r in letters] == [True, True, True, False, True, True]
    assert sorted(decode(encode(r.letter), DeadLetter).attempts for r in letters if r.letter) == [
        1,
        1,
        1,
        1,
        2,
        2,
    ]


def test_unreadable_dead_letters_are_listed_not_fatal(fresh: Settings) -> None:
    produce(fresh, fresh.topics.dlq, [b"not json"], partition=0)
    code, out = run(fresh, "list")
    assert code == 0, out
    assert "unreadable" in out and "1 dead letter(s)" in out
