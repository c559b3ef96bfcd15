from __future__ import annotations

import base64
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from devstack.stack import ServiceState, StackError, default_services, down, packages, status, up
from devstack.stack.kafka import (
    KafkaNode,
    libs_dir,
    new_cluster_id,
    render_log4j2,
    render_server_properties,
)
from devstack.stack.postgres import initdb_argv, postgres_argv, postgres_dsn
from devstack.stack.prometheus import prometheus_argv, render_self_scrape_config
from devstack.stack.redis import redis_argv
from tests.conftest import free_port
from workers.settings import Settings, StackSettings


def _props(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if line)


def test_single_node_properties(tmp_path: Path) -> None:
    node = KafkaNode(1, 19092, 19093, tmp_path / "data")
    props = _props(render_server_properties(node, [node]))
    assert props["process.roles"] == "broker,controller"
    assert props["node.id"] == "1"
    assert props["controller.quorum.voters"] == "1@127.0.0.1:19093"
    assert props["listeners"] == "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093"
    assert props["advertised.listeners"] == "PLAINTEXT://127.0.0.1:19092"
    assert props["log.dirs"] == str(tmp_path / "data")
    assert props["offsets.topic.replication.factor"] == "1"
    assert props["transaction.state.log.min.isr"] == "1"


def test_three_node_properties(tmp_path: Path) -> None:
    nodes = [KafkaNode(i, 29090 + 2 * i, 29091 + 2 * i, tmp_path / str(i)) for i in (1, 2, 3)]
    props = _props(render_server_properties(nodes[1], nodes))
    assert props["node.id"] == "2"
    assert props["controller.quorum.voters"] == (
        "1@127.0.0.1:29093,2@127.0.0.1:29095,3@127.0.0.1:29097"
    )
    assert props["default.replication.factor"] == "3"
    assert props["min.insync.replicas"] == "2"
    assert int(props["broker.session.timeout.ms"]) < 9000


def test_cluster_id_is_kafka_uuid_format() -> None:
    cluster_id = new_cluster_id()
    assert len(cluster_id) == 22
    assert len(base64.urlsafe_b64decode(cluster_id + "==")) == 16
    assert new_cluster_id() != cluster_id


def test_cluster_id_never_reads_as_an_option() -> None:
    """One random id in 64 would start with "-" and make the storage tool fail."""
    assert not any(new_cluster_id().startswith("-") for _ in range(2000))


def test_log4j2_logs_to_stdout() -> None:
    text = render_log4j2()
    assert "appender.out.type = Console" in text
    assert "rootLogger.level = INFO" in text


def test_jar_cache_lives_outside_the_repository(tmp_path: Path) -> None:
    settings = Settings(stack=StackSettings(cache_dir=tmp_path))
    assert libs_dir(settings) == tmp_path.resolve() / "kafka" / "4.1.1" / "libs"


def test_redis_keeps_an_append_only_file_in_its_own_directory() -> None:
    argv = redis_argv("redis-server", 16379, "/tmp/r")
    joined = " ".join(argv)
    assert "--bind 127.0.0.1 --port 16379" in joined
    assert argv[argv.index("--save") + 1] == ""
    assert argv[argv.index("--appendonly") + 1] == "yes"
    assert argv[argv.index("--appendfsync") + 1] == "everysec"
    assert argv[argv.index("--dir") + 1] == "/tmp/r"


def test_postgres_argv_listens_on_loopback_only(tmp_path: Path) -> None:
    argv = postgres_argv("postgres", tmp_path, 15432)
    assert argv[:5] == ["postgres", "-D", str(tmp_path), "-p", "15432"]
    assert "listen_addresses=127.0.0.1" in argv
    assert "unix_socket_directories=" in argv
    assert "--auth=trust" in initdb_argv("initdb", tmp_path)


def test_postgres_never_acknowledges_a_commit_it_could_lose_to_a_kill(tmp_path: Path) -> None:
    argv = postgres_argv("postgres", tmp_path, 15432)
    assert "synchronous_commit=on" in argv


def test_postgres_dsn_uses_stack_port() -> None:
    settings = Settings(stack=StackSettings(postgres_port=25432))
    assert postgres_dsn(settings) == "postgresql://newswire@127.0.0.1:25432/newswire"


def test_prometheus_argv_and_fallback_config(tmp_path: Path) -> None:
    argv = prometheus_argv("prometheus", tmp_path / "p.yml", tmp_path / "data", 19090)
    assert f"--config.file={tmp_path / 'p.yml'}" in argv
    assert "--web.listen-address=127.0.0.1:19090" in argv
    assert "targets: ['127.0.0.1:19090']" in render_self_scrape_config(19090)


def test_default_services_follow_the_storage_backend() -> None:
    assert default_services(Settings()) == ("kafka", "redis")
    pg = Settings(database_url=SecretStr("postgresql://u@127.0.0.1:15432/db"))
    assert default_services(pg) == ("kafka", "redis", "postgres")
    sqlite = Settings(database_url=SecretStr("sqlite:///data/x.db"))
    assert default_services(sqlite) == ("kafka", "redis")


@pytest.fixture(name="free_port")
def free_port_fixture() -> int:
    return free_port()


@pytest.fixture
def listener() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield int(sock.getsockname()[1])


def test_status_tells_external_from_down(tmp_path: Path, free_port: int, listener: int) -> None:
    settings = Settings(
        kafka_bootstrap=f"127.0.0.1:{listener}",
        redis_url=SecretStr(f"redis://127.0.0.1:{free_port}/0"),
        stack=StackSettings(run_dir=tmp_path),
    )
    states = {s.name: s.state for s in status(settings, ["kafka", "redis"])}
    assert states == {"kafka": ServiceState.EXTERNAL, "redis": ServiceState.DOWN}


def test_up_reuses_a_reachable_server_and_down_leaves_it(tmp_path: Path, listener: int) -> None:
    settings = Settings(
        kafka_bootstrap=f"127.0.0.1:{listener}", stack=StackSettings(run_dir=tmp_path)
    )
    [result] = up(settings, ["kafka"])
    assert result.state is ServiceState.EXTERNAL
    assert result.pid is None
    assert down(settings, ["kafka"]) == []


def test_up_refuses_to_start_where_clients_do_not_look(tmp_path: Path, free_port: int) -> None:
    settings = Settings(
        kafka_bootstrap=f"127.0.0.1:{free_port}",
        stack=StackSettings(run_dir=tmp_path, kafka_port=free_port + 1),
    )
    with pytest.raises(StackError, match="NEWSWIRE_KAFKA_BOOTSTRAP"):
        up(settings, ["kafka"])


def test_unknown_service_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(StackError, match="unknown service 'zookeeper'"):
        status(Settings(stack=StackSettings(run_dir=tmp_path)), ["zookeeper"])


def test_missing_package_without_root_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    with pytest.raises(StackError, match=r"apt-get install -y no-such-package"):
        packages.ensure_command(
            "no-such-command-xyz", "no-such-package", log_path=tmp_path / "install.log"
        )


def test_present_command_needs_no_install(tmp_path: Path) -> None:
    found = packages.ensure_command("sh", "dash", log_path=tmp_path / "install.log")
    assert Path(found).name == "sh"
    assert not (tmp_path / "install.log").exists()
