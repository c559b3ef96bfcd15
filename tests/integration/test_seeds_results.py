"""The seeds through the real pipeline end in the stored rows, tags, dedup
decisions and dead letters of `tests/data/seeds_stored.json`: a change made for
speed must not change what is stored. After an intended change of results,
regenerate with

    NEWSWIRE_UPDATE_GOLDEN=1 pytest tests/integration/test_seeds_results.py

and review the diff of the golden file."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from devstack.runner import wait_drained
from tests.conftest import SEEDS
from tests.integration.pipeline_support import dead_letters, running_workers
from tests.integration.stored_rows import stored_rows
from workers.producer.oneshot import produce_paths
from workers.settings import Settings

pytestmark = pytest.mark.integration

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "seeds_stored.json"
UPDATE = os.environ.get("NEWSWIRE_UPDATE_GOLDEN") == "1"
SEED_FILES = [*sorted(SEEDS.glob("*.txt")), *sorted((SEEDS / "formats").iterdir())]


def test_the_seeds_are_stored_as_the_golden_file_records(settings: Settings) -> None:
    assert settings.database_url is None, "the comparison reads the SQLite store"
    with running_workers(settings) as pipeline:
        produce_paths(settings, SEED_FILES, feed_id="seeds")
        wait_drained(settings, pipeline, timeout=180)
    letters = sorted(
        (letter.stage, letter.error_type, letter.reason, letter.key)
        for letter in dead_letters(settings)
    )
    actual = {
        "tables": stored_rows(settings.sqlite_path, settings.topics.prefix),
        "dead_letters": [list(letter) for letter in letters],
    }
    if UPDATE or not GOLDEN.exists():
        GOLDEN.write_bytes(
            orjson.dumps(actual, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
        )
        if not UPDATE:
            pytest.fail(f"{GOLDEN.name} was missing and has been written: review it and rerun")
    assert actual == orjson.loads(GOLDEN.read_bytes())
