"""Stories across agencies: independent reports of one event share a `story_id`
(docs/ARCHITECTURE.md, Stories)."""
