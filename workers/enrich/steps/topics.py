"""Topic tagging step: IPTC Media Topics (top level) from multilingual keyword
lexicons (`workers/data/topics/<lang>.toml`), multi-label and scored.

Three kinds of evidence add up per topic (docs/ARCHITECTURE.md, "Tagging"):

- **Words** of the text: every lexicon is matched in one phrase-matcher pass over the
  normalized text (whole words; Arabic proclitics handled as for entities; longest
  match wins, so "air strike" counts once, for conflict, and not also as "strike" for
  labour). A keyword weighs its `strong` or `keywords` weight per mention.
- **The headline**, matched alone, counts once more at `HEADLINE_WEIGHT`: the desk
  writes there what the story is about, and the body's background (the war behind
  an airport's traffic figures) only there.
- **The event the headline names**, where a lexicon's `events` list has it, gives its
  topic `EVENT_WEIGHT` and `EVENT_SHARE` of the best topic's other evidence, once: a
  strike is labour's whatever trade strikes, though the
  story of a teachers' strike speaks of schools throughout ("Kenyan doctors strike
  over pay", "إضراب شامل في مدارس الضفة الغربية").
- **Organisations** the article names point to a topic once each, at `ENTITY_WEIGHT`:
  a known body through `workers/data/topics/bodies.toml` (a club to sport, a central
  bank to economy), any other through the words of its name in the lexicons'
  `organisations` lists ("University of ...", "محكمة ...", "Syndicat ..."), unless
  its name holds a word of a `deciding` list, which alone then says its topic: a
  union is labour's whatever trade it organises ("النقابة الوطنية للتعليم").

A topic's score is weight / (weight + HALF_SCORE_WEIGHT), so 0.5 at that weight,
approaching 1."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from newswire_text import Analysis, PhraseMatcher, analyze

from workers.gazetteer.inflection import arabic_variants, sound_forms
from workers.models import EnrichedArticle, EntityTag, Subject, assemble, evolve
from workers.text.arabic import ARTICLE, is_arabic
from workers.text.normalize import normalize_text

if TYPE_CHECKING:
    from workers.enrich.resources import Resources

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
BODIES = "bodies"
STRONG_WEIGHT = 2.0
WEAK_WEIGHT = 1.0
HEADLINE_WEIGHT = 1.0
"""Extra weight of a keyword in the headline, per mention, on top of its own."""
LEAD_WEIGHT = 1.0
"""Extra weight of a keyword in the lead, the body's first paragraph, per mention: wire
copy says there what happened, and the background (the drought behind a dam's
financing) comes after."""
PARAGRAPH_BREAK = "\n\n"
EVENT_WEIGHT = 10.0
EVENT_SHARE = 0.4
"""A topic whose event the headline names gains, once, `EVENT_WEIGHT` and this share
of the best topic's other evidence: a long story's background vocabulary grows with
its length, and would otherwise outweigh what the headline says happened."""
ENTITY_WEIGHT = 2.0
"""Weight an organisation adds to each topic it points to, however often it is named."""
HALF_SCORE_WEIGHT = 4.0
MIN_WEIGHT = 3.0  # a topic needs at least this much evidence...
MIN_SHARE_OF_BEST = 0.25  # ...and a quarter of the best topic's weight
MAX_TOPICS = 5
NEUTRAL = "neutral"  # lexicon table of names whose words are no evidence ("Workers' Party")
CANDIDATE = "candidate:"
MAX_REMEMBERED_BODIES = 20_000
"""Organisations whose topics are remembered (by tag id) before the memory starts over."""


@dataclass(slots=True)
class TopicLexicon:
    codes: list[str]
    matcher: PhraseMatcher
    """Keywords weighted towards topics (indexed like `codes`)."""
    cues: PhraseMatcher
    """Words of organisation names weighted towards topics."""
    deciding: PhraseMatcher
    """Words of organisation names that alone say the topic where they stand."""
    events: PhraseMatcher
    """Words that, in a headline, name the story's event as a topic's ("strike")."""
    event_topics: list[tuple[int, ...]] = field(default_factory=list)
    """Per phrase of `events`, its topics."""
    warnings: frozenset[str] = frozenset()
    """Words of a warning: an event a headline names right after one is feared, not
    the story's ("تحذيرات من جريان السيول", "flood warning")."""
    bodies: dict[str, int] = field(default_factory=dict)
    """Gazetteer id of a known body -> its topic (index into `codes`)."""
    _pointed: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def weights(self, analysis: Analysis) -> list[float]:
        """Evidence per topic (indexed like `codes`) in the analysed text."""
        totals = self.matcher.weigh(analysis)
        return totals + [0.0] * (len(self.codes) - len(totals))

    def pointed_to(self, organisation: EntityTag) -> tuple[int, ...]:
        """The topics an organisation's identity or name points to (indexes into `codes`)."""
        found = self._pointed.get(organisation.id)
        if found is not None:
            return found
        if organisation.id in self.bodies:
            found = (self.bodies[organisation.id],)
        else:
            found = self._named(organisation)
        if len(self._pointed) >= MAX_REMEMBERED_BODIES:
            self._pointed.clear()
        self._pointed[organisation.id] = found
        return found

    def _named(self, organisation: EntityTag) -> tuple[int, ...]:
        if organisation.id.startswith(CANDIDATE):
            names: Iterable[str] = (organisation.id.removeprefix(CANDIDATE),)
        else:
            names = organisation.names.values() or organisation.surface_forms
        name = analyze("\n".join(names))
        totals = self.deciding.weigh(name)
        if not any(totals):
            totals = self.cues.weigh(name)
        return tuple(i for i, weight in enumerate(totals) if weight > 0.0)


