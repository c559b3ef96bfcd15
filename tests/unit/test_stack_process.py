from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from devstack.stack.process import (
    Endpoint,
    PidRecord,
    StackError,
    live_pid,
    locked,
    log_tail,
    parse_host_port,
    process_start_ticks,
    read_pid_file,
    run_logged,
    spawn,
    stop,
    stop_many,
    wait_until,
    write_pid_file,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("127.0.0.1:19092", Endpoint("127.0.0.1", 19092)),
        ("localhost", Endpoint("localhost", 9092)),
        ("a.example:1,b.example:2", Endpoint("a.example", 1)),
        ("[::1]:29092", Endpoint("::1", 29092)),
        ("[::1]", Endpoint("::1", 9092)),
    ],
)
def test_parse_host_port(text: str, expected: Endpoint) -> None:
    assert parse_host_port(text, 9092) == expected


def test_endpoint_rendering_and_loopback() -> None:
    assert str(Endpoint("::1", 5)) == "[::1]:5"
    assert Endpoint("127.0.0.2", 1).is_loopback
    assert Endpoint("localhost", 1).is_loopback
    assert not Endpoint("kafka.internal", 1).is_loopback
    assert not Endpoint("10.0.0.1", 1).is_loopback
    assert Endpoint("localhost", 7).same_local_port(Endpoint("127.0.0.1", 7))
    assert not Endpoint("127.0.0.1", 7).same_local_port(Endpoint("127.0.0.1", 8))


def test_pid_record_round_trip() -> None:
    record = PidRecord(123, 456)
    assert PidRecord.parse(record.render()) == record
    assert PidRecord.parse("") is None
    assert PidRecord.parse("12") is None
    assert PidRecord.parse("abc 1") is None


def test_live_pid_of_running_process(tmp_path: Path) -> None:
    pid_file = tmp_path / "me.pid"
    record = write_pid_file(pid_file, os.getpid())
    assert record.start_ticks == process_start_ticks(os.getpid())
    assert read_pid_file(pid_file) == record
    assert live_pid(pid_file) == os.getpid()


def test_stale_pid_file_is_removed(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    pid_file = tmp_path / "gone.pid"
    write_pid_file(pid_file, proc.pid)
    proc.wait()
    assert live_pid(pid_file) is None
    assert not pid_file.exists()


def test_recycled_pid_is_not_ours(tmp_path: Path) -> None:
    pid_file = tmp_path / "recycled.pid"
    ticks = process_start_ticks(os.getpid())
    assert ticks is not None
    pid_file.write_text(PidRecord(os.getpid(), ticks + 1).render())
    assert live_pid(pid_file) is None


def test_garbage_pid_file_is_removed(tmp_path: Path) -> None:
    pid_file = tmp_path / "bad.pid"
    pid_file.write_text("not a pid\n")
    assert live_pid(pid_file) is None
    assert not pid_file.exists()


def test_missing_pid_file(tmp_path: Path) -> None:
    assert live_pid(tmp_path / "none.pid") is None
    assert stop(tmp_path / "none.pid", signal.SIGTERM, 1.0) is None


def test_spawn_and_stop_process_group(tmp_path: Path) -> None:
    pid_file = tmp_path / "sleeper.pid"
    log = tmp_path / "sleeper.log"
    proc = spawn(
        [sys.executable, "-c", "import time; print('u' + 'p', flush=True); time.sleep(60)"],
        log_path=log,
        pid_path=pid_file,
    )
    assert os.getpgid(proc.pid) == proc.pid
    assert live_pid(pid_file) == proc.pid
    assert wait_until(lambda: "\nup\n" in log.read_text(), timeout=10)
    assert stop(pid_file, signal.SIGTERM, 5.0) == proc.pid
    assert not pid_file.exists()
    assert proc.poll() is not None


def test_stop_escalates_to_sigkill(tmp_path: Path) -> None:
    pid_file = tmp_path / "stubborn.pid"
    log = tmp_path / "stubborn.log"
    code = (
        "import signal, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "print('rea' + 'dy', flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = spawn([sys.executable, "-c", code], log_path=log, pid_path=pid_file)
    assert wait_until(lambda: "ready\n" in log.read_text(), timeout=10)
    started = time.monotonic()
    assert stop(pid_file, signal.SIGTERM, 0.5) == proc.pid
    assert 0.5 <= time.monotonic() - started < 5
    assert process_start_ticks(proc.pid) is None


def test_wait_until_outcomes() -> None:
    assert wait_until(lambda: True, timeout=0)
    assert not wait_until(lambda: False, timeout=0.05, interval=0.01)
    started = time.monotonic()
    assert not wait_until(lambda: False, timeout=30, alive=lambda: False)
    assert time.monotonic() - started < 1


def test_run_logged_failure_names_the_log(tmp_path: Path) -> None:
    log = tmp_path / "step.log"
    with pytest.raises(StackError) as info:
        run_logged(
            [sys.executable, "-c", "import sys; print('boom happened'); sys.exit(3)"],
            log_path=log,
            what="the step",
        )
    message = str(info.value)
    assert "the step failed (exit 3)" in message
    assert str(log) in message
    assert "boom happened" in message
    assert "\n" not in message


def test_log_tail_of_missing_file(tmp_path: Path) -> None:
    assert log_tail(tmp_path / "missing.log") == ""


def test_locked_is_reentrant_across_calls(tmp_path: Path) -> None:
    lock = tmp_path / "sub" / ".lock"
    with locked(lock):
        assert lock.exists()
    with locked(lock):
        pass


def test_stop_many_signals_all_before_waiting(tmp_path: Path) -> None:
    procs = []
    targets = []
    for i in range(3):
        pid_file = tmp_path / f"p{i}.pid"
        procs.append(
            spawn(
                [sys.executable, "-c", "import time; time.sleep(60)"],
                log_path=tmp_path / f"p{i}.log",
                pid_path=pid_file,
            )
        )
        targets.append((pid_file, signal.SIGTERM))
    targets.append((tmp_path / "never.pid", signal.SIGTERM))
    started = time.monotonic()
    stopped = stop_many(targets, 10.0)
    assert stopped == [p.pid for p in procs] + [None]
    assert time.monotonic() - started < 5
    assert not any(path.exists() for path, _ in targets)
