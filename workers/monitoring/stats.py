"""`newswire stats` and `newswire top`: the pipeline's numbers, read from each
process's `/metrics` endpoint."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field

from prometheus_client.parser import text_string_to_metric_families
from rich.console import Group
from rich.table import Table
from rich.text import Text

from workers.settings import Settings
from workers.topology import SPECS, topology

STAGES = tuple(spec.name for spec in SPECS)
DUPLICATE_OUTCOMES = frozenset({"duplicate", "near_duplicate"})


def default_targets(settings: Settings, host: str = "127.0.0.1") -> dict[str, str]:
    """Every stage's `/metrics` endpoint, as the topology places them."""
    return topology(settings).metrics_targets(host)


@dataclass
class Snapshot:
    """Counters summed over every reachable process; lag de-duplicated by series."""

    taken_at: float
    articles: dict[tuple[str, str], float] = field(default_factory=dict)
    dlq: dict[tuple[str, str], float] = field(default_factory=dict)
    lag: dict[tuple[str, str, str], float] = field(default_factory=dict)
    paused: dict[str, float] = field(default_factory=dict)
    dependencies: dict[tuple[str, str], float] = field(default_factory=dict)
    """(stage, dependency) -> 1 up, 0 down; the lowest value any process reports."""
    up: dict[str, bool] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    end_to_end: dict[float, float] = field(default_factory=dict)
    """Cumulative `newswire_end_to_end_seconds` buckets: upper bound -> count."""
    feed_fetches: dict[tuple[str, str], float] = field(default_factory=dict)
    """(feed, status) -> fetches."""
    feed_last_success: dict[str, float] = field(default_factory=dict)
    """feed -> Unix time of its last successful fetch, the latest any process reports."""
    dead_letters: float | None = None
    """Messages in the dead-letter topic, when read: it counts every producer's
    dead letters, one-shot ones that no scrape ever sees included."""

    def dead_letter_total(self) -> float:
        return self.dead_letters if self.dead_letters is not None else sum(self.dlq.values())

    def add_text(self, text: str) -> None:
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                labels = sample.labels
                if sample.name == "newswire_articles_total":
                    key = (labels.get("stage", ""), labels.get("outcome", ""))
                    self.articles[key] = self.articles.get(key, 0.0) + sample.value
                elif sample.name == "newswire_dlq_total":
                    key = (labels.get("stage", ""), labels.get("error_type", ""))
                    self.dlq[key] = self.dlq.get(key, 0.0) + sample.value
                elif sample.name == "newswire_stage_paused":
                    stage = labels.get("stage", "")
                    self.paused[stage] = max(self.paused.get(stage, 0.0), sample.value)
                elif sample.name == "newswire_dependency_up":
                    dep = (labels.get("stage", ""), labels.get("dependency", ""))
                    self.dependencies[dep] = min(self.dependencies.get(dep, 1.0), sample.value)
                elif sample.name == "newswire_consumer_lag":
                    series = (
                        labels.get("group", ""),
                        labels.get("topic", ""),
                        labels.get("partition", ""),
                    )
                    # Several processes may export the same series: keep the newest-looking max.
                    self.lag[series] = max(self.lag.get(series, 0.0), sample.value)
                elif sample.name == "newswire_end_to_end_seconds_bucket":
                    le = float(labels.get("le", "+Inf"))
                    self.end_to_end[le] = self.end_to_end.get(le, 0.0) + sample.value
                elif sample.name == "newswire_feed_fetch_total":
                    fetch = (labels.get("feed", ""), labels.get("status", ""))
                    self.feed_fetches[fetch] = self.feed_fetches.get(fetch, 0.0) + sample.value
                elif sample.name == "newswire_feed_last_success_timestamp_seconds":
                    feed = labels.get("feed", "")
                    self.feed_last_success[feed] = max(
                        self.feed_last_success.get(feed, 0.0), sample.value
                    )

    def stage_total(self, stage: str) -> float:
        return sum(v for (s, _), v in self.articles.items() if s == stage)

    def lag_by_group(self) -> dict[str, float]:
        groups: dict[str, float] = {}
        for (group, _, _), value in self.lag.items():
            groups[group] = groups.get(group, 0.0) + value
        return groups


def fetch(url: str, timeout: float = 2.0) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        body: bytes = response.read()
    return body.decode("utf-8")


