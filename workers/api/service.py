"""The service as `newswire serve` runs it: the cached store, the health checks,
the API, and uvicorn."""

from __future__ import annotations

import uvicorn
from fastapi import FastAPI

from workers.api.app import create_api
from workers.api.health import Health
from workers.dashboard.routes import dashboard_router
from workers.settings import Settings
from workers.storage.base import ArticleStore
from workers.storage.cache import CachedStore
from workers.storage.factory import open_store


def build(settings: Settings, store: ArticleStore | None = None) -> FastAPI:
    """The API over `store` (by default the configured store behind the Redis cache)."""
    store = store if store is not None else open_store(settings)
    cache = store.cache.client if isinstance(store, CachedStore) else None
    return create_api(
        settings, store, Health(settings, store, cache), extra=[dashboard_router(settings)]
    )


def serve(settings: Settings, host: str, port: int) -> None:
    uvicorn.run(build(settings), host=host, port=port, log_level="warning", access_log=False)
