"""TLS for the clients of Kafka and Redis: the context built from a service's
settings, and what a failed handshake means in terms of those settings."""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from workers.errors import ConfigurationError

X509_V_ERR_HOSTNAME_MISMATCH = 62
X509_V_ERR_IP_ADDRESS_MISMATCH = 64

_NOT_TLS_REASONS = frozenset(
    {
        "WRONG_VERSION_NUMBER",
        "UNEXPECTED_EOF_WHILE_READING",
        "RECORD_LAYER_FAILURE",
        "PACKET_LENGTH_TOO_LONG",
        "HTTP_REQUEST",
        "UNKNOWN_PROTOCOL",
    }
)
_CLIENT_CERT_ALERTS = frozenset(
    {
        "SSLV3_ALERT_BAD_CERTIFICATE",
        "SSLV3_ALERT_CERTIFICATE_UNKNOWN",
        "TLSV13_ALERT_CERTIFICATE_REQUIRED",
        "TLSV1_ALERT_UNKNOWN_CA",
        "TLSV1_ALERT_ACCESS_DENIED",
    }
)


@dataclass(frozen=True)
class TlsOptions:
    """One service's TLS settings, with the prefix of their environment variables
    (`env + "CAFILE"` names the CA file's)."""

    env: str
    cafile: Path | None = None
    certfile: Path | None = None
    keyfile: Path | None = None
    key_password: str | None = None
    check_hostname: bool = True


def client_context(options: TlsOptions) -> ssl.SSLContext:
    """A client context that verifies the server (TLS 1.2 or newer), presenting
    the client certificate when one is set."""
    env = options.env
    cafile = str(options.cafile) if options.cafile is not None else None
    try:
        context = ssl.create_default_context(cafile=cafile)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigurationError(
            f"{env}CAFILE: cannot load CA certificates from {cafile}: {_reason(exc)}"
        ) from exc
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = options.check_hostname
    if options.certfile is not None:
        try:
            context.load_cert_chain(
                str(options.certfile),
                str(options.keyfile) if options.keyfile is not None else None,
                options.key_password,
            )
        except (OSError, ssl.SSLError) as exc:
            raise ConfigurationError(
                f"{env}CERTFILE, {env}KEYFILE: cannot load the client certificate "
                f"{options.certfile}: {_reason(exc)}"
            ) from exc
    return context


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLError) and exc.reason:
        return str(exc.reason).lower().replace("_", " ")
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


class Failure(StrEnum):
    UNTRUSTED = "untrusted"
    HOSTNAME = "hostname"
    CLIENT_CERTIFICATE = "client certificate"
    NOT_TLS = "not tls"


@dataclass(frozen=True)
class HandshakeFailure:
    kind: Failure
    detail: str

    def explain(self, options: TlsOptions, not_tls_fix: str) -> tuple[str, str]:
        """(what the server did, what to set) for a `TlsFailed`."""
        env = options.env
        if self.kind is Failure.UNTRUSTED:
            return (
                f"presented a certificate this client does not trust ({self.detail})",
                f"set {env}CAFILE to the CA that signed it",
            )
        if self.kind is Failure.HOSTNAME:
            return (
                f"presented a certificate for another name ({self.detail})",
                f"reach it by a name its certificate holds, or set {env}CHECK_HOSTNAME=false",
            )
        if self.kind is Failure.CLIENT_CERTIFICATE:
            given = options.certfile is not None
            what = "refused the client certificate" if given else "requires a client certificate"
            return (
                f"{what} ({self.detail})",
                f"set {env}CERTFILE and {env}KEYFILE to a certificate signed by a CA "
                "the server trusts",
            )
        return (f"does not answer TLS ({self.detail})", not_tls_fix)


def handshake_failure(exc: BaseException) -> HandshakeFailure | None:
    """What a TLS client's error (or one it caused, anywhere in its chain) means;
    None when it is no TLS failure."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        found = _classify(current)
        if found is not None:
            return found
        current = current.__cause__ or current.__context__
    return None


def _classify(exc: BaseException) -> HandshakeFailure | None:
    if isinstance(exc, ssl.SSLCertVerificationError):
        detail = str(exc.verify_message or exc.reason or exc)
        if exc.verify_code in (X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH):
            return HandshakeFailure(Failure.HOSTNAME, detail)
        return HandshakeFailure(Failure.UNTRUSTED, detail)
    if isinstance(exc, ssl.SSLEOFError | ssl.SSLZeroReturnError):
        return HandshakeFailure(Failure.NOT_TLS, "the connection closed during the handshake")
    if isinstance(exc, TimeoutError) and "handshake" in str(exc):
        return HandshakeFailure(Failure.NOT_TLS, "no answer to the handshake")
    if isinstance(exc, ssl.SSLError):
        reason = str(exc.reason or "")
        if reason in _CLIENT_CERT_ALERTS:
            return HandshakeFailure(Failure.CLIENT_CERTIFICATE, _reason(exc))
        if reason in _NOT_TLS_REASONS:
            return HandshakeFailure(Failure.NOT_TLS, _reason(exc))
    return None


def speaks_tls(host: str, port: int, timeout: float = 3.0) -> bool:
    """Whether the server on host:port answers a TLS handshake (whatever it then
    thinks of the certificates)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with (
            socket.create_connection((host, port), timeout) as sock,
            context.wrap_socket(sock, server_hostname=host),
        ):
            return True
    except ssl.SSLError as exc:
        failure = _classify(exc)
        return failure is None or failure.kind is not Failure.NOT_TLS
    except OSError:
        return False
