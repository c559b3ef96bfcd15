"""Which story an article joins, and the state that remembers recent stories
(docs/ARCHITECTURE.md, Stories).

`place` is the rule, pure: an article already placed keeps its story (a
redelivery, a replay, a new version); an article dedup put with another one
(a duplicate, a takeover, a related text) joins that one's story, unless dedup
called it related and its numbers contradict every member of that story (two
reports of one template); otherwise it joins the recent story it reports the
same event as, or starts its own, named by its uri.

A `StoryState` reads what a batch's placement needs at once, places its articles
in order (`batch.py`) and writes every placement: `MemoryStoryState` for tests of
the rule, `RedisStoryState` for the workers, which all share it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from workers.stories.match import MatchRules, best_story, contradicts
from workers.stories.signature import EventSignature

MAX_MEMBERS = 8
"""Signatures a story keeps (its latest): an article is compared with each."""
CANDIDATES_PER_FEATURE = 64
"""A feature held by more stories of the window than this weighs at most 1/64 and
finds no candidates: its stories are not read."""
MAX_CANDIDATES = 8
"""Stories compared per article, those sharing the most rare features first."""


@dataclass(frozen=True, slots=True)
class LinkRequest:
    signature: EventSignature
    anchor: str | None = None
    """The story dedup put the article in, when it is not the article's own."""
    related: bool = False
    """The anchor comes from a "related" decision (a similar text, not a copy)."""
    indexed: bool = True
    """The signature joins its story (not for duplicates, copies of a member)."""

    @property
    def uri(self) -> str:
        return self.signature.uri


@dataclass(frozen=True, slots=True)
class Snapshot:
    known: str | None = None
    """The story the uri already has as a member (a copy's story is always its
    anchor's: a copy rewritten into a text of its own is placed afresh)."""
    anchored: str | None = None
    """The story of the anchor (the anchor itself when nothing placed it)."""
    stories: Mapping[str, Sequence[EventSignature]] = field(default_factory=dict)
    """Candidate stories' member signatures (the anchored story's among them)."""
    frequency: Mapping[str, int] = field(default_factory=dict)
    """Stories of the window holding each feature of the article."""


def rarity_of(frequency: Mapping[str, int]) -> Callable[[str], float]:
    return lambda feature: 1.0 / max(1, frequency.get(feature, 0))


def place(request: LinkRequest, snapshot: Snapshot, rules: MatchRules) -> str:
    if snapshot.known is not None:
        return snapshot.known
    if request.anchor is not None:
        anchored = snapshot.anchored or request.anchor
        members = snapshot.stories.get(anchored, ())
        if not request.related or not contradicts(request.signature, members):
            return anchored
    found = best_story(request.signature, snapshot.stories, rules, rarity_of(snapshot.frequency))
    return found or request.uri


def window_bounds(signature: EventSignature, rules: MatchRules) -> tuple[float, float]:
    return signature.time - rules.window_seconds, signature.time + rules.window_seconds


def candidates(
    signature: EventSignature, holders: Mapping[str, Iterable[str]], frequency: Mapping[str, int]
) -> list[str]:
    """The stories sharing the most rare features with the signature (rarity as in
    `place`), at most `MAX_CANDIDATES`, in a fixed order."""
    weights: dict[str, float] = {}
    for feature, stories in holders.items():
        weight = 1.0 / max(1, frequency.get(feature, 0))
        for story in stories:
            weights[story] = weights.get(story, 0.0) + weight
    ranked = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
    return [story for story, _ in ranked[:MAX_CANDIDATES]]


class StoryState(Protocol):
    async def link(self, requests: Sequence[LinkRequest]) -> list[str]:
        """The story of each article, in order: each is placed on the state as it was
        before the batch and on the batch's earlier placements (two articles of one
        batch can join one story), then the batch is recorded."""
        ...
