"""`up`, `down` and `status` over the four servers of the local stack."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from devstack.stack import kafka_secured, paths, secure
from devstack.stack.kafka import kafka_ready, start_kafka
from devstack.stack.postgres import (
    ensure_database,
    postgres_ready,
    postgres_tls_ready,
    start_postgres,
)
from devstack.stack.process import (
    Endpoint,
    Reporter,
    StackError,
    live_pid,
    locked,
    parse_host_port,
    quiet,
    reachable,
    stop_many,
    tail_note,
    wait_until,
)
from devstack.stack.prometheus import prometheus_ready, start_prometheus
from devstack.stack.redis import redis_ready, start_redis
from workers.settings import Settings


class ServiceState(StrEnum):
    OWNED = "owned"
    """Started by the stack and answering."""
    EXTERNAL = "external"
    """Answering, but not started by the stack: reused, never stopped."""
    STARTING = "starting"
    """Started by the stack, not answering yet."""
    DOWN = "down"


@dataclass(frozen=True)
class ServiceStatus:
    name: str
    endpoint: Endpoint
    state: ServiceState
    pid: int | None = None

    @property
    def running(self) -> bool:
        return self.state in (ServiceState.OWNED, ServiceState.EXTERNAL)


@dataclass(frozen=True)
class Service:
    name: str
    title: str
    setting: str
    endpoint: Callable[[Settings], Endpoint]
    local_port: Callable[[Settings], int]
    start: Callable[[Settings, Reporter], subprocess.Popen[bytes]]
    ready: Callable[[Settings, Endpoint], bool]
    stop_signal: signal.Signals = signal.SIGTERM
    provision: Callable[[Settings], None] | None = None
    secured: Callable[[Settings], bool] | None = None
    """Whether the running server has its secured listeners (`stack up --secure`)."""


def _url_endpoint(url: str, default_port: int) -> Endpoint:
    parts = urlsplit(url)
    return Endpoint(parts.hostname or "127.0.0.1", parts.port or default_port)


def _plaintext(endpoint: Endpoint, plaintext_port: int, secured_ports: Iterable[int]) -> Endpoint:
    """Clients pointed at one of the secured stack's ports (`secure.env`) find the
    stack's server at its plaintext port, which is what the stack checks."""
    local = Endpoint("127.0.0.1", plaintext_port)
    if any(endpoint.same_local_port(Endpoint("127.0.0.1", p)) for p in secured_ports):
        return local
    return endpoint


def _kafka_endpoint(settings: Settings) -> Endpoint:
    stack = settings.stack
    secured = (stack.kafka_sasl_ssl_port, stack.kafka_ssl_port, stack.kafka_sasl_plaintext_port)
    endpoint = parse_host_port(settings.kafka_bootstrap, 9092)
    return _plaintext(endpoint, stack.kafka_port, secured)


def _redis_endpoint(settings: Settings) -> Endpoint:
    endpoint = _url_endpoint(settings.redis_url.get_secret_value(), 6379)
    return _plaintext(endpoint, settings.stack.redis_port, (settings.stack.redis_tls_port,))


def _postgres_endpoint(settings: Settings) -> Endpoint:
    url = _postgres_url(settings)
    if url:
        return _url_endpoint(url, 5432)
    return Endpoint("127.0.0.1", settings.stack.postgres_port)


def _start_kafka(settings: Settings, report: Reporter) -> subprocess.Popen[bytes]:
    secured = kafka_secured.listeners(settings) if settings.stack.secure else None
    return start_kafka(settings, report, secured)


def _provision_kafka(settings: Settings) -> None:
    if settings.stack.secure:
        kafka_secured.create_scram_users(settings)


def _ports_answer(settings: Settings, service: str) -> bool:
    return all(
        reachable(point.endpoint)
        for point in secure.endpoints(settings)
        if point.service == service
    )


SERVICES: dict[str, Service] = {
    s.name: s
    for s in (
        Service(
            name="kafka",
            title="Kafka",
            setting="NEWSWIRE_KAFKA_BOOTSTRAP",
            endpoint=_kafka_endpoint,
            local_port=lambda s: s.stack.kafka_port,
            start=_start_kafka,
            ready=lambda _, ep: kafka_ready(str(ep)),
            provision=_provision_kafka,
            secured=lambda s: _ports_answer(s, "kafka"),
        ),
        Service(
            name="redis",
            title="Redis",
            setting="NEWSWIRE_REDIS_URL",
            endpoint=_redis_endpoint,
            local_port=lambda s: s.stack.redis_port,
            start=start_redis,
            ready=lambda _, ep: redis_ready(ep),
            secured=lambda s: _ports_answer(s, "redis"),
        ),
        Service(
            name="postgres",
            title="PostgreSQL",
            setting="NEWSWIRE_DATABASE_URL",
            endpoint=_postgres_endpoint,
            local_port=lambda s: s.stack.postgres_port,
            start=start_postgres,
            ready=lambda _, ep: postgres_ready(ep),
            stop_signal=signal.SIGINT,
            provision=ensure_database,
            secured=lambda s: postgres_tls_ready(s.stack.postgres_port),
        ),
        Service(
            name="prometheus",
            title="Prometheus",
            setting="NEWSWIRE_STACK__PROMETHEUS_PORT",
            endpoint=lambda s: Endpoint("127.0.0.1", s.stack.prometheus_port),
            local_port=lambda s: s.stack.prometheus_port,
            start=lambda s, report: start_prometheus(s, report),
            ready=lambda _, ep: prometheus_ready(ep),
        ),
    )
}

ALL_SERVICES: tuple[str, ...] = tuple(SERVICES)


