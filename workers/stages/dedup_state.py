"""The dedup state's rebuild from storage, wired to this deployment's Redis,
database and Kafka (the enrichment worker and `newswire dedup rebuild` use it)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from kafka.errors import KafkaError

from workers import redis_client
from workers.dedup.rebuild import Rebuilder, WindowSource
from workers.dedup.redis_state import dedup_prefix
from workers.errors import NewswireError, TransientError
from workers.kafka_clients import admin_client
from workers.kafka_offsets import group_lag
from workers.settings import Settings
from workers.storage.factory import open_database
from workers.topology import topology

log = logging.getLogger(__name__)

SETTLE_POLLS = 2
POLL_SECONDS = 1.0
REPORT_EVERY_SECONDS = 30.0


def store_lag(settings: Settings) -> int:
    """Messages the storage group has not written yet."""
    store = topology(settings).stage("store")
    try:
        with admin_client(settings, "newswire-dedup-rebuild") as admin:
            return sum(group_lag(admin, store.group, list(store.inputs)).values())
    except (KafkaError, NewswireError) as exc:
        raise TransientError(f"cannot read the storage group's lag: {exc}", "kafka") from exc


def wait_for_storage(settings: Settings) -> Callable[[Callable[[], None]], None]:
    """Waits until the storage group has no lag twice in a row."""

    def wait(keep_alive: Callable[[], None]) -> None:
        quiet = 0
        reported = time.monotonic()
        while quiet < SETTLE_POLLS:
            lag = store_lag(settings)
            keep_alive()
            quiet = quiet + 1 if lag == 0 else 0
            if lag and time.monotonic() - reported > REPORT_EVERY_SECONDS:
                log.warning("dedup rebuild waits for storage: %d messages not written yet", lag)
                reported = time.monotonic()
            if quiet < SETTLE_POLLS:
                time.sleep(POLL_SECONDS)

    return wait


def rebuilder(settings: Settings) -> Rebuilder:
    def source() -> WindowSource:
        return open_database(settings)

    return Rebuilder(
        redis_client.sync_client(settings, check=False),
        dedup_prefix(settings),
        settings.dedup,
        source,
        wait_for_storage(settings),
    )
