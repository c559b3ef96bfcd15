"""From an enriched article and its dedup decision to the request that places it
in a story (docs/ARCHITECTURE.md, Stories)."""

from __future__ import annotations

from typing import Any

import redis.asyncio as aioredis

from workers.dedup.decision import Decision
from workers.models import EnrichedArticle
from workers.settings import Settings, StorySettings
from workers.stories.match import MatchRules
from workers.stories.redis_state import RedisStoryState
from workers.stories.signature import event_signature
from workers.stories.state import LinkRequest
from workers.text.analysis import Analysis

STORY_KEY_SPACE = "stories:"


def match_rules(settings: StorySettings) -> MatchRules:
    return MatchRules(window_seconds=settings.window_seconds, threshold=settings.threshold)


def story_request(
    article: EnrichedArticle, decision: Decision, analysis: Analysis | None = None
) -> LinkRequest:
    """Dedup's story is an anchor whenever it is not the article's own: for a copy,
    for a takeover and for a related text."""
    return LinkRequest(
        signature=event_signature(article, analysis),
        anchor=decision.story_id if decision.story_id != article.uri else None,
        related=decision.outcome == "related",
        indexed=not decision.is_duplicate,
    )


def redis_story_state(settings: Settings, redis: aioredis.Redis[Any]) -> RedisStoryState:
    return RedisStoryState(
        redis,
        match_rules(settings.stories),
        settings.redis_prefix + STORY_KEY_SPACE,
        settings.stories.window_seconds,
    )
