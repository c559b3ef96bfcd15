"""Storage speed: batched upserts/s into SQLite and PostgreSQL, and search
latency (p50/p95/p99) over a corpus of generated Arabic, English and French
articles; the CPU time of this process per article written (the store's own
work: for PostgreSQL the server's is apart).

    .venv/bin/python -m bench.bench_storage --articles 100000

PostgreSQL comes from --database-url, else NEWSWIRE_DATABASE_URL, else the local
stack (started if needed); the benchmark writes into a fresh schema it drops
afterwards. SQLite writes a fresh file in a temporary directory.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import os
import random
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
from psycopg import sql
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
from rich.table import Table

from devstack.stack import postgres_dsn, up
from workers.models import EnrichedArticle, EntityTag, Source, Subject
from workers.settings import Settings
from workers.storage.postgres import PostgresStore
from workers.storage.search import SearchQuery
from workers.storage.sql import SqlArticleStore
from workers.storage.sqlite import SqliteStore

console = Console(width=120)

FUNCTION_WORDS = {
    "ar": [
        "في",
        "من",
        "على",
        "إلى",
        "أن",
        "عن",
        "مع",
        "هذا",
        "التي",
        "الذي",
        "كان",
        "قال",
        "بين",
        "بعد",
        "قد",
        "وقد",
        "كما",
    ],
    "en": [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "that",
        "for",
        "on",
        "with",
        "said",
        "was",
        "by",
        "as",
        "at",
        "from",
        "is",
        "it",
    ],
    "fr": [
        "le",
        "la",
        "de",
        "et",
        "les",
        "des",
        "à",
        "un",
        "une",
        "du",
        "en",
        "pour",
        "que",
        "dans",
        "a",
        "été",
        "sur",
        "par",
    ],
}
CONTENT_WORDS = {
    "ar": [
        "الرقة",
        "إدلب",
        "دمشق",
        "حلب",
        "بيروت",
        "الحكومة",
        "الوزير",
        "الانتخابات",
        "الجيش",
        "القوات",
        "المدينة",
        "الرئيس",
        "المعارضة",
        "الأمم",
        "المتحدة",
        "اللاجئين",
        "الاقتصاد",
        "النفط",
        "المفاوضات",
        "الهدنة",
    ],
    "en": [
        "Raqqa",
        "Idlib",
        "Damascus",
        "Aleppo",
        "Beirut",
        "government",
        "minister",
        "elections",
        "army",
        "forces",
        "city",
        "president",
        "opposition",
        "United",
        "Nations",
        "refugees",
        "economy",
        "oil",
        "talks",
        "ceasefire",
    ],
    "fr": [
        "Raqqa",
        "Idleb",
        "Damas",
        "Alep",
        "Beyrouth",
        "gouvernement",
        "ministre",
        "élections",
        "armée",
        "forces",
        "ville",
        "président",
        "opposition",
        "Nations",
        "unies",
        "réfugiés",
        "économie",
        "pétrole",
        "négociations",
        "trêve",
    ],
}
ALPHABET = {
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "en": "abcdefghijklmnopqrstuvwxyz",
    "fr": "abcdefghijklmnopqrstuvwxyzéèàç",
}
PROCLITICS = ("", "", "", "و", "ب", "ال", "وال", "بال", "لل")
LANGUAGES = (("ar", 0.4), ("en", 0.35), ("fr", 0.25))
TOPICS = [f"medtop:{n:02d}000000" for n in range(1, 18)]
ENTITIES = [f"geo:{n}" for n in range(300)] + [f"org:{n}" for n in range(200)]
FEEDS = [f"feed-{n}" for n in range(20)]
T0 = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass
class Language:
    code: str
    vocabulary: list[str]
    cumulative: list[float]
    query_words: list[str] = field(default_factory=list)


def _pseudo_word(rng: random.Random, alphabet: str) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(3, 9)))


def build_languages(seed: int, size: int = 8000) -> dict[str, Language]:
    """Zipf-distributed vocabularies: function words first, then real content
    words, then pseudo-words in the language's script."""
    rng = random.Random(seed)
    languages = {}
    for code, _ in LANGUAGES:
        words = FUNCTION_WORDS[code] + CONTENT_WORDS[code]
        seen = set(words)
        while len(words) < size:
            word = _pseudo_word(rng, ALPHABET[code])
            if word not in seen:
                seen.add(word)
                words.append(word)
        weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(words))]
        cumulative = list(itertools.accumulate(weights))
        start = len(FUNCTION_WORDS[code])
        query_words = CONTENT_WORDS[code] + words[start + 50 : start + 3000 : 7]
        languages[code] = Language(code, words, cumulative, query_words)
    return languages


