"""Canonical entities (places, organisations, people) matched in normalized text.

`build_gazetteer(path)` builds the gazetteer from the packaged data plus an extra
curated file; a worker builds it once, at start (`workers/enrich/resources.py`)."""

from __future__ import annotations

from workers.gazetteer.build import Gazetteer, build_gazetteer
from workers.gazetteer.model import Entry

__all__ = ["Entry", "Gazetteer", "build_gazetteer"]
