"""The dedup cases through the enrichment of real texts, atomicity across
processes, the window and restarts, against a real Redis (started by the local
stack when not already running). The rules case by case are the table of
`tests/dedup_cases.py` (`test_dedup_script_cases.py`)."""

from __future__ import annotations

import asyncio
import multiprocessing
import random
import time
from collections.abc import AsyncIterator, Iterator
from multiprocessing.synchronize import Barrier
from typing import Any

import pytest
import redis.asyncio as aioredis

from tests.dedup_support import (
    StartEmpty,
    drop_keys,
    enricher,
    final_roles,
    make_article,
    own_redis_prefix,
)
from workers.dedup.minhash import estimated_jaccard, fingerprint
from workers.dedup.redis_state import RedisDedupState
from workers.enrich.engine import Enricher, EnrichFailure, EnrichResult
from workers.enrich.resources import Resources
from workers.enrich.steps import LANGUAGE, Step
from workers.errors import ParseError, TransientError
from workers.models import Article, EnrichedArticle
from workers.settings import Settings
from workers.text.analysis import Analysis

pytestmark = pytest.mark.integration

PARAGRAPHS = [
    "The U.S.-led coalition fighting Islamic State said on Saturday that a convoy of buses "
    "would leave Raqqa under a deal brokered by the Raqqa Civil Council and tribal elders, "
    "but that foreign fighters would not be allowed to leave the besieged city.",
    "The coalition did not say whether Syrian fighters would be among those leaving with the "
    "civilians, and a spokesman declined to give the number of buses or their destination.",
    "A military source in Raqqa said the buses were waiting in a nearby village and would "
    "later carry militants and their families towards the province of Deir al-Zor.",
    "Local officials said about a hundred militants had surrendered over the previous day and "
    "had handed over their weapons to the Syrian Democratic Forces.",
    "The Syrian Observatory for Human Rights said all the Syrian fighters had already left "
    "the city with their families, leaving at most 150 foreign fighters behind.",
    "The Syrian Democratic Forces, backed by coalition air strikes, have driven the militants "
    "from around 90 percent of the city since the offensive began in June.",
    "Tens of thousands of civilians have fled the fighting, and the coalition said some 1,500 "
    "had reached areas held by the Syrian Democratic Forces in the past week alone.",
]
OTHER = [
    "Lebanon's parliament approved the first state budget in twelve years on Thursday, "
    "a step donors had demanded before releasing aid pledged to shore up the economy.",
    "The finance minister told lawmakers the deficit would narrow next year as new taxes on "
    "banks and imported goods came into force, though economists doubted the forecasts.",
    "Protesters gathered outside the parliament building in central Beirut, saying the new "
    "taxes would fall hardest on the poor while leaving political parties untouched.",
    "The central bank governor said reserves were sufficient to defend the currency peg, "
    "which has held at the same rate against the dollar for two decades.",
]
HEADLINE = "Coalition says convoy to leave Raqqa, foreign fighters barred"
BODY = "BEIRUT, Oct 14 (Reuters) - " + "\n\n".join(PARAGRAPHS)


@pytest.fixture
def settings(redis_base: Settings) -> Settings:
    return own_redis_prefix(redis_base)


@pytest.fixture
async def redis(settings: Settings) -> AsyncIterator[aioredis.Redis[Any]]:
    client: aioredis.Redis[Any] = aioredis.Redis.from_url(settings.redis_url.get_secret_value())
    yield client
    await drop_keys(client, settings.redis_prefix)
    await client.aclose()


def results(items: list[EnrichResult | EnrichFailure]) -> list[EnrichResult]:
    assert all(isinstance(r, EnrichResult) for r in items), items
    return [r for r in items if isinstance(r, EnrichResult)]


async def one(enricher: Enricher, article: Article) -> EnrichResult:
    return results(await enricher.process_batch([article]))[0]


async def test_redelivery_gives_the_same_decision(
    settings: Settings, redis: Any, resources: Resources
) -> None:
    decide = enricher(settings, redis, resources)
    a = make_article("u1", HEADLINE, BODY)
    first = await one(decide, a)
    again = await one(decide, a)
    assert (first.outcome, again.outcome, again.notice) == ("ok", "ok", None)
    assert again.article.story_id == first.article.story_id == "u1"
    assert again.article.role_seq == first.article.role_seq