def _surface_keys(word: str) -> list[str]:
    normalized = normalize_text(word)
    if not normalized:
        return []
    if is_arabic(normalized):
        # a noun is met with the article as often as without ("زلزال", "الزلزال"),
        # and in its plurals and duals ("المزارعين", "حكومات")
        definite = (
            [ARTICLE + normalized]
            if " " not in normalized and not normalized.startswith(ARTICLE)
            else []
        )
        arabic = (normalized, *definite, *sound_forms(normalized))
        return [variant for form in arabic for variant, _ in arabic_variants(form)]
    forms = [normalized]
    if " " not in normalized and not normalized.endswith(("s", "x")) and len(normalized) > 3:
        forms.append(normalized + "s")
    return forms


def _phrase_matcher(collected: dict[str, dict[int, float]]) -> PhraseMatcher:
    weights = [list(found.items()) for found in collected.values()]
    return PhraseMatcher(list(collected), weights=weights)


def build_lexicon(
    documents: dict[str, dict[str, Any]], bodies: dict[str, list[str]] | None = None
) -> TopicLexicon:
    """`documents`: the lexicon of each language; `bodies`: topic number -> gazetteer
    ids of the bodies that point to it."""
    codes = list(MEDIA_TOPICS)
    index_of = {code.split(":", 1)[1]: i for i, code in enumerate(codes)}
    collected: dict[str, dict[int, float]] = {}
    events: dict[str, dict[int, float]] = {}
    cues: dict[str, dict[int, float]] = {}
    deciding: dict[str, dict[int, float]] = {}
    warnings: set[str] = set()
    for document in documents.values():
        for phrase in document.get(NEUTRAL, {}).get("phrases", []):
            for key in _surface_keys(phrase):
                collected.setdefault(key, {})
        for word in document.get(NEUTRAL, {}).get("warnings", []):
            warnings.update(_surface_keys(word))
        for number, table in document.items():
            if number == NEUTRAL:
                continue
            topic = index_of[number]
            for field_name, weight in (("strong", STRONG_WEIGHT), ("keywords", WEAK_WEIGHT)):
                for word in table.get(field_name, []):
                    for key in _surface_keys(word):
                        hits = collected.setdefault(key, {})
                        hits[topic] = max(hits.get(topic, 0.0), weight)
            for field_name, words in (
                ("organisations", cues),
                ("deciding", deciding),
                ("events", events),
            ):
                for word in table.get(field_name, []):
                    for key in _surface_keys(word):
                        words.setdefault(key, {})[topic] = 1.0
    known = {body: index_of[number] for number, ids in (bodies or {}).items() for body in ids}
    return TopicLexicon(
        codes,
        _phrase_matcher(collected),
        _phrase_matcher(cues),
        _phrase_matcher(deciding),
        _phrase_matcher(events),
        bodies=known,
        event_topics=[tuple(found) for found in events.values()],
        warnings=frozenset(warnings),
    )


