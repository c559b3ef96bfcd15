from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from devstack.cli.stack import app


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSWIRE_STACK__RUN_DIR", str(tmp_path))
    monkeypatch.setenv("NEWSWIRE_KAFKA_BOOTSTRAP", f"127.0.0.1:{_unused_port()}")
    monkeypatch.setenv("NEWSWIRE_REDIS_URL", f"redis://127.0.0.1:{_unused_port()}/0")
    monkeypatch.setenv("NEWSWIRE_STACK__POSTGRES_PORT", str(_unused_port()))
    monkeypatch.setenv("NEWSWIRE_STACK__PROMETHEUS_PORT", str(_unused_port()))
    return tmp_path


def test_status_lists_every_service(isolated_env: Path) -> None:
    result = CliRunner().invoke(app, ["status"])
    assert result.exit_code == 0, result.output
    for name in ("kafka", "redis", "postgres", "prometheus"):
        assert name in result.output
    assert result.output.count("down") == 4


def test_down_with_nothing_started(isolated_env: Path) -> None:
    result = CliRunner().invoke(app, ["down"])
    assert result.exit_code == 0, result.output
    assert "nothing to stop" in result.output


def test_unknown_service_is_one_line_and_exit_1(isolated_env: Path) -> None:
    result = CliRunner().invoke(app, ["up", "zookeeper"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
