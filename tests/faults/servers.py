"""Private servers for scenarios that kill them, and isolated settings per scenario.

A private server is the stack's own (`devstack.stack`), started from a Settings
copy whose run directory is a temporary one and whose ports are free ones, so
that killing it never touches the shared stack. Every port is picked below
Linux's ephemeral range (32768-60999): a restarted server binds its port again,
and a client socket of another process could hold an ephemeral port meanwhile
(tests/integration/test_stack.py)."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import socket
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

import psycopg
from psycopg import sql
from pydantic import SecretStr

from devstack.stack import KafkaCluster, kafka_cluster, postgres_dsn, up
from devstack.stack.paths import pid_path, service_dir
from devstack.stack.postgres import ROLE, superuser_dsn
from devstack.stack.process import live_pid, reachable, stop, wait_until
from devstack.stack.services import SERVICES
from tests.conftest import free_port
from workers.settings import MetricsPorts, Settings, TopicSettings

PRIVATE_PORTS = range(20000, 32000)
RESERVED_PORTS = frozenset(range(29192, 29195)) | frozenset(range(29292, 29295))
"""The three-node cluster of tests/integration/test_stack.py."""
_taken: set[int] = set()


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_private_port(offsets: Sequence[int] = (0,)) -> int:
    """A port p below the ephemeral range such that every p + offset is free (and not
    handed out before by this process)."""
    rng = random.Random(uuid.uuid4().int)
    for _ in range(500):
        base = rng.randrange(PRIVATE_PORTS.start, PRIVATE_PORTS.stop - max(offsets))
        wanted = [base + offset for offset in offsets]
        if any(p in _taken or p in RESERVED_PORTS for p in wanted):
            continue
        if all(port_is_free(p) for p in wanted):
            _taken.update(wanted)
            return base
    raise RuntimeError(f"no free ports at offsets {list(offsets)} in {PRIVATE_PORTS}")


def private_stack_settings(base: Settings, run_dir: Path) -> Settings:
    """`base` with a stack of its own: run directory, ports, and the urls pointing there."""
    redis_port, postgres_port = free_private_port(), free_private_port()
    kafka_port = free_private_port((0, 1))
    cluster_base = free_private_port((0, 1, 2, 100, 101, 102))
    stack = base.stack.model_copy(
        update={
            "run_dir": run_dir,
            "redis_port": redis_port,
            "postgres_port": postgres_port,
            "kafka_port": kafka_port,
            "kafka_controller_port": kafka_port + 1,
            "kafka_cluster_base_port": cluster_base,
        }
    )
    private = base.model_copy(update={"stack": stack})
    return private.model_copy(
        update={
            "redis_url": SecretStr(f"redis://127.0.0.1:{redis_port}/0"),
            "database_url": SecretStr(postgres_dsn(private)),
            "kafka_bootstrap": f"127.0.0.1:{kafka_port}",
        }
    )


class PrivateServer:
    """One server of a private stack: start, kill -9, restart, stop."""

    service: ClassVar[str]

    def __init__(self, stack: Settings) -> None:
        self.stack = stack

    @property
    def pid(self) -> int | None:
        return live_pid(pid_path(self.stack, self.service))

    def start(self, timeout: float | None = None) -> None:
        up(self.stack, services=(self.service,), timeout=timeout)
        if self.pid is None:
            raise RuntimeError(f"private {self.service} did not start under {self.stack_dir}")

    def kill(self) -> int:
        """SIGKILL to the server's whole process group: a crash, nothing flushed.

        Returns once the port refuses connections: for a moment after the process is
        gone a connection can still succeed, and `up` would then take the port for
        someone else's server and start nothing."""
        pid = stop(pid_path(self.stack, self.service), signal.SIGKILL, timeout=10.0)
        if pid is None:
            raise RuntimeError(f"private {self.service} was not running")
        endpoint = SERVICES[self.service].endpoint(self.stack)
        if not wait_until(lambda: not reachable(endpoint), timeout=10.0, interval=0.05):
            raise RuntimeError(f"{endpoint} still answers after private {self.service} was killed")
        return pid

    def restart(self, timeout: float | None = None) -> None:
        self.start(timeout)

    def stop(self) -> None:
        stop(pid_path(self.stack, self.service), SERVICES[self.service].stop_signal, 30.0)

    @property
    def stack_dir(self) -> Path:
        return service_dir(self.stack, self.service)

    def point(self, settings: Settings) -> Settings:
        """`settings` using this server."""
        raise NotImplementedError


class PrivateRedis(PrivateServer):
    service = "redis"

    @property
    def url(self) -> str:
        return self.stack.redis_url.get_secret_value()

    def lose_data(self) -> None:
        """Delete the data directory (append-only file included) of the stopped server,
        so that it restarts empty: what a lost machine looks like."""
        if self.pid is not None:
            raise RuntimeError("kill Redis before deleting its data")
        shutil.rmtree(self.stack_dir, ignore_errors=True)

    def point(self, settings: Settings) -> Settings:
        return settings.model_copy(update={"redis_url": SecretStr(self.url)})


class PrivatePostgres(PrivateServer):
    service = "postgres"

    @property
    def dsn(self) -> str:
        return postgres_dsn(self.stack)

    def point(self, settings: Settings) -> Settings:
        return settings.model_copy(update={"database_url": SecretStr(self.dsn)})


class PrivateKafka(PrivateServer):
    service = "kafka"

    @property
    def bootstrap(self) -> str:
        return self.stack.kafka_bootstrap

    def point(self, settings: Settings) -> Settings:
        return settings.model_copy(update={"kafka_bootstrap": self.bootstrap})


