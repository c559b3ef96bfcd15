"""Each worker runs without privileges in a read-only working directory, writing
only under the settings' data, SQLite and run paths (as the Docker image runs them
as its own user). Without any capability, root is held to the directories'
permissions like any user; another user cannot run this machine's Python, which
lives under /root."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import urllib.request
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from devstack.runner import child_env, newswire_command
from tests.integration.pipeline_support import wait_for
from workers import kafka_clients
from workers.settings import Settings

pytestmark = pytest.mark.integration

WITHOUT_PRIVILEGES = ("setpriv", "--bounding-set=-all", "--inh-caps=-all", "--no-new-privs", "--")


def assigned_partitions(port: int, stage: str) -> float:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2) as response:
            text = response.read().decode()
    except OSError:
        return 0.0
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == "newswire_faust_assigned_partitions" and sample.labels == {
                "stage": stage
            }:
                return sample.value
    return 0.0


@pytest.mark.parametrize("stage", ["enrich", "store"])
def test_a_worker_runs_without_privileges_in_a_read_only_directory(
    settings: Settings, tmp_path: Path, stage: str
) -> None:
    writable = tmp_path / "state"
    writable.mkdir()
    read_only = tmp_path / "cwd"
    read_only.mkdir()
    os.chmod(read_only, 0o555)
    own = settings.model_copy(
        update={
            "data_dir": writable / "data",
            "sqlite_path": writable / "newswire.db",
            "stack": settings.stack.model_copy(update={"run_dir": writable / "run"}),
        }
    )
    kafka_clients.ensure_topics(own)
    log = tmp_path / f"{stage}.log"
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [*WITHOUT_PRIVILEGES, *newswire_command("worker", stage)],
            cwd=read_only,
            env={**child_env(own), "HOME": str(writable)},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            port = own.metrics.enrich if stage == "enrich" else own.metrics.store
            wait_for(
                lambda: assigned_partitions(port, stage) > 0 or worker.poll() is not None,
                90,
                f"the {stage} worker to hold its partitions",
                tmp_path,
            )
            assert worker.poll() is None, log.read_text(errors="replace")[-3000:]
        finally:
            worker.send_signal(signal.SIGTERM)
            code = worker.wait(60)
    assert code == 0, log.read_text(errors="replace")[-3000:]
    assert list(read_only.iterdir()) == []
    assert (writable / "data" / "faust").is_dir(), "Faust keeps its state under data_dir"
    shutil.rmtree(writable, ignore_errors=True)
