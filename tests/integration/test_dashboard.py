"""`/dashboard` of `newswire serve` in Debian's chromium while a real pipeline
runs (a producer following feeds, both workers, articles published): one
service reads a real Prometheus, the other scrapes the workers' `/metrics`.
Screenshots are kept in `test-artifacts/`."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from devstack.runner import wait_drained
from devstack.synthetic import items
from tests.conftest import SEEDS, free_port
from tests.integration.api_support import get, serving
from tests.integration.browser import Page, chromium
from tests.integration.pipeline_support import running_workers
from tests.integration.prometheus_support import running_prometheus
from workers import kafka_clients
from workers.dashboard.panels import live_panels
from workers.parsers.base import FeedContext
from workers.producer.ingest import Document, ingest
from workers.producer.publisher import Publisher
from workers.settings import Settings

pytestmark = pytest.mark.integration

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SEED_FEEDS = {
    "seed-arabic": "000_cc6b534295ab8a14.txt",
    "seed-arabic-copy": "006_copy_of_000.txt",
    "seed-english": "001_en_raqqa_evacuation.txt",
    "seed-english-update": "008_en_raqqa_evacuation_update.txt",
    "seed-malformed": "009_malformed_invalid_utf8.txt",
}
FAILING_FEED = "unreachable-wire"
PUBLISHED = 300


def feed_list(path: Path) -> Path:
    """The seed files as feeds, and one feed whose server refuses every connection."""
    tables = [
        f'[feeds.{feed}]\npath = "{SEEDS / name}"\nformat = "agency-text"\ninterval_seconds = 10\n'
        for feed, name in SEED_FEEDS.items()
    ]
    tables.append(
        f'[feeds.{FAILING_FEED}]\nurl = "http://127.0.0.1:{free_port()}/wire.xml"\n'
        "interval_seconds = 1\ntimeout_seconds = 1\n"
    )
    path.write_text("\n".join(tables))
    return path


def publish(settings: Settings, count: int) -> None:
    """`count` articles, and a message the enrichment stage dead-letters: its
    counter was exported at zero long before, so `rate()` sees the letter (the
    producer's dead letter of the malformed seed may come before its first scrape)."""
    with Publisher(settings) as publisher:
        context = FeedContext(feed_id="dashboard", fetched_at=datetime.now(UTC))
        for data in items(count, SEEDS, target_bytes=1500):
            ingest(Document(data, context, "agency-text"), publisher)
    broken = kafka_clients.producer(settings)
    broken.send(settings.topics.raw, key=b"broken", value=b"{this is not json")
    broken.flush()
    broken.close()


async def until(page: Page, expression: str, timeout: float, what: str) -> Any:
    """The value of `expression` in `page` once it is truthy."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = await page.evaluate(expression)
        if value:
            return value
        await asyncio.sleep(0.5)
    state = await page.evaluate("JSON.stringify(window.newswireDashboard.reading?.errors)")
    raise AssertionError(f"timed out after {timeout}s waiting for {what}; errors: {state}")


def peak(panel: str) -> str:
    """The highest value drawn by a chart, 0 before it has one."""
    return (
        f"(() => {{ const chart = window.newswireDashboard.charts[{panel!r}];"
        " if (!chart) return 0;"
        " const values = chart.data.slice(1).flat().filter(v => Number.isFinite(v));"
        " return values.length ? Math.max(...values) : 0; })()"
    )


def legend(panel: str) -> str:
    return (
        f"(window.newswireDashboard.charts[{panel!r}]?.series ?? [])"
        ".slice(1).map(s => s.label).sort()"
    )


def badges(panel: str) -> str:
    """A badge panel's badges, as [text, class] pairs."""
    return (
        f"[...document.querySelectorAll('#panel-{panel} li')]"
        ".map(e => [e.textContent, e.className])"
    )


def table(panel: str) -> str:
    """A table panel's rows, as their cells' texts."""
    return (
        f"[...document.querySelectorAll('#panel-{panel} tbody tr')]"
        ".map(row => [...row.cells].map(cell => cell.textContent))"
    )


def test_the_page_its_assets_and_its_layout_are_served(settings: Settings) -> None:
    with serving(settings) as base:
        page = get(f"{base}/dashboard")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        for asset, kind in (
            ("uPlot.iife.min.js", "javascript"),
            ("uPlot.min.css", "text/css"),
            ("dashboard.js", "javascript"),
            ("dashboard.css", "text/css"),
        ):
            assert f"/dashboard/assets/{asset}" in page.text
            served = get(f"{base}/dashboard/assets/{asset}")
            assert served.status_code == 200 and kind in served.headers["content-type"], asset
        assert get(f"{base}/dashboard/assets/build.mjs").status_code == 404
        layout = get(f"{base}/dashboard/layout").json()
        shown = [panel["key"] for row in layout["rows"] for panel in row["panels"]]
        assert shown == [panel.key for panel in live_panels()]
        assert layout["source"] == "scrape"
        deadline = time.monotonic() + 10
        while not (errors := get(f"{base}/dashboard/data").json()["errors"]):
            assert time.monotonic() < deadline, "no reading names the unreachable processes"
            time.sleep(0.2)
        assert "no pipeline process answers on /metrics" in errors[0]


async def test_the_live_dashboard_draws_a_running_pipeline_in_chromium(
    settings: Settings, tmp_path: Path
) -> None:
    settings = settings.model_copy(
        update={"feeds_file": feed_list(tmp_path / "feeds.toml"), "feed_backoff_max_seconds": 1.0}
    )
    stages = ("produce", "enrich", "store")
    with (
        running_prometheus(settings, tmp_path, stages) as prometheus,
        running_workers(settings) as pipeline,
        serving(settings) as scraped,
        serving(
            settings.model_copy(
                update={"api": settings.api.model_copy(update={"prometheus_url": prometheus})}
            )
        ) as queried,
    ):
        pipeline.start("produce", "produce", "--follow")
        async with chromium(tmp_path) as browser:
            pages = {
                "prometheus": await browser.open(f"{queried}/dashboard"),
                "scraped": await browser.open(f"{scraped}/dashboard"),
            }
            await asyncio.to_thread(publish, settings, PUBLISHED)
            await asyncio.to_thread(wait_drained, settings, pipeline, 120)
            for name, page in pages.items():
                await check(page, name)


async def check(page: Page, name: str) -> None:
    async def shown(expression: str, what: str) -> Any:
        return await until(page, expression, 30, f"{name}: {what}")

    assert await shown(f"{peak('throughput')} > 0", "non-zero throughput")
    await shown(f"{legend('throughput')}.length == 3", "every stage's throughput")
    assert await page.evaluate(legend("throughput")) == ["enrich", "produce", "store"]
    assert await shown(f"{peak('latency')} > 0", "end-to-end latency percentiles")
    assert await page.evaluate(legend("latency")) == ["p50", "p90", "p99"]
    assert await shown(f"{peak('dead_letters')} > 0", "the dead letter")
    assert await shown("window.newswireDashboard.charts.lag_messages", "the lag chart")

    feeds = await shown(
        f"(r => r.length == {len(SEED_FEEDS) + 1}"
        f" && r.filter(row => row[1] == 'never').length == 1"
        f" && r.some(row => row[0] == {FAILING_FEED!r} && row[row.length - 1] == 'failing')"
        f" && r)({table('feeds')})",
        "every feed, each seed feed after its first successful fetch, the failing one failing",
    )
    state = {cells[0]: cells for cells in feeds}
    assert state[FAILING_FEED][1] == "never" and state[FAILING_FEED][-1] == "failing"
    for feed in SEED_FEEDS:
        assert state[feed][1] != "never" and state[feed][-1] == "ok", state[feed]

    running = "r.every(([text, kind]) => text.endsWith('running') && kind == 'badge ok')"
    paused = await shown(
        f"(r => r.length >= 2 && {running} && r)({badges('paused')})", "every stage running"
    )
    assert all(text.endswith("running") and kind == "badge ok" for text, kind in paused), paused
    processes = await shown(
        f"(r => r.length == 3 && r.every(([text]) => text.endsWith('up')) && r)"
        f"({badges('processes')})",
        "every process up",
    )
    assert all(text.endswith("up") for text, _ in processes), processes

    await page.screenshot(ARTIFACTS / f"dashboard-{name}.png")
    assert page.errors == [], page.errors
    assert await shown("document.getElementById('errors').hidden", "no reading error shown")
