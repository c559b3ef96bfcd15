"""newswire: streaming news-ingestion workers."""

__version__ = "0.1.0"