def scrape(targets: Mapping[str, str], timeout: float = 2.0) -> Snapshot:
    snapshot = Snapshot(taken_at=time.monotonic())
    for name, url in targets.items():
        try:
            snapshot.add_text(fetch(url, timeout))
            snapshot.up[name] = True
        except (urllib.error.URLError, OSError, ValueError) as exc:
            snapshot.up[name] = False
            snapshot.errors[name] = str(getattr(exc, "reason", exc))
    return snapshot


@dataclass(frozen=True)
class StageRow:
    stage: str
    total: float
    per_second: float | None


@dataclass(frozen=True)
class Stats:
    stages: tuple[StageRow, ...]
    lag: dict[str, float]
    duplicate_ratio: float | None
    dlq_total: float
    dlq_per_second: float | None
    dlq_by_type: dict[tuple[str, str], float]
    paused: dict[str, bool]
    down: dict[str, tuple[str, ...]]
    """The dependencies each stage finds down."""
    up: dict[str, bool]
    errors: dict[str, str]


def _rate(now: float, before: float | None, seconds: float | None) -> float | None:
    if before is None or not seconds or seconds <= 0:
        return None
    return max(0.0, now - before) / seconds


def compute(current: Snapshot, previous: Snapshot | None = None) -> Stats:
    """Totals from `current`; rates from the difference with `previous` when given."""
    seconds = current.taken_at - previous.taken_at if previous is not None else None
    stages = tuple(
        StageRow(
            stage,
            current.stage_total(stage),
            _rate(
                current.stage_total(stage),
                previous.stage_total(stage) if previous else None,
                seconds,
            ),
        )
        for stage in STAGES
    )
    enrich_total = current.stage_total("enrich")
    duplicates = sum(
        v for (s, o), v in current.articles.items() if s == "enrich" and o in DUPLICATE_OUTCOMES
    )
    dlq_total = current.dead_letter_total()
    return Stats(
        stages=stages,
        lag=current.lag_by_group(),
        duplicate_ratio=duplicates / enrich_total if enrich_total else None,
        dlq_total=dlq_total,
        dlq_per_second=_rate(
            dlq_total, previous.dead_letter_total() if previous else None, seconds
        ),
        dlq_by_type=dict(current.dlq),
        paused={stage: value > 0 for stage, value in current.paused.items()},
        down={
            stage: tuple(
                sorted(d for (s, d), v in current.dependencies.items() if s == stage and v < 1)
            )
            for stage in {s for s, _ in current.dependencies}
        },
        up=dict(current.up),
        errors=dict(current.errors),
    )


def _num(value: float | None, fmt: str = "{:,.0f}") -> str:
    return "-" if value is None else fmt.format(value)


def render(stats: Stats) -> Group:
    throughput = Table(title="Throughput", expand=False)
    throughput.add_column("stage")
    throughput.add_column("articles", justify="right")
    throughput.add_column("per second", justify="right")
    for row in stats.stages:
        throughput.add_row(row.stage, _num(row.total), _num(row.per_second, "{:,.1f}"))

    lag = Table(title="Consumer lag", expand=False)
    lag.add_column("group")
    lag.add_column("messages behind", justify="right")
    for group, value in sorted(stats.lag.items()):
        lag.add_row(group, _num(value))
    if not stats.lag:
        lag.add_row("(no lag exported)", "-")

    health = Table(title="Stages", expand=False)
    health.add_column("stage")
    health.add_column("state")
    health.add_column("dependencies down")
    for stage in sorted(set(stats.paused) | set(stats.down)):
        paused = stats.paused.get(stage, False)
        health.add_row(
            stage,
            Text("paused", style="bold red") if paused else Text("running", style="green"),
            ", ".join(stats.down.get(stage, ())) or "-",
        )
    if not stats.paused and not stats.down:
        health.add_row("(no stage exported)", "-", "-")

    quality = Table(title="Duplicates and dead letters", expand=False)
    quality.add_column("measure")
    quality.add_column("value", justify="right")
    ratio = stats.duplicate_ratio
    quality.add_row("duplicate ratio (enrich)", "-" if ratio is None else f"{ratio:.1%}")
    quality.add_row("dead letters", _num(stats.dlq_total))
    quality.add_row("dead letters per second", _num(stats.dlq_per_second, "{:,.2f}"))
    for (stage, error_type), value in sorted(stats.dlq_by_type.items()):
        quality.add_row(f"  {stage} / {error_type}", _num(value))

    status = Text()
    for name, ok in stats.up.items():
        status.append(f"{name}: ", style="bold")
        if ok:
            status.append("up  ", style="green")
        else:
            status.append(f"down ({stats.errors.get(name, '?')})  ", style="red")
    return Group(status, throughput, health, lag, quality)
