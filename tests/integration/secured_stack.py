"""A secured stack of a test module's own: Kafka, Redis and PostgreSQL with their
secured listeners (`python -m devstack stack up --secure`) on free ports under a temporary
run directory, stopped with `python -m devstack stack down` at the end. The shared
plaintext stack is never touched."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import SecretStr

from devstack.runner import child_env, devstack_command, newswire_command
from devstack.stack import secure
from devstack.stack.certs import CertFiles
from devstack.stack.paths import REPO_ROOT
from tests.conftest import free_port
from workers.settings import ENV_PREFIX, Settings, StackSettings

PORTS = (
    "kafka_port",
    "kafka_controller_port",
    "kafka_sasl_ssl_port",
    "kafka_ssl_port",
    "kafka_sasl_plaintext_port",
    "redis_port",
    "redis_tls_port",
    "postgres_port",
)


@dataclass(frozen=True)
class Result:
    code: int
    output: str
    seconds: float

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.output.splitlines() if line.startswith("error:")]


@dataclass
class SecuredStack:
    settings: Settings
    """Plaintext clients of this stack; its `stack` settings are the secured stack's."""
    root: Path
    outputs: list[str] = field(default_factory=list)
    """Everything the commands run against it printed, to look for secrets in."""

    @property
    def password(self) -> str:
        return secure.password(self.settings)

    @property
    def files(self) -> CertFiles:
        return secure.certificates(self.settings)

    def newswire(self, env: Mapping[str, str], *args: str, timeout: float = 240) -> Result:
        """A `newswire` command in `env` (a whole environment), its output kept."""
        return self.command(env, newswire_command(*args), timeout)

    def devstack(self, env: Mapping[str, str], *args: str, timeout: float = 240) -> Result:
        """A `python -m devstack` command, as `newswire` does."""
        return self.command(env, devstack_command(*args), timeout)

    def command(self, env: Mapping[str, str], argv: list[str], timeout: float) -> Result:
        started = time.monotonic()
        done = subprocess.run(
            argv,
            cwd=REPO_ROOT,
            env=dict(env),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        output = done.stdout + done.stderr
        self.outputs.append(output)
        return Result(done.returncode, output, time.monotonic() - started)


def stack_settings(run_dir: Path) -> Settings:
    ports = {name: free_port() for name in PORTS}
    stack = StackSettings(
        run_dir=run_dir,
        secure=True,
        secure_password=SecretStr(secrets.token_urlsafe(18)),
        **ports,  # type: ignore[arg-type]
    )
    return Settings(
        kafka_bootstrap=f"127.0.0.1:{ports['kafka_port']}",
        redis_url=SecretStr(f"redis://127.0.0.1:{ports['redis_port']}/0"),
        stack=stack,
    )


@contextmanager
def secured_stack() -> Iterator[SecuredStack]:
    """Under a directory every user can enter (PostgreSQL, started by root, runs as
    the `postgres` OS user; pytest's directories are 0700), removed at the end."""
    root = Path(tempfile.mkdtemp(prefix="newswire-secured-"))
    root.chmod(0o755)
    stack = SecuredStack(stack_settings(root / "run"), root)
    env = child_env(stack.settings)
    started = stack.devstack(env, "stack", "up", "--secure")
    try:
        assert started.code == 0, started.output
        yield stack
    finally:
        stack.devstack(env, "stack", "down", timeout=120)
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def environment(env: Mapping[str, str]) -> Iterator[None]:
    """`os.environ` with the NEWSWIRE_* variables of `env` only, for `Settings()`."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update({k: v for k, v in saved.items() if not k.startswith(ENV_PREFIX)})
    os.environ.update({k: v for k, v in env.items() if k.startswith(ENV_PREFIX)})
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def settings_from(env: Mapping[str, str]) -> Settings:
    with environment(env):
        return Settings()