def _words(rng: random.Random, lang: Language, n: int) -> list[str]:
    total = lang.cumulative[-1]
    picked = []
    for _ in range(n):
        word = lang.vocabulary[bisect.bisect(lang.cumulative, rng.random() * total)]
        if lang.code == "ar" and not word.startswith("ال"):
            word = rng.choice(PROCLITICS) + word
        picked.append(word)
    return picked


def articles(seed: int, count: int, languages: dict[str, Language]) -> Iterator[EnrichedArticle]:
    rng = random.Random(seed)
    codes = [code for code, _ in LANGUAGES]
    shares = [share for _, share in LANGUAGES]
    for i in range(count):
        code = rng.choices(codes, shares)[0]
        lang = languages[code]
        headline = " ".join(_words(rng, lang, rng.randint(6, 10)))
        body = " ".join(_words(rng, lang, rng.randint(60, 200)))
        when = T0 + timedelta(seconds=rng.randint(0, 90 * 86400))
        entities = rng.sample(ENTITIES, rng.randint(0, 3))
        yield EnrichedArticle(
            uri=f"urn:bench:{seed}:{i}",
            language=code,
            headline=headline,
            body_text=body,
            versioncreated=when,
            fetched_at=when + timedelta(seconds=30),
            source=Source(feed_id=rng.choice(FEEDS), format="agency-text", parser="bench"),
            content_hash=hashlib.sha256(f"{headline}\n{body}".encode()).hexdigest(),
            subject=[Subject(code=c) for c in rng.sample(TOPICS, rng.randint(1, 2))],
            place=[EntityTag(id=e, type="place") for e in entities if e.startswith("geo:")],
            organisation=[
                EntityTag(id=e, type="organisation") for e in entities if e.startswith("org:")
            ],
        )


def queries(seed: int, count: int, languages: dict[str, Language]) -> list[SearchQuery]:
    """One- and two-word queries in the three languages, a fifth of them filtered."""
    rng = random.Random(seed + 1)
    found = []
    for _ in range(count):
        lang = languages[rng.choice(["ar", "en", "fr"])]
        text = " ".join(rng.sample(lang.query_words, rng.choice([1, 1, 1, 2])))
        if lang.code == "ar" and rng.random() < 0.5:
            text = rng.choice(["ب", "و", "لل"]) + text.removeprefix("ال")
        kind = rng.random()
        if kind < 0.1:
            found.append(SearchQuery(text=text, lang=lang.code))
        elif kind < 0.15:
            found.append(SearchQuery(text=text, entity=rng.choice(ENTITIES)))
        elif kind < 0.2:
            found.append(
                SearchQuery(
                    text=text,
                    topic=rng.choice(TOPICS),
                    since=T0 + timedelta(days=30),
                    until=T0 + timedelta(days=60),
                )
            )
        else:
            found.append(SearchQuery(text=text))
    return found


@dataclass
class Figures:
    backend: str
    inserts_per_second: float = 0.0
    updates_per_second: float = 0.0
    insert_cpu_us: float = 0.0
    update_cpu_us: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    mean_hits: float = 0.0
    stored: int = 0


