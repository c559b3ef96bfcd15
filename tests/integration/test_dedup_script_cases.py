"""The Redis script decides every case of the dedup table (`tests/dedup_cases.py`),
as the in-memory specification does; each case under a prefix of its own, on
Redis's own clock."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
import redis.asyncio as aioredis

from tests.dedup_cases import CASES
from tests.dedup_support import drop_keys
from tests.dedup_table import Case, play
from workers.dedup.redis_state import RedisDedupState

pytestmark = pytest.mark.integration


class InRedis:
    def __init__(self, client: aioredis.Redis[Any], case: Case) -> None:
        self.prefix = f"test:{uuid.uuid4().hex[:10]}:dedup:"
        self._client = client
        self.state = RedisDedupState(client, case.settings, self.prefix)

    async def restore(self) -> None:
        await self._client.set(self.prefix + "epoch", "test", nx=True)

    async def lose(self) -> None:
        await drop_keys(self._client, self.prefix)

    async def wait(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
async def test_the_redis_script_decides_every_case_of_the_table(
    case: Case, redis_client: aioredis.Redis[Any]
) -> None:
    harness = InRedis(redis_client, case)
    try:
        await play(case, harness)
    finally:
        await drop_keys(redis_client, harness.prefix)
