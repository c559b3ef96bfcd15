"""Apache Kafka in KRaft mode (combined broker and controller) from the Maven Central jars."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kafka import KafkaAdminClient
from kafka.errors import KafkaError

from devstack.stack import paths
from devstack.stack.packages import ensure_command
from devstack.stack.process import (
    Reporter,
    StackError,
    first_line_with,
    parse_host_port,
    quiet,
    reachable,
    run_logged,
    spawn,
)
from workers.settings import Settings

KAFKA_MAIN = "kafka.Kafka"
STORAGE_TOOL_MAIN = "kafka.tools.StorageTool"
POM = paths.REPO_ROOT / "ops" / "pom.xml"


@dataclass(frozen=True)
class KafkaNode:
    node_id: int
    broker_port: int
    controller_port: int
    data_dir: Path
    host: str = "127.0.0.1"

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.broker_port}"

    @property
    def voter(self) -> str:
        return f"{self.node_id}@{self.host}:{self.controller_port}"


@dataclass(frozen=True)
class SecuredListeners:
    """Client listeners beside PLAINTEXT, named after their security protocol
    (SASL_SSL, SSL, SASL_PLAINTEXT), and the broker properties they need."""

    ports: Mapping[str, int]
    properties: Mapping[str, object] = field(default_factory=dict)


def render_server_properties(
    node: KafkaNode, quorum: Sequence[KafkaNode], secured: SecuredListeners | None = None
) -> str:
    """A static controller quorum, so the formatted storage does not pin listener ports.
    Brokers and controllers talk PLAINTEXT on loopback; `secured` adds client listeners."""
    replication = min(3, len(quorum))
    min_isr = 1 if replication == 1 else 2
    extra = secured.ports if secured is not None else {}
    client = [f"PLAINTEXT://{node.host}:{node.broker_port}"]
    client += [f"{name}://{node.host}:{port}" for name, port in extra.items()]
    protocols = ["PLAINTEXT:PLAINTEXT", "CONTROLLER:PLAINTEXT"]
    protocols += [f"{name}:{name}" for name in extra]
    props: dict[str, object] = {
        "process.roles": "broker,controller",
        "node.id": node.node_id,
        "controller.quorum.voters": ",".join(n.voter for n in quorum),
        "listeners": ",".join([*client, f"CONTROLLER://{node.host}:{node.controller_port}"]),
        "advertised.listeners": ",".join(client),
        "controller.listener.names": "CONTROLLER",
        "inter.broker.listener.name": "PLAINTEXT",
        "listener.security.protocol.map": ",".join(protocols),
        "log.dirs": node.data_dir,
        "num.partitions": 1,
        "default.replication.factor": replication,
        "min.insync.replicas": min_isr,
        "offsets.topic.replication.factor": replication,
        "offsets.topic.num.partitions": 10,
        "transaction.state.log.replication.factor": replication,
        "transaction.state.log.min.isr": min_isr,
        "share.coordinator.state.topic.replication.factor": replication,
        "share.coordinator.state.topic.min.isr": min_isr,
        "group.initial.rebalance.delay.ms": 0,
        "auto.create.topics.enable": "true",
    }
    if len(quorum) > 1:
        props["broker.heartbeat.interval.ms"] = 1000
        props["broker.session.timeout.ms"] = 4000
    if secured is not None:
        props.update(secured.properties)
    return "".join(f"{key}={value}\n" for key, value in props.items())


def render_log4j2() -> str:
    return (
        "status = warn\n"
        "appender.out.type = Console\n"
        "appender.out.name = STDOUT\n"
        "appender.out.layout.type = PatternLayout\n"
        "appender.out.layout.pattern = [%d] %p %m (%c)%n\n"
        "rootLogger.level = INFO\n"
        "rootLogger.appenderRef.out.ref = STDOUT\n"
        "logger.state.name = state.change.logger\n"
        "logger.state.level = WARN\n"
    )


def new_cluster_id() -> str:
    """Kafka's own format: a random UUID, URL-safe base64 without padding. Like
    Kafka's `Uuid.randomUuid`, never one that starts with "-": the storage tool
    would read it as an option."""
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()
        if not cluster_id.startswith("-"):
            return cluster_id


def libs_dir(settings: Settings) -> Path:
    version = settings.stack.kafka_version
    return settings.stack.cache_dir.expanduser().resolve() / "kafka" / version / "libs"


def ensure_jars(settings: Settings, report: Reporter = quiet) -> Path:
    """Resolve the broker jars once; later runs reuse the cache."""
    libs = libs_dir(settings)
    marker = libs / ".complete"
    if marker.exists():
        return libs
    log = paths.log_path(settings, "mvn")
    mvn = ensure_command("mvn", "maven", log_path=paths.install_log(settings), report=report)
    if not POM.exists():
        raise StackError(f"{POM} is missing: run from a complete checkout of the repository")
    version = settings.stack.kafka_version
    partial = libs.with_name(f"libs.partial-{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    partial.parent.mkdir(parents=True, exist_ok=True)
    report(f"resolving Apache Kafka {version} jars from Maven Central (first run only)")
    log.unlink(missing_ok=True)
    try:
        _resolve(mvn, partial, version, log)
    except StackError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        error = first_line_with(log, "[ERROR]")
        if error is None:
            raise
        raise StackError(
            f"mvn could not resolve the Kafka {version} jars (check access to Maven Central): "
            f"{error.removeprefix('[ERROR] ')} (full log: {log})"
        ) from exc
    shutil.rmtree(libs, ignore_errors=True)
    partial.rename(libs)
    marker.touch()
    return libs


def _resolve(mvn: str, output: Path, version: str, log: Path) -> None:
    run_logged(
        [
            mvn,
            "-q",
            "-B",
            "-Dstyle.color=never",
            "-f",
            str(POM),
            "dependency:copy-dependencies",
            f"-DoutputDirectory={output}",
            f"-Dkafka.version={version}",
        ],
        log_path=log,
        what=f"mvn (resolving the Kafka {version} jars; check access to Maven Central)",
    )


def ensure_java(settings: Settings, report: Reporter = quiet) -> str:
    return ensure_command(
        "java", "openjdk-17-jre-headless", log_path=paths.install_log(settings), report=report
    )


def jvm_args(libs: Path, log4j: Path) -> list[str]:
    return [
        "-Djava.awt.headless=true",
        f"-Dlog4j2.configurationFile={log4j}",
        "-cp",
        f"{libs}/*",
    ]


def prepare_node(
    node: KafkaNode,
    quorum: Sequence[KafkaNode],
    conf_dir: Path,
    *,
    java: str,
    libs: Path,
    cluster_id: str | None = None,
    secured: SecuredListeners | None = None,
) -> Path:
    """Write the configuration (readable by its owner only: it may hold secrets) and
    format the storage if it is not formatted yet."""
    conf_dir.mkdir(parents=True, exist_ok=True)
    props = conf_dir / "server.properties"
    props.touch(mode=0o600)
    props.chmod(0o600)
    props.write_text(render_server_properties(node, quorum, secured))
    log4j = conf_dir / "log4j2.properties"
    log4j.write_text(render_log4j2())
    if not (node.data_dir / "meta.properties").exists():
        shutil.rmtree(node.data_dir, ignore_errors=True)
        run_logged(
            [
                java,
                "-XX:TieredStopAtLevel=1",
                *jvm_args(libs, log4j),
                STORAGE_TOOL_MAIN,
                "format",
                "-t",
                cluster_id or new_cluster_id(),
                "-c",
                str(props),
            ],
            log_path=conf_dir / "format.log",
            what="kafka storage format",
        )
    return props


def start_node(
    node: KafkaNode,
    quorum: Sequence[KafkaNode],
    *,
    conf_dir: Path,
    pid_path: Path,
    log_path: Path,
    java: str,
    libs: Path,
    heap: str,
    cluster_id: str | None = None,
    jvm_options: Sequence[str] = ("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20"),
    secured: SecuredListeners | None = None,
) -> subprocess.Popen[bytes]:
    props = prepare_node(
        node, quorum, conf_dir, java=java, libs=libs, cluster_id=cluster_id, secured=secured
    )
    argv = [
        java,
        f"-Xmx{heap}",
        *jvm_options,
        f"-Dkafka.logs.dir={conf_dir / 'logs'}",
        *jvm_args(libs, conf_dir / "log4j2.properties"),
        KAFKA_MAIN,
        str(props),
    ]
    return spawn(argv, log_path=log_path, pid_path=pid_path, cwd=conf_dir)


def single_node(settings: Settings) -> KafkaNode:
    return KafkaNode(
        node_id=1,
        broker_port=settings.stack.kafka_port,
        controller_port=settings.stack.kafka_controller_port,
        data_dir=paths.service_dir(settings, "kafka") / "data",
    )


def start_kafka(
    settings: Settings, report: Reporter = quiet, secured: SecuredListeners | None = None
) -> subprocess.Popen[bytes]:
    java = ensure_java(settings, report)
    libs = ensure_jars(settings, report)
    node = single_node(settings)
    report(f"starting Kafka {settings.stack.kafka_version} on {node.bootstrap}")
    return start_node(
        node,
        [node],
        conf_dir=paths.service_dir(settings, "kafka"),
        pid_path=paths.pid_path(settings, "kafka"),
        log_path=paths.log_path(settings, "kafka"),
        java=java,
        libs=libs,
        heap=settings.stack.kafka_heap,
        secured=secured,
    )


def kafka_ready(bootstrap: str, brokers: int = 1) -> bool:
    """The cluster has `brokers` unfenced brokers and a group coordinator.

    A new broker answers metadata requests before its offsets topic exists; the
    first consumer group would then fail with CoordinatorNotAvailable."""
    if not reachable(parse_host_port(bootstrap, 9092)):
        return False
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=bootstrap,
            client_id="newswire-stack",
            request_timeout_ms=3000,
            bootstrap_timeout_ms=3000,
        )
    except (KafkaError, OSError):
        return False
    try:
        found = admin.describe_cluster().get("brokers", [])
        if sum(1 for b in found if not b.get("is_fenced")) < brokers:
            return False
        admin.list_group_offsets({"newswire-stack-probe": None})
        return True
    except (KafkaError, OSError):
        return False
    finally:
        admin.close()
