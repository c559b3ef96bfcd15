"""Redis clients from settings: TLS for a `rediss://` URL (NEWSWIRE_REDIS_TLS__*),
an ACL user and password from the URL, and the one-line error of each way a
connection fails (unreachable, credentials or rights refused, TLS)."""

from __future__ import annotations

import ssl
from typing import Any
from urllib.parse import unquote, urlsplit

import redis
import redis.asyncio as aioredis
from redis.exceptions import AuthenticationError, NoPermissionError, ResponseError

from workers.errors import AuthenticationFailed, ServiceUnavailable, TlsFailed
from workers.settings import Settings
from workers.tls import TlsOptions, client_context, handshake_failure, speaks_tls

URL_ENV = "NEWSWIRE_REDIS_URL"
TLS_ENV = "NEWSWIRE_REDIS_TLS__"
_REFUSED_CREDENTIALS = ("WRONGPASS", "NOAUTH", "invalid username-password")


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    user = f"{unquote(parts.username)}@" if parts.username else ""
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{user}{host}{port}{parts.path}"


def _url(settings: Settings) -> str:
    return settings.redis_url.get_secret_value()


def uses_tls(settings: Settings) -> bool:
    return urlsplit(_url(settings)).scheme == "rediss"


def tls_options(settings: Settings) -> TlsOptions:
    tls = settings.redis_tls
    return TlsOptions(
        env=TLS_ENV,
        cafile=tls.cafile,
        certfile=tls.certfile,
        keyfile=tls.keyfile,
        check_hostname=tls.check_hostname,
    )


def connection_options(settings: Settings) -> dict[str, Any]:
    """redis-py's TLS options for a `rediss://` URL (none for `redis://`); the
    files are checked here, so that a wrong path fails naming its setting."""
    if not uses_tls(settings):
        return {}
    options = tls_options(settings)
    client_context(options)
    result: dict[str, Any] = {
        "ssl_cert_reqs": "required",
        "ssl_check_hostname": options.check_hostname,
        "ssl_min_version": ssl.TLSVersion.TLSv1_2,
    }
    if options.cafile is not None:
        result["ssl_ca_certs"] = str(options.cafile)
    if options.certfile is not None:
        result["ssl_certfile"] = str(options.certfile)
    if options.keyfile is not None:
        result["ssl_keyfile"] = str(options.keyfile)
    return result


def unavailable(settings: Settings) -> ServiceUnavailable:
    return ServiceUnavailable("Redis", redact(_url(settings)), URL_ENV)


def failure(settings: Settings, exc: BaseException) -> ServiceUnavailable:
    """The error a failed connection or command means, naming the setting to fix."""
    url = _url(settings)
    endpoint = redact(url)
    user = unquote(urlsplit(url).username or "default")
    if isinstance(exc, AuthenticationError) or (
        isinstance(exc, ResponseError) and str(exc).startswith(_REFUSED_CREDENTIALS)
    ):
        return AuthenticationFailed(
            "Redis",
            endpoint,
            URL_ENV,
            f"refused the credentials of user {user!r} ({exc})",
            f"check the user and password in {URL_ENV} (redis://USER:PASSWORD@HOST:PORT/DB)",
        )
    if isinstance(exc, NoPermissionError):
        return AuthenticationFailed(
            "Redis",
            endpoint,
            URL_ENV,
            f"denied user {user!r} a command or key newswire needs ({exc})",
            f"grant that ACL user the keys under NEWSWIRE_REDIS_PREFIX and +@all, "
            f"or name another user in {URL_ENV}",
        )
    handshake = handshake_failure(exc)
    if handshake is not None:
        problem, fix = handshake.explain(
            tls_options(settings), f"use a redis:// URL in {URL_ENV}, or the server's TLS port"
        )
        return TlsFailed("Redis", endpoint, f"{TLS_ENV}CAFILE", problem, fix)
    if _dropped(exc) and not uses_tls(settings):
        parts = urlsplit(url)
        if parts.hostname and speaks_tls(parts.hostname, parts.port or 6379):
            return TlsFailed(
                "Redis",
                endpoint,
                URL_ENV,
                "expects TLS on this port",
                f"use a rediss:// URL in {URL_ENV} (and {TLS_ENV}CAFILE for its CA)",
            )
    return unavailable(settings)


def _dropped(exc: BaseException) -> bool:
    """The server accepted the connection, then closed it (as a TLS port does
    with a plaintext client)."""
    return isinstance(exc, redis.ConnectionError) and "connecting to" not in str(exc)


def require_access(settings: Settings, client: redis.Redis[bytes]) -> None:
    """Raise when Redis answers but refuses this client (credentials, rights, TLS).
    An unreachable Redis passes: callers that can do without it carry on."""
    try:
        client.ping()
    except (redis.RedisError, OSError) as exc:
        error = failure(settings, exc)
        if type(error) is not ServiceUnavailable:
            raise error from exc


def sync_client(settings: Settings, check: bool = True) -> redis.Redis[bytes]:
    client = redis.Redis.from_url(
        _url(settings),
        socket_connect_timeout=5,
        socket_timeout=10,
        **connection_options(settings),
    )
    if check:
        try:
            client.ping()
        except redis.RedisError as exc:
            raise failure(settings, exc) from exc
    return client


async def async_client(settings: Settings, check: bool = True) -> aioredis.Redis[bytes]:
    client = aioredis.Redis.from_url(
        _url(settings),
        socket_connect_timeout=5,
        socket_timeout=10,
        **connection_options(settings),
    )
    if check:
        try:
            await client.ping()
        except redis.RedisError as exc:
            raise failure(settings, exc) from exc
    return client
