"""The read API fuzzed from its own OpenAPI document: whatever the parameters,
it never answers with a server error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from prometheus_client.parser import text_string_to_metric_families
from schemathesis.checks import not_a_server_error

from tests.conftest import isolated
from tests.integration.api_support import get, serving
from tests.integration.storage_fixtures import article
from workers.settings import Settings
from workers.storage.factory import open_store

pytestmark = pytest.mark.integration

EXAMPLES_PER_OPERATION = 60


def fuzz(operation: Any) -> None:
    @given(operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def call(case: Any) -> None:
        case.call_and_validate(checks=[not_a_server_error])

    call()


def test_no_request_makes_a_server_error(stack: Settings, tmp_path: Path) -> None:
    own = isolated(stack, tmp_path)
    store = open_store(own)
    store.write_batch([article("urn:test:a", "Convoy leaves Raqqa")], [])
    try:
        with serving(own, store) as base:
            schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
            operations = [result.ok() for result in schema.get_all_operations()]
            assert {op.path for op in operations} >= {"/articles/{uri}", "/search", "/health"}
            for operation in operations:
                fuzz(operation)
            answered = sum(
                sample.value
                for family in text_string_to_metric_families(get(f"{base}/metrics").text)
                for sample in family.samples
                if sample.name == "newswire_api_requests_total"
            )
        assert answered >= len(operations) * 10, "the fuzzer reached the service"
    finally:
        store.close()
