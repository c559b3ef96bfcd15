"""Entity tagging step: places, organisations and people from the gazetteer, plus
person candidates found by trigger words.

Offsets and surface forms refer to `article_text`, the headline and the
body joined by one newline: `first_offset` is the character offset of the first
mention in that string, and surface forms are the mentions as written there
(proclitics included: "والرقة")."""

from __future__ import annotations

from dataclasses import dataclass

from newswire_text import Analysis

from workers.gazetteer import Gazetteer, get_gazetteer
from workers.gazetteer.inflection import is_arabic
from workers.models import EnrichedArticle, EntityTag, assemble, evolve
from workers.text.analysis import article_analysis

CANDIDATE_PREFIX = "candidate:"
CANDIDATE_CONFIDENCE = 0.5
ADJECTIVE_ONLY_FACTOR = 0.85  # "Syrian troops" names Syria less surely than "Syria"


@dataclass(frozen=True, slots=True)
class _Templates:
    """Per gazetteer entry, the tag fields that do not depend on the mentions, with the
    confidence of an entry named (first) and of one met only as an adjective."""

    fields: list[tuple[dict[str, object], float, float]]


_made: tuple[Gazetteer, _Templates] | None = None


def _templates(gazetteer: Gazetteer) -> _Templates:
    global _made
    if _made is not None and _made[0] is gazetteer:
        return _made[1]
    made = _Templates(
        [
            (
                {"id": entry.id, "type": entry.type, "names": names, "candidate": False},
                round(entry.confidence, 3),
                round(entry.confidence * ADJECTIVE_ONLY_FACTOR, 3),
            )
            for entry, names in zip(gazetteer.entries, gazetteer.displays, strict=True)
        ]
    )
    _made = (gazetteer, made)
    return made


def find_entities(
    gazetteer: Gazetteer, analysis: Analysis, language: str | None = None
) -> list[EntityTag]:
    """Entity tags for the analysed text, in order of first mention. Mentions of one
    key (so normalizing alike: "الرقة", "الرقه") share one surface form, the first
    as written."""
    known, people = gazetteer.finder.find(analysis, language)
    templates = _templates(gazetteer).fields
    tags: list[EntityTag] = []
    for index, first_offset, count, named, surfaces in known:
        fields, named_confidence, adjective_confidence = templates[index]
        tags.append(
            assemble(
                EntityTag,
                {
                    **fields,
                    "surface_forms": surfaces,
                    "count": count,
                    "first_offset": first_offset,
                    "confidence": named_confidence if named else adjective_confidence,
                },
            )
        )
    for name, first_offset, count, surfaces in people:
        lang = "ar" if is_arabic(name) else (language or "en")
        tags.append(
            assemble(
                EntityTag,
                {
                    "id": CANDIDATE_PREFIX + name,
                    "type": "person",
                    "names": {lang: surfaces[0]},
                    "surface_forms": surfaces,
                    "count": count,
                    "first_offset": first_offset,
                    "confidence": CANDIDATE_CONFIDENCE,
                    "candidate": True,
                },
            )
        )
    if people:
        tags.sort(key=_first_offset)
    return tags


def _first_offset(tag: EntityTag) -> int:
    return tag.first_offset


def tag_entities(article: EnrichedArticle) -> EnrichedArticle:
    """Fill `place`, `organisation` and `person`."""
    analysis = article_analysis(article.headline, article.body_text)
    tags = find_entities(get_gazetteer(), analysis, article.language)
    by_type: dict[str, list[EntityTag]] = {"place": [], "organisation": [], "person": []}
    for tag in tags:
        by_type[tag.type].append(tag)
    return evolve(article, by_type)
