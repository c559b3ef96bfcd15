"""Prometheus's `histogram_quantile`, for the dashboard's scrape path."""

from __future__ import annotations

import math
from collections.abc import Mapping


def histogram_quantile(q: float, buckets: Mapping[float, float]) -> float:
    """The `q`-quantile of cumulative bucket counts (upper bound -> count), as
    Prometheus estimates it: linear interpolation inside the bucket that holds
    the rank, the highest finite bound when the rank falls in the `+Inf` bucket,
    NaN without observations."""
    if q < 0:
        return -math.inf
    if q > 1:
        return math.inf
    bounds = sorted(buckets.items())
    if len(bounds) < 2 or not math.isinf(bounds[-1][0]):
        return math.nan
    total = bounds[-1][1]
    if total <= 0:
        return math.nan
    rank = q * total
    index = next(i for i, (_, count) in enumerate(bounds) if count >= rank)
    if index == len(bounds) - 1:
        return bounds[-2][0]
    end, count = bounds[index]
    if index == 0 and end <= 0:
        return end
    start, below = (0.0, 0.0) if index == 0 else bounds[index - 1]
    if count <= below:
        return start
    return start + (end - start) * (rank - below) / (count - below)
