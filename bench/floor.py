"""The framework floor of the pipeline: the same topology (producer, a Faust hop
from `articles.raw` to `articles.enriched`, a Faust sink on `articles.enriched`)
with workers that do nothing but move the bytes, in apps configured exactly as
the real workers' (`create_app`), batching as they do and waiting for Kafka's
acknowledgements at the end of each batch.

    .venv/bin/python -m bench.floor relay|sink     (settings from NEWSWIRE_*)
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import faust

from workers.runtime.faust_app import create_app
from workers.settings import Settings
from workers.topology import topology

ROLES = {"relay": "enrich", "sink": "store"}


def floor_app(settings: Settings, role: str) -> faust.App:
    stage = topology(settings).stage(ROLES[role])
    app = create_app(settings, stage)
    source = app.topic(settings.topics.raw if role == "relay" else settings.topics.enriched)
    target = app.topic(settings.topics.enriched)

    @app.agent(source, name=f"floor-{role}")
    async def move(stream: Any) -> None:
        async for events in stream.take_events(stage.batch_size, within=settings.batch_seconds):
            if role == "relay":
                sent = [await target.send(key=e.message.key, value=e.message.value) for e in events]
                await asyncio.gather(*sent)

    return app


def main() -> None:
    role = sys.argv[1]
    app = floor_app(Settings(), role)
    faust.Worker(app, loglevel="warning", quiet=True).execute_from_commandline()


if __name__ == "__main__":
    main()
