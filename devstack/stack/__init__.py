"""The local stack: Kafka, Redis, PostgreSQL and Prometheus on loopback, started only
where nothing already answers, and stopped only if started here."""

from devstack.stack.cluster import KafkaCluster, kafka_cluster
from devstack.stack.kafka import KafkaNode, ensure_jars, kafka_ready
from devstack.stack.postgres import postgres_dsn
from devstack.stack.process import Endpoint, StackError
from devstack.stack.prometheus import start_prometheus
from devstack.stack.services import (
    ALL_SERVICES,
    SERVICES,
    ServiceState,
    ServiceStatus,
    default_services,
    down,
    status,
    up,
)

__all__ = [
    "ALL_SERVICES",
    "SERVICES",
    "Endpoint",
    "KafkaCluster",
    "KafkaNode",
    "ServiceState",
    "ServiceStatus",
    "StackError",
    "default_services",
    "down",
    "ensure_jars",
    "kafka_cluster",
    "kafka_ready",
    "postgres_dsn",
    "start_prometheus",
    "status",
    "up",
]
