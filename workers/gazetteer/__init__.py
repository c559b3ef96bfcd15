"""Canonical entities (places, organisations, people) matched in normalized text.

`get_gazetteer()` builds the gazetteer once per process from the packaged data,
plus the extra curated file given to `configure_gazetteer(path)` at worker start."""

from __future__ import annotations

import threading
from pathlib import Path

from workers.gazetteer.build import Gazetteer, build_gazetteer
from workers.gazetteer.model import Entry

__all__ = [
    "Entry",
    "Gazetteer",
    "build_gazetteer",
    "configure_gazetteer",
    "get_gazetteer",
]

_lock = threading.Lock()
_extra: Path | None = None
_built: Gazetteer | None = None


def configure_gazetteer(path: Path | None) -> None:
    """Use an extra curated file (same format as `workers/data/gazetteer.toml`) on top
    of the packaged data. Call at worker start; the next `get_gazetteer()` rebuilds."""
    global _extra, _built
    with _lock:
        _extra = path
        _built = None


def get_gazetteer() -> Gazetteer:
    global _built
    built = _built
    if built is not None:
        return built
    with _lock:
        if _built is None:
            _built = build_gazetteer(_extra)
        return _built
