"""What the secured local stack (`python -m devstack stack up --secure`) shares between its
servers and its clients: the throwaway CA and certificates, the user and its
password, the secured endpoints, and the client settings that reach them
(written to `run/stack/secure.env`)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from devstack.stack import paths
from devstack.stack.certs import CertFiles, ensure_certificates
from devstack.stack.process import Endpoint
from workers.settings import Settings

HOST = "127.0.0.1"
DATABASE = "newswire_tls"
"""The database that takes the secured user over TLS only, with its password;
the plaintext stack's `newswire` database stays open on loopback."""
SASL_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")


class KafkaAccess(StrEnum):
    """The ways a client can reach the secured Kafka."""

    SCRAM_SHA_512 = "SCRAM-SHA-512"
    SCRAM_SHA_256 = "SCRAM-SHA-256"
    PLAIN = "PLAIN"
    MUTUAL_TLS = "mutual-tls"
    SASL_PLAINTEXT = "sasl-plaintext"


def tls_dir(settings: Settings) -> Path:
    return paths.stack_dir(settings) / "tls"


def env_file(settings: Settings) -> Path:
    return paths.stack_dir(settings) / "secure.env"


def write_private(path: Path, text: str) -> Path:
    """A file only its owner may read, from its first byte."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    return path


def certificates(settings: Settings) -> CertFiles:
    return ensure_certificates(tls_dir(settings))


def user(settings: Settings) -> str:
    return settings.stack.secure_user


def password(settings: Settings) -> str:
    """NEWSWIRE_STACK__SECURE_PASSWORD, or one generated once for this run directory."""
    configured = settings.stack.secure_password
    if configured is not None:
        return configured.get_secret_value()
    path = tls_dir(settings) / "password"
    if not path.exists():
        write_private(path, secrets.token_urlsafe(24))
    return path.read_text().strip()


@dataclass(frozen=True)
class SecuredEndpoint:
    service: str
    what: str
    endpoint: Endpoint


def endpoints(settings: Settings) -> list[SecuredEndpoint]:
    stack = settings.stack
    mechanisms = ", ".join(SASL_MECHANISMS)
    return [
        SecuredEndpoint(
            "kafka", f"SASL_SSL ({mechanisms})", Endpoint(HOST, stack.kafka_sasl_ssl_port)
        ),
        SecuredEndpoint("kafka", "SSL, client certificate", Endpoint(HOST, stack.kafka_ssl_port)),
        SecuredEndpoint(
            "kafka",
            f"SASL_PLAINTEXT ({mechanisms})",
            Endpoint(HOST, stack.kafka_sasl_plaintext_port),
        ),
        SecuredEndpoint(
            "redis", f"TLS, ACL user {user(settings)}", Endpoint(HOST, stack.redis_tls_port)
        ),
        SecuredEndpoint(
            "postgres",
            f"TLS, role {user(settings)}, database {DATABASE}",
            Endpoint(HOST, stack.postgres_port),
        ),
    ]


def kafka_env(settings: Settings, access: KafkaAccess) -> dict[str, str]:
    """The Kafka client settings that reach the secured stack in one way."""
    files = certificates(settings)
    stack = settings.stack
    prefix = "NEWSWIRE_KAFKA_SECURITY__"
    if access is KafkaAccess.MUTUAL_TLS:
        return {
            "NEWSWIRE_KAFKA_BOOTSTRAP": f"{HOST}:{stack.kafka_ssl_port}",
            f"{prefix}PROTOCOL": "SSL",
            f"{prefix}SSL_CAFILE": str(files.ca),
            f"{prefix}SSL_CERTFILE": str(files.client_cert),
            f"{prefix}SSL_KEYFILE": str(files.client_key),
        }
    sasl = {
        f"{prefix}SASL_USERNAME": user(settings),
        f"{prefix}SASL_PASSWORD": password(settings),
    }
    if access is KafkaAccess.SASL_PLAINTEXT:
        return {
            "NEWSWIRE_KAFKA_BOOTSTRAP": f"{HOST}:{stack.kafka_sasl_plaintext_port}",
            f"{prefix}PROTOCOL": "SASL_PLAINTEXT",
            f"{prefix}SASL_MECHANISM": "PLAIN",
            **sasl,
        }
    return {
        "NEWSWIRE_KAFKA_BOOTSTRAP": f"{HOST}:{stack.kafka_sasl_ssl_port}",
        f"{prefix}PROTOCOL": "SASL_SSL",
        f"{prefix}SASL_MECHANISM": access.value,
        **sasl,
        f"{prefix}SSL_CAFILE": str(files.ca),
    }


def redis_env(settings: Settings, client_certificate: bool = False) -> dict[str, str]:
    files = certificates(settings)
    env = {
        "NEWSWIRE_REDIS_URL": (
            f"rediss://{user(settings)}:{password(settings)}@{HOST}:"
            f"{settings.stack.redis_tls_port}/0"
        ),
        "NEWSWIRE_REDIS_TLS__CAFILE": str(files.ca),
    }
    if client_certificate:
        env["NEWSWIRE_REDIS_TLS__CERTFILE"] = str(files.client_cert)
        env["NEWSWIRE_REDIS_TLS__KEYFILE"] = str(files.client_key)
    return env


def database_env(settings: Settings) -> dict[str, str]:
    return {
        "NEWSWIRE_DATABASE_URL": (
            f"postgresql://{user(settings)}:{password(settings)}@{HOST}:"
            f"{settings.stack.postgres_port}/{DATABASE}"
        ),
        "NEWSWIRE_DATABASE_TLS__SSLMODE": "verify-full",
        "NEWSWIRE_DATABASE_TLS__CAFILE": str(certificates(settings).ca),
    }


def _lines(env: Mapping[str, str], commented: bool = False) -> list[str]:
    mark = "# " if commented else ""
    return [f"{mark}{key}={value}" for key, value in env.items()]


def write_env_file(settings: Settings) -> Path:
    """The client settings of the secured stack: Kafka SASL_SSL with SCRAM-SHA-512,
    Redis over TLS as the ACL user, PostgreSQL with verify-full; the other ways
    to reach Kafka commented out. Mode 0600: it holds the password."""
    lines = [
        "# Client settings for the secured local stack (`python -m devstack stack up --secure`).",
        "# Load them with: set -a; . run/stack/secure.env; set +a",
        "NEWSWIRE_STACK__SECURE=true",
        *_lines(kafka_env(settings, KafkaAccess.SCRAM_SHA_512)),
        *_lines(redis_env(settings)),
        *_lines(database_env(settings)),
        "",
        "# Kafka with mutual TLS instead of SASL:",
        *_lines(kafka_env(settings, KafkaAccess.MUTUAL_TLS), commented=True),
        "",
        "# Kafka SASL_SSL with PLAIN (as most managed services):",
        *_lines(kafka_env(settings, KafkaAccess.PLAIN), commented=True),
        "",
        "# Kafka SASL_PLAINTEXT (SASL without TLS):",
        *_lines(kafka_env(settings, KafkaAccess.SASL_PLAINTEXT), commented=True),
    ]
    return write_private(env_file(settings), "\n".join(lines) + "\n")
