"""Enrichment: pure per-article steps (language, dateline, entities, topics)
composed with the Redis dedup decision."""
