"""The read API served for real (uvicorn on a free port, in a thread) over a real
store and the real Redis cache."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn

from tests.conftest import free_port
from workers.api.service import build
from workers.settings import Settings
from workers.storage.base import ArticleStore


@contextmanager
def serving(settings: Settings, store: ArticleStore | None = None) -> Iterator[str]:
    """The base URL of the API, up until the block ends."""
    port = free_port()
    config = uvicorn.Config(build(settings, store), host="127.0.0.1", port=port, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the API did not start")
        time.sleep(0.05)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(10)


def get(url: str, **params: object) -> httpx.Response:
    return httpx.get(url, params=params, timeout=10)
