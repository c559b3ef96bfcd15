"""The connection check every Kafka client goes through before it starts.

kafka-python and aiokafka retry a connection that fails for a wrong setting (an
untrusted certificate, TLS on one side only, a wrong password) until their
bootstrap times out, and then report only that they could not bootstrap. This
check makes one connection to a bootstrap server the way the clients will
(TLS with their context, a request, SASL with their mechanism) and raises, at
once, the error that names the setting to fix."""

from __future__ import annotations

import socket
import ssl
import struct
from collections.abc import Iterator

from workers import kafka_security as security
from workers.errors import RefusedByServer, ServiceUnavailable
from workers.scram import HASHES, ScramClient, ScramError
from workers.settings import Settings
from workers.tls import handshake_failure, speaks_tls

METADATA = 3
SASL_HANDSHAKE = 17
API_VERSIONS = 18
SASL_AUTHENTICATE = 36
UNSUPPORTED_SASL_MECHANISM = 33
ILLEGAL_SASL_STATE = 34
CLIENT_ID = b"newswire-check"
MAX_RESPONSE_BYTES = 16 << 20
ALL_TOPICS_NO_AUTO_CREATE = struct.pack(">ib", -1, 0)
"""A Metadata v4 request body: every topic (a null array), none created."""
TLS_ALERT = b"\x15\x03"
"""How a TLS server answers bytes that are not TLS: an alert record."""


class _Closed(Exception):
    """The server closed the connection."""


class _TlsAlert(Exception):
    """The server answered with a TLS alert: it expects TLS."""


