"""Every fixture under tests/fixtures/feeds/<format>/ parsed and compared with
its `.golden.json`. After an intended change, regenerate with

    NEWSWIRE_UPDATE_GOLDEN=1 pytest tests/unit/test_parsers_golden.py

and review the diff of the golden files."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest

from workers.models import Article
from workers.parsers.base import FeedContext, ParseResult
from workers.parsers.registry import PARSERS, get_parser, sniff_format

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
FETCHED_AT = datetime(2017, 10, 14, 18, 0, tzinfo=UTC)
UPDATE = os.environ.get("NEWSWIRE_UPDATE_GOLDEN") == "1"


def fixture_files() -> list[Path]:
    return sorted(
        p for p in FIXTURES.glob("*/*") if p.is_file() and not p.name.endswith(".golden.json")
    )


def as_json(result: ParseResult) -> dict[str, Any]:
    if isinstance(result, Article):
        return {"article": result.model_dump(mode="json", by_alias=True)}
    return {"failure": {"error_type": result.error_type, "reason": result.reason}}


def parse_fixture(path: Path) -> list[dict[str, Any]]:
    fmt = path.parent.name
    ctx = FeedContext(feed_id=f"fixture-{fmt}", fetched_at=FETCHED_AT, link=path.name)
    return [as_json(r) for r in get_parser(fmt).parse(path.read_bytes(), ctx)]


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_matches_golden(path: Path) -> None:
    golden = path.with_name(path.name + ".golden.json")
    actual = parse_fixture(path)
    if UPDATE or not golden.exists():
        golden.write_bytes(orjson.dumps(actual, option=orjson.OPT_INDENT_2) + b"\n")
        if not UPDATE:
            pytest.fail(f"{golden.name} was missing and has been written: review it and rerun")
    assert actual == orjson.loads(golden.read_bytes())


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_auto_format_finds_the_fixture_format(path: Path) -> None:
    assert sniff_format(path.read_bytes()) == path.parent.name


def test_every_format_has_fixtures() -> None:
    assert {p.parent.name for p in fixture_files()} == set(PARSERS)


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_fixture_yields_articles(path: Path) -> None:
    assert any("article" in r for r in parse_fixture(path)) or "only" in path.name
