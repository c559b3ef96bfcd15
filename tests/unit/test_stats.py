"""`newswire stats` / `top`: parsing the processes' /metrics and the derived numbers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import typer
from prometheus_client import CollectorRegistry, Counter, Gauge, start_http_server
from rich.console import Console
from typer.testing import CliRunner

from tests.conftest import free_port
from workers.cli.monitor import register
from workers.monitoring.stats import Snapshot, compute, default_targets, render, scrape
from workers.settings import Settings

ENRICH_TEXT = """
# TYPE newswire_articles_total counter
newswire_articles_total{stage="enrich",outcome="ok"} 80
newswire_articles_total{stage="enrich",outcome="duplicate"} 15
newswire_articles_total{stage="enrich",outcome="near_duplicate"} 5
# TYPE newswire_dlq_total counter
newswire_dlq_total{stage="enrich",error_type="schema"} 2
# TYPE newswire_consumer_lag gauge
newswire_consumer_lag{topic="articles.raw",partition="0",group="newswire-enrich"} 7
newswire_consumer_lag{topic="articles.raw",partition="1",group="newswire-enrich"} 3
"""
STORE_TEXT = """
# TYPE newswire_articles_total counter
newswire_articles_total{stage="store",outcome="ok"} 60
# TYPE newswire_consumer_lag gauge
newswire_consumer_lag{topic="articles.raw",partition="0",group="newswire-enrich"} 7
newswire_consumer_lag{topic="articles.enriched",partition="0",group="newswire-store"} 40
"""


def snapshot(at: float, *texts: str) -> Snapshot:
    snap = Snapshot(taken_at=at)
    for text in texts:
        snap.add_text(text)
    return snap


def test_totals_ratios_and_deduplicated_lag() -> None:
    stats = compute(snapshot(10.0, ENRICH_TEXT, STORE_TEXT))
    rows = {row.stage: row for row in stats.stages}
    assert rows["enrich"].total == 100 and rows["store"].total == 60 and rows["produce"].total == 0
    assert rows["enrich"].per_second is None
    assert stats.duplicate_ratio == pytest.approx(0.2)
    # the same lag series exported by two processes counts once
    assert stats.lag == {"newswire-enrich": 10, "newswire-store": 40}
    assert stats.dlq_total == 2 and stats.dlq_by_type == {("enrich", "schema"): 2}


def test_rates_come_from_two_snapshots() -> None:
    before = snapshot(10.0, ENRICH_TEXT)
    after = snapshot(12.0, ENRICH_TEXT.replace(" 80", " 100").replace(" 2\n", " 6\n"))
    stats = compute(after, before)
    rows = {row.stage: row for row in stats.stages}
    assert rows["enrich"].per_second == pytest.approx(10.0)
    assert stats.dlq_per_second == pytest.approx(2.0)


PAUSED_TEXT = """
# TYPE newswire_stage_paused gauge
newswire_stage_paused{stage="enrich"} 1
# TYPE newswire_dependency_up gauge
newswire_dependency_up{stage="enrich",dependency="redis"} 0
newswire_dependency_up{stage="enrich",dependency="kafka"} 1
"""
RUNNING_TEXT = """
# TYPE newswire_stage_paused gauge
newswire_stage_paused{stage="store"} 0
# TYPE newswire_dependency_up gauge
newswire_dependency_up{stage="store",dependency="database"} 1
"""


def test_paused_stages_and_their_missing_dependencies_are_shown() -> None:
    stats = compute(snapshot(0.0, PAUSED_TEXT, RUNNING_TEXT))
    assert stats.paused == {"enrich": True, "store": False}
    assert stats.down == {"enrich": ("redis",), "store": ()}
    console = Console(record=True, width=120)
    console.print(render(stats))
    text = console.export_text()
    assert "paused" in text and "redis" in text and "running" in text


def test_no_enrichment_means_no_ratio() -> None:
    assert compute(snapshot(0.0, STORE_TEXT)).duplicate_ratio is None


@pytest.fixture
def endpoint() -> Iterator[str]:
    registry = CollectorRegistry()
    articles = Counter("newswire_articles", "a", ["stage", "outcome"], registry=registry)
    lag = Gauge("newswire_consumer_lag", "l", ["topic", "partition", "group"], registry=registry)
    articles.labels("enrich", "ok").inc(4)
    articles.labels("enrich", "duplicate").inc(1)
    lag.labels("articles.raw", "0", "newswire-enrich").set(12)
    port = free_port()
    server, thread = start_http_server(port, addr="127.0.0.1", registry=registry)
    yield f"http://127.0.0.1:{port}/metrics"
    server.shutdown()
    thread.join(5)


def test_scrape_a_live_endpoint_and_a_dead_one(endpoint: str) -> None:
    dead = f"http://127.0.0.1:{free_port()}/metrics"
    snap = scrape({"enrich": endpoint, "store": dead}, timeout=1.0)
    assert snap.up == {"enrich": True, "store": False}
    assert "store" in snap.errors
    stats = compute(snap)
    assert stats.duplicate_ratio == pytest.approx(0.2)
    assert stats.lag == {"newswire-enrich": 12}
    render(stats)  # renders without a console


def cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        pass

    register(app)
    return app


def test_stats_and_top_commands(endpoint: str) -> None:
    runner = CliRunner()
    env = {"COLUMNS": "160"}
    result = runner.invoke(
        cli(), ["stats", "--target", f"enrich={endpoint}", "--interval", "0.1"], env=env
    )
    assert result.exit_code == 0, result.output
    assert "Throughput" in result.output and "newswire-enrich" in result.output
    assert "20.0%" in result.output
    result = runner.invoke(
        cli(),
        ["top", "--target", f"enrich={endpoint}", "--refresh", "0.1", "--iterations", "2"],
        env=env,
    )
    assert result.exit_code == 0, result.output
    assert "Consumer lag" in result.output


def test_stats_names_what_to_do_when_nothing_answers() -> None:
    dead = f"http://127.0.0.1:{free_port()}/metrics"
    result = CliRunner().invoke(cli(), ["stats", "--target", f"enrich={dead}"])
    assert result.exit_code == 1
    assert "no pipeline process answers" in result.output
    result = CliRunner().invoke(cli(), ["stats", "--target", "enrich"])
    assert result.exit_code == 2 and "NAME=URL" in result.output


def test_default_targets_follow_the_settings() -> None:
    targets = default_targets(Settings())
    assert targets == {
        "produce": "http://127.0.0.1:9101/metrics",
        "enrich": "http://127.0.0.1:9102/metrics",
        "store": "http://127.0.0.1:9103/metrics",
    }
