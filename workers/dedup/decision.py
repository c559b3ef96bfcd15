"""What the dedup script decided for one article, as the pipeline consumes it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

import orjson

Outcome = Literal["ok", "new_version", "related", "duplicate", "near_duplicate"]
Method = Literal["exact", "near"]

OUTCOMES: tuple[Outcome, ...] = ("ok", "new_version", "related", "duplicate", "near_duplicate")
DUPLICATE_OUTCOMES: tuple[Outcome, ...] = ("duplicate", "near_duplicate")


def _method(value: object) -> Method:
    if value == "exact" or value == "near":
        return value
    raise ValueError(f"unknown dedup method {value!r}")


@dataclass(frozen=True, slots=True)
class Takeover:
    """A uri that became an alias of the decided (canonical) article."""

    uri: str
    similarity: float
    method: Method


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Outcome
    story_id: str
    role_seq: int
    """The order of the decision that gave the article its role (canonical or alias)."""
    duplicate_of: str | None = None
    similarity: float | None = None
    method: Method | None = None
    takes_over: tuple[Takeover, ...] = ()

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
        return cls(
            outcome=cast(Outcome, outcome),
            story_id=str(data["story"]),
            role_seq=int(data["rseq"]),
            duplicate_of=data.get("duplicate_of"),
            similarity=None if similarity is None else float(similarity),
            method=None if method is None else _method(method),
            takes_over=tuple(
                Takeover(str(t["uri"]), float(t["similarity"]), _method(t["method"]))
                for t in data.get("takes_over", ())
            ),
        )
