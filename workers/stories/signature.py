"""An enriched article's event signature: what two independent reports of one
event share whatever their wording (docs/ARCHITECTURE.md, Stories)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import orjson

from workers.models import EnrichedArticle
from workers.stories.numbers import numbers_of
from workers.text.analysis import Analysis, analyze_article
from workers.text.arabic import ARTICLE_FORMS, starts_arabic
from workers.text.language import FUNCTION_WORDS
from workers.times import utc

MAX_WORDS = 40
"""Content words kept per article, in the order they first appear: agencies put the
facts of an event in the headline and the first paragraphs."""
MIN_LATIN_WORD = 5
MIN_ARABIC_WORD = 4
FEATURE_KEYS = (
    ("people", "p:"),
    ("organisations", "o:"),
    ("places", "l:"),
    ("words", "w:"),
    ("numbers", "n:"),
)
"""The kinds of a signature's features, each with the prefix of its keys."""


@dataclass(frozen=True, slots=True)
class EventSignature:
    uri: str
    time: float
    """`firstcreated` (else `versioncreated`, else the fetch time), seconds since the epoch."""
    people: frozenset[str]
    organisations: frozenset[str]
    places: frozenset[str]
    dateline: str | None
    topic: str | None
    words: frozenset[str]
    numbers: frozenset[str]
    slots: frozenset[tuple[str, str, str]]

    def features(self) -> frozenset[str]:
        """The keys it is found by among recent stories."""
        return frozenset(key + x for kind, key in FEATURE_KEYS for x in getattr(self, kind))

    def to_json(self) -> bytes:
        return orjson.dumps(
            {
                "uri": self.uri,
                "time": self.time,
                "people": sorted(self.people),
                "organisations": sorted(self.organisations),
                "places": sorted(self.places),
                "dateline": self.dateline,
                "topic": self.topic,
                "words": sorted(self.words),
                "numbers": sorted(self.numbers),
                "slots": sorted(self.slots),
            }
        )

    @classmethod
    def from_json(cls, raw: bytes | str) -> EventSignature:
        data = orjson.loads(raw)
        return cls(
            uri=data["uri"],
            time=float(data["time"]),
            people=frozenset(data["people"]),
            organisations=frozenset(data["organisations"]),
            places=frozenset(data["places"]),
            dateline=data["dateline"],
            topic=data["topic"],
            words=frozenset(data["words"]),
            numbers=frozenset(data["numbers"]),
            slots=frozenset(tuple(s) for s in data["slots"]),
        )


def _stem(word: str) -> str:
    """The word without the article and its proclitic, if what remains is long enough."""
    for prefix in ARTICLE_FORMS:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_ARABIC_WORD - 1:
            return word[len(prefix) :]
    return word


def content_words(tokens: Iterable[str], language: str | None) -> frozenset[str]:
    """Distinct long words of normalized tokens, function words and numbers left out."""
    skip = FUNCTION_WORDS.get(language or "", frozenset())
    kept: dict[str, None] = {}
    for token in tokens:
        if token[:1].isdigit() or token in skip:
            continue
        if starts_arabic(token):
            word = _stem(token)
            if len(word) < MIN_ARABIC_WORD:
                continue
        elif len(token) < MIN_LATIN_WORD:
            continue
        else:
            word = token
        kept[word] = None
        if len(kept) >= MAX_WORDS:
            break
    return frozenset(kept)


def article_time(article: EnrichedArticle) -> datetime:
    return utc(article.firstcreated or article.versioncreated or article.fetched_at)


def event_signature(article: EnrichedArticle, analysis: Analysis | None = None) -> EventSignature:
    """`analysis`: the article's `analyze_article`, when the caller made it already."""
    if analysis is None:
        analysis = analyze_article(article.headline, article.body_text)
    tokens = analysis.normalized.split(" ")
    numbers = numbers_of(
        f"{article.headline}\n{article.body_text}",
        tokens,
        skip=article.dateline.raw if article.dateline else "",
    )
    dateline = article.dateline.place if article.dateline else None
    return EventSignature(
        uri=article.uri,
        time=article_time(article).timestamp(),
        people=frozenset(tag.id for tag in article.person),
        organisations=frozenset(tag.id for tag in article.organisation),
        places=frozenset(tag.id for tag in article.place),
        dateline=dateline.casefold() if dateline else None,
        topic=article.subject[0].code if article.subject else None,
        words=content_words(tokens, article.language),
        numbers=numbers.values,
        slots=numbers.slots,
    )
