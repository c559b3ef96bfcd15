"""`newswire_consumer_lag{topic,partition,group}`: committed offsets against end offsets.

Any process can run a `LagCollector`; each worker runs one for its own group so
the lag is exported even while the worker is stuck or busy.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence

from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError
from prometheus_client import Gauge

from workers.errors import NewswireError
from workers.kafka_offsets import client_config, group_lag
from workers.metrics import CONSUMER_LAG
from workers.settings import Settings
from workers.topology import BoundStage

log = logging.getLogger(__name__)

GroupTopics = Mapping[str, Sequence[str] | None]
LagSample = tuple[str, str, int, int]  # group, topic, partition, lag


class LagCollector:
    """Computes lag for `groups` ({group: topics or None for all committed topics})."""

    def __init__(
        self,
        settings: Settings,
        groups: GroupTopics,
        interval: float = 5.0,
        gauge: Gauge = CONSUMER_LAG,
    ) -> None:
        self._settings = settings
        self._groups = dict(groups)
        self._interval = interval
        self._gauge = gauge
        self._admin: KafkaAdminClient | None = None
        self._exported: set[tuple[str, str, str]] = set()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def _client(self) -> KafkaAdminClient:
        if self._admin is None:
            self._admin = KafkaAdminClient(
                client_id="newswire-lag", **client_config(self._settings)
            )
        return self._admin

    def collect_once(self) -> list[LagSample]:
        """Query the broker once, update the gauge, return (group, topic, partition, lag)."""
        with self._lock:
            samples: list[LagSample] = []
            for group, topics in self._groups.items():
                lag = group_lag(self._client(), group, topics)
                samples.extend((group, tp.topic, tp.partition, n) for tp, n in lag.items())
            seen: set[tuple[str, str, str]] = set()
            for group, topic, partition, n in samples:
                labels = (topic, str(partition), group)
                self._gauge.labels(*labels).set(n)
                seen.add(labels)
            for labels in self._exported - seen:
                self._gauge.remove(*labels)
            self._exported = seen
            return samples

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.collect_once()
            except (KafkaError, NewswireError, OSError) as exc:
                log.warning("consumer lag not refreshed: %s", exc)
                self._reset_client()
            except Exception:
                log.exception("consumer lag collector failed; retrying")
                self._reset_client()
            self._stop.wait(self._interval)

    def _reset_client(self) -> None:
        with self._lock:
            if self._admin is not None:
                try:
                    self._admin.close()
                except Exception:
                    log.debug("closing lag admin client failed", exc_info=True)
                self._admin = None

    def start(self) -> LagCollector:
        """Refresh the gauge every `interval` seconds in a daemon thread."""
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(
                target=self._run, name="newswire-lag-collector", daemon=True
            )
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._reset_client()


def start_lag_collector(
    settings: Settings, stages: Sequence[BoundStage], interval: float = 5.0
) -> LagCollector:
    """Start exporting the lag of the consumer groups of `stages`."""
    chosen = {stage.group: list(stage.inputs) for stage in stages}
    return LagCollector(settings, chosen, interval=interval).start()
