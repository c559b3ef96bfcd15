"""What a failed connection means, for each client: the error class (and so the
exit status) and the setting its one-line message names."""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import TypeVar

import psycopg
import pytest
import redis
from pydantic import SecretStr
from redis.exceptions import AuthenticationError, NoPermissionError

from devstack.stack.certs import ensure_certificates
from workers.errors import (
    AuthenticationFailed,
    NewswireError,
    ServiceUnavailable,
    TlsFailed,
)
from workers.redis_client import connection_options, failure, redact
from workers.settings import DatabaseTls, RedisTls, Settings
from workers.storage.postgres import connection_failure, settings_dsn
from workers.tls import Failure, handshake_failure

E = TypeVar("E", bound=BaseException)
DSN = "postgresql://svc:s3cret@db.example:5432/newswire"


def verification_error(code: int, message: str) -> ssl.SSLCertVerificationError:
    error = ssl.SSLCertVerificationError(1, f"[SSL: CERTIFICATE_VERIFY_FAILED] {message}")
    error.verify_code = code
    error.verify_message = message
    return error


def ssl_error(reason: str) -> ssl.SSLError:
    error = ssl.SSLError(1, f"[SSL: {reason}] {reason.lower()}")
    error.reason = reason
    return error


def raised_from(cause: BaseException, error: E) -> E:
    """`error`, raised while `cause` was handled (its context, as libraries leave it)."""
    try:
        try:
            raise cause
        except BaseException:
            raise error  # noqa: B904
    except BaseException as exc:
        assert exc is error
    return error


def test_an_untrusted_certificate_and_a_misnamed_one_are_told_apart() -> None:
    untrusted = handshake_failure(verification_error(19, "self-signed certificate in chain"))
    misnamed = handshake_failure(verification_error(62, "hostname mismatch"))
    assert untrusted is not None and untrusted.kind is Failure.UNTRUSTED
    assert misnamed is not None and misnamed.kind is Failure.HOSTNAME


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (ssl.SSLEOFError(8, "EOF occurred in violation of protocol"), Failure.NOT_TLS),
        (ssl_error("WRONG_VERSION_NUMBER"), Failure.NOT_TLS),
        (TimeoutError("_ssl.c:989: The handshake operation timed out"), Failure.NOT_TLS),
        (ssl_error("SSLV3_ALERT_BAD_CERTIFICATE"), Failure.CLIENT_CERTIFICATE),
        (ssl_error("TLSV13_ALERT_CERTIFICATE_REQUIRED"), Failure.CLIENT_CERTIFICATE),
    ],
)
def test_handshake_failures_are_classified(error: BaseException, kind: Failure) -> None:
    found = handshake_failure(error)
    assert found is not None and found.kind is kind


def test_errors_that_are_not_about_tls_are_left_alone() -> None:
    assert handshake_failure(ConnectionRefusedError(111, "Connection refused")) is None
    assert handshake_failure(TimeoutError("timed out")) is None


def test_a_tls_failure_is_found_behind_the_error_a_library_wraps_it_in() -> None:
    wrapped = raised_from(verification_error(19, "unable to get local issuer"), RuntimeError("x"))
    found = handshake_failure(wrapped)
    assert found is not None and found.kind is Failure.UNTRUSTED


# -- Redis ---------------------------------------------------------------------


def redis_settings(url: str, **tls: object) -> Settings:
    return Settings(redis_url=SecretStr(url), redis_tls=RedisTls.model_validate(tls))


def test_a_redis_url_is_shown_with_its_user_and_without_its_password() -> None:
    assert redact("rediss://svc:s3cret@redis.example:6380/2") == (
        "rediss://svc@redis.example:6380/2"
    )
    assert redact("redis://:s3cret@h/0") == "redis://h/0"


def test_a_plaintext_redis_url_gets_no_tls_options() -> None:
    assert connection_options(redis_settings("redis://h:6379/0")) == {}


def test_a_rediss_url_verifies_the_server_and_may_present_a_client_certificate(
    tmp_path: Path,
) -> None:
    files = ensure_certificates(tmp_path)
    options = connection_options(
        redis_settings(
            "rediss://svc:p@h:6380/0",
            cafile=files.ca,
            certfile=files.client_cert,
            keyfile=files.client_key,
        )
    )
    assert options["ssl_cert_reqs"] == "required"
    assert options["ssl_check_hostname"] is True
    assert options["ssl_ca_certs"] == str(files.ca)
    assert options["ssl_certfile"] == str(files.client_cert)
    assert options["ssl_keyfile"] == str(files.client_key)


