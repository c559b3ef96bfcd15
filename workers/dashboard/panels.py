"""Every panel of the pipeline's dashboards, declared once: its PromQL, title,
description and unit. The Grafana dashboard in `ops/` is rendered from these
(`grafana.py`); the live page at `/dashboard` shows the panels that have a
`view`, reading the same queries from Prometheus, or without one computing each
query's `measure` from the workers' `/metrics` (`measures.py`).

Queries use Grafana's `$__rate_interval`; the live page puts its own rate window
in its place (`RATE_WINDOW_SECONDS`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from workers.dashboard import measures
from workers.dashboard.measures import Measure

Unit = Literal["ops", "s", "short", "percentunit", "bool_on_off"]
"""Grafana unit ids; the live page formats the same ones."""
Kind = Literal["timeseries", "stat", "table"]
"""The Grafana panel type."""
View = Literal["chart", "badges", "table"]
"""How the live page shows a panel: a uPlot chart, one badge per series (its
latest value's state), or a table with one row per value of the panel's `by`
label and one column per query."""

RATE = "$__rate_interval"
RATE_WINDOW_SECONDS = 30
"""The live page's range for `rate()`: two scrapes at least at Prometheus's
usual 15 s interval, and what the scrape path computes its rates over."""
REFRESH_SECONDS = 2
"""How often the live page reads again, and the scrape path's scrape interval."""
SPAN_SECONDS = 600
"""How far back the live page's charts reach."""


@dataclass(frozen=True)
class State:
    """What a value means, for badges and Grafana's value mappings."""

    value: float
    text: str
    ok: bool


@dataclass(frozen=True)
class Query:
    expr: str
    legend: str
    """Grafana's legend format: `{{label}}` stands for a series' label value."""
    measure: Measure | None = None
    """The query's equivalent over scraped `/metrics`; required on live panels."""
    column: str = ""
    """A table panel's column title for this query's values."""
    unit: Unit | None = None
    """This query's unit when it differs from its panel's (a table column)."""
    failing_above: float | None = None
    """A table row whose value of this query is above this is failing (live page)."""


@dataclass(frozen=True)
class Panel:
    key: str
    """Stable name of the panel on the live page (and in its tests)."""
    title: str
    description: str
    unit: Unit
    queries: tuple[Query, ...]
    kind: Kind = "timeseries"
    view: View | None = None
    """How the live page shows the panel; None: only in Grafana."""
    states: tuple[State, ...] = ()
    by: str = ""
    """The label a table's rows are keyed by."""
    width: int = 12
    """Grafana grid columns, of 24."""


@dataclass(frozen=True)
class Row:
    title: str
    panels: tuple[Panel, ...]


LAG = "max by (group, topic, partition) (newswire_consumer_lag)"
"""Lag de-duplicated: every worker of a group exports its group's lag."""
STAGE_LAG = f'sum by (stage) (label_replace({LAG}, "stage", "$1", "group", ".*-([^-]+)"))'
"""Lag by the stage a group consumes for (`<prefix>-<stage>`)."""
STAGE_RATE = f"sum by (stage) (rate(newswire_articles_total[{RATE}]))"
ENRICHED = f'sum(rate(newswire_articles_total{{stage="enrich"}}[{RATE}]))'
FAILED_FETCHES = f'rate(newswire_feed_fetch_total{{status!~"ok|not_modified"}}[{RATE}])'


def enrich_share(outcomes: str) -> str:
    """The share of enriched articles whose outcome matches the regex `outcomes`."""
    matched = f'newswire_articles_total{{stage="enrich", outcome=~"{outcomes}"}}'
    return f"sum(rate({matched}[{RATE}])) / clamp_min({ENRICHED}, 1e-9)"


def end_to_end(q: float) -> Query:
    buckets = f"rate(newswire_end_to_end_seconds_bucket[{RATE}])"
    return Query(
        f"histogram_quantile({q}, sum by (le) ({buckets}))",
        f"p{round(q * 100)}",
        measures.end_to_end(q),
    )


RUNNING = (State(0, "running", True), State(1, "paused", False))
UP = (State(1, "up", True), State(0, "down", False))
DOWN = (State(0, "up", True), State(1, "down", False))

ROWS: tuple[Row, ...] = (
    Row(
        "Throughput",
        (
            Panel(
                "throughput",
                "Articles per second by stage",
                "Every article handled by each stage, whatever the outcome.",
                "ops",
                (Query(STAGE_RATE, "{{stage}}", measures.throughput),),
                view="chart",
            ),
            Panel(
                "outcomes",
                "Outcomes per second",
                "Articles per second by stage and outcome: the dedup decisions (new, "
                "version, duplicate, near_duplicate, related), invalid (dead-lettered) "
                "and failed.",
                "ops",
                (
                    Query(
                        f"sum by (stage, outcome) (rate(newswire_articles_total[{RATE}]))",
                        "{{stage}} {{outcome}}",
                    ),
                ),
            ),
            Panel(
                "stored",
                "Stored per second",
                "Articles the storage stage handled per second.",
                "ops",
                (Query(f'sum(rate(newswire_articles_total{{stage="store"}}[{RATE}]))', "stored"),),
                kind="stat",
                width=6,
            ),
            Panel(
                "duplicate_share",
                "Duplicate ratio",
                "Exact and near duplicates among enriched articles.",
                "percentunit",
                (Query(enrich_share("duplicate|near_duplicate"), "duplicates"),),
                kind="stat",
                width=6,
            ),
            Panel(
                "dead_letter_rate",
                "Dead letters per second",
                "Messages every stage sent to the dead-letter topic, per second.",
                "ops",
                (Query(f"sum(rate(newswire_dlq_total[{RATE}]))", "dead letters"),),
                kind="stat",
                width=6,
            ),
            Panel(
                "total_lag",
                "Total consumer lag",
                "Messages every consumer group has yet to read, all topics together.",
                "short",
                (Query(f"sum({LAG})", "lag"),),
                kind="stat",
                width=6,
            ),
        ),
    ),
    Row(
        "Health",
        (
            Panel(
                "paused",
                "Paused stages",
                "1 while a stage waits for a dependency (it retries and resumes by "
                "itself; nothing is dead-lettered meanwhile).",
                "bool_on_off",
                (Query("max by (stage) (newswire_stage_paused)", "{{stage}}", measures.paused),),
                view="badges",
                states=RUNNING,
            ),
            Panel(
                "dependencies_down",
                "Dependencies down, by stage",
                "1 while a stage's calls to Kafka, Redis or the database fail.",
                "bool_on_off",
                (
                    Query(
                        "1 - min by (stage, dependency) (newswire_dependency_up)",
                        "{{stage}} / {{dependency}}",
                        measures.dependencies_down,
                    ),
                ),
                view="badges",
                states=DOWN,
            ),
            Panel(
                "dependency_health",
                "Dependency health",
                "Kafka, Redis and the database: up while every stage that needs one "
                "reaches it, down while any stage's calls to it fail.",
                "bool_on_off",
                (Query("min by (dependency) (newswire_dependency_up)", "{{dependency}}"),),
                kind="stat",
                states=UP,
            ),
            Panel(
                "processes",
                "Processes up",
                "Whether each pipeline process answers on /metrics.",
                "bool_on_off",
                (
                    Query(
                        'up{job=~"newswire-.*"}',
                        "{{job}} {{instance}}",
                        measures.processes_up,
                    ),
                ),
                kind="stat",
                view="badges",
                states=UP,
            ),
        ),
    ),
    Row(
        "Latency",
        (
            Panel(
                "latency",
                "End-to-end latency (fetched to stored)",
                "Percentiles of the time from an article's fetch to its storage, over "
                "the articles stored in the rate window.",
                "s",
                (end_to_end(0.5), end_to_end(0.9), end_to_end(0.99)),
                view="chart",
            ),
            Panel(
                "stage_seconds",
                "Processing time per article, p99 by stage",
                "The 99th percentile and the mean of each stage's processing time per "
                "article (its share of the batch time).",
                "s",
                (
                    Query(
                        "histogram_quantile(0.99, sum by (stage, le) "
                        f"(rate(newswire_stage_seconds_bucket[{RATE}])))",
                        "{{stage}} p99",
                    ),
                    Query(
                        f"sum by (stage) (rate(newswire_stage_seconds_sum[{RATE}])) / "
                        f"clamp_min(sum by (stage) (rate(newswire_stage_seconds_count[{RATE}])), "
                        "1e-9)",
                        "{{stage}} mean",
                    ),
                ),
            ),
        ),
    ),
    Row(
        "Consumers",
        (
            Panel(
                "lag_messages",
                "Consumer lag by group (messages)",
                "Messages each consumer group has yet to read, all its topics together.",
                "short",
                (Query(f"sum by (group) ({LAG})", "{{group}}", measures.lag_messages),),
                view="chart",
            ),
            Panel(
                "lag_seconds",
                "Consumer lag by stage (seconds, estimated)",
                "How long each stage needs to catch up: its lag in messages divided by "
                "the rate it handles articles at over the rate window. An estimate, not "
                "a measured age; absent while the stage handles nothing and has lag.",
                "s",
                (
                    Query(
                        f"({STAGE_LAG} / on (stage) ({STAGE_RATE} > 0)) "
                        f"or on (stage) ({STAGE_LAG} == 0)",
                        "{{stage}}",
                        measures.lag_seconds,
                    ),
                ),
                view="chart",
            ),
            Panel(
                "lag_partitions",
                "Consumer lag by partition",
                "Messages behind per partition: one partition far behind the others "
                "points at a stuck worker or a hot key.",
                "short",
                (Query(LAG, "{{group}} {{topic}}[{{partition}}]"),),
            ),
        ),
    ),
    Row(
        "Quality",
        (
            Panel(
                "duplicates",
                "Duplicate ratio over time",
                "Exact and near duplicates, and related articles (same story), among "
                "the articles enriched in the rate window.",
                "percentunit",
                (
                    Query(
                        enrich_share("duplicate|near_duplicate"),
                        "duplicates",
                        measures.duplicate_ratio,
                    ),
                    Query(enrich_share("related"), "related", measures.related_ratio),
                ),
                view="chart",
            ),
            Panel(
                "dead_letters",
                "Dead letters per second by error type",
                "Messages sent to the dead-letter topic per second, by stage and error "
                "type, while there are any; `newswire dlq list` shows them.",
                "ops",
                (
                    Query(
                        f"sum by (stage, error_type) (rate(newswire_dlq_total[{RATE}])) > 0",
                        "{{stage}} {{error_type}}",
                        measures.dead_letters,
                    ),
                ),
                view="chart",
            ),
            Panel(
                "cache_hits",
                "Cache hit ratio",
                "Share of look-ups each Redis cache answered.",
                "percentunit",
                (
                    Query(
                        "sum by (cache) (rate(newswire_cache_requests_total"
                        f'{{result="hit"}}[{RATE}])) / clamp_min(sum by (cache) '
                        f"(rate(newswire_cache_requests_total[{RATE}])), 1e-9)",
                        "{{cache}}",
                    ),
                ),
            ),
        ),
    ),
    Row(
        "Feeds",
        (
            Panel(
                "feeds",
                "Feed health",
                "Per followed feed: the time since its last successful fetch, and its "
                "failed fetches (HTTP errors, time-outs) per minute over the rate window.",
                "short",
                (
                    Query(
                        "time() - newswire_feed_last_success_timestamp_seconds",
                        "{{feed}}",
                        measures.since_last_fetch,
                        column="since last success",
                        unit="s",
                    ),
                    Query(
                        f"sum by (feed) ({FAILED_FETCHES}) * 60",
                        "{{feed}}",
                        measures.failed_fetches_per_minute,
                        column="failed fetches per minute",
                        failing_above=0,
                    ),
                ),
                kind="table",
                view="table",
                by="feed",
            ),
            Panel(
                "feed_staleness",
                "Seconds since last successful fetch",
                "Each feed's time since its last successful fetch, against the age at "
                "which the NewswireFeedStale alert calls it stale (two poll intervals).",
                "s",
                (
                    Query("time() - newswire_feed_last_success_timestamp_seconds", "{{feed}}"),
                    Query("2 * newswire_feed_poll_interval_seconds", "{{feed}} stale after"),
                ),
            ),
            Panel(
                "fetch_statuses",
                "Fetches per minute by status",
                "Feed fetches per minute by feed and status (ok, not_modified, "
                "http_<code>, timeout, error).",
                "short",
                (
                    Query(
                        f"sum by (feed, status) (rate(newswire_feed_fetch_total[{RATE}])) * 60",
                        "{{feed}} {{status}}",
                    ),
                ),
            ),
        ),
    ),
    Row(
        "Workers (Faust)",
        (
            Panel(
                "faust_events",
                "Events received per second",
                "Events the Faust agents took from Kafka, by stage, before newswire's "
                "own processing.",
                "ops",
                (
                    Query(
                        f"sum by (stage) (rate(newswire_faust_events_total[{RATE}]))",
                        "{{stage}}",
                    ),
                ),
            ),
            Panel(
                "rebalances",
                "Consumer-group rebalances per minute",
                "Rebalances each stage's workers went through: a steady stream means "
                "workers keep joining and leaving the group; check their health.",
                "short",
                (
                    Query(
                        f"sum by (stage) (rate(newswire_faust_rebalances_total[{RATE}])) * 60",
                        "{{stage}}",
                    ),
                ),
            ),
        ),
    ),
)


def panels() -> tuple[Panel, ...]:
    return tuple(panel for row in ROWS for panel in row.panels)


def live_panels() -> tuple[Panel, ...]:
    return tuple(panel for panel in panels() if panel.view is not None)
