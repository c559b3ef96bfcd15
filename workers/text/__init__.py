"""Pure text functions shared by enrichment, deduplication and search."""
