"""Deduplication: exact and MinHash near-duplicate detection, versions and story
clustering, specified in plain Python (`memory_state`) and decided atomically in
Redis (`redis_state`) (docs/ARCHITECTURE.md, Deduplication)."""
