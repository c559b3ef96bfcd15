"""The chain every stage runs its batches through, with an in-memory sender and
handler: decoding, dead letters, routing, the retry policy and the commit."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import pytest
from prometheus_client import REGISTRY
from pydantic import BaseModel

from tests.dedup_support import make_article
from tests.stage_support import Sent, no_wait, run_chain
from workers import codec
from workers.errors import TransientError
from workers.models import Article, DeadLetter
from workers.runtime.batch import Batch, Handled, Incoming, Output, Record, Rejected, Result
from workers.runtime.chain import stage_chain
from workers.runtime.retry import Backoff, Retry


class Job:
    def __init__(self, handler: Handler, items: Sequence[Incoming[Any]]) -> None:
        self._handler = handler
        self._items = items

    async def run(self) -> list[Result]:
        self._handler.runs += 1
        if self._handler.failures:
            self._handler.failures -= 1
            raise TransientError("Redis went away", "redis")
        return [
            Rejected("policy", "refused")
            if item.message.uri == "reject-me"
            else Handled("ok", (Output("enriched", item.message.uri.encode(), b"{}"),))
            for item in self._items
        ]


class Handler:
    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.runs = 0
        self.begun = 0

    def model_for(self, topic: str) -> type[BaseModel]:
        return Article

    def begin(self, items: Sequence[Incoming[Any]]) -> Job:
        self.begun += 1
        return Job(self, items)


def record(uri: str, value: bytes | None = None, offset: int = 0) -> Record:
    payload = value if value is not None else codec.encode(make_article(uri, "h", "body"))
    return Record("t.raw", 0, offset, uri.encode(), payload)


def gauge(name: str, **labels: str) -> float | None:
    return REGISTRY.get_sample_value(name, labels)


def test_a_batch_is_routed_and_then_acknowledged() -> None:
    sender = Sent()
    released = run_chain(Handler(), [record("a"), record("b", offset=1)], sender)
    assert [o.key for o in sender.acknowledged] == [b"a", b"b"]
    assert released == ["a", "b"]


def test_an_outage_pauses_the_stage_retries_the_same_job_and_resumes() -> None:
    handler = Handler(failures=3)
    sender = Sent()
    released = run_chain(handler, [record("a")], sender)
    assert (handler.begun, handler.runs) == (1, 4), "one job, run until it succeeds"
    assert [o.key for o in sender.acknowledged] == [b"a"], "nothing dead-lettered"
    assert released == ["a"]
    assert gauge("newswire_stage_paused", stage="enrich") == 0
    assert gauge("newswire_dependency_up", stage="enrich", dependency="redis") == 1
    assert (gauge("newswire_stage_retries_total", stage="enrich", dependency="redis") or 0) >= 3


def test_a_stage_stopped_while_paused_acknowledges_nothing() -> None:
    handler = Handler(failures=10**9)
    released: list[str] = []

    async def stop_while_paused() -> None:
        retry = Retry("enrich", ("redis",), Backoff(0.01, 0.02), sleep=no_wait)
        chain = stage_chain(
            "enrich", handler, Sent(), retry, lambda t: None, lambda t: released.extend(t)
        )
        task = asyncio.create_task(chain(Batch(records=[record("a")], tokens=["a"])))
        while handler.runs < 5:
            await asyncio.sleep(0)
        assert gauge("newswire_stage_paused", stage="enrich") == 1
        assert gauge("newswire_dependency_up", stage="enrich", dependency="redis") == 0
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(stop_while_paused())
    assert released == []


def test_only_what_kafka_did_not_acknowledge_is_sent_again() -> None:
    sender = Sent(refuse_first=1)
    released = run_chain(Handler(), [record("a"), record("b", offset=1)], sender)
    assert sender.attempts == 2
    assert sorted(o.key or b"" for o in sender.acknowledged) == [b"a", b"b"]
    assert released == ["a", "b"]


def test_invalid_and_rejected_messages_are_dead_lettered_and_the_rest_flows() -> None:
    sender = Sent()
    records = [record("a"), record("broken", b"{not json", 1), record("reject-me", offset=2)]
    released = run_chain(Handler(), records, sender)
    by_topic: dict[str, list[Output]] = {}
    for output in sender.acknowledged:
        by_topic.setdefault(output.topic, []).append(output)
    assert [o.key for o in by_topic["enriched"]] == [b"a"]
    letters = [codec.decode(o.value, DeadLetter) for o in by_topic["dlq"]]
    assert {(letter.key, letter.error_type) for letter in letters} == {
        ("broken", "parse"),
        ("reject-me", "policy"),
    }
    assert all(letter.stage == "enrich" and letter.original_topic == "t.raw" for letter in letters)
    assert released == ["a", "broken", "reject-me"]
