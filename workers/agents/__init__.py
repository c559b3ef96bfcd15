"""Faust agents: they move messages, batch, retry and commit; the work itself is
done by plain functions in `workers.enrich` and `workers.storage`."""
