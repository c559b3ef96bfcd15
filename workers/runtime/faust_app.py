"""A consuming stage as a Faust application: one agent on the stage's input
topics whose batches go through the stage chain (`workers.runtime.chain`).

Faust acknowledges the events of a `take_events` batch when the next batch is
taken, and also when the agent is stopped in the middle of one. The chain holds
one more reference on each message for as long as the batch is in the chain,
and gives it back only when the batch is done: a batch abandoned mid-way (the
stage stopped while paused) is never acknowledged, so its offsets are never
committed and whoever takes the partitions reads it again.

A stage paused by an outage stops taking batches; the consumer's fetcher stops
by itself once the stage's bounded buffer (`stream_buffer_maxsize`) is full.
Faust's own `pause_partitions` is not used: records already fetched for a
partition it pauses mid-fetch are dropped without a seek back, and their offsets
are then committed past them (a paused batch lost its successors that way)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import faust
from aiokafka.errors import KafkaError
from faust.exceptions import ProducerSendError
from faust.types.auth import CredentialsT

from workers import kafka_security
from workers.runtime.batch import Batch, BatchHandler, Output, Record
from workers.runtime.chain import stage_chain
from workers.runtime.commit_retry import StageApp
from workers.runtime.faust_metrics import StageSensor
from workers.runtime.retry import Backoff, Retry
from workers.settings import Settings
from workers.topology import BoundStage

log = logging.getLogger(__name__)

SEND_FAILURES = (KafkaError, ProducerSendError, asyncio.TimeoutError, ConnectionError)


def broker_url(settings: Settings) -> str:
    return ";".join(
        f"kafka://{hostport.strip()}" for hostport in settings.kafka_bootstrap.split(",")
    )


def _credentials(settings: Settings) -> CredentialsT | None:
    """aiokafka's security options, through Faust: SASL (with TLS for SASL_SSL)
    or TLS alone, from the same TLS context as every other Kafka client."""
    security = settings.kafka_security
    context = kafka_security.ssl_context(settings)
    if security.uses_sasl:
        return faust.SASLCredentials(
            username=security.sasl_username,
            password=kafka_security.sasl_password(security),
            mechanism=security.sasl_mechanism,
            ssl_context=context,
        )
    if context is not None:
        return faust.SSLCredentials(context)
    return None


def create_app(settings: Settings, stage: BoundStage) -> faust.App:
    """A Faust app in the stage's consumer group. Offsets are committed only for
    batches the chain finished (their outputs acknowledged by Kafka), and again
    when Kafka refused their commit (`workers.runtime.commit_retry`)."""
    worker = settings.worker
    (settings.data_dir / "faust").mkdir(parents=True, exist_ok=True)
    app = StageApp(
        stage.group,
        broker=broker_url(settings),
        broker_credentials=_credentials(settings),
        value_serializer="raw",
        key_serializer="raw",
        topic_partitions=settings.topics.partitions,
        topic_replication_factor=settings.topics.replication_factor,
        consumer_auto_offset_reset="earliest",
        broker_commit_every=500,
        broker_commit_interval=0.5,
        broker_session_timeout=worker.session_timeout_seconds,
        broker_heartbeat_interval=worker.heartbeat_interval_seconds,
        # A rebalance must not wait for a batch held by an outage: the new owner
        # of its partitions reads it again (storage is idempotent).
        stream_wait_empty=False,
        web_port=stage.web_port,
        web_bind="127.0.0.1",
        producer_acks=-1,
        producer_max_request_size=settings.max_item_bytes * 2,
        producer_request_timeout=worker.send_timeout_seconds,
        # A produce request per message cost a fifth of the enrichment worker's
        # time in socket writes; batches that linger 20 ms a quarter of that.
        producer_linger=0.02,
        producer_max_batch_size=1 << 20,
        topic_allow_declare=True,
        store="memory://",
        # Faust writes its state here (by default in the working directory).
        datadir=str(settings.data_dir / "faust" / "{conf.name}"),
    )
    app.sensors.add(StageSensor(stage.name))
    return app


def record_of(event: Any) -> Record:
    message = event.message
    headers = message.headers or {}
    items = headers.items() if isinstance(headers, dict) else headers
    value = message.value if isinstance(message.value, bytes) else str(message.value).encode()
    return Record(
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        key=message.key,
        value=value,
        headers={k: v for k, v in items},
        timestamp=message.timestamp,
    )


def hold(events: Sequence[Any]) -> None:
    for event in events:
        event.message.incref()


def release(events: Sequence[Any]) -> None:
    for event in events:
        event.ack()


class FaustSender:
    """Sends a stage's outputs with the app's producer and waits for Kafka."""

    def __init__(self, app: faust.App, stage: BoundStage) -> None:
        self._topics = {role: app.topic(name) for role, name in stage.outputs.items()}

    async def send(self, outputs: Sequence[Output]) -> list[Output]:
        failed: list[Output] = []
        sent: list[tuple[Output, Awaitable[Any]]] = []
        for output in outputs:
            try:
                future = await self._topics[output.topic].send(
                    key=output.key, value=output.value, headers=dict(output.headers)
                )
            except SEND_FAILURES as exc:
                log.debug("send to %s failed: %s", output.topic, exc)
                failed.append(output)
                continue
            sent.append((output, future))
        results = await asyncio.gather(*(f for _, f in sent), return_exceptions=True)
        for (output, _), result in zip(sent, results, strict=True):
            if isinstance(result, SEND_FAILURES):
                failed.append(output)
            elif isinstance(result, BaseException):
                raise result
        return failed


HandlerFactory = Callable[[], Awaitable[BatchHandler]]


def register(
    app: faust.App, settings: Settings, stage: BoundStage, create_handler: HandlerFactory
) -> None:
    """The stage's agent: batches of `stage.batch_size` (or what came within
    `batch_seconds`) through the stage chain, one at a time."""
    source = app.topic(*stage.inputs)
    worker = settings.worker
    backoff = Backoff(worker.retry_first_seconds, worker.retry_max_seconds)

    @app.agent(source, name=stage.name)
    async def run_stage(stream: Any) -> None:
        handler = await create_handler()
        retry = Retry(stage.name, stage.spec.dependencies, backoff=backoff)
        chain = stage_chain(stage.name, handler, FaustSender(app, stage), retry, hold, release)
        async for events in stream.take_events(stage.batch_size, within=settings.batch_seconds):
            await chain(Batch(records=[record_of(e) for e in events], tokens=events))
