"""Where the stack keeps pid files, logs and server data: all under `run_dir/stack`."""

from __future__ import annotations

from pathlib import Path

from workers.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[2]


def stack_dir(settings: Settings) -> Path:
    return (settings.stack.run_dir / "stack").resolve()


def pid_path(settings: Settings, service: str) -> Path:
    return stack_dir(settings) / f"{service}.pid"


def log_path(settings: Settings, service: str) -> Path:
    return stack_dir(settings) / f"{service}.log"


def service_dir(settings: Settings, service: str) -> Path:
    return stack_dir(settings) / service


def install_log(settings: Settings) -> Path:
    return stack_dir(settings) / "install.log"
