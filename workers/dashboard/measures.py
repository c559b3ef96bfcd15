"""The scrape path's equivalents of the panels' PromQL.

Without Prometheus, the dashboard scrapes the workers' `/metrics` itself
(`workers/monitoring/stats.py`, as `newswire stats` does). Each measure here
computes, from two such scrapes a rate window apart, the series its panel's
query gives in Prometheus, with the same labels: `panels.py` pairs each query
with its measure."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from workers.dashboard.quantile import histogram_quantile
from workers.monitoring.stats import DUPLICATE_OUTCOMES, Snapshot, Stats, compute

Sample = tuple[dict[str, str], float]
"""One series' labels and value."""
FETCHED = frozenset({"ok", "not_modified"})
"""Feed fetch statuses that are not failures."""

K = TypeVar("K", bound=Hashable)


def _grown(now: Mapping[K, float], before: Mapping[K, float]) -> dict[K, float]:
    """Each counter's growth; a counter that went down restarted from zero."""
    return {
        key: value - before.get(key, 0.0) if value >= before.get(key, 0.0) else value
        for key, value in now.items()
    }


def increase(current: Snapshot, previous: Snapshot) -> Snapshot:
    """The counters of `current` less those of `previous` (PromQL's `increase`)."""
    return Snapshot(
        taken_at=current.taken_at,
        articles=_grown(current.articles, previous.articles),
        dlq=_grown(current.dlq, previous.dlq),
        end_to_end=_grown(current.end_to_end, previous.end_to_end),
        feed_fetches=_grown(current.feed_fetches, previous.feed_fetches),
    )


@dataclass(frozen=True)
class Window:
    """Two scrapes of every process, `seconds` apart: what a PromQL range sees."""

    current: Snapshot
    previous: Snapshot
    now: float
    """Unix time of the current scrape."""
    groups: Mapping[str, str]
    """Consumer group -> the stage it consumes for."""
    instances: Mapping[str, str]
    """Scrape target name -> its `host:port`, Prometheus's `instance` label."""

    @property
    def seconds(self) -> float:
        return self.current.taken_at - self.previous.taken_at

    @cached_property
    def rates(self) -> Stats:
        return compute(self.current, self.previous)

    @cached_property
    def grown(self) -> Snapshot:
        return increase(self.current, self.previous)


Measure = Callable[[Window], list[Sample]]


def throughput(window: Window) -> list[Sample]:
    exported = {stage for stage, _ in window.current.articles}
    return [
        ({"stage": row.stage}, row.per_second)
        for row in window.rates.stages
        if row.stage in exported and row.per_second is not None
    ]


def lag_messages(window: Window) -> list[Sample]:
    return [({"group": group}, lag) for group, lag in sorted(window.rates.lag.items())]


def lag_seconds(window: Window) -> list[Sample]:
    """A stage's lag over its consumption rate; absent while it consumes nothing
    and has lag (the estimate would be infinite)."""
    per_second = {row.stage: row.per_second or 0.0 for row in window.rates.stages}
    lag: dict[str, float] = {}
    for group, messages in window.rates.lag.items():
        stage = window.groups.get(group)
        if stage is not None:
            lag[stage] = lag.get(stage, 0.0) + messages
    samples: list[Sample] = []
    for stage, messages in sorted(lag.items()):
        rate = per_second.get(stage, 0.0)
        if messages == 0:
            samples.append(({"stage": stage}, 0.0))
        elif rate > 0:
            samples.append(({"stage": stage}, messages / rate))
    return samples


def _enrich_share(window: Window, outcomes: frozenset[str]) -> list[Sample]:
    """The share of enriched articles with one of `outcomes` in the window; 0 while
    none is enriched (as the query's division by `clamp_min(..., 1e-9)`)."""
    grown = window.grown.articles
    if not any(stage == "enrich" for stage, _ in grown):
        return []
    enriched = sum(v for (stage, _), v in grown.items() if stage == "enrich")
    matched = sum(v for (stage, o), v in grown.items() if stage == "enrich" and o in outcomes)
    return [({}, matched / enriched if enriched else 0.0)]


def duplicate_ratio(window: Window) -> list[Sample]:
    return _enrich_share(window, DUPLICATE_OUTCOMES)


def related_ratio(window: Window) -> list[Sample]:
    return _enrich_share(window, frozenset({"related"}))


def dead_letters(window: Window) -> list[Sample]:
    by_type = compute(window.grown).dlq_by_type
    return [
        ({"stage": stage, "error_type": error_type}, count / window.seconds)
        for (stage, error_type), count in sorted(by_type.items())
        if count > 0
    ]


def end_to_end(q: float) -> Callable[[Window], list[Sample]]:
    """The `q`-quantile of the end-to-end latency of the articles stored in the window."""

    def measure(window: Window) -> list[Sample]:
        value = histogram_quantile(q, window.grown.end_to_end)
        return [] if math.isnan(value) else [({}, value)]

    return measure


def since_last_fetch(window: Window) -> list[Sample]:
    return [
        ({"feed": feed}, window.now - at)
        for feed, at in sorted(window.current.feed_last_success.items())
    ]


def failed_fetches_per_minute(window: Window) -> list[Sample]:
    failed: dict[str, float] = {}
    for (feed, status), count in window.grown.feed_fetches.items():
        if status not in FETCHED:
            failed[feed] = failed.get(feed, 0.0) + count
    return [({"feed": feed}, count / window.seconds * 60) for feed, count in sorted(failed.items())]


def paused(window: Window) -> list[Sample]:
    return [({"stage": stage}, value) for stage, value in sorted(window.current.paused.items())]


def dependencies_down(window: Window) -> list[Sample]:
    return [
        ({"stage": stage, "dependency": dependency}, 1.0 - up)
        for (stage, dependency), up in sorted(window.current.dependencies.items())
    ]


def processes_up(window: Window) -> list[Sample]:
    return [
        (
            {"job": f"newswire-{name}", "instance": window.instances.get(name, name)},
            1.0 if up else 0.0,
        )
        for name, up in sorted(window.current.up.items())
    ]
