"""The Faust application of one worker role."""

from __future__ import annotations

import ssl
from typing import Any

import faust
from faust.sensors.prometheus import setup_prometheus_sensors

from workers.settings import Settings

ROLES = ("enrich", "store")


def broker_url(settings: Settings) -> str:
    return ";".join(
        f"kafka://{hostport.strip()}" for hostport in settings.kafka_bootstrap.split(",")
    )


def _credentials(settings: Settings) -> Any:
    sec = settings.kafka_security
    context = ssl.create_default_context(cafile=sec.ssl_cafile) if sec.ssl_cafile else None
    if sec.sasl_mechanism and sec.sasl_mechanism.upper().startswith("SCRAM"):
        password = sec.sasl_password.get_secret_value() if sec.sasl_password else ""
        return faust.SASLCredentials(
            username=sec.sasl_username,
            password=password,
            mechanism=sec.sasl_mechanism,
            ssl_context=context,
        )
    if context is not None:
        return faust.SSLCredentials(context)
    return None


def create_app(settings: Settings, role: str) -> faust.App:
    """A Faust app whose consumer group is `settings.group(role)`.

    Offsets are committed only after the agent has handled a batch and the
    producer has flushed its sends, so a crash replays rather than loses."""
    web_port = settings.metrics.enrich_web if role == "enrich" else settings.metrics.store_web
    app = faust.App(
        settings.group(role),
        broker=broker_url(settings),
        broker_credentials=_credentials(settings),
        value_serializer="raw",
        key_serializer="raw",
        topic_partitions=settings.topics.partitions,
        topic_replication_factor=settings.topics.replication_factor,
        consumer_auto_offset_reset="earliest",
        broker_commit_every=500,
        broker_commit_interval=1.0,
        web_port=web_port,
        web_bind="127.0.0.1",
        producer_acks=-1,
        producer_max_request_size=settings.max_item_bytes * 2,
        # A produce request per message cost a fifth of the enrichment worker's
        # time in socket writes; batches that linger 20 ms a quarter of that.
        producer_linger=0.02,
        producer_max_batch_size=1 << 20,
        topic_allow_declare=True,
        store="memory://",
    )
    setup_prometheus_sensors(app, name_prefix=f"faust_{role}")
    return app
