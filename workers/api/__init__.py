"""`newswire serve`: a read-only HTTP service over the store (articles as ninjs,
search, stories, health, metrics) and the live dashboard."""
