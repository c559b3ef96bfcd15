"""A multi-node KRaft cluster on loopback for fault tests: nodes can be killed and restarted
one at a time. Separate ports and files from the single-node stack, so both can run."""

from __future__ import annotations

import signal
from dataclasses import dataclass
from pathlib import Path

from devstack.stack import paths
from devstack.stack.kafka import (
    KafkaNode,
    ensure_jars,
    ensure_java,
    kafka_ready,
    new_cluster_id,
    start_node,
)
from devstack.stack.process import (
    Reporter,
    StackError,
    live_pid,
    locked,
    quiet,
    stop,
    stop_many,
    tail_note,
    wait_until,
)
from workers.settings import Settings

LEAN_JVM = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:CICompilerCount=1")
"""Several brokers share two cores here: start-up time matters more than peak throughput."""


@dataclass(frozen=True)
class KafkaCluster:
    settings: Settings
    nodes: tuple[KafkaNode, ...]

    @property
    def bootstrap(self) -> str:
        return ",".join(node.bootstrap for node in self.nodes)

    @property
    def root(self) -> Path:
        return paths.service_dir(self.settings, f"kafka-cluster-{len(self.nodes)}")

    def pid_path(self, node_id: int) -> Path:
        return self.root / f"node-{node_id}.pid"

    def log_path(self, node_id: int) -> Path:
        return self.root / f"node-{node_id}.log"

    def node(self, node_id: int) -> KafkaNode:
        for node in self.nodes:
            if node.node_id == node_id:
                return node
        raise StackError(f"no Kafka node {node_id} in this {len(self.nodes)}-node cluster")

    def pid(self, node_id: int) -> int | None:
        return live_pid(self.pid_path(node_id))

    def _cluster_id(self) -> str:
        """All nodes share one cluster id, kept beside their data."""
        path = self.root / "cluster.id"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(new_cluster_id())
        return path.read_text().strip()

    def start_node(self, node_id: int, report: Reporter = quiet) -> int:
        """Start one node unless it already runs; its pid."""
        running = self.pid(node_id)
        if running is not None:
            return running
        node = self.node(node_id)
        report(f"starting Kafka node {node_id} on {node.bootstrap}")
        proc = start_node(
            node,
            self.nodes,
            conf_dir=self.root / f"node-{node_id}",
            pid_path=self.pid_path(node_id),
            log_path=self.log_path(node_id),
            java=ensure_java(self.settings, report),
            libs=ensure_jars(self.settings, report),
            heap=self.settings.stack.kafka_heap,
            cluster_id=self._cluster_id(),
            jvm_options=LEAN_JVM,
        )
        return proc.pid

    def stop_node(
        self, node_id: int, sig: signal.Signals = signal.SIGTERM, timeout: float = 30.0
    ) -> int | None:
        """SIGKILL simulates a crash; the default is a controlled shutdown."""
        self.node(node_id)
        return stop(self.pid_path(node_id), sig, timeout)

    def wait_ready(self, brokers: int | None = None, timeout: float | None = None) -> None:
        expected = len(self.nodes) if brokers is None else brokers
        limit = self.settings.stack.start_timeout_seconds if timeout is None else timeout
        if not wait_until(lambda: kafka_ready(self.bootstrap, expected), timeout=limit):
            logs = "; ".join(tail_note(self.log_path(n.node_id)) for n in self.nodes[:1])
            raise StackError(
                f"the {len(self.nodes)}-node Kafka cluster on {self.bootstrap} did not have "
                f"{expected} brokers up within {limit:.0f}s; {logs}"
            )

    def up(self, report: Reporter = quiet, timeout: float | None = None) -> str:
        """Start every node not running and wait for all brokers; the bootstrap list."""
        with locked(self.root / ".lock"):
            for node in self.nodes:
                self.start_node(node.node_id, report)
            report(f"waiting for {len(self.nodes)} Kafka brokers on {self.bootstrap}")
            self.wait_ready(timeout=timeout)
        return self.bootstrap

    def down(self, timeout: float = 30.0) -> list[int]:
        with locked(self.root / ".lock"):
            targets = [(self.pid_path(n.node_id), signal.SIGTERM) for n in self.nodes]
            stopped = stop_many(targets, timeout)
        return [pid for pid in stopped if pid is not None]


def kafka_cluster(settings: Settings, size: int = 3) -> KafkaCluster:
    """Brokers on `kafka_cluster_base_port` + 0..size-1, controllers 100 ports above."""
    base = settings.stack.kafka_cluster_base_port
    root = paths.service_dir(settings, f"kafka-cluster-{size}")
    nodes = tuple(
        KafkaNode(
            node_id=i,
            broker_port=base + i - 1,
            controller_port=base + 100 + i - 1,
            data_dir=root / f"node-{i}" / "data",
        )
        for i in range(1, size + 1)
    )
    return KafkaCluster(settings, nodes)