def write_phase(
    store: SqlArticleStore, stream: Iterator[EnrichedArticle], count: int, batch: int, label: str
) -> tuple[float, float]:
    """Articles written per second, and CPU microseconds of this process per article."""
    written = 0
    elapsed = 0.0
    cpu = 0.0
    with Progress(
        f"[bold]{label}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(label, total=count)
        while written < count:
            chunk = list(itertools.islice(stream, batch))
            if not chunk:
                break
            started, cpu_started = time.perf_counter(), time.process_time()
            store.write_batch(chunk, [])
            elapsed += time.perf_counter() - started
            cpu += time.process_time() - cpu_started
            written += len(chunk)
            progress.update(task, completed=written)
    return written / elapsed, cpu * 1e6 / written


def search_phase(store: SqlArticleStore, searches: list[SearchQuery]) -> tuple[list[float], int]:
    for query in searches[:20]:
        store.search(query)
    timings = []
    hits = 0
    for query in searches:
        started = time.perf_counter()
        hits += len(store.search(query))
        timings.append((time.perf_counter() - started) * 1000)
    return timings, hits


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def run_backend(name: str, store: SqlArticleStore, args: argparse.Namespace) -> Figures:
    languages = build_languages(args.seed)
    store.migrate()
    figures = Figures(name)
    stream = articles(args.seed, args.articles, languages)
    figures.inserts_per_second, figures.insert_cpu_us = write_phase(
        store, stream, args.articles, args.batch, f"{name} insert"
    )
    updates = (
        a.model_copy(
            update={
                "version": 2,
                "content_hash": hashlib.sha256(a.content_hash.encode()).hexdigest(),
            }
        )
        for a in articles(args.seed, args.updates, languages)
    )
    figures.updates_per_second, figures.update_cpu_us = write_phase(
        store, updates, args.updates, args.batch, f"{name} update"
    )
    figures.stored = store.counts().articles
    timings, hits = search_phase(store, queries(args.seed, args.queries, languages))
    figures.p50_ms = percentile(timings, 50)
    figures.p95_ms = percentile(timings, 95)
    figures.p99_ms = percentile(timings, 99)
    figures.mean_hits = hits / len(timings)
    return figures


def loop_turn_ns() -> float:
    """Nanoseconds per empty Python loop turn: how loaded the machine is."""
    started = time.perf_counter()
    for _ in range(10**6):
        pass
    return (time.perf_counter() - started) * 1000


def postgres_url(args: argparse.Namespace) -> str:
    if args.database_url:
        return str(args.database_url)
    if os.environ.get("NEWSWIRE_DATABASE_URL"):
        return os.environ["NEWSWIRE_DATABASE_URL"]
    settings = Settings()
    up(settings, ["postgres"])
    return postgres_dsn(settings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--updates", type=int, default=20_000, help="new versions written after")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    results = []
    load_before = loop_turn_ns()
    for backend in args.backends.split(","):
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                store = SqliteStore(Path(tmp) / "bench.db")
                try:
                    results.append(run_backend("sqlite", store, args))
                finally:
                    store.close()
        elif backend == "postgres":
            dsn = postgres_url(args)
            schema = f"bench_{uuid.uuid4().hex[:8]}"
            pg = PostgresStore(dsn, schema=schema)
            try:
                results.append(run_backend("postgres", pg, args))
            finally:
                pg.close()
                with psycopg.connect(dsn, autocommit=True) as conn:
                    conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))
        else:
            parser.error(f"unknown backend {backend!r}")

    table = Table(
        title=f"storage: {args.articles:,} articles + {args.updates:,} new versions, "
        f"batches of {args.batch}, {args.queries} searches"
    )
    for column in (
        "backend",
        "inserts/s",
        "updates/s",
        "insert CPU µs",
        "update CPU µs",
        "stored",
        "search p50 ms",
        "p95 ms",
        "p99 ms",
        "hits/query",
    ):
        table.add_column(column, justify="right")
    for f in results:
        table.add_row(
            f.backend,
            f"{f.inserts_per_second:,.0f}",
            f"{f.updates_per_second:,.0f}",
            f"{f.insert_cpu_us:,.0f}",
            f"{f.update_cpu_us:,.0f}",
            f"{f.stored:,}",
            f"{f.p50_ms:.1f}",
            f"{f.p95_ms:.1f}",
            f"{f.p99_ms:.1f}",
            f"{f.mean_hits:.1f}",
        )
    console.print(table)
    console.print(
        f"{load_before:.0f} ns per empty loop turn before, {loop_turn_ns():.0f} after; "
        f"load average at end {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )


if __name__ == "__main__":
    main()
