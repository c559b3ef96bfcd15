"""Endpoints, pid files, spawning and stopping of the servers the stack owns."""

from __future__ import annotations

import contextlib
import fcntl
import ipaddress
import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

Reporter = Callable[[str], None]


def quiet(_: str) -> None:
    return None


class StackError(RuntimeError):
    """Its message is the one line a user sees: what failed and what to do next."""


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def is_loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    def same_local_port(self, other: Endpoint) -> bool:
        return self.is_loopback and other.is_loopback and self.port == other.port


def parse_host_port(text: str, default_port: int) -> Endpoint:
    """`host`, `host:port` or `[v6]:port`; for a bootstrap list, the first entry."""
    first = text.split(",")[0].strip()
    if first.startswith("["):
        host, _, rest = first[1:].partition("]")
        port = rest.lstrip(":")
        return Endpoint(host, int(port) if port else default_port)
    host, sep, port = first.rpartition(":")
    if not sep:
        return Endpoint(first, default_port)
    return Endpoint(host, int(port))


def reachable(endpoint: Endpoint, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((endpoint.host, endpoint.port), timeout=timeout):
            return True
    except OSError:
        return False


@dataclass(frozen=True)
class PidRecord:
    pid: int
    start_ticks: int
    """The process start time from /proc, so that a recycled pid is never mistaken for ours."""

    def render(self) -> str:
        return f"{self.pid} {self.start_ticks}\n"

    @classmethod
    def parse(cls, text: str) -> PidRecord | None:
        parts = text.split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            return None
        return cls(int(parts[0]), int(parts[1]))


def process_start_ticks(pid: int) -> int | None:
    """None when the process is gone or a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()
    if not fields or fields[0] in ("Z", "X"):
        return None
    return int(fields[19])


def write_pid_file(path: Path, pid: int) -> PidRecord:
    ticks = process_start_ticks(pid)
    record = PidRecord(pid, ticks if ticks is not None else 0)
    tmp = path.with_suffix(".pid.tmp")
    tmp.write_text(record.render())
    tmp.replace(path)
    return record


def read_pid_file(path: Path) -> PidRecord | None:
    try:
        return PidRecord.parse(path.read_text())
    except OSError:
        return None


def reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def is_alive(record: PidRecord) -> bool:
    reap(record.pid)
    return process_start_ticks(record.pid) == record.start_ticks


def live_pid(path: Path) -> int | None:
    """The pid in `path` if that very process still runs; a stale file is removed."""
    record = read_pid_file(path)
    if record is None:
        path.unlink(missing_ok=True)
        return None
    if is_alive(record):
        return record.pid
    path.unlink(missing_ok=True)
    return None


def spawn(
    argv: Sequence[str],
    *,
    log_path: Path,
    pid_path: Path,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    user: str | None = None,
) -> subprocess.Popen[bytes]:
    """Start a server detached in its own session (its pid is its process group)."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        log.write(f"--- {stamp} {' '.join(argv)}\n".encode())
        log.flush()
        proc = subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=cwd,
            env=dict(env) if env is not None else None,
            start_new_session=True,
            user=user,
            group=user,
            extra_groups=[] if user else None,
        )
    write_pid_file(pid_path, proc.pid)
    return proc


def run_logged(
    argv: Sequence[str],
    *,
    log_path: Path,
    what: str,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    user: str | None = None,
) -> None:
    """Run a set-up step to completion; on failure, raise with the tail of its log."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        log.write(f"--- {' '.join(argv)}\n".encode())
        log.flush()
        try:
            code = subprocess.call(
                list(argv),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=cwd,
                env=dict(env) if env is not None else None,
                user=user,
                group=user,
                extra_groups=[] if user else None,
            )
        except OSError as exc:
            raise StackError(f"{what} could not run: {exc}") from exc
    if code != 0:
        raise StackError(f"{what} failed (exit {code}); {tail_note(log_path)}")


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def log_tail(path: Path, lines: int = 8) -> str:
    try:
        text = _ANSI.sub("", path.read_text(errors="replace"))
    except OSError:
        return ""
    return " | ".join(line.strip() for line in text.splitlines()[-lines:] if line.strip())


def first_line_with(path: Path, marker: str) -> str | None:
    try:
        text = _ANSI.sub("", path.read_text(errors="replace"))
    except OSError:
        return None
    return next((line.strip() for line in text.splitlines() if marker in line), None)


def tail_note(path: Path) -> str:
    tail = log_tail(path)
    return f"see {path}" + (f": {tail}" if tail else "")


def wait_until(
    check: Callable[[], bool],
    *,
    timeout: float,
    alive: Callable[[], bool] = lambda: True,
    interval: float = 0.2,
) -> bool:
    """True once `check` holds; False on timeout or as soon as `alive` says the process died."""
    deadline = time.monotonic() + timeout
    while True:
        if check():
            return True
        if not alive() or time.monotonic() >= deadline:
            return False
        time.sleep(interval)


def stop(pid_path: Path, sig: signal.Signals, timeout: float) -> int | None:
    """Stop the process group recorded in `pid_path`; the pid stopped, or None if none ran."""
    return stop_many([(pid_path, sig)], timeout)[0]


def stop_many(targets: Sequence[tuple[Path, signal.Signals]], timeout: float) -> list[int | None]:
    """Signal every recorded process group at once, then wait for all of them together,
    so that servers which need each other to shut down cleanly (a quorum) can."""
    records: list[PidRecord | None] = []
    for pid_path, sig in targets:
        record = read_pid_file(pid_path)
        if record is None or not is_alive(record):
            pid_path.unlink(missing_ok=True)
            records.append(None)
            continue
        _signal_group(record.pid, sig)
        records.append(record)
    live = [r for r in records if r is not None]

    def all_gone() -> bool:
        return not any(is_alive(r) for r in live)

    if not wait_until(all_gone, timeout=timeout, interval=0.1):
        for record in live:
            if is_alive(record):
                _signal_group(record.pid, signal.SIGKILL)
        wait_until(all_gone, timeout=5.0, interval=0.1)
    for pid_path, _ in targets:
        pid_path.unlink(missing_ok=True)
    return [r.pid if r is not None else None for r in records]


def _signal_group(pid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        return
    except PermissionError:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Serialise `up`/`down` between processes sharing one run directory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
