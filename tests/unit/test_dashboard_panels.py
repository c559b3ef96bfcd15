"""The dashboard's panels, declared once: the Grafana JSON in `ops/` is what they
render to, every live panel can be computed without Prometheus, and the scrape
path's arithmetic gives what PromQL gives."""

from __future__ import annotations

import math

import pytest

from workers.dashboard import grafana
from workers.dashboard.measures import (
    Window,
    dead_letters,
    duplicate_ratio,
    increase,
    lag_seconds,
)
from workers.dashboard.panels import live_panels, panels
from workers.dashboard.quantile import histogram_quantile
from workers.monitoring.stats import Snapshot

INF = math.inf


def test_the_grafana_dashboard_in_ops_is_the_one_the_panels_render() -> None:
    assert grafana.DASHBOARD_PATH.read_text() == grafana.text()
    assert grafana.main(["--check"]) == 0


def test_every_panel_is_described_and_every_live_query_has_its_scrape_measure() -> None:
    assert live_panels()
    for panel in panels():
        assert panel.description.strip(), panel.key
    for panel in live_panels():
        for query in panel.queries:
            assert query.measure is not None, (panel.key, query.expr)


def test_panel_keys_are_unique() -> None:
    keys = [panel.key for panel in panels()]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        (0.5, 0.1),  # rank 10 closes the first bucket
        (0.75, 0.3),  # rank 15: halfway through (0.1, 0.5]
        (0.25, 0.05),  # rank 5: halfway through (0, 0.1]
    ],
)
def test_histogram_quantile_interpolates_inside_the_bucket_that_holds_the_rank(
    q: float, expected: float
) -> None:
    buckets = {0.1: 10.0, 0.5: 20.0, 1.0: 20.0, INF: 20.0}
    assert histogram_quantile(q, buckets) == pytest.approx(expected)


def test_a_rank_in_the_infinite_bucket_gives_the_highest_finite_bound() -> None:
    assert histogram_quantile(0.99, {0.1: 10.0, 2.5: 11.0, INF: 14.0}) == 2.5


def test_histogram_quantile_without_observations_is_nan_and_out_of_range_is_infinite() -> None:
    assert math.isnan(histogram_quantile(0.5, {0.1: 0.0, INF: 0.0}))
    assert math.isnan(histogram_quantile(0.5, {0.1: 3.0}))
    assert histogram_quantile(-0.1, {INF: 1.0}) == -INF
    assert histogram_quantile(1.1, {INF: 1.0}) == INF


def test_a_counter_that_went_down_restarted_from_zero() -> None:
    before = Snapshot(taken_at=0.0, articles={("enrich", "new"): 100.0})
    after = Snapshot(taken_at=30.0, articles={("enrich", "new"): 7.0, ("store", "new"): 5.0})
    assert increase(after, before).articles == {("enrich", "new"): 7.0, ("store", "new"): 5.0}


def window(previous: Snapshot, current: Snapshot) -> Window:
    return Window(
        current=current,
        previous=previous,
        now=current.taken_at,
        groups={"g-enrich": "enrich", "g-store": "store"},
        instances={},
    )


def test_the_duplicate_ratio_is_the_share_of_enriched_articles_found_duplicate() -> None:
    before = Snapshot(taken_at=0.0, articles={("enrich", "new"): 10.0})
    after = Snapshot(
        taken_at=30.0,
        articles={("enrich", "new"): 40.0, ("enrich", "duplicate"): 6.0, ("store", "new"): 9.0},
    )
    [(labels, ratio)] = duplicate_ratio(window(before, after))
    assert labels == {}
    assert ratio == pytest.approx(6 / 36)


def test_dead_letters_are_a_rate_per_stage_and_error_type_and_absent_while_none_come() -> None:
    before = Snapshot(taken_at=0.0, dlq={("enrich", "parse"): 2.0, ("store", "schema"): 1.0})
    after = Snapshot(taken_at=30.0, dlq={("enrich", "parse"): 5.0, ("store", "schema"): 1.0})
    assert dead_letters(window(before, after)) == [
        ({"stage": "enrich", "error_type": "parse"}, pytest.approx(0.1))
    ]


def test_lag_in_seconds_is_lag_over_the_stage_rate_and_absent_when_the_stage_is_stalled() -> None:
    lag = {("g-enrich", "raw", "0"): 300.0, ("g-store", "enriched", "0"): 50.0}
    before = Snapshot(taken_at=0.0, articles={("enrich", "new"): 0.0, ("store", "new"): 0.0})
    after = Snapshot(taken_at=30.0, articles={("enrich", "new"): 300.0}, lag=lag)
    samples = dict((labels["stage"], value) for labels, value in lag_seconds(window(before, after)))
    assert samples == {"enrich": pytest.approx(30.0)}
