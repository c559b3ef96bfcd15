"""The labelled articles of this folder and how tagging scores on them: micro
precision and recall of entity tags (per language, per type, per batch) and the
primary IPTC Media Topic.

    .venv/bin/python tests/eval/entities/scoring.py [--set batch1] [--errors]

Every article goes through the enrichment steps as the pipeline runs them
(dateline, entities, topics; the language is the one the file is written in).
The module imports nothing from `tests`, so that it can score other code given
on `PYTHONPATH` (an older checkout, for before/after figures)."""

from __future__ import annotations

import argparse
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from workers.enrich.resources import Resources
from workers.enrich.steps import DATELINE, ENTITIES, TOPICS, run_steps
from workers.models import EnrichedArticle, Source
from workers.settings import Settings
from workers.text.normalize import normalize_text

HERE = Path(__file__).parent
LANGUAGES = ("ar", "en", "fr")
TYPES = ("place", "organisation", "person")
LABEL_FIELDS = {"places": "place", "organisations": "organisation", "people": "person"}
CANDIDATE = "candidate:"
ALTERNATIVE = "|"


@dataclass(frozen=True)
class Expected:
    """One entity the article names: any of `ids` found with this type counts."""

    type: str
    ids: frozenset[str]


@dataclass(frozen=True)
class LabeledArticle:
    id: str
    set: str
    language: str
    headline: str
    body: str
    expected: tuple[Expected, ...]
    acceptable: frozenset[str]
    """Tags that are not wrong and not required: generic or partial names."""
    topic: str
    """The primary Media Topic, as its eight digits."""

    @property
    def text(self) -> str:
        return f"{self.headline}\n{self.body}"


def label_id(label: str) -> str:
    """Candidate labels are written as read; they compare in normalized form."""
    if label.startswith(CANDIDATE):
        return CANDIDATE + normalize_text(label.removeprefix(CANDIDATE))
    return label


HELD_OUT_SETS = frozenset(
    {
        "batch3",
        "batch5",
        "batch8",
        "batch10",
        "batch12",
        "batch14",
        "batch31",
        "batch33",
        "batch35",
        "batch37",
        "batch39",
        "batch41",
        "batch43",
        "batch45",
        "batch47",
        "batch49",
        "batch51",
        "batch53",
        "batch55",
        "batch57",
        "batch59",
        "batch61",
        "batch63",
        "batch65",
        "batch67",
        "batch69",
        "batch71",
        "batch73",
    }
)
"""Batches labelled and then kept unread: their totals are reported (bench/RESULTS.md),
never their misses. No test asserts on them, since a failing assertion prints its
misses and a fix made from those would leave no unseen text to measure on."""


def _file_set(path: Path) -> tuple[str, str]:
    """`ar.toml` -> ("base", "ar"); `batch1-ar.toml` -> ("batch1", "ar")."""
    name, _, language = path.stem.rpartition("-")
    return name or "base", language


def load_articles(sets: Iterable[str] | None = None) -> list[LabeledArticle]:
    wanted = set(sets) if sets is not None else None
    articles = []
    for path in sorted(HERE.glob("*.toml")):
        set_name, language = _file_set(path)
        if language not in LANGUAGES or (wanted is not None and set_name not in wanted):
            continue
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        for raw in document["article"]:
            expected = tuple(
                Expected(kind, frozenset(label_id(a) for a in label.split(ALTERNATIVE)))
                for name, kind in LABEL_FIELDS.items()
                for label in raw[name]
            )
            articles.append(
                LabeledArticle(
                    raw["id"],
                    set_name,
                    language,
                    raw["headline"],
                    raw["body"],
                    expected,
                    frozenset(
                        label_id(a)
                        for label in raw.get("acceptable", [])
                        for a in label.split(ALTERNATIVE)
                    ),
                    raw["topic"],
                )
            )
    return articles


