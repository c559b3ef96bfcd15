"""`newswire` starts fast: loading the command line imports no client library."""

from __future__ import annotations

import inspect
import subprocess
import sys

from workers.cli.produce import produce
from workers.cli.stack import SERVICE_NAMES
from workers.parsers.registry import AUTO
from workers.stack import ALL_SERVICES

PROBE = (
    "import sys, workers.cli.main; print(sorted(m for m in "
    "('kafka','redis','psycopg','aiohttp','faust','cryptography') if m in sys.modules))"
)


def test_loading_the_command_line_imports_no_client_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_the_stack_help_names_every_service_of_the_stack() -> None:
    assert SERVICE_NAMES == ALL_SERVICES


def test_produce_sniffs_the_format_unless_told_one() -> None:
    assert inspect.signature(produce).parameters["fmt"].default == AUTO
