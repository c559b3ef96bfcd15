"""The fault corpus (tests/faults/corpus.py): deterministic, with the intended mix,
read by the real parser as intended, and with a ground truth that follows the
pipeline's rules rather than the arrival order."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import orjson
import pytest
from jsonschema import Draft202012Validator

from tests.faults.corpus import (
    INVALID_KINDS,
    Corpus,
    CorpusSpec,
    Expected,
    WireItem,
    canonical_member,
    generate,
    late_canonical_groups,
    stored_versions,
    superseded_late,
    version_history,
)
from tests.faults.observe import StoredState, java_hash_abs
from tests.faults.report import Report, compare
from workers.dedup.minhash import Fingerprint, estimated_jaccard, fingerprint
from workers.models import Article, DeadLetter
from workers.parsers.base import FeedContext, ItemFailure
from workers.producer.ingest import Document, ingest, parse_document
from workers.producer.publisher import Publisher
from workers.settings import DedupSettings, Settings

SCHEMA = orjson.loads(
    (Path(__file__).resolve().parents[1] / "data" / "ninjs-schema_3.1.json").read_bytes()
)
SPEC = replace(CorpusSpec().scaled(1 / 8), invalid=len(INVALID_KINDS))
DEDUP = DedupSettings()
CTX = FeedContext(feed_id="faults", fetched_at=datetime(2026, 1, 1, tzinfo=UTC))


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return generate(SPEC)


def fp(item: WireItem) -> Fingerprint:
    assert item.headline is not None and item.body is not None
    return fingerprint(item.headline, item.body, DEDUP)


def originals_by_uri(corpus: Corpus) -> dict[str, WireItem]:
    return {i.uri: i for i in corpus.items if i.kind == "original" and i.uri is not None}


def test_a_seed_gives_the_same_corpus_and_another_seed_another() -> None:
    spec = CorpusSpec(originals=60, exact_copies=5, near_copies=5, updates=5, resends=3, invalid=3)
    assert generate(spec) == generate(spec)
    other = generate(CorpusSpec(**{**spec.__dict__, "seed": 8}))
    assert other.items != generate(spec).items


def test_the_mix_has_the_asked_counts(corpus: Corpus) -> None:
    kinds = Counter(item.kind for item in corpus.items)
    assert kinds == {
        "original": SPEC.originals,
        "exact": SPEC.exact_copies,
        "near": SPEC.near_copies,
        "update": SPEC.updates,
        "resend": SPEC.resends,
        "invalid": SPEC.invalid,
    }
    assert len(corpus.items) == SPEC.total
    uris = {i.uri for i in corpus.valid_items}
    assert len(uris) == SPEC.originals + SPEC.exact_copies + SPEC.near_copies
    assert set(corpus.expected.canonical_of) == uris == set(corpus.expected.current)
    assert len(corpus.expected.invalid_keys) == SPEC.invalid
    assert {i.invalid_kind for i in corpus.invalid_items} == set(INVALID_KINDS)
    assert {i.language for i in corpus.valid_items} == {"ar", "en", "fr"}


def test_the_full_benchmark_corpus_has_about_four_thousand_items() -> None:
    assert 3900 <= CorpusSpec().total <= 4000


def test_bodies_are_two_to_three_kilobytes(corpus: Corpus) -> None:
    sizes = [len((i.body or "").encode()) for i in corpus.items if i.kind == "original"]
    assert min(sizes) >= 2000 and max(sizes) <= 3600


def test_no_two_uris_share_a_creation_time(corpus: Corpus) -> None:
    first: dict[str, datetime] = {}
    for item in corpus.valid_items:
        assert item.uri is not None and item.firstcreated is not None
        assert first.setdefault(item.uri, item.firstcreated) == item.firstcreated
    assert len(set(first.values())) == len(first)


def test_copies_are_created_before_and_after_their_original(corpus: Corpus) -> None:
    originals = originals_by_uri(corpus)
    copies = [i for i in corpus.items if i.kind in ("exact", "near")]
    earlier = sum(
        1
        for c in copies
        if c.firstcreated is not None
        and c.group is not None
        and c.firstcreated < cast(datetime, originals[c.group].firstcreated)
    )
    assert 0.4 <= earlier / len(copies) <= 0.6


def test_many_canonicals_arrive_after_another_member_of_their_group(corpus: Corpus) -> None:
    groups = Counter(corpus.expected.canonical_of.values())
    shared = sum(1 for size in groups.values() if size > 1)
    assert late_canonical_groups(corpus) >= shared // 4
    assert superseded_late(corpus) >= 1


def test_newest_first_reorders_only_the_versions(corpus: Corpus) -> None:
    reordered = corpus.newest_first()
    assert Counter(reordered.items) == Counter(corpus.items)
    assert reordered.expected == corpus.expected
    for index, (before, after) in enumerate(zip(corpus.items, reordered.items, strict=True)):
        if before != after:
            assert before.uri == after.uri, index
    seen: dict[str, list[tuple[int, datetime]]] = {}
    for item in reordered.valid_items:
        assert item.uri is not None
        seen.setdefault(item.uri, []).append(item.version_order)
    for orders in seen.values():
        assert orders == sorted(orders, reverse=True)


def test_exact_copies_have_the_normalized_text_of_their_original(corpus: Corpus) -> None:
    originals = originals_by_uri(corpus)
    for copy in (i for i in corpus.items if i.kind == "exact"):
        original = originals[cast(str, copy.group)]
        assert (copy.headline, copy.body) == (original.headline, original.body)
        assert copy.uri != original.uri


def test_near_copies_are_well_above_the_near_duplicate_line(corpus: Corpus) -> None:
    originals = originals_by_uri(corpus)
    near = [i for i in corpus.items if i.kind == "near"]
    assert near
    for copy in near:
        original = originals[cast(str, copy.group)]
        assert copy.content_hash != original.content_hash
        similarity = estimated_jaccard(fp(copy).signature, fp(original).signature)
        assert similarity >= 0.9, (copy.uri, similarity)


def test_distinct_originals_share_almost_nothing(corpus: Corpus) -> None:
    sample = [i for i in corpus.items if i.kind == "original"][:60]
    signatures = [fp(item).signature for item in sample]
    worst = max(estimated_jaccard(a, b) for a, b in itertools.combinations(signatures, 2))
    assert worst < 0.3


def test_the_ninjs_parser_reads_every_valid_item_as_intended(corpus: Corpus) -> None:
    for item in corpus.valid_items:
        for fmt in ("ninjs", "auto"):
            [article] = parse_document(Document(item.data, CTX, fmt), max_item_bytes=2 << 20)
            assert isinstance(article, Article), (item.key, article)
            assert article.uri == item.uri
            assert article.version == item.version
            assert article.firstcreated == item.firstcreated
            assert article.versioncreated == item.versioncreated
            assert article.language == item.language
            assert (article.headline, article.body_text) == (item.headline, item.body)
            assert article.content_hash == item.content_hash


def test_valid_items_are_ninjs_3_documents(corpus: Corpus) -> None:
    validator = Draft202012Validator(SCHEMA)
    for item in corpus.valid_items[:50]:
        validator.validate(orjson.loads(item.data))


class _Recorder:
    """Stands in for the Kafka publisher: what `ingest` publishes and dead-letters."""

    def __init__(self) -> None:
        self.settings = Settings()
        self.published: list[Article] = []
        self.letters: list[DeadLetter] = []

    def publish(self, article: Article) -> Any:
        self.published.append(article)

    def dead_letter(self, letter: DeadLetter) -> None:
        self.letters.append(letter)


def test_each_invalid_item_is_one_dead_letter_under_its_key(corpus: Corpus) -> None:
    for item in corpus.invalid_items:
        recorder = _Recorder()
        ctx = FeedContext(feed_id="faults", fetched_at=CTX.fetched_at, link=item.key)
        ingest(Document(item.data, ctx, "ninjs"), cast(Publisher, recorder))
        assert recorder.published == [], item.key
        assert [letter.key for letter in recorder.letters] == [item.key]
        [result] = parse_document(Document(item.data, ctx, "ninjs"), max_item_bytes=2 << 20)
        assert isinstance(result, ItemFailure)
    kinds = {i.invalid_kind: i for i in corpus.invalid_items}
    [failure] = parse_document(Document(kinds["bad_utf8"].data, CTX, "ninjs"), 2 << 20)
    assert isinstance(failure, ItemFailure) and failure.error_type == "encoding"


def test_canonical_is_the_earliest_then_the_earliest_version_then_the_smallest_uri() -> None:
    t = datetime(2026, 1, 1, tzinfo=UTC)

    def member(uri: str, first: datetime, version: datetime) -> WireItem:
        return WireItem(key=uri, data=b"", kind="exact", uri=uri, firstcreated=first,
                        versioncreated=version)  # fmt: skip

    later = t + timedelta(seconds=1)
    assert canonical_member([member("b", t, t), member("a", later, later)]) == "b"
    assert canonical_member([member("b", t, t), member("a", t, later)]) == "b"
    assert canonical_member([member("b", t, t), member("a", t, t)]) == "a"


def test_stored_version_numbers_follow_the_source_and_always_rise() -> None:
    assert stored_versions([1, 2, 3]) == [1, 2, 3]
    assert stored_versions([1, 3, 4]) == [1, 3, 4]
    assert stored_versions([1, 1, 1]) == [1, 2, 3]
    assert stored_versions([3, 3, 5]) == [3, 4, 5]


def test_the_current_version_is_the_last_in_source_order(corpus: Corpus) -> None:
    chains: dict[str, list[WireItem]] = {}
    for item in corpus.valid_items:
        if item.kind in ("original", "update"):
            chains.setdefault(cast(str, item.uri), []).append(item)
    updated = {uri: items for uri, items in chains.items() if len(items) > 1}
    assert updated
    styles = set()
    for uri, items in updated.items():
        newest = max(items, key=lambda i: i.version_order)
        history = version_history(items)
        assert corpus.expected.current[uri] == (newest.content_hash, history[-1][1])
        assert corpus.expected.canonical_of[uri] == uri
        styles.add(tuple(i.source_version for i, _ in history))
        if newest.source_version is None:
            assert history[-1][1] == len(items)
        else:
            assert history[-1][1] == newest.source_version
    assert any(None in s for s in styles) and any(s[:2] == (1, 3) for s in styles)


def test_aliases_point_at_the_earliest_member_of_their_group(corpus: Corpus) -> None:
    members: dict[str, list[WireItem]] = {}
    for item in corpus.valid_items:
        if item.kind != "resend":
            members.setdefault(cast(str, item.group), []).append(item)
    for group in members.values():
        earliest = min(group, key=lambda i: cast(datetime, i.firstcreated))
        for item in group:
            assert corpus.expected.canonical_of[cast(str, item.uri)] == earliest.uri
    assert corpus.expected.aliases


def _letter(key: str) -> DeadLetter:
    return DeadLetter(
        stage="enrich",
        error_type="transient",
        reason="r",
        payload="p",
        key=key,
        failed_at=CTX.fetched_at,
    )


def test_the_report_counts_every_kind_of_miss() -> None:
    expected = Expected(
        canonical_of={"a": "a", "b": "a", "c": "c", "d": "d", "e": "e", "f": "e"},
        current={uri: ("h", 1) for uri in "abdef"} | {"c": ("h", 2)},
        invalid_keys=frozenset({"bad-1", "bad-2"}),
    )
    state = StoredState(
        articles={uri: ("h", 1) for uri in "acefx"},
        aliases={"b": "a", "f": "e"},
        repeated_versions=[("a", "h")],
    )
    report = Report(scenario="t")
    compare(expected, state, [_letter("bad-1"), _letter("c")], expected.invalid_keys, report)
    assert (report.expected_uris, report.stored, report.lost) == (6, 5, 1)
    assert report.duplicated == 2
    assert report.unexpected == 1
    assert report.wrong_canonicals == 0
    assert report.wrong_current_versions == 1
    assert (report.valid_dead_lettered, report.invalid_missing) == (1, 1)
    assert not report.clean


def test_a_wrong_canonical_counts_for_each_misplaced_member() -> None:
    expected = Expected(
        canonical_of={"a": "a", "b": "a", "c": "a"},
        current={uri: ("h", 1) for uri in "abc"},
        invalid_keys=frozenset(),
    )
    state = StoredState(
        articles={"b": ("h", 1)}, aliases={"a": "b", "c": "b"}, repeated_versions=[]
    )
    report = Report(scenario="t")
    compare(expected, state, [], frozenset(), report)
    assert (report.lost, report.wrong_canonicals) == (0, 3)


def test_group_coordinators_are_found_with_javas_string_hash() -> None:
    assert java_hash_abs("test") == 3556498
    assert java_hash_abs("polygenelubricants") == 0  # hashCode() is Integer.MIN_VALUE
    assert java_hash_abs("") == 0
