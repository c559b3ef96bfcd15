"""Offsets whose commit Kafka refused are committed again.

Faust records offsets as committed, and forgets the acknowledgements behind
them, before it knows whether Kafka took the commit. A commit refused while the
group rebalances (a broker restarted, the coordinator moved) is then never
retried when the worker keeps its partitions: the group's committed offsets stay
behind what was processed until newer messages are committed past them, and a
stage that has nothing more to read shows a lag forever and reads those messages
again after a restart. `CommitLedger` remembers the offsets of a refused commit
for the partitions the worker still holds and adds them to every later commit
until one succeeds; `RetryingConsumer` and `StageApp` put it into Faust."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field
from typing import Any, ClassVar

import faust
from faust.transport.drivers import aiokafka as aiokafka_driver
from faust.types import TP, ConsumerT, TransportT

log = logging.getLogger(__name__)


@dataclass
class CommitLedger:
    """Offsets of refused commits, per partition, until a commit takes them."""

    pending: dict[TP, int] = field(default_factory=dict)

    def with_pending(self, offsets: Mapping[TP, int], assignment: Set[TP]) -> dict[TP, int]:
        """The offsets to commit: `offsets` and, for partitions still held, the
        refused ones, the higher where both name a partition."""
        merged = dict(offsets)
        for tp, offset in self.pending.items():
            if tp in assignment and offset > merged.get(tp, -1):
                merged[tp] = offset
        return merged

    def settle(self, attempted: Mapping[TP, int], committed: bool, assignment: Set[TP]) -> None:
        """After a commit of `attempted`: forget what it took, or keep what it was
        refused for partitions still held (a partition given away is read again,
        from its committed offset, by its new owner)."""
        for tp, offset in attempted.items():
            if committed:
                if self.pending.get(tp, -1) <= offset:
                    self.pending.pop(tp, None)
            elif tp in assignment:
                self.pending[tp] = max(offset, self.pending.get(tp, -1))
            else:
                self.pending.pop(tp, None)

    def forget(self, revoked: Iterable[TP]) -> None:
        for tp in revoked:
            self.pending.pop(tp, None)


class RetryingConsumer(aiokafka_driver.Consumer):
    """Faust's Kafka consumer with a `CommitLedger` under its commits."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ledger = CommitLedger()

    def _filter_committable_offsets(self, tps: Iterable[TP]) -> dict[TP, int]:
        offsets = super()._filter_committable_offsets(tps)
        return self.ledger.with_pending(offsets, self.assignment())

    async def _commit_offsets(
        self, offsets: Mapping[TP, int], start_new_transaction: bool = True
    ) -> bool:
        committed = await super()._commit_offsets(offsets, start_new_transaction)
        self.ledger.settle(offsets, committed, self.assignment())
        if self.ledger.pending and not committed:
            log.warning("offset commit refused; retried with the next: %s", self.ledger.pending)
        return committed

    async def on_partitions_revoked(self, revoked: Set[TP]) -> None:
        self.ledger.forget(revoked)
        await super().on_partitions_revoked(revoked)


class RetryingTransport(aiokafka_driver.Transport):
    Consumer: ClassVar[type[ConsumerT]] = RetryingConsumer


class StageApp(faust.App):
    """A Faust app whose consumer commits refused offsets again."""

    def _new_transport(self) -> TransportT:
        return RetryingTransport(self.conf.broker_consumer, self)
