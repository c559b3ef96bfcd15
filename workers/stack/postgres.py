"""A private PostgreSQL 15 cluster under the run directory, trusted on loopback."""

from __future__ import annotations

import os
import pwd
import shutil
import stat
import subprocess
from pathlib import Path

import psycopg
from psycopg import sql

from workers.settings import Settings
from workers.stack import paths
from workers.stack.packages import ensure_command
from workers.stack.process import Endpoint, Reporter, StackError, quiet, run_logged, spawn

SUPERUSER = "postgres"
ROLE = "newswire"
DATABASE = "newswire"
PACKAGE = "postgresql-15"


def postgres_dsn(settings: Settings) -> str:
    """The DSN of the stack's own PostgreSQL (role and database `newswire`)."""
    return f"postgresql://{ROLE}@127.0.0.1:{settings.stack.postgres_port}/{DATABASE}"


def superuser_dsn(port: int) -> str:
    return f"postgresql://{SUPERUSER}@127.0.0.1:{port}/postgres"


def os_user() -> str | None:
    """Root may not run postgres: the server then runs as the `postgres` OS user."""
    return SUPERUSER if os.geteuid() == 0 else None


def postgres_argv(binary: str, data_dir: Path, port: int) -> list[str]:
    settings = {
        "listen_addresses": "127.0.0.1",
        "unix_socket_directories": "",
        # A killed server must not forget a commit the storage worker was told of
        # (its offsets are committed after that); an OS crash may, as fsync is off.
        "fsync": "off",
        "synchronous_commit": "on",
        "full_page_writes": "off",
    }
    argv = [binary, "-D", str(data_dir), "-p", str(port)]
    for key, value in settings.items():
        argv += ["-c", f"{key}={value}"]
    return argv


def initdb_argv(binary: str, data_dir: Path) -> list[str]:
    return [
        binary,
        "-D",
        str(data_dir),
        "-U",
        SUPERUSER,
        "--auth=trust",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
    ]


def _blocking_parent(path: Path) -> Path | None:
    """The first ancestor another user cannot traverse, if any."""
    for parent in reversed(path.parents):
        if not parent.stat().st_mode & stat.S_IXOTH:
            return parent
    return None


def _hand_over(root: Path, user: str) -> None:
    blocked = _blocking_parent(root)
    if blocked is not None:
        raise StackError(
            f"the {user} OS user cannot enter {blocked}: set NEWSWIRE_STACK__RUN_DIR "
            "to a directory outside it"
        )
    entry = pwd.getpwnam(user)
    os.chown(root, entry.pw_uid, entry.pw_gid)


def start_postgres(settings: Settings, report: Reporter = quiet) -> subprocess.Popen[bytes]:
    bindir = settings.stack.postgres_bin_dir
    install_log = paths.install_log(settings)
    binary = ensure_command(str(bindir / "postgres"), PACKAGE, log_path=install_log, report=report)
    root = paths.service_dir(settings, "postgres")
    data = root / "data"
    user = os_user()
    root.mkdir(parents=True, exist_ok=True)
    if user is not None:
        _hand_over(root, user)
    if not (data / "PG_VERSION").exists():
        shutil.rmtree(data, ignore_errors=True)
        report("creating a PostgreSQL cluster")
        run_logged(
            initdb_argv(str(bindir / "initdb"), data),
            log_path=paths.log_path(settings, "postgres"),
            what="initdb",
            cwd=root,
            user=user,
        )
    port = settings.stack.postgres_port
    report(f"starting PostgreSQL on 127.0.0.1:{port}")
    return spawn(
        postgres_argv(binary, data, port),
        log_path=paths.log_path(settings, "postgres"),
        pid_path=paths.pid_path(settings, "postgres"),
        cwd=root,
        user=user,
    )


def postgres_ready(endpoint: Endpoint) -> bool:
    try:
        with psycopg.connect(superuser_dsn(endpoint.port), connect_timeout=2) as conn:
            conn.execute("SELECT 1")
        return True
    except psycopg.Error:
        return False


def ensure_database(settings: Settings) -> None:
    """Create the `newswire` role and database on the stack's cluster if missing."""
    with psycopg.connect(superuser_dsn(settings.stack.postgres_port), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (ROLE,)).fetchone() is None:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEDB").format(sql.Identifier(ROLE)))
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,))
        if exists.fetchone() is None:
            conn.execute(
                sql.SQL("CREATE DATABASE {} OWNER {}").format(
                    sql.Identifier(DATABASE), sql.Identifier(ROLE)
                )
            )