def enrich(article: LabeledArticle, resources: Resources) -> EnrichedArticle:
    item = EnrichedArticle(
        uri=f"eval:{article.id}",
        headline=article.headline,
        body_text=article.body,
        language=article.language,
        source=Source(feed_id="eval", format="text", parser="eval"),
        fetched_at=datetime(2025, 1, 1, tzinfo=UTC),
        content_hash="0" * 64,
    )
    return run_steps([DATELINE, ENTITIES, TOPICS], item, resources)


@dataclass
class Score:
    true_positives: int = 0
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    """(article, type, id)"""
    false_negatives: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + len(self.false_positives)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + len(self.false_negatives)
        return self.true_positives / expected if expected else 1.0


@dataclass
class Result:
    entities: Score = field(default_factory=Score)
    by_type: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in TYPES})
    topics_right: int = 0
    topic_misses: list[tuple[str, str, str]] = field(default_factory=list)
    """(article, expected, predicted)"""

    @property
    def topic_accuracy(self) -> float:
        total = self.topics_right + len(self.topic_misses)
        return self.topics_right / total if total else 1.0


def predicted_tags(item: EnrichedArticle) -> set[tuple[str, str]]:
    return {(tag.type, tag.id) for tag in (*item.place, *item.organisation, *item.person)}


def score(articles: Iterable[LabeledArticle], resources: Resources) -> Result:
    result = Result()
    for article in articles:
        item = enrich(article, resources)
        _score_entities(article, predicted_tags(item), result)
        topics = [s.code for s in item.subject if s.origin == "enrichment"]
        top = topics[0] if topics else "none"
        if top == f"medtop:{article.topic}":
            result.topics_right += 1
        else:
            result.topic_misses.append((article.id, article.topic, top))
    return result


def _score_entities(
    article: LabeledArticle, predicted: set[tuple[str, str]], result: Result
) -> None:
    for expected in article.expected:
        found = any((expected.type, i) in predicted for i in expected.ids)
        for score in (result.entities, result.by_type[expected.type]):
            if found:
                score.true_positives += 1
            else:
                score.false_negatives.append((article.id, expected.type, "|".join(expected.ids)))
    right = {(e.type, i) for e in article.expected for i in e.ids}
    typed = {i for _, i in right}
    for kind, tag_id in sorted(predicted):
        if (kind, tag_id) in right or (tag_id in article.acceptable and tag_id not in typed):
            continue
        for score in (result.entities, result.by_type[kind]):
            score.false_positives.append((article.id, kind, tag_id))


def report(articles: list[LabeledArticle], resources: Resources, errors: bool) -> None:
    groups = [(s, sorted({a.set for a in articles})) for s in sorted({a.set for a in articles})]
    for name, sets in [*((s, [s]) for s, _ in groups), ("all", [s for s, _ in groups])]:
        for language in (*LANGUAGES, None):
            chosen = [a for a in articles if a.set in sets and language in (None, a.language)]
            if chosen:
                print(_line(f"{name} {language or 'all'}", chosen, score(chosen, resources)))
        result = score([a for a in articles if a.set in sets], resources)
        print(
            f"{name} by type: "
            + ", ".join(
                f"{kind} P={s.precision:.3f} R={s.recall:.3f}" for kind, s in result.by_type.items()
            )
        )
    if errors:
        result = score(articles, resources)
        print("false positives:", *result.entities.false_positives, sep="\n  ")
        print("false negatives:", *result.entities.false_negatives, sep="\n  ")
        print("topic misses:", *result.topic_misses, sep="\n  ")


def _line(name: str, chosen: list[LabeledArticle], result: Result) -> str:
    s = result.entities
    return (
        f"{name:12s} {len(chosen):3d} articles  P={s.precision:.3f} R={s.recall:.3f}"
        f"  topic={result.topic_accuracy:.3f}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Entity and topic scores on the labelled sets")
    parser.add_argument("--set", action="append", help="only these sets (base, batch1, ...)")
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()
    report(load_articles(args.set), Resources.of(Settings()), args.errors)
