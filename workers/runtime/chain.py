"""The chain around every stage's handler: commit, metrics, dead letters,
decoding, routing and the retry policy, each a middleware that does its part
of a batch before and after the rest of the chain.

    Commit -> Metrics -> DeadLetters -> Decode -> Route -> Handle

A batch is acknowledged (and so its offsets become committable) only when the
whole chain returned: a stage stopped while paused, or killed, commits nothing
it has not written, and its records are read again by whoever takes over."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

from workers import codec, metrics
from workers.dead_letters import attempts_from_headers, dead_letter, letter_output
from workers.errors import NewswireError, TransientError
from workers.models import Stage
from workers.runtime.batch import Batch, BatchHandler, Handled, Incoming, Output, Rejected
from workers.runtime.retry import Retry

Next = Callable[[Batch], Awaitable[None]]


class Middleware(Protocol):
    async def __call__(self, batch: Batch, call_next: Next) -> None: ...


class Sender(Protocol):
    async def send(self, outputs: Sequence[Output]) -> list[Output]:
        """Send `outputs` and wait for Kafka's acknowledgements; the ones it did not
        acknowledge are returned (never raised)."""
        ...


class Delivery:
    """Sends outputs under the retry policy: only what Kafka has not acknowledged
    is sent again, so a retry never repeats an acknowledged message."""

    def __init__(self, sender: Sender, retry: Retry) -> None:
        self._sender = sender
        self._retry = retry

    async def deliver(self, outputs: Sequence[Output]) -> None:
        pending = list(outputs)

        async def attempt() -> None:
            nonlocal pending
            pending = await self._sender.send(pending)
            if pending:
                raise TransientError(
                    f"Kafka did not acknowledge {len(pending)} message(s)", "kafka"
                )

        if pending:
            await self._retry.run(attempt)


class Commit:
    """Holds the batch's records for the whole chain; acknowledges them only when
    everything after it succeeded."""

    def __init__(
        self, hold: Callable[[Sequence[Any]], None], release: Callable[[Sequence[Any]], None]
    ) -> None:
        self._hold = hold
        self._release = release

    async def __call__(self, batch: Batch, call_next: Next) -> None:
        self._hold(batch.tokens)
        await call_next(batch)
        self._release(batch.tokens)


class Metrics:
    """Counts each message's outcome and its share of the batch's time."""

    def __init__(self, stage: Stage) -> None:
        self.stage: Stage = stage

    async def __call__(self, batch: Batch, call_next: Next) -> None:
        started = time.perf_counter()
        await call_next(batch)
        count = len(batch.records)
        if not count:
            return
        for result in batch.results:
            if isinstance(result, Handled):
                metrics.ARTICLES.labels(self.stage, result.outcome).inc()
        per_message = (time.perf_counter() - started) / count
        histogram = metrics.STAGE_SECONDS.labels(self.stage)
        for _ in range(count):
            histogram.observe(per_message)


class DeadLetters:
    """Sends every rejected record to the dead-letter topic with the stage, the
    error and the original payload and position."""

    def __init__(self, stage: Stage, delivery: Delivery) -> None:
        self.stage: Stage = stage
        self._delivery = delivery

    async def __call__(self, batch: Batch, call_next: Next) -> None:
        await call_next(batch)
        if not batch.rejected:
            return
        letters = []
        for record, rejection in batch.rejected:
            letter = dead_letter(
                stage=self.stage,
                error_type=rejection.error_type,
                reason=rejection.reason,
                payload=record.value,
                key=record.key.decode("utf-8", "replace") if record.key is not None else None,
                topic=record.topic,
                partition=record.partition,
                offset=record.offset,
                attempts=attempts_from_headers(record.headers) + 1,
            )
            letters.append(letter_output(letter))
        await self._delivery.deliver(letters)
        for _, rejection in batch.rejected:
            metrics.count_dead_letter(self.stage, rejection.error_type)


class Decode:
    """Checks each record against its topic's schema; the rest of the chain sees
    only valid messages."""

    def __init__(self, stage: Stage, model_for: Callable[[str], Any]) -> None:
        self.stage: Stage = stage
        self._model_for = model_for

    async def __call__(self, batch: Batch, call_next: Next) -> None:
        for record in batch.records:
            try:
                message = codec.decode(record.value, self._model_for(record.topic))
            except NewswireError as exc:
                batch.rejected.append((record, Rejected(exc.error_type, str(exc))))
                continue
            batch.items.append(Incoming(record, message, record.lineage(self.stage)))
        if batch.items:
            await call_next(batch)


class Route:
    """Sends what the handler made of each message to the topics it names."""

    def __init__(self, delivery: Delivery) -> None:
        self._delivery = delivery

    async def __call__(self, batch: Batch, call_next: Next) -> None:
        await call_next(batch)
        outputs = [o for r in batch.results if isinstance(r, Handled) for o in r.outputs]
        await self._delivery.deliver(outputs)


class Handle:
    """The stage's handler, under the retry policy; a message it rejects joins the
    dead letters."""

    def __init__(self, handler: BatchHandler, retry: Retry) -> None:
        self._handler = handler
        self._retry = retry

    async def __call__(self, batch: Batch) -> None:
        job = self._handler.begin(batch.items)
        results = list(await self._retry.run(job.run))
        if len(results) != len(batch.items):
            raise RuntimeError(
                f"handler gave {len(results)} results for {len(batch.items)} messages"
            )
        batch.results = results
        for item, result in zip(batch.items, results, strict=True):
            if isinstance(result, Rejected):
                batch.rejected.append((item.record, result))


class Chain:
    """Middleware around a final step, called with one batch at a time."""

    def __init__(
        self, middleware: Sequence[Middleware], last: Callable[[Batch], Awaitable[None]]
    ) -> None:
        self._middleware = tuple(middleware)
        self._last = last

    async def __call__(self, batch: Batch) -> None:
        await self._call(0, batch)

    async def _call(self, index: int, batch: Batch) -> None:
        if index == len(self._middleware):
            await self._last(batch)
            return

        async def call_next(next_batch: Batch) -> None:
            await self._call(index + 1, next_batch)

        await self._middleware[index](batch, call_next)


def stage_chain(
    stage: Stage,
    handler: BatchHandler,
    sender: Sender,
    retry: Retry,
    hold: Callable[[Sequence[Any]], None],
    release: Callable[[Sequence[Any]], None],
) -> Chain:
    """The chain every consuming stage runs its batches through."""
    delivery = Delivery(sender, retry)
    return Chain(
        [
            Commit(hold, release),
            Metrics(stage),
            DeadLetters(stage, delivery),
            Decode(stage, handler.model_for),
            Route(delivery),
        ],
        Handle(handler, retry),
    )