class PrivateCluster:
    """A three-node KRaft cluster (`devstack.stack.kafka_cluster`) on private ports."""

    def __init__(self, stack: Settings, size: int = 3) -> None:
        self.stack = stack
        self.cluster: KafkaCluster = kafka_cluster(stack, size)

    @property
    def bootstrap(self) -> str:
        return self.cluster.bootstrap

    def start(self) -> None:
        try:
            self.cluster.up()
        except BaseException:
            self.cluster.down()
            raise

    def kill(self, node_id: int) -> int:
        pid = self.cluster.stop_node(node_id, signal.SIGKILL, timeout=10.0)
        if pid is None:
            raise RuntimeError(f"Kafka node {node_id} was not running")
        return pid

    def restart(self, node_id: int) -> None:
        self.cluster.start_node(node_id)
        self.cluster.wait_ready()

    def stop(self) -> None:
        self.cluster.down()

    def point(self, settings: Settings) -> Settings:
        topics = settings.topics.model_copy(update={"replication_factor": len(self.cluster.nodes)})
        return settings.model_copy(update={"kafka_bootstrap": self.bootstrap, "topics": topics})


ServerName = Literal["redis", "postgres", "kafka", "cluster"]


@dataclass
class PrivateServers:
    """The private servers of one scenario, all under one run directory."""

    stack: Settings
    redis: PrivateRedis | None = None
    postgres: PrivatePostgres | None = None
    kafka: PrivateKafka | None = None
    cluster: PrivateCluster | None = None

    def point(self, settings: Settings) -> Settings:
        for server in (self.redis, self.postgres, self.kafka, self.cluster):
            if server is not None:
                settings = server.point(settings)
        return settings


def traversable_tempdir(prefix: str) -> Path:
    """A temporary directory every user can enter: PostgreSQL, started by root, runs as
    the `postgres` OS user and must reach its data directory (pytest's are 0700)."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    os.chmod(path, 0o755)
    return path


@contextlib.contextmanager
def private_servers(base: Settings, names: Sequence[ServerName]) -> Iterator[PrivateServers]:
    """Start the named private servers; stop them and delete their files afterwards."""
    root = traversable_tempdir("newswire-faults-")
    servers = PrivateServers(private_stack_settings(base, root))
    started: list[PrivateServer | PrivateCluster] = []
    try:
        for name in names:
            server: PrivateServer | PrivateCluster
            if name == "redis":
                server = servers.redis = PrivateRedis(servers.stack)
            elif name == "postgres":
                server = servers.postgres = PrivatePostgres(servers.stack)
            elif name == "kafka":
                server = servers.kafka = PrivateKafka(servers.stack)
            else:
                server = servers.cluster = PrivateCluster(servers.stack)
            started.append(server)
            server.start()
        yield servers
    finally:
        for server in reversed(started):
            with contextlib.suppress(Exception):
                server.stop()
        shutil.rmtree(root, ignore_errors=True)


def _postgres_port(settings: Settings) -> int:
    assert settings.database_url is not None
    port = psycopg.conninfo.conninfo_to_dict(settings.database_url.get_secret_value()).get("port")
    return int(port or 5432)


@contextlib.contextmanager
def private_database(settings: Settings) -> Iterator[Settings]:
    """`settings` on a database of its own, created on the PostgreSQL of the local
    stack (superuser trusted on loopback) and dropped afterwards."""
    name = f"faults_{uuid.uuid4().hex[:12]}"
    port = _postgres_port(settings) if settings.database_url else settings.stack.postgres_port
    with psycopg.connect(superuser_dsn(port), autocommit=True) as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} OWNER {}").format(
                sql.Identifier(name), sql.Identifier(ROLE)
            )
        )
    try:
        dsn = f"postgresql://{ROLE}@127.0.0.1:{port}/{name}"
        yield settings.model_copy(update={"database_url": SecretStr(dsn)})
    finally:
        with psycopg.connect(superuser_dsn(port), autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


Database = Literal["sqlite", "postgres"]


@contextlib.contextmanager
def isolated_settings(
    base: Settings,
    work_dir: Path,
    *,
    servers: PrivateServers | None = None,
    database: Database = "sqlite",
    partitions: int = 3,
) -> Iterator[Settings]:
    """Settings of one scenario, like tests/conftest.py::isolated: uuid-named topics,
    consumer groups and Redis prefix, free metrics ports, its own run directory;
    storage in a SQLite file under `work_dir`, or (`database="postgres"`) in the
    private PostgreSQL of `servers` when there is one, else in a database of its own
    on the local stack's. Private servers replace the shared ones they stand for."""
    tag = uuid.uuid4().hex[:10]
    work_dir.mkdir(parents=True, exist_ok=True)
    settings = base.model_copy(
        update={
            "topics": TopicSettings(prefix=f"f{tag}.", partitions=partitions),
            "consumer_group_prefix": f"f{tag}",
            "redis_prefix": f"faults:{tag}:",
            "sqlite_path": work_dir / "newswire.db",
            "data_dir": work_dir / "data",
            "database_url": None,
            "metrics": metrics_ports(),
            "stack": base.stack.model_copy(update={"run_dir": work_dir / "run"}),
        }
    )
    if servers is not None:
        settings = servers.point(settings)
    if database == "sqlite":
        yield settings.model_copy(update={"database_url": None})
    elif settings.database_url is not None:
        yield settings
    else:
        with private_database(settings) as own:
            yield own


def metrics_ports() -> MetricsPorts:
    return MetricsPorts(
        produce=free_port(),
        enrich=free_port(),
        store=free_port(),
        enrich_web=free_port(),
        store_web=free_port(),
    )
