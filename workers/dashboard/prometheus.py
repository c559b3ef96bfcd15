"""The live page's source when a Prometheus is configured
(`NEWSWIRE_API__PROMETHEUS_URL`): each live panel's PromQL as a range query
over its HTTP API."""

from __future__ import annotations

import json
import math
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from typing import Any

from workers.dashboard.panels import (
    RATE,
    RATE_WINDOW_SECONDS,
    REFRESH_SECONDS,
    SPAN_SECONDS,
    Panel,
    live_panels,
)
from workers.dashboard.readings import PanelSeries, Reading


class PrometheusError(Exception):
    pass


def promql(expr: str) -> str:
    """A panel's query with the live page's rate window for Grafana's `$__rate_interval`."""
    return expr.replace(RATE, f"{RATE_WINDOW_SECONDS}s")


def grid(now: float, span: float = SPAN_SECONDS, step: float = REFRESH_SECONDS) -> list[float]:
    """The times a reading holds: every `step` up to `now`, on multiples of `step`
    so that successive readings share their points."""
    end = math.floor(now / step) * step
    return [end - span + i * step for i in range(int(span / step) + 1)]


def matrix(body: dict[str, Any]) -> list[tuple[dict[str, str], list[tuple[float, float]]]]:
    """The series of a `query_range` answer: labels and (time, value) pairs."""
    if body.get("status") != "success":
        raise PrometheusError(str(body.get("error") or body))
    return [
        (dict(item["metric"]), [(float(t), float(v)) for t, v in item["values"]])
        for item in body["data"]["result"]
    ]


class PrometheusSource:
    kind = "prometheus"

    def __init__(
        self, url: str, panels: Sequence[Panel] | None = None, timeout: float = 5.0
    ) -> None:
        self.url = url.rstrip("/")
        self.panels = tuple(panels if panels is not None else live_panels())
        self.timeout = timeout

    @property
    def detail(self) -> str:
        """The URL without its credentials, if it has any."""
        parts = urllib.parse.urlsplit(self.url)
        host = f"{parts.hostname}:{parts.port}" if parts.port else f"{parts.hostname}"
        return f"Prometheus at {parts.scheme}://{host}{parts.path}"

    def query_range(
        self, expr: str, start: float, end: float, step: float
    ) -> list[tuple[dict[str, str], list[tuple[float, float]]]]:
        form = urllib.parse.urlencode(
            {"query": promql(expr), "start": start, "end": end, "step": step}
        ).encode()
        request = urllib.request.Request(f"{self.url}/api/v1/query_range", data=form)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = json.load(response)
        except urllib.error.HTTPError as exc:
            # Prometheus answers a bad query with 400 and says why in the body.
            try:
                body = json.load(exc)
            except ValueError:
                raise PrometheusError(f"HTTP {exc.code}") from exc
        return matrix(body)

    def read(self, now: float) -> Reading:
        times = grid(now)
        reading = Reading(source=self.kind, times=times, panels={})
        for panel in self.panels:
            collected = PanelSeries(panel, times)
            for index, query in enumerate(panel.queries):
                try:
                    result = self.query_range(query.expr, times[0], times[-1], REFRESH_SECONDS)
                except (urllib.error.URLError, OSError, ValueError) as exc:
                    reason = getattr(exc, "reason", exc)
                    reading.errors.append(f"cannot read {self.detail}: {reason}")
                    return reading
                except PrometheusError as exc:
                    reading.errors.append(f"{panel.title}: Prometheus refused the query: {exc}")
                    continue
                for labels, values in result:
                    for at, value in values:
                        collected.add(index, labels, at, value)
            reading.panels[panel.key] = collected.series()
        return reading

    async def run(self) -> None:
        """Nothing to collect: Prometheus keeps the history."""
