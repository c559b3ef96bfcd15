from faust.types import TP

from workers.runtime.commit_retry import CommitLedger, RetryingConsumer, StageApp

A = TP("articles.raw", 0)
B = TP("articles.raw", 1)


def test_a_refused_commit_is_added_to_the_next_commit_of_a_held_partition() -> None:
    ledger = CommitLedger()
    ledger.settle({A: 120, B: 40}, committed=False, assignment={A, B})
    assert ledger.with_pending({}, {A, B}) == {A: 120, B: 40}


def test_a_newer_offset_wins_over_a_refused_one() -> None:
    ledger = CommitLedger()
    ledger.settle({A: 120}, committed=False, assignment={A})
    assert ledger.with_pending({A: 130}, {A}) == {A: 130}
    assert ledger.with_pending({B: 7}, {A, B}) == {A: 120, B: 7}


def test_a_successful_commit_clears_the_refused_offset_it_covers() -> None:
    ledger = CommitLedger()
    ledger.settle({A: 120, B: 40}, committed=False, assignment={A, B})
    ledger.settle({A: 120}, committed=True, assignment={A, B})
    assert ledger.pending == {B: 40}


def test_a_successful_commit_of_an_older_offset_keeps_the_refused_newer_one() -> None:
    ledger = CommitLedger()
    ledger.settle({A: 120}, committed=False, assignment={A})
    ledger.settle({A: 90}, committed=True, assignment={A})
    assert ledger.with_pending({}, {A}) == {A: 120}


def test_refused_offsets_of_partitions_given_away_are_not_committed() -> None:
    ledger = CommitLedger()
    ledger.settle({A: 120, B: 40}, committed=False, assignment={A})
    assert ledger.with_pending({}, {A, B}) == {A: 120}
    ledger.settle({A: 130}, committed=False, assignment={A})
    assert ledger.with_pending({}, {B}) == {}


def test_revoked_partitions_are_forgotten() -> None:
    ledger = CommitLedger()
    ledger.settle({A: 120, B: 40}, committed=False, assignment={A, B})
    ledger.forget({A})
    assert ledger.pending == {B: 40}


def test_a_stage_app_consumes_through_the_retrying_consumer() -> None:
    app = StageApp("newswire-test-commit-retry", broker="kafka://127.0.0.1:9")
    assert isinstance(app.consumer, RetryingConsumer)
