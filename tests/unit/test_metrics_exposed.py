"""A stage's counters are on `/metrics` at 0 before its first article, so
`rate()` sees the first burst."""

from __future__ import annotations

from prometheus_client import generate_latest

from workers import metrics


def test_every_outcome_of_a_stage_is_exposed_at_zero() -> None:
    metrics.expose_stage("store")
    text = generate_latest().decode()
    for outcome in metrics.ARTICLE_OUTCOMES:
        line = f'newswire_articles_total{{outcome="{outcome}",stage="store"}} '
        assert any(row.startswith(line) for row in text.splitlines()), outcome
    assert 'newswire_stage_seconds_count{stage="store"}' in text
