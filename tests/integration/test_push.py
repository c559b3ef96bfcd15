"""Pushing documents over HTTP into real Kafka: 202 only after Kafka's
acknowledgement, a JSON reason for every refusal."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import pytest
from pydantic import SecretStr

from tests.conftest import free_port
from tests.integration.replay_support import consume_records
from tests.integration.wire_server import BILLION_LAUGHS
from workers import kafka_clients
from workers.feeds.service import run
from workers.producer.publisher import Publisher
from workers.settings import Settings

pytestmark = pytest.mark.integration

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
TOKEN = "push-" + uuid.uuid4().hex


def read(settings: Settings, topic: str) -> list[dict[str, Any]]:
    group = f"check-{uuid.uuid4().hex[:8]}"
    return [orjson.loads(r.value) for r in consume_records(settings, group, topic, idle=2.0)]


@pytest.fixture
async def push(settings: Settings) -> AsyncIterator[tuple[Settings, str]]:
    tuned = settings.model_copy(
        update={
            "push_token": SecretStr(TOKEN),
            "listen_port": free_port(),
            "max_item_bytes": 50_000,
        }
    )
    kafka_clients.ensure_topics(tuned)
    publisher = Publisher(tuned)
    stop = asyncio.Event()
    task = asyncio.create_task(run(tuned, publisher, {}, listen=True, stop=stop))
    base = f"http://127.0.0.1:{tuned.listen_port}"
    deadline = time.monotonic() + 30
    async with aiohttp.ClientSession() as session:
        while True:
            if task.done():
                task.result()
                raise AssertionError("the push server stopped before answering")
            try:
                async with session.get(f"{base}/healthz") as response:
                    if response.status == 200:
                        break
            except aiohttp.ClientConnectionError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.05)
    try:
        yield tuned, base
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)
        publisher.close()


async def post(
    url: str, body: bytes, content_type: str, token: str | None = TOKEN, **extra: str
) -> tuple[int, dict[str, Any]]:
    headers = {"Content-Type": content_type, **extra}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=body, headers=headers) as response,
    ):
        return response.status, await response.json()


def ninjs(body: str, version: str = "1", language: str | None = "en") -> bytes:
    return orjson.dumps(
        {
            "uri": "urn:push:test:1",
            "version": version,
            **({"language": language} if language else {}),
            "headlines": [{"value": "Pushed story"}],
            "bodies": [{"contentType": "text/plain", "value": body}],
        }
    )


async def test_an_acknowledged_push_is_in_kafka_before_the_202(
    push: tuple[Settings, str],
) -> None:
    settings, base = push
    status, answer = await post(
        f"{base}/items?feed=agency", ninjs("BEIRUT (AP) - One."), "application/json"
    )
    assert status == 202, answer
    assert answer["accepted"] == [{"uri": "urn:push:test:1", "version": 1, "outcome": "published"}]
    [article] = read(settings, settings.topics.raw)
    assert article["uri"] == "urn:push:test:1" and article["source"]["feed_id"] == "agency"

    status, answer = await post(f"{base}/items", ninjs("BEIRUT (AP) - One."), "application/json")
    assert status == 202 and answer["accepted"][0]["outcome"] == "unchanged"
    status, answer = await post(
        f"{base}/items", ninjs("BEIRUT (AP) - One. And two."), "application/ninjs+json"
    )
    assert status == 202 and answer["accepted"][0]["version"] == 2
    versions = sorted(a["version"] for a in read(settings, settings.topics.raw))
    assert versions == [1, 2]


async def test_a_pushs_content_language_declares_an_item_that_declares_none(
    push: tuple[Settings, str],
) -> None:
    settings, base = push
    body = ninjs("OSLO (NTB) - Togene står i hele landet.", language=None)
    status, answer = await post(
        f"{base}/items", body, "application/json", **{"Content-Language": "nb-NO"}
    )
    assert status == 202, answer
    [article] = read(settings, settings.topics.raw)
    assert (article["declared_language"], article["language"]) == ("nb-NO", "nb")


async def test_newsml_and_nitf_are_accepted(push: tuple[Settings, str]) -> None:
    settings, base = push
    g2 = (FEEDS / "newsml-g2" / "newsmessage_en.xml").read_bytes()
    status, answer = await post(f"{base}/items", g2, "application/vnd.iptc.g2.newsmessage+xml")
    assert status == 202, answer
    assert len(answer["accepted"]) == 2 and answer["rejected"][0]["error_type"] == "unsupported"
    nitf = (FEEDS / "nitf" / "nitf36_ns_fr.xml").read_bytes()
    status, answer = await post(f"{base}/", nitf, "application/xml")
    assert status == 202 and answer["format"] == "nitf"
    newsml = (FEEDS / "newsml-1.2" / "newsml12_ar.xml").read_bytes()
    status, answer = await post(f"{base}/items", newsml, "text/xml")
    assert status == 202 and answer["format"] == "newsml-1.2"
    assert len(read(settings, settings.topics.raw)) == 4


@pytest.mark.parametrize(
    ("token", "body", "content_type", "status", "words"),
    [
        (None, b"{}", "application/json", 401, "bearer token"),
        ("wrong", b"{}", "application/json", 401, "bearer token"),
        (TOKEN, b"x" * 60_000, "application/json", 413, "50000 bytes"),
        (TOKEN, b"plain words", "text/plain", 415, "not accepted"),
        (TOKEN, b'<rss version="2.0"><channel/></rss>', "application/xml", 415, "rss"),
        (TOKEN, b"<nitf><body>", "application/nitf+xml", 422, "no usable item"),
        (TOKEN, BILLION_LAUGHS.replace(b"rss", b"nitf"), "application/nitf+xml", 422, "xml_bomb"),
        (TOKEN, b'{"uri": "u"}', "application/json", 422, "no headline"),
    ],
    ids=["no-token", "wrong-token", "too-large", "media-type", "rss", "malformed", "bomb", "empty"],
)
async def test_refusals_carry_a_reason(
    push: tuple[Settings, str],
    token: str | None,
    body: bytes,
    content_type: str,
    status: int,
    words: str,
) -> None:
    settings, base = push
    got, answer = await post(f"{base}/items", body, content_type, token)
    assert got == status, answer
    assert words in orjson.dumps(answer).decode()
    assert read(settings, settings.topics.raw) == []
