"""Starting one Faust worker process of a role."""

from __future__ import annotations

import logging

import faust

from workers import kafka_clients, metrics, redis_client
from workers.replay.lag import start_lag_collector
from workers.settings import Settings

log = logging.getLogger(__name__)


def build_app(settings: Settings, role: str) -> faust.App:
    """Check the servers, create the topics, and register the role's agent."""
    from workers.agents.app import create_app

    redis_client.sync_client(settings).close()
    kafka_clients.ensure_topics(settings)
    app = create_app(settings, role)
    if role == "enrich":
        from workers.agents import enrich_agent
        from workers.gazetteer import configure_gazetteer, get_gazetteer

        configure_gazetteer(settings.gazetteer_path)
        get_gazetteer()
        enrich_agent.register(app, settings)
    elif role == "store":
        from workers.agents import store_agent
        from workers.storage.factory import open_store

        store_agent.register(app, settings, open_store(settings))
    else:
        raise ValueError(f"unknown worker role {role!r}; valid roles: enrich, store")
    return app


def run_worker(settings: Settings, role: str) -> None:
    app = build_app(settings, role)
    port = settings.metrics.enrich if role == "enrich" else settings.metrics.store
    metrics.expose_stage("enrich" if role == "enrich" else "store")
    metrics.serve(port, f"NEWSWIRE_METRICS__{role.upper()}")
    start_lag_collector(settings, [role])
    log.info("%s worker: metrics on :%d/metrics", role, port)
    worker = faust.Worker(app, loglevel=settings.log_level.lower(), quiet=True)
    worker.execute_from_commandline()