class _Wire:
    """Kafka requests (header v1) and their responses over one socket."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._correlation = 0

    def call(self, api_key: int, version: int, body: bytes) -> bytes:
        """The response body (after its correlation id)."""
        self._correlation += 1
        header = struct.pack(">hhih", api_key, version, self._correlation, len(CLIENT_ID))
        payload = header + CLIENT_ID + body
        try:
            self._sock.sendall(struct.pack(">i", len(payload)) + payload)
        except (BrokenPipeError, ConnectionResetError) as exc:
            raise _Closed from exc
        prefix = self._read(4)
        if prefix.startswith(TLS_ALERT):
            raise _TlsAlert
        (size,) = struct.unpack(">i", prefix)
        if not 4 <= size <= MAX_RESPONSE_BYTES:
            raise _Closed
        return self._read(size)[4:]

    def _read(self, size: int) -> bytes:
        data = b""
        while len(data) < size:
            try:
                chunk = self._sock.recv(size - len(data))
            except ConnectionResetError as exc:
                raise _Closed from exc
            if not chunk:
                raise _Closed
            data += chunk
        return data


class _Reader:
    def __init__(self, data: bytes) -> None:
        self._data = data
        self._at = 0

    def _take(self, fmt: str) -> int:
        (value,) = struct.unpack_from(fmt, self._data, self._at)
        self._at += struct.calcsize(fmt)
        return int(value)

    def int16(self) -> int:
        return self._take(">h")

    def int32(self) -> int:
        return self._take(">i")

    def string(self) -> str | None:
        size = self.int16()
        if size < 0:
            return None
        value = self._data[self._at : self._at + size].decode(errors="replace")
        self._at += size
        return value

    def raw(self) -> bytes:
        size = self.int32()
        value = self._data[self._at : self._at + max(size, 0)]
        self._at += max(size, 0)
        return value


def _string(value: str) -> bytes:
    data = value.encode()
    return struct.pack(">h", len(data)) + data


def _bytes(value: bytes) -> bytes:
    return struct.pack(">i", len(value)) + value


def addresses(bootstrap: str) -> Iterator[tuple[str, int]]:
    """host and port of each bootstrap server (`[v6]:port` included)."""
    for entry in bootstrap.split(","):
        host, _, port = entry.strip().rpartition(":")
        try:
            yield (host.strip("[]") or "127.0.0.1", int(port))
        except ValueError:
            continue


def check_connection(settings: Settings, timeout: float = 5.0) -> None:
    """Go through TLS, a request and SASL with the bootstrap servers in turn, as
    the clients will, until one passes. A server that refuses the client (TLS,
    SASL) fails the check at once: every broker of a cluster would; one that is
    down or does not answer only sends the check to the next."""
    context = security.ssl_context(settings)
    failure: ServiceUnavailable = security.unavailable(settings)
    for host, port in addresses(settings.kafka_bootstrap):
        try:
            sock = socket.create_connection((host, port), timeout)
        except OSError:
            continue
        try:
            with sock:
                _check(settings, sock, host, port, context)
        except RefusedByServer:
            raise
        except ServiceUnavailable as exc:
            failure = exc
            continue
        return
    raise failure


def _check(
    settings: Settings,
    sock: socket.socket,
    host: str,
    port: int,
    context: ssl.SSLContext | None,
) -> None:
    endpoint = f"{host}:{port}"
    conn = sock
    try:
        if context is not None:
            conn = context.wrap_socket(sock, server_hostname=host)
        wire = _Wire(conn)
        _first_request(settings, wire, host, port)
        if settings.kafka_security.uses_sasl:
            _authenticate(settings, wire, endpoint)
        else:
            try:
                wire.call(METADATA, 4, ALL_TOPICS_NO_AUTO_CREATE)
            except _Closed:
                raise security.sasl_required(settings, endpoint) from None
    except OSError as exc:
        failure = handshake_failure(exc)
        if failure is not None:
            raise security.tls_failed(settings, endpoint, failure) from None
        raise security.unavailable(settings, f"({endpoint}: {exc})") from None
    finally:
        conn.close()


def _first_request(settings: Settings, wire: _Wire, host: str, port: int) -> None:
    endpoint = f"{host}:{port}"
    try:
        wire.call(API_VERSIONS, 0, b"")
    except _TlsAlert:
        raise security.tls_expected(settings, endpoint) from None
    except _Closed:
        if not settings.kafka_security.uses_tls and speaks_tls(host, port):
            raise security.tls_expected(settings, endpoint) from None
        raise _closed(settings, endpoint) from None


def _closed(settings: Settings, endpoint: str) -> ServiceUnavailable:
    return security.unavailable(
        settings, f"({endpoint} closed the connection: is it a Kafka listener?)"
    )


def _authenticate(settings: Settings, wire: _Wire, endpoint: str) -> None:
    sec = settings.kafka_security
    mechanism = sec.sasl_mechanism or ""
    try:
        answer = _Reader(wire.call(SASL_HANDSHAKE, 1, _string(mechanism)))
        error = answer.int16()
        if error == ILLEGAL_SASL_STATE:
            raise security.sasl_not_offered(settings, endpoint)
        if error == UNSUPPORTED_SASL_MECHANISM:
            offered = [answer.string() or "" for _ in range(answer.int32())]
            raise security.mechanism_not_offered(settings, endpoint, offered)
        if error:
            raise security.sasl_not_offered(settings, endpoint)
        username = sec.sasl_username or ""
        password = security.sasl_password(sec)
        if mechanism in HASHES:
            scram = ScramClient(mechanism, username, password)
            server_first = _sasl_round(settings, wire, endpoint, scram.first())
            server_final = _sasl_round(settings, wire, endpoint, scram.final(server_first))
            scram.verify(server_final)
        else:
            _sasl_round(settings, wire, endpoint, f"\0{username}\0{password}".encode())
    except _Closed:
        raise _closed(settings, endpoint) from None
    except ScramError:
        raise security.credentials_refused(settings, endpoint) from None


def _sasl_round(settings: Settings, wire: _Wire, endpoint: str, token: bytes) -> bytes:
    answer = _Reader(wire.call(SASL_AUTHENTICATE, 0, _bytes(token)))
    if answer.int16():
        raise security.credentials_refused(settings, endpoint)
    answer.string()
    return answer.raw()
