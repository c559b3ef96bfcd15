"""Text normalization (docs/ARCHITECTURE.md, Deduplication): the same story with
different diacritics, hamza spellings, digits, punctuation or case must
normalize to the same string.

The work is done by the compiled `newswire_text` module (`native/`): a text is
cut into word runs (letters, digits and the marks removed inside words), each
run gets NFKC, Arabic letter and digit folding, diacritics and tatweel off,
case folding, accents off and Latin ligatures spelled out, and the tokens are
joined by single spaces. Gazetteer names, topic keywords, stored search text
and article text all go through the same function, so they always agree."""

from __future__ import annotations

from newswire_text import fold_arabic, normalize_text

__all__ = ["fold_arabic", "normalize_text", "tokens"]


def tokens(text: str) -> list[str]:
    """Normalized word tokens."""
    return normalize_text(text).split()
