"""Topic tagging step: IPTC Media Topics (top level) from multilingual keyword
lexicons (`workers/data/topics/<lang>.toml`), multi-label and scored.

Every lexicon is matched in one phrase-matcher pass over the normalized text
(whole words; Arabic proclitics handled as for entities; longest match wins, so
"air strike" counts once, for conflict, and not also as "strike" for labour). A topic's
weight is the sum of its keyword weights over all mentions; its score is
weight / (weight + HALF_SCORE_WEIGHT), so 0.5 at that weight, approaching 1."""

from __future__ import annotations

import threading
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from newswire_text import Analysis, PhraseMatcher

from workers.gazetteer.inflection import arabic_variants, is_arabic
from workers.models import EnrichedArticle, Subject, assemble, evolve
from workers.text.analysis import article_analysis
from workers.text.normalize import normalize_text

SCHEME = "medtop"
MEDIA_TOPICS: dict[str, str] = {
    "medtop:01000000": "arts, culture, entertainment and media",
    "medtop:02000000": "crime, law and justice",
    "medtop:03000000": "disaster, accident and emergency incident",
    "medtop:04000000": "economy, business and finance",
    "medtop:05000000": "education",
    "medtop:06000000": "environment",
    "medtop:07000000": "health",
    "medtop:08000000": "human interest",
    "medtop:09000000": "labour",
    "medtop:10000000": "lifestyle and leisure",
    "medtop:11000000": "politics",
    "medtop:12000000": "religion",
    "medtop:13000000": "science and technology",
    "medtop:14000000": "society",
    "medtop:15000000": "sport",
    "medtop:16000000": "conflict, war and peace",
    "medtop:17000000": "weather",
}
LEXICON_LANGUAGES = ("ar", "en", "fr")
STRONG_WEIGHT = 2.0
WEAK_WEIGHT = 1.0
HALF_SCORE_WEIGHT = 4.0
MIN_WEIGHT = 3.0  # a topic needs at least this much evidence...
MIN_SHARE_OF_BEST = 0.25  # ...and a quarter of the best topic's weight
MAX_TOPICS = 5
NEUTRAL = "neutral"  # lexicon table of names whose words are no evidence ("Workers' Party")


@dataclass(slots=True)
class TopicLexicon:
    codes: list[str]
    matcher: PhraseMatcher
    """Keywords weighted towards topics (indexed like `codes`)."""

    def weights(self, analysis: Analysis) -> list[float]:
        """Evidence per topic (indexed like `codes`) in the analysed text."""
        totals = self.matcher.weigh(analysis)
        return totals + [0.0] * (len(self.codes) - len(totals))


def _surface_keys(word: str) -> list[str]:
    normalized = normalize_text(word)
    if not normalized:
        return []
    if is_arabic(normalized):
        return [variant for variant, _ in arabic_variants(normalized)]
    forms = [normalized]
    if " " not in normalized and not normalized.endswith(("s", "x")) and len(normalized) > 3:
        forms.append(normalized + "s")
    return forms


def build_lexicon(documents: dict[str, dict[str, Any]]) -> TopicLexicon:
    codes = list(MEDIA_TOPICS)
    index_of = {code.split(":", 1)[1]: i for i, code in enumerate(codes)}
    collected: dict[str, dict[int, float]] = {}
    for document in documents.values():
        for phrase in document.get(NEUTRAL, {}).get("phrases", []):
            for key in _surface_keys(phrase):
                collected.setdefault(key, {})
        for number, table in document.items():
            if number == NEUTRAL:
                continue
            topic = index_of[number]
            for field, weight in (("strong", STRONG_WEIGHT), ("keywords", WEAK_WEIGHT)):
                for word in table.get(field, []):
                    for key in _surface_keys(word):
                        hits = collected.setdefault(key, {})
                        hits[topic] = max(hits.get(topic, 0.0), weight)
    weights = [list(found.items()) for found in collected.values()]
    return TopicLexicon(codes, PhraseMatcher(list(collected), weights=weights))


def packaged_lexicons() -> dict[str, dict[str, Any]]:
    folder = resources.files("workers").joinpath("data", "topics")
    return {
        lang: tomllib.loads(folder.joinpath(f"{lang}.toml").read_text(encoding="utf-8"))
        for lang in LEXICON_LANGUAGES
    }


_lock = threading.Lock()
_lexicon: TopicLexicon | None = None


def get_lexicon() -> TopicLexicon:
    global _lexicon
    lexicon = _lexicon
    if lexicon is not None:
        return lexicon
    with _lock:
        if _lexicon is None:
            _lexicon = build_lexicon(packaged_lexicons())
        return _lexicon


def score_topics(lexicon: TopicLexicon, analysis: Analysis) -> list[Subject]:
    totals = lexicon.weights(analysis)
    best = max(totals, default=0.0)
    floor = max(MIN_WEIGHT, best * MIN_SHARE_OF_BEST)
    ranked = sorted(
        (
            (weight, code)
            for code, weight in zip(lexicon.codes, totals, strict=True)
            if weight >= floor
        ),
        reverse=True,
    )[:MAX_TOPICS]
    return [
        assemble(
            Subject,
            {
                "code": code,
                "name": MEDIA_TOPICS[code],
                "score": round(weight / (weight + HALF_SCORE_WEIGHT), 3),
                "scheme": SCHEME,
                "origin": "enrichment",
            },
        )
        for weight, code in ranked
    ]


def tag_topics(article: EnrichedArticle) -> EnrichedArticle:
    """Add scored Media Topics to `subject`, keeping the subjects the source gave."""
    analysis = article_analysis(article.headline, article.body_text)
    kept = [s for s in article.subject if s.origin != "enrichment"]
    return evolve(article, {"subject": kept + score_topics(get_lexicon(), analysis)})
