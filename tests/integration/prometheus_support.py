"""A real Prometheus of a test's own, scraping the test's isolated pipeline."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from devstack.stack.packages import ensure_command
from devstack.stack.prometheus import prometheus_argv
from tests.conftest import free_port
from workers.settings import Settings
from workers.topology import topology


def scrape_config(settings: Settings, stages: tuple[str, ...] = ("enrich", "store")) -> str:
    flow = topology(settings)
    jobs = "".join(
        f"  - job_name: newswire-{stage}\n"
        f"    static_configs:\n      - targets: ['127.0.0.1:{flow.stage(stage).metrics_port}']\n"
        for stage in stages
    )
    return f"global:\n  scrape_interval: 1s\nscrape_configs:\n{jobs}"


@contextmanager
def running_prometheus(
    settings: Settings, workdir: Path, stages: tuple[str, ...] = ("enrich", "store")
) -> Iterator[str]:
    """The URL of a Prometheus scraping `stages` every second, up until the block ends."""
    config = workdir / "prometheus.yml"
    config.write_text(scrape_config(settings, stages))
    port = free_port()
    binary = ensure_command("prometheus", "prometheus", log_path=workdir / "install.log")
    log = (workdir / "prometheus.log").open("wb")
    proc = subprocess.Popen(
        prometheus_argv(binary, config, workdir / "data", port), stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/-/ready", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise AssertionError(f"Prometheus did not start; see {workdir / 'prometheus.log'}")
        yield url
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()
