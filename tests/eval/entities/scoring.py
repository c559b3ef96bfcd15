"""The labeled articles and micro precision / recall of entity tagging over them."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from newswire_text import analyze

from workers.enrich.entities import CANDIDATE_PREFIX, find_entities
from workers.gazetteer import get_gazetteer
from workers.text.normalize import normalize_text

HERE = Path(__file__).parent
LANGUAGES = ("ar", "en", "fr")


@dataclass(frozen=True)
class LabeledArticle:
    id: str
    language: str
    headline: str
    body: str
    expected: frozenset[str]

    @property
    def text(self) -> str:
        return f"{self.headline}\n{self.body}"


@dataclass
class Score:
    true_positives: int = 0
    false_positives: list[tuple[str, str]] = field(default_factory=list)
    false_negatives: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + len(self.false_positives)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + len(self.false_negatives)
        return self.true_positives / expected if expected else 1.0


def load_articles() -> list[LabeledArticle]:
    articles = []
    for language in LANGUAGES:
        document = tomllib.loads((HERE / f"{language}.toml").read_text(encoding="utf-8"))
        for raw in document["article"]:
            articles.append(
                LabeledArticle(
                    raw["id"],
                    language,
                    raw["headline"],
                    raw["body"],
                    frozenset(_label(label) for label in raw["entities"]),
                )
            )
    return articles


def _label(label: str) -> str:
    """Candidate labels are written as read; ids compare in normalized form."""
    if label.startswith(CANDIDATE_PREFIX):
        return CANDIDATE_PREFIX + normalize_text(label.removeprefix(CANDIDATE_PREFIX))
    return label


def predicted_ids(article: LabeledArticle) -> set[str]:
    text = article.text
    tags = find_entities(get_gazetteer(), analyze(text), article.language)
    return {tag.id for tag in tags}


def score(articles: list[LabeledArticle]) -> Score:
    result = Score()
    for article in articles:
        predicted = predicted_ids(article)
        result.true_positives += len(predicted & article.expected)
        result.false_positives += [(article.id, i) for i in sorted(predicted - article.expected)]
        result.false_negatives += [(article.id, i) for i in sorted(article.expected - predicted)]
    return result


if __name__ == "__main__":
    for language in (*LANGUAGES, None):
        chosen = [a for a in load_articles() if language in (None, a.language)]
        s = score(chosen)
        print(f"{language or 'all'}: {len(chosen)} articles P={s.precision:.3f} R={s.recall:.3f}")
        if language is None:
            print("false positives:", *s.false_positives, sep="\n  ")
            print("false negatives:", *s.false_negatives, sep="\n  ")
