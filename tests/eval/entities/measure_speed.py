"""Cost of the entity and topic steps per 5 KB article, and process memory.

    python -m tests.eval.entities.measure_speed

Arabic: the reference seed story cut at 5,000 UTF-8 bytes; English and French: two
wire stories of the evaluation set repeated to 5,000 bytes (~25 distinct entities).
The text is normalized once beforehand, as the pipeline's dedup step does. Times
are the best of several runs; the reference line times an empty Python loop, to
compare machines."""

from __future__ import annotations

import resource
import timeit
from collections.abc import Callable
from pathlib import Path

from tests.eval.entities.scoring import load_articles
from tests.unit.gazetteer_support import article
from workers.enrich.resources import Resources
from workers.enrich.steps import ENTITIES, TOPICS, run_steps
from workers.enrich.steps.entities import tag_entities
from workers.enrich.steps.topics import tag_topics
from workers.models import EnrichedArticle
from workers.settings import Settings
from workers.text.analysis import Analysis, analyze_article, article_text

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_cc6b534295ab8a14.txt"
SIZE = 5000


def _cut(text: str) -> str:
    return text.encode()[:SIZE].decode(errors="ignore")


def _repeated(*bodies: str) -> str:
    return _cut(("\n\n".join(bodies) + "\n\n") * 4)


def _best_us(work: Callable[[], object], number: int = 20, repeat: int = 30) -> float:
    return min(timeit.repeat(work, number=number, repeat=repeat)) / number * 1e6


def _step_costs(
    item: EnrichedArticle, analysis: Analysis, resources: Resources
) -> tuple[float, float]:
    """Topics are timed on the article with its entities, as the pipeline runs them."""
    tagged = tag_entities(item, analysis, resources)
    return (
        _best_us(lambda: tag_entities(item, analysis, resources)),
        _best_us(lambda: tag_topics(tagged, analysis, resources)),
    )


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    print(f"max RSS before loading: {_rss_mb():.0f} MB")
    resources = Resources.of(Settings())
    run_steps([ENTITIES, TOPICS], article("warm up"), resources)
    print(f"max RSS after building gazetteer and lexicons: {_rss_mb():.0f} MB")
    by_id = {a.id: a.body for a in load_articles()}
    inputs = {
        "ar": _cut(SEED.read_text(encoding="utf-8")),
        "en": _repeated(by_id["en-01-raqqa-evacuation"], by_id["en-08-gaza-ceasefire"]),
        "fr": _repeated(by_id["fr-01-raqa-evacuation"], by_id["fr-04-liban-frappes"]),
    }
    empty_loop = _best_us(lambda: [None for _ in range(1000)])
    print(f"reference: a 1,000-step list comprehension takes {empty_loop:.0f} us here")
    for lang, body in inputs.items():
        item = article(body, headline="Headline", language=lang)
        analysis = analyze_article(item.headline, item.body_text)
        tagged = run_steps([ENTITIES, TOPICS], item, resources)
        entities, topics = _step_costs(item, analysis, resources)
        count = len(tagged.place) + len(tagged.organisation) + len(tagged.person)
        size = len(article_text(item.headline, item.body_text).encode())
        print(
            f"{lang}: {size} B, {count} entity tags, "
            f"{len(tagged.subject)} topics: entities {entities:.0f} us + topics {topics:.0f} us "
            f"= {entities + topics:.0f} us per article"
        )


if __name__ == "__main__":
    main()
