"""Debian's redis-server on loopback, with an append-only file.

The dedup window lives in Redis: with `appendfsync everysec` a restart of the
server (or a kill of its process) keeps it; only a lost machine loses the last
second, which the workers notice and rebuild from storage (docs/ARCHITECTURE.md,
Deduplication)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import redis
from redis.exceptions import RedisError

from devstack.stack import paths, secure
from devstack.stack.packages import ensure_command
from devstack.stack.process import Endpoint, Reporter, quiet, spawn
from workers.settings import Settings


def redis_argv(binary: str, port: int, workdir: str, config: Path | None = None) -> list[str]:
    """`config` (the secured settings, in a file: it holds a password) comes first,
    as redis-server wants its configuration file before the options."""
    return [
        binary,
        *([str(config)] if config is not None else []),
        "--bind",
        "127.0.0.1",
        "--port",
        str(port),
        "--save",
        "",
        "--appendonly",
        "yes",
        "--appendfsync",
        "everysec",
        "--daemonize",
        "no",
        "--dir",
        workdir,
        "--logfile",
        "",
    ]


def secure_config(settings: Settings, workdir: Path) -> Path:
    """A TLS port beside the plaintext one (client certificates verified when
    given) and an ACL user with a password; the default user stays as it is, so
    that the plaintext port keeps working."""
    files = secure.certificates(settings)
    lines = [
        f"tls-port {settings.stack.redis_tls_port}",
        f"tls-cert-file {files.server_cert}",
        f"tls-key-file {files.server_key}",
        f"tls-ca-cert-file {files.ca}",
        "tls-auth-clients optional",
        f"user {secure.user(settings)} reset on >{secure.password(settings)} ~* &* +@all",
    ]
    return secure.write_private(workdir / "secure.conf", "\n".join(lines) + "\n")


COLLATION = {"LC_ALL": "C"}
"""Redis compares strings in its scripts by its locale's collation: the dedup
script's dedup keys and uris must compare by code point, as everywhere else
(docs/ARCHITECTURE.md, Deduplication)."""


def start_redis(settings: Settings, report: Reporter = quiet) -> subprocess.Popen[bytes]:
    binary = ensure_command(
        "redis-server", "redis-server", log_path=paths.install_log(settings), report=report
    )
    workdir = paths.service_dir(settings, "redis")
    workdir.mkdir(parents=True, exist_ok=True)
    port = settings.stack.redis_port
    config = secure_config(settings, workdir) if settings.stack.secure else None
    report(f"starting Redis on 127.0.0.1:{port}")
    return spawn(
        redis_argv(binary, port, str(workdir), config),
        log_path=paths.log_path(settings, "redis"),
        pid_path=paths.pid_path(settings, "redis"),
        cwd=workdir,
        env={**os.environ, **COLLATION},
    )


def redis_ready(endpoint: Endpoint) -> bool:
    client = redis.Redis(host=endpoint.host, port=endpoint.port, socket_timeout=2.0)
    try:
        return bool(client.ping())
    except (RedisError, OSError):
        return False
    finally:
        client.close()
