"""Starting the worker process of one consuming stage of the topology."""

from __future__ import annotations

import importlib
import logging
from typing import cast

import faust

from workers import kafka_clients, metrics, redis_client
from workers.monitoring.lag import start_lag_collector
from workers.runtime.faust_app import HandlerFactory, create_app, register
from workers.settings import Settings
from workers.topology import BoundStage, topology

log = logging.getLogger(__name__)


def handler_factory(stage: BoundStage, settings: Settings) -> HandlerFactory:
    """Import the stage's handler module (only this worker pays for it) and build."""
    module_name, _, function = stage.spec.handler.partition(":")
    build = getattr(importlib.import_module(module_name), function)
    return cast(HandlerFactory, build(settings))


def build_app(settings: Settings, name: str) -> tuple[faust.App, BoundStage]:
    """Check the servers, create the topics, and register the stage's agent."""
    stage = topology(settings).worker(name)
    if "redis" in stage.spec.dependencies:
        redis_client.sync_client(settings).close()
    kafka_clients.ensure_topics(settings)
    create_handler = handler_factory(stage, settings)
    app = create_app(settings, stage)
    register(app, settings, stage, create_handler)
    return app, stage


def run_worker(settings: Settings, name: str) -> None:
    app, stage = build_app(settings, name)
    metrics.expose_stage(stage.name)
    metrics.serve(stage.metrics_port, stage.metrics_setting())
    start_lag_collector(settings, [stage])
    log.info("%s worker: metrics on :%d/metrics", stage.name, stage.metrics_port)
    worker = faust.Worker(app, loglevel=settings.log_level.lower(), quiet=True)
    worker.execute_from_commandline()