@pytest.mark.parametrize(
    "error",
    [
        AuthenticationError("invalid username-password pair or user is disabled."),
        redis.ResponseError("WRONGPASS invalid username-password pair"),
    ],
)
def test_refused_redis_credentials_name_the_url(error: Exception) -> None:
    settings = redis_settings("rediss://svc:s3cret@h:6380/0")
    result = failure(settings, error)
    assert isinstance(result, AuthenticationFailed)
    assert "NEWSWIRE_REDIS_URL" in str(result) and "'svc'" in str(result)
    assert "s3cret" not in str(result)


def test_an_acl_user_without_the_rights_newswire_needs_is_told_so() -> None:
    settings = redis_settings("redis://svc:p@h:6379/0")
    result = failure(settings, NoPermissionError("this user has no permissions to run 'eval'"))
    assert isinstance(result, AuthenticationFailed)
    assert "+@all" in str(result)


def test_an_untrusted_redis_certificate_names_the_ca_setting() -> None:
    settings = redis_settings("rediss://svc:p@h:6380/0")
    error = raised_from(verification_error(19, "self-signed"), redis.ConnectionError("Error 1"))
    result = failure(settings, error)
    assert isinstance(result, TlsFailed)
    assert "NEWSWIRE_REDIS_TLS__CAFILE" in str(result)


def test_an_unreachable_redis_is_unavailable_and_nothing_more() -> None:
    settings = redis_settings("redis://svc:p@127.0.0.1:1/0")
    error = redis.ConnectionError("Error 111 connecting to 127.0.0.1:1. Connection refused.")
    assert type(failure(settings, error)) is ServiceUnavailable


# -- PostgreSQL ----------------------------------------------------------------


def test_database_tls_settings_win_over_the_url() -> None:
    settings = Settings(
        database_url=SecretStr(f"{DSN}?sslmode=prefer"),
        database_tls=DatabaseTls(sslmode="verify-full", cafile=Path("/ca.pem")),
    )
    info = psycopg.conninfo.conninfo_to_dict(settings_dsn(settings))
    assert info["sslmode"] == "verify-full"
    assert info["sslrootcert"] == "/ca.pem"
    assert info["password"] == "s3cret"


def test_a_url_without_tls_settings_is_used_as_it_is() -> None:
    settings = Settings(database_url=SecretStr(f"{DSN}?sslmode=verify-ca"))
    assert settings_dsn(settings) == f"{DSN}?sslmode=verify-ca"


PREFIX = 'connection failed: connection to server at "10.0.0.5", port 5432 failed: '


@pytest.mark.parametrize(
    ("message", "kind", "setting"),
    [
        (
            'FATAL:  password authentication failed for user "svc"',
            AuthenticationFailed,
            "NEWSWIRE_DATABASE_URL",
        ),
        (
            'FATAL:  pg_hba.conf rejects connection for host "10.0.0.9", user "svc", '
            'database "newswire", no encryption',
            AuthenticationFailed,
            "NEWSWIRE_DATABASE_TLS__SSLMODE",
        ),
        (
            "SSL error: certificate verify failed",
            TlsFailed,
            "NEWSWIRE_DATABASE_TLS__CAFILE",
        ),
        (
            'root certificate file "/root/.postgresql/root.crt" does not exist',
            TlsFailed,
            "NEWSWIRE_DATABASE_TLS__CAFILE",
        ),
        (
            'server certificate for "db.internal" does not match host name "db.example"',
            TlsFailed,
            "verify-ca",
        ),
        (
            "server does not support SSL, but SSL was required",
            TlsFailed,
            "NEWSWIRE_DATABASE_TLS__SSLMODE",
        ),
        ("Connection refused", ServiceUnavailable, "NEWSWIRE_DATABASE_URL"),
    ],
)
def test_postgresql_connection_failures_name_the_setting_to_fix(
    message: str, kind: type[ServiceUnavailable], setting: str
) -> None:
    result = connection_failure(DSN, psycopg.OperationalError(PREFIX + message))
    assert type(result) is kind
    assert setting in str(result)
    assert "s3cret" not in str(result)
    assert "\n" not in str(result)


# -- exit statuses -------------------------------------------------------------


def test_an_unreachable_or_refusing_server_exits_2_like_any_wrong_setting() -> None:
    statuses = {
        NewswireError("x").exit_code,
        ServiceUnavailable("Kafka", "h:9092", "NEWSWIRE_KAFKA_BOOTSTRAP").exit_code,
        AuthenticationFailed("Kafka", "h", "S", "refused", "fix").exit_code,
        TlsFailed("Kafka", "h", "S", "refused", "fix").exit_code,
    }
    assert statuses == {2}