def _postgres_url(settings: Settings) -> str:
    url = settings.database_url.get_secret_value() if settings.database_url else ""
    return url if url.startswith(("postgres://", "postgresql://")) else ""


def default_services(settings: Settings) -> tuple[str, ...]:
    """Kafka and Redis, plus PostgreSQL when the storage backend is PostgreSQL or
    the stack is secured."""
    if _postgres_url(settings) or settings.stack.secure:
        return ("kafka", "redis", "postgres")
    return ("kafka", "redis")


def _lookup(names: Iterable[str]) -> list[Service]:
    services = []
    for name in names:
        if name not in SERVICES:
            raise StackError(f"unknown service {name!r}: choose from {', '.join(SERVICES)}")
        services.append(SERVICES[name])
    return services


def _lock(settings: Settings) -> Path:
    return paths.stack_dir(settings) / ".lock"


def up(
    settings: Settings,
    services: Sequence[str] = ("kafka", "redis"),
    *,
    report: Reporter = quiet,
    timeout: float | None = None,
) -> list[ServiceStatus]:
    """Start whichever of `services` is not already reachable and wait until all answer."""
    chosen = _lookup(services)
    limit = settings.stack.start_timeout_seconds if timeout is None else timeout
    with locked(_lock(settings)):
        results: dict[str, ServiceStatus] = {}
        pending: list[Service] = []
        for svc in chosen:
            endpoint = svc.endpoint(settings)
            pid = live_pid(paths.pid_path(settings, svc.name))
            if pid is None and reachable(endpoint):
                external = ServiceStatus(svc.name, endpoint, ServiceState.EXTERNAL)
                _require_secured(settings, svc, external)
                results[svc.name] = external
                continue
            if pid is None:
                local = Endpoint("127.0.0.1", svc.local_port(settings))
                if not endpoint.same_local_port(local):
                    raise StackError(
                        f"cannot reach {svc.title} at {endpoint} ({svc.setting}); the stack "
                        f"starts {svc.title} only on {local}: start yours or change {svc.setting}"
                    )
                svc.start(settings, report)
            pending.append(svc)
        for svc in pending:
            results[svc.name] = _await(settings, svc, limit, report)
        if settings.stack.secure:
            secure.write_env_file(settings)
        return [results[svc.name] for svc in chosen]


def _require_secured(settings: Settings, svc: Service, st: ServiceStatus) -> None:
    """With --secure, a server found running without its secured listeners (started
    before without --secure, or not the stack's) is an error, and is left as it is."""
    if not settings.stack.secure or svc.secured is None or svc.secured(settings):
        return
    if st.state is ServiceState.EXTERNAL:
        raise StackError(
            f"{svc.title} at {st.endpoint} was not started by the stack and has no secured "
            f"listeners: stop it, or point {svc.setting} at a secured server of your own"
        )
    raise StackError(
        f"{svc.title} (pid {st.pid}) runs without its secured listeners (started without "
        f"--secure): stop it with `python -m devstack stack down {st.name}`, then run "
        "`python -m devstack stack up --secure`"
    )


def _await(settings: Settings, svc: Service, timeout: float, report: Reporter) -> ServiceStatus:
    endpoint = svc.endpoint(settings)
    pid_file = paths.pid_path(settings, svc.name)
    report(f"waiting for {svc.title} on {endpoint}")
    ready = wait_until(
        lambda: svc.ready(settings, endpoint),
        timeout=timeout,
        alive=lambda: live_pid(pid_file) is not None,
    )
    pid = live_pid(pid_file)
    log = paths.log_path(settings, svc.name)
    if not ready:
        if pid is None and reachable(endpoint):
            return ServiceStatus(svc.name, endpoint, ServiceState.EXTERNAL)
        if pid is None:
            raise StackError(f"{svc.title} exited during start-up; {tail_note(log)}")
        raise StackError(
            f"{svc.title} did not answer on {endpoint} within {timeout:.0f}s; see {log} "
            "or raise NEWSWIRE_STACK__START_TIMEOUT_SECONDS"
        )
    owned = ServiceStatus(svc.name, endpoint, ServiceState.OWNED, pid)
    _require_secured(settings, svc, owned)
    if svc.provision is not None:
        svc.provision(settings)
    return owned


def status(settings: Settings, services: Sequence[str] = ALL_SERVICES) -> list[ServiceStatus]:
    result = []
    for svc in _lookup(services):
        endpoint = svc.endpoint(settings)
        pid = live_pid(paths.pid_path(settings, svc.name))
        answering = reachable(endpoint)
        if pid is not None:
            state = ServiceState.OWNED if answering else ServiceState.STARTING
        else:
            state = ServiceState.EXTERNAL if answering else ServiceState.DOWN
        result.append(ServiceStatus(svc.name, endpoint, state, pid))
    return result


def down(
    settings: Settings,
    services: Sequence[str] = ALL_SERVICES,
    *,
    report: Reporter = quiet,
    timeout: float = 30.0,
) -> list[ServiceStatus]:
    """Stop what `up` started (never an external server); the services stopped."""
    with locked(_lock(settings)):
        owned = [
            svc
            for svc in _lookup(services)
            if live_pid(paths.pid_path(settings, svc.name)) is not None
        ]
        if owned:
            report(f"stopping {', '.join(svc.title for svc in owned)}")
        pids = stop_many(
            [(paths.pid_path(settings, svc.name), svc.stop_signal) for svc in owned], timeout
        )
    return [
        ServiceStatus(svc.name, svc.endpoint(settings), ServiceState.DOWN, pid)
        for svc, pid in zip(owned, pids, strict=True)
        if pid is not None
    ]
