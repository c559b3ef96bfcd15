"""The story state in one process's memory: the readable specification of the
state, for tests of the rule (docs/ARCHITECTURE.md, Stories). It reads and
places a batch as `RedisStoryState` does (`workers.stories.batch`)."""

from __future__ import annotations

from collections.abc import Sequence

from workers.stories.batch import Placing, Read, held_in, hold
from workers.stories.match import MatchRules
from workers.stories.signature import EventSignature
from workers.stories.state import MAX_MEMBERS, LinkRequest, window_bounds


class MemoryStoryState:
    def __init__(self, rules: MatchRules) -> None:
        self._rules = rules
        self._story_of: dict[str, str] = {}
        self._members: dict[str, list[EventSignature]] = {}
        self._holders: dict[str, dict[str, float]] = {}
        """feature -> story -> time of its latest member holding it."""

    async def link(self, requests: Sequence[LinkRequest]) -> list[str]:
        placing = Placing(requests, [self._read(r) for r in requests], self._rules, {})
        while missing := placing.run():
            for story in missing:
                placing.members[story] = self._members.get(story, [])[-MAX_MEMBERS:]
        for placed in placing.placed:
            if placed.recorded:
                self._record(placed.request.signature, placed.story)
        return [placed.story for placed in placing.placed]

    def _read(self, request: LinkRequest) -> Read:
        known = self._story_of.get(request.uri) if request.indexed else None
        if known is not None:
            return Read(known=known)
        low, high = window_bounds(request.signature, self._rules)
        return Read(
            None,
            self._story_of.get(request.anchor) if request.anchor is not None else None,
            {
                feature: held_in(self._holders.get(feature, {}), low, high)
                for feature in request.signature.features()
            },
        )

    def _record(self, signature: EventSignature, story: str) -> None:
        self._story_of[signature.uri] = story
        members = self._members.setdefault(story, [])
        members.append(signature)
        del members[:-MAX_MEMBERS]
        hold(self._holders, signature, story)
