"""Redis clients from settings, and the one-line error when Redis is not there."""

from __future__ import annotations

from urllib.parse import urlsplit

import redis
import redis.asyncio as aioredis

from workers.errors import ServiceUnavailable
from workers.settings import Settings


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def unavailable(settings: Settings) -> ServiceUnavailable:
    url = redact(settings.redis_url.get_secret_value())
    return ServiceUnavailable("Redis", url, "NEWSWIRE_REDIS_URL")


def sync_client(settings: Settings, check: bool = True) -> redis.Redis[bytes]:
    client = redis.Redis.from_url(
        settings.redis_url.get_secret_value(), socket_connect_timeout=5, socket_timeout=10
    )
    if check:
        try:
            client.ping()
        except redis.RedisError as exc:
            raise unavailable(settings) from exc
    return client


async def async_client(settings: Settings, check: bool = True) -> aioredis.Redis[bytes]:
    client = aioredis.Redis.from_url(
        settings.redis_url.get_secret_value(), socket_connect_timeout=5, socket_timeout=10
    )
    if check:
        try:
            await client.ping()
        except redis.RedisError as exc:
            raise unavailable(settings) from exc
    return client
