"""The orders that decide the canonical copy and the current version."""

from __future__ import annotations

import hashlib
import itertools
from datetime import UTC, datetime, timedelta

import pytest

from workers.dedup.order import dedup_key, source_version, version_numbers, version_order
from workers.models import Article, Source

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def item(
    uri: str = "u",
    body: str = "text",
    version: int = 1,
    firstcreated: datetime | None = None,
    versioncreated: datetime | None = None,
    fetched_at: datetime = T0,
) -> Article:
    return Article(
        uri=uri,
        version=version,
        headline="h",
        body_text=body,
        firstcreated=firstcreated,
        versioncreated=versioncreated,
        fetched_at=fetched_at,
        source=Source(feed_id="f", format="ninjs", parser="p"),
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
    )


def test_the_earliest_firstcreated_sorts_first_whatever_the_uri() -> None:
    early = item("z", firstcreated=T0)
    late = item("a", firstcreated=T0 + timedelta(seconds=1))
    assert dedup_key(early) < dedup_key(late)


def test_versioncreated_then_uri_break_ties() -> None:
    a = item("b", firstcreated=T0, versioncreated=T0)
    b = item("a", firstcreated=T0, versioncreated=T0 + timedelta(minutes=1))
    c = item("a", firstcreated=T0, versioncreated=T0)
    assert dedup_key(c) < dedup_key(a) < dedup_key(b)


def test_without_times_the_fetch_time_stands_in() -> None:
    fetched_first = item("z", fetched_at=T0)
    fetched_later = item("a", fetched_at=T0 + timedelta(seconds=5))
    assert dedup_key(fetched_first) < dedup_key(fetched_later)


def test_the_source_version_number_outranks_times() -> None:
    v2 = item(body="b", version=2, versioncreated=T0)
    v1 = item(body="a", version=1, versioncreated=T0 + timedelta(days=1))
    assert version_order(v1) < version_order(v2)
    assert source_version(version_order(v2)) == 2


def test_versioncreated_orders_a_source_without_numbers() -> None:
    old = item(body="a", versioncreated=T0, fetched_at=T0 + timedelta(hours=1))
    new = item(body="b", versioncreated=T0 + timedelta(minutes=5), fetched_at=T0)
    assert version_order(old) < version_order(new)


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ((1, 1, 1), [1, 2, 3]),
        ((1, 2, 3), [1, 2, 3]),
        ((1, 3), [1, 3]),
        ((2,), [2]),
        ((5, 1), [5, 1]),
    ],
)
def test_stored_numbers_follow_the_source(sources: tuple[int, ...], expected: list[int]) -> None:
    orders = [
        version_order(item(body=str(i), version=v, versioncreated=T0 + timedelta(minutes=i)))
        for i, v in enumerate(sources)
    ]
    assert version_numbers(orders) == expected


def test_numbers_do_not_depend_on_arrival_order() -> None:
    versions = [item(body=str(i), versioncreated=T0 + timedelta(minutes=i)) for i in range(4)]
    orders = [version_order(v) for v in versions]
    expected = dict(zip(orders, version_numbers(orders), strict=True))
    for arrival in itertools.permutations(orders):
        assert dict(zip(arrival, version_numbers(list(arrival)), strict=True)) == expected
