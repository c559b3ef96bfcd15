"""Faust's own events as metrics with the stage as a label (Faust's Prometheus
monitor puts the app's name in every metric name, and names a duration in
milliseconds, which `promtool check metrics` refuses)."""

from __future__ import annotations

import time
from typing import Any

import faust

from workers import metrics
from workers.models import Stage


class StageSensor(faust.Sensor):
    def __init__(self, stage: Stage, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stage: Stage = stage
        metrics.FAUST_REBALANCES.labels(stage)
        metrics.FAUST_SEND_ERRORS.labels(stage)
        metrics.FAUST_COMMIT_SECONDS.labels(stage)

    def on_stream_event_in(self, tp: Any, offset: int, stream: Any, event: Any) -> None:
        metrics.FAUST_EVENTS.labels(self.stage, tp.topic).inc()

    def on_send_initiated(
        self, producer: Any, topic: str, message: Any, keysize: int, valsize: int
    ) -> None:
        metrics.FAUST_SENT.labels(self.stage, topic).inc()

    def on_send_error(self, producer: Any, exc: BaseException, state: Any) -> None:
        metrics.FAUST_SEND_ERRORS.labels(self.stage).inc()

    def on_commit_initiated(self, consumer: Any) -> float:
        return time.monotonic()

    def on_commit_completed(self, consumer: Any, state: Any) -> None:
        if isinstance(state, float):
            metrics.FAUST_COMMIT_SECONDS.labels(self.stage).observe(time.monotonic() - state)

    def on_rebalance_start(self, app: Any) -> dict[str, float]:
        metrics.FAUST_REBALANCES.labels(self.stage).inc()
        return {"time_start": time.monotonic()}

    def on_rebalance_end(self, app: Any, state: dict[str, float]) -> None:
        started = state.get("time_start")
        if started is not None:
            metrics.FAUST_REBALANCE_SECONDS.labels(self.stage).observe(time.monotonic() - started)
        metrics.FAUST_PARTITIONS.labels(self.stage).set(len(app.consumer.assignment()))
