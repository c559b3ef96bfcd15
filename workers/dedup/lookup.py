"""How the candidates of a text are found: its band keys (`minhash.band_fields`)
in hashes of time buckets, a window and a bucket long at most, and at most
`MAX_CANDIDATES` of them compared, those sharing most bands first."""

from __future__ import annotations

import math

from workers.settings import DedupSettings

BUCKETS_PER_WINDOW = 4
"""Band hashes per window: each lookup reads this many plus one; a band entry lives
at most a window and a bucket (the candidate's own key enforces the exact window)."""
MAX_CANDIDATES = 32
"""Signatures compared per article at most, those sharing most bands first: a near
duplicate shares about half the bands, an unrelated text rarely more than one."""


def bucket_seconds(settings: DedupSettings) -> int:
    return max(1, math.ceil(settings.window_seconds / BUCKETS_PER_WINDOW))


def lookback_buckets(settings: DedupSettings) -> int:
    """Earlier buckets a lookup reads besides the current one."""
    return math.ceil(settings.window_seconds / bucket_seconds(settings))


def bucket_of(now: float, settings: DedupSettings) -> int:
    return math.floor(now / bucket_seconds(settings))


def bucket_expires_at(bucket: int, settings: DedupSettings) -> int:
    """When a bucket's hash goes: a window after the bucket's end."""
    return (bucket + 1) * bucket_seconds(settings) + settings.window_seconds
