"""Enrichment alone: the full `Enricher` (default steps, Redis dedup in batched
round trips) over generated ~5 KB articles in Arabic, English and French.

    .venv/bin/python -m bench.bench_enrich --articles 20000 --batch 200 --breakdown
    .venv/bin/python -m bench.bench_enrich --articles 1000 --runs 5 --stories both

Articles are generated before the clock starts: words of each language's
sample articles drawn at their frequencies in random order (so articles share
almost no shingles), with
a share of exact copies and near copies under new uris so that every dedup
path runs. `--stories both` alternates runs without and with story linking
(docs/ARCHITECTURE.md, Stories) and prints the ratio of their medians. Redis
comes from settings (`NEWSWIRE_REDIS_URL`), started by the local stack when
nothing answers; keys go under a fresh prefix, deleted after.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import random
import statistics
import time
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import redis.asyncio as aioredis

from workers.dedup.redis_state import RedisDedupState, dedup_prefix
from workers.enrich.engine import Enricher, EnrichFailure, prepare_process
from workers.enrich.resources import Resources
from workers.enrich.steps import DATELINE, LANGUAGE, Step, default_steps
from workers.models import Article, Source
from workers.parsers.article_builder import content_hash
from workers.settings import Settings
from workers.stories.linking import redis_story_state
from workers.text.analysis import Analysis

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "eval" / "dedup" / "articles"
DATELINES = {
    "ar": ["عواصم - (وكالات):", "دمشق (رويترز) -", "بيروت - (أ ف ب):"],
    "en": ["BEIRUT, Oct 14 (Reuters) -", "LONDON, Oct 16 (Reuters) -", "CAIRO (AP) —"],
    "fr": ["BEYROUTH, 14 oct (AFP) -", "PARIS, 16 oct (AFP) -", "GENÈVE (AFP) -"],
}


def vocabularies() -> dict[str, list[str]]:
    """Every word of each language's sample articles, repeats kept, so that drawing from
    it gives names, function words and punctuation at their real frequencies."""
    words: dict[str, list[str]] = {lang: [] for lang in DATELINES}
    for path in sorted(SAMPLES.glob("*.txt")):
        words[path.name[:2]] += path.read_text("utf-8").split("\n\n", 1)[1].split()
    return words


def make(uri: str, headline: str, body: str) -> Article:
    return Article(
        uri=uri,
        headline=headline,
        body_text=body,
        source=Source(feed_id="bench", format="agency_text", parser="bench"),
        fetched_at=datetime.now(UTC),
        content_hash=content_hash(headline, body),
    )


def generate(count: int, target_bytes: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    vocab = vocabularies()
    langs = sorted(vocab)
    out: list[Article] = []
    for i in range(count):
        if i % 10 == 9 and out:
            original = rng.choice(out)
            out.append(make(f"bench:{i}", original.headline, original.body_text))
            continue
        if i % 10 == 4 and out:
            original = rng.choice(out)
            words = original.body_text.split(" ")
            for _ in range(3):
                words[rng.randrange(len(words))] = rng.choice(words)
            out.append(make(f"bench:{i}", original.headline, " ".join(words)))
            continue
        lang = langs[i % len(langs)]
        words_ = vocab[lang]
        paragraphs: list[str] = []
        size = 0
        while size < target_bytes:
            sentence = " ".join(rng.choice(words_) for _ in range(rng.randint(18, 30))) + "."
            paragraphs.append(sentence)
            size += len(sentence.encode()) + 2
        paragraphs[0] = f"{rng.choice(DATELINES[lang])} {paragraphs[0]}"
        headline = " ".join(rng.choice(words_) for _ in range(8))
        out.append(make(f"bench:{i}", headline, "\n\n".join(paragraphs)))
    return out


async def run(
    articles: list[Article],
    batch: int,
    settings: Settings,
    resources: Resources,
    steps: list[Step],
    stories: bool = False,
    placed: dict[str, str | None] | None = None,
) -> tuple[float, Counter[str]]:
    """`placed`, when given, gets each article's `story_id`."""
    client: aioredis.Redis[Any] = aioredis.Redis.from_url(settings.redis_url.get_secret_value())
    epoch = f"{dedup_prefix(settings)}epoch"

    async def start_empty() -> None:
        """A fresh key prefix: the dedup state starts empty, nothing to rebuild."""
        await client.set(epoch, "bench", nx=True)

    state = RedisDedupState.of(client, settings)
    linker = redis_story_state(settings, client) if stories else None
    enricher = Enricher(settings, resources, state, start_empty, steps, linker)
    outcomes: Counter[str] = Counter()
    try:
        started, cpu_started = time.perf_counter(), time.process_time()
        main_started = time.thread_time()
        for i in range(0, len(articles), batch):
            for result in await enricher.process_batch(articles[i : i + batch]):
                if isinstance(result, EnrichFailure):
                    outcomes["failed"] += 1
                    continue
                outcomes[result.outcome] += 1
                if placed is not None:
                    placed[result.article.uri] = result.article.story_id
        elapsed = time.perf_counter() - started
        per_article = 1e6 / len(articles)
        outcomes["cpu_us_per_article"] = round((time.process_time() - cpu_started) * per_article)
        outcomes["main_thread_us_per_article"] = round(
            (time.thread_time() - main_started) * per_article
        )
    finally:
        keys = [k async for k in client.scan_iter(match=f"{settings.redis_prefix}*", count=5000)]
        for j in range(0, len(keys), 5000):
            await client.delete(*keys[j : j + 5000])
        await client.aclose()
    return elapsed, outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--bytes", type=int, default=5000, help="target body size")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="one more run under pyinstrument")
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="one more run with each step's CPU time per article (main thread)",
    )
    parser.add_argument(
        "--steps",
        choices=("default", "basic"),
        default="default",
        help="default: language, dateline, entities, topics; basic: language and dateline",
    )
    parser.add_argument(
        "--stories",
        choices=("off", "on", "both"),
        default="off",
        help="story linking; both: runs alternate off and on",
    )
    parser.add_argument(
        "--stories-to",
        type=Path,
        help="write each article's story_id of the last run with linking (JSON), "
        "to compare the decisions of two checkouts",
    )
    args = parser.parse_args()
    modes = {"off": [False], "on": [True], "both": [False, True]}[args.stories]
    steps = default_steps() if args.steps == "default" else [LANGUAGE, DATELINE]

    from devstack.stack import up

    base = Settings()
    up(base, services=("redis",))
    articles = generate(args.articles, args.bytes, seed=7)
    mean_bytes = statistics.mean(len(a.body_text.encode()) for a in articles)
    names = [step.name for step in steps]
    print(f"{len(articles)} articles, mean body {mean_bytes:.0f} bytes, batch {args.batch}")
    print(f"steps: {', '.join(names)} + dedup; {calibration_ns():.0f} ns per empty loop turn")
    # Warm-up, as a worker starts: gazetteer, lexicons, language model, Redis script.
    resources = Resources.of(base)
    prepare_process()
    for linking in modes:
        asyncio.run(run(articles[:500], args.batch, fresh(base), resources, steps, linking))
    rates: dict[bool, list[float]] = {linking: [] for linking in modes}
    cpu: dict[bool, list[int]] = {linking: [] for linking in modes}
    placed: dict[str, str | None] = {}
    for _ in range(args.runs):
        for linking in modes:
            elapsed, outcomes = asyncio.run(
                run(articles, args.batch, fresh(base), resources, steps, linking, placed)
            )
            rates[linking].append(len(articles) / elapsed)
            cpu[linking].append(outcomes["cpu_us_per_article"])
            label = "stories on " if linking else "stories off"
            print(
                f"  {label} {elapsed:.2f} s  {rates[linking][-1]:,.0f} articles/s  {dict(outcomes)}"
            )
    for linking in modes:
        label = "stories on " if linking else "stories off"
        print(
            f"{label}: best {max(rates[linking]):,.0f} articles/s, "
            f"median {statistics.median(rates[linking]):,.0f} articles/s, "
            f"median cpu {statistics.median(cpu[linking]):,.0f} us/article"
        )
    if len(modes) == 2:
        off, on = (statistics.median(rates[linking]) for linking in modes)
        off_cpu, on_cpu = (statistics.median(cpu[linking]) for linking in modes)
        print(f"on/off: rate {on / off:.2f}, cpu {on_cpu / off_cpu:.2f}")
    if args.stories_to is not None and modes[-1]:
        args.stories_to.write_text(json.dumps(placed, indent=0, sort_keys=True))
    linking = modes[-1]
    if args.breakdown:
        spent: Counter[str] = Counter()
        timed = [_timed(step, spent) for step in steps]
        elapsed, _ = asyncio.run(run(articles, args.batch, fresh(base), resources, timed, linking))
        print("CPU per article of each step (main thread):")
        for name, seconds in spent.most_common():
            print(f"  {name:16s} {seconds / len(articles) * 1e6:6.1f} us")
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        asyncio.run(run(articles, args.batch, fresh(base), resources, steps, linking))
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False, show_all=False))


def _timed(step: Step, spent: Counter[str]) -> Step:
    """The step, its CPU time added to `spent`; it asks for the same matches ahead."""
    run_step = step.run

    def timed(article: Any, analysis: Analysis, resources: Resources) -> Any:
        started = time.thread_time()
        try:
            return run_step(article, analysis, resources)
        finally:
            spent[step.name] += time.thread_time() - started

    return dataclasses.replace(step, run=timed)


def calibration_ns() -> float:
    """How fast this machine runs plain Python right now, to compare runs across machines."""
    started = time.perf_counter()
    for _ in range(1_000_000):
        pass
    return (time.perf_counter() - started) * 1000


def fresh(base: Settings) -> Settings:
    return base.model_copy(update={"redis_prefix": f"bench:{uuid.uuid4().hex[:8]}:"})


if __name__ == "__main__":
    main()
