"""Running a stage's chain in process: an in-memory Kafka producer and a retry
policy that does not wait."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from workers.models import Stage
from workers.runtime.batch import Batch, BatchHandler, Output, Record
from workers.runtime.chain import stage_chain
from workers.runtime.retry import Backoff, Retry


class Sent:
    """An in-memory Kafka producer: acknowledges everything, or refuses some outputs
    the first times it sees them."""

    def __init__(self, refuse_first: int = 0) -> None:
        self.acknowledged: list[Output] = []
        self.attempts = 0
        self._refuse_first = refuse_first

    async def send(self, outputs: Sequence[Output]) -> list[Output]:
        self.attempts += 1
        refused = list(outputs[: self._refuse_first])
        self._refuse_first = 0
        self.acknowledged += [o for o in outputs if o not in refused]
        return refused


async def no_wait(_seconds: float) -> None:
    await asyncio.sleep(0)


def run_chain(
    handler: BatchHandler, records: list[Record], sender: Sent, stage: Stage = "enrich"
) -> list[str]:
    released: list[str] = []
    retry = Retry(stage, ("redis",), Backoff(0.01, 0.02), sleep=no_wait)
    chain = stage_chain(
        stage,
        handler,
        sender,
        retry,
        hold=lambda tokens: None,
        release=lambda tokens: released.extend(tokens),
    )
    tokens = [r.key.decode() if r.key else "" for r in records]
    asyncio.run(chain(Batch(records=records, tokens=tokens)))
    return released