async def test_changed_content_is_a_new_version(
    settings: Settings, redis: Any, resources: Resources
) -> None:
    decide = enricher(settings, redis, resources)
    v1 = make_article("u1", HEADLINE, BODY)
    v2 = make_article("u1", HEADLINE, BODY + "\n\nThe first buses left on Sunday morning.")
    v3 = make_article("u1", HEADLINE + " (updated)", BODY.replace("Saturday", "Sunday"))
    decided = results(await decide.process_batch([v1, v2]))
    assert [r.outcome for r in decided] == ["ok", "new_version"]
    third = await one(decide, v3)
    assert (third.outcome, third.article.story_id) == ("new_version", "u1")
    assert third.article.version == 1, "the source's number is kept: storage numbers versions"
    assert {r.article.role_seq for r in [*decided, third]} == {decided[0].article.role_seq}
    replay = results(await decide.process_batch([v1, v2, v3]))
    assert [r.outcome for r in replay] == ["ok", "ok", "ok"]


async def test_exact_duplicate(settings: Settings, redis: Any, resources: Resources) -> None:
    decide = enricher(settings, redis, resources)
    canonical = make_article("u1", HEADLINE, BODY)
    # Same text under another agency's dateline, with different punctuation and case.
    copy = make_article(
        "u2", HEADLINE.upper(), BODY.replace("BEIRUT, Oct 14 (Reuters) -", "BEIRUT (AFP) —")
    )
    first, dup = results(await decide.process_batch([canonical, copy]))
    assert first.outcome == "ok" and first.notice is None
    assert dup.outcome == "duplicate"
    assert dup.notice is not None
    assert (dup.notice.duplicate_of, dup.notice.method, dup.notice.similarity) == (
        "u1",
        "exact",
        1.0,
    )
    assert dup.article.duplicate_of == "u1" and dup.article.story_id == "u1"
    assert dup.article.normalized_hash == first.article.normalized_hash
    assert dup.article.signature is not None
    # Replays: the canonical is never a duplicate of itself, the duplicate stays one.
    replay = results(await decide.process_batch([canonical, copy]))
    assert [(r.outcome, r.article.duplicate_of) for r in replay] == [
        ("ok", None),
        ("duplicate", "u1"),
    ]


async def test_exact_duplicate_in_arabic_spelling_variants(
    settings: Settings, redis: Any, resources: Resources
) -> None:
    decide = enricher(settings, redis, resources)
    body = (
        "عواصم - (وكالات): أعلن التحالف الدولي بقيادة واشنطن "
        "عن اتفاق على عملية إجلاء من مدينة الرقة."
    )
    variant = (
        "دمشق (رويترز) - اعلَنَ التحالُف الدولى بقيادة واشنطن عن اتفاق على عملية اجلاء من مدينه الرقه."
    )
    a, b = results(
        await decide.process_batch(
            [make_article("ar1", "اتفاق إجلاء", body), make_article("ar2", "اتفاق اجلاء", variant)]
        )
    )
    assert (a.outcome, b.outcome, b.article.duplicate_of) == ("ok", "duplicate", "ar1")


SHORTER = "BEIRUT (AFP) - " + "\n\n".join(PARAGRAPHS[:3] + PARAGRAPHS[4:])


async def test_near_duplicate(settings: Settings, redis: Any, resources: Resources) -> None:
    decide = enricher(settings, redis, resources)
    first, near = results(
        await decide.process_batch(
            [
                make_article("u1", HEADLINE, BODY),
                make_article("u3", "Convoy to leave Raqqa", SHORTER),
            ]
        )
    )
    assert first.outcome == "ok"
    assert near.outcome == "near_duplicate"
    assert near.notice is not None and near.notice.method == "near"
    assert near.notice.duplicate_of == "u1" and near.article.story_id == "u1"
    assert settings.dedup.near_threshold <= near.notice.similarity < 1.0
    again = await one(decide, make_article("u3", "Convoy to leave Raqqa", SHORTER))
    assert (again.outcome, again.article.duplicate_of) == ("near_duplicate", "u1")


