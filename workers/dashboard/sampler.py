"""The live page's source without Prometheus: the service scrapes the workers'
`/metrics` itself every few seconds (as `newswire stats` does), computes each
live panel's values over the rate window (`measures.py`), and keeps the last
minutes of them in memory."""

from __future__ import annotations

import asyncio
import threading
import time
import urllib.parse
from collections import deque
from collections.abc import Callable, Mapping, Sequence

from workers.dashboard.measures import Window
from workers.dashboard.panels import (
    RATE_WINDOW_SECONDS,
    REFRESH_SECONDS,
    SPAN_SECONDS,
    Panel,
    live_panels,
)
from workers.dashboard.readings import PanelSeries, Reading
from workers.monitoring.stats import Snapshot, scrape

Point = list[tuple[str, int, dict[str, str], float]]
"""Panel key, query index, labels and value of every series at one time."""


class ScrapeSource:
    kind = "scrape"

    def __init__(
        self,
        targets: Mapping[str, str],
        groups: Mapping[str, str],
        panels: Sequence[Panel] | None = None,
        interval: float = REFRESH_SECONDS,
        span: float = SPAN_SECONDS,
        window: float = RATE_WINDOW_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.targets = dict(targets)
        self.groups = dict(groups)
        self.instances = {name: urllib.parse.urlsplit(url).netloc for name, url in targets.items()}
        self.panels = tuple(panels if panels is not None else live_panels())
        self.interval = interval
        self.span = span
        self.window = window
        self._clock = clock
        self._recent: deque[Snapshot] = deque()
        self._history: deque[tuple[float, Point]] = deque()
        self._unreachable = ""
        self._lock = threading.Lock()

    @property
    def detail(self) -> str:
        return f"the /metrics of {', '.join(self.targets)} (no Prometheus configured)"

    def _previous(self, snapshot: Snapshot) -> Snapshot | None:
        """The latest earlier scrape at least a rate window old; else the oldest,
        so that a service just started shows rates after its second scrape."""
        earlier = [s for s in self._recent if s.taken_at < snapshot.taken_at]
        old_enough = [s for s in earlier if snapshot.taken_at - s.taken_at >= self.window]
        if old_enough:
            return old_enough[-1]
        return earlier[0] if earlier else None

    def record(self, snapshot: Snapshot, now: float) -> None:
        """Add a scrape taken at Unix time `now`, and the live panels' values it gives."""
        with self._lock:
            self._unreachable = (
                ""
                if any(snapshot.up.values())
                else "no pipeline process answers on /metrics: "
                + "; ".join(f"{name}: {error}" for name, error in snapshot.errors.items())
            )
            previous = self._previous(snapshot)
            self._recent.append(snapshot)
            while snapshot.taken_at - self._recent[0].taken_at > 2 * self.window:
                self._recent.popleft()
            if previous is not None:
                self._history.append(
                    (now, self._point(Window(snapshot, previous, now, self.groups, self.instances)))
                )
            while self._history and now - self._history[0][0] > self.span:
                self._history.popleft()

    def _point(self, window: Window) -> Point:
        return [
            (panel.key, index, labels, value)
            for panel in self.panels
            for index, query in enumerate(panel.queries)
            if query.measure is not None
            for labels, value in query.measure(window)
        ]

    def sample(self) -> None:
        self.record(scrape(self.targets), self._clock())

    def read(self, now: float) -> Reading:
        with self._lock:
            history = list(self._history)
            unreachable = self._unreachable
        times = [at for at, _ in history]
        collected = {panel.key: PanelSeries(panel, times) for panel in self.panels}
        for at, point in history:
            for key, index, labels, value in point:
                collected[key].add(index, labels, at, value)
        return Reading(
            source=self.kind,
            times=times,
            panels={key: series.series() for key, series in collected.items()},
            errors=[unreachable] if unreachable else [],
        )

    async def run(self) -> None:
        """Scrape every `interval` seconds until cancelled."""
        while True:
            await asyncio.to_thread(self.sample)
            await asyncio.sleep(self.interval)
