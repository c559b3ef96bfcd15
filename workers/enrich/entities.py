"""Entity tagging step: places, organisations and people from the gazetteer, plus
person candidates found by trigger words.

Offsets and surface forms refer to `tagging_text(article)`, the headline and the
body joined by one newline: `first_offset` is the character offset of the first
mention in that string, and surface forms are the mentions as written there
(proclitics included: "والرقة")."""

from __future__ import annotations

from dataclasses import dataclass, field

from workers.gazetteer import Gazetteer, find_candidates, get_gazetteer, scan
from workers.gazetteer.build import IGNORED
from workers.gazetteer.inflection import is_arabic
from workers.gazetteer.model import Kind
from workers.models import EnrichedArticle, EntityTag, EntityType
from workers.text.normalize import normalize_text

CANDIDATE_PREFIX = "candidate:"
CANDIDATE_CONFIDENCE = 0.5
ADJECTIVE_ONLY_FACTOR = 0.85  # "Syrian troops" names Syria less surely than "Syria"


def tagging_text(article: EnrichedArticle) -> str:
    return f"{article.headline}\n{article.body_text}"


@dataclass(slots=True)
class _Found:
    id: str
    type: EntityType
    names: dict[str, str]
    confidence: float
    first_offset: int
    candidate: bool = False
    count: int = 0
    surface_forms: list[str] = field(default_factory=list)
    named: bool = False  # matched by a name, not only by an adjective

    def add(self, surface: str, named: bool) -> None:
        self.count += 1
        self.named = self.named or named
        if surface not in self.surface_forms:
            self.surface_forms.append(surface)

    def tag(self) -> EntityTag:
        confidence = self.confidence if self.named else self.confidence * ADJECTIVE_ONLY_FACTOR
        return _construct(
            {
                "id": self.id,
                "type": self.type,
                "names": dict(self.names),
                "surface_forms": self.surface_forms,
                "count": self.count,
                "first_offset": self.first_offset,
                "confidence": round(confidence, 3),
                "candidate": self.candidate,
            }
        )


_TAG_FIELDS = frozenset(EntityTag.model_fields)


def _construct(values: dict[str, object]) -> EntityTag:
    """`EntityTag.model_construct` without its per-call field walk (all fields are
    given, already valid): a 5 KB article yields dozens of tags."""
    tag = EntityTag.__new__(EntityTag)
    object.__setattr__(tag, "__dict__", values)
    object.__setattr__(tag, "__pydantic_fields_set__", set(_TAG_FIELDS))
    object.__setattr__(tag, "__pydantic_extra__", None)
    object.__setattr__(tag, "__pydantic_private__", None)
    return tag


def find_entities(
    gazetteer: Gazetteer, text: str, normalized: str, language: str | None = None
) -> list[EntityTag]:
    """Entity tags for `text` (whose `normalize_text` is `normalized`), in order of first
    mention. Mentions that normalize alike ("الرقة", "الرقه") share one surface form,
    the first as written."""
    result = scan(gazetteer, text, normalized)
    alignment = result.alignment
    entries = gazetteer.entries
    found: dict[str, _Found] = {}
    # (entry, normalized form) -> the tag counting it: mentions that normalize alike
    # need no new surface form, hence no look-up in the original text
    seen: dict[tuple[int, str], _Found] = {}
    for match in result.matches:
        index = match.entry
        if index == IGNORED:
            continue
        form = normalized[match.start : match.end]
        item = seen.get((index, form))
        if item is not None:
            item.count += 1
            continue
        entry = entries[index]
        first, last = alignment.span(match.start, match.end)
        item = found.get(entry.id)
        if item is None:
            names = gazetteer.displays[index]
            item = _Found(entry.id, entry.type, names, entry.confidence, first)
            found[entry.id] = item
        seen[index, form] = item
        surface = text[first:last] if alignment.aligned else form
        item.add(surface, match.kind == Kind.NAME)
    for person in find_candidates(gazetteer, result, language):
        key = CANDIDATE_PREFIX + person.name
        item = found.get(key)
        first, last = alignment.span(person.start, person.end)
        surface = text[first:last] if alignment.aligned else person.name
        if item is None:
            lang = "ar" if is_arabic(person.name) else (language or "en")
            item = _Found(key, "person", {lang: surface}, CANDIDATE_CONFIDENCE, first, True)
            found[key] = item
        item.add(surface, True)
    return [item.tag() for item in sorted(found.values(), key=lambda f: f.first_offset)]


def tag_entities(article: EnrichedArticle, normalized: str | None = None) -> EnrichedArticle:
    """Fill `place`, `organisation` and `person`. Pass `normalized` when the caller
    already has `normalize_text(tagging_text(article))`."""
    text = tagging_text(article)
    if normalized is None:
        normalized = normalize_text(text)
    tags = find_entities(get_gazetteer(), text, normalized, article.language)
    by_type: dict[str, list[EntityTag]] = {"place": [], "organisation": [], "person": []}
    for tag in tags:
        by_type[tag.type].append(tag)
    return article.model_copy(update=by_type)