async def test_an_earlier_copy_decided_later_takes_over_with_the_aliases(
    settings: Settings, redis: Any, resources: Resources
) -> None:
    decide = enricher(settings, redis, resources)
    later = await one(decide, make_article("late", HEADLINE, BODY, minutes=10))
    near = await one(decide, make_article("near", "Convoy to leave Raqqa", SHORTER, minutes=20))
    earliest = await one(decide, make_article("first", HEADLINE, BODY, minutes=0))
    assert (later.outcome, near.outcome, near.article.duplicate_of) == (
        "ok",
        "near_duplicate",
        "late",
    )
    assert earliest.outcome == "ok" and earliest.notice is None
    assert [(t.uri, t.method) for t in earliest.article.takes_over] == [
        ("late", "exact"),
        ("near", "near"),
    ]
    assert earliest.article.role_seq is not None
    assert earliest.article.role_seq > (near.article.role_seq or 0)
    assert earliest.article.story_id == later.article.story_id, "the story goes on"
    # Every later decision, replays included, follows the new canonical.
    replays = results(
        await decide.process_batch(
            [
                make_article("late", HEADLINE, BODY, minutes=10),
                make_article("near", "Convoy to leave Raqqa", SHORTER, minutes=20),
                make_article("first", HEADLINE, BODY, minutes=0),
            ]
        )
    )
    assert [(r.outcome, r.article.duplicate_of) for r in replays] == [
        ("duplicate", "first"),
        ("near_duplicate", "first"),
        ("ok", None),
    ]
    assert [t.uri for t in replays[2].article.takes_over] == ["late", "near"], (
        "a redelivered takeover announces it again"
    )
    copy = await one(decide, make_article("copy", HEADLINE, BODY, minutes=30))
    assert (copy.outcome, copy.article.duplicate_of) == ("duplicate", "first")


async def test_related_joins_the_story_and_unrelated_starts_one(
    settings: Settings, redis: Any, resources: Resources
) -> None:
    decide = enricher(settings, redis, resources)
    related_body = "BEIRUT (Reuters) - " + "\n\n".join(PARAGRAPHS[:4] + OTHER[:2])
    fp_a = fingerprint(HEADLINE, BODY, settings.dedup)
    fp_b = fingerprint(HEADLINE, related_body, settings.dedup)
    similarity = estimated_jaccard(fp_a.signature, fp_b.signature)
    assert settings.dedup.related_threshold <= similarity < settings.dedup.near_threshold
    first, related, unrelated = results(
        await decide.process_batch(
            [
                make_article("u1", HEADLINE, BODY),
                make_article("u4", HEADLINE, related_body),
                make_article("u5", "Lebanon passes budget", "\n\n".join(OTHER[2:])),
            ]
        )
    )
    assert first.outcome == "ok"
    assert (related.outcome, related.article.story_id, related.notice) == ("related", "u1", None)
    assert related.article.duplicate_of is None and related.article.similarity == similarity
    assert (unrelated.outcome, unrelated.article.story_id) == ("ok", "u5")
    # Clustering is transitive through the story id, not through the first article.
    replay = await one(decide, make_article("u4", HEADLINE, related_body))
    assert (replay.outcome, replay.article.story_id) == ("ok", "u1")


async def test_a_lost_state_is_restored_before_anything_is_decided(
    settings: Settings, redis: Any, resources: Resources
) -> None:
    restore = StartEmpty(redis, settings)
    decide = Enricher(settings, resources, RedisDedupState.of(redis, settings), restore)
    await one(decide, make_article("u1", HEADLINE, BODY))
    assert restore.calls == 1, "an empty state is restored first"
    await drop_keys(redis, settings.redis_prefix)
    again = await one(decide, make_article("u2", HEADLINE, BODY))
    assert restore.calls == 2 and again.outcome == "ok", "restored (here: empty), then decided"
    await one(decide, make_article("u3", HEADLINE, BODY))
    assert restore.calls == 2, "a complete state is not restored again"


async def test_window_expiry(redis_base: Settings, resources: Resources) -> None:
    settings = own_redis_prefix(redis_base, window_seconds=2)
    settings = settings.model_copy(
        update={"stories": settings.stories.model_copy(update={"window_seconds": 2})}
    )
    client: aioredis.Redis[Any] = aioredis.Redis.from_url(settings.redis_url.get_secret_value())
    lasting = {f"{settings.redis_prefix}dedup:{k}".encode() for k in ("epoch", "seq")}
    try:
        decide = enricher(settings, client, resources)
        await one(decide, make_article("u1", HEADLINE, BODY))
        keys = [
            k
            async for k in client.scan_iter(match=f"{settings.redis_prefix}*", count=1_000_000)
            if k not in lasting
        ]
        ttls = [await client.ttl(k) for k in keys]
        assert ttls and all(0 < t <= 2 + 2 for t in ttls)  # bucket hashes: window + one bucket
        assert (await one(decide, make_article("u2", HEADLINE, BODY))).outcome == "duplicate"
        await asyncio.sleep(2.5)
        later = await one(decide, make_article("u3", HEADLINE, BODY))
        assert (later.outcome, later.article.duplicate_of) == ("ok", None)
        deadline = time.monotonic() + 10  # the keys' TTL is 4 s; Redis expires lazily
        while True:
            left = {
                k
                async for k in client.scan_iter(match=f"{settings.redis_prefix}*", count=1_000_000)
            }
            if left == lasting or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.5)
        assert left == lasting
    finally:
        await drop_keys(client, settings.redis_prefix)
        await client.aclose()


