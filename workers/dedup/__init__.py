"""Deduplication: exact and MinHash near-duplicate detection, versions and story
clustering, decided atomically in Redis (docs/ARCHITECTURE.md, Deduplication)."""
