"""Following wire feeds: the feed list, polite HTTP fetching, what was already
published, the polling loop, and the push endpoint."""
