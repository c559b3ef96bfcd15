"""Article storage: SQLite or PostgreSQL behind a Redis read-through cache."""

from workers.storage.base import ArticleStore, SearchHit, StoreCounts, WriteResult
from workers.storage.cache import CachedStore, RedisCache
from workers.storage.factory import open_database, open_store
from workers.storage.search import SearchQuery

__all__ = [
    "ArticleStore",
    "CachedStore",
    "RedisCache",
    "SearchHit",
    "SearchQuery",
    "StoreCounts",
    "WriteResult",
    "open_database",
    "open_store",
]
