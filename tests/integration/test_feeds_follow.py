"""Following feeds from a misbehaving local wire server into real Kafka and Redis:
each case ends as it should and the healthy feeds keep flowing meanwhile."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pytest
from prometheus_client import REGISTRY

from tests.conftest import free_port, isolated
from tests.integration.replay_support import consume_records
from tests.integration.wire_server import HUGE_BYTES, WireServer
from workers import kafka_clients
from workers.feeds.config import FeedConfig
from workers.feeds.service import run
from workers.producer.publisher import Publisher
from workers.settings import Settings

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]

FEEDS = (
    "stable", "changing", "flaky", "slow", "hang", "malformed", "truncated", "cut-transfer",
    "bomb", "xxe", "huge", "charset", "duplicates", "noguid", "auth", "norsk",
)  # fmt: skip


FETCHED_OK = ("slow", "auth", "charset", "norsk", "noguid", "duplicates", "malformed")
"""Feeds whose first fetch succeeds, whatever their documents hold."""


def fetches(feed: str, status: str) -> float:
    return (
        REGISTRY.get_sample_value("newswire_feed_fetch_total", {"feed": feed, "status": status})
        or 0.0
    )


def last_success(feed: str) -> float | None:
    return REGISTRY.get_sample_value("newswire_feed_last_success_timestamp_seconds", {"feed": feed})


def dlq_count(error_type: str) -> float:
    return (
        REGISTRY.get_sample_value(
            "newswire_dlq_total", {"stage": "produce", "error_type": error_type}
        )
        or 0.0
    )


async def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        await asyncio.sleep(0.1)


def read(settings: Settings, topic: str) -> list[dict[str, Any]]:
    group = f"check-{uuid.uuid4().hex[:8]}"
    return [orjson.loads(r.value) for r in consume_records(settings, group, topic, idle=3.0)]


@dataclass(frozen=True)
class Followed:
    """What one follow of every misbehaving feed left behind (`followed`)."""

    settings: Settings
    ids: dict[str, str]
    by_feed: dict[str, list[dict[str, Any]]]
    letters: dict[str, list[dict[str, Any]]]
    dlq: list[dict[str, Any]]
    dlq_before: dict[str, float]
    flaky_failures: int
    huge_bytes_sent: list[int]
    stable_polls_while_hanging: int
    published: int
    published_after_restart: int


def tuned(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "http_timeout_seconds": 1.5,
            "http_connect_timeout_seconds": 1.0,
            "feed_backoff_max_seconds": 1.0,
            "max_item_bytes": 1_000_000,
        }
    )


@pytest.fixture
def follow_settings(settings: Settings) -> Settings:
    follow = tuned(settings)
    kafka_clients.ensure_topics(follow)
    return follow


@pytest.fixture(scope="module")
def followed(stack: Settings, tmp_path_factory: pytest.TempPathFactory) -> Followed:
    """Every feed of the wire server followed once into real Kafka and Redis, until
    each misbehaviour has shown itself; then the stable, changing and guid-less feeds
    followed again by a restarted service."""
    settings = tuned(isolated(stack, tmp_path_factory.mktemp("follow")))
    kafka_clients.ensure_topics(settings)
    return asyncio.run(follow_every_feed(settings))


async def follow_every_feed(settings: Settings) -> Followed:
    server = WireServer()
    await server.start()
    tag = uuid.uuid4().hex[:6]
    ids = {name: f"{tag}-{name}" for name in FEEDS}
    feeds = [
        FeedConfig(
            id=ids[name],
            url=server.url(f"{name}.xml"),
            interval_seconds=0.3,
            provider="Test Wire",
            **(
                {"auth_header": "Authorization", "auth_env": "WIRE_TOKEN", "auth_prefix": "Bearer "}
                if name == "auth"
                else {}
            ),
        )
        for name in FEEDS
    ]
    environ = {"WIRE_TOKEN": server.token}
    dlq_before = {t: dlq_count(t) for t in ("xml_bomb", "xxe", "parse", "oversized")}
    publisher = Publisher(settings)
    stop = asyncio.Event()
    task = asyncio.create_task(run(settings, publisher, environ, feeds=feeds, stop=stop))
    try:
        await wait_until(
            lambda: (
                server.not_modified["stable.xml"] >= 2
                and fetches(ids["flaky"], "ok") >= 1
                and fetches(ids["hang"], "timeout") >= 1
                and fetches(ids["huge"], "too_large") >= 1
                and fetches(ids["changing"], "ok") >= 1
                and fetches(ids["cut-transfer"], "truncated") >= 1
                and fetches(ids["bomb"], "not_modified") >= 1
                and all(fetches(ids[name], "ok") >= 1 for name in FETCHED_OK)
                and all(dlq_count(t) > dlq_before[t] for t in dlq_before)
            ),
            60,
            "the first round of every feed, the bad ones dead-lettered",
        )
        hangs_before, stable_before = fetches(ids["hang"], "timeout"), server.hits["stable.xml"]
        await wait_until(
            lambda: fetches(ids["hang"], "timeout") > hangs_before, 10, "another hang timeout"
        )
        stable_polls_while_hanging = server.hits["stable.xml"] - stable_before
        changing_oks = fetches(ids["changing"], "ok")
        server.stage = 2
        await wait_until(
            lambda: fetches(ids["changing"], "ok") > changing_oks, 10, "the changed feed"
        )
        await asyncio.sleep(1.0)
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)
        await server.stop()
    publisher.close()

    raw = read(settings, settings.topics.raw)
    dlq = read(settings, settings.topics.dlq)
    by_feed: dict[str, list[dict[str, Any]]] = {}
    for article in raw:
        by_feed.setdefault(article["source"]["feed_id"], []).append(article)
    letters: dict[str, list[dict[str, Any]]] = {}
    for letter in dlq:
        letters.setdefault(letter["key"], []).append(letter)

    publisher = Publisher(settings)
    restarted = WireServer(stage=2)
    await restarted.start()
    restart_feeds = [
        f.model_copy(update={"url": restarted.url(f.url.rsplit("/", 1)[1])})  # type: ignore[union-attr]
        for f in feeds
        if f.id in (ids["stable"], ids["changing"], ids["noguid"])
    ]
    try:
        await run(
            settings, publisher, environ, feeds=restart_feeds, once=True, stop=asyncio.Event()
        )
    finally:
        await restarted.stop()
    publisher.close()
    return Followed(
        settings=settings,
        ids=ids,
        by_feed=by_feed,
        letters=letters,
        dlq=dlq,
        dlq_before=dlq_before,
        flaky_failures=server.flaky_failures,
        huge_bytes_sent=list(server.huge_bytes_sent),
        stable_polls_while_hanging=stable_polls_while_hanging,
        published=len(raw),
        published_after_restart=len(read(settings, settings.topics.raw)),
    )


def test_an_unchanged_feed_answers_304_and_each_item_is_published_once(
    followed: Followed,
) -> None:
    ids = followed.ids
    assert sorted(a["uri"] for a in followed.by_feed[ids["stable"]]) == ["stable-1", "stable-2"]
    assert fetches(ids["stable"], "not_modified") >= 2


def test_a_changed_item_is_published_again_as_a_new_version(followed: Followed) -> None:
    versions = sorted((a["uri"], a["version"]) for a in followed.by_feed[followed.ids["changing"]])
    assert versions == [("chg-1", 1), ("chg-1", 2), ("chg-2", 1)]


def test_failing_slow_and_authenticated_feeds_deliver_their_items(followed: Followed) -> None:
    ids, by_feed = followed.ids, followed.by_feed
    assert fetches(ids["flaky"], "http_500") == followed.flaky_failures
    assert [a["uri"] for a in by_feed[ids["flaky"]]] == ["flaky-1"]
    assert [a["uri"] for a in by_feed[ids["slow"]]] == ["slow-1"]
    assert [a["uri"] for a in by_feed[ids["auth"]]] == ["auth-1"]


def test_a_hanging_or_cut_feed_is_retried_while_the_healthy_ones_keep_flowing(
    followed: Followed,
) -> None:
    ids = followed.ids
    assert fetches(ids["hang"], "timeout") >= 2 and last_success(ids["hang"]) is None
    assert followed.stable_polls_while_hanging >= 3
    assert fetches(ids["cut-transfer"], "truncated") >= 1
    assert ids["cut-transfer"] not in followed.by_feed
    for name in ("stable", "changing", "flaky", "slow", "charset", "noguid"):
        assert (last_success(ids[name]) or 0) > time.time() - 120, name


def test_bad_documents_are_dead_lettered_once_with_their_reason(followed: Followed) -> None:
    ids, letters = followed.ids, followed.letters
    for name, error_type, words in (
        ("malformed", "parse", "malformed XML"),
        ("truncated", "parse", "malformed XML"),
        ("bomb", "xml_bomb", "entit"),
        ("xxe", "xxe", "external entities"),
        ("huge", "oversized", "stopped reading"),
    ):
        assert ids[name] not in followed.by_feed, name
        mine = letters[ids[name]]
        assert {m["error_type"] for m in mine} == {error_type}, name
        assert words in mine[0]["reason"], mine[0]["reason"]
        assert dlq_count(error_type) > followed.dlq_before[error_type]
    # the same bytes answer 304 afterwards
    assert len(letters[ids["bomb"]]) == 1 and fetches(ids["bomb"], "not_modified") >= 1
    assert not any("root:" in m["payload"] + m["reason"] for m in followed.dlq)
    assert followed.huge_bytes_sent and max(followed.huge_bytes_sent) < HUGE_BYTES // 2


def test_charsets_languages_and_guids_are_read_as_the_feed_means_them(
    followed: Followed,
) -> None:
    ids, by_feed = followed.ids, followed.by_feed
    [charset] = by_feed[ids["charset"]]
    assert charset["headline"] == "Évacuation de Raqa" and charset["located"] == "BEYROUTH"
    assert [a["uri"] for a in by_feed[ids["duplicates"]]] == ["dup-1"]
    assert [m["error_type"] for m in followed.letters[ids["duplicates"]]] == ["duplicate_guid"]
    [norsk] = by_feed[ids["norsk"]]
    assert (norsk["declared_language"], norsk["language"]) == ("nb-NO", "nb")
    noguid = by_feed[ids["noguid"]]
    assert len(noguid) == 2 and all(a["uri"].startswith("urn:newswire:") for a in noguid)
    assert len({a["uri"] for a in noguid}) == 2


def test_a_restarted_service_remembers_every_item_and_publishes_nothing_again(
    followed: Followed,
) -> None:
    assert followed.published_after_restart == followed.published


CLI = (
    "import sys, typer\n"
    "from workers.cli.produce import produce\n"
    "app = typer.Typer()\n"
    "app.command()(produce)\n"
    "app(sys.argv[1:])\n"
)


async def test_sigterm_finishes_the_poll_in_flight_and_exits_cleanly(
    follow_settings: Settings, tmp_path: Path
) -> None:
    settings = follow_settings
    server = WireServer()
    await server.start()
    feed_id = f"{uuid.uuid4().hex[:6]}-slow"
    feeds_file = tmp_path / "feeds.toml"
    feeds_file.write_text(
        f'[feeds.{feed_id}]\nurl = "{server.url("slow.xml")}"\ninterval_seconds = 30\n'
    )
    env = {
        **os.environ,
        "NEWSWIRE_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
        "NEWSWIRE_REDIS_URL": settings.redis_url.get_secret_value(),
        "NEWSWIRE_REDIS_PREFIX": settings.redis_prefix,
        "NEWSWIRE_TOPICS__PREFIX": settings.topics.prefix,
        "NEWSWIRE_METRICS__PRODUCE": str(free_port()),
        "NEWSWIRE_FEEDS_FILE": str(feeds_file),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CLI,
        "--follow",
        env=env,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await wait_until(
            lambda: server.hits["slow.xml"] >= 1 or process.returncode is not None,
            60,
            "the first (slow) poll",
        )
        assert process.returncode is None, (await process.communicate())[1].decode()[-2000:]
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    finally:
        if process.returncode is None:
            process.kill()
        await server.stop()
    assert process.returncode == 0, stderr.decode()[-2000:]
    assert [a["uri"] for a in read(settings, settings.topics.raw)] == ["slow-1"]
