"""Kafka's security settings as the clients take them, and the errors that name
them. kafka-python's options (`workers.kafka_clients.client_options`), the Faust
workers' credentials (`workers.runtime.faust_app`) and the connection check
(`workers.kafka_probe`) all start from here, so that every client connects alike."""

from __future__ import annotations

import ssl

from workers.errors import AuthenticationFailed, ServiceUnavailable, TlsFailed
from workers.settings import KAFKA_SECURITY_ENV, KafkaSecurity, Settings
from workers.tls import HandshakeFailure, TlsOptions, client_context

ENV = KAFKA_SECURITY_ENV
BOOTSTRAP_ENV = "NEWSWIRE_KAFKA_BOOTSTRAP"


def tls_options(security: KafkaSecurity) -> TlsOptions:
    password = security.ssl_key_password
    return TlsOptions(
        env=f"{ENV}SSL_",
        cafile=security.ssl_cafile,
        certfile=security.ssl_certfile,
        keyfile=security.ssl_keyfile,
        key_password=password.get_secret_value() if password is not None else None,
        check_hostname=security.ssl_check_hostname,
    )


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """The TLS context of every Kafka connection; None for the plaintext protocols."""
    security = settings.kafka_security
    return client_context(tls_options(security)) if security.uses_tls else None


def sasl_password(security: KafkaSecurity) -> str:
    password = security.sasl_password
    return password.get_secret_value() if password is not None else ""


def unavailable(settings: Settings, hint: str = "") -> ServiceUnavailable:
    return ServiceUnavailable("Kafka", settings.kafka_bootstrap, BOOTSTRAP_ENV, hint)


def tls_failed(settings: Settings, endpoint: str, failure: HandshakeFailure) -> TlsFailed:
    security = settings.kafka_security
    plain = "SASL_PLAINTEXT" if security.uses_sasl else "PLAINTEXT"
    problem, fix = failure.explain(
        tls_options(security),
        f"set {ENV}PROTOCOL to {plain}, or {BOOTSTRAP_ENV} to the broker's TLS listener",
    )
    return TlsFailed("Kafka", endpoint, f"{ENV}SSL_CAFILE", problem, fix)


def tls_expected(settings: Settings, endpoint: str) -> TlsFailed:
    secured = "SASL_SSL" if settings.kafka_security.uses_sasl else "SSL"
    return TlsFailed(
        "Kafka",
        endpoint,
        f"{ENV}PROTOCOL",
        f"expects TLS on this listener, and {settings.kafka_security.protocol} does not use it",
        f"set {ENV}PROTOCOL to {secured} (and {ENV}SSL_CAFILE to the CA of its certificate)",
    )


def sasl_required(settings: Settings, endpoint: str) -> AuthenticationFailed:
    with_sasl = "SASL_SSL" if settings.kafka_security.uses_tls else "SASL_PLAINTEXT"
    return AuthenticationFailed(
        "Kafka",
        endpoint,
        f"{ENV}PROTOCOL",
        "requires SASL authentication on this listener",
        f"set {ENV}PROTOCOL to {with_sasl} with {ENV}SASL_MECHANISM, {ENV}SASL_USERNAME "
        f"and {ENV}SASL_PASSWORD",
    )


def sasl_not_offered(settings: Settings, endpoint: str) -> AuthenticationFailed:
    without = "SSL" if settings.kafka_security.uses_tls else "PLAINTEXT"
    return AuthenticationFailed(
        "Kafka",
        endpoint,
        f"{ENV}PROTOCOL",
        "does not use SASL on this listener",
        f"set {ENV}PROTOCOL to {without}, or {BOOTSTRAP_ENV} to the broker's SASL listener",
    )


def mechanism_not_offered(
    settings: Settings, endpoint: str, offered: list[str]
) -> AuthenticationFailed:
    mechanism = settings.kafka_security.sasl_mechanism
    return AuthenticationFailed(
        "Kafka",
        endpoint,
        f"{ENV}SASL_MECHANISM",
        f"does not offer SASL mechanism {mechanism} (it offers {', '.join(offered) or 'none'})",
        f"set {ENV}SASL_MECHANISM to one of those",
    )


def credentials_refused(settings: Settings, endpoint: str) -> AuthenticationFailed:
    security = settings.kafka_security
    return AuthenticationFailed(
        "Kafka",
        endpoint,
        f"{ENV}SASL_PASSWORD",
        f"refused the credentials of user {security.sasl_username!r} ({security.sasl_mechanism})",
        f"check {ENV}SASL_USERNAME and {ENV}SASL_PASSWORD",
    )