def _in_fresh_process(url: str, prefix: str, articles: list[dict[str, Any]], out: Any) -> None:
    async def run() -> list[tuple[str, str, str | None, int]]:
        client: aioredis.Redis[Any] = aioredis.Redis.from_url(url)
        try:
            settings = Settings(redis_prefix=prefix)
            decide = enricher(settings, client, Resources.of(settings))
            items = await decide.process_batch([Article.model_validate(a) for a in articles])
            return [
                (r.article.uri, r.outcome, r.article.duplicate_of, r.article.role_seq or 0)
                for r in results(items)
            ]
        finally:
            await client.aclose()

    out.put(asyncio.run(run()))


def run_in_process(
    settings: Settings, articles: list[Article]
) -> list[tuple[str, str, str | None, int]]:
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    payload = [a.model_dump(mode="json", by_alias=True) for a in articles]
    proc = ctx.Process(
        target=_in_fresh_process,
        args=(settings.redis_url.get_secret_value(), settings.redis_prefix, payload, out),
    )
    proc.start()
    got: list[tuple[str, str, str | None, int]] = out.get(timeout=60)
    proc.join(timeout=30)
    assert proc.exitcode == 0
    return got


async def test_state_survives_worker_restarts(settings: Settings, redis: Any) -> None:
    v2 = make_article("u1", HEADLINE, BODY + "\n\nUpdate.")
    first = run_in_process(settings, [make_article("u1", HEADLINE, BODY), v2])
    second = run_in_process(settings, [make_article("u2", HEADLINE, BODY), v2])
    assert [o for _, o, _, _ in first] == ["ok", "new_version"]
    seq = first[0][3]
    assert [(uri, o, of) for uri, o, of, _ in second] == [
        ("u2", "duplicate", "u1"),
        ("u1", "ok", None),
    ]
    assert second[1][3] == seq and second[0][3] > seq


async def _drop(settings: Settings) -> None:
    client: aioredis.Redis[Any] = aioredis.Redis.from_url(settings.redis_url.get_secret_value())
    await drop_keys(client, settings.redis_prefix)
    await client.aclose()


def random_text(seed: int, words: int = 300) -> str:
    """Words of the sample paragraphs in a random order: shares few shingles with any other."""
    vocabulary = sorted({w for p in PARAGRAPHS + OTHER for w in p.split()})
    rng = random.Random(seed)
    return " ".join(rng.choice(vocabulary) for _ in range(words))


