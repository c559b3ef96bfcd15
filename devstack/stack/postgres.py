"""A private PostgreSQL 15 cluster under the run directory, trusted on loopback;
secured, it also takes TLS and a password-protected user (`secure_settings`)."""

from __future__ import annotations

import os
import pwd
import shutil
import stat
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from devstack.stack import paths, secure
from devstack.stack.packages import ensure_command
from devstack.stack.process import Endpoint, Reporter, StackError, quiet, run_logged, spawn
from workers.settings import Settings

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


def postgres_argv(
    binary: str, data_dir: Path, port: int, extra: Mapping[str, str] | None = None
) -> list[str]:
    settings = {
        "listen_addresses": "127.0.0.1",
        "unix_socket_directories": "",
        # A killed server must not forget a commit the storage worker was told of
        # (its offsets are committed after that); an OS crash may, as fsync is off.
        "fsync": "off",
        "synchronous_commit": "on",
        "full_page_writes": "off",
        **(extra or {}),
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


def render_hba(role: str) -> str:
    """The secured database takes `role` over TLS with its password and nothing
    else; everything else stays trusted on loopback, as in the plaintext stack."""
    lines = []
    for address in ("127.0.0.1/32", "::1/128"):
        lines.append(f"hostssl {secure.DATABASE} {role} {address} scram-sha-256")
        lines.append(f"host {secure.DATABASE} {role} {address} reject")
    lines += ["host all all 127.0.0.1/32 trust", "host all all ::1/128 trust"]
    return "\n".join(lines) + "\n"


def secure_settings(settings: Settings, root: Path, user: str | None) -> dict[str, str]:
    """`ssl=on` with the stack's server certificate, and the secured pg_hba.conf.
    The server reads its key only if it owns it and no one else can, so the files
    are copied under its own directory."""
    files = secure.certificates(settings)
    tls = root / "tls"
    tls.mkdir(parents=True, exist_ok=True)
    copies = {
        "server.pem": files.server_cert,
        "server-key.pem": files.server_key,
        "ca.pem": files.ca,
    }
    for name, source in copies.items():
        secure.write_private(tls / name, source.read_text())
    secure.write_private(tls / "pg_hba.conf", render_hba(secure.user(settings)))
    if user is not None:
        entry = pwd.getpwnam(user)
        for path in (tls, *tls.iterdir()):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    return {
        "ssl": "on",
        "ssl_cert_file": str(tls / "server.pem"),
        "ssl_key_file": str(tls / "server-key.pem"),
        "ssl_ca_file": str(tls / "ca.pem"),
        "hba_file": str(tls / "pg_hba.conf"),
    }


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
    extra = secure_settings(settings, root, user) if settings.stack.secure else None
    report(f"starting PostgreSQL on 127.0.0.1:{port}")
    return spawn(
        postgres_argv(binary, data, port, extra),
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


def _ensure_role(conn: psycopg.Connection[Any], role: str) -> None:
    if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is None:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEDB").format(sql.Identifier(role)))


def _ensure_owned_database(conn: psycopg.Connection[Any], database: str, role: str) -> None:
    exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,))
    if exists.fetchone() is None:
        conn.execute(
            sql.SQL("CREATE DATABASE {} OWNER {}").format(
                sql.Identifier(database), sql.Identifier(role)
            )
        )


def postgres_tls_ready(port: int) -> bool:
    """The stack's server takes TLS (it was started secured)."""
    try:
        with psycopg.connect(superuser_dsn(port), sslmode="require", connect_timeout=2):
            return True
    except psycopg.Error:
        return False


def ensure_database(settings: Settings) -> None:
    """Create the `newswire` role and database on the stack's cluster if missing;
    when secured, also the secured user (with its password) and its database."""
    with psycopg.connect(superuser_dsn(settings.stack.postgres_port), autocommit=True) as conn:
        _ensure_role(conn, ROLE)
        _ensure_owned_database(conn, DATABASE, ROLE)
        if settings.stack.secure:
            role = secure.user(settings)
            _ensure_role(conn, role)
            conn.execute(
                sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    sql.Identifier(role), sql.Literal(secure.password(settings))
                )
            )
            _ensure_owned_database(conn, secure.DATABASE, role)
