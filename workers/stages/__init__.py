"""The stages' own work, as batch handlers over plain functions: enrichment
(`workers.enrich`) and storage (`workers.storage`). Everything around them,
decoding, retries, routing, dead letters, metrics and commits, is the runtime's
(`workers.runtime`)."""
