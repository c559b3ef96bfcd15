"""Debian's prometheus on loopback with a scrape configuration chosen by the caller."""

from __future__ import annotations

import subprocess
import urllib.error
import urllib.request
from pathlib import Path

from devstack.stack import paths
from devstack.stack.packages import ensure_command
from devstack.stack.process import Endpoint, Reporter, quiet, spawn
from workers.settings import Settings


def render_self_scrape_config(port: int) -> str:
    """Used only while the repository's own scrape configuration is absent."""
    return (
        "global:\n"
        "  scrape_interval: 5s\n"
        "scrape_configs:\n"
        "  - job_name: prometheus\n"
        "    static_configs:\n"
        f"      - targets: ['127.0.0.1:{port}']\n"
    )


def prometheus_argv(binary: str, config: Path, data_dir: Path, port: int) -> list[str]:
    return [
        binary,
        f"--config.file={config}",
        f"--storage.tsdb.path={data_dir}",
        "--storage.tsdb.retention.time=2d",
        f"--web.listen-address=127.0.0.1:{port}",
        "--web.enable-lifecycle",
    ]


def resolve_config(settings: Settings) -> Path:
    config = settings.stack.prometheus_config
    if config.exists():
        return config.resolve()
    fallback = paths.service_dir(settings, "prometheus") / "prometheus.yml"
    fallback.parent.mkdir(parents=True, exist_ok=True)
    fallback.write_text(render_self_scrape_config(settings.stack.prometheus_port))
    return fallback


def start_prometheus(
    settings: Settings,
    report: Reporter = quiet,
    *,
    config: Path | None = None,
    data_dir: Path | None = None,
) -> subprocess.Popen[bytes]:
    binary = ensure_command(
        "prometheus", "prometheus", log_path=paths.install_log(settings), report=report
    )
    config = config.resolve() if config is not None else resolve_config(settings)
    workdir = paths.service_dir(settings, "prometheus")
    data_dir = data_dir if data_dir is not None else workdir / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    port = settings.stack.prometheus_port
    report(f"starting Prometheus on 127.0.0.1:{port} with {config}")
    return spawn(
        prometheus_argv(binary, config, data_dir, port),
        log_path=paths.log_path(settings, "prometheus"),
        pid_path=paths.pid_path(settings, "prometheus"),
        cwd=workdir,
    )


def prometheus_ready(endpoint: Endpoint) -> bool:
    try:
        with urllib.request.urlopen(f"http://{endpoint}/-/ready", timeout=2.0) as response:
            return int(response.status) == 200
    except (urllib.error.URLError, OSError):
        return False
