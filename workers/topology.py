"""The pipeline's flow, declared once: each stage's name, the topics it reads and
writes, its consumer group, its handler, its dependencies and its ports.

The workers, `python -m devstack run`, consumer lag, `stats` and `top` all read this
declaration (bound to the settings by `topology`) instead of naming roles,
topics and ports themselves (docs/ARCHITECTURE.md, Stages)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from workers.errors import NewswireError
from workers.models import Stage
from workers.settings import Settings

TopicRole = Literal["raw", "enriched", "duplicates", "dlq"]
Dependency = Literal["kafka", "redis", "database"]
DEPENDENCIES: tuple[Dependency, ...] = ("kafka", "redis", "database")


@dataclass(frozen=True)
class StageSpec:
    name: Stage
    reads: tuple[TopicRole, ...]
    """Topics consumed; a stage that reads none is a source (the producer)."""
    writes: tuple[TopicRole, ...]
    dependencies: tuple[Dependency, ...]
    """What a batch of the stage needs up; an outage of one pauses the stage."""
    handler: str = ""
    """`module:function` building the stage's batch handler, imported only by its worker."""


SPECS: tuple[StageSpec, ...] = (
    StageSpec("produce", reads=(), writes=("raw", "dlq"), dependencies=("kafka",)),
    StageSpec(
        "enrich",
        reads=("raw",),
        writes=("enriched", "duplicates", "dlq"),
        dependencies=("kafka", "redis", "database"),
        handler="workers.stages.enrich:build",
    ),
    StageSpec(
        "store",
        reads=("enriched", "duplicates"),
        writes=("dlq",),
        dependencies=("kafka", "database"),
        handler="workers.stages.store:build",
    ),
)


STAGE_NAMES: tuple[str, ...] = tuple(spec.name for spec in SPECS)


class UnknownStage(NewswireError):
    error_type = "usage"


@dataclass(frozen=True)
class BoundStage:
    """A stage with the names and ports the settings give it."""

    spec: StageSpec
    inputs: tuple[str, ...]
    outputs: dict[TopicRole, str]
    group: str
    metrics_port: int
    web_port: int
    batch_size: int

    @property
    def name(self) -> Stage:
        return self.spec.name

    @property
    def consumes(self) -> bool:
        return bool(self.inputs)

    def metrics_setting(self) -> str:
        return f"NEWSWIRE_METRICS__{self.name.upper()}"


@dataclass(frozen=True)
class Topology:
    stages: tuple[BoundStage, ...]

    def stage(self, name: str) -> BoundStage:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise UnknownStage(f"unknown stage {name!r}: choose one of {', '.join(STAGE_NAMES)}")

    def worker(self, name: str) -> BoundStage:
        """A stage that a consumer worker runs."""
        stage = self.stage(name) if name in STAGE_NAMES else None
        if stage is None or not stage.consumes:
            raise UnknownStage(
                f"no worker runs stage {name!r}: choose one of {', '.join(self.worker_names)}"
            )
        return stage

    @property
    def workers(self) -> tuple[BoundStage, ...]:
        """The stages run by consumer workers, in flow order."""
        return tuple(s for s in self.stages if s.consumes)

    @property
    def worker_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.workers)

    def groups(self) -> dict[str, list[str]]:
        """Each consumer group and the topics it reads."""
        return {s.group: list(s.inputs) for s in self.workers}

    def metrics_targets(self, host: str = "127.0.0.1") -> dict[str, str]:
        """Every stage's `/metrics` endpoint."""
        return {s.name: f"http://{host}:{s.metrics_port}/metrics" for s in self.stages}


def topic_name(settings: Settings, role: TopicRole) -> str:
    return settings.topics.name(f"articles.{role}")


def bind(spec: StageSpec, settings: Settings) -> BoundStage:
    ports = settings.metrics
    return BoundStage(
        spec=spec,
        inputs=tuple(topic_name(settings, role) for role in spec.reads),
        outputs={role: topic_name(settings, role) for role in spec.writes},
        group=settings.group(spec.name),
        metrics_port=int(getattr(ports, spec.name)),
        web_port=int(getattr(ports, f"{spec.name}_web", 0)),
        batch_size=int(getattr(settings, f"{spec.name}_batch_size", 0)),
    )


def topology(settings: Settings) -> Topology:
    return Topology(tuple(bind(spec, settings) for spec in SPECS))
