"""What the live page reads: every live panel's series on one shared time axis,
whichever source computed them."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from pydantic import BaseModel, Field

from workers.dashboard.panels import Panel

LEGEND_LABEL = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def legend(template: str, labels: Mapping[str, str]) -> str:
    """Grafana's legend format: each `{{label}}` replaced by the label's value."""
    return LEGEND_LABEL.sub(lambda match: labels.get(match.group(1), ""), template).strip()


class Series(BaseModel):
    name: str
    query: int
    """Index of the panel query that gave the series."""
    labels: dict[str, str]
    values: list[float | None]
    """One per time of the reading; null where the series has no value."""


class Reading(BaseModel):
    source: str
    times: list[float] = Field(description="Unix times, oldest first.")
    panels: dict[str, list[Series]]
    errors: list[str] = Field(default_factory=list)
    """What could not be read (an unreachable Prometheus, a process down)."""


class PanelSeries:
    """Collects one panel's values into series aligned on `times`."""

    def __init__(self, panel: Panel, times: Sequence[float]) -> None:
        self._panel = panel
        self._slots = {round(t, 3): i for i, t in enumerate(times)}
        self._size = len(times)
        self._series: dict[tuple[int, tuple[tuple[str, str], ...]], Series] = {}

    def add(self, query: int, labels: Mapping[str, str], at: float, value: float) -> None:
        slot = self._slots.get(round(at, 3))
        if slot is None:
            return
        key = (query, tuple(sorted(labels.items())))
        series = self._series.get(key)
        if series is None:
            series = Series(
                name=legend(self._panel.queries[query].legend, labels),
                query=query,
                labels=dict(labels),
                values=[None] * self._size,
            )
            self._series[key] = series
        series.values[slot] = value if math.isfinite(value) else None

    def series(self) -> list[Series]:
        return sorted(self._series.values(), key=lambda s: (s.query, s.name))
