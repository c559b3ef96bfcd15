"""Enrichment: the steps (`steps/`: language, dateline, entities, topics), the
resources they read (`resources.py`), and the batch engine that runs them and
applies the Redis dedup decision (`engine.py`)."""
