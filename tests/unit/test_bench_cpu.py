"""The benchmark's CPU accounting reads whole process trees from /proc."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench.cpu import tree_seconds, used

BUSY = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass\n"


def test_a_process_tree_counts_the_cpu_of_its_children() -> None:
    shell = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import subprocess, sys; subprocess.run([sys.executable, '-c', {BUSY!r}]); input()",
        ],
        stdin=subprocess.PIPE,
    )
    try:
        before = tree_seconds({"tree": shell.pid})
        deadline = time.monotonic() + 30
        while (seconds := used(before, tree_seconds({"tree": shell.pid}))["tree"]) < 0.25:
            assert time.monotonic() < deadline, seconds
            time.sleep(0.01)
        assert seconds >= 0.25
    finally:
        shell.kill()
        shell.wait()


def test_a_process_that_is_gone_counts_nothing() -> None:
    done = subprocess.run([sys.executable, "-c", "pass"], check=True)
    assert done.returncode == 0
    assert tree_seconds({"gone": 2**22 + os.getpid() % 1000}) == {"gone": 0.0}