def variants(base: str, count: int, seed: int) -> list[str]:
    """`count` copies of `base`, each with two words replaced: all near-identical."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        words = base.split(" ")
        for _ in range(2):
            words[rng.randrange(len(words))] = rng.choice(["several", "many", "some", "new"])
        out.append(" ".join(words))
    return out


def _race_worker(
    url: str, prefix: str, batches: list[list[dict[str, Any]]], barrier: Barrier, out: Any
) -> None:
    async def run() -> list[EnrichResult]:
        client: aioredis.Redis[Any] = aioredis.Redis.from_url(url)
        seen: list[EnrichResult] = []
        try:
            settings = Settings(redis_prefix=prefix)
            decide = enricher(settings, client, Resources.of(settings))
            for batch in batches:
                barrier.wait(timeout=60)
                items = await decide.process_batch([Article.model_validate(a) for a in batch])
                seen += results(items)
        finally:
            await client.aclose()
        return seen

    out.put([r.article.model_dump(mode="json", by_alias=True) for r in asyncio.run(run())])


def test_two_workers_racing_make_exactly_one_canonical(redis_base: Settings) -> None:
    settings = own_redis_prefix(redis_base)
    rounds = 25
    workers = 2
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(workers)
    out = ctx.Queue()
    stories = []
    plans: list[list[list[dict[str, Any]]]] = [[] for _ in range(workers)]
    for r in range(rounds):
        base = random_text(seed=1000 + r)
        texts = variants(base, workers * 3, seed=r)
        stories.append({f"r{r}-{i}" for i in range(len(texts))})
        for w in range(workers):
            batch = [
                make_article(f"r{r}-{i}", f"Round {r}", texts[i]).model_dump(
                    mode="json", by_alias=True
                )
                for i in range(w, len(texts), workers)
            ]
            plans[w].append(batch)
    procs = [
        ctx.Process(
            target=_race_worker,
            args=(
                settings.redis_url.get_secret_value(),
                settings.redis_prefix,
                plans[w],
                barrier,
                out,
            ),
        )
        for w in range(workers)
    ]
    for p in procs:
        p.start()
    try:
        seen = [
            EnrichResult(EnrichedArticle.model_validate(item), "ok")
            for _ in procs
            for item in out.get(timeout=120)
        ]
        for p in procs:
            p.join(timeout=30)
            assert p.exitcode == 0
    finally:
        asyncio.run(_drop(settings))
    assert len(seen) == sum(len(s) for s in stories)
    roles = final_roles(seen)
    for uris in stories:
        # Same times: the smallest uri is the earliest copy.
        assert {roles[uri] for uri in uris} == {min(uris)}, {u: roles[u] for u in uris}


def boom(article: EnrichedArticle, analysis: Analysis, resources: Resources) -> EnrichedArticle:
    if article.uri == "u2":
        raise ParseError("cannot read this one")
    return article


async def test_a_failing_article_does_not_lose_the_batch(
    settings: Settings, redis: Any, resources: Resources
) -> None:
    decide = enricher(settings, redis, resources, steps=[LANGUAGE, Step("boom", boom)])
    batch = [make_article(f"u{i}", f"{HEADLINE} {i}", OTHER[i]) for i in range(1, 4)]
    items = await decide.process_batch(batch)
    assert [type(r) for r in items] == [EnrichResult, EnrichFailure, EnrichResult]
    failure = items[1]
    assert isinstance(failure, EnrichFailure)
    assert (failure.article_uri, failure.error_type, failure.index) == ("u2", "parse", 1)
    assert "cannot read this one" in failure.reason
    assert [(r.article.uri, r.outcome) for r in results([items[0], items[2]])] == [
        ("u1", "ok"),
        ("u3", "ok"),
    ]


async def test_lost_script_is_loaded_again(
    settings: Settings, redis: Any, resources: Resources
) -> None:
    """A Redis restart or SCRIPT FLUSH drops the dedup script: the batch goes on."""
    decide = enricher(settings, redis, resources)
    first = await one(decide, make_article("u1", HEADLINE, BODY))
    await redis.script_flush()
    again = await one(decide, make_article("u2", HEADLINE, BODY))
    assert (first.outcome, again.outcome, again.article.duplicate_of) == ("ok", "duplicate", "u1")


async def test_groups_of_a_long_batch_are_decided_in_order(
    settings: Settings, redis: Any, resources: Resources
) -> None:
    """Each group is decided while the next one is computed: the later copy of an
    article in the same batch is still its duplicate, whatever group it falls in."""
    decide = enricher(settings, redis, resources, steps=[])
    rng = random.Random(5)
    vocabulary = " ".join(PARAGRAPHS + OTHER).split()
    originals = [
        make_article(
            f"o{i}", f"{HEADLINE} {i}", " ".join(rng.choices(vocabulary, k=120)), minutes=0
        )
        for i in range(150)
    ]
    copies = [
        make_article(f"c{i}", a.headline, a.body_text, minutes=1) for i, a in enumerate(originals)
    ]
    decided = results(await decide.process_batch(originals + copies))
    assert [r.outcome for r in decided[:150]] == ["ok"] * 150
    assert [(r.outcome, r.article.duplicate_of) for r in decided[150:]] == [
        ("duplicate", f"o{i}") for i in range(150)
    ]


async def test_empty_batch_needs_no_redis(settings: Settings, resources: Resources) -> None:
    client: aioredis.Redis[Any] = aioredis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=1)
    try:
        assert await enricher(settings, client, resources).process_batch([]) == []
    finally:
        await client.aclose()


async def test_redis_down_is_transient(settings: Settings, resources: Resources) -> None:
    client: aioredis.Redis[Any] = aioredis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=1)
    try:
        with pytest.raises(TransientError):
            await enricher(settings, client, resources).process_batch(
                [make_article("u1", HEADLINE, BODY)]
            )
    finally:
        await client.aclose()


@pytest.fixture(autouse=True)
def _no_stray_processes() -> Iterator[None]:
    yield
    for child in multiprocessing.active_children():
        child.join(timeout=5)
