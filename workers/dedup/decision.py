"""What the dedup script decided for one article, as the pipeline consumes it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

import orjson

Outcome = Literal["ok", "new_version", "related", "duplicate", "near_duplicate"]
Method = Literal["exact", "near"]

OUTCOMES: tuple[Outcome, ...] = ("ok", "new_version", "related", "duplicate", "near_duplicate")
DUPLICATE_OUTCOMES: tuple[Outcome, ...] = ("duplicate", "near_duplicate")


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Outcome
    version: int
    story_id: str
    duplicate_of: str | None = None
    similarity: float | None = None
    method: Method | None = None

    @property
    def is_duplicate(self) -> bool:
        return self.outcome in DUPLICATE_OUTCOMES

    @classmethod
    def from_json(cls, raw: bytes | str) -> Decision:
        data = orjson.loads(raw)
        outcome = data["outcome"]
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown dedup outcome {outcome!r}")
        similarity = data.get("similarity")
        method = data.get("method")
        if method not in (None, "exact", "near"):
            raise ValueError(f"unknown dedup method {method!r}")
        return cls(
            outcome=cast(Outcome, outcome),
            version=int(data["version"]),
            story_id=str(data["story"]),
            duplicate_of=data.get("duplicate_of"),
            similarity=None if similarity is None else float(similarity),
            method=cast(Method | None, method),
        )
