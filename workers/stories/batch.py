"""A batch of articles placed in order on one read of the story state
(docs/ARCHITECTURE.md, Stories). Pure: a state reads what the whole batch needs
at once (a `Read` per article), places it here, then writes every placement.

Each article is placed by `place` on what was read before the batch and on what
the batch's earlier articles did: a uri or an anchor placed earlier in the batch
has that story, a story an earlier article started or joined has its signature
among its latest members and holds that article's features at its time. Two
things are seen otherwise than by a state written after every article: a feature
held by more stories of the window than are listed (`CANDIDATES_PER_FEATURE`)
keeps the count read before the batch, and a story whose latest member holding a
feature is later than the article's window is taken to hold it at the earlier
article's time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from workers.stories.match import MatchRules
from workers.stories.signature import EventSignature
from workers.stories.state import (
    CANDIDATES_PER_FEATURE,
    MAX_MEMBERS,
    LinkRequest,
    Snapshot,
    candidates,
    place,
    window_bounds,
)

AHEAD_PER_ARTICLE = 12
"""Stories of each later article whose members are read ahead (`Placing.run`)."""


@dataclass(frozen=True, slots=True)
class Held:
    """One feature among the stories of an article's window, before the batch."""

    count: int
    stories: frozenset[str] | None
    """The stories holding it, None when there are more than `CANDIDATES_PER_FEATURE`."""


def held_in(times: Mapping[str, float], low: float, high: float) -> Held:
    """The feature held by `times` (story -> time of its latest member holding it)
    within [low, high]."""
    within = frozenset(story for story, time in times.items() if low <= time <= high)
    return Held(len(within), within if len(within) <= CANDIDATES_PER_FEATURE else None)


def hold(holders: dict[str, dict[str, float]], signature: EventSignature, story: str) -> None:
    """Record that `story` holds each feature of `signature` at its time, keeping
    the latest time (feature -> story -> time)."""
    for feature in signature.features():
        held = holders.setdefault(feature, {})
        held[story] = max(held.get(story, signature.time), signature.time)


class Holders:
    """A feature's stories and times, as read once for several articles' windows."""

    def __init__(self, times: Mapping[str, float]) -> None:
        self._times = times
        self._span = (min(times.values()), max(times.values())) if times else (0.0, 0.0)
        self._all: Held | None = None

    def within(self, low: float, high: float) -> Held:
        if low <= self._span[0] and self._span[1] <= high:
            if self._all is None:
                self._all = held_in(self._times, low, high)
            return self._all
        return held_in(self._times, low, high)


@dataclass(frozen=True, slots=True)
class Read:
    """What an article's placement needs, read before the batch."""

    known: str | None = None
    """The uri's story, for an indexed request."""
    anchored: str | None = None
    """The anchor's story, when the anchor was placed."""
    held: Mapping[str, Held] = field(default_factory=dict)
    """Each feature of the signature (none when `known`)."""


@dataclass(frozen=True, slots=True)
class Placed:
    request: LinkRequest
    story: str
    recorded: bool
    """Indexed and not already placed: the state records it."""


class Placing:
    """The batch placed in order. `run` places as far as the members read allow and
    names the stories whose members it needs next (read them, add them, run again);
    a story's members are its latest signatures before the batch."""

    def __init__(
        self,
        requests: Sequence[LinkRequest],
        reads: Sequence[Read],
        rules: MatchRules,
        members: dict[str, Sequence[EventSignature]],
    ) -> None:
        self._requests = requests
        self._reads = reads
        self._rules = rules
        self.members = members
        self.placed: list[Placed] = []
        self._story_of: dict[str, str] = {}
        self._joined: dict[str, list[EventSignature]] = {}
        self._holders: dict[str, dict[str, float]] = {}
        """feature -> story -> time of the batch's latest member holding it."""
        self._looked_ahead = False

    def run(self) -> set[str]:
        """The stories whose members are missing, empty once every article is placed.
        The first time an article misses some, so are those the later articles are
        likely to, to be read at once."""
        while (position := len(self.placed)) < len(self._requests):
            request = self._requests[position]
            snapshot = self._snapshot(request, self._reads[position])
            if any(story not in self.members for story in snapshot.stories):
                wanted = set(snapshot.stories)
                if not self._looked_ahead:
                    self._looked_ahead = True
                    for later in range(position + 1, len(self._requests)):
                        wanted.update(self._likely(self._requests[later], self._reads[later]))
                return wanted - self.members.keys()
            snapshot = Snapshot(
                snapshot.known,
                snapshot.anchored,
                {story: self._members_of(story) for story in snapshot.stories},
                snapshot.frequency,
            )
            story = place(request, snapshot, self._rules)
            recorded = request.indexed and snapshot.known is None
            if recorded:
                self._record(request.signature, story)
            self.placed.append(Placed(request, story, recorded))
        return set()

    @staticmethod
    def _likely(request: LinkRequest, read: Read) -> list[str]:
        """Stories the article is likely to be compared with, to read their members
        ahead: those holding the most of its listed features, its anchor's, its own."""
        if read.known is not None:
            return []
        found: Counter[str] = Counter()
        for held in read.held.values():
            if held.stories is not None:
                found.update(held.stories)
        likely = [story for story, _ in found.most_common(AHEAD_PER_ARTICLE)]
        return [*likely, request.uri, read.anchored or request.anchor or request.uri]

    def _members_of(self, story: str) -> Sequence[EventSignature]:
        joined = self._joined.get(story)
        if joined is None:
            return self.members[story]
        return [*self.members[story], *joined][-MAX_MEMBERS:]

    def _snapshot(self, request: LinkRequest, read: Read) -> Snapshot:
        known = (read.known or self._story_of.get(request.uri)) if request.indexed else None
        if known is not None:
            return Snapshot(known=known)
        low, high = window_bounds(request.signature, self._rules)
        holders: dict[str, frozenset[str] | set[str]] = {}
        frequency: dict[str, int] = {}
        for feature, held in read.held.items():
            joined = self._holders.get(feature)
            if held.stories is None:
                frequency[feature] = held.count
            elif joined is None:
                frequency[feature] = held.count
                holders[feature] = held.stories
            else:
                within = set(held.stories)
                for story, time in joined.items():
                    if time > high:
                        within.discard(story)
                    elif time >= low:
                        within.add(story)
                frequency[feature] = len(within)
                if len(within) <= CANDIDATES_PER_FEATURE:
                    holders[feature] = within
        chosen = candidates(request.signature, holders, frequency)
        anchored = None
        if request.anchor is not None:
            anchored = self._story_of.get(request.anchor) or read.anchored or request.anchor
            if anchored not in chosen:
                chosen.append(anchored)
        return Snapshot(None, anchored, dict.fromkeys(chosen, ()), frequency)

    def _record(self, signature: EventSignature, story: str) -> None:
        self._story_of[signature.uri] = story
        self._joined.setdefault(story, []).append(signature)
        hold(self._holders, signature, story)