def _events(lexicon: TopicLexicon, headline: Analysis) -> list[int]:
    """The topics of the events the headline names, less those a warning word stands
    before anywhere in it: what a warning is of, and the list it goes on with, is
    feared ("تحذيرات من جريان السيول", "warns of heavy El Nino rains, floods in
    north-east"); an event before the warning happened ("Floods kill 10 as agency
    warns of more rain")."""
    words = headline.words()
    return sorted(
        {
            topic
            for hit in lexicon.events.resolve(headline)
            if not any(word in lexicon.warnings for word in words[: hit.first])
            for topic in lexicon.event_topics[hit.phrase]
        }
    )


def packaged_lexicons() -> dict[str, dict[str, Any]]:
    folder = resources.files("workers").joinpath("data", "topics")
    return {
        lang: tomllib.loads(folder.joinpath(f"{lang}.toml").read_text(encoding="utf-8"))
        for lang in LEXICON_LANGUAGES
    }


def packaged_bodies() -> dict[str, list[str]]:
    folder = resources.files("workers").joinpath("data", "topics")
    document = tomllib.loads(folder.joinpath(f"{BODIES}.toml").read_text(encoding="utf-8"))
    return {number: list(ids) for number, ids in document[BODIES].items()}


def packaged_lexicon() -> TopicLexicon:
    """The lexicon of the packaged data (`workers/data/topics/`)."""
    return build_lexicon(packaged_lexicons(), packaged_bodies())


def score_topics(
    lexicon: TopicLexicon,
    analysis: Analysis,
    headline: Analysis | None = None,
    organisations: Iterable[EntityTag] = (),
    lead: Analysis | None = None,
) -> list[Subject]:
    """Topics of the text `analysis` holds, with `headline` (the headline alone), `lead`
    (the body's first paragraph alone) and the `organisations` tagged in the text as
    further evidence."""
    totals = lexicon.weights(analysis)
    events: list[int] = []
    for part, part_weight in ((headline, HEADLINE_WEIGHT), (lead, LEAD_WEIGHT)):
        if part is not None:
            for i, weight in enumerate(lexicon.weights(part)):
                totals[i] += part_weight * weight
    if headline is not None:
        events = _events(lexicon, headline)
    for organisation in organisations:
        for i in lexicon.pointed_to(organisation):
            totals[i] += ENTITY_WEIGHT
    evidence = max(totals, default=0.0)
    for i in events:
        totals[i] += EVENT_WEIGHT + EVENT_SHARE * evidence
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


def tag_topics(
    article: EnrichedArticle, analysis: Analysis, resources: Resources
) -> EnrichedArticle:
    """Add scored Media Topics to `subject`, keeping the subjects the source gave.
    Reads the organisations `tag_entities` found, when it ran before."""
    headline = analyze(article.headline) if article.headline.strip() else None
    subjects = score_topics(
        resources.lexicon, analysis, headline, article.organisation, _lead(article.body_text)
    )
    kept = [s for s in article.subject if s.origin != "enrichment"]
    return evolve(article, {"subject": kept + subjects})


def _lead(body: str) -> Analysis | None:
    """The body's first paragraph, analysed, when the body has more than one: a body of
    one paragraph is all lead, and counting it twice would outweigh the headline."""
    first, _, rest = body.strip().partition(PARAGRAPH_BREAK)
    return analyze(first) if rest.strip() else None
