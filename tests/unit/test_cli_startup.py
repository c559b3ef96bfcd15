"""`newswire` and `python -m devstack` start fast: loading their command lines imports no
client library."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

from devstack.cli.stack import SERVICE_NAMES
from devstack.stack import ALL_SERVICES
from devstack.stack.paths import REPO_ROOT
from workers.cli.produce import produce
from workers.parsers.registry import AUTO

PROBE = (
    "import sys, {module}; print(sorted(m for m in "
    "('kafka','redis','psycopg','aiohttp','faust','cryptography') if m in sys.modules))"
)


@pytest.mark.parametrize("module", ["workers.cli.main", "devstack.cli.main"])
def test_loading_the_command_line_imports_no_client_library(module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        cwd=REPO_ROOT,
    )
    assert result.stdout.strip() == "[]"


def test_the_stack_help_names_every_service_of_the_stack() -> None:
    assert SERVICE_NAMES == ALL_SERVICES


def test_produce_sniffs_the_format_unless_told_one() -> None:
    assert inspect.signature(produce).parameters["fmt"].default == AUTO
