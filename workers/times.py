"""Times as the pipeline stores and compares them: aware UTC, and fixed-width
text that sorts like the times it stands for."""

from __future__ import annotations

from datetime import UTC, datetime


def utc(value: datetime) -> datetime:
    """Aware UTC time; a naive time is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def iso(value: datetime | None) -> str | None:
    """Fixed-width UTC text that sorts like the times it stands for."""
    return None if value is None else utc(value).isoformat(timespec="microseconds")
