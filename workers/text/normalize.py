"""Text normalization (DESIGN.md, Deduplication semantics): the same story with
different diacritics, hamza spellings, digits, punctuation or case must
normalize to the same string.

`normalize_text` works word by word through a bounded cache: news vocabulary
repeats, so most words of a 5 KB article are cache hits and the Unicode work
(NFKC, folding, accent stripping) runs once per distinct word instead of
several regex passes over the whole text. Normalizing a text is the same as
normalizing its whitespace-separated pieces and joining them with spaces, which
callers may rely on."""

from __future__ import annotations

import re
import unicodedata

_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff]")
_TATWEEL = "\u0640"

# Zero-width and directional marks, soft hyphen, BOM: invisible inside words, so
# removed rather than turned into word breaks.
_INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")

_ARABIC_LETTERS = {
    "\u0622": "\u0627",  # آ -> ا
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0671": "\u0627",  # ٱ -> ا
    "\u0672": "\u0627",  # ٲ -> ا
    "\u0673": "\u0627",  # ٳ -> ا
    "\u0649": "\u064a",  # ى -> ي
    "\u0629": "\u0647",  # ة -> ه
    "\u0624": "\u0621",  # ؤ -> ء  (مسؤول / مسئول are one word)
    "\u0626": "\u0621",  # ئ -> ء
    "\u06cc": "\u064a",  # Farsi yeh -> ي
    "\u06d2": "\u064a",  # yeh barree -> ي
    "\u06a9": "\u0643",  # keheh -> ك
    "\u06c1": "\u0647",  # heh goal -> ه
    "\u06d5": "\u0647",  # ae -> ه
}
_DIGITS = {chr(base + d): str(d) for base in (0x0660, 0x06F0) for d in range(10)}
_LETTER_MAP = str.maketrans({**_ARABIC_LETTERS, **_DIGITS})

# Letters that NFD does not decompose but that French and other Latin spellings
# write two ways.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ð": "d", "þ": "th", "ł": "l"})

_NON_WORD = re.compile(r"[\W_]+")

WORD_CACHE_SIZE = 1 << 17


def fold_arabic(text: str) -> str:
    """Unify Arabic letter variants and digits, drop diacritics and tatweel; keep the rest."""
    text = _ARABIC_DIACRITICS.sub("", text).replace(_TATWEEL, "")
    return text.translate(_LETTER_MAP)


def strip_accents(text: str) -> str:
    """Combining marks off (é -> e, ç -> c) so spellings with and without accents match."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def normalize_word(word: str) -> str:
    """One whitespace-free chunk of text, normalized; may be empty or hold several words."""
    if word.isascii():
        folded = word.lower()
        return folded if folded.isalnum() else " ".join(_NON_WORD.sub(" ", folded).split())
    word = unicodedata.normalize("NFKC", word)
    word = _INVISIBLE.sub("", word)
    word = fold_arabic(word)
    word = strip_accents(word.casefold()).translate(_LIGATURES)
    return " ".join(_NON_WORD.sub(" ", word).split())


class _WordCache(dict[str, str]):
    """`normalize_word` memoized; emptied when full (the news vocabulary refills it quickly)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= WORD_CACHE_SIZE:
            self.clear()
        value = self[word] = normalize_word(word)
        return value


_normalized_words = _WordCache()


RECENT_TEXTS = 512
"""Long texts remembered: twice the articles the enrichment runs through its steps together."""
RECENT_MIN_CHARS = 256
_recent_texts: dict[str, str] = {}


def normalize_text(text: str) -> str:
    """NFKC, Arabic folding, accents, case and punctuation folded; words joined by single spaces.

    Recent long texts are remembered: the enrichment steps of one article
    (dedup, entities, topics) each normalize the same headline and body."""
    remembered = _recent_texts.get(text)
    if remembered is not None:
        return remembered
    normalized = " ".join(filter(None, map(_normalized_words.__getitem__, text.split())))
    if len(text) >= RECENT_MIN_CHARS:
        if len(_recent_texts) >= RECENT_TEXTS:
            _recent_texts.pop(next(iter(_recent_texts), ""), None)
        _recent_texts[text] = normalized
    return normalized


def tokens(text: str) -> list[str]:
    """Normalized word tokens."""
    return normalize_text(text).split()
