"""What the follower remembers in Redis, so that restarts change nothing:

- per feed, the ETag / Last-Modified of the last fetch whose items all reached Kafka;
- per item uri, the version and content hash last published. An unchanged item
  is never published again; a changed one goes out as the next version."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import redis.asyncio as aioredis

from workers.feeds.http_fetch import Validators
from workers.models import Article

Action = Literal["new", "unchanged", "new_version"]

# Versions only move forward, even when two writers race.
_REMEMBER = """
local stored = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if tonumber(ARGV[1]) >= stored then
  redis.call('HSET', KEYS[1], 'v', ARGV[1], 'h', ARGV[2])
end
redis.call('EXPIRE', KEYS[1], ARGV[3])
return stored
"""


@dataclass(frozen=True)
class Decision:
    action: Action
    article: Article
    """The article to publish, its version raised for a new version."""


class FeedState:
    def __init__(self, client: aioredis.Redis[bytes], prefix: str, seen_ttl_seconds: int) -> None:
        self._redis = client
        self._prefix = f"{prefix}feeds:"
        self._ttl = seen_ttl_seconds
        self._remember = client.register_script(_REMEMBER)

    def _validators_key(self, feed_id: str) -> str:
        return f"{self._prefix}validators:{feed_id}"

    def _seen_key(self, uri: str) -> str:
        return f"{self._prefix}seen:{uri}"

    async def validators(self, feed_id: str) -> Validators:
        raw = await self._redis.hgetall(self._validators_key(feed_id))
        values = {k.decode(): v.decode() for k, v in raw.items()}
        return Validators(etag=values.get("etag"), last_modified=values.get("last_modified"))

    async def save_validators(self, feed_id: str, validators: Validators) -> None:
        key = self._validators_key(feed_id)
        mapping: dict[str | bytes, bytes | float | int | str] = {
            name: value
            for name, value in (
                ("etag", validators.etag),
                ("last_modified", validators.last_modified),
            )
            if value
        }
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.delete(key)
            if mapping:
                pipe.hset(key, mapping=mapping)
            await pipe.execute()

    async def decide(self, article: Article) -> Decision:
        stored_version, stored_hash = await self._redis.hmget(
            self._seen_key(article.uri), ["v", "h"]
        )
        if stored_version is None:
            return Decision("new", article)
        if stored_hash is not None and stored_hash.decode() == article.content_hash:
            return Decision("unchanged", article)
        version = max(article.version, int(stored_version) + 1)
        return Decision("new_version", article.model_copy(update={"version": version}))

    async def remember(self, article: Article) -> None:
        """Call once Kafka has acknowledged the article."""
        await self._remember(
            keys=[self._seen_key(article.uri)],
            args=[article.version, article.content_hash, self._ttl],
        )
