"""Debian packages the stack needs, installed on demand when running as root."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from devstack.stack.process import Reporter, StackError, quiet, run_logged

_apt_updated = False


def ensure_command(command: str, package: str, *, log_path: Path, report: Reporter = quiet) -> str:
    """The path of `command` (a name on PATH or a path), installing `package` if needed."""
    found = shutil.which(command)
    if found:
        return found
    if os.geteuid() != 0:
        raise StackError(
            f"{command} not found: install it with `sudo apt-get install -y {package}`"
        )
    if shutil.which("apt-get") is None:
        raise StackError(f"{command} not found and apt-get is unavailable: install {package}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    global _apt_updated
    if not _apt_updated:
        report("apt-get update")
        run_logged(["apt-get", "update"], log_path=log_path, what="apt-get update", env=env)
        _apt_updated = True
    report(f"apt-get install {package}")
    run_logged(
        ["apt-get", "install", "-y", "--no-install-recommends", package],
        log_path=log_path,
        what=f"apt-get install {package}",
        env=env,
    )
    found = shutil.which(command)
    if not found:
        raise StackError(f"{package} was installed but {command} is still missing; see {log_path}")
    return found
