"""Prometheus metrics. Names and labels are part of the contract
(docs/ARCHITECTURE.md, Metrics): dashboards and alert rules in `ops/` use them."""

from __future__ import annotations

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    start_http_server,
)

from workers.dedup.decision import OUTCOMES
from workers.errors import NewswireError, PermanentError
from workers.models import Stage

STAGE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
END_TO_END_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)

ARTICLES = Counter(
    "newswire_articles",
    "Articles handled, by stage and outcome.",
    ["stage", "outcome"],
)
STAGE_SECONDS = Histogram(
    "newswire_stage_seconds",
    "Processing time per article in a stage.",
    ["stage"],
    buckets=STAGE_BUCKETS,
)
END_TO_END_SECONDS = Histogram(
    "newswire_end_to_end_seconds",
    "Time from fetched_at to stored.",
    buckets=END_TO_END_BUCKETS,
)
ARTICLE_OUTCOMES = (*OUTCOMES, "invalid", "failed")
"""The dedup decisions, and what a stage gives up on (the contract's outcome label)."""


def expose_stage(stage: Stage) -> None:
    """Publish every outcome of `stage`, and every dead-letter error type known
    to this process, at 0 before the first article.

    A series that first appears already holding its final count has no
    increase for `rate()` to see: a worker that handles a whole burst between
    two scrapes would read as zero throughput.
    """
    for outcome in ARTICLE_OUTCOMES:
        ARTICLES.labels(stage, outcome)
    STAGE_SECONDS.labels(stage)
    for error_type in permanent_error_types():
        DLQ.labels(stage, error_type)


DEPENDENCY_UP = Gauge(
    "newswire_dependency_up",
    "1 while a stage's last call to a dependency (kafka, redis, database) worked, 0 while "
    "it is failing and the stage retries.",
    ["stage", "dependency"],
)
STAGE_PAUSED = Gauge(
    "newswire_stage_paused",
    "1 while a stage has paused its input partitions because a dependency is down.",
    ["stage"],
)
PAUSED_SECONDS = Counter(
    "newswire_stage_paused_seconds",
    "Seconds a stage spent paused, counted when it resumes.",
    ["stage"],
)
RETRIES = Counter(
    "newswire_stage_retries",
    "Failed attempts a stage retried, by the dependency that failed.",
    ["stage", "dependency"],
)
DEDUP_REBUILDS = Counter(
    "newswire_dedup_rebuilds",
    "Times the dedup window was rebuilt from storage after Redis came back empty.",
)


def permanent_error_types() -> list[str]:
    """The error types of every permanent error this process knows (its modules
    imported so far): what can put a message in the dead-letter topic."""
    found: set[str] = set()
    pending: list[type[PermanentError]] = [PermanentError]
    while pending:
        cls = pending.pop()
        found.add(cls.error_type)
        pending.extend(cls.__subclasses__())
    return sorted(found)


CONSUMER_LAG = Gauge(
    "newswire_consumer_lag",
    "Messages between the committed offset of a group and the end of a partition.",
    ["topic", "partition", "group"],
)
FEED_FETCH = Counter(
    "newswire_feed_fetch",
    "Feed fetches, by feed and status (ok, not_modified, http_<code>, timeout, error).",
    ["feed", "status"],
)
FEED_STATUSES = ("ok", "not_modified", "timeout", "error")
"""Published at 0 for every followed feed; `http_<code>` series appear with their code."""
FEED_LAST_SUCCESS = Gauge(
    "newswire_feed_last_success_timestamp_seconds",
    "Unix time of the last successful fetch of a feed.",
    ["feed"],
)
DLQ = Counter(
    "newswire_dlq",
    "Messages sent to the dead-letter topic, by stage and error type.",
    ["stage", "error_type"],
)
CACHE_REQUESTS = Counter(
    "newswire_cache_requests",
    "Cache look-ups, by cache and result (hit, miss).",
    ["cache", "result"],
)


API_REQUESTS = Counter(
    "newswire_api_requests",
    "Requests answered by `newswire serve`, by route and status code.",
    ["route", "status"],
)
API_SECONDS = Histogram(
    "newswire_api_request_seconds",
    "Time to answer a request of `newswire serve`, by route.",
    ["route"],
    buckets=STAGE_BUCKETS,
)


FAUST_EVENTS = Counter(
    "newswire_faust_events",
    "Events a stage's Faust streams received, by input topic.",
    ["stage", "topic"],
)
FAUST_SENT = Counter(
    "newswire_faust_messages_sent",
    "Messages a stage's Faust producer was given to send, by topic.",
    ["stage", "topic"],
)
FAUST_SEND_ERRORS = Counter(
    "newswire_faust_send_errors",
    "Sends a stage's Faust producer failed.",
    ["stage"],
)
FAUST_COMMIT_SECONDS = Histogram(
    "newswire_faust_commit_seconds",
    "Time a stage's consumer took to commit its offsets.",
    ["stage"],
    buckets=STAGE_BUCKETS,
)
FAUST_REBALANCES = Counter(
    "newswire_faust_rebalances",
    "Consumer-group rebalances a stage's worker went through.",
    ["stage"],
)
FAUST_REBALANCE_SECONDS = Histogram(
    "newswire_faust_rebalance_seconds",
    "Time from a rebalance's start to the worker consuming again.",
    ["stage"],
    buckets=(0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
)
FAUST_PARTITIONS = Gauge(
    "newswire_faust_assigned_partitions",
    "Partitions a stage's worker holds after its last rebalance.",
    ["stage"],
)


def count_dead_letter(stage: Stage, error_type: str) -> None:
    """A message `stage` sent to the dead-letter topic: it counts as invalid input."""
    DLQ.labels(stage, error_type).inc()
    ARTICLES.labels(stage, "invalid").inc()


def serve(port: int, setting: str, registry: CollectorRegistry = REGISTRY) -> None:
    """Serve `/metrics` on `port` (all interfaces, so a container's Prometheus can scrape)."""
    try:
        start_http_server(port, registry=registry)
    except OSError as exc:
        raise NewswireError(
            f"cannot serve /metrics on port {port} ({exc.strerror}): set {setting} to a free port"
        ) from exc


FEED_POLL_INTERVAL = Gauge(
    "newswire_feed_poll_interval_seconds",
    "Configured polling interval of a feed; alerts call a feed stale after twice this.",
    ["feed"],
)
